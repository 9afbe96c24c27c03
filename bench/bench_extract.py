"""Benchmark: `timeline extract` over the dev articles copied to >= 5,000 files (issue 4's speed check).

Copies ../shared/corpus/articles_ar and articles_en into a temporary folder as many times as needed,
then measures:

- the whole command, `timeline extract <folder> --events <empty folder>` (called in this process
  through builder.cli.main, so its worker processes are this process's children, from the
  temporary folder, so its extraction cache starts empty): a first run that writes every event,
  and two second runs over the same articles, where nothing changes: one with the cache the first
  run left, one with --no-cache;
- the extractor alone (read + extract every file through `extract_many`, no YAML, no sync), once in
  this process and once with a pool of worker processes (skip with --no-extractor).

`timeline extract` reads files with the same bytes once, so plain copies measure mostly the writing;
--distinct ends every copy with a different number of blank lines, which the reader drops: the
bytes differ, the text does not, and every file is read and extracted as the different article it
would be in a real archive.

Each figure is printed with articles/s, peak memory (ru_maxrss of this process and of its largest
child) and the load average at the time: the machine is shared, and a busy neighbour halves the
figures. Target: >= 500 articles/s on a 2-core machine.

    .venv/bin/python bench/bench_extract.py [--files 5000] [--workers 2] [--corpus PATH]
        [--distinct] [--dir DIR] [--no-extractor] [--profile out.prof]
"""

from __future__ import annotations

import argparse
import contextlib
import io
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


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def _peak() -> str:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f"peak memory {own:.0f} MB (this process), {child:.0f} MB (largest child)"


def _extractor(paths: list[Path], folder: Path, workers: int) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    events = skipped = 0
    for _path, article, found in extract_many(paths, root=folder, workers=workers):
        if isinstance(article, ArticleError):
            skipped += 1
        events += len(found)
    return time.perf_counter() - t0, events, skipped


def _command(folder: Path, events_dir: Path, profile: Path | None, *extra: str) -> tuple[float, int, str]:
    """One `timeline extract` run; returns seconds, exit status and its summary line."""
    from builder.cli import main as cli_main

    argv = ["extract", str(folder), "--events", str(events_dir), *extra]
    err = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stderr(err):
        if profile is None:
            status = cli_main(argv)
        else:
            import cProfile

            prof = cProfile.Profile()
            status = prof.runcall(cli_main, argv)
            prof.dump_stats(profile)
    seconds = time.perf_counter() - t0
    lines = [ln for ln in err.getvalue().splitlines() if ln.strip()]
    if status != 0:                       # show why (problems in event files, a crash ...)
        print("\n".join(ln for ln in lines if not ln.startswith(("skipped", "(add", "published")))[-3000:],
              file=sys.stderr)
    return seconds, status, lines[-1] if lines else ""


def _count_files(events_dir: Path) -> int:
    return sum(1 for p in events_dir.rglob("*.yaml") if not p.name.startswith("."))


def _snapshot(events_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(events_dir).as_posix(): p.read_bytes() for p in events_dir.rglob("*") if p.is_file()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for the pool run")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--dir", type=Path, default=ROOT / "bench" / "out",
                        help="where to make the temporary project (default: bench/out, on the disk events/ "
                        "live on; some machines create files in /tmp many times slower)")
    parser.add_argument("--distinct", action="store_true",
                        help="no two files with the same bytes: every file is extracted (see above)")
    parser.add_argument("--no-extractor", action="store_true", help="measure only the whole command")
    parser.add_argument("--no-command", action="store_true", help="measure only the extractor")
    parser.add_argument("--profile", type=Path, help="cProfile run 1 here, run 2 to NAME.second.prof")
    args = parser.parse_args()
    sources = sorted(
        p for d in ("articles_ar", "articles_en") for p in (args.corpus / d).glob("*") if p.suffix in (".md", ".txt")
    )
    if not sources:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 2
    print(f"cpus: {os.cpu_count()}, {_load()} (before)")
    args.dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        n = copy = 0
        while n < args.files:
            for src in sources:
                dest = folder / f"{n:06d}-{src.name}"
                shutil.copyfile(src, dest)
                if args.distinct and copy:
                    with open(dest, "ab") as fh:
                        fh.write(b"\n" * copy)
                n += 1
            copy += 1
        paths = list(iter_article_paths([folder]))
        distinct = len({p.read_bytes() for p in paths})
        print(f"files: {len(paths)}, {distinct} different")

        if not args.no_command:
            events_dir = Path(tmp) / "events"
            os.chdir(tmp)  # the project folder: its extraction cache (.timeline-cache/) starts empty
            seconds, status, summary = _command(folder, events_dir, args.profile)
            written = _count_files(events_dir)
            print(f"timeline extract, empty events folder: {seconds:.1f}s, articles/s: {len(paths) / seconds:.0f} "
                  f"(target >= 500), exit {status}, {written} event files written; {_load()}")
            print(f"    {summary}")
            before = _snapshot(events_dir)
            second_profile = args.profile.with_suffix(".second.prof") if args.profile else None
            same = True
            for name, extra in (("second run (cached)", ()), ("second run, --no-cache", ("--no-cache",))):
                seconds, status, summary = _command(folder, events_dir, second_profile, *extra)
                unchanged = _snapshot(events_dir) == before
                same = same and unchanged
                print(f"timeline extract, {name + ':':<24}{seconds:.1f}s, articles/s: {len(paths) / seconds:.0f}, "
                      f"exit {status}, {'no byte changed' if unchanged else 'FILES CHANGED'}; {_load()}")
                print(f"    {summary}")
                second_profile = None
            print(f"    {_peak()}")
            os.chdir(ROOT)
            if not same:
                print("error: a second run changed files", file=sys.stderr)
                return 1

        if not args.no_extractor:
            # warm up the lexicons (loaded once per run, as in `timeline extract`); forked workers inherit them
            extract_events(read_article(paths[0]))
            single, events, skipped = _extractor(paths, folder, 1)
            print(f"extractor only, one process: {single:.1f}s, articles/s: {len(paths) / single:.0f}, "
                  f"events: {events} ({skipped} unreadable); {_load()}")
            pooled, events_p, _ = _extractor(paths, folder, args.workers)
            print(f"extractor only, {args.workers} workers:   {pooled:.1f}s, articles/s: {len(paths) / pooled:.0f}; "
                  f"{_load()}")
            if events_p != events:
                print(f"warning: the pool found {events_p} events, one process {events}", file=sys.stderr)
            print(f"    {_peak()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
