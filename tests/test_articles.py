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
