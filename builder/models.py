"""Typed objects that cross pipeline stages: articles, places, sources and events.

The event model is the single definition of the event file format: validation and the published
JSON Schema are both derived from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PLOVER_TYPES = (
    "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "investigate",
    "demand", "disapprove", "reject", "threaten", "sanction", "protest", "crime", "mobilize",
    "coerce", "assault", "statement",
)
EventType = Literal[
    "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "investigate",
    "demand", "disapprove", "reject", "threaten", "sanction", "protest", "crime", "mobilize",
    "coerce", "assault", "statement",
]
Status = Literal["draft", "reviewed", "rejected"]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)


def parse_partial_date(value: str) -> tuple[date, date]:
    """'2021-02-27' | '2021-02' | '2021' → (first day, last day). Raises ValueError with a reason."""
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"{value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)  # raises "day is out of range for month"
        return day, day
    if len(parts) == 2:
        year, month = parts
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} is not between 01 and 12")
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
        return first, date.fromordinal(last)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def format_partial_date(start: date, end: date) -> tuple[str, str | None]:
    """The shortest (date, until) pair that covers start..end exactly."""
    if start == end:
        return start.isoformat(), None
    if start.day == 1 and (end + _ONE_DAY).day == 1 and start.month == end.month and start.year == end.year:
        return start.strftime("%Y-%m"), None
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year), None
    return start.isoformat(), end.isoformat()


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, description="Name in the event's language")
    name_en: str | None = Field(default=None, description="English name")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: str = Field(min_length=1, description="Path of the article, relative to the project")
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    quote: str | None = Field(default=None, description="The words of the article the event rests on")
    date_text: str | None = Field(default=None, description="The words that fixed the date, if any")


class Event(BaseModel):
    """One event file: events/<year>/<id>.yaml."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN, max_length=120, description="Unique ASCII slug; the file is <id>.yaml")
    date: str = Field(pattern=PARTIAL_DATE_PATTERN, description="YYYY-MM-DD, YYYY-MM or YYYY")
    until: str | None = Field(default=None, pattern=PARTIAL_DATE_PATTERN, description="Inclusive end")
    approximate: bool = Field(default=False, description="Happened somewhere in date..until, day unknown")
    title: str = Field(min_length=1)
    summary: str | None = None
    type: EventType
    mode: str | None = Field(default=None, pattern=r"^[a-z][a-z-]*$")
    actors: list[str] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    lang: str = Field(default="ar", pattern=r"^[a-z]{2}$")
    sources: list[Source] = Field(default_factory=list)
    status: Status = "draft"
    future: bool = Field(default=False, description="A planned or announced event, not yet happened")
    tags: list[str] = Field(default_factory=list)

    @field_validator("date", "until")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if value is not None:
            parse_partial_date(value)
        return value

    @model_validator(mode="after")
    def _until_not_before_date(self) -> Event:
        if self.until is not None and self.span[1] < self.span[0]:
            raise ValueError(f"until {self.until} is before date {self.date}")
        return self

    @property
    def span(self) -> tuple[date, date]:
        """First and last possible day of the event."""
        first, last = parse_partial_date(self.date)
        if self.until:
            last = parse_partial_date(self.until)[1]
        return first, last

    @property
    def year(self) -> str:
        return self.date[:4]

    def to_yaml_dict(self) -> dict:
        """Field order as in DESIGN.md; optional empties left out so files stay short."""
        data = self.model_dump(mode="json")
        keep_empty = {"actors", "places", "sources", "tags", "approximate", "status"}
        return {k: v for k, v in data.items() if v not in (None, False, [], "") or k in keep_empty}


@dataclass(frozen=True)
class Article:
    """An input article as the reader found it."""

    path: str                 # relative to the project root, posix separators
    title: str
    published: date
    text: str                 # body without title, date line and page furniture
    lang: str = "ar"
    outlet: str | None = None
    url: str | None = None
    sha256: str = ""          # of the raw bytes: tells when an article changed
    paragraphs: tuple[str, ...] = field(default=())


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)
