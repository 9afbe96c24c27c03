"""Date engine: find time expressions in a text and resolve them against the publication date.

(Interface only; the implementation is being written.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Granularity = Literal["day", "week", "month", "year", "decade"]


@dataclass(frozen=True)
class TimeExpression:
    text: str                 # the words as they stand in the original text
    start_char: int           # offsets in the original text
    end_char: int
    start: date               # first possible day (inclusive)
    end: date                 # last possible day (inclusive)
    granularity: Granularity
    approximate: bool         # the day is unknown within start..end
    future: bool              # refers to after publication (a plan, never a past event)
    family: str               # e.g. absolute, numeric, weekday, relative-day, count, week, month, year,
                              # vague, range, decade, hijri


def find_time_expressions(text: str, published: date, lang: str = "ar") -> list[TimeExpression]:
    """Every time expression in `text`, in order, resolved against `published`."""
    raise NotImplementedError
