"""Figure data for the browser: compact, columnar JSON that assets/timeline.js turns into Plotly
traces (the timeline, small timelines, bar charts, the map). Columns instead of one object per
event keep 10,000 events within a few megabytes."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from ..models import Event
from .catalog import Catalog, span_of, week_key, week_start
from .labels import COLORS, SEVERITY, TYPES, UI

_EPOCH = date(1970, 1, 1).toordinal()
JS_UI_KEYS = (
    "lanes", "lanes_type", "lanes_place", "lanes_actor", "all", "range", "range_week", "range_month",
    "range_year", "range_all", "exact", "ranged", "approx", "no_place", "no_actor", "other", "type",
    "place", "actor", "source_count", "date_words", "between", "filter", "event_count", "week_of",
)


def epoch_day(day: date) -> int:
    return day.toordinal() - _EPOCH


def type_table(events: list[Event], lang: str) -> list[dict]:
    present = {e.type for e in events}
    return [{"key": t, "label": TYPES[lang][t], "color": COLORS[t]} for t in SEVERITY if t in present]


def compact(events: list[Event], catalog: Catalog, lang: str) -> dict:
    """The events as columns; places and actors as indexes into name tables."""
    types = type_table(events, lang)
    type_index = {t["key"]: i for i, t in enumerate(types)}
    place_names: dict[str, int] = {}
    actor_names: dict[str, int] = {}
    days: dict[str, int] = {}
    cols: dict[str, list] = {k: [] for k in ("id", "s", "e", "a", "t", "ti", "dw", "p", "ac", "n", "d")}
    for event in events:
        first, last = span_of(event)
        cols["id"].append(event.id)
        cols["s"].append(epoch_day(first))
        cols["e"].append(epoch_day(last))
        cols["a"].append(1 if event.approximate else 0)
        cols["t"].append(type_index[event.type])
        cols["ti"].append(event.title)
        words = next((s.date_text for s in event.sources if s.date_text), "") or ""
        cols["dw"].append(words)
        cols["p"].append([place_names.setdefault(p.name, len(place_names)) for p in event.places])
        cols["ac"].append([actor_names.setdefault(a, len(actor_names)) for a in event.actors])
        cols["n"].append(len(event.sources))
        cols["d"].append(days.setdefault(catalog.day_of[event.id], len(days)))
    return {
        "kind": "timeline",
        "lang": lang,
        "rtl": lang == "ar",
        "types": types,
        "places": list(place_names),
        "placeSlugs": [catalog.place_slug[name] for name in place_names],
        "actors": list(actor_names),
        "actorSlugs": [catalog.actor_slug[name] for name in actor_names],
        "days": list(days),
        "ev": cols,
    }


def bars_by_day(events: list[Event], catalog: Catalog, days: list[date], lang: str) -> dict:
    """Counts per day and type, for a week's chart."""
    counts = Counter((catalog.day_of[e.id], e.type) for e in events)
    x = [d.isoformat() for d in days]
    return {
        "kind": "bars", "lang": lang, "rtl": lang == "ar", "x": x, "xunit": "day",
        "series": [{**t, "y": [counts[(d, t["key"])] for d in x]} for t in type_table(events, lang)],
    }


def bars_by_week(events: list[Event], catalog: Catalog, lang: str) -> dict:
    """Counts per week and type over the whole corpus: the home page's glance."""
    weeks = list(catalog.weeks)
    counts = Counter((week_key(date.fromisoformat(catalog.day_of[e.id])), e.type) for e in events)
    return {
        "kind": "bars", "lang": lang, "rtl": lang == "ar", "xunit": "week",
        "x": [week_start(w).isoformat() for w in weeks],
        "links": [f"week/{w}.html" for w in weeks],
        "series": [{**t, "y": [counts[(w, t["key"])] for w in weeks]} for t in type_table(events, lang)],
    }


def map_points(catalog: Catalog, lang: str) -> dict:
    points = []
    for entry in catalog.places.values():
        place = entry.place
        if place.lat is None or place.lon is None:
            continue
        name = entry.name if lang == "ar" else (place.name_en or entry.name)
        points.append({"name": name, "lat": place.lat, "lon": place.lon, "n": len(entry.events),
                       "url": f"place/{entry.slug}.html"})
    return {"kind": "map", "lang": lang, "rtl": lang == "ar", "points": points,
            "label": UI[lang]["event_count"]}


def js_ui(lang: str) -> dict:
    return {k: UI[lang][k] for k in JS_UI_KEYS}


def to_json(data: object) -> str:
    """JSON safe to put inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def figure_block(data: dict, element_id: str, css_class: str = "tl-plot") -> str:
    """The HTML a page carries for one figure: a container and its data."""
    return (f'<div class="{css_class}" id="{element_id}" data-figure="{element_id}-data"></div>\n'
            f'<script type="application/json" id="{element_id}-data">{to_json(data)}</script>\n')
