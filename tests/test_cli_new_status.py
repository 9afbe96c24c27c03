"""`timeline new`, `timeline status`, and the lock that keeps two runs from interleaving."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_editing_support import ARTICLE_A_CHANGED, SEED, event_files, inside, make_project, snapshot, timeline

from builder.lock import LOCK_NAME, LockBusy, exclusive
from builder.store import load_event_file

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path):
    make_project(tmp_path)
    with inside(tmp_path):
        yield tmp_path


NEW = ("new", "--date", "2021-03-03", "--title", "هجوم صاروخي على قاعدة عين الأسد", "--type", "assault",
       "--mode", "heavy-weapons", "--place", "عين الأسد", "--actor", "فصائل مسلحة", "--source", SEED)


def test_new_writes_a_valid_reviewed_file_with_a_fresh_id(project):
    code, out, err = timeline(*NEW)
    assert code == 0, err
    path = project / out.strip()
    assert path.parent == project / "events" / "2021"
    event, problems = load_event_file(path)
    assert problems == []
    assert event.id == path.stem and event.id.startswith("2021-03-03-") and "assault-heavy-weapons" in event.id
    assert event.status == "reviewed"
    assert (event.type, event.mode, event.actors) == ("assault", "heavy-weapons", ["فصائل مسلحة"])
    assert event.sources[0].article == SEED
    assert str(event.sources[0].published) == "2021-02-27"          # read from the article itself
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/")
    assert timeline("validate")[0] == 0
    # the same flags again: a fresh id, never the same file
    code, out2, _ = timeline(*NEW)
    assert code == 0 and out2 != out
    assert (project / out2.strip()).stem == f"{event.id}-2"
    assert path.read_bytes() == (project / out.strip()).read_bytes()


def test_new_with_range_and_approximate(project):
    code, out, err = timeline("new", "--date", "2021-02", "--until", "2021-03", "--approximate", "--title",
                              "موجة احتجاجات", "--type", "protest", "--place", "البصرة", "--lang", "ar")
    assert code == 0, err
    data = yaml.safe_load((project / out.strip()).read_text(encoding="utf-8"))
    assert (data["date"], data["until"], data["approximate"]) == ("2021-02", "2021-03", True)


@pytest.mark.parametrize("flags, message", [
    (("--date", "2021-02-30"), "--date '2021-02-30': day is out of range for month"),
    (("--date", "27/02/2021"), "--date '27/02/2021': is not in the expected format"),
    (("--date", "2021-03-01", "--until", "2021-02-01"), "--until '2021-02-01': until 2021-02-01 is before"),
])
def test_new_refuses_invalid_values_and_writes_nothing(project, flags, message):
    code, _, err = timeline("new", *flags, "--title", "x", "--type", "assault")
    assert code == 1
    assert message in err and "nothing was written" in err
    assert event_files(project / "events") == {}


def test_new_refuses_an_unknown_type(project):
    code, _, err = timeline("new", "--date", "2021-03-01", "--title", "x", "--type", "bombing")
    assert code == 2
    assert "invalid choice: 'bombing'" in err


def test_new_never_overwrites(project):
    code, out, _ = timeline(*NEW)
    path = project / out.strip()
    before = path.read_bytes()
    code, _, err = timeline("new", "--id", path.stem, "--date", "2021-03-04", "--title", "y", "--type", "protest")
    assert code == 1
    assert f"id {path.stem!r} is already used by events/2021/{path.name}" in err
    assert path.read_bytes() == before
    # an id extract wrote and a person deleted is not free either
    assert timeline("extract", "seeds")[0] == 0
    victim = sorted(event_files(project / "events"))[0]
    event_files(project / "events")[victim].unlink()
    assert timeline("extract", "seeds")[0] == 0
    code, _, err = timeline("new", "--id", victim, "--date", "2021-02-27", "--title", "y", "--type", "protest")
    assert code == 1 and "already used" in err


def test_status_lists_drafts_by_article(project):
    assert timeline("extract", "seeds", "articles")[0] == 0
    files = event_files(project / "events")
    code, out, _ = timeline("status")
    assert code == 0
    first = out.splitlines()[0]
    assert first == f"{len(files)} drafts waiting for review in 4 articles"
    assert f"\n{SEED} (" in out and "\narticles/a.md (" in out
    reviewed = sorted(files)[0]
    text = files[reviewed].read_text(encoding="utf-8").replace("status: draft", "status: reviewed")
    files[reviewed].write_text(text, encoding="utf-8")
    (project / "articles" / "a.md").write_text(ARTICLE_A_CHANGED, encoding="utf-8")
    code, out, _ = timeline("status")
    assert out.splitlines()[0].startswith(f"{len(files) - 1} drafts waiting")
    assert f"events/{reviewed[:4]}/{reviewed}.yaml" not in out
    assert "articles changed since the last extract (run `timeline extract`):\n  articles/a.md" in out
    assert f"events: {len(files) - 1} draft, 1 reviewed, 0 rejected" in out
    code, out, _ = timeline("status", "--article", "articles/b.md")
    assert "\narticles/b.md (" in out and SEED not in out


def test_second_run_is_refused_with_a_clear_message_while_the_lock_is_held(project):
    events = project / "events"
    with exclusive(events, "extract"):
        before = snapshot(events)
        code, _, err = timeline("extract", "seeds")
        assert code == 3
        assert "events/ is being changed by `timeline extract` (pid" in err
        assert "wait for it to finish, then run this again" in err
        code, _, err = timeline("new", "--date", "2021-03-01", "--title", "x", "--type", "protest")
        assert code == 3
        assert snapshot(events) == before
        with pytest.raises(LockBusy):
            with exclusive(events, "new"):
                pass
    assert not (events / LOCK_NAME).exists()
    assert timeline("extract", "seeds")[0] == 0


def test_lock_held_by_another_process_and_released_when_it_dies(project):
    events = project / "events"
    events.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from builder.lock import exclusive\n"
         "with exclusive(Path('events'), 'extract'):\n    print('held', flush=True); time.sleep(60)"],
        cwd=project, stdout=subprocess.PIPE, text=True, env={"PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, _, err = timeline("extract", "seeds")
        assert code == 3 and f"(pid {holder.pid}," in err
    finally:
        holder.kill()            # SIGKILL: no clean-up runs, the kernel drops the lock
        holder.wait()
    assert timeline("extract", "seeds")[0] == 0
    assert not (events / LOCK_NAME).exists()
