"""extract_many reads files with the same bytes once; each copy still gets its own article path."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.articles import ArticleError
from builder.extract import PARALLEL_MIN, extract_many

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_696c8f031478c01d.txt"


def _folder(tmp_path: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        dest = tmp_path / "in" / f"{i:03d}.txt"
        dest.parent.mkdir(exist_ok=True)
        shutil.copyfile(SEED, dest)
        paths.append(dest)
    # one copy differs by a byte: it is a different article and is extracted on its own
    paths[1].write_bytes(SEED.read_bytes() + b"\n")
    return paths


def test_copies_get_their_own_path_and_same_events(tmp_path, monkeypatch):
    paths = _folder(tmp_path, 4)
    calls = []
    import builder.extract as extract

    real = extract.extract_events
    monkeypatch.setattr(extract, "extract_events", lambda article: calls.append(article.path) or real(article))
    results = list(extract_many(paths, root=tmp_path, workers=1))
    assert calls == ["in/000.txt", "in/001.txt"], "identical bytes are extracted once"
    assert [p for p, _a, _e in results] == paths
    for path, article, events in results:
        rel = path.relative_to(tmp_path).as_posix()
        assert article.path == rel
        assert events and all(s.article == rel for e in events for s in e.sources)
    first, copy = results[0][2], results[2][2]
    strip = [{**e.model_dump(), "sources": None} for e in first]
    assert strip == [{**e.model_dump(), "sources": None} for e in copy]
    # the copies do not share lists: changing one leaves the other as it was
    copy[0].actors.append("someone else")
    assert "someone else" not in first[0].actors


def test_copies_in_the_pool_and_broken_copies(tmp_path):
    paths = _folder(tmp_path, PARALLEL_MIN + 3)
    for name in ("x.txt", "y.txt"):  # two empty files: same bytes, each reported under its own name
        (tmp_path / "in" / name).write_bytes(b"")
        paths.append(tmp_path / "in" / name)
    one = list(extract_many(paths, root=tmp_path, workers=1))
    pool = list(extract_many(paths, root=tmp_path, workers=2, chunksize=8, bodies=False))
    assert [p for p, _a, _e in pool] == paths
    assert [[e.model_dump() for e in ev] for _p, _a, ev in pool] == [[e.model_dump() for e in ev] for _p, _a, ev in one]
    x, y = pool[-2][1], pool[-1][1]
    assert isinstance(x, ArticleError) and isinstance(y, ArticleError)
    assert "x.txt" in str(x) and "y.txt" in str(y)
