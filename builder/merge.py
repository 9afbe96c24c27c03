"""One event from many articles: reports of the same event become one event with several sources.

Two events are the same when their types are in one family (builder/data/extract_merge.yaml), their
date spans overlap, and they share a place or an actor. The merged event keeps every source with its
own quote and date words, so where sources disagree (a death toll, an attribution) each version
stays readable; its date is the most precise one reported, its places and actors the union.
"""

from __future__ import annotations

from functools import cache

from .lexicon import load_data
from .models import Event


@cache
def type_families() -> dict[str, str]:
    data = load_data("extract_merge")
    family: dict[str, str] = {}
    for name, members in (data.get("families") or {}).items():
        for member in members:
            family[member] = name
    return family


def _family(event_type: str) -> str:
    return type_families().get(event_type, event_type)


def _precision(event: Event) -> tuple[int, int]:
    first, last = event.span
    return (int(event.approximate), (last - first).days)


def same_event(a: Event, b: Event) -> bool:
    if _family(a.type) != _family(b.type) or a.future != b.future:
        return False
    a_first, a_last = a.span
    b_first, b_last = b.span
    if a_first > b_last or b_first > a_last:
        return False
    places_a = {p.name_en or p.name for p in a.places}
    places_b = {p.name_en or p.name for p in b.places}
    if places_a & places_b:
        return True
    return bool(set(a.actors) & set(b.actors)) and not (places_a and places_b)


def merge_events(events: list[Event]) -> list[Event]:
    """Events of several articles → one event per real-world event, sources side by side.

    Only events from different articles merge (one article's events are kept apart by the
    extractor). Deterministic: the result depends on the events, not on their order.
    """
    ordered = sorted(events, key=lambda e: (_precision(e), e.id, e.sources[0].article if e.sources else ""))
    groups: list[list[Event]] = []
    for event in ordered:
        articles = {s.article for s in event.sources}
        for group in groups:
            if any(s.article in articles for g in group for s in g.sources):
                continue
            if same_event(group[0], event):
                group.append(event)
                break
        else:
            groups.append([event])
    merged = [_combine(group) for group in groups]
    return sorted(merged, key=lambda e: (e.date, e.id))


def _combine(group: list[Event]) -> Event:
    lead = group[0]  # the most precise date
    if len(group) == 1:
        return lead
    places, actors, sources = list(lead.places), list(lead.actors), list(lead.sources)
    for other in group[1:]:
        places.extend(p for p in other.places if p not in places)
        actors.extend(a for a in other.actors if a not in actors)
        sources.extend(s for s in other.sources if s not in sources)
    sources.sort(key=lambda s: (s.published or lead.span[0], s.article))
    mode = lead.mode or next((e.mode for e in group if e.mode), None)
    return lead.model_copy(update={"places": places, "actors": actors, "sources": sources, "mode": mode})
