"""Event files as the store writes and reads them: schema line, deterministic bytes, round trip."""

from __future__ import annotations

import json
from pathlib import Path

from test_editing_support import SEED, event_files, inside, make_project, timeline

from builder.models import Event
from builder.store import load_event_file, render_event, write_event
from builder.yamlio import compose, construct, remove_stale_temp_files

ROOT = Path(__file__).resolve().parent.parent


def test_every_extracted_file_starts_with_the_schema_line_and_round_trips(tmp_path):
    with inside(make_project(tmp_path)):
        assert timeline("extract", "seeds", "articles")[0] == 0
        files = event_files(tmp_path / "events")
        assert files
        for ident, path in files.items():
            text = path.read_text(encoding="utf-8")
            first = text.splitlines()[0]
            assert first == "# yaml-language-server: $schema=../../schema/event.schema.json"
            schema = (path.parent / first.split("=", 1)[1]).resolve()
            assert schema == (tmp_path / "schema" / "event.schema.json").resolve()
            event, problems = load_event_file(path)
            assert problems == [] and event.id == ident
            assert render_event(event, path) == text          # reading and writing back: same bytes


def test_published_schema_names_every_field(tmp_path):
    schema = json.loads((ROOT / "schema" / "event.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == set(Event.model_fields)
    assert "date" in schema["required"] and "type" in schema["required"]


def test_write_event_is_deterministic_and_writes_only_on_change(tmp_path):
    event = Event(id="2021-02-27-x", date="2021-02-27", title="عنوان\nبسطرين", type="statement",
                  sources=[{"article": SEED, "quote": "«اقتباس» فيه: نقطتان و# علامة"}])
    path, changed = write_event(tmp_path, event)
    assert changed and path == tmp_path / "2021" / "2021-02-27-x.yaml"
    stamp = path.stat().st_mtime_ns
    assert write_event(tmp_path, event) == (path, False)
    assert path.stat().st_mtime_ns == stamp
    loaded, problems = load_event_file(path)
    assert problems == [] and loaded == event


def test_dates_stay_as_written_and_a_bare_year_is_read_as_text(tmp_path):
    data = construct(compose("date: 2021-02-27\nuntil: 2021-02-30\n"))
    assert data == {"date": "2021-02-27", "until": "2021-02-30"}
    path = tmp_path / "2021" / "y.yaml"
    path.parent.mkdir()
    path.write_text("id: y\ndate: 2021\ntitle: t\ntype: statement\n", encoding="utf-8")
    event, problems = load_event_file(path)
    assert problems == [] and event.date == "2021"


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "2021" / "z.yaml"
    path.parent.mkdir()
    path.write_bytes("\ufeffid: z\ndate: 2021-02-27\ntitle: t\ntype: statement\n".encode())
    event, problems = load_event_file(path)
    assert problems == [] and event.id == "z"


def test_stale_temp_files_of_a_killed_write_are_removed(tmp_path):
    (tmp_path / "2021").mkdir()
    stale = tmp_path / "2021" / ".x.yaml.abc123.tmp"
    stale.write_text("id: half", encoding="utf-8")
    keep = tmp_path / "2021" / "x.yaml"
    keep.write_text("id: x\n", encoding="utf-8")
    assert remove_stale_temp_files(tmp_path) == [stale]
    assert not stale.exists() and keep.exists()
