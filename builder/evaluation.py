"""Measure the extractor on the dev corpus (../shared/corpus), beside a keyword baseline.

Two tasks, as issue 4 defines them:

- GSR (arabic_event_gsr/sentences.tsv): each sentence is extracted as a one-sentence article with its
  `published` date; it is *detected* for a type (ASSAULT, PROTEST) when an event of that type comes
  out. Label `yes` is positive, `easy no` / `difficult no` negative, `ambiguous` left out.
- FA-KES (articles_en + gold_event_dates.tsv): the article's main event is its first event by
  position; its date is scored as the exact day (a single day equal to the gold date) and within
  one day (every day the event may have happened on lies within a day of the gold date: a
  single day, or a window such as "during the past 24 hours" of at most three days), its place as
  named when one of its places (or, failing that, the first place of the article's events) matches
  the gold location.

The keyword baseline: a GSR sentence is positive when any cue word of the type occurs in it; an
FA-KES article's main event is dated on its publication day and placed at the first gazetteer place
of its text.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .articles import ArticleError, read_article
from .extract import cue_book, extract_events, gazetteer
from .models import Article, Event
from .text import fold_text

GSR_TYPES = {"ASSAULT": "assault", "PROTEST": "protest"}
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}
# An event the extractor tags "background" is a mention of a past event (a noun dated on its own, an
# event dated only by a vague or coarse past window), not what the sentence reports: the GSR
# annotators label whether a sentence *reports* a specific assault or protest, so detection counts
# only events without this tag. They stay in the event files, tagged, for analysts.
BACKGROUND_TAG = "background"
# some GSR rows carry no published date; any fixed day serves (detection does not depend on it)
UNKNOWN_PUBLISHED = date(2008, 1, 1)


def default_corpus() -> Path | None:
    """../shared/corpus beside the project (the checkout's sibling), when present."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here.parent / "shared" / "corpus", Path.cwd().parent / "shared" / "corpus"):
        if candidate.is_dir():
            return candidate
    return None


# -- scores -------------------------------------------------------------------------------------
@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, gold: bool) -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class GsrRow:
    id: str
    published: date
    event_type: str
    label: str
    text: str


@dataclass
class GsrResult:
    ours: dict[str, Confusion] = field(default_factory=dict)
    baseline: dict[str, Confusion] = field(default_factory=dict)
    errors: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # type → (kind, id, text)


def read_gsr(path: Path) -> list[GsrRow]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            published = date.fromisoformat(rec["published"]) if rec["published"] else UNKNOWN_PUBLISHED
            rows.append(GsrRow(rec["id"], published, rec["event_type"], rec["label"].strip(), rec["text"]))
    return rows


def sentence_article(row_id: str, text: str, published: date, lang: str = "ar") -> Article:
    return Article(
        path=f"gsr/{row_id}", title="", published=published, text=text, lang=lang, paragraphs=(text,)
    )


def keyword_detector(event_type: str, lang: str = "ar") -> Callable[[str], bool]:
    """The baseline: any cue word of the type, anywhere in the sentence."""
    book = cue_book(lang)
    patterns = [pattern for name, _p, pattern, _v in book.types if name == event_type]

    def detect(text: str) -> bool:
        folded = fold_text(text)
        return any(p.search(folded) for p in patterns)

    return detect


def evaluate_gsr(path: Path) -> GsrResult:
    result = GsrResult()
    baselines = {t: keyword_detector(t) for t in GSR_TYPES.values()}
    for row in read_gsr(path):
        event_type = GSR_TYPES.get(row.event_type)
        if event_type is None or row.label not in POSITIVE | NEGATIVE:
            continue
        gold = row.label in POSITIVE
        events = extract_events(sentence_article(row.id, row.text, row.published))
        predicted = any(e.type == event_type and BACKGROUND_TAG not in e.tags for e in events)
        result.ours.setdefault(row.event_type, Confusion()).add(predicted, gold)
        result.baseline.setdefault(row.event_type, Confusion()).add(baselines[event_type](row.text), gold)
        if predicted != gold:
            kind = "FP" if predicted else "FN"
            result.errors.setdefault(row.event_type, []).append((f"{kind} ({row.label})", row.id, row.text))
    return result


# -- FA-KES --------------------------------------------------------------------------------------
@dataclass
class FakesGold:
    file: str
    event_date: date
    location: str


@dataclass
class DateScore:
    total: int = 0
    exact: int = 0
    within_one: int = 0
    place: int = 0

    def pct(self, n: int) -> float:
        return 100.0 * n / self.total if self.total else 0.0


@dataclass
class FakesResult:
    ours: DateScore = field(default_factory=DateScore)
    baseline: DateScore = field(default_factory=DateScore)
    unreadable: list[str] = field(default_factory=list)
    misses: list[tuple[str, str, str, str, str]] = field(
        default_factory=list
    )  # file, gold, ours, gold place, ours


def read_fakes_gold(path: Path) -> list[FakesGold]:
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            try:
                out.append(
                    FakesGold(
                        rec["file"], date.fromisoformat(rec["event_date"].strip()), rec["location"].strip()
                    )
                )
            except ValueError:
                continue
    return out


_NON_LETTER = re.compile(r"[^a-z]")


def place_key(name: str) -> str:
    """A spelling-tolerant key: lower case, no article, no vowels or doubled letters
    ("Deir ez-Zor", "deir ezzor" and "Dayr al-Zawr" agree; "Lattakia" and "Latakia" too)."""
    text = name.lower()
    text = re.sub(r"\b(?:al|el|ad|ar|as|az|ash|ez|ed|es|governorate|province|city|of)\b[- ]?", "", text)
    text = _NON_LETTER.sub("", text)
    text = re.sub(r"[aeiouy]", "", text)
    return re.sub(r"(.)\1+", r"\1", text).replace("kh", "h").replace("q", "k")


def place_matches(gold: str, names: Iterable[str | None]) -> bool:
    want = place_key(gold)
    return bool(want) and any(n and (place_key(n) == want or place_key(n).startswith(want)) for n in names)


def date_score(event: Event, gold: date) -> tuple[bool, bool]:
    """(exact day, within one day) of an event's date against the gold day."""
    first, last = event.span
    return first == last == gold, abs((first - gold).days) <= 1 and abs((last - gold).days) <= 1


def main_event(events: list[Event]) -> Event | None:
    """The first event by position (events come in order of appearance), background ones last:
    an event known only to a window, a month or a year ("recently", "last week", "since 2011") is
    background to the first event placed on a single day."""
    if not events:
        return None
    for event in events:
        first, last = event.span
        if first == last:
            return event
    return events[0]


def evaluate_fakes(articles_dir: Path, gold_path: Path) -> FakesResult:
    result = FakesResult()
    gaz = gazetteer()
    for gold in read_fakes_gold(gold_path):
        path = articles_dir / gold.file
        try:
            article = read_article(path)
        except (ArticleError, OSError) as exc:
            # counted as a miss for both: the figures are over every gold article
            result.unreadable.append(f"{gold.file}: {exc}")
            result.ours.total += 1
            result.baseline.total += 1
            continue
        events = extract_events(article)
        main = main_event(events)
        score = result.ours
        score.total += 1
        ours_date, ours_place = "-", "-"
        if main is not None:
            ours_date = main.date if main.until is None else f"{main.date}..{main.until}"
            exact, within_one = date_score(main, gold.event_date)
            score.exact += exact
            score.within_one += within_one
            names = [p.name_en or p.name for p in main.places]
            if not names:
                names = [p.name_en or p.name for e in events for p in e.places][:1]
            ours_place = ", ".join(n for n in names if n) or "-"
            if place_matches(gold.location, names):
                score.place += 1
        if ours_date != gold.event_date.isoformat() or not place_matches(
            gold.location, ours_place.split(", ")
        ):
            result.misses.append(
                (gold.file, gold.event_date.isoformat(), ours_date, gold.location, ours_place)
            )
        # baseline: the publication day, the first place of the text
        base = result.baseline
        base.total += 1
        if article.published == gold.event_date:
            base.exact += 1
        if abs((article.published - gold.event_date).days) <= 1:
            base.within_one += 1
        found = gaz.find(article.text, article.lang)
        if found and place_matches(gold.location, [found[0].place.name_en or found[0].place.name]):
            base.place += 1
    return result
