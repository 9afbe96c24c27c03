"""Data downloads: events.json, events.yaml, events.csv, events.ics, an ACLED-shaped CSV and the JSON
Schema of the event files. Rejected events are never in them."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import yaml
from babel import Locale

from ..models import Event
from .catalog import span_of

# PLOVER (type, mode) → ACLED (event_type, sub_event_type); mode None is the type's default
ACLED_MAP: dict[tuple[str, str | None], tuple[str, str]] = {
    ("assault", "explosives"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("assault", "aerial"): ("Explosions/Remote violence", "Air/drone strike"),
    ("assault", "drone"): ("Explosions/Remote violence", "Air/drone strike"),
    ("assault", "heavy-weapons"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("assault", "suicide-attack"): ("Explosions/Remote violence", "Suicide bomb"),
    ("assault", "firearms"): ("Battles", "Armed clash"),
    ("assault", "abduct"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("assault", "targeted"): ("Violence against civilians", "Attack"),
    ("assault", None): ("Battles", "Armed clash"),
    ("protest", None): ("Protests", "Peaceful protest"),
    ("coerce", "arrest"): ("Strategic developments", "Arrests"),
    ("coerce", None): ("Strategic developments", "Other"),
    ("crime", None): ("Violence against civilians", "Attack"),
    ("mobilize", None): ("Strategic developments", "Change to group/activity"),
    ("agree", None): ("Strategic developments", "Agreement"),
    ("retreat", None): ("Strategic developments", "Non-violent transfer of territory"),
}
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "actor2", "country", "location", "latitude", "longitude", "source", "notes")
CSV_COLUMNS = (
    "id", "date", "until", "first_day", "last_day", "approximate", "type", "mode", "title", "summary",
    "actors", "places", "countries", "latitude", "longitude", "sources", "outlets", "urls", "status",
    "future", "tags",
)


def acled_type(event: Event) -> tuple[str, str]:
    return ACLED_MAP.get((event.type, event.mode)) or ACLED_MAP.get((event.type, None)) or (
        "Strategic developments", "Other")


def time_precision(event: Event) -> int:
    """ACLED: 1 the day is known, 2 within a week, 3 within a month or more."""
    first, last = span_of(event)
    if first == last and not event.approximate:
        return 1
    return 2 if (last - first).days < 7 else 3


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return Locale("en").territories.get(code, code)


def events_json(events: list[Event]) -> str:
    lines = ",\n".join(json.dumps(e.model_dump(mode="json"), ensure_ascii=False) for e in events)
    return f"[\n{lines}\n]\n" if events else "[]\n"


def events_yaml(events: list[Event], texts: dict[str, str] | None = None) -> str:
    """All events as one YAML stream, a document per event. `texts` maps ids to the text of their
    event files (the source of truth, and far quicker than emitting YAML for 10,000 events)."""
    texts = texts or {}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    parts = []
    for e in events:
        text = texts.get(e.id) or yaml.dump(e.to_yaml_dict(), Dumper=dumper, allow_unicode=True,
                                            sort_keys=False, width=1000)
        body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("# yaml-language"))
        parts.append("---\n" + body)
    return "".join(parts)


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()   # BOM: spreadsheet programs then read Arabic as UTF-8


def events_csv(events: list[Event]) -> str:
    rows = []
    for e in events:
        first, last = span_of(e)
        place = next((p for p in e.places if p.lat is not None), None)
        rows.append({
            "id": e.id, "date": e.date, "until": e.until or "", "first_day": first.isoformat(),
            "last_day": last.isoformat(), "approximate": str(e.approximate).lower(), "type": e.type,
            "mode": e.mode or "", "title": e.title, "summary": e.summary or "", "actors": "; ".join(e.actors),
            "places": "; ".join(p.name for p in e.places),
            "countries": "; ".join(sorted({p.country for p in e.places if p.country})),
            "latitude": place.lat if place else "", "longitude": place.lon if place else "",
            "sources": len(e.sources),
            "outlets": "; ".join(sorted({s.outlet for s in e.sources if s.outlet})),
            "urls": " ".join(s.url for s in e.sources if s.url), "status": e.status,
            "future": str(e.future).lower(), "tags": "; ".join(e.tags),
        })
    return _csv(rows, CSV_COLUMNS)


def acled_csv(events: list[Event]) -> str:
    rows = []
    for e in events:
        first, _ = span_of(e)
        event_type, sub_type = acled_type(e)
        place = e.places[0] if e.places else None
        rows.append({
            "event_id_cnty": e.id, "event_date": first.isoformat(), "year": first.year,
            "time_precision": time_precision(e), "event_type": event_type, "sub_event_type": sub_type,
            "actor1": e.actors[0] if e.actors else "", "actor2": e.actors[1] if len(e.actors) > 1 else "",
            "country": country_name(place.country) if place else "",
            "location": (place.name_en or place.name) if place else "",
            "latitude": place.lat if place and place.lat is not None else "",
            "longitude": place.lon if place and place.lon is not None else "",
            "source": "; ".join(sorted({s.outlet or s.article for s in e.sources})),
            "notes": e.summary or e.title,
        })
    return _csv(rows, ACLED_COLUMNS)


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545: lines of at most 75 octets, continued with a leading space; never split a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return [line]
    out, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:   # not inside a UTF-8 sequence
            end -= 1
        out.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    return [out[0]] + [" " + part for part in out[1:]]


def events_ics(events: list[Event], site_name: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline-builder//events//AR",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(site_name)}"]
    for e in events:
        first, last = span_of(e)
        stamp = (e.sources[0].published if e.sources and e.sources[0].published else first)
        description = "\n".join(filter(None, [e.summary, *(s.quote for s in e.sources if s.quote),
                                              *(s.url for s in e.sources if s.url)]))
        lines += [
            "BEGIN:VEVENT", f"UID:{e.id}@timeline-builder", f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(last + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(e.title)}",
        ]
        if description:
            lines.append(f"DESCRIPTION:{_ics_text(description)}")
        if e.places:
            lines.append(f"LOCATION:{_ics_text(', '.join(p.name for p in e.places))}")
            geo = next((p for p in e.places if p.lat is not None and p.lon is not None), None)
            if geo:
                lines.append(f"GEO:{geo.lat};{geo.lon}")
        lines.append(f"CATEGORIES:{_ics_text(e.type)}")
        if e.approximate:
            lines.append("X-TIMELINE-APPROXIMATE:TRUE")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in _fold(line)]
    return "\r\n".join(folded) + "\r\n"


def json_schema() -> str:
    schema = Event.model_json_schema()
    schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
    schema.setdefault("title", "timeline-builder event file")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def downloads(events: list[Event], site_name: str, texts: dict[str, str] | None = None) -> dict[str, str]:
    """File name (under docs/downloads/) → contents."""
    return {
        "events.json": events_json(events),
        "events.yaml": events_yaml(events, texts),
        "events.csv": events_csv(events),
        "events.ics": events_ics(events, site_name),
        "events-acled.csv": acled_csv(events),
        "event.schema.json": json_schema(),
    }
