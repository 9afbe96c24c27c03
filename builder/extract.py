"""Extract events from an article: sentences → cues → typed, dated, placed, sourced events.

Rule- and lexicon-based. Language knowledge (cue words, continuations, connectives) is read from
builder/data/cues_<lang>.yaml; places and actors come from the gazetteer and the actors list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from . import dates
from .actors import ActorLexicon, ActorMatch
from .lexicon import load_data, project_files
from .models import Article, Event, Place, Source, format_partial_date
from .places import Gazetteer, PlaceMatch
from .text import Folded, fold, fold_text, split_sentences

_CLITIC_BEFORE = r"(?:[وف]?(?:[بلك]|ل?ل)?(?:ال)?)"
_WORD_END = r"(?:[اهيةتن]{0,3})(?![\w])"


@dataclass(frozen=True)
class Cue:
    type: str
    mode: str | None
    priority: int
    start: int          # folded offsets within the sentence
    end: int
    verb: bool          # a verb of the sentence (its main action) rather than a noun in it


@dataclass(frozen=True)
class CueBook:
    types: tuple[tuple[str, int, re.Pattern[str], re.Pattern[str] | None], ...]
    modes: tuple[tuple[str, str, re.Pattern[str]], ...]
    continuation: re.Pattern[str]
    connectives: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    folded = sorted({fold_text(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){_CLITIC_BEFORE}(?:{_alternation(words)}){_WORD_END}")


@cache
def cue_book(lang: str) -> CueBook:
    data = load_data(f"cues_{lang}")
    types = []
    for name, spec in data["types"].items():
        verbs = spec.get("verbs") or []
        types.append((name, int(spec.get("priority", 0)), _word_pattern(spec["cues"]),
                      _word_pattern(verbs) if verbs else None))
    modes = [(name, spec["type"], _word_pattern(spec["cues"])) for name, spec in data.get("modes", {}).items()]
    continuation = re.compile(rf"^\s*(?:{_alternation(data.get('continuations', []))})(?![\w])")
    connectives = re.compile(rf"^\s*(?:(?:{_alternation(data.get('title_connectives', []))})\s+)+")
    return CueBook(tuple(types), tuple(modes), continuation, connectives)


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer.load(project_files("places"))


@cache
def _actors() -> ActorLexicon:
    return ActorLexicon.load(project_files("actors"))


@dataclass
class Draft:
    """An event under construction, before it gets an id."""

    type: str
    mode: str | None
    start: date
    end: date
    approximate: bool
    future: bool
    date_text: str | None
    quotes: list[str]
    places: list[Place]
    actors: list[str]
    title: str
    position: int                      # order of appearance in the article
    background: bool = False           # mentioned in passing, dated on its own
    speaker_key: tuple[str, ...] = field(default=())


def find_cues(folded: str, book: CueBook) -> list[Cue]:
    cues: list[Cue] = []
    for name, priority, pattern, verbs in book.types:
        for m in pattern.finditer(folded):
            is_verb = m.start() < 25 or bool(verbs and verbs.fullmatch(m.group()))
            cues.append(Cue(name, None, priority, m.start(), m.end(), is_verb))
    return sorted(cues, key=lambda c: (c.start, -c.priority))


def find_mode(folded: str, event_type: str, book: CueBook) -> str | None:
    """The most specific mode whose cue appears in the sentence (first listed wins on a tie)."""
    best: tuple[int, str] | None = None
    for name, mode_type, pattern in book.modes:
        if mode_type != event_type:
            continue
        m = pattern.search(folded)
        if m and (best is None or len(m.group()) > best[0]):
            best = (len(m.group()), name)
    return best[1] if best else None


def _dedupe_places(matches: list[PlaceMatch]) -> list[Place]:
    seen: dict[tuple[str | None, str], Place] = {}
    for m in matches:
        seen.setdefault((m.place.name_en, m.place.name), m.place)
    return list(seen.values())


def _title(sentence: str, book: CueBook, lang: str, limit: int = 14) -> str:
    """Headline-like: the sentence's own words, leading connectives dropped, cut at a clause."""
    folded = fold(sentence)
    m = book.connectives.match(folded.text)
    start = folded.span(0, m.end())[1] if m else 0
    text = sentence[start:].strip(" ،,:؛;")
    words = text.split()
    cut = []
    for word in words:
        cut.append(word)
        if len(cut) >= limit or (len(cut) >= 6 and word.endswith(("،", ",", ":", "؛"))):
            break
    title = " ".join(cut).rstrip("،,:؛;.")
    if len(cut) < len(words):
        title += " …" if lang == "ar" else " …"
    return title


def _clause_bounds(folded: str, pos: int) -> tuple[int, int]:
    """The comma-delimited clause of the sentence around `pos`."""
    left = max(folded.rfind(",", 0, pos), folded.rfind(";", 0, pos))
    right_candidates = [i for i in (folded.find(",", pos), folded.find(";", pos)) if i != -1]
    return left + 1, min(right_candidates) if right_candidates else len(folded)


class ArticleExtractor:
    """Turns one article into drafts. Holds the state that crosses sentences: the last main event
    (for continuations and inherited dates) and the last statement (to merge a speaker's quotes)."""

    def __init__(self, article: Article):
        self.article = article
        self.lang = article.lang if article.lang in ("ar", "en") else "ar"
        self.book = cue_book(self.lang) if self.lang == "ar" else cue_book("ar")
        self.drafts: list[Draft] = []
        self.last_main: Draft | None = None

    def run(self) -> list[Draft]:
        position = 0
        for paragraph in self.article.paragraphs:
            for start, end in split_sentences(paragraph):
                self._sentence(paragraph[start:end], position)
                position += 1
        return self.drafts

    # -- one sentence -------------------------------------------------------------------------
    def _sentence(self, sentence: str, position: int) -> None:
        folded = fold(sentence)
        cues = find_cues(folded.text, self.book)
        if not cues:
            return
        expressions = dates.find_time_expressions(sentence, self.article.published, self.lang)
        places = _gazetteer().find(sentence, self.lang)
        actors = _actors().find(sentence, self.lang)
        main = max((c for c in cues if c.verb), key=lambda c: c.priority, default=None)
        if main is None:
            main = max(cues, key=lambda c: c.priority)
        used_expr: set[int] = set()

        # Background mentions: an assault noun that is not the sentence's action and carries a date of
        # its own ("القصف الأميركي الأخير") is its own event, never a copy of the main event's date.
        for cue in cues:
            if cue is main or cue.type != "assault" or cue.verb:
                continue
            idx = self._own_expression(cue, expressions, folded, used_expr)
            if idx is None:
                continue
            used_expr.add(idx)
            self._add_background(sentence, folded, cue, expressions[idx], places, actors, position)

        main_expr = next((e for i, e in enumerate(expressions) if i not in used_expr), None)
        continues = bool(self.book.continuation.match(folded.text))
        if main_expr is not None:
            start, end, approx, future, date_text = (main_expr.start, main_expr.end, main_expr.approximate,
                                                     main_expr.future, main_expr.text)
        elif self.last_main is not None:
            prev = self.last_main
            start, end, approx, future, date_text = prev.start, prev.end, prev.approximate, prev.future, prev.date_text
        else:
            pub = self.article.published
            start, end, approx, future, date_text = pub, pub, True, False, None

        mode = find_mode(folded.text, main.type, self.book)
        actor_names = _actor_names(actors)
        if main.type == "statement" or (continues and self.last_main and self.last_main.type == main.type):
            if self._merge_into_last(main.type, sentence, actor_names, places, continues):
                return
        if main.type == "assault":
            segments = self._target_segments(folded, places, main)
            if len(segments) > 1:
                for seg_places, seg_title in segments:
                    self._add(Draft(main.type, mode, start, end, approx, future, date_text, [sentence],
                                    seg_places, actor_names, seg_title, position))
                return
        draft = Draft(main.type, mode, start, end, approx, future, date_text, [sentence],
                      _dedupe_places(places), actor_names, _title(sentence, self.book, self.lang),
                      position, speaker_key=tuple(actor_names[:1]))
        self._add(draft)

    def _own_expression(self, cue: Cue, expressions, folded: Folded, used: set[int]) -> int | None:
        """Index of a time expression inside the cue's clause that is a vague or past date."""
        lo, hi = _clause_bounds(folded.text, cue.start)
        lo_o, hi_o = folded.span(lo, hi) if hi > lo else (0, 0)
        for i, expr in enumerate(expressions):
            if i in used or expr.future:
                continue
            if lo_o <= expr.start_char < hi_o and expr.end < self.article.published:
                return i
        return None

    def _add_background(self, sentence, folded, cue, expr, places, actors, position) -> None:
        lo, hi = _clause_bounds(folded.text, cue.start)
        lo_o, hi_o = folded.span(lo, hi)
        # the places of the rest of the sentence often name where the strike landed
        clause_places = [p for p in places if p.start_char >= lo_o] or places
        clause = sentence[folded.span(cue.start, cue.end)[0]:hi_o]
        mode = find_mode(fold_text(sentence[lo_o:]), "assault", self.book)
        draft = Draft("assault", mode, expr.start, expr.end, expr.approximate, False, expr.text, [sentence],
                      _dedupe_places(clause_places), _actor_names(actors),
                      _title(clause, self.book, self.lang), position, background=True)
        self._add(draft)

    def _target_segments(self, folded: Folded, places: list[PlaceMatch], main: Cue):
        """A list of targets after an assault cue ("… استهدفت مطار أربيل، والمنطقة الخضراء، وقاعدة بلد")
        is one attack per target: each comma segment that opens with a place."""
        segments = []
        bounds = [0] + [m.end() for m in re.finditer(r"[,;]", folded.text)] + [len(folded.text)]
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            if hi <= main.start:
                continue
            lo_o, hi_o = folded.span(lo, hi)
            inside = [p for p in places if lo_o <= p.start_char < hi_o]
            if not inside:
                continue
            head = folded.original[lo_o:inside[0].start_char]
            if lo > main.start and len(fold_text(head).strip(" و")) > 3:
                continue  # the segment does not open with a place
            first = inside[0]
            cue_text = folded.original[folded.span(main.start, main.end)[0]:]
            title_prefix = _title(cue_text, self.book, self.lang, limit=4).rstrip(" …")
            title = f"{title_prefix}: {first.text}" if lo > main.start else _title(
                folded.original[lo_o:first.end_char], self.book, self.lang)
            segments.append((_dedupe_places(inside), title))
        return segments

    def _merge_into_last(self, event_type, sentence, actor_names, places, continues) -> bool:
        """Paragraphs of one speaker's statements (or a continuation of the same event) become one
        event with several quotes."""
        last = self.last_main
        if last is None or last.type != event_type or last.background:
            return False
        new_speaker = actor_names and not set(actor_names) & set(last.actors) and not continues
        if new_speaker:
            return False
        last.quotes.append(sentence)
        last.actors.extend(a for a in actor_names if a not in last.actors)
        last.places.extend(p for p in _dedupe_places(places) if p not in last.places)
        return True

    def _add(self, draft: Draft) -> None:
        self.drafts.append(draft)
        if not draft.background:
            self.last_main = draft


def _actor_names(matches: list[ActorMatch]) -> list[str]:
    names: list[str] = []
    for m in matches:
        if m.actor.name not in names:
            names.append(m.actor.name)
    return names


# -- ids and events ----------------------------------------------------------------------------
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def event_id(draft: Draft, date_value: str) -> str:
    where = next((p.name_en for p in draft.places if p.name_en and p.country is not None), None)
    where = where or next((p.name_en for p in draft.places if p.name_en), None)
    parts = [date_value, slug(where) if where else "", draft.type, draft.mode or ""]
    return "-".join(p for p in parts if p)[:100].strip("-")


def extract_events(article: Article) -> list[Event]:
    """Every event in the article, in order of appearance, with stable ids."""
    drafts = ArticleExtractor(article).run()
    events: list[Event] = []
    used: set[str] = set()
    for draft in drafts:
        date_value, until = format_partial_date(draft.start, draft.end)
        base = event_id(draft, date_value)
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        events.append(Event(
            id=ident,
            date=date_value,
            until=until,
            approximate=draft.approximate,
            title=draft.title,
            type=draft.type,
            mode=draft.mode,
            actors=draft.actors,
            places=draft.places,
            lang=article.lang,
            future=draft.future,
            sources=[Source(
                article=article.path,
                outlet=article.outlet,
                published=article.published,
                url=article.url,
                quote=" ".join(draft.quotes),
                date_text=draft.date_text,
            )],
        ))
    return events
