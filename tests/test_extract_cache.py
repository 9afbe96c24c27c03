"""The extraction cache: a second `timeline extract` reads only new or changed articles, and what it
gives is exactly what extracting again gives."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from test_editing_support import SEED, inside, make_project, snapshot, timeline

import builder.extract as extract
from builder.cache import CACHE_DIR, ExtractionCache, extractor_fingerprint
from builder.extract import extract_many

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """The articles the extractor really reads."""
    seen: list[str] = []
    real = extract.extract_events
    monkeypatch.setattr(extract, "extract_events", lambda article: seen.append(article.path) or real(article))
    return seen


def _dump(results) -> list:
    return [(a.path, a.sha256, a.published, a.title, [e.model_dump() for e in ev]) for _p, a, ev in results]


def _articles(folder: Path) -> list[Path]:
    folder.mkdir()
    first, second = folder / "a.txt", folder / "b.txt"
    shutil.copyfile(ROOT / SEED, first)
    second.write_bytes((ROOT / SEED).read_bytes() + b"\n")  # other bytes, same story
    return [first, second]


def test_second_run_comes_from_the_cache_and_equals_a_fresh_read(tmp_path, calls):
    paths = _articles(tmp_path / "in")
    cache = ExtractionCache(tmp_path)
    first = list(extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=cache))
    assert calls == ["in/a.txt", "in/b.txt"]
    again = list(extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=ExtractionCache(tmp_path)))
    assert calls == ["in/a.txt", "in/b.txt"], "nothing read twice"
    assert _dump(again) == _dump(first)
    # moved: the cached events are told of their new path
    moved = tmp_path / "in" / "moved.txt"
    paths[0].rename(moved)
    (_p, article, events), = extract_many([moved], root=tmp_path, workers=1, bodies=False, cache=cache)
    assert article.path == "in/moved.txt" and events
    assert all(s.article == "in/moved.txt" for e in events for s in e.sources)
    assert len(calls) == 2


def test_damaged_entry_or_file_is_a_miss_and_is_replaced(tmp_path, calls):
    paths = _articles(tmp_path / "in")
    cache = ExtractionCache(tmp_path)
    first = list(extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=cache))
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE entries SET entry = ? WHERE sha256 = ?", ('{"article": {"title": "half', first[0][1].sha256))
    again = list(extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=ExtractionCache(tmp_path)))
    assert calls == ["in/a.txt", "in/b.txt", "in/a.txt"]
    assert _dump(again) == _dump(first)
    cache.path.write_bytes(b"not a database at all" * 100)
    fresh = extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=ExtractionCache(tmp_path))
    assert _dump(fresh) == _dump(first)
    assert len(calls) == 5, "a damaged file is read as empty"
    list(extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=ExtractionCache(tmp_path)))
    assert len(calls) == 5, "and written afresh"


def test_another_extractor_version_starts_afresh(tmp_path, calls):
    paths = _articles(tmp_path / "in")
    list(extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=ExtractionCache(tmp_path)))
    old = ExtractionCache(tmp_path).path
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    extractor_fingerprint.cache_clear()
    try:
        new = ExtractionCache(tmp_path)
        assert new.path != old
        list(extract_many(paths, root=tmp_path, workers=1, bodies=False, cache=new))
    finally:
        extractor_fingerprint.cache_clear()
    assert len(calls) == 4, "a project lexicon change means reading again"
    assert not old.exists(), "the old version's entries are removed"


def test_cli_second_run_is_cached_and_no_cache_gives_the_same_files(tmp_path, calls):
    make_project(tmp_path)
    with inside(tmp_path):
        code, _out, err = timeline("extract", "seeds")
        assert code == 0, err
        assert (tmp_path / CACHE_DIR).is_dir()
        before = snapshot(tmp_path / "events")
        read = len(calls)
        code, _out, err = timeline("extract", "seeds")
        assert code == 0, err
        assert len(calls) == read and snapshot(tmp_path / "events") == before
        code, _out, err = timeline("extract", "seeds", "--no-cache")
        assert code == 0, err
        assert len(calls) > read and snapshot(tmp_path / "events") == before
        shutil.rmtree(tmp_path / CACHE_DIR)
        code, _out, err = timeline("extract", "seeds", "--dry-run")
        assert code == 0, err
        assert not (tmp_path / CACHE_DIR).exists(), "a dry run writes nothing, not even the cache"
