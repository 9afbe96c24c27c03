"""The event store: one YAML file per event at events/<year>/<id>.yaml.

Reading turns each file into an `Event` or into `Problem`s that name the file and line; writing
is deterministic (same event, same bytes) and atomic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .models import Event
from .problems import Problem
from .yamlio import YamlError, atomic_write, compose, construct, dump, line_of

SCHEMA_PATH = Path("schema") / "event.schema.json"   # relative to the project root
EVENT_SUFFIX = ".yaml"


@dataclass
class LoadedEvents:
    events: list[Event] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)      # id → first file with that id
    files: list[Path] = field(default_factory=list)           # the file of each event, in order
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def event_path(events_dir: Path, event: Event) -> Path:
    return events_dir / event.year / f"{event.id}{EVENT_SUFFIX}"


def schema_comment(path: Path) -> str:
    """The first line of every event file: editors with the YAML language server then complete
    and check fields against the published schema."""
    schema = Path(os.path.relpath(SCHEMA_PATH.resolve(), path.parent.resolve())).as_posix()
    return f"# yaml-language-server: $schema={schema}\n"


def render_event(event: Event, path: Path) -> str:
    return schema_comment(path) + dump(event.to_yaml_dict())


def write_event(events_dir: Path, event: Event) -> tuple[Path, bool]:
    """Write the event's file; returns its path and whether any byte changed."""
    path = event_path(events_dir, event)
    return path, atomic_write(path, render_event(event, path))


def iter_event_files(events_dir: Path) -> list[Path]:
    if not events_dir.is_dir():
        return []
    return sorted(p for p in events_dir.rglob(f"*{EVENT_SUFFIX}") if not p.name.startswith("."))


def display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_event_file(path: Path) -> tuple[Event | None, list[Problem]]:
    """One event file → (event, []) or (None, problems)."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, 1, "file", "is not UTF-8 text", "save the file as UTF-8")]
    except OSError as exc:
        return None, [Problem(shown, 1, 1, "file", f"cannot be read ({exc.strerror})", "check permissions")]
    try:
        node = compose(text)
        data = construct(node)
    except YamlError as exc:
        return None, [Problem(shown, exc.line, exc.col, "yaml", exc.message, exc.hint)]
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, 1, "file", "is not a mapping of event fields",
                              "start from an existing event file or run `timeline new`")]
    try:
        return Event.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem_from_error(shown, node, err) for err in exc.errors()]


_HINTS = {
    "missing": "add the field",
    "extra_forbidden": "remove it or check its spelling",
    "literal_error": "use one of the listed values",
    "string_pattern_mismatch": "see the format in the docs page 'Add or correct an event'",
}


def _problem_from_error(shown: str, node, err: dict) -> Problem:
    loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
    line, col = line_of(node, loc)
    field_name = ".".join(str(p) for p in loc) or "event"
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if err["type"] == "missing":
        message = "is missing"
    elif "input" in err and not isinstance(err["input"], dict | list) and err["type"] != "extra_forbidden":
        message = f"{message} (got {err['input']!r})"
    hint = _HINTS.get(err["type"], "")
    if err["type"] == "literal_error" and field_name == "type":
        hint = "use a PLOVER category such as assault, protest, consult, or statement"
    return Problem(shown, line, col, field_name, message, hint)


def load_events(events_dir: Path) -> LoadedEvents:
    """Every event file under `events_dir`, with problems for those that cannot be used."""
    loaded = LoadedEvents()
    for path in iter_event_files(events_dir):
        event, problems = load_event_file(path)
        loaded.problems.extend(problems)
        if event is not None:
            loaded.events.append(event)
            loaded.files.append(path)
            loaded.paths.setdefault(event.id, path)
    return loaded
