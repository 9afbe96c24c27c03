"""Benchmark: extraction speed over the dev articles copied to >= 5,000 files.

Copies ../shared/corpus/articles_ar and articles_en into a temporary folder as many times as needed,
then reads and extracts every file (the work `timeline extract` does per article, without writing
YAML) through `extract_many`, once in this process and once with a pool of worker processes, and
prints articles/s and peak memory for each. Target: >= 500 articles/s on a 2-core machine.

    .venv/bin/python bench/bench_extract.py [--files 5000] [--workers 2] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from builder.articles import ArticleError, iter_article_paths, read_article  # noqa: E402
from builder.extract import extract_events, extract_many  # noqa: E402


def _run(paths: list[Path], folder: Path, workers: int) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    events = skipped = 0
    for _path, article, found in extract_many(paths, root=folder, workers=workers):
        if isinstance(article, ArticleError):
            skipped += 1
        events += len(found)
    return time.perf_counter() - t0, events, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for the pool run")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    sources = sorted(
        p for d in ("articles_ar", "articles_en") for p in (args.corpus / d).glob("*") if p.suffix in (".md", ".txt")
    )
    if not sources:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = 0
        while n < args.files:
            for src in sources:
                shutil.copyfile(src, folder / f"{n:06d}-{src.name}")
                n += 1
        paths = list(iter_article_paths([folder]))
        # warm up the lexicons (loaded once per run, as in `timeline extract`); forked workers inherit them
        extract_events(read_article(paths[0]))
        single, events, skipped = _run(paths, folder, 1)
        peak_single = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pooled, events_p, _ = _run(paths, folder, args.workers)
        peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"files: {len(paths)} ({skipped} unreadable), events: {events}")
    if events_p != events:
        print(f"warning: the pool found {events_p} events, one process {events}", file=sys.stderr)
    print(f"one process:   {single:.1f}s, articles/s: {len(paths) / single:.0f} (target >= 500)")
    print(f"{args.workers} workers:     {pooled:.1f}s, articles/s: {len(paths) / pooled:.0f} (target >= 500)")
    print(f"peak memory: {peak_single:.0f} MB (main process), {peak_child:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
