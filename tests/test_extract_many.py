"""extract_many: the pool gives what one process gives, in the same order, read errors included."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.articles import ArticleError
from builder.extract import PARALLEL_MIN, extract_many

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_696c8f031478c01d.txt"


def test_pool_matches_one_process(tmp_path):
    paths = []
    for i in range(PARALLEL_MIN + 2):
        dest = tmp_path / f"{i:03d}.txt"
        shutil.copyfile(SEED, dest)
        paths.append(dest)
    broken = tmp_path / "999.txt"
    broken.write_bytes(b"")
    paths.append(broken)
    one = list(extract_many(paths, root=tmp_path, workers=1))
    pool = list(extract_many(paths, root=tmp_path, workers=2, chunksize=8))
    assert [p for p, _a, _e in pool] == paths
    assert [[e.model_dump() for e in ev] for _p, _a, ev in pool] == [
        [e.model_dump() for e in ev] for _p, _a, ev in one
    ]
    assert one[0][2], "the seed gives events"
    assert isinstance(pool[-1][1], ArticleError) and isinstance(one[-1][1], ArticleError)


def test_without_bodies_keeps_what_extract_needs(tmp_path):
    paths = []
    for i in range(PARALLEL_MIN + 2):
        dest = tmp_path / f"{i:03d}.txt"
        shutil.copyfile(SEED, dest)
        paths.append(dest)
    full = list(extract_many(paths, root=tmp_path, workers=1))
    slim = list(extract_many(paths, root=tmp_path, workers=2, chunksize=8, bodies=False))
    assert [p for p, _a, _e in slim] == paths
    for (_p, a, ev), (_q, b, ev_slim) in zip(full, slim, strict=True):
        assert (b.path, b.sha256, b.lang, b.published, b.title) == (a.path, a.sha256, a.lang, a.published, a.title)
        assert b.text == "" and b.paragraphs == ()
        assert [e.model_dump() for e in ev_slim] == [e.model_dump() for e in ev]
