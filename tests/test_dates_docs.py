"""The page "How dates are read" is Arabic (docs/dates.md, in the site's nav) with an English twin
(docs/dates.en.md); each links to the other, and the Arabic page keeps every rule, width and example
of the English one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_editing_support import inside, timeline

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"ar": ROOT / "docs" / "dates.md", "en": ROOT / "docs" / "dates.en.md"}
CODE = re.compile(r"`([^`]+)`")
FENCED = re.compile(r"^```\w*\n(.*?)^```$", re.S | re.M)
ARABIC = re.compile(r"[\u0600-\u06ff]")


def _text(lang: str) -> str:
    return PAGES[lang].read_text(encoding="utf-8")


def _tables(text: str) -> list[list[str]]:
    """Every Markdown table of the page as its rows (header and separator left out)."""
    tables, rows = [], None
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            rows = [] if rows is None else rows
            rows.append(line)
        elif rows is not None:
            tables.append(rows[2:])
            rows = None
    return tables


def _columns(row: str) -> int:
    return len(re.sub(r"`[^`]*`", "``", row).strip().strip("|").split("|"))


def test_both_pages_exist_and_link_to_each_other():
    ar, en = _text("ar"), _text("en")
    assert ar.startswith("# كيف تُقرأ التواريخ\n") and en.startswith("# How dates are read\n")
    assert "[English](dates.en.md)" in ar
    assert "[العربية](dates.md)" in en


def test_the_arabic_page_is_arabic():
    prose = CODE.sub("", FENCED.sub("", _text("ar")))
    letters = [c for c in prose if c.isalpha()]
    assert sum(bool(ARABIC.match(c)) for c in letters) > 0.8 * len(letters)


def test_every_rule_row_has_an_arabic_row():
    ar, en = _tables(_text("ar")), _tables(_text("en"))
    assert [len(t) for t in ar] == [len(t) for t in en]
    assert len(en) == 3 and len(en[0]) >= 19
    for ar_rows, en_rows in zip(ar, en, strict=True):
        assert [_columns(r) for r in ar_rows] == [_columns(r) for r in en_rows]


def test_same_sections_and_every_example_kept():
    ar, en = _text("ar"), _text("en")
    heads = lambda text: [line.split(" ", 1)[0] for line in text.splitlines() if line.startswith("#")]  # noqa: E731
    assert heads(ar) == heads(en)
    def spans(text: str) -> set[str]:
        """Code spans, and the lines of code blocks (the Arabic page shows the command as a block)."""
        blocks = FENCED.findall(text)
        inline = CODE.findall(FENCED.sub("", text))
        return {" ".join(s.split()) for s in inline + [line for b in blocks for line in b.splitlines()]}

    assert spans(en) - spans(ar) == set(), "examples of the English page missing on the Arabic one"
    for number in ("1095", "365", "90", "28", "21", "14", "UTC+03:00", "⌈N/24⌉", "ISO 8601"):
        assert number in ar and number in en


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ar", "en"])
def test_both_pages_are_in_the_built_site(tmp_path, language):
    from conftest import make_site_project

    project = make_site_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: ar ", f"language: {language} "),
                      encoding="utf-8")
    with inside(project):
        code, out, err = timeline("build", "--root", str(project), "--quiet")
    assert code == 0, err
    ar = (project / "site" / "dates.html").read_text(encoding="utf-8")
    en = (project / "site" / "dates.en.html").read_text(encoding="utf-8")
    assert "كيف تُقرأ التواريخ" in ar and "How dates are read" in en
    assert 'href="dates.en.html"' in ar and 'href="dates.html"' in en
    assert '<code dir="ltr">BEIRUT, April 7 (Reuters) -</code>' in ar
    # the nav shows the Arabic page under its Arabic title, the English one stays out of it
    assert ">كيف تُقرأ التواريخ<" in ar or "كيف تُقرأ التواريخ\n" in ar
    assert 'href="dates.en.html"' not in (project / "site" / "index.html").read_text(encoding="utf-8")
