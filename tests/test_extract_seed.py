"""The foundation's promises on the seed article (Arabic, published Saturday 27 February 2021)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builder.articles import read_article
from builder.extract import extract_events
from builder.models import Event

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_696c8f031478c01d.txt"
PUBLISHED = date(2021, 2, 27)


@pytest.fixture(scope="module")
def article():
    return read_article(SEED, root=ROOT)


@pytest.fixture(scope="module")
def events(article) -> list[Event]:
    return extract_events(article)


def _with_place(events: list[Event], name_en: str) -> list[Event]:
    return [e for e in events if any(p.name_en == name_en for p in e.places)]


def _one(events: list[Event], **where) -> Event:
    found = [e for e in events if all(getattr(e, k) == v for k, v in where.items())]
    assert found, f"no event with {where}; got {[(e.type, e.mode, e.date) for e in events]}"
    return found[0]


def test_reader_finds_title_date_and_drops_furniture(article):
    assert article.title == "التحالف الدولي يؤكد دعم العراق في التصدي للهجمات الصاروخية"
    assert article.published == PUBLISHED
    assert article.lang == "ar"
    assert "+ الخط -" not in article.text
    assert "(Getty)" not in article.text
    assert article.title not in article.text  # the repeated title line is not a paragraph
    assert article.paragraphs[0].startswith("أكد التحالف الدولي")


def test_diwaniyah_convoy_bombing_is_dated_the_saturday(events):
    [bombing] = [e for e in _with_place(events, "Diwaniyah") if e.type == "assault"]
    assert bombing.mode == "explosives"
    assert bombing.date == "2021-02-27" and bombing.until is None and not bombing.approximate
    assert bombing.sources[0].date_text == "السبت"
    assert "عبوة ناسفة" in bombing.sources[0].quote
    place = next(p for p in bombing.places if p.name_en == "Diwaniyah")
    assert place.country == "IQ" and 31 < place.lat < 33 and 44 < place.lon < 46


def test_foreign_minister_visit_to_tehran(events):
    visit = _one(events, type="consult", mode="visit")
    assert visit.date == "2021-02-27" and not visit.approximate
    assert any(p.name_en in ("Tehran", "Iran") for p in visit.places)
    assert any("فؤاد حسين" in a or "Fuad" in a for a in visit.actors)


@pytest.mark.parametrize("target", ["Erbil International Airport", "Green Zone", "Balad Air Base"])
def test_rocket_attacks_are_approximate_days_before_publication(events, target):
    matches = [e for e in events if e.type == "assault" and any(target in (p.name_en or "") for p in e.places)]
    assert matches, f"no assault at {target}: {[(e.title, [p.name_en for p in e.places]) for e in events]}"
    attack = matches[0]
    assert attack.mode == "heavy-weapons"
    assert attack.approximate
    first, last = attack.span
    assert last < PUBLISHED, "a vague 'in recent days' window ends before the publication day"
    assert (PUBLISHED - first).days <= 14
    place = next(p for p in attack.places if target in (p.name_en or ""))
    assert place.lat is not None and place.lon is not None
    # each attack's title names its own target, not the first one of the list
    others = {"Erbil International Airport": "مطار", "Green Zone": "الخضراء", "Balad Air Base": "بلد"}
    assert others[target] in attack.title
    assert not [w for t, w in others.items() if t != target and w in attack.title], attack.title


def test_al_bukamal_strike_is_a_past_background_event(events):
    strikes = [e for e in _with_place(events, "Al-Bukamal") if e.type == "assault"]
    assert strikes, [(e.type, e.title, [p.name_en for p in e.places]) for e in events]
    strike = strikes[0]
    assert strike.mode == "aerial"
    assert strike.approximate and strike.span[1] < PUBLISHED
    place = next(p for p in strike.places if p.name_en == "Al-Bukamal")
    assert place.country == "SY"


def test_deputy_commander_statements_are_one_event(events):
    statements = [e for e in events if e.type == "statement" and "كوبسي" in (e.sources[0].quote or "")]
    assert len(statements) == 1, [e.title for e in statements]
    quote = statements[0].sources[0].quote
    for words in ("تشكل تهديداً للعراق", "أكبر وأوسع", "بقايا تنظيم"):
        assert words in quote


def test_factions_threats(events):
    threat = _one(events, type="threaten")
    assert "تهديدات" in threat.sources[0].quote
    # "وتزامن ذلك مع…" continues the Saturday bombing and takes its date
    assert threat.date == "2021-02-27"


def test_no_past_event_copies_the_publication_day(events):
    for event in events:
        if event.type == "assault" and event.approximate:
            assert event.span[1] < PUBLISHED, event.id


def test_ids_are_unique_stable_ascii(article, events):
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() for i in ids)
    assert ids == [e.id for e in extract_events(article)]


def test_every_event_keeps_its_quote(article, events):
    for event in events:
        [source] = event.sources
        assert source.article == "seeds/000_696c8f031478c01d.txt"
        assert source.quote and source.quote.split(" ")[0] in article.text
