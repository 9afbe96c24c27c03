"""The event store: one YAML file per event at events/<year>/<id>.yaml.

Reading turns each file into an `Event` or into `Problem`s that name the file and line; writing
is deterministic (same event, same bytes) and atomic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from .models import Event
from .problems import Problem
from .yamlio import Written, YamlError, atomic_write, compose, construct, dump, line_of, read_written

SCHEMA_PATH = Path("schema") / "event.schema.json"   # relative to the project root
EVENT_SUFFIX = ".yaml"


@dataclass
class LoadedEvents:
    events: list[Event] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)      # id → first file with that id
    files: list[Path] = field(default_factory=list)           # the file of each event, in order
    problems: list[Problem] = field(default_factory=list)
    nodes: dict[Path, object] = field(default_factory=dict)   # for yamlio.line_of, of each file

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def event_path(events_dir: Path, event: Event) -> Path:
    return events_dir / event.year / f"{event.id}{EVENT_SUFFIX}"


def schema_comment(path: Path) -> str:
    """The first line of every event file: editors with the YAML language server then complete
    and check fields against the published schema."""
    return _schema_comment(os.getcwd(), path.parent)


@lru_cache(maxsize=256)
def _schema_comment(cwd: str, folder: Path) -> str:
    """Once per folder: resolving both paths for each of thousands of files took a while."""
    schema = Path(os.path.relpath(SCHEMA_PATH.resolve(), folder.resolve())).as_posix()
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
        return path.resolve().relative_to(_resolved(os.getcwd())).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(cwd: str) -> Path:
    """The working folder, resolved once per folder (display_path runs for every event file)."""
    return Path(cwd).resolve()


def load_event_file(path: Path, nodes: dict | None = None) -> tuple[Event | None, list[Problem]]:
    """One event file → (event, []) or (None, problems). `nodes` collects what `line_of` needs."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(display_path(path), 1, 1, "file", f"cannot be read ({exc.strerror})",
                              "check permissions")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(display_path(path), line, col, "file", "is not UTF-8 text",
                              "save the file as UTF-8 (your editor's 'Save with encoding')")]
    data = read_written(text)        # a file as extract wrote it: no need to parse it fully
    try:
        node = compose(text) if data is None else Written(text, data)
        if nodes is not None:
            nodes[path] = node
        if data is None:
            data = construct(node)
    except YamlError as exc:
        return None, [Problem(display_path(path), exc.line, exc.col, "yaml", exc.message, exc.hint)]
    if data is None:
        return None, [Problem(display_path(path), 1, 1, "file", "is empty",
                              "write the event's fields (see `timeline new`), or delete the file")]
    if not isinstance(data, dict):
        return None, [Problem(display_path(path), 1, 1, "file", "is not a mapping of event fields",
                              "start from an existing event file or run `timeline new`")]
    for key in ("date", "until"):
        if isinstance(data.get(key), int) and not isinstance(data.get(key), bool):
            data[key] = str(data[key])   # `date: 2021` is the year, as a person means it
    try:
        return Event.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem_from_error(display_path(path), node, err) for err in exc.errors()]


_HINTS = {
    "missing": "add the field",
    "extra_forbidden": "remove it or check its spelling",
    "literal_error": "use one of the listed values",
    "string_pattern_mismatch": "see the format in the docs page 'Add or correct an event'",
    "string_too_short": "write it out",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "string_type": "write it as text",
    "list_type": "write a list: one `- item` per line, or [a, b]",
    "less_than_equal": "check the place's coordinates: lat is north-south, lon east-west",
    "greater_than_equal": "check the place's coordinates: lat is north-south, lon east-west",
    "float_parsing": "write a number such as 33.31",
    "model_type": "write the fields as `key: value` lines",
}

_FIELD_HINTS = {
    "date": "write a real date as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-02-27",
    "until": "write an end date on or after `date`, as YYYY-MM-DD, YYYY-MM or YYYY",
    "id": "lower-case ASCII letters, digits and single hyphens, e.g. 2021-02-27-diwaniyah-assault",
    "status": "draft: the machine's, not checked yet; reviewed: checked by a person; rejected: hidden",
    "lang": "a two-letter language code such as ar or en",
    "mode": "lower-case words joined by hyphens, e.g. explosives, heavy-weapons, visit",
}

_FRIENDLY = {
    "string_pattern_mismatch": "is not in the expected format",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_too_short": "is empty",
    "string_type": "must be text",
    "list_type": "must be a list",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "dict_type": "must be a mapping of fields (`key: value` lines)",
    "model_type": "must be a mapping of fields (`key: value` lines)",
}

_RANGES = {"lat": (-90, 90), "lon": (-180, 180)}

_COUNTRY_HINT = "a two-letter ISO country code in capitals, e.g. IQ, SY, IR"


def _field_names(model, loc: tuple) -> list[str]:
    """The fields allowed where an unknown key stands (for spelling suggestions)."""
    from .models import Place, Source
    if len(loc) >= 3 and loc[0] == "places":
        return list(Place.model_fields)
    if len(loc) >= 3 and loc[0] == "sources":
        return list(Source.model_fields)
    return list(model.model_fields)


def _problem_from_error(shown: str, node, err: dict) -> Problem:
    loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if not loc and message.startswith("until "):
        loc = ("until",)                   # the model's cross-field check: point at `until`
    line, col = line_of(node, loc)
    field_name = ".".join(str(p) for p in loc) or "event"
    last = str(loc[-1]) if loc else ""
    hint = _HINTS.get(err["type"], "")
    if err["type"] == "missing":
        message = "is missing"
    elif err["type"] == "extra_forbidden":
        import difflib
        close = difflib.get_close_matches(last, _field_names(Event, loc), n=1)
        message = "is not a field of an event" if len(loc) == 1 else "is not a known field here"
        hint = f"did you mean `{close[0]}`?" if close else "remove it or check its spelling"
    elif err["type"] == "literal_error" and field_name == "type":
        message = f"{err['input']!r} is not a known event type"
        hint = "use a PLOVER category such as assault, protest, consult, threaten, or statement"
    else:
        message = _FRIENDLY.get(err["type"], message)
        if err["type"] in ("less_than_equal", "greater_than_equal") and last in _RANGES:
            message = f"must be between {_RANGES[last][0]} and {_RANGES[last][1]}"
        if message.startswith("until ") and last == "until":
            message = message[len("until "):]
        if "input" in err and not isinstance(err["input"], dict | list):
            message = f"{message} (got {err['input']!r})"
    if err["type"] in ("string_pattern_mismatch", "value_error", "literal_error") and last in _FIELD_HINTS:
        hint = _FIELD_HINTS[last]
    if last == "country":
        hint = _COUNTRY_HINT
    return Problem(shown, line, col, field_name, message, hint)


def load_events(events_dir: Path) -> LoadedEvents:
    """Every event file under `events_dir`, with problems for those that cannot be used."""
    loaded = LoadedEvents()
    for path in iter_event_files(events_dir):
        event, problems = load_event_file(path, loaded.nodes)
        loaded.problems.extend(problems)
        if event is not None:
            loaded.events.append(event)
            loaded.files.append(path)
            loaded.paths.setdefault(event.id, path)
    return loaded
