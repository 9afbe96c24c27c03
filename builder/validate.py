"""Validation beyond the schema: what only shows across files (ids, file names)."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .store import LoadedEvents, display_path, load_events
from .yamlio import compose, line_of


def field_line(path: Path, field_path: tuple) -> tuple[int, int]:
    """Line and column of a field in a file that already loaded once."""
    try:
        return line_of(compose(path.read_text(encoding="utf-8")), field_path)
    except Exception:  # only the line number is lost
        return 1, 1


def check_consistency(loaded: LoadedEvents) -> list[Problem]:
    problems: list[Problem] = []
    first_file: dict[str, Path] = {}
    for event, path in zip(loaded.events, loaded.files, strict=True):
        shown = display_path(path)
        line, col = field_line(path, ("id",))
        if event.id in first_file:
            problems.append(Problem(shown, line, col, "id", f"{event.id!r} is also used by "
                                    f"{display_path(first_file[event.id])}", "give one of them a new id"))
        first_file.setdefault(event.id, path)
        if path.stem != event.id:
            problems.append(Problem(shown, line, col, "id",
                                    f"{event.id!r} does not match the file name {path.name!r}",
                                    f"rename the file to {event.id}.yaml or change the id"))
        if path.parent.name != event.year:
            problems.append(Problem(shown, line, col, "date", f"the event is dated {event.date} but the file "
                                    f"is in {path.parent.name}/", f"move it to events/{event.year}/",
                                    severity="warning"))
    return problems


def validate_events(events_dir: Path) -> tuple[LoadedEvents, list[Problem]]:
    loaded = load_events(events_dir)
    problems = loaded.problems + check_consistency(loaded)
    return loaded, sorted(problems)
