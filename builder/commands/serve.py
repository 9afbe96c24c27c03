"""Generate the pages and serve the site with live reload (rebuilds when events/ changes).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=Path, default=Path("events"), help="event files (default: events/)")
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="project folder with mkdocs.yml and docs/ (default: here)")
    parser.add_argument("-a", "--address", default="127.0.0.1:8000",
                        help="host:port (default: 127.0.0.1:8000)")


def run(args: argparse.Namespace) -> int:
    from ..site import serve

    return serve(args.root, events_dir=args.events, address=args.address)
