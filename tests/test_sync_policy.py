"""Re-extract respects people: `timeline extract` run again after people edited the event files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_editing_support import (
    ARTICLE_A_CHANGED,
    ARTICLE_B,
    SEED,
    event_files,
    inside,
    make_project,
    snapshot,
    timeline,
)

from builder.articles import read_article
from builder.extract import extract_events
from builder.sync import RECORD_NAME


@pytest.fixture
def project(tmp_path: Path):
    make_project(tmp_path)
    with inside(tmp_path):
        yield tmp_path


def extract(*paths: str) -> str:
    code, out, err = timeline("extract", *(paths or ("seeds", "articles")), "--verbose")
    assert code == 0, err
    return out


def set_field(path: Path, **changes) -> None:
    """Edit an event file the way a person would: change lines, keep the rest."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for key, value in changes.items():
        lines = [f"{key}: {value}\n" if ln.startswith(f"{key}:") else ln for ln in lines]
    path.write_text("".join(lines), encoding="utf-8")


def record(project: Path) -> dict:
    return yaml.safe_load((project / "events" / RECORD_NAME).read_text(encoding="utf-8"))


def yielded(path: str) -> list[str]:
    return [e.id for e in extract_events(read_article(Path(path), root=Path.cwd()))]


def test_second_run_changes_no_byte_and_record_is_sorted(project):
    extract()
    first = snapshot(project / "events")
    assert len(event_files(project / "events")) >= 3, "the seed and test articles yield events"
    extract()
    assert snapshot(project / "events") == first
    rec = record(project)
    assert list(rec["articles"]) == sorted(rec["articles"])
    seed = rec["articles"][SEED]
    assert seed["sha256"] == __import__("hashlib").sha256((project / SEED).read_bytes()).hexdigest()
    assert seed["events"] == sorted(seed["events"]) == sorted(yielded(SEED))
    assert set(rec["written"]) == set(event_files(project / "events"))
    assert rec["deleted"] == []
    text = (project / "events" / RECORD_NAME).read_text(encoding="utf-8")
    assert text.startswith("# Written by `timeline extract`")


def test_reviewed_event_with_a_person_correction_is_never_changed(project):
    extract()
    ident, path = next(iter(event_files(project / "events").items()))
    set_field(path, status="reviewed", title="عنوان صححه محرر")
    edited = path.read_bytes()
    out = extract()
    assert path.read_bytes() == edited
    assert f"left alone {path.relative_to(project).as_posix()}: reviewed by a person" in out


def test_rejected_event_stays_and_a_deleted_rejected_one_never_comes_back(project):
    extract()
    files = event_files(project / "events")
    (rejected, rpath), (gone, gpath) = list(files.items())[:2]
    set_field(rpath, status="rejected")
    kept = rpath.read_bytes()
    gpath.unlink()
    extract()
    assert rpath.read_bytes() == kept
    assert not gpath.exists()
    assert gone in record(project)["deleted"]
    rpath.unlink()                       # a person deletes the rejected event too
    extract()
    extract()
    assert set(event_files(project / "events")) == set(files) - {rejected, gone}
    assert {rejected, gone} <= set(record(project)["deleted"])


def test_removing_an_id_from_deleted_lets_extract_create_it_again(project):
    extract()
    ident, path = next(iter(event_files(project / "events").items()))
    original = path.read_bytes()
    path.unlink()
    extract()
    assert not path.exists()
    rec_path = project / "events" / RECORD_NAME
    text = rec_path.read_text(encoding="utf-8").replace(f"\n- {ident}\n", "\n")
    rec_path.write_text(text, encoding="utf-8")
    extract()
    assert path.read_bytes() == original


def test_draft_edited_without_marking_it_is_left_alone(project):
    extract()
    ident, path = next(iter(event_files(project / "events").items()))
    set_field(path, title="عنوان عدله شخص ولم يراجعه")
    edited = path.read_bytes()
    code, out, _ = timeline("extract", "seeds", "articles", "--dry-run")
    assert code == 0
    assert f"left alone {path.relative_to(project).as_posix()}: a draft a person edited" in out
    extract()
    assert path.read_bytes() == edited
    code, out, _ = timeline("status")
    assert "drafts edited by a person but not marked reviewed" in out
    assert path.relative_to(project).as_posix() in out


def test_hand_written_event_is_untouched_even_when_extract_yields_its_id(project):
    ids = yielded("articles/b.md")
    assert ids, "article B yields events"
    code, out, err = timeline("new", "--id", ids[0], "--date", "2021-03-09", "--title", "كتبه شخص بيده",
                              "--type", "protest", "--status", "draft")
    assert code == 0, err
    hand = project / out.strip()
    written = hand.read_bytes()
    code, out2, err = timeline("new", "--date", "2021-03-09", "--title", "حدث آخر", "--type", "protest")
    other = project / out2.strip()
    extract()
    assert hand.read_bytes() == written
    assert other.exists()
    code, out, _ = timeline("extract", "articles", "--dry-run")
    assert f"left alone {out.strip() and hand.relative_to(project).as_posix()}: written by hand" in out


def test_changed_article_updates_only_its_drafts_and_drops_what_it_no_longer_says(project):
    extract()
    before_ids = set(yielded("articles/a.md"))
    seed_before = {i: p.read_bytes() for i, p in event_files(project / "events").items()
                   if i in set(yielded(SEED))}
    (project / "articles" / "a.md").write_text(ARTICLE_A_CHANGED, encoding="utf-8")
    after_ids = set(yielded("articles/a.md"))
    assert before_ids and after_ids and before_ids != after_ids, "the two texts yield different events"
    code, out, _ = timeline("extract", "seeds", "articles", "--dry-run")
    assert "article changed since the last extract: articles/a.md" in out
    for ident in before_ids - after_ids:
        assert f"would remove events/{ident[:4]}/{ident}.yaml" in out
    extract()
    files = event_files(project / "events")
    assert after_ids <= set(files)
    assert not (before_ids - after_ids - set(yielded("articles/b.md"))) & set(files)
    assert {i: files[i].read_bytes() for i in seed_before} == seed_before
    rec = record(project)["articles"]["articles/a.md"]
    assert rec["events"] == sorted(after_ids)


def test_changed_article_keeps_a_reviewed_event_it_no_longer_yields(project):
    extract()
    old = sorted(set(yielded("articles/a.md")))
    path = event_files(project / "events")[old[0]]
    set_field(path, status="reviewed")
    kept = path.read_bytes()
    (project / "articles" / "a.md").write_text(ARTICLE_A_CHANGED, encoding="utf-8")
    extract()
    assert path.read_bytes() == kept


def test_same_event_in_two_articles_carries_both_sources_deterministically(project):
    (project / "articles" / "d.md").write_text(ARTICLE_B.replace("وكالة الاختبار", "وكالة ثانية"),
                                               encoding="utf-8")
    extract()
    first = snapshot(project / "events")
    ident = yielded("articles/b.md")[0]
    data = yaml.safe_load(event_files(project / "events")[ident].read_text(encoding="utf-8"))
    assert [s["article"] for s in data["sources"]] == ["articles/b.md", "articles/d.md"]
    extract("articles/d.md")             # one article alone: still the same bytes
    extract("articles/b.md", "articles/d.md")
    assert snapshot(project / "events") == first
    (project / "articles" / "d.md").unlink()
    extract()
    data = yaml.safe_load(event_files(project / "events")[ident].read_text(encoding="utf-8"))
    assert [s["article"] for s in data["sources"]] == ["articles/b.md"]
    assert "articles/d.md" not in record(project)["articles"]


def test_dry_run_writes_nothing_and_says_what_it_would_do(project):
    code, out, _ = timeline("extract", "seeds", "articles", "--dry-run")
    assert code == 0
    assert not (project / "events" / RECORD_NAME).exists()
    assert event_files(project / "events") == {}
    assert sum(line.startswith("would create events/") for line in out.splitlines()) == len(
        set(yielded(SEED)) | set(yielded("articles/a.md")) | set(yielded("articles/b.md"))
        | set(yielded("articles/c.md")))
    extract()
    before = snapshot(project / "events")
    code, out, _ = timeline("extract", "seeds", "articles", "--dry-run")
    assert snapshot(project / "events") == before
    assert "would" not in out


def test_broken_record_file_stops_extract_with_its_line(project):
    extract()
    rec = project / "events" / RECORD_NAME
    rec.write_text(rec.read_text(encoding="utf-8") + "<<<<<<< HEAD\nwritten: [\n", encoding="utf-8")
    before = snapshot(project / "events")
    code, _, err = timeline("extract", "seeds", "articles")
    assert code == 1
    assert "events/.extracted.yaml:" in err and "record: has git merge conflict markers" in err
    assert snapshot(project / "events") == before


def test_extract_refuses_to_run_over_a_broken_event_file(project):
    extract()
    path = next(iter(event_files(project / "events").values()))
    set_field(path, date="2021-02-30")
    before = snapshot(project / "events")
    code, _, err = timeline("extract", "seeds", "articles")
    assert code == 1
    rel = path.relative_to(project).as_posix()
    assert f"{rel}:3:1: date: day is out of range for month" in err
    assert snapshot(project / "events") == before


def test_project_without_a_record_adopts_its_drafts_and_changes_nothing(project):
    extract()
    before = snapshot(project / "events")
    (project / "events" / RECORD_NAME).unlink()        # e.g. events made before the record existed
    extract()
    assert snapshot(project / "events") == before


def test_record_over_one_megabyte_still_loads(tmp_path):
    """Thousands of articles make a record bigger than an event file may be (1 MB)."""
    from builder.sync import ArticleRecord, Record, load_record, record_path

    big = Record({f"articles/{i:06d}-{'x' * 60}.md": ArticleRecord("0" * 64, [f"2021-02-27-event-{i}"])
                  for i in range(12_000)}, {f"2021-02-27-event-{i}": "f" * 16 for i in range(12_000)},
                 exists=True)
    record_path(tmp_path).write_text(big.to_text(), encoding="utf-8")
    assert record_path(tmp_path).stat().st_size > 1_000_000
    loaded = load_record(tmp_path)
    assert loaded.articles == big.articles and loaded.written == big.written
