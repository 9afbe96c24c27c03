"""Check every event file against the schema and across files.

Prints `path:line:col: field: what is wrong (what to do)` for each problem and exits 1 when any is
an error. Under GitHub Actions (or with --format github) each problem is also an annotation.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..problems import Problem
from ..sync import RecordError, load_record
from ..validate import validate_events


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--events", type=Path, default=Path("events"), help="event folder (default: events/)")
    parser.add_argument("--format", choices=("text", "github"), default=None,
                        help="github: also print ::error annotations (default when GITHUB_ACTIONS=true)")


def report_problems(problems: list[Problem], fmt: str | None = None) -> None:
    github = (fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")) == "github"
    for problem in problems:
        print(problem, file=sys.stderr)
        if github:
            print(problem.github())


def run(args: argparse.Namespace) -> int:
    loaded, problems = validate_events(args.events)
    try:
        load_record(args.events)        # extract's record: a merge conflict there stops extract
    except RecordError as exc:
        problems = sorted([*problems, exc.problem])
    report_problems(problems, args.format)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{len(loaded.events)} events checked in {args.events}/: {errors} errors, {warnings} warnings",
          file=sys.stderr)
    return 1 if errors else 0
