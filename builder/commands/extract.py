"""Read articles and write their events as YAML files (one per event).

Articles are files or folders (default: seeds/); events go to events/<year>/<id>.yaml. Events a
person marked reviewed or rejected are never changed. Running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from ..articles import ArticleError, iter_article_paths, read_article
from ..extract import extract_events
from ..store import load_events
from ..sync import sync_article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="article files or folders (default: seeds/)")
    parser.add_argument("--events", type=Path, default=Path("events"), help="event folder (default: events/)")
    parser.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    paths = args.paths or [Path("seeds")]
    try:
        article_paths = list(iter_article_paths(paths))
    except ArticleError as exc:
        console.print(f"[red]error[/]: {exc}", highlight=False)
        return 2
    store = load_events(args.events)
    if store.errors:
        for problem in store.errors:
            print(problem, file=sys.stderr)
        console.print("[red]fix the event files above first[/] (run `timeline validate`); nothing was written")
        return 1
    totals = {"new": 0, "updated": 0, "unchanged": 0, "kept": 0}
    problems: list[str] = []
    read = 0
    with Progress(console=console, transient=True, disable=len(article_paths) < 20) as progress:
        task = progress.add_task("extracting", total=len(article_paths))
        for path in article_paths:
            progress.advance(task)
            try:
                article = read_article(path, root=Path.cwd())
            except ArticleError as exc:
                problems.append(str(exc))
                continue
            read += 1
            report = sync_article(args.events, store, article.path, extract_events(article), args.dry_run)
            for key in totals:
                ids = getattr(report, key)
                totals[key] += len(ids)
                if args.dry_run and key in ("new", "updated"):
                    for ident in ids:
                        print(f"would {'create' if key == 'new' else 'update'} {ident}")
    for problem in problems:
        console.print(f"[yellow]skipped[/] {problem}", highlight=False)
    verb = "would be" if args.dry_run else ""
    console.print(
        f"{read} articles read; events {verb} new {totals['new']}, updated {totals['updated']}, "
        f"unchanged {totals['unchanged']}, kept as people left them {totals['kept']}; "
        f"{len(problems)} problems", highlight=False,
    )
    return 1 if problems and not read else 0
