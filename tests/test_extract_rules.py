"""Extraction rules on hostile sentences written for these tests (Arabic and English)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extract import extract_events
from builder.merge import merge_events
from builder.models import Article

PUBLISHED = date(2021, 3, 6)  # a Saturday


def _article(text: str, lang: str = "ar", path: str = "t/a.md", title: str = "") -> Article:
    paragraphs = tuple(p for p in text.split("\n") if p.strip())
    return Article(path=path, title=title, published=PUBLISHED, text=text, lang=lang, paragraphs=paragraphs)


def _types(text: str, lang: str = "ar") -> list[str]:
    return [e.type for e in extract_events(_article(text, lang))]


@pytest.mark.parametrize(
    "text",
    [
        "لم تتعرض القافلة لأي هجوم مسلح أسفر عن قتلى.",  # negated through a light verb
        "وهددت الجماعة بشن هجمات على القواعد إذا لم تنسحب القوات.",  # a threat, not an attack
        "ودعت الأمم المتحدة إلى وقف إطلاق النار في المدينة.",  # a ceasefire call
        "وقال المحلل إن الهجمات قد تؤدي إلى مقتل المدنيين إذا استمرت.",  # hypothetical
        "وكانت الجماعة تخطط لتنفيذ هجوم انتحاري على السوق.",  # a plan
    ],
)
def test_no_assault_for_negation_threats_plans_and_conditions(text):
    assert "assault" not in _types(text)


def test_a_threat_to_attack_is_threaten():
    assert _types("وهددت الجماعة بشن هجمات على القواعد الأجنبية.")[0] == "threaten"


def test_reported_attack_with_casualties_is_an_assault():
    events = extract_events(
        _article("وقال مصدر في الشرطة إن مسلحين هاجموا دورية أمس ما أسفر عن مقتل جنديين.")
    )
    assault = next(e for e in events if e.type == "assault")
    assert assault.date == "2021-03-05"
    assert not assault.title.startswith(("و", "قال"))


def test_planned_visit_is_a_future_consult():
    events = extract_events(_article("ومن المقرر أن يزور وزير الخارجية العاصمة بغداد الأسبوع المقبل."))
    visit = next(e for e in events if e.type == "consult")
    assert visit.future and visit.mode == "visit"


def test_english_attack_and_negation():
    text = "Government warplanes killed 12 civilians in Aleppo on Friday, the monitor said."
    events = extract_events(_article(text, lang="en"))
    assault = next(e for e in events if e.type == "assault")
    assert assault.date == "2021-03-05" and assault.mode == "aerial"
    assert any(p.name_en == "Aleppo" for p in assault.places)
    assert "assault" not in _types("The army did not attack the town, officials said.", "en")
    assert _types("Rebels threatened to attack the airport.", "en")[0] == "threaten"


def test_teasers_after_read_also_are_not_the_story():
    text = (
        "وقتل ثلاثة جنود في هجوم بعبوة ناسفة استهدف دورية في الموصل أمس.\n"
        "اقرأ أيضاً\nمقتل خمسة في تفجير انتحاري ببغداد"
    )
    events = extract_events(_article(text))
    assert len([e for e in events if e.type == "assault"]) == 1


def test_one_event_from_two_articles_keeps_both_sources():
    a = extract_events(_article("قُتل جنديان في هجوم بعبوة ناسفة استهدف دورية في الموصل أمس.", path="a.md"))
    b = extract_events(
        _article("أسفر هجوم بعبوة ناسفة على دورية في الموصل أمس عن مقتل ثلاثة جنود.", path="b.md")
    )
    merged = [e for e in merge_events(a + b) if e.type == "assault"]
    assert len(merged) == 1
    quotes = [s.quote for s in merged[0].sources]
    assert len(quotes) == 2 and any("جنديان" in q for q in quotes) and any("ثلاثة" in q for q in quotes)
