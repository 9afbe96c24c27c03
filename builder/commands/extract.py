"""Read articles and write their events as YAML files (one per event).

Articles are files or folders (default: seeds/); events go to events/<year>/<id>.yaml. Events a
person reviewed, rejected, deleted, edited or wrote by hand are left as they are; an article whose
text changed has its drafts updated. Running it twice changes nothing. What the extractor made of
each article is cached in .timeline-cache/ (safe to delete), so a second run reads only new or
changed articles, and files with the same bytes are read once. --dry-run prints what would
be created, updated, removed or left alone, and writes nothing. Exit status: 0 done, 1 problems
in event files or no article could be read, 2 bad arguments, 3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from ..articles import ArticleError, iter_article_paths
from ..cache import ExtractionCache
from ..extract import extract_many
from ..lock import LockBusy, exclusive
from ..store import load_events
from ..sync import Extracted, RecordError, apply_plan, load_record, plan_sync
from ..validate import check_consistency
from ..yamlio import remove_stale_temp_files

EXIT_LOCKED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="article files or folders (default: seeds/)")
    parser.add_argument("--events", type=Path, default=Path("events"), help="event folder (default: events/)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be created, updated, removed or left alone; write nothing")
    parser.add_argument("--no-cache", action="store_true",
                        help="read every article again, even those this version of the extractor has seen "
                        "(cached in .timeline-cache/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print one line per event changed")


def _extract_all(paths: list[Path], use_cache: bool, dry_run: bool):
    """(path, article or its read error, events) for each article; big batches in parallel, and
    articles seen by the same extractor before come from the cache (see builder/cache.py)."""
    cache = ExtractionCache(Path.cwd(), writable=not dry_run) if use_cache else None
    # only path, sha256 and events are used: the workers need not send the texts back
    yield from extract_many(paths, root=Path.cwd(), bodies=False, cache=cache)


def _gone(record_articles: list[str], given: list[Path], root: Path) -> tuple[str, ...]:
    """Articles in the record, under the folders given, whose file was removed."""
    out = []
    for article in record_articles:
        path = root / article
        if path.exists():
            continue
        for folder in given:
            try:
                path.resolve().relative_to(folder.resolve())
            except ValueError:
                continue
            if folder.is_dir():
                out.append(article)
                break
    return tuple(out)


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    paths = args.paths or [Path("seeds")]
    try:
        article_paths = list(iter_article_paths(paths))
    except ArticleError as exc:
        console.print(f"[red]error[/]: {exc}", highlight=False)
        return 2
    # every event and source lives until the end of the run: with the default thresholds the
    # collector would walk them all again thousands of times (a cached run took twice as long)
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 50, 1000)
    try:
        with exclusive(args.events, "extract --dry-run" if args.dry_run else "extract"):
            return _run_locked(args, paths, article_paths, console)
    except LockBusy as exc:
        print(f"timeline extract: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    finally:
        gc.set_threshold(*thresholds)


def _run_locked(args, paths: list[Path], article_paths: list[Path], console: Console) -> int:
    if not args.dry_run:
        remove_stale_temp_files(args.events)
    store = load_events(args.events)
    errors = store.errors + [p for p in check_consistency(store) if p.severity == "error"]
    try:
        record = load_record(args.events)
    except RecordError as exc:
        errors.append(exc.problem)
    if errors:
        for problem in sorted(errors):
            print(problem, file=sys.stderr)
        console.print("[red]fix the files above first[/] (run `timeline validate`); nothing was written",
                      highlight=False)
        return 1
    problems: list[str] = []
    extracted: list[Extracted] = []
    with Progress(console=console, transient=True, disable=len(article_paths) < 20) as progress:
        task = progress.add_task("extracting", total=len(article_paths))
        for _, article, events in _extract_all(article_paths, not args.no_cache, args.dry_run):
            progress.advance(task)
            if isinstance(article, ArticleError):
                problems.append(str(article))
                continue
            extracted.append(Extracted(article.path, article.sha256, events))
    gone = _gone(sorted(record.articles), paths, Path.cwd())
    plan = plan_sync(args.events, store, record, extracted, gone)
    if args.dry_run or args.verbose:
        for line in plan.lines(args.dry_run):
            print(line)
    if not args.dry_run:
        apply_plan(args.events, plan)
    for problem in problems:
        console.print(f"[yellow]skipped[/] {problem}", highlight=False)
    verb = "would be " if args.dry_run else ""
    console.print(
        f"{len(extracted)} articles read; events {verb}new {len(plan.new)}, updated {len(plan.updated)}, "
        f"removed {len(plan.removed)}, unchanged {len(plan.unchanged)}, left as people left them "
        f"{len(plan.kept)}; {len(problems)} problems", highlight=False,
    )
    return 1 if problems and not extracted else 0
