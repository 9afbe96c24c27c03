"""List the drafts waiting for review, by article, and what else needs attention.

For each article: its drafts (date, id, title, file) — open each, check it against the article, then
set `status: reviewed` (or `rejected`). Also shown: drafts a person edited without marking them,
articles whose text changed since the last extract, and counts of reviewed, rejected and
hand-written events. Exit status: 0 (also with drafts waiting), 1 when event files cannot be read.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from ..models import Event
from ..store import display_path, load_events
from ..sync import RecordError, file_fingerprint, load_record


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=Path, default=Path("events"), help="event folder (default: events/)")
    parser.add_argument("--article", help="only this article's drafts")


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def run(args: argparse.Namespace) -> int:
    loaded = load_events(args.events)
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    try:
        record = load_record(args.events)
    except RecordError as exc:
        print(exc.problem, file=sys.stderr)
        return 1
    by_article: dict[str, list[tuple[Event, Path]]] = {}
    edited: list[Path] = []
    counts = {"draft": 0, "reviewed": 0, "rejected": 0}
    by_hand = 0
    yielded = record.yielders()
    for event, path in zip(loaded.events, loaded.files, strict=True):
        counts[event.status] += 1
        if event.id not in record.written and event.id not in yielded:
            by_hand += 1
        if event.status != "draft":
            continue
        if event.id in record.written and record.written[event.id] != file_fingerprint(path):
            edited.append(path)
        articles = sorted({s.article for s in event.sources}) or ["(no source)"]
        for article in articles:
            by_article.setdefault(article, []).append((event, path))
    if args.article:
        by_article = {a: v for a, v in by_article.items() if a == args.article}

    out: list[str] = []
    waiting = sum(len(v) for v in by_article.values())
    where = f" in {len(by_article)} articles" if by_article else ""
    out.append(f"{waiting} drafts waiting for review{where}")
    for article in sorted(by_article):
        drafts = sorted(by_article[article], key=lambda ep: (ep[0].span, ep[0].id))
        out.append("")
        out.append(f"{article} ({len(drafts)} drafts)")
        for event, path in drafts:
            when = event.date + (f"..{event.until}" if event.until else "")
            when += " ~" if event.approximate else ""
            out.append(f"  {when:<24} {event.title}")
            out.append(f"  {'':<24} {display_path(path)}")
    if edited:
        out.append("")
        out.append("drafts edited by a person but not marked reviewed (extract leaves them alone; "
                   "set `status: reviewed` when done):")
        out += [f"  {display_path(p)}" for p in sorted(edited)]
    changed = [a for a, rec in sorted(record.articles.items())
               if (sha := _sha(Path(a))) is not None and sha != rec.sha256]
    if changed:
        out.append("")
        out.append("articles changed since the last extract (run `timeline extract`):")
        out += [f"  {a}" for a in changed]
    out.append("")
    out.append(f"events: {counts['draft']} draft, {counts['reviewed']} reviewed, {counts['rejected']} "
               f"rejected; {by_hand} written by hand; {len(record.deleted)} deleted by people")
    print("\n".join(out))
    return 1 if loaded.errors else 0
