"""`timeline` command line: one module per command in builder/commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__

# name → module in builder.commands; each has `add_arguments(parser)`, `run(args) -> int` and a
# docstring whose first line is the command's help.
COMMANDS = ("extract", "validate", "build", "serve", "dates", "new", "status", "schema", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn news articles into dated, sourced events (YAML) and publish them as a site.",
    )
    parser.add_argument("--version", action="version", version=f"timeline-builder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"builder.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"builder.commands.{name}":
                continue  # command not shipped in this build
            raise
        doc = (module.__doc__ or "").strip()
        cmd = sub.add_parser(
            name, help=doc.splitlines()[0] if doc else None, description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:
        # the reader (`| head`) went away: not an error of ours; keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted; files already written are complete, nothing is half-written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
