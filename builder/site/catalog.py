"""What the site is made of: the visible events, and the days, weeks, places, actors and articles
they fall into, each with its page path. Every page generator reads this one index."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from ..models import Event, Place, parse_partial_date
from .labels import SEVERITY

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


@cache
def _span(first: str, until: str | None) -> tuple[date, date]:
    start, last = parse_partial_date(first)
    if until:
        last = parse_partial_date(until)[1]
    return start, last


def span_of(event: Event) -> tuple[date, date]:
    """span_of(event), parsed once per distinct (date, until): the pages ask for it ~15 times an event."""
    return _span(event.date, event.until)


def slug(text: str, prefix: str = "") -> str:
    """ASCII slug; names without Latin letters get a short stable hash."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    base = _SLUG_DROP.sub("-", ascii_text).strip("-")[:60]
    if not base:
        base = prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return base


def briefing_day(event: Event) -> date:
    """The day whose briefing carries the event: its day; the first day of a known range; the last
    possible day of an approximate one (by then it had happened)."""
    first, last = span_of(event)
    return last if event.approximate else first


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(key: str) -> date:
    return date.fromisocalendar(int(key[:4]), int(key[6:]), 1)


def severity(event: Event) -> int:
    return SEVERITY.index(event.type) if event.type in SEVERITY else len(SEVERITY)


@dataclass
class PlaceEntry:
    slug: str
    name: str
    place: Place
    events: list[Event] = field(default_factory=list)


@dataclass
class ActorEntry:
    slug: str
    name: str
    events: list[Event] = field(default_factory=list)


@dataclass
class ArticleEntry:
    path: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    events: list[tuple[Event, int]] = field(default_factory=list)   # (event, index of its source)


@dataclass
class Catalog:
    events: list[Event]                       # visible, in time order
    days: dict[str, list[Event]]              # 'YYYY-MM-DD' → events, in time order
    weeks: dict[str, list[str]]               # 'YYYY-Www' → its days with events
    places: dict[str, PlaceEntry]
    actors: dict[str, ActorEntry]
    articles: dict[str, ArticleEntry]
    day_of: dict[str, str]                    # event id → its briefing day
    place_slug: dict[str, str]                # place name → slug
    actor_slug: dict[str, str]

    def day_page(self, day: str) -> str:
        return f"day/{day}.md"

    def event_link(self, event: Event) -> str:
        """Path (relative to docs/) and anchor of the event's entry in its day briefing."""
        return f"day/{self.day_of[event.id]}.md#ev-{event.id}"


def sort_key(event: Event) -> tuple:
    first, last = span_of(event)
    return (first, last, severity(event), event.id)


def build_catalog(all_events: list[Event]) -> Catalog:
    events = sorted((e for e in all_events if e.status != "rejected"), key=sort_key)
    days: dict[str, list[Event]] = defaultdict(list)
    day_of: dict[str, str] = {}
    places: dict[str, PlaceEntry] = {}
    actors: dict[str, ActorEntry] = {}
    articles: dict[str, ArticleEntry] = {}
    place_slug: dict[str, str] = {}
    actor_slug: dict[str, str] = {}
    used: dict[str, set[str]] = {"place": set(), "actor": set()}

    def unique(kind: str, base: str) -> str:
        taken = used[kind]
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        return candidate

    for event in events:
        day = briefing_day(event).isoformat()
        days[day].append(event)
        day_of[event.id] = day
        for place in event.places:
            if place.name not in place_slug:
                place_slug[place.name] = unique("place", slug(place.name_en or place.name, "p"))
                places[place_slug[place.name]] = PlaceEntry(place_slug[place.name], place.name, place)
            entry = places[place_slug[place.name]]
            if not entry.events or entry.events[-1].id != event.id:
                entry.events.append(event)
        for actor in event.actors:
            if actor not in actor_slug:
                actor_slug[actor] = unique("actor", slug(actor, "a"))
                actors[actor_slug[actor]] = ActorEntry(actor_slug[actor], actor)
            entry = actors[actor_slug[actor]]
            if not entry.events or entry.events[-1].id != event.id:
                entry.events.append(event)
        for i, source in enumerate(event.sources):
            art = articles.setdefault(source.article, ArticleEntry(source.article))
            art.outlet = art.outlet or source.outlet
            art.published = art.published or source.published
            art.url = art.url or source.url
            art.events.append((event, i))
    weeks: dict[str, list[str]] = defaultdict(list)
    for day in sorted(days):
        weeks[week_key(date.fromisoformat(day))].append(day)
    return Catalog(events, dict(sorted(days.items())), dict(sorted(weeks.items())), places, actors,
                   dict(sorted(articles.items())), day_of, place_slug, actor_slug)


def week_days(key: str) -> list[date]:
    start = week_start(key)
    return [start + timedelta(days=i) for i in range(7)]
