"""Reading plain-text articles: titles, datelines inside long opening lines, dateless files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builder.articles import ArticleError, read_article


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_dateline_after_headline_outlet_and_weekday(tmp_path):
    path = _write(tmp_path, "Flood closes border crossing\n\n"
                  "Flood closes border crossing Wire Desk Saturday 4 Mar 2017 Heavy rain closed the crossing "
                  "on Saturday, officials said.\n\nTraffic resumed later.\n")
    article = read_article(path)
    assert article.title == "Flood closes border crossing"
    assert article.published == date(2017, 3, 4)
    assert article.lang == "en"


def test_date_of_publication_lead(tmp_path):
    path = _write(tmp_path, "Talks resume\n\nDate of publication 2 June 2019 Delegations met again in the "
                  "capital on Sunday.\n")
    assert read_article(path).published == date(2019, 6, 2)


def test_date_line_alone_still_wins(tmp_path):
    path = _write(tmp_path, "Talks resume\n12 February 2015\nThe talks, first held on 3 January 2015, resumed.\n")
    article = read_article(path)
    assert article.published == date(2015, 2, 12)
    assert all("12 February 2015" != p for p in article.paragraphs)


def test_dateless_file_keeps_its_error(tmp_path):
    path = _write(tmp_path, "Talks resume\n\nDelegations met again in the capital on Sunday, officials said.\n")
    with pytest.raises(ArticleError, match="no publication date found near the top"):
        read_article(path)


# -- page furniture glued to the first sentence of English plain-text bodies (furniture.yaml `inline`) --
_TITLE = "Floods cut the coastal road near Tartus"
_STORY = "Heavy rain flooded the coastal road on Monday, officials said. Crews cleared it by night."


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Published March 6 2017", date(2017, 3, 6)),
        ("Posted on March 6 2017 by Staff Writer " + _TITLE, date(2017, 3, 6)),
        ("Date of publication 6 March 2017", date(2017, 3, 6)),
        ("Last updated at Mar 062017 TARTUS", date(2017, 3, 6)),
        ("Last updated at Mar 062017 TARTUS Syria", date(2017, 3, 6)),
        ("6 Mar 2017", date(2017, 3, 6)),
        ("Mon Mar 6 2017", date(2017, 3, 6)),
        ("Monday 06 March 2017 18:40", date(2017, 3, 6)),
        ("Mon 6 Mar 2017 at 1840 Regional NNA -", date(2017, 3, 6)),
        ("06.03.2017(updated 1840 06.03.2017) Get short URL 0 41", date(2017, 3, 6)),
        ("06.03.2017Get short URL 512", date(2017, 3, 6)),
        ("06-03-2017 title: " + _TITLE + ".", date(2017, 3, 6)),
        (_TITLE + " Reuters Monday 6 Mar 2017", date(2017, 3, 6)),
        (_TITLE + " - Update Wire Service Jane Doe Middle East 1840 06.03.2017 Get short URL 77", date(2017, 3, 6)),
        ("Mon 6 Mar 2017 " + _TITLE + ".", date(2017, 3, 6)),
        ("Monday 6 Mar 2017 " + _TITLE + " AFP", date(2017, 3, 6)),
        ("Monday 06 March 2017 18:40 " + _TITLE + " Twitter font size", date(2017, 3, 6)),
        ("Published March 6 2017 SEND https://example.org/x1", date(2017, 3, 6)),
        ("Date of publication 6 March 2017 Video", date(2017, 3, 6)),
    ],
)
def test_head_furniture_is_dropped(tmp_path, head, published):
    article = read_article(_write(tmp_path, f"{_TITLE}\n\n{head} {_STORY}\n"))
    assert article.published == published
    assert article.paragraphs[0] == _STORY


def test_headline_with_site_name_repeated_before_the_date(tmp_path):
    path = _write(tmp_path, f"{_TITLE} - Coast Daily - News\n\n{_TITLE} AFP Monday 6 Mar 2017 {_STORY}\n")
    assert read_article(path).paragraphs[0] == _STORY


@pytest.mark.parametrize(
    "body",
    [
        # the date is the story's own: words before it are not furniture
        "Rescuers said on Monday 6 March 2017 the road was shut. Crews cleared it by night.",
        # the words after the date continue a sentence (lower case): nothing is cut
        "Published March 6 2017 according to officials the road was shut.",
        # the headline is the start of a sentence that runs on
        f"{_TITLE} as heavy rain fell on Monday 6 March 2017.",
    ],
)
def test_story_text_is_kept(tmp_path, body):
    article = read_article(_write(tmp_path, f"{_TITLE}\n6 March 2017\n{body}\n"))
    assert article.paragraphs[0] == body


def test_caption_and_credits_are_dropped(tmp_path):
    body = ("6 Mar 2017 Crews worked through the night. A man walks past a flooded car in Tartus Syria March 6 "
            "2017. (Reuters Photo) Heavy rain flooded the coastal road on Monday. Shops stayed shut. (AFP) "
            "Schools reopen on Wednesday.")
    article = read_article(_write(tmp_path, f"{_TITLE}\n\n{body}\n"))
    assert article.paragraphs[0] == ("Crews worked through the night. Heavy rain flooded the coastal road on Monday. "
                                     "Shops stayed shut. Schools reopen on Wednesday.")


def test_wire_dateline_and_tag_list_are_dropped(tmp_path):
    body = ("06.03.2017 Get short URL 41 Floods shut the road. TARTUS (Sputnik) Heavy rain flooded the road "
            "on Monday. Tags floods Syria weather Community standardsDiscussion Comment via Site")
    article = read_article(_write(tmp_path, f"{_TITLE}\n\n{body}\n"))
    assert article.paragraphs[0] == "Floods shut the road. Heavy rain flooded the road on Monday."


def test_arabic_body_is_not_touched(tmp_path):
    body = "الاثنين 6 مارس 2017 أغلقت السيول الطريق الساحلي (AFP) وقال مسؤولون إن الطريق فتح ليلا."
    article = read_article(_write(tmp_path, f"السيول تقطع الطريق الساحلي\n6 مارس 2017\n{body}\n"))
    assert article.lang == "ar"
    assert article.paragraphs == (body,)
