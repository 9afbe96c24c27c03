"""The check behind the date table tests: a row (publication day, sentence, words, start, end) is
met when the engine finds those words resolved to start..end; a row with no words expects nothing."""

from __future__ import annotations

from datetime import date

from builder.dates import find_time_expressions


def check_row(row: tuple[str, str, str, str, str], lang: str) -> None:
    pub, sentence, words, start, end = row
    found = find_time_expressions(sentence, date.fromisoformat(pub), lang)
    got = [(e.text, e.start.isoformat(), e.end.isoformat()) for e in found]
    if not words:
        assert got == [], got
        return
    assert (words, start, end) in got, got
