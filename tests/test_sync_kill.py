"""A run killed (SIGKILL) in the middle of writing leaves no partial file, holds no lock, and the
next run ends exactly where a run that was never killed ends."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from test_editing_support import ARTICLE_A_CHANGED, event_files, inside, make_project, snapshot, timeline

from builder.store import load_events
from builder.sync import load_record

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


def killed_at_write(n: int) -> int:
    """Run `timeline extract` in a forked child that SIGKILLs itself halfway through the bytes of
    its n-th file write (counting from 1). Returns the number of writes it reached."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        real_fdopen = os.fdopen
        count = [0]

        class Half:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return self.fh.__exit__(*exc)

            def write(self, data):
                count[0] += 1
                os.write(write_end, b".")
                if count[0] == n:
                    self.fh.write(data[: len(data) // 2])
                    self.fh.flush()
                    os.kill(os.getpid(), signal.SIGKILL)
                return self.fh.write(data)

            def __getattr__(self, name):
                return getattr(self.fh, name)

        os.fdopen = lambda fd, *a, **k: Half(real_fdopen(fd, *a, **k))
        try:
            sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115
            timeline("extract", "seeds", "articles")
        finally:
            os._exit(0)
    os.close(write_end)
    reached = b""
    while chunk := os.read(read_end, 1024):
        reached += chunk
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if len(reached) >= n:
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return len(reached)


def assert_whole(events: Path) -> None:
    loaded = load_events(events)
    assert not loaded.problems, [str(p) for p in loaded.problems]
    load_record(events)                                   # the record parses too
    for path in events.rglob("*.yaml"):
        assert path.read_text(encoding="utf-8").endswith("\n"), f"{path} is cut short"


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """What a run never killed leaves: after a first extract, and after article A changed."""
    project = make_project(tmp_path_factory.mktemp("reference"))
    with inside(project):
        assert timeline("extract", "seeds", "articles")[0] == 0
        first = snapshot(project / "events")
        (project / "articles" / "a.md").write_text(ARTICLE_A_CHANGED, encoding="utf-8")
        assert timeline("extract", "seeds", "articles")[0] == 0
        second = snapshot(project / "events")
    # every write of the first run (pending record, each event file, clean record)
    writes = len(event_files(project / "events")) + 2
    return first, second, writes


@pytest.mark.parametrize("where", [1, 2, 0.5, -2, -1])
def test_killed_first_run_leaves_whole_files_and_next_run_ends_the_same(tmp_path, reference, where):
    first, _, writes = reference
    n = where if isinstance(where, int) and where > 0 else (writes + where if isinstance(where, int)
                                                            else int(writes * where))
    with inside(make_project(tmp_path)):
        reached = killed_at_write(n)
        assert reached == n, f"the run stopped after {reached} writes before the kill point {n}"
        assert_whole(tmp_path / "events")
        assert timeline("extract", "seeds", "articles")[0] == 0    # the lock died with the run
        assert snapshot(tmp_path / "events") == first
        assert not list((tmp_path / "events").rglob("*.tmp"))


@pytest.mark.parametrize("n", [1, 2, 3])
def test_killed_update_run_keeps_people_work_and_next_run_ends_the_same(tmp_path, reference, n):
    _, second, _ = reference
    with inside(make_project(tmp_path)):
        assert timeline("extract", "seeds", "articles")[0] == 0
        (tmp_path / "articles" / "a.md").write_text(ARTICLE_A_CHANGED, encoding="utf-8")
        assert killed_at_write(n) == n
        assert_whole(tmp_path / "events")
        assert timeline("extract", "seeds", "articles")[0] == 0
        assert snapshot(tmp_path / "events") == second


def test_failure_inside_atomic_write_leaves_the_old_file(tmp_path, monkeypatch):
    from builder import yamlio

    target = tmp_path / "events" / "2021" / "x.yaml"
    yamlio.atomic_write(target, "id: x\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(yamlio.os, "replace", broken_replace)
    with pytest.raises(OSError):
        yamlio.atomic_write(target, "id: y\n" * 1000)
    assert target.read_text(encoding="utf-8") == "id: x\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.yaml"]


def test_failure_inside_atomic_write_many_leaves_old_files_and_no_temp_file(tmp_path, monkeypatch):
    from builder import yamlio

    folder = tmp_path / "events" / "2021"
    targets = [folder / f"{name}.yaml" for name in "abc"]
    assert yamlio.atomic_write_many([(t, f"id: {t.stem}\n") for t in targets]) == targets
    assert yamlio.atomic_write_many([(t, f"id: {t.stem}\n") for t in targets]) == []   # nothing changed
    real_replace = yamlio.os.replace
    calls = []

    def replace_then_fail(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(yamlio.os, "replace", replace_then_fail)
    with pytest.raises(OSError):
        yamlio.atomic_write_many([(t, f"id: {t.stem}-new\n") for t in targets])
    # each file is whole: the first renamed, the others as they were; no temporary file is left
    assert [t.read_text(encoding="utf-8") for t in targets] == ["id: a-new\n", "id: b\n", "id: c\n"]
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml", "b.yaml", "c.yaml"]
