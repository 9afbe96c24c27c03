"""FA-KES-style English leads: the main event of an article and its date (own test lines, no corpus
text). The lead's deed is dated relative to the dateline; the dateline, a photo caption's date and
the day a source spoke do not date the deed; background windows come after the first dated event."""

from __future__ import annotations

from datetime import date

from builder.evaluation import main_event
from builder.extract import extract_events
from builder.models import Article

WED = date(2019, 3, 6)  # a Wednesday


def _article(paragraphs: list[str], title: str = "", published: date = WED) -> Article:
    return Article(
        path="t/en.txt",
        title=title,
        published=published,
        text="\n\n".join(paragraphs),
        lang="en",
        paragraphs=tuple(paragraphs),
    )


def _main(paragraphs: list[str], title: str = "", published: date = WED):
    event = main_event(extract_events(_article(paragraphs, title, published)))
    assert event is not None
    return event


def test_lead_deed_is_dated_relative_to_the_dateline_not_by_it():
    event = _main(["Published March 6 2019 A suicide bomber killed four people at a market in Idlib on Tuesday."])
    assert (event.date, event.approximate) == ("2019-03-05", False)
    assert any((p.name_en or p.name) == "Idlib" for p in event.places)


def test_headline_repeated_before_the_lead_keeps_the_lead():
    title = "Shelling kills five in Aleppo"
    event = _main([f"{title} AFP Wednesday 6 Mar 2019 Shelling killed five people in Aleppo on Monday."], title)
    assert event.date == "2019-03-04"


def test_photo_caption_date_does_not_date_the_event():
    event = _main(
        [
            "A man walks past a damaged building in Aleppo Syria February 20 2019. (Reuters) Shelling killed "
            "five people in the city of Aleppo on Tuesday."
        ]
    )
    assert event.date == "2019-03-05"


def test_day_of_the_report_dates_the_deed_only_approximately():
    event = _main(["Gunmen killed three soldiers near Hama, a monitoring group said on Wednesday."])
    assert (event.date, event.approximate) == ("2019-03-06", True)
    event = _main(["Gunmen killed three soldiers near Hama on Monday, a monitoring group said on Wednesday."])
    assert (event.date, event.approximate) == ("2019-03-04", False)


def test_background_window_is_not_the_main_event():
    event = _main(
        [
            "Air strikes on Idlib have intensified in recent weeks. "
            "An air strike killed six people in the town of Saraqib on Saturday."
        ]
    )
    assert event.date == "2019-03-02"


def test_hour_window_reaches_the_publication_day():
    events = extract_events(_article(["Air strikes killed 20 fighters near Palmyra over the past 24 hours."]))
    assert events and (events[0].date, events[0].until) == ("2019-03-05", "2019-03-06")


def test_where_a_group_is_based_is_not_where_it_happened():
    event = _main(["Gunmen killed three soldiers near Hama on Monday, the Britain-based Syrian Observatory said."])
    assert [p.name_en or p.name for p in event.places] == ["Hama"]


def test_date_score_within_one_day_holds_for_every_possible_day():
    from builder.evaluation import date_score

    def scored(date_value: str, until: str | None = None) -> tuple[bool, bool]:
        event = _main(["Shelling killed five people in Aleppo on Tuesday."])
        return date_score(event.model_copy(update={"date": date_value, "until": until}), date(2019, 3, 6))

    assert scored("2019-03-06") == (True, True)
    assert scored("2019-03-05") == (False, True)
    assert scored("2019-03-04") == (False, False)
    assert scored("2019-03-05", "2019-03-06") == (False, True)  # "during the past 24 hours"
    assert scored("2019-03-05", "2019-03-07") == (False, True)
    assert scored("2019-03-04", "2019-03-06") == (False, False)  # may be two days off
    assert scored("2019-03") == (False, False)
