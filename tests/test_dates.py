"""Date engine: the seed article, datelines, publication days, the `timeline dates` behaviour, the
dev corpus (skipped when ../shared is absent) and hostile input."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from builder.dates import dates_command, find_dateline, find_time_expressions, publication_day
from builder.text import split_sentences

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = REPO / "seeds" / "000_696c8f031478c01d.txt"
PUB = date(2021, 2, 27)


def _by_text(text: str, pub: date = PUB, lang: str = "ar"):
    return {e.text: e for e in find_time_expressions(text, pub, lang)}


def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    found = find_time_expressions(text, PUB)
    texts = [e.text for e in found]
    assert "27 فبراير 2021" in texts and "السبت" in texts and "أخيراً" in texts
    assert "خلال الأيام الماضية" in texts and "الأخير" in texts and "الأخيرة" in texts
    for e in found:
        assert text[e.start_char:e.end_char] == e.text
        if e.text == "السبت":
            assert (e.start, e.end, e.approximate) == (PUB, PUB, False)
        if e.family == "vague":
            assert e.approximate and e.end < PUB and e.start < e.end and not e.future
    starts = [e.start_char for e in found]
    assert starts == sorted(starts)
    assert all(a.end_char <= b.start_char for a, b in zip(found, found[1:], strict=False))


def test_future_is_marked():
    got = _by_text("يصل الوفد غداً ويعقد اجتماعا الأسبوع المقبل")
    assert got["غداً"].future and got["الأسبوع المقبل"].future
    got = _by_text("The envoy will arrive on Friday.", date(2017, 4, 5), "en")
    assert got["Friday"].future and got["Friday"].start == date(2017, 4, 7)
    assert not _by_text("قتل أمس")["أمس"].future


def test_offsets_survive_diacritics_and_tatweel():
    text = "وقَعَ الهجومُ أخيـــراً في ٢٧ فبراير ٢٠٢١"
    for e in find_time_expressions(text, PUB):
        assert text[e.start_char:e.end_char] == e.text
    assert {e.family for e in find_time_expressions(text, PUB)} == {"vague", "absolute"}


@pytest.mark.parametrize("text, want", [
    ("Suicide bomber kills 4\n\nSun 22 Feb 2015 Suicide bomber kills 4 in ...", date(2015, 2, 22)),
    ("Title\n\nWed 05 Apr 2017 10.23 BST\nBody", date(2017, 4, 5)),
    ("Title\n\n12 February 2015 Casualties mount", date(2015, 2, 12)),
    ("Title\n\n06-01-2016 8 Civilians Killed", date(2016, 1, 6)),
    ("BEIRUT, April 7 (Reuters) - Syrian forces said on Friday ... in 2017", date(2017, 4, 7)),
    ("Title\n\nPosted on April 4 2017 by Asharq Al-Awsat", date(2017, 4, 4)),
    ("Title\n\nPublished February 18 2015 The Syrian army", date(2015, 2, 18)),
    ("No date here at all.", None),
    # The first complete date among the opening words, whatever stands before it.
    ("Clinic hit in northern town Wire Desk Tuesday 7 Mar 2017 Rockets struck a clinic", date(2017, 3, 7)),
    ("Publication date 3 January 2019 Talks resumed in the capital", date(2019, 1, 3)),
    ("Ministers meet on aid 21 November 2018 AGENCY Ministers met on Wednesday", date(2018, 11, 21)),
    ("Convoy reaches city Newsdesk Region 0915 14.02.2018 Read more", date(2018, 2, 14)),
    ("Convoy reaches city Region 0915 14.02.2018Share this", date(2018, 2, 14)),
    ("Local news Politics 05-03-2013 0330 PM A council met", date(2013, 3, 5)),
    ("Report 12/25/2016 Markets closed", date(2016, 12, 25)),            # only month-first fits
    ("Last updated at Mar 092019 CITY Officials said", date(2019, 3, 9)),  # comma lost between day and year
    ("Talks end without a deal Wire Sept. 4, 2020 Delegates left", date(2020, 9, 4)),
    ("Officials said on Monday that 4 people died in 2015 floods", None),    # no complete date
    ("x" * 450 + " 3 May 2016", None),                                     # too far from the top
])
def test_find_dateline(text, want):
    assert find_dateline(text) == want


def test_wire_dateline_year_argument():
    assert find_dateline("BEIRUT, April 7 (Reuters) - Syrian forces", year=2018) == date(2018, 4, 7)


@pytest.mark.parametrize("value, want", [
    ("2021-02-27", date(2021, 2, 27)),
    ("2018-02-15T18:23:59+00:00", date(2018, 2, 15)),
    ("2018-02-15T22:30:00+00:00", date(2018, 2, 16)),   # past midnight in UTC+3
    ("2018-02-15T22:30:00Z", date(2018, 2, 16)),
    ("2018-02-15T23:30:00+03:00", date(2018, 2, 15)),
    ("2018-02-15T23:30:00", date(2018, 2, 15)),          # no zone: as written
    ("2018-02-16T01:00:00+05:00", date(2018, 2, 15)),
])
def test_publication_day(value, want):
    assert publication_day(value) == want


def test_dates_command_text():
    out = io.StringIO()
    assert dates_command("قتل أمس ثلاثة", "2021-02-27", "ar", False, None, out) == 0
    assert "أمس" in out.getvalue() and "2021-02-26" in out.getvalue()
    out = io.StringIO()
    assert dates_command("x", "not-a-date", "ar", False, None, out) == 2


def test_dates_command_jsonl():
    rows = [{"text": "قتل أمس", "published": "2021-02-27", "lang": "ar"},
            {"text": "It was recently retaken", "published": "2017-04-05", "lang": "en"},
            {"text": "لا شيء", "published": "2021-02-27", "lang": "ar"}]
    stdin = io.StringIO("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    out = io.StringIO()
    assert dates_command(None, None, "ar", True, stdin, out) == 0
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(lines) == 3
    assert lines[0]["expressions"] == [{"text": "أمس", "start": "2021-02-26", "end": "2021-02-26",
                                        "approximate": False, "granularity": "day", "future": False}]
    assert lines[1]["expressions"][0]["approximate"] is True
    assert lines[2]["expressions"] == []


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "٠١٢٣", "99/99/9999", "31/2/2021", "32 فبراير 2021", "0 يناير", "الـ", "//--..",
    "قبل 999 عاما", "بين 20 و15 فبراير", "1500 رجب 9999 هـ", "عام 1800", "x" * 10000, "السبت " * 2000,
    "\ufeff\u200fالسبت\u200e", "May May May 2017 2017", "between 31 and 2 February",
])
def test_hostile_inputs_do_not_crash(text):
    for lang in ("ar", "en"):
        for e in find_time_expressions(text, PUB, lang):
            assert e.start <= e.end
            assert 0 <= e.start_char < e.end_char <= len(text)


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is absent")
def test_dev_corpus_no_crash():
    count = 0
    for folder, lang in (("articles_ar", "ar"), ("articles_en", "en")):
        for path in sorted((SHARED / "corpus" / folder).glob("*.*")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for a, b in split_sentences(text):
                for e in find_time_expressions(text[a:b], PUB, lang):
                    assert e.start <= e.end
                    count += 1
    assert count > 500


@pytest.mark.skipif(not (SHARED / "corpus" / "temporal" / "arabic_recognizers.jsonl").is_file(),
                    reason="../shared/corpus/temporal is absent")
def test_recognizers_rows_we_consider_right():
    """Every gold row that follows our conventions resolves; see docs/dates.md for the others."""
    rows = [json.loads(x) for x in (SHARED / "corpus" / "temporal" / "arabic_recognizers.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    ok = 0
    for r in rows:
        found = find_time_expressions(r["text"], date.fromisoformat(r["published"]))
        ok += any((e.start.isoformat(), e.end.isoformat()) == (r["start"], r["end"]) for e in found)
    assert ok >= 40


# -- prefer_past: the past reading (default off) -------------------------------------------------
MON_7_NOV = date(2016, 11, 7)


@pytest.mark.parametrize(
    "text, words, default, past",
    [
        ("سوف نزورهم يوم 3 أكتوبر", "يوم 3 أكتوبر", ("2017-10-03", True), ("2016-10-03", False)),
        ("سوف نلتقي في 15/05", "15/05", ("2017-05-15", True), ("2016-05-15", False)),
        ("سيصل الوفد الخميس", "الخميس", ("2016-11-10", True), ("2016-11-03", False)),
        ("سيعقد المؤتمر في مارس", "مارس", ("2017-03-01", True), ("2016-03-01", False)),
        ("The team will arrive on Thursday", "Thursday", ("2016-11-10", True), ("2016-11-03", False)),
        ("They will meet on March 9", "March 9", ("2017-03-09", True), ("2016-03-09", False)),
    ],
)
def test_prefer_past_reads_year_less_dates_in_the_past(text, words, default, past):
    lang = "en" if text.isascii() else "ar"
    for prefer, (start, future) in ((False, default), (True, past)):
        found = {e.text: e for e in find_time_expressions(text, MON_7_NOV, lang, prefer_past=prefer)}
        assert words in found, (prefer, list(found))
        assert (found[words].start.isoformat(), found[words].future) == (start, future), prefer


@pytest.mark.parametrize(
    "text, lang, start",
    [("سنعود غداً", "ar", "2016-11-08"), ("سيزورنا الشهر المقبل", "ar", "2016-12-01"),
     ("They will vote next week", "en", "2016-11-14"), ("Talks resume tomorrow", "en", "2016-11-08")],
)
def test_prefer_past_keeps_words_that_are_future_by_themselves(text, lang, start):
    exprs = find_time_expressions(text, MON_7_NOV, lang, prefer_past=True)
    assert exprs and exprs[0].start.isoformat() == start and exprs[0].future


def test_prefer_past_leaves_past_sentences_unchanged():
    text = "قتل ثلاثة أشخاص الجمعة في 4 نوفمبر، بعد هجوم وقع في 2 أكتوبر"
    plain = find_time_expressions(text, MON_7_NOV, "ar")
    assert plain == find_time_expressions(text, MON_7_NOV, "ar", prefer_past=True)


def test_hour_windows_end_on_the_publication_day():
    found = _by_text("Strikes killed 18 fighters over the past 24 hours, a monitor said.", MON_7_NOV, "en")
    e = found["over the past 24 hours"]
    assert (e.start, e.end, e.approximate, e.future) == (date(2016, 11, 6), MON_7_NOV, True, False)
    e = _by_text("Clashes in the last 48 hours left ten dead.", MON_7_NOV, "en")["in the last 48 hours"]
    assert (e.start, e.end) == (date(2016, 11, 5), MON_7_NOV)
