"""Write the JSON Schema of event files (schema/event.schema.json) for editors and CI."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..models import Event
from ..store import SCHEMA_PATH
from ..yamlio import atomic_write


def schema_text() -> str:
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "timeline-builder event"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", type=Path, default=SCHEMA_PATH, help=f"default: {SCHEMA_PATH}")


def run(args: argparse.Namespace) -> int:
    changed = atomic_write(args.output, schema_text())
    print(f"{args.output}: {'written' if changed else 'already up to date'}")
    return 0
