"""What an analyst would correct first on the seed: dates borrowed from the wrong words, places
taken from the wrong noun, one event told twice."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from builder.articles import read_article
from builder.extract import extract_events

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2021, 2, 27)


@pytest.fixture(scope="module")
def events():
    return extract_events(read_article(ROOT / "seeds" / "000_696c8f031478c01d.txt", root=ROOT))


def _said_by(events, name: str, event_type: str):
    return [e for e in events if e.type == event_type and name in (e.sources[0].quote or "")]


def test_zarif_condemnation_is_dated_by_the_meeting_not_by_the_strike_it_condemns(events):
    [condemnation] = _said_by(events, "ظريف", "disapprove")
    assert condemnation.date == "2021-02-27", condemnation.sources[0].date_text
    assert condemnation.sources[0].date_text != "الأخيرة"


def test_zarif_call_is_dated_the_day_of_the_meeting(events):
    [call] = _said_by(events, "ظريف", "demand")
    assert call.span[0] == call.span[1] == PUBLISHED


def test_coalition_statement_is_not_dated_by_the_attacks_it_mentions(events):
    first = min((e for e in events if e.type == "statement"), key=lambda e: e.id)
    statements = [e for e in events if e.type == "statement"]
    assert all(s.sources[0].date_text not in ("أخيراً", "أخيرا") for s in statements), first.id
    assert all(s.span[1] >= PUBLISHED for s in statements)


def test_the_recent_us_strike_is_one_event_in_syria(events):
    known = {"Erbil International Airport", "Green Zone", "Green Zone (Baghdad)", "Balad Air Base", "Diwaniyah"}
    strikes = [e for e in events if e.type == "assault"
               and not any(p.name_en in known for p in e.places)]
    assert len(strikes) == 1, [(e.id, e.sources[0].quote[:60]) for e in strikes]
    [strike] = strikes
    names = {p.name_en for p in strike.places}
    assert "Al-Bukamal" in names
    assert not names & {"Tehran", "Washington"}, "places named as backers or partners are not where it struck"
    assert strike.approximate and strike.span[1] < PUBLISHED


def test_the_visit_and_the_meeting_during_it_are_one_consult_event(events):
    consults = [e for e in events if e.type == "consult"]
    assert len(consults) == 1, [e.id for e in consults]
    assert consults[0].date == "2021-02-27"


def test_no_event_is_placed_in_washington(events):
    assert not [e.id for e in events if any(p.name_en == "Washington" for p in e.places)]


def test_titles_do_not_open_with_connectives(events):
    connective = re.compile(r"^(?:و(?!زير|زارة|لاية|فد|كالة|اشنطن)|كما\s|من جهت|ف(?=[أاتي]))")
    for event in events:
        assert not connective.match(event.title), event.title
