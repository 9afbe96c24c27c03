"""Validate the events, generate the pages and build the static site into site/.

Stops with the problems listed (exit 1) before anything is written when an event file is broken;
site/ is replaced only when `mkdocs build --strict` succeeded.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=Path, default=Path("events"), help="event files (default: events/)")
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="project folder with mkdocs.yml and docs/ (default: here)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def run(args: argparse.Namespace) -> int:
    from ..site import build

    return build(args.root, events_dir=args.events, quiet=args.quiet)
