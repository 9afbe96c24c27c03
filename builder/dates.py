# ruff: noqa: E501  (the grammar is long regular expressions; they read better unbroken)
"""Date engine: find time expressions in a text and resolve them against the publication date.

Conventions (DESIGN.md "Dates", docs/dates.md):

- a week runs Monday..Sunday (ISO 8601); "the weekend" is its Saturday and Sunday;
- a bare weekday is the most recent such day on or before publication (the publication day itself
  when it is that weekday); with a past modifier (السبت الماضي, last Saturday) strictly before;
  with a future modifier or a future cue earlier in the clause (سوف، من المقرر، will) the next one;
- a day and month without a year is the most recent such day on or before publication;
- vague windows (أخيراً، خلال الأيام الماضية, recently) end the day before publication; their
  widths are written once, in builder/data/dates_<lang>.yaml;
- future references are marked `future=True`.

Language knowledge lives in the YAML data files and in arrow's / hijridate's locale tables; this
module only holds the grammar that combines them. Regexes are compiled once per language.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from builder.text import fold, fold_text

Granularity = Literal["day", "week", "month", "year", "decade"]

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class TimeExpression:
    text: str                 # the words as they stand in the original text
    start_char: int           # offsets in the original text
    end_char: int
    start: date               # first possible day (inclusive)
    end: date                 # last possible day (inclusive)
    granularity: Granularity
    approximate: bool         # the day is unknown within start..end
    future: bool              # refers to after publication (a plan, never a past event)
    family: str               # e.g. absolute, numeric, weekday, relative-day, count, week, month, year,
                              # vague, range, decade, hijri


# ---------------------------------------------------------------------------------------------
# calendar helpers

def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _shift(d: date, unit: str, n: int) -> date:
    """d moved by n units (negative = back), clamping the day of month."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    y, m = _add_months(d.year, d.month, months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _recent_day_month(pub: date, m: int, d: int, forward: bool = False) -> date | None:
    """Most recent (d, m) on or before `pub`; with `forward`, the next on or after it."""
    for y in ((pub.year, pub.year + 1, pub.year + 2) if forward else (pub.year, pub.year - 1, pub.year - 2)):
        cand = _safe_date(y, m, d)
        if cand and ((cand >= pub) if forward else (cand <= pub)):
            return cand
    return None


# Result of a resolver: start, end, granularity, approximate, future (None = computed: start > pub)
Res = tuple[date, date, str, bool, bool | None]


# ---------------------------------------------------------------------------------------------
# lexicon

def _load(lang: str) -> dict[str, Any]:
    with open(DATA / f"dates_{lang}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _alt(words: Any, *, fold_words: bool = True) -> str:
    """Regex alternation of words (longest first); spaces match any run of spaces."""
    forms = {fold_text(str(w)) if fold_words else str(w) for w in words}
    forms.discard("")
    out = sorted(forms, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in out) + ")"


@cache
def _key(s: str) -> str:
    return " ".join(fold_text(str(s)).split()).lower()


@dataclass
class _Pattern:
    family: str
    regex: re.Pattern[str]
    resolve: Callable[[re.Match[str], _Ctx], Res | None]
    # run on the lower-cased text without IGNORECASE (same matches, several times faster: re's
    # first-character scan does not work under IGNORECASE); the regex then has lower-case words only
    on_lower: bool = False
    # trigger classes that must be present (default: the family's); every match holds one of them
    needs: frozenset[str] | None = None


_WORD = re.compile(r"[^\W\d]+|\d+")
_CLITICS = frozenset("وفبلك")
_DIGIT_CLASS = frozenset({"D"})
_REACH = 90  # characters an expression may reach before or after its trigger word
# Trigger classes a family's patterns need (any one of them); a pattern may narrow it (`needs`).
# Every week pattern holds a week/period word (P): a weekday alone does not wake them.
_FAMILY_NEEDS = {
    "absolute": {"M"}, "numeric": {"D"}, "weekday": {"W"}, "relative-day": {"R"}, "count": {"C"},
    "week": {"P"}, "month": {"M"}, "year": {"D"}, "range": {"M", "D"}, "vague": {"V"},
    "decade": {"X", "D"}, "hijri": {"D"},
}


@dataclass
class _Ctx:
    pub: date
    text: str        # folded text
    lex: _Lexicon
    prefer_past: bool = False  # year-less dates and bare weekdays: always the most recent past one


class _Lexicon:
    """Word tables of one language, folded, and the compiled patterns built from them."""

    def __init__(self, lang: str) -> None:
        import arrow.locales as al
        from hijridate.locales import get_locale

        self.lang = lang
        data = _load(lang)
        self.data = data
        locales = (
            [al.ArabicLocale, al.LevantArabicLocale, al.AlgeriaTunisiaArabicLocale, al.MoroccoArabicLocale]
            if lang == "ar"
            else [al.EnglishLocale]
        )
        self.months: dict[str, int] = {}
        self.weekdays: dict[str, int] = {}
        for loc in locales:
            for i, name in enumerate(loc.month_names[1:], 1):
                self.months[_key(name)] = i
            if lang == "en":
                for i, name in enumerate(loc.month_abbreviations[1:], 1):
                    self.months[_key(name)] = i
            for i, name in enumerate(loc.day_names[1:]):
                self.weekdays[_key(name)] = i
            if lang == "en":
                for i, name in enumerate(loc.day_abbreviations[1:]):
                    self.weekdays[_key(name)] = i
        for m, names in (data.get("months_extra") or {}).items():
            for n in names:
                self.months[_key(n)] = int(m)
        for wd, names in (data.get("weekday_extra") or {}).items():
            for n in names:
                self.weekdays[_key(n)] = int(wd)
        self.ambiguous = {_key(w) for w in data.get("months_ambiguous", [])}
        self.weekday_bare: dict[str, int] = {}
        for wd, names in (data.get("weekday_bare") or {}).items():
            for n in names:
                self.weekday_bare[_key(n)] = int(wd)
        self.hijri: dict[str, int] = {}
        if lang == "ar":
            loc = get_locale("ar")
            for i, name in enumerate(loc.month_names[1:] if len(loc.month_names) == 13 else loc.month_names, 1):
                self.hijri[_key(name)] = i
            for m, names in (data.get("hijri_months_extra") or {}).items():
                for n in names:
                    self.hijri[_key(n)] = int(m)
        self.modifiers: dict[str, int] = {}
        for k, words in data["modifiers"].items():
            for w in words:
                self.modifiers[_key(w)] = int(k)
        self.rel_days: dict[str, int] = {}
        for row in data["relative_days"]:
            for w in row["words"]:
                self.rel_days[_key(w)] = int(row["offset"])
        self.parts: dict[str, str] = {}
        for name, row in data["parts"].items():
            for w in row["words"]:
                self.parts[_key(w)] = name
        self.part_bounds = {name: row for name, row in data["parts"].items()}
        self.numbers: dict[str, int] = {}
        for n, words in data["numbers"].items():
            for w in words:
                self.numbers[_key(w)] = int(n)
        vn = data["vague_numbers"]
        self.vague_numbers = {_key(w) for w in vn["words"]}
        self.vague_range = (int(vn["min"]), int(vn["max"]))
        self.units: dict[str, str] = {}
        for unit, words in data["count_units"].items():
            for w in words:
                self.units[_key(w)] = unit
        self.duals: dict[str, str] = {}
        for unit, words in (data.get("count_duals") or {}).items():
            for w in words:
                self.duals[_key(w)] = unit
        self.ordinals: dict[str, int] = {}
        for n, words in (data.get("ordinals") or {}).items():
            for w in words:
                self.ordinals[_key(w)] = int(n)
        self.vague: dict[str, int] = {}
        self.vague_through: set[str] = set()  # windows that end on the publication day itself
        for row in data["vague"]:
            for w in row["words"]:
                self.vague[_key(w)] = int(row["days"])
                if row.get("through_publication"):
                    self.vague_through.add(_key(w))
        self.window_units: dict[str, str] = {}
        for unit, words in data["window_units"].items():
            for w in words:
                self.window_units[_key(w)] = unit
        self.window_duals: dict[str, str] = {}
        for unit, words in (data.get("window_duals") or {}).items():
            for w in words:
                self.window_duals[_key(w)] = unit
        self.window_past = {_key(w) for w in data["window_past"]}
        self.window_future = {_key(w) for w in data["window_future"]}
        self.year_cues = {_key(w) for w in data["year_cues"]}
        self.month_cues = {_key(w) for w in data.get("month_cues", data["year_cues"])}
        self.future_cue = re.compile(
            r"(?<!\w)" + _alt(data["future_cues"]) + r"(?!\w)", 0 if lang == "ar" else re.I
        )
        # words right before the expression that name something still to come ("ahead of the June 3
        # election"); anywhere else in the clause they say nothing of the date
        leads = data.get("future_leads") or []
        self.future_lead = (
            re.compile(r"(?<!\w)" + _alt(leads) + r"\s*$", 0 if lang == "ar" else re.I) if leads else None
        )
        self.patterns = _build_ar(self) if lang == "ar" else _build_en(self)
        # Gating: the words of a text are looked up in a table of trigger words (by class); a
        # pattern runs only when its family's classes are present, and only around them.
        # A phrase is found through its longest word only ("the day before yesterday" through
        # "yesterday"): every match holds that word, and the short ones ("the", "of", "في", "من")
        # would otherwise wake the patterns on every sentence.
        self.trigger: dict[str, set[str]] = {}
        for c, ws in self._trigger_classes().items():
            for w in ws:
                toks = w.split()
                if len(toks) > 1:
                    toks = [max(reversed(toks), key=len)]
                for tok in toks:
                    if len(tok) > 1 or c in ("M", "W"):
                        self.trigger.setdefault(tok, set()).add(c)
        self.lower = lang != "ar"
        self.token_classes: dict[str, tuple[str, ...]] = {}  # word → its trigger classes (memo)

    def classes_of(self, tok: str) -> tuple[str, ...]:
        """Trigger classes of one word of the text (after a clitic or two), remembered."""
        trig = self.trigger
        cls = trig.get(tok)
        if cls is None and tok[0] in _CLITICS:
            cls = trig.get(tok[1:])
            if cls is None and len(tok) > 2 and tok[1] in _CLITICS:
                cls = trig.get(tok[2:])
        if tok[0].isdigit():
            cls = _DIGIT_CLASS if cls is None else cls | _DIGIT_CLASS
        out = tuple(sorted(cls)) if cls else ()
        if len(self.token_classes) < 200_000:
            self.token_classes[tok] = out
        return out

    def _trigger_classes(self) -> dict[str, set[str]]:
        d = self.data
        keys = lambda ws: {_key(w) for w in ws}  # noqa: E731
        p_words = keys(d.get("week_words", []) + d.get("month_words", []) + d.get("year_words", []))
        p_words |= keys(d.get("weekend", [])) | {_key(w) for ws in (d.get("unit_words") or {}).values() for w in ws}
        p_words |= {_key(w) for ws in (d.get("nth_week") or {}).values() for w in ws}
        v_words = set(self.vague) | set(self.window_units) | set(self.window_duals)
        v_words |= keys((d.get("recent_adjective") or {}).get("words", [])) | {"العقود", "عقود"}
        x_words = {_key(w) for ws in (d.get("decade_words") or {}).values() for w in ws}
        x_words |= {a + _key(st) + _key(sf) for st in d.get("decade_stems", {}) for sf in d.get("decade_suffixes", [])
                    for a in ("", "ال")}
        return {
            "M": set(self.months) | set(self.hijri),
            "W": set(self.weekdays) | set(self.weekday_bare),
            "R": set(self.rel_days),
            "C": keys(d.get("count_past", []) + d.get("count_future", [])),
            "P": p_words,
            "V": v_words,
            "X": x_words,
            "Y": keys((d.get("year_word_parts") or {}).get("thousands", {})),
        }

    def month_of(self, s: str) -> int | None:
        """Month number of the first month name in `s` (a paired form gives its first name)."""
        for piece in re.split(r"\s*[/\\(),|]\s*|\s+او\s+|\s+or\s+", s.strip()):
            k = _key(piece.strip(" ()"))
            if k in self.months:
                return self.months[k]
        k = _key(s)
        if k in self.months:
            return self.months[k]
        words = s.split()
        for n in range(len(words) - 1, 0, -1):  # "يناير كانون الثاني": paired without a mark
            k = _key(" ".join(words[:n]))
            if k in self.months:
                return self.months[k]
        return None


@cache
def _lexicon(lang: str) -> _Lexicon:
    return _Lexicon("ar" if lang not in ("ar", "en") else lang)


# ---------------------------------------------------------------------------------------------
# shared resolvers

def _future_context(ctx: _Ctx, start: int) -> bool:
    """A future cue earlier in the same clause (back to . ; newline or 80 characters). Under
    `prefer_past` never: the expression then takes its most recent past occurrence."""
    if ctx.prefer_past:
        return False
    lo = max(0, start - 80)
    seg = ctx.text[lo:start]
    cut = max(seg.rfind("."), seg.rfind(";"), seg.rfind("\n"), seg.rfind("?"), seg.rfind("!"))
    if cut >= 0:
        seg = seg[cut + 1:]
    lead = ctx.lex.future_lead
    return bool(ctx.lex.future_cue.search(seg) or (lead is not None and lead.search(seg)))


def _prev_word(ctx: _Ctx, start: int) -> str:
    seg = ctx.text[max(0, start - 30):start].rstrip()
    m = re.search(r"(\w+)\W*$", seg)
    return m.group(1).lower() if m else ""


def _part_range(ctx: _Ctx, part: str | None, unit: str, start: date, end: date) -> tuple[date, date]:
    if not part:
        return start, end
    name = ctx.lex.parts[_key(part)]
    lo, hi = ctx.lex.part_bounds[name][unit]
    if unit == "week":
        return start + timedelta(days=lo - 1), start + timedelta(days=hi - 1)
    if unit == "month":
        last = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=min(lo, last)), start.replace(day=min(hi, last))
    if unit == "year":
        return date(start.year, lo, 1), _month_end(start.year, hi)
    return start, end


def _period(unit: str, pub: date, k: int) -> tuple[date, date]:
    if unit == "week":
        s = _monday(pub) + timedelta(weeks=k)
        return s, s + timedelta(days=6)
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, k)
        return date(y, m, 1), _month_end(y, m)
    y = pub.year + k
    return date(y, 1, 1), date(y, 12, 31)


def _window(pub: date, days: int) -> tuple[date, date]:
    return pub - timedelta(days=days), pub - timedelta(days=1)


def _hour_window(pub: date, hours: int, past: bool) -> Res:
    """A window counted in hours reaches the moment of publication: the past 24 hours are the day
    before and the publication day; the next 48 hours the publication day and the two after."""
    days = max(1, -(-hours // 24))
    if past:
        return pub - timedelta(days=days), pub, "day", True, False
    return pub, pub + timedelta(days=days), "day", True, True


def _year_words(lex: _Lexicon, s: str) -> int | None:
    parts = lex.data.get("year_word_parts") or {}
    table: dict[str, int] = {}
    for group in parts.values():
        for w, v in group.items():
            table[_key(w)] = int(v)
    total = 0
    rest = _key(s)
    keys = sorted(table, key=len, reverse=True)
    while rest:
        rest = rest.strip()
        if rest.startswith("و"):
            rest = rest[1:].strip()
        for k in keys:
            if rest.startswith(k) and (len(rest) == len(k) or not rest[len(k)].isalnum()):
                total += table[k]
                rest = rest[len(k):]
                break
        else:
            return None
    return total or None


def _number(lex: _Lexicon, s: str | None) -> int | None:
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    return lex.numbers.get(_key(s))


def _resolve_day_month(ctx: _Ctx, m: re.Match[str], d: int, mon: int, ytxt: str | None) -> Res | None:
    if ytxt:
        y = int(ytxt) if ytxt.isdigit() else _year_words(ctx.lex, ytxt)
        if y is None:
            return None
        if y < 100:
            y += 2000 if y < 50 else 1900
        day = _safe_date(y, mon, d)
    else:
        day = _recent_day_month(ctx.pub, mon, d, forward=_future_context(ctx, m.start()))
    if day is None:
        return None
    return day, day, "day", False, None


# ---------------------------------------------------------------------------------------------
# pattern builders

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_B = r"(?<!\w)"
_E = r"(?!\w)"


def _compile(body: str, flags: int = 0, proclitic: str = "") -> re.Pattern[str]:
    return re.compile(_B + proclitic + "(?P<x>" + body + ")" + _E, flags)


def _build_ar(lex: _Lexicon) -> list[_Pattern]:
    d = lex.data
    pc = r"(?:[وف]?[بل]?)"
    MON = _alt(lex.months)
    MONP = rf"{MON}(?:\s*[/\\|]\s*{MON}|\s*\(\s*{MON}\s*\)|\s+{MON})?"  # "يناير كانون الثاني" too
    WD = _alt(lex.weekdays)
    WDB = _alt(lex.weekday_bare)
    DAYW = _alt(d["day_word"])
    DP = _alt(d["day_parts"])
    ORD = _alt(lex.ordinals)
    YWP = d["year_word_parts"]
    YW = (_alt(YWP["thousands"]) + r"(?:\s+و\s*" + _alt(list(YWP["hundreds"]) + list(YWP["units"])
                                                     + list(YWP["tens"])) + ")*")
    YEAR = rf"(?:\d{{4}}|{YW})"
    YEAR_TAIL = rf"(?:\s*,?\s*(?:من\s+)?(?:(?:عام|العام|سنة)\s+)?(?P<y>{YEAR}))?(?:\s*(?:{_alt(d['gregorian_markers'])}){_E})?"
    MOD = _alt(lex.modifiers)
    MODPF = _alt([w for w, k in lex.modifiers.items() if k != 0])
    PART = _alt(lex.parts)
    NUMW = _alt(lex.numbers)
    VN = _alt(lex.vague_numbers)
    UNITS = _alt(lex.units)
    DUALS = _alt(lex.duals)
    WEEK = _alt(d["week_words"])
    UNITW = _alt(d["week_words"] + d["month_words"] + d["year_words"])
    HM = _alt(lex.hijri)
    HMARK = _alt(d["hijri_markers"])
    day_num = rf"(?:(?P<d>\d{{1,2}})|(?P<dord>{ORD}))"
    JOIN = "(?:" + "|".join(re.escape(fold_text(w)) for w in sorted(d["range_join"], key=len, reverse=True)) + ")"

    def day_of(m: re.Match[str]) -> int | None:
        if m.group("d"):
            return int(m.group("d"))
        return lex.ordinals.get(_key(m.group("dord")))

    pats: list[_Pattern] = []

    def add(family: str, body: str, fn: Callable[[re.Match[str], _Ctx], Res | None], clitic: bool = True,
            needs: str | None = None) -> None:
        pats.append(_Pattern(family, _compile(body, 0, pc if clitic else ""), fn,
                             needs=frozenset(needs) if needs else None))

    # -- absolute: [weekday,] day month [year]
    def r_abs(m: re.Match[str], ctx: _Ctx) -> Res | None:
        dd, mon = day_of(m), lex.month_of(m.group("mon"))
        if not dd or not mon:
            return None
        return _resolve_day_month(ctx, m, dd, mon, m.group("y"))

    add("absolute", rf"(?:(?:{DAYW}\s+)?{WD}\s*,?\s*)?(?:{DAYW}\s+)?{day_num}\s*-?\s*(?:من\s+)?(?:شهر\s+)?"
        rf"(?P<mon>{MONP}){YEAR_TAIL}", r_abs)
    # month-first with a year: "سبتمبر 10, 1901", "يناير الحادي والعشرين ألفان وثمانية عشر"
    add("absolute", rf"(?:(?:{DAYW}\s+)?{WD}\s*,?\s*)?(?P<mon>{MONP})\s*{day_num}\s*(?:,|من)?\s*(?P<y>{YEAR})",
        r_abs)

    # -- numeric
    def r_ymd(m: re.Match[str], ctx: _Ctx) -> Res | None:
        day = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("dd")))
        return (day, day, "day", False, None) if day else None

    def r_dmy(m: re.Match[str], ctx: _Ctx) -> Res | None:
        dd, mo = int(m.group("dd")), int(m.group("mo"))
        if mo > 12 and dd <= 12:
            dd, mo = mo, dd
        y = m.group("y")
        if y:
            yy = int(y)
            if yy < 100:
                yy += 2000 if yy < 50 else 1900
            day = _safe_date(yy, mo, dd)
        else:
            if mo > 12 or dd > 31:
                return None
            day = _recent_day_month(ctx.pub, mo, dd, forward=_future_context(ctx, m.start()))
        return (day, day, "day", False, None) if day else None

    def r_ym(m: re.Match[str], ctx: _Ctx) -> Res | None:
        y, mo = int(m.group("y")), int(m.group("mo"))
        if not 1 <= mo <= 12:
            return None
        return date(y, mo, 1), _month_end(y, mo), "month", True, None

    add("numeric", r"(?P<y>\d{4})\s*(?P<sep>[-/.])\s*(?P<mo>\d{1,2})\s*(?P=sep)\s*(?P<dd>\d{1,2})(?![\d/.-])", r_ymd, False)
    add("numeric", r"(?P<dd>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<mo>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})(?![\d/.-])", r_dmy,
        False)
    add("numeric", r"(?P<dd>\d{1,2})\s*[-/]\s*(?P<mo>\d{1,2})(?:\s*,\s*(?P<y>\d{4}))?(?![\d/.-])", r_dmy, False)
    add("numeric", r"(?P<y>(?:19|20)\d{2})\.(?P<mo>\d{1,2})(?![\d.])", r_ym, False)

    # -- weekday
    def r_wd(m: re.Match[str], ctx: _Ctx) -> Res | None:
        rel = m.group("rel")
        if rel:
            day = ctx.pub + timedelta(days=lex.rel_days[_key(rel)])
            return day, day, "day", False, None
        name = m.group("wd") or m.group("wdb")
        wd = lex.weekdays.get(_key(name), lex.weekday_bare.get(_key(name)))
        if wd is None:
            return None
        mod = lex.modifiers.get(_key(m.group("mod") or ""), 0)
        back = (ctx.pub.weekday() - wd) % 7
        if mod < 0:
            day = ctx.pub - timedelta(days=back or 7)
        elif mod > 0 or _future_context(ctx, m.start()):
            day = ctx.pub + timedelta(days=(wd - ctx.pub.weekday()) % 7 or (7 if mod > 0 else 0))
        else:
            day = ctx.pub - timedelta(days=back)
        return day, day, "day", False, None

    REL1 = _alt([w for w, k in lex.rel_days.items() if k in (-1, 0, 1) and len(w.split()) == 1])
    add("weekday", rf"(?:(?P<rel>{REL1})\s+)?(?:{DP}\s+(?:من\s+)?){{0,2}}(?:{DAYW}\s+)?"
        rf"(?:(?P<wd>{WD})|(?<={_alt(d['day_word'])}\s)(?P<wdb>{WDB}))(?:\s+(?P<mod>{MODPF}))?", r_wd)

    # weekday + day of month: "الخميس 21", "الخميس في الحادي والعشرين"
    def r_wd_day(m: re.Match[str], ctx: _Ctx) -> Res | None:
        wd = lex.weekdays.get(_key(m.group("wd")))
        dd = day_of(m)
        if wd is None or not dd:
            return None
        step = 1 if _future_context(ctx, m.start()) else -1
        day = ctx.pub
        for _ in range(75):
            if day.day == dd and day.weekday() == wd:
                return day, day, "day", False, None
            day += timedelta(days=step)
        return None

    add("weekday", rf"(?:{DAYW}\s+)?(?P<wd>{WD})\s*,?\s+(?:في\s+)?{day_num}(?!\s*[-/.]?\s*\d)", r_wd_day)

    # week + weekday: "الجمعة من الأسبوع المقبل", "الأسبوع الماضي الأحد", "هذا الأسبوع الجمعة"
    WEEKREL = rf"(?:(?:هذا|هذه)\s+{WEEK}|{WEEK}\s+(?P<wmod>{MOD}))"

    def r_week_wd(m: re.Match[str], ctx: _Ctx) -> Res | None:
        wd = lex.weekdays.get(_key(m.group("wd")))
        k = lex.modifiers.get(_key(m.group("wmod") or ""), 0)
        if wd is None:
            return None
        day = _monday(ctx.pub) + timedelta(weeks=k, days=wd)
        return day, day, "day", False, None

    add("week", rf"{WEEKREL}\s+(?:{DAYW}\s+)?(?P<wd>{WD})", r_week_wd)
    add("week", rf"(?:{DAYW}\s+)?(?P<wd>{WD})\s+(?:من\s+|في\s+)?{WEEKREL}", r_week_wd)

    # two weekdays of a named week: "الأسبوع المقبل بين الأربعاء والجمعة", "من الأحد إلى الثلاثاء
    # من الأسبوع الماضي" (Monday..Sunday: the second day must come later in that week)
    def r_week_wd_range(m: re.Match[str], ctx: _Ctx) -> Res | None:
        wd1, wd2 = lex.weekdays.get(_key(m.group("wd"))), lex.weekdays.get(_key(m.group("wd2")))
        if wd1 is None or wd2 is None or wd1 >= wd2:
            return None
        mon = _monday(ctx.pub) + timedelta(weeks=lex.modifiers.get(_key(m.group("wmod") or ""), 0))
        return mon + timedelta(days=wd1), mon + timedelta(days=wd2), "day", False, None

    WDJ = (rf"(?:(?:ما\s+)?(?:بين|من)\s+|يومي\s+)(?:{DAYW}\s+)?(?P<wd>{WD})\s*{JOIN}\s*(?:{DAYW}\s+)?"
           rf"(?P<wd2>{WD})")
    add("week", rf"{WEEKREL}\s*,?\s+{WDJ}", r_week_wd_range)
    add("week", rf"{WDJ}\s+(?:من\s+|في\s+)?{WEEKREL}", r_week_wd_range)

    # nth weekday of a month: "أول يوم جمعة من يوليو", "أول جمعة في هذا الشهر"
    nth: dict[str, int] = {_key(w): int(k) for k, ws in d["nth"].items() for w in ws}

    def r_nth(m: re.Match[str], ctx: _Ctx) -> Res | None:
        wd = lex.weekdays.get(_key(m.group("wd")), lex.weekday_bare.get(_key(m.group("wd"))))
        n = nth.get(_key(m.group("nth")))
        if wd is None or n is None:
            return None
        if m.group("mon"):
            mon = lex.month_of(m.group("mon"))
            if not mon:
                return None
            y = int(m.group("y")) if m.group("y") else (
                ctx.pub.year if mon <= ctx.pub.month else ctx.pub.year - 1)
        else:
            k = lex.modifiers.get(_key(m.group("cmod") or ""), 0)
            y, mon = _add_months(ctx.pub.year, ctx.pub.month, k)
        days = [date(y, mon, i) for i in range(1, calendar.monthrange(y, mon)[1] + 1)]
        hits = [x for x in days if x.weekday() == wd]
        day = hits[n - 1] if n > 0 else hits[-1]
        return day, day, "day", False, None

    NTH = _alt(nth)
    add("weekday", rf"(?P<nth>{NTH})\s+(?:{DAYW}\s+)?(?P<wd>{WD}|{WDB})\s+(?:من|في)\s+(?:(?:شهر\s+)?(?P<mon>{MONP})"
        rf"(?:\s+(?P<y>\d{{4}}))?|(?:هذا\s+الشهر|الشهر\s+(?P<cmod>{MOD})))", r_nth)

    # -- relative days
    def r_rel(m: re.Match[str], ctx: _Ctx) -> Res | None:
        day = ctx.pub + timedelta(days=lex.rel_days[_key(m.group("r"))])
        return day, day, "day", False, None

    add("relative-day", rf"(?P<r>{_alt(lex.rel_days)})", r_rel)
    # a time of day (or "earlier"/"later" within the day) before a relative day, with or without
    # يوم: "في وقت سابق من يوم أمس", "في وقت سابق من اليوم", "مساء يوم أمس" are that day
    add("relative-day", rf"(?:{DP}\s+(?:من\s+)?){{0,2}}(?:{DAYW}\s+)?(?P<r>{_alt(lex.rel_days)})", r_rel)

    # day of a month named relative to publication: "في الثالث من الشهر الجاري", "10 من هذا الشهر"
    def r_day_of_rel_month(m: re.Match[str], ctx: _Ctx) -> Res | None:
        dd = day_of(m)
        if not dd:
            return None
        k = lex.modifiers.get(_key(m.group("mod") or ""), 0)
        y, mon = _add_months(ctx.pub.year, ctx.pub.month, k)
        day = _safe_date(y, mon, dd)
        return (day, day, "day", False, None) if day else None

    MONTHW = _alt(d["month_words"])
    # "الشهر" alone is the current month, unless it points back to a month named earlier (نفسه)
    BARE_MONTH = r"الشهر(?!\s+(?:نفسه|ذاته|نفس|ذات)(?!\w))"
    RELMONTH = rf"(?:(?:هذا|هذه)\s+{MONTHW}|{MONTHW}\s+(?P<mod>{MOD})|(?P<bare>{BARE_MONTH}))"
    add("absolute", rf"{day_num}\s+من\s+{RELMONTH}",
        lambda m, ctx: None if m.group("bare") and not m.group("dord") else r_day_of_rel_month(m, ctx),
        needs="P")

    # a range of days of a month named relative to publication: "من 4 إلى 23 الشهر المقبل",
    # "من 4-23 في الشهر المقبل", "بين 10 و15 من الشهر الماضي"
    def r_range_rel_month(m: re.Match[str], ctx: _Ctx) -> Res | None:
        d1 = int(m.group("d1")) if m.group("d1").isdigit() else lex.ordinals.get(_key(m.group("d1")))
        d2 = int(m.group("d2")) if m.group("d2").isdigit() else lex.ordinals.get(_key(m.group("d2")))
        if not (d1 and d2) or d1 >= d2:
            return None
        if not m.group("open") and m.group("join") not in ("-", "–"):
            return None
        y, mon = _add_months(ctx.pub.year, ctx.pub.month, lex.modifiers.get(_key(m.group("mod") or ""), 0))
        a, b = _safe_date(y, mon, d1), _safe_date(y, mon, d2)
        return (a, b, "day", False, None) if a and b else None

    DN0 = rf"(?:\d{{1,2}}|{ORD})"
    add("range", rf"(?:(?P<open>(?:ما\s+)?(?:بين|من))\s+)?(?P<d1>{DN0})\s*(?P<join>{JOIN})\s*(?P<d2>{DN0})\s+"
        rf"(?:(?:من|في)\s+)?{RELMONTH}", r_range_rel_month, needs="P")

    # -- counts: قبل يومين، منذ ثلاثة أسابيع، قبل أسبوع، بعد 4 أسابيع
    past_w = {_key(w) for w in d["count_past"]}

    def r_count(m: re.Match[str], ctx: _Ctx) -> Res | None:
        after = ctx.text[m.end():m.end() + 6]
        if re.match(r"\s+(?:من|علي)(?!\w)", after):
            return None  # "قبل يومين من الهجوم": relative to another event
        if not (m.group("n") or m.group("vn") or m.group("dual")) and _key(m.group("x")) in lex.vague:
            return None  # "قبل أيام": a vague window, not one day
        past = _key(m.group("dir")) in past_w
        sign = -1 if past else 1
        if m.group("dual"):
            unit, n = lex.duals[_key(m.group("dual"))], 2
        else:
            unit = lex.units[_key(m.group("unit"))]
            if m.group("vn"):
                lo, hi = lex.vague_range
                a, b = _shift(ctx.pub, unit, sign * hi), _shift(ctx.pub, unit, sign * lo)
                a, b = min(a, b), max(a, b)
                return a, b, "day" if unit == "day" else unit, True, not past
            n = _number(lex, m.group("n")) or 1 if (m.group("n") or "") else 1
        day = _shift(ctx.pub, unit, sign * n)
        return day, day, "day" if unit == "day" else unit, unit != "day", not past

    CDIR = _alt(d["count_past"] + d["count_future"])
    add("count", rf"(?P<dir>{CDIR})\s+(?:(?:(?P<n>\d{{1,3}}|{NUMW})|(?P<vn>{VN}))\s+)?(?:(?P<unit>{UNITS})|(?P<dual>{DUALS}))",
        r_count)

    # -- weeks, months, years relative to publication (with parts, earlier/later)
    later = _alt(d["later_in"])
    earlier = _alt(d["earlier_in"])
    unit_of = {**{_key(w): "week" for w in d["week_words"]}, **{_key(w): "month" for w in d["month_words"]},
               **{_key(w): "year" for w in d["year_words"]}}

    def r_period(m: re.Match[str], ctx: _Ctx) -> Res | None:
        u = m.group("u1") or m.group("u2") or m.group("u3")
        unit = unit_of[_key(u)]
        if m.group("u3") and not (m.group("part") or m.group("later") or m.group("earlier")):
            return None
        k = lex.modifiers.get(_key(m.group("mod") or ""), 0)
        s, e = _period(unit, ctx.pub, k)
        fam = unit
        if m.group("later"):
            s = max(s, ctx.pub + timedelta(days=1))
            if s > e:
                return None
            return s, e, "day" if unit == "week" else unit, True, True
        if m.group("earlier") and _key(m.group("earlier")) not in lex.parts:
            e = min(e, ctx.pub - timedelta(days=1))
            if s > e:
                return None
            return s, e, unit, True, False
        part = m.group("part") or m.group("earlier")
        s, e = _part_range(ctx, part, unit, s, e)
        del fam
        return s, e, unit, True, None

    add("week", rf"(?:(?P<later>{later})\s+|(?P<earlier>{earlier})\s+|(?P<part>{PART})\s+(?:من\s+)?)?"
        rf"(?:(?:هذا|هذه)\s+(?P<u1>{UNITW})|(?P<u2>{UNITW})\s+(?P<mod>{MOD})|(?P<u3>الاسبوع|الشهر|العام|السنة))",
        r_period)

    # weekend: "نهاية الأسبوع", "عطلة نهاية الأسبوع الماضي"
    def r_weekend(m: re.Match[str], ctx: _Ctx) -> Res | None:
        k = lex.modifiers.get(_key(m.group("mod") or ""), 0)
        s, _ = _period("week", ctx.pub, k)
        lo, hi = lex.part_bounds["end"]["week"]
        return s + timedelta(days=lo - 1), s + timedelta(days=hi - 1), "week", True, None

    add("week", rf"(?:عطلة\s+)?(?:{_alt(d['weekend'])})(?:\s+(?:(?:هذا|هذه)|(?P<mod>{MOD})))?"
        rf"|(?:عطلة\s+)?نهاية\s+(?:هذا|هذه)\s+{WEEK}", r_weekend)

    # nth week of a year: "الأسبوع الثالث من عام 2027", "الأسبوع الثالث العام المقبل"
    nthw = {_key(w): int(k) for k, ws in d["nth_week"].items() for w in ws}

    def r_nth_week(m: re.Match[str], ctx: _Ctx) -> Res | None:
        n = nthw[_key(m.group("nw"))]
        y = int(m.group("y")) if m.group("y") else ctx.pub.year + lex.modifiers.get(_key(m.group("ymod") or ""), 0)
        if n < 0:
            n = date(y, 12, 28).isocalendar()[1]
        s = date.fromisocalendar(y, n, 1)
        return s, s + timedelta(days=6), "week", True, None

    add("week", rf"(?P<nw>{_alt(nthw)})\s+(?:من\s+)?(?:(?:عام|سنة)\s+(?P<y>\d{{4}})|(?:العام|السنة)\s+(?P<ymod>{MOD})"
        rf"|(?:هذا|هذه)\s+(?:العام|السنة))", r_nth_week)

    # -- months: "في مايو", "مايو/أيار الماضي", "فبراير 2021", "مطلع مارس", "نهاية شهر مارس"
    def r_month(m: re.Match[str], ctx: _Ctx) -> Res | None:
        mon = lex.month_of(m.group("mon"))
        if not mon:
            return None
        y = m.group("y")
        mod = m.group("mod")
        paired = bool(re.search(r"[/\\|(]|\s", m.group("mon")))
        if not (y or mod or m.group("part") or m.group("shahr") or paired):
            first = _key(m.group("mon").split()[0]) if m.group("mon").split() else ""
            prev = _prev_word(ctx, m.start("x"))
            if (first in lex.ambiguous or _key(m.group("mon")) in lex.ambiguous) and prev not in lex.month_cues:
                return None
        fut = False
        if y:
            yy = int(y) if y.isdigit() else _year_words(lex, y)
            if yy is None:
                return None
        elif m.group(0).rstrip().endswith(("العام", "السنة")) or m.group("ymod"):
            # "مايو من العام الحالي", "في يناير من العام الماضي": the year named relative to publication
            yy = ctx.pub.year + lex.modifiers.get(_key(m.group("ymod") or ""), 0)
            fut = date(yy, mon, 1) > ctx.pub
        else:
            k = lex.modifiers.get(_key(mod or ""), 0)
            if k < 0:
                yy = ctx.pub.year if mon < ctx.pub.month else ctx.pub.year - 1
            elif k > 0 or (not mod and _future_context(ctx, m.start()) and mon != ctx.pub.month):
                yy = ctx.pub.year if mon > ctx.pub.month else ctx.pub.year + 1
                fut = True
            else:
                yy = ctx.pub.year if mon <= ctx.pub.month else ctx.pub.year - 1
                if mod:  # "مايو الجاري": this year's
                    yy = ctx.pub.year
        s, e = date(yy, mon, 1), _month_end(yy, mon)
        s, e = _part_range(ctx, m.group("part"), "month", s, e)
        return s, e, "month", True, fut or None

    add("month", rf"(?:(?P<part>{PART})\s+(?:من\s+)?)?(?:(?P<shahr>شهر)\s+)?(?P<mon>{MONP})"
        rf"(?:\s*,?\s*(?:من\s+)?(?:(?:عام|العام|سنة)\s+)?(?P<y>\d{{4}})|\s+(?P<mod>{MOD})"
        rf"|\s+(?:من\s+)?(?:العام|السنة|هذا\s+العام|هذه\s+السنة)(?:\s+(?P<ymod>{MOD}))?)?", r_month)

    # -- years: "عام 2014", "في 2014", "منتصف 2014", "العام الماضي" (period pattern)
    def r_year(m: re.Match[str], ctx: _Ctx) -> Res | None:
        y = int(m.group("y"))
        if not (m.group("cue") or m.group("part")) and _prev_word(ctx, m.start("x")) not in lex.year_cues:
            return None
        s, e = _part_range(ctx, m.group("part"), "year", date(y, 1, 1), date(y, 12, 31))
        return s, e, "year", True, None

    YCUE = _alt(["عام", "العام", "سنة", "لعام", "بعام", "عامي"])
    add("year", rf"(?:(?P<part>{PART})\s+(?:من\s+)?)?(?:(?P<cue>{YCUE})\s+)?(?P<y>(?:1[89]|20)\d{{2}})"
        rf"(?!\s*[-/.]\s*\d)(?:\s*(?:{_alt(d['gregorian_markers'])}){_E})?", r_year)

    # -- ranges
    def r_range_days(m: re.Match[str], ctx: _Ctx) -> Res | None:
        mon = lex.month_of(m.group("mon"))
        d1 = int(m.group("d1")) if m.group("d1").isdigit() else lex.ordinals.get(_key(m.group("d1")))
        d2 = int(m.group("d2")) if m.group("d2").isdigit() else lex.ordinals.get(_key(m.group("d2")))
        if not (mon and d1 and d2) or d1 >= d2:
            return None
        if m.group("y"):
            y = int(m.group("y"))
        else:
            end = _recent_day_month(ctx.pub, mon, d1, forward=_future_context(ctx, m.start()))
            if end is None:
                return None
            y = end.year
        a, b = _safe_date(y, mon, d1), _safe_date(y, mon, d2)
        if not (a and b):
            return None
        return a, b, "day", False, None

    DN = rf"(?:\d{{1,2}}|{ORD})"
    add("range", rf"(?:(?:ما\s+)?(?:بين|من)\s+)?(?P<d1>{DN})\s*{JOIN}\s*(?P<d2>{DN})\s+(?:من\s+)?(?:شهر\s+)?"
        rf"(?P<mon>{MONP})(?:\s*,?\s*(?:من\s+)?(?:عام\s+)?(?P<y>\d{{4}}))?", r_range_days, needs="M")

    def r_range_dates(m: re.Match[str], ctx: _Ctx) -> Res | None:
        m1, m2 = lex.month_of(m.group("m1")), lex.month_of(m.group("m2"))
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if not (m1 and m2):
            return None
        if m.group("y2"):
            y2 = int(m.group("y2"))
            y1 = int(m.group("y1")) if m.group("y1") else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        else:
            end = _recent_day_month(ctx.pub, m2, d2, forward=_future_context(ctx, m.start()))
            if end is None:
                return None
            y2 = end.year
            y1 = int(m.group("y1")) if m.group("y1") else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        a, b = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if not (a and b) or a > b:
            return None
        return a, b, "day", False, None

    add("range", rf"(?:(?:ما\s+)?(?:بين|من)\s+)?(?P<d1>\d{{1,2}})\s+(?:من\s+)?(?P<m1>{MONP})(?:\s*,?\s*(?P<y1>\d{{4}}))?"
        rf"\s*{JOIN}\s*(?P<d2>\d{{1,2}})\s+(?:من\s+)?(?P<m2>{MONP})(?:\s*,?\s*(?:عام\s+)?(?P<y2>\d{{4}}))?",
        r_range_dates, needs="M")

    # months: "بين شهري أغسطس وديسمبر من عام 2005", "من يناير حتى مارس 2019"
    def r_range_months(m: re.Match[str], ctx: _Ctx) -> Res | None:
        m1, m2 = lex.month_of(m.group("m1")), lex.month_of(m.group("m2"))
        if not (m1 and m2) or m1 == m2:
            return None
        if m.group("y"):
            y2 = int(m.group("y"))
        else:
            y2 = ctx.pub.year if m2 <= ctx.pub.month else ctx.pub.year - 1
        y1 = y2 if m1 < m2 else y2 - 1
        return date(y1, m1, 1), _month_end(y2, m2), "month", True, None

    add("range", rf"(?:ما\s+)?(?:بين|من)\s+(?:(?:شهري|شهر)\s+)?(?P<m1>{MONP})\s*{JOIN}\s*(?:شهر\s+)?(?P<m2>{MONP})"
        rf"(?:\s*,?\s*(?:من\s+)?(?:(?:عام|العام|سنة)\s+)?(?P<y>\d{{4}}))?", r_range_months, needs="M")

    def r_range_years(m: re.Match[str], ctx: _Ctx) -> Res | None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 >= y2:
            return None
        return date(y1, 1, 1), date(y2, 12, 31), "year", False, None

    add("range", rf"(?:ما\s+)?(?:بين|من)\s+(?:(?:عامي|عام|سنة|العام)\s+)?(?P<y1>(?:1[89]|20)\d{{2}})\s*{JOIN}\s*"
        rf"(?:(?:عام|سنة|العام)\s+)?(?P<y2>(?:1[89]|20)\d{{2}})", r_range_years)

    # -- vague windows
    def r_vague(m: re.Match[str], ctx: _Ctx) -> Res | None:
        key = _key(m.group("v"))
        after = ctx.text[m.end():m.end() + 6]
        if key.split()[0] in ("قبل", "منذ") and re.match(r"\s+(?:من|علي)(?!\w)", after):
            return None
        s, e = _window(ctx.pub, lex.vague[key])
        if key in lex.vague_through:
            e = ctx.pub
        return s, e, "day", True, False

    WPREP = _alt(d["window_prepositions"])
    add("vague", rf"(?:{WPREP}\s+)?(?P<v>{_alt(lex.vague)})", r_vague)

    # counted windows: "الأيام الثلاثة الماضية", "الأسبوعين الماضيين", "الأشهر الثلاثة المقبلة"
    def r_cwindow(m: re.Match[str], ctx: _Ctx) -> Res | None:
        dirw = _key(m.group("dir"))
        past = dirw in lex.window_past
        if m.group("dual"):
            unit, n = lex.window_duals[_key(m.group("dual"))], 2
        else:
            unit = lex.window_units[_key(m.group("unit"))]
            n = _number(lex, m.group("n"))
            if not n:
                return None
        if unit == "decade":
            cur = ctx.pub.year // 10 * 10
            return date(cur - 10 * n, 1, 1), date(cur - 1, 12, 31), "decade", True, False
        if unit == "hour":
            return _hour_window(ctx.pub, n, past)
        if past:
            return _shift(ctx.pub, unit, -n), ctx.pub - timedelta(days=1), "day", True, False
        return ctx.pub + timedelta(days=1), _shift(ctx.pub, unit, n), "day", True, True

    WU = _alt(list(lex.window_units) + ["العقود", "عقود"])
    lex.window_units.update({"العقود": "decade", "عقود": "decade"})
    WDIR = _alt(lex.window_past | lex.window_future)
    add("vague", rf"(?:{WPREP}\s+)?(?:(?:ال)?(?P<n>\d{{1,3}})\s+(?P<unit>{WU})|(?P<unit2>{WU})\s+(?:ال)?(?P<n2>\d{{1,3}}|{NUMW}))"
        rf"\s+(?P<dir>{WDIR})|(?:{WPREP}\s+)?(?P<dual>{_alt(lex.window_duals)})\s+(?P<dir2>{WDIR})",
        lambda m, ctx: r_cwindow(_Merged(m), ctx))

    # الأخير(ة) after a definite noun: "القصف الأميركي الأخير"
    radj = d["recent_adjective"]

    def r_recent(m: re.Match[str], ctx: _Ctx) -> Res | None:
        prev = _prev_word(ctx, m.start("x"))
        if not prev.startswith("ال") or prev in unit_of or re.match(r"\s+من(?!\w)", ctx.text[m.end():m.end() + 4]):
            return None
        s, e = _window(ctx.pub, int(radj["days"]))
        return s, e, "day", True, False

    add("vague", _alt(radj["words"]), r_recent, clitic=False)

    # -- decades: "السبعينيات", "ثمانينات القرن الماضي"
    stems = {_key(k): int(v) for k, v in d["decade_stems"].items()}
    cents = {_key(w): int(c) for c, ws in d["centuries"].items() for w in ws}

    def r_decade(m: re.Match[str], ctx: _Ctx) -> Res | None:
        tens = stems[_key(m.group("stem"))]
        cent = cents.get(_key(m.group("cent") or ""), 1900)
        y = cent + 10 * tens
        return date(y, 1, 1), date(y + 9, 12, 31), "decade", True, None

    add("decade", rf"(?:(?:عقد|حقبة)\s+)?(?:ال)?(?P<stem>{_alt(stems)})(?:{_alt(d['decade_suffixes'])})"
        rf"(?:\s+(?:من\s+)?(?P<cent>{_alt(cents)}))?", r_decade, needs="X")

    # -- hijri: "15 رجب 1442 هـ", "رمضان 1442", "1442 هـ"
    def r_hijri(m: re.Match[str], ctx: _Ctx) -> Res | None:
        from hijridate import Hijri

        try:
            y = int(m.group("hy"))
            if m.group("hm"):
                mon = lex.hijri[_key(m.group("hm"))]
                if m.group("hd"):
                    g = Hijri(y, mon, int(m.group("hd"))).to_gregorian()
                    day = date(g.year, g.month, g.day)
                    return day, day, "day", False, None
                first = Hijri(y, mon, 1)
                g1 = first.to_gregorian()
                g2 = Hijri(y, mon, first.month_length()).to_gregorian()
                return date(g1.year, g1.month, g1.day), date(g2.year, g2.month, g2.day), "month", True, None
            if not m.group("mark"):
                return None
            g1 = Hijri(y, 1, 1).to_gregorian()
            last = Hijri(y, 12, 1)
            g2 = Hijri(y, 12, last.month_length()).to_gregorian()
            return date(g1.year, g1.month, g1.day), date(g2.year, g2.month, g2.day), "year", True, None
        except (ValueError, OverflowError, KeyError):
            return None

    add("hijri", rf"(?:(?P<hd>\d{{1,2}})\s+(?:من\s+)?)?(?:(?P<hm>{HM})\s+(?:(?:عام|سنة|من)\s+)?)?(?P<hy>1[34]\d{{2}})"
        rf"(?:\s*(?P<mark>{HMARK}))?(?=\W|$)", r_hijri)
    return pats


class _Merged:
    """A match view where group('n') falls back to group('n2') etc. (alternatives share names)."""

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m

    def group(self, name: str) -> str | None:
        v = self.m.group(name)
        if v is None and name in ("n", "unit", "dir"):
            alt = {"n": "n2", "unit": "unit2", "dir": "dir2"}[name]
            v = self.m.group(alt)
        return v


# ---------------------------------------------------------------------------------------------
# English

def _build_en(lex: _Lexicon) -> list[_Pattern]:
    d = lex.data
    pats: list[_Pattern] = []
    I = re.I  # noqa: E741

    def add(family: str, body: str, fn: Callable[[re.Match[str], _Ctx], Res | None], flags: int = I) -> None:
        # a pattern without (case-sensitive) month names is written in lower case and runs on the
        # lower-cased text; the month patterns keep IGNORECASE for their other words
        if MON in body:
            # every such pattern has a month name that is not optional: no month word, no run
            pats.append(_Pattern(family, _compile(body, flags), fn, needs=frozenset({"M"})))
        else:
            pats.append(_Pattern(family, _compile(body, flags & ~I), fn, on_lower=True))

    # month names are case-sensitive (capitalised); everything else ignores case
    MON = "(?-i:" + _alt([k.capitalize() for k in lex.months] + [k.upper() for k in lex.months], fold_words=False) + ")"
    WD = _alt([k.capitalize() for k in lex.weekdays], fold_words=False)
    WD_LOWER = _alt(list(lex.weekdays), fold_words=False)
    ORDSUF = r"(?:st|nd|rd|th)?"
    DP = _alt(d["day_parts"])
    MOD = _alt(lex.modifiers)
    PART = _alt(lex.parts)
    NUMW = _alt(lex.numbers)
    VN = _alt(lex.vague_numbers)
    UNITS = _alt(lex.units)
    YEAR = r"(?:1[5-9]|20)\d{2}"

    def month_of(s: str) -> int | None:
        return lex.months.get(s.strip(". ").lower())

    def r_abs(m: re.Match[str], ctx: _Ctx) -> Res | None:
        mon = month_of(m.group("mon"))
        if not mon:
            return None
        return _resolve_day_month(ctx, m, int(m.group("d")), mon, m.group("y"))

    add("absolute", rf"(?:{WD}\.?\s*,?\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){ORDSUF}\s+(?:of\s+)?(?P<mon>{MON})"
        rf"(?:\s*,?\s*(?P<y>{YEAR})(?!\d))?", r_abs)
    add("absolute", rf"(?:{WD}\.?\s*,?\s+)?(?P<mon>{MON})\.?\s+(?P<d>\d{{1,2}}){ORDSUF}(?![\d:])"
        rf"(?:\s*,?\s*(?P<y>{YEAR})(?!\d))?", r_abs)

    def r_ymd(m: re.Match[str], ctx: _Ctx) -> Res | None:
        day = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("dd")))
        return (day, day, "day", False, None) if day else None

    def r_dmy(m: re.Match[str], ctx: _Ctx) -> Res | None:
        dd, mo = int(m.group("dd")), int(m.group("mo"))
        if mo > 12 and dd <= 12:
            dd, mo = mo, dd
        yy = int(m.group("y"))
        if yy < 100:
            yy += 2000 if yy < 50 else 1900
        day = _safe_date(yy, mo, dd)
        return (day, day, "day", False, None) if day else None

    add("numeric", r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<dd>\d{1,2})(?![\d-])", r_ymd)
    add("numeric", r"(?P<dd>\d{1,2})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d])", r_dmy)

    def r_wd(m: re.Match[str], ctx: _Ctx) -> Res | None:
        wd = lex.weekdays.get(m.group("wd").lower())
        if wd is None:
            return None
        mod = lex.modifiers.get((m.group("mod") or "").lower(), 0) if m.group("mod") else 0
        back = (ctx.pub.weekday() - wd) % 7
        if mod < 0:
            day = ctx.pub - timedelta(days=back or 7)
        elif mod > 0 or _future_context(ctx, m.start()):
            day = ctx.pub + timedelta(days=(wd - ctx.pub.weekday()) % 7 or (7 if mod > 0 else 0))
        else:
            day = ctx.pub - timedelta(days=back)
        return day, day, "day", False, None

    add("weekday", rf"(?:(?:late|early)\s+(?:on\s+)?)?(?:(?P<mod>last|next|this\s+past|this\s+coming|coming|past)\s+)?"
        rf"(?P<wd>{WD_LOWER})(?:\s+{DP})?", r_wd)

    def r_rel(m: re.Match[str], ctx: _Ctx) -> Res | None:
        day = ctx.pub + timedelta(days=lex.rel_days[m.group("r").lower()])
        return day, day, "day", False, None

    add("relative-day", rf"(?P<r>{_alt(lex.rel_days)})", r_rel)

    def r_count(m: re.Match[str], ctx: _Ctx) -> Res | None:
        unit = lex.units[m.group("unit").lower()]
        if m.group("vn"):
            lo, hi = lex.vague_range
            return _shift(ctx.pub, unit, -hi), _shift(ctx.pub, unit, -lo), "day" if unit == "day" else unit, True, False
        n = _number(lex, m.group("n").lower()) if m.group("n") else 1
        if not n:
            return None
        day = _shift(ctx.pub, unit, -n)
        return day, day, "day" if unit == "day" else unit, unit != "day", False

    add("count", rf"(?:(?P<vn>{VN})|(?P<n>\d{{1,3}}|{NUMW}))\s+(?P<unit>{UNITS})\s+ago", r_count)

    unit_of = {w.lower(): u for u, ws in d["unit_words"].items() for w in ws}
    UNITW = _alt(unit_of)

    def r_period(m: re.Match[str], ctx: _Ctx) -> Res | None:
        unit = unit_of[m.group("u").lower()]
        k = lex.modifiers.get(m.group("mod").lower(), 0) if m.group("mod") else 0
        s, e = _period(unit, ctx.pub, k)
        if m.group("later"):
            s = max(s, ctx.pub + timedelta(days=1))
            return (s, e, unit, True, True) if s <= e else None
        if m.group("earlier"):
            e = min(e, ctx.pub - timedelta(days=1))
            return (s, e, unit, True, False) if s <= e else None
        s, e = _part_range(ctx, m.group("part"), unit, s, e)
        return s, e, unit, True, None

    add("week", rf"(?:(?P<later>later)\s+(?:this|in\s+the)\s+(?P<u0>{UNITW})(?=\W|$)|(?P<earlier>earlier)\s+(?:in\s+)?(?=this|the|last|next))?"
        rf"(?:(?P<part>{PART})\s+)?(?:(?P<mod>{MOD})\s+)(?P<u>{UNITW})"
        rf"|(?P<later2>later)\s+this\s+(?P<u2>{UNITW})",
        lambda m, ctx: r_period(_EnPeriod(m), ctx))

    def r_weekend(m: re.Match[str], ctx: _Ctx) -> Res | None:
        k = lex.modifiers.get(m.group("mod").lower(), 0) if m.group("mod") else 0
        s, _ = _period("week", ctx.pub, k)
        lo, hi = lex.part_bounds["end"]["week"]
        return s + timedelta(days=lo - 1), s + timedelta(days=hi - 1), "week", True, None

    add("week", rf"(?:(?P<mod>{MOD})|the)\s+weekend", r_weekend)

    # weekdays of a named week: "Thursday of last week", "Wednesday next week", "next week between
    # Wednesday and Friday", "from Monday to Wednesday this week" (Monday..Sunday)
    def r_week_wd(m: re.Match[str], ctx: _Ctx) -> Res | None:
        wd1 = lex.weekdays.get(m.group("wd").lower())
        wd2 = lex.weekdays.get(m.group("wd2").lower()) if m.group("wd2") else wd1
        if wd1 is None or wd2 is None or wd1 > wd2 or (m.group("wd2") and wd1 == wd2):
            return None
        mon = _monday(ctx.pub) + timedelta(weeks=lex.modifiers.get(m.group("wmod").lower(), 0))
        return mon + timedelta(days=wd1), mon + timedelta(days=wd2), "day", False, None

    WEEKREL = rf"(?P<wmod>{MOD})\s+week(?![\'’]s)"
    WDJ = rf"(?:between|from)\s+(?P<wd>{WD_LOWER})\s+(?:and|to|until|till|through|-|–)\s+(?P<wd2>{WD_LOWER})"
    add("week", rf"(?P<wd>{WD_LOWER})(?P<wd2>)?\s+(?:of\s+)?{WEEKREL}", r_week_wd)
    add("week", rf"{WDJ}\s+(?:of\s+)?{WEEKREL}", r_week_wd)
    add("week", rf"(?P<wmod>{MOD})\s+week\s*,?\s+{WDJ}", r_week_wd)

    def r_month(m: re.Match[str], ctx: _Ctx) -> Res | None:
        mon = month_of(m.group("mon"))
        if not mon:
            return None
        y, mod = m.group("y"), m.group("mod")
        if not (y or mod or m.group("part")) and _prev_word(ctx, m.start("x")) not in lex.month_cues:
            return None
        fut = False
        if y:
            yy = int(y)
        else:
            k = lex.modifiers.get(mod.lower(), 0) if mod else 0
            if k < 0:
                yy = ctx.pub.year if mon < ctx.pub.month else ctx.pub.year - 1
            elif k > 0 or (not mod and _future_context(ctx, m.start()) and mon != ctx.pub.month):
                yy = ctx.pub.year if mon > ctx.pub.month else ctx.pub.year + 1
                fut = True
            else:
                yy = ctx.pub.year if mon <= ctx.pub.month else ctx.pub.year - 1
        s, e = _part_range(ctx, m.group("part"), "month", date(yy, mon, 1), _month_end(yy, mon))
        return s, e, "month", True, fut or None

    add("month", rf"(?:(?P<part>{PART})[-\s]+(?:in\s+)?)?(?:(?P<mod>last|next|this)\s+)?(?P<mon>{MON})"
        rf"(?:\s*,?\s+(?:of\s+)?(?P<y>{YEAR})(?!\d))?", r_month)

    def r_year(m: re.Match[str], ctx: _Ctx) -> Res | None:
        y = int(m.group("y"))
        if not m.group("part") and _prev_word(ctx, m.start("x")) not in lex.year_cues:
            return None
        s, e = _part_range(ctx, m.group("part"), "year", date(y, 1, 1), date(y, 12, 31))
        return s, e, "year", True, None

    add("year", rf"(?:(?P<part>{PART})[-\s]+(?:in\s+)?)?(?P<y>(?:1[89]|20)\d{{2}})(?![\d/-]|\.\d|s\b|'s)", r_year)

    def r_range(m: re.Match[str], ctx: _Ctx) -> Res | None:
        m1 = month_of(m.group("m1") or m.group("m2") or "")
        m2 = month_of(m.group("m2") or m.group("m1") or "")
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if not (m1 and m2):
            return None
        if m.group("y"):
            y2 = int(m.group("y"))
        else:
            end = _recent_day_month(ctx.pub, m2, d2, forward=_future_context(ctx, m.start()))
            if end is None:
                return None
            y2 = end.year
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        a, b = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if not (a and b) or a >= b:
            return None
        return a, b, "day", False, None

    JOIN = r"(?:and|to|until|till|through|-|–)"
    add("range", rf"(?:(?:between|from)\s+)?(?P<m1>{MON})\.?\s+(?P<d1>\d{{1,2}}){ORDSUF}\s*{JOIN}\s*(?:(?P<m2>{MON})\.?\s+)?"
        rf"(?P<d2>\d{{1,2}}){ORDSUF}(?![\d:])(?:\s*,?\s*(?P<y>{YEAR}))?", r_range)
    add("range", rf"(?:(?:between|from)\s+)?(?:the\s+)?(?P<d1>\d{{1,2}}){ORDSUF}\s+(?:of\s+)?(?:(?P<m1>{MON})\.?\s+)?"
        rf"{JOIN}\s*(?:the\s+)?(?P<d2>\d{{1,2}}){ORDSUF}\s+(?:of\s+)?(?P<m2>{MON})(?:\s*,?\s*(?P<y>{YEAR}))?", r_range)
    add("range", rf"(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{MON})(?P<m1>)?(?:\s*,?\s*(?P<y>{YEAR}))?",
        r_range)

    def r_range_years(m: re.Match[str], ctx: _Ctx) -> Res | None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 >= y2:
            return None
        return date(y1, 1, 1), date(y2, 12, 31), "year", False, None

    add("range", r"(?:between|from)\s+(?P<y1>(?:1[89]|20)\d{2})\s+(?:and|to|until|till)\s+(?P<y2>(?:1[89]|20)\d{2})",
        r_range_years)

    def r_vague(m: re.Match[str], ctx: _Ctx) -> Res | None:
        key = " ".join(m.group("v").lower().split())
        s, e = _window(ctx.pub, lex.vague[key])
        if key in lex.vague_through:
            e = ctx.pub
        return s, e, "day", True, False

    WPREP = _alt(d["window_prepositions"])
    add("vague", rf"(?:{WPREP}\s+)?(?:the\s+)?(?P<v>{_alt(lex.vague)})", r_vague)

    def r_cwindow(m: re.Match[str], ctx: _Ctx) -> Res | None:
        n = _number(lex, m.group("n").lower())
        unit = lex.window_units[m.group("unit").lower()]
        if not n:
            return None
        if unit == "decade":
            cur = ctx.pub.year // 10 * 10
            return date(cur - 10 * n, 1, 1), date(cur - 1, 12, 31), "decade", True, False
        if unit == "hour":
            return _hour_window(ctx.pub, n, m.group("dir").lower().split()[-1] in ("past", "last", "previous"))
        if m.group("dir").lower().split()[-1] in ("past", "last", "previous"):
            return _shift(ctx.pub, unit, -n), ctx.pub - timedelta(days=1), "day", True, False
        return ctx.pub + timedelta(days=1), _shift(ctx.pub, unit, n), "day", True, True

    add("vague", rf"(?:{WPREP}\s+)?(?P<dir>{_alt(d['window_past'] + d['window_future'])})\s+(?P<n>\d{{1,3}}|{NUMW})\s+"
        rf"(?P<unit>{_alt(lex.window_units)})", r_cwindow)

    dec_words = {w.lower(): int(k) for k, ws in d["decade_words"].items() for w in ws}

    def r_decade(m: re.Match[str], ctx: _Ctx) -> Res | None:
        if m.group("full"):
            y = int(m.group("full"))
        elif m.group("short"):
            y = 1900 + int(m.group("short"))
        else:
            y = 1900 + 10 * dec_words[m.group("word").lower()]
        s, e = date(y, 1, 1), date(y + 9, 12, 31)
        if m.group("part"):
            name = lex.parts[m.group("part").lower()]
            s, e = {"start": (s, date(y + 3, 12, 31)), "middle": (date(y + 3, 1, 1), date(y + 6, 12, 31)),
                    "end": (date(y + 6, 1, 1), e)}[name]
        return s, e, "decade", True, None

    add("decade", rf"(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?:(?P<full>(?:1[5-9]|20)\d0)'?s|'(?P<short>\d0)s"
        rf"|(?<=the\s)(?P<word>{_alt(dec_words)}))", r_decade)
    return pats


class _EnPeriod:
    def __init__(self, m: re.Match[str]) -> None:
        self.m = m

    def group(self, name: str) -> str | None:
        m = self.m
        if name == "u":
            return m.group("u") or m.group("u0") or m.group("u2")
        if name == "later":
            return m.group("later") or m.group("later2")
        if name == "mod" and (m.group("later") or m.group("later2")) and not m.group("mod"):
            return "this"
        return m.group(name)


# ---------------------------------------------------------------------------------------------
# public API

def find_time_expressions(
    text: str, published: date, lang: str = "ar", *, prefer_past: bool = False
) -> list[TimeExpression]:
    """Every time expression in `text`, in order, resolved against `published`.

    Non-overlapping: where candidates overlap, the longest wins (ties: the earlier pattern).
    `prefer_past`: a date without its year, a month without its year and a bare weekday resolve
    to their most recent occurrence on or before publication even after a future cue ("سأعود
    الجمعة"); explicitly relative words ("غداً", "next week", "الشهر المقبل") keep their reading.
    """
    lex = _lexicon(lang)
    folded = fold(text)
    ft = folded.text
    low = ft
    if lex.lower:
        low = ft.lower()
        if len(low) != len(ft):  # a letter whose lower case is longer ("İ"): keep offsets aligned
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in ft)
    spans: dict[str, list[int]] = {}
    memo = lex.token_classes
    for m in _WORD.finditer(low):
        tok = m.group()
        cls = memo.get(tok)
        if cls is None:
            cls = lex.classes_of(tok)
        if cls:
            a, b = m.span()
            for c in cls:
                sp = spans.get(c)
                if sp is None:
                    spans[c] = [a, b]
                else:
                    sp[1] = b
    if not spans:
        return []
    ctx = _Ctx(published, ft, lex, prefer_past)
    cands: list[tuple[int, int, int, _Pattern, Res]] = []
    for prio, pat in enumerate(lex.patterns):
        lo = hi = -1
        for c in pat.needs or _FAMILY_NEEDS[pat.family]:
            sp = spans.get(c)
            if sp is not None:
                lo = sp[0] if lo < 0 else min(lo, sp[0])
                hi = max(hi, sp[1])
        if hi < 0:
            continue
        for m in pat.regex.finditer(low if pat.on_lower else ft, max(0, lo - _REACH), hi + _REACH):
            s, e = m.span("x")
            if e <= s:
                continue
            try:
                res = pat.resolve(m, ctx)
            except (ValueError, OverflowError, KeyError):
                res = None
            if res is not None:
                cands.append((s, e, prio, pat, res))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, _Pattern, Res]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c[0])
    out: list[TimeExpression] = []
    if not taken:
        return out
    original = folded.original
    for s, e, _, pat, (start, end, gran, approx, fut) in taken:
        a, b = folded.span(s, e)
        while b < len(original) and _MARKS.match(original[b]):
            b += 1  # keep trailing tanween/harakat with the word (أخيراً)
        future = (start > published) if fut is None else bool(fut)
        out.append(TimeExpression(original[a:b], a, b,
                                  start, end, gran, approx, future, pat.family))  # type: ignore[arg-type]
    return out


@cache
def _dateline_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, int]]:
    lex = _lexicon("en")
    months = dict(lex.months)
    mon = "(?:" + "|".join(sorted((re.escape(k) for k in months), key=len, reverse=True)) + ")"
    wd = "(?:" + "|".join(sorted((re.escape(k) for k in lex.weekdays), key=len, reverse=True)) + ")"
    lead = r"(?:(?:Posted|Published|Updated|Last\s+updated)(?:\s+on)?\s*:?\s+)?"
    full = re.compile(rf"^\s*{lead}(?:{wd}\.?,?\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{mon})\.?,?\s+(?P<y>\d{{4}})"
                      rf"|^\s*{lead}(?:{wd}\.?,?\s+)?(?P<mon2>{mon})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
                      rf"|^\s*(?P<nd>\d{{1,2}})[-/.](?P<nm>\d{{1,2}})[-/.](?P<ny>\d{{4}})"
                      rf"|^\s*(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})", re.I | re.M)
    wire = re.compile(rf"^\s*[A-Z][A-Za-z .'-]{{1,40}},\s*(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?"
                      rf"\s*\((?:Reuters|AP|AFP|Xinhua|UPI|Anadolu|dpa|IANS|SANA)\)", re.M | re.I)
    # Anywhere in the opening words: the first complete date, whatever precedes it (a headline, an
    # outlet, a weekday, "Date of publication"). Years are 19xx/20xx; the digits must stand alone,
    # except the scraping artefact "Aug 012016" where the comma between day and year was lost.
    yr = r"(?P<{}>(?:19|20)\d{{2}})"
    anywhere = re.compile(
        rf"(?<![\w.])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})\.?,?\s+{yr.format('y')}(?!\d)"
        rf"|(?<!\w)(?P<mon2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+){yr.format('y2')}(?!\d)"
        rf"|(?<!\w)(?P<mon3>{mon})\.?\s+(?P<d3>[0-3]\d){yr.format('y3')}(?!\d)"
        rf"|(?<![\d.:/-])(?P<nd>\d{{1,2}})(?P<sep>[-/.])(?P<nm>\d{{1,2}})(?P=sep){yr.format('ny')}(?![\d:]|[-/.]\d)"
        rf"|(?<![\d.:/-]){yr.format('iy')}-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d:]|[-/.]\d)",
        re.I)
    year = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
    return full, wire, anywhere, year, months


DATELINE_REACH = 400  # characters from the top of the body where a dateline may still start


def find_dateline(text: str, year: int | None = None) -> date | None:
    """The publication date a dateline near the top of an article gives, or None.

    Reads "Wed 05 Apr 2017 10.23 BST", "12 February 2015", "06-01-2016" (day first), "2017-04-05"
    and wire datelines "BEIRUT, April 7 (Reuters) -". A wire dateline has no year: `year` is used,
    else the first year named in the text. Failing those, the first complete date (day, month and
    year, in any order the pages use) within the first `DATELINE_REACH` characters: "Headline words
    AFP Friday 28 Oct 2016 ...", "Date of publication 10 July 2016 ...", "... 1449 09.04.2017".
    Numeric dates are read day first unless only month-first makes sense (12/25/2016).
    """
    full, wire, _anywhere, year_re, months = _dateline_patterns()
    head = text[:1500]
    for line in head.splitlines()[:12]:
        m = full.match(line)
        if m:
            try:
                if m.group("d"):
                    return date(int(m.group("y")), months[m.group("mon").lower()], int(m.group("d")))
                if m.group("d2"):
                    return date(int(m.group("y2")), months[m.group("mon2").lower()], int(m.group("d2")))
                if m.group("nd"):
                    return date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
                return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            except (ValueError, KeyError):
                continue
    m = wire.search(head)
    if m:
        y = int(m.group("y")) if m.group("y") else year
        if y is None:
            ym = year_re.search(text)
            y = int(ym.group(1)) if ym else None
        if y is not None:
            try:
                return date(y, months[m.group("mon").lower()], int(m.group("d")))
            except (ValueError, KeyError):
                return None
    for found, _start, _end in dates_near_top(text):
        if found is not None:
            return found
    return None


def dates_near_top(text: str) -> Iterator[tuple[date | None, int, int]]:
    """Each complete date (day, month and year, in any order the pages use) starting within the first
    `DATELINE_REACH` characters: (the date or None if impossible, start, end)."""
    _full, _wire, anywhere, _year, months = _dateline_patterns()
    for m in anywhere.finditer(text[:DATELINE_REACH + 40]):
        if m.start() > DATELINE_REACH:
            break
        yield _anywhere_date(m, months), m.start(), m.end()


def _anywhere_date(m: re.Match[str], months: dict[str, int]) -> date | None:
    g = m.group
    for d, mo, y in (("d", "mon", "y"), ("d2", "mon2", "y2"), ("d3", "mon3", "y3")):
        if g(d):
            return _safe_date(int(g(y)), months[g(mo).lower()], int(g(d)))
    if g("nd"):
        a, b = int(g("nd")), int(g("nm"))
        if b > 12 >= a:
            a, b = b, a  # only month-first reads: 12/25/2016
        return _safe_date(int(g("ny")), b, a)
    return _safe_date(int(g("iy")), int(g("im")), int(g("id")))


NEWSROOM_UTC_OFFSET = timedelta(hours=3)


def publication_day(value: str, newsroom_offset: timedelta = NEWSROOM_UTC_OFFSET) -> date:
    """The local publication day of a `published` value.

    Rule: a plain date is that day; a timestamp without a zone is read as written (its date); a
    timestamp with a zone (``Z``, ``+00:00``…) is an instant, taken to the newsroom's clock —
    UTC+03:00 by default (Baghdad, Riyadh, Damascus and Beirut in summer, Cairo in summer) — and its
    date there is the publication day. So ``2018-02-15T22:30:00+00:00`` is 16 February.
    """
    s = value.strip().strip('"')
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return date.fromisoformat(s)
    dt = datetime.fromisoformat(s.replace("Z", "+00:00").replace(" ", "T", 1))
    if dt.tzinfo is None:
        return dt.date()
    return dt.astimezone(timezone(newsroom_offset)).date()


def describe(expr: TimeExpression) -> dict[str, Any]:
    return {"text": expr.text, "start": expr.start.isoformat(), "end": expr.end.isoformat(),
            "approximate": expr.approximate, "granularity": expr.granularity, "future": expr.future}


def dates_command(text: str | None, published: str | None, lang: str, jsonl: bool, stdin: Any, stdout: Any) -> int:
    """`timeline dates`: print each expression, its span and resolution; or JSONL in, JSONL out."""
    if jsonl:
        status = 0
        for n, line in enumerate(stdin, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                pub = publication_day(str(row.get("published") or published))
                exprs = find_time_expressions(str(row["text"]), pub, row.get("lang") or lang)
                stdout.write(json.dumps({"expressions": [describe(e) for e in exprs]}, ensure_ascii=False) + "\n")
            except (ValueError, KeyError, TypeError) as exc:
                stdout.write(json.dumps({"expressions": [], "error": f"line {n}: {exc}"}, ensure_ascii=False) + "\n")
                status = 1
        return status
    if text is None or not published:
        stdout.write("timeline dates: give TEXT and --published YYYY-MM-DD (or --jsonl on stdin)\n")
        return 2
    try:
        pub = publication_day(published)
    except ValueError:
        stdout.write(f"timeline dates: --published {published!r} is not a date; write YYYY-MM-DD\n")
        return 2
    exprs = find_time_expressions(text, pub, lang)
    if not exprs:
        stdout.write("no time expression found\n")
    for e in exprs:
        rng = e.start.isoformat() if e.start == e.end else f"{e.start.isoformat()}..{e.end.isoformat()}"
        flags = [e.granularity, e.family] + (["approximate"] if e.approximate else []) + (
            ["future"] if e.future else [])
        stdout.write(f"{e.start_char}-{e.end_char}\t{e.text}\t{rng}\t{' '.join(flags)}\n")
    return 0
