"""The page "Add or correct an event" (Arabic, with an English version) explains every validation
message the tool prints, and is in the built site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_editing_support import SEED, inside, timeline
from test_validate_broken import CASES

from builder.models import Event
from builder.yamlio import compose, construct

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"ar": ROOT / "docs" / "edit.md", "en": ROOT / "docs" / "edit.en.md"}

# the fixed words of every message; each must be explained on both pages
STEMS = (
    "is never closed", "found a tab character that violates indentation", "appears twice",
    "anchors (&name) are not allowed", "could not determine a constructor for the tag",
    "file is larger than 1 MB", "file: is empty", "is not a mapping of event fields", "is not UTF-8 text",
    "is missing", "is not a field of an event", "does not match the file name", "is also used by",
    "is not in the expected format", "day is out of range for month", "is before date",
    "is not a known event type", "is not a known mode", "Input should be 'draft', 'reviewed' or 'rejected'",
    "must be true or false", "title: is empty", "must be between -90 and 90", "has lat but no lon",
    "is not in the project", "is a mode of assault, not of consult", "but the file is in",
    "is after the article's publication", "Gulf of Guinea", "looks like the same event as",
    "is being changed by", "has git merge conflict markers", "is already used", "left alone",
)


def test_every_message_of_the_broken_cases_is_covered_by_a_stem():
    for case, (_, _, _, message, _) in CASES.items():
        assert any(stem in message for stem in STEMS), f"{case}: {message!r} is not explained on the page"


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_page_explains_every_message_statuses_ids_and_an_example(lang):
    text = PAGES[lang].read_text(encoding="utf-8")
    missing = [stem for stem in STEMS if stem not in text]
    assert not missing, f"{PAGES[lang].name} does not explain: {missing}"
    for word in ("`draft`", "`reviewed`", "`rejected`", "timeline new", "timeline status",
                 "timeline extract --dry-run", "deleted:", "::error file="):
        assert word in text
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    Event.model_validate(construct(compose(example)))      # the example is a valid event


def test_example_on_the_page_passes_validate(tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(ROOT / SEED, tmp_path / SEED)
    text = PAGES["ar"].read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    target = tmp_path / "events" / "2021" / "2021-02-27-diwaniyah-assault-explosives.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(example, encoding="utf-8")
    with inside(tmp_path):
        code, out, err = timeline("validate")
    assert code == 0, err
    assert "0 errors, 0 warnings" in err


@pytest.mark.slow
def test_both_pages_are_in_the_built_site(tmp_path):
    from conftest import make_site_project

    project = make_site_project(tmp_path / "project")
    events = project / "events" / "2021"
    events.mkdir(parents=True)
    example = PAGES["en"].read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    (events / "2021-02-27-diwaniyah-assault-explosives.yaml").write_text(example, encoding="utf-8")
    with inside(project):
        code, out, err = timeline("build", "--root", str(project), "--quiet")
    assert code == 0, err
    ar = (project / "site" / "edit.html").read_text(encoding="utf-8")
    en = (project / "site" / "edit.en.html").read_text(encoding="utf-8")
    assert "إضافة حدث أو تصحيحه" in ar and "Add or correct an event" in en
    assert 'href="edit.en.html"' in ar and 'href="edit.html"' in en
