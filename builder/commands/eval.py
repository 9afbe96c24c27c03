"""Measure extraction on the dev corpus (GSR assault/protest sentences, FA-KES event dates and places).

Prints precision, recall and F1 for the GSR ASSAULT and PROTEST sentences, and the FA-KES main-event
date (exact day, within one day) and place, each beside a keyword baseline. The corpus defaults to
../shared/corpus beside the project.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .. import evaluation


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="the dev corpus folder (default: ../shared/corpus beside the project)",
    )
    parser.add_argument("--only", choices=("gsr", "fakes"), default=None, help="run one task only")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also print up to N misclassified sentences / missed dates per task",
    )


def _row(name: str, ours: str, base: str) -> str:
    return f"  {name:<28}{ours:>22}{base:>22}"


def run(args: argparse.Namespace) -> int:
    corpus = args.corpus or evaluation.default_corpus()
    if corpus is None or not corpus.is_dir():
        print(
            "no dev corpus found: give --corpus PATH (the folder holding arabic_event_gsr/ and articles_en/)",
            file=sys.stderr,
        )
        return 2
    status = 0
    gsr = corpus / "arabic_event_gsr" / "sentences.tsv"
    if args.only in (None, "gsr"):
        if gsr.is_file():
            t0 = time.perf_counter()
            result = evaluation.evaluate_gsr(gsr)
            print(f"GSR sentences ({gsr}), {time.perf_counter() - t0:.1f}s")
            print(_row("", "ours P / R / F1", "baseline P / R / F1"))
            for name in sorted(result.ours):
                ours, base = result.ours[name], result.baseline[name]
                print(
                    _row(
                        f"{name} (n={ours.tp + ours.fn + ours.fp + ours.tn})",
                        f"{ours.precision:.2f} / {ours.recall:.2f} / {ours.f1:.2f}",
                        f"{base.precision:.2f} / {base.recall:.2f} / {base.f1:.2f}",
                    )
                )
            for name, errors in sorted(result.errors.items()):
                for kind, ident, text in errors[: args.errors]:
                    print(f"    {name} {kind} {ident}: {text[:300]}")
        else:
            print(f"GSR: {gsr} not found, skipped", file=sys.stderr)
            status = 2
    fakes_dir = corpus / "articles_en"
    gold = fakes_dir / "gold_event_dates.tsv"
    if args.only in (None, "fakes"):
        if gold.is_file():
            t0 = time.perf_counter()
            result_f = evaluation.evaluate_fakes(fakes_dir, gold)
            ours, base = result_f.ours, result_f.baseline
            print(f"FA-KES main event ({fakes_dir}, {ours.total} articles), {time.perf_counter() - t0:.1f}s")
            print(_row("", "ours", "baseline"))
            print(_row("date: exact day", f"{ours.pct(ours.exact):.1f}%", f"{base.pct(base.exact):.1f}%"))
            print(
                _row(
                    "date: within one day",
                    f"{ours.pct(ours.within_one):.1f}%",
                    f"{base.pct(base.within_one):.1f}%",
                )
            )
            print(_row("place named", f"{ours.pct(ours.place):.1f}%", f"{base.pct(base.place):.1f}%"))
            if result_f.unreadable:
                print(
                    f"  {len(result_f.unreadable)} articles could not be read (counted as misses for both), "
                    f"e.g. {result_f.unreadable[0]}"
                )
            for miss in result_f.misses[: args.errors]:
                print("    {} gold {} ours {} | gold place {} ours {}".format(*miss))
        else:
            print(f"FA-KES: {gold} not found, skipped", file=sys.stderr)
            status = 2
    return status
