"""Validation beyond the schema: what only shows across files or against the project's data.

Errors (validation fails): duplicate ids, file name not equal to the id, unknown mode, a place
with only one of lat/lon. Warnings (printed, validation passes): the year folder, a mode that
belongs to another type, a source article missing from the project, suspected duplicate events,
an event dated after the article that reports it without `future: true`.
(The schema itself — required fields, real dates, `until` not before `date`, known `type`,
coordinates in range — is checked when the file is read, in store.py.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .models import Event
from .problems import Problem
from .store import LoadedEvents, display_path, load_events
from .yamlio import compose, line_of

# Modes DESIGN.md names; a project adds its own in lexicon/cues_<lang>.yaml under `modes:`.
BUILTIN_MODES = {
    "explosives": "assault", "aerial": "assault", "drone": "assault", "heavy-weapons": "assault",
    "firearms": "assault", "suicide-attack": "assault", "targeted": "assault", "abduct": "assault",
    "visit": "consult", "meeting": "consult", "phone-call": "consult",
}


@cache
def known_modes(project_dir: Path | None = None) -> dict[str, str]:
    """mode → the type it refines: the built-in ones and those of every cues_<lang>.yaml."""
    from .lexicon import DATA_DIR, load_data

    modes = dict(BUILTIN_MODES)
    names = {p.stem for p in DATA_DIR.glob("cues_*.yaml")}
    lexicon = (project_dir or Path.cwd()) / "lexicon"
    names |= {p.stem for p in lexicon.glob("cues_*.yaml")} if lexicon.is_dir() else set()
    for name in sorted(names):
        try:
            data = load_data(name, project_dir) if (DATA_DIR / f"{name}.yaml").exists() else {}
        except Exception:  # a broken lexicon is reported where it is used
            continue
        for mode, spec in (data.get("modes") or {}).items():
            if isinstance(spec, dict) and spec.get("type"):
                modes.setdefault(str(mode), str(spec["type"]))
    return modes


class _Lines:
    """Line numbers of fields, parsing each file at most once."""

    def __init__(self, nodes: dict[Path, object] | None = None) -> None:
        self._nodes: dict[Path, object] = dict(nodes or {})

    def __call__(self, path: Path, field_path: tuple) -> tuple[int, int]:
        if path not in self._nodes:
            try:
                self._nodes[path] = compose(path.read_text(encoding="utf-8"))
            except Exception:  # only the line number is lost
                self._nodes[path] = None
        return line_of(self._nodes[path], field_path)  # type: ignore[arg-type]


def field_line(path: Path, field_path: tuple) -> tuple[int, int]:
    """Line and column of a field in a file that already loaded once."""
    return _Lines()(path, field_path)


def check_consistency(loaded: LoadedEvents, project_dir: Path | None = None) -> list[Problem]:
    root = project_dir or Path.cwd()
    lines = _Lines(loaded.nodes)
    problems: list[Problem] = []
    first_file: dict[str, Path] = {}
    modes = known_modes(project_dir)
    for event, path in zip(loaded.events, loaded.files, strict=True):
        shown = display_path(path)

        def add(field_path: tuple, message: str, hint: str, severity: str = "error",
                shown: str = shown, path: Path = path) -> None:
            line, col = lines(path, field_path)
            name = ".".join(str(p) for p in field_path)
            problems.append(Problem(shown, line, col, name, message, hint, severity))  # type: ignore[arg-type]

        if event.id in first_file:
            add(("id",), f"{event.id!r} is also used by {display_path(first_file[event.id])}",
                "give one of them a new id (and rename its file to match)")
        first_file.setdefault(event.id, path)
        if path.stem != event.id:
            add(("id",), f"{event.id!r} does not match the file name {path.name!r}",
                f"rename the file to {event.id}.yaml or change the id")
        if path.parent.name != event.year:
            add(("date",), f"the event is dated {event.date} but the file is in {path.parent.name}/",
                f"move it to events/{event.year}/", "warning")
        if event.mode is not None:
            if event.mode not in modes:
                same = sorted(m for m, t in modes.items() if t == event.type)
                listed = ", ".join(same) if same else "none for this type"
                add(("mode",), f"{event.mode!r} is not a known mode",
                    f"use one of: {listed}; or leave mode out; or add it under modes: in "
                    f"lexicon/cues_{event.lang}.yaml")
            elif modes[event.mode] != event.type:
                add(("mode",), f"{event.mode!r} is a mode of {modes[event.mode]}, not of {event.type}",
                    f"change type to {modes[event.mode]}, or change or remove the mode", "warning")
        for i, place in enumerate(event.places):
            if (place.lat is None) != (place.lon is None):
                missing = "lon" if place.lon is None else "lat"
                add(("places", i, "lat" if place.lat is not None else "lon"),
                    f"has {'lat' if missing == 'lon' else 'lon'} but no {missing}",
                    "give both lat and lon, or neither")
            elif place.lat == 0 and place.lon == 0:
                add(("places", i, "lat"), "lat 0, lon 0 is in the Gulf of Guinea",
                    "give the place's real coordinates, or leave lat and lon out", "warning")
        for i, source in enumerate(event.sources):
            if "://" not in source.article and not (root / source.article).exists():
                add(("sources", i, "article"), f"{source.article!r} is not in the project",
                    "add the article under seeds/, or correct the path, which is relative to the project folder",
                    "warning")
            if source.published and not event.future and event.span[0] > source.published:
                add(("date",), f"{event.date} is after the article's publication ({source.published})",
                    "fix the date, or set `future: true` for a planned event", "warning")
    problems += _suspected_duplicates(loaded, lines)
    return problems


def _dup_key(event: Event) -> tuple[str, str] | None:
    place = next((p.name_en or p.name for p in event.places), None)
    return (event.type, place) if place else None


def _suspected_duplicates(loaded: LoadedEvents, lines: _Lines) -> list[Problem]:
    """Two live events of the same type at the same place with overlapping dates (exact days, or
    one of them approximate), and no actors that set them apart, are probably one event told twice."""
    groups: dict[tuple[str, str], list[tuple[Event, Path]]] = {}
    for event, path in zip(loaded.events, loaded.files, strict=True):
        key = _dup_key(event)
        if key and event.status != "rejected":
            groups.setdefault(key, []).append((event, path))
    problems = []
    for members in groups.values():
        members.sort(key=lambda m: (m[0].span, m[0].id))
        for i, (a, pa) in enumerate(members):
            for b, pb in members[i + 1:]:
                if b.span[0] > a.span[1]:
                    break
                if a.id == b.id or (a.status == "reviewed" and b.status == "reviewed"):
                    continue
                exact_same = a.span == b.span and a.mode == b.mode
                if not (exact_same or a.approximate or b.approximate):
                    continue
                if a.actors and b.actors and a.actors[0] not in b.actors and b.actors[0] not in a.actors:
                    continue  # led by different actors at the same place on the same day: two events
                line, col = lines(pb, ("id",))
                problems.append(Problem(
                    display_path(pb), line, col, "id",
                    f"looks like the same event as {a.id} ({display_path(pa)}): same type, place and dates",
                    "if it is, keep one, move the other's sources into it and set the other to "
                    "`status: rejected`; if not, mark both reviewed", "warning"))
    return problems


def validate_events(events_dir: Path) -> tuple[LoadedEvents, list[Problem]]:
    loaded = load_events(events_dir)
    problems = loaded.problems + check_consistency(loaded)
    return loaded, sorted(problems)
