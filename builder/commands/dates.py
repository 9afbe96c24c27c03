"""Show how the date engine reads a text: each time expression, its span and its resolution.

With --jsonl, read lines {"text", "published", "lang"} on stdin and write one line
{"expressions": [...]} per input line, in order.
"""

from __future__ import annotations

import argparse
import sys

from .. import dates


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the text to read")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD (or an ISO timestamp)")
    parser.add_argument("--lang", choices=("ar", "en"), default=None, help="default: detected from the text")
    parser.add_argument("--jsonl", action="store_true", help="read JSON lines on stdin, write JSON lines")


def run(args: argparse.Namespace) -> int:
    return dates.dates_command(args.text, args.published, args.lang, args.jsonl, sys.stdin, sys.stdout)
