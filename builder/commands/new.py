"""Write a new event file by hand, from flags, with a fresh id.

Example: timeline new --date 2021-03-01 --title "قصف صاروخي على قاعدة عين الأسد" --type assault
--mode heavy-weapons --place "عين الأسد" --source seeds/my-article.md

The file is events/<year>/<id>.yaml, valid and with the schema line for editors. Its status is
`reviewed` (a person wrote it), so extract never changes it. It never overwrites a file: with
--id, an id already in use is refused. Exit status: 0 written, 1 invalid values or id taken,
3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from ..lock import LockBusy, exclusive
from ..models import PLOVER_TYPES, Event, Place, Source
from ..store import display_path, event_path, iter_event_files, render_event
from ..sync import load_record
from ..yamlio import atomic_write

EXIT_LOCKED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM or YYYY")
    parser.add_argument("--title", required=True, help="one line saying what happened")
    parser.add_argument("--type", required=True, choices=PLOVER_TYPES, metavar="TYPE",
                        help="PLOVER category: " + ", ".join(PLOVER_TYPES))
    parser.add_argument("--place", action="append", default=[],
                        help="place name (repeatable); coordinates are looked up in the gazetteer")
    parser.add_argument("--mode", help="refines the type, e.g. explosives, heavy-weapons, visit")
    parser.add_argument("--until", help="inclusive end date, same formats as --date")
    parser.add_argument("--approximate", action="store_true", help="the day is unknown within date..until")
    parser.add_argument("--actor", action="append", default=[], help="actor (repeatable)")
    parser.add_argument("--source", action="append", default=[],
                        help="article path (relative to the project) or URL (repeatable)")
    parser.add_argument("--summary", help="1-3 sentences")
    parser.add_argument("--lang", default="ar", help="language of title and summary (default: ar)")
    parser.add_argument("--status", choices=("reviewed", "draft"), default="reviewed",
                        help="default reviewed: extract never changes it")
    parser.add_argument("--id", help="use this id instead of a fresh one (refused when in use)")
    parser.add_argument("--events", type=Path, default=Path("events"), help="event folder (default: events/)")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _lookup_place(name: str, lang: str) -> Place:
    """The gazetteer's entry when the whole name is a known place; else just the name."""
    try:
        from ..extract import _gazetteer

        for match in _gazetteer().find(name, lang):
            place = match.place if hasattr(match, "place") else None
            if isinstance(place, Place):
                return place.model_copy(update={"name": name})
    except Exception:  # the gazetteer is a convenience here, never a reason to fail
        pass
    return Place(name=name)


def fresh_id(base: str, taken: set[str]) -> str:
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def _base_id(args: argparse.Namespace, places: list[Place]) -> str:
    where = next((p.name_en for p in places if p.name_en), None) or next(
        (p.name for p in places if _slug(p.name)), "")
    parts = [args.date, _slug(where), args.type, args.mode or ""]
    return "-".join(p for p in parts if p)[:100].strip("-")


def _source(value: str) -> Source:
    """A source; outlet, publication date and URL come from the article when it can be read."""
    if "://" in value:
        return Source(article=value, url=value)
    try:
        from ..articles import read_article

        article = read_article(Path(value), root=Path.cwd())
        return Source(article=article.path, outlet=article.outlet, published=article.published,
                      url=article.url)
    except Exception:  # a missing article is a validation warning, not a reason to refuse
        return Source(article=Path(value).as_posix())


def run(args: argparse.Namespace) -> int:
    try:
        with exclusive(args.events, "new"):
            return _run_locked(args)
    except LockBusy as exc:
        print(f"timeline new: {exc}", file=sys.stderr)
        return EXIT_LOCKED


def _run_locked(args: argparse.Namespace) -> int:
    places = [_lookup_place(name, args.lang) for name in args.place]
    files = iter_event_files(args.events)
    taken = {p.stem for p in files}
    try:
        record = load_record(args.events)
        taken |= set(record.written) | record.deleted | set(record.yielders())
    except Exception:  # a broken record is reported by extract and validate
        pass
    if args.id and args.id in taken:
        existing = next((p for p in files if p.stem == args.id), None)
        where = (f" by {display_path(existing)}" if existing
                 else " by an event extract wrote or people deleted")
        print(f"timeline new: id {args.id!r} is already used{where}; nothing was written "
              f"(choose another --id, or leave --id out for a fresh one)", file=sys.stderr)
        return 1
    try:
        event = Event(
            id=args.id or fresh_id(_base_id(args, places), taken),
            date=args.date, until=args.until, approximate=args.approximate, title=args.title,
            summary=args.summary, type=args.type, mode=args.mode, actors=args.actor, places=places,
            lang=args.lang, sources=[_source(s) for s in args.source], status=args.status,
        )
    except ValidationError as exc:
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"]) or "event"
            from ..store import _FRIENDLY

            message = _FRIENDLY.get(err["type"], err["msg"].removeprefix("Value error, "))
            if not err["loc"] and message.startswith("until "):
                name = "until"
            flag = name.split(".")[0]
            given = getattr(args, flag, None)
            shown = f" {given!r}" if isinstance(given, str) else ""
            print(f"timeline new: --{flag}{shown}: {message} (nothing was written; fix the "
                  f"value and run again)", file=sys.stderr)
        return 1
    path = event_path(args.events, event)
    if path.exists():  # a file named after the id but holding another id: never overwrite
        print(f"timeline new: {display_path(path)} already exists; nothing was written "
              f"(choose another --id)", file=sys.stderr)
        return 1
    atomic_write(path, render_event(event, path))
    print(display_path(path))
    return 0
