"""Apply freshly extracted events to the event store without undoing people's work.

`reviewed` and `rejected` events are never touched; a draft is rewritten only from the articles
that produced it; another article's version of the same event is kept beside it as a source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .models import Event
from .store import LoadedEvents, event_path, render_event
from .yamlio import atomic_write


@dataclass
class SyncReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)       # reviewed/rejected: left as people made them


def merge_sources(existing: Event, fresh: Event, article: str) -> Event:
    """The fresh event, carrying the other articles' sources of the existing one."""
    others = [s for s in existing.sources if s.article != article]
    return fresh.model_copy(update={"sources": others + fresh.sources, "tags": existing.tags})


def sync_article(events_dir: Path, store: LoadedEvents, article: str, fresh: list[Event],
                 dry_run: bool = False) -> SyncReport:
    report = SyncReport()
    by_id = {e.id: e for e in store.events}
    for event in fresh:
        existing = by_id.get(event.id)
        if existing is not None and existing.status != "draft":
            report.kept.append(event.id)
            continue
        target = merge_sources(existing, event, article) if existing else event
        path = store.paths.get(event.id) or event_path(events_dir, target)
        text = render_event(target, path)
        if existing is None:
            report.new.append(event.id)
        elif path.read_text(encoding="utf-8") == text:
            report.unchanged.append(event.id)
            continue
        else:
            report.updated.append(event.id)
        if not dry_run:
            atomic_write(path, text)
            store.paths[event.id] = path
            by_id[event.id] = target
    return report
