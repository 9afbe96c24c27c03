"""Extract events from an article: sentences → cues → typed, dated, placed, sourced events.

Rule- and lexicon-based. All language knowledge is data in builder/data/cues_<lang>.yaml (cue words
per PLOVER type and mode, the words for negation, plans, conditions, threats, relative clauses,
light verbs, continuations, title connectives, teaser lines); places and actors come from the
gazetteer and the actor lexicon. What one sentence gives:

- its *main* event: the highest-priority cue that is the sentence's action (a verb, or a noun after
  a light verb such as "شن هجوما"); a reported-speech sentence ("وقال ... إن") is a statement unless
  it reports a deed;
- events voiced *during* it ("دان ظريف خلال اللقاء …": the condemnation and the meeting);
- *background* mentions that carry a date of their own ("القصف الأميركي الأخير") as their own events;
- nothing for a cue that is negated, conditional, planned (a planned visit is a `future` consult, a
  planned attack is no attack), threatened (the threat is the event), wanted stopped ("لوقف
  الهجمات"), attempted or foiled, an accusation, a kind of violence talked about in general, or a
  bare noun talked about without an anchor (casualties, crowds, a date).

Events the article only recalls or mentions in passing carry the tag "background" (in `tags` of the
event file): a noun dated on its own ("القصف الأخير"), an event dated only by a vague or coarse past
window, a deed told deep inside its clause or after an opinion, a reaction or an inquiry, a protest or
attack as the backdrop ("أثناء تظاهرة"). Within an article, background mentions of one event (same
type, modes of one family, overlapping dates, places that agree) are merged into one event. A verbal
event (statement, condemnation, call) is not dated or placed by what it talks about: an adjective
such as "الأخيرة" after another noun, or words inside a relative clause after its verb, belong to that
thing; told during a meeting ("خلال اللقاء") it takes the meeting's day and place. Places named as a
backer, partner, relation or addressee (builder/data/extract_places.yaml) are not where anything
happened.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

from . import dates
from .actors import ActorLexicon, ActorMatch
from .articles import ArticleError, read_article, relative_path
from .cache import ExtractionCache
from .lexicon import load_data, project_files
from .models import Article, Event, Place, Source, format_partial_date
from .places import Gazetteer, PlaceMatch
from .text import Folded, fold, fold_text, split_sentences

_AR_BEFORE = r"(?:[وف]?(?:[بلك]|ل?ل|س)?(?:ال)?)"
_AR_AFTER = r"(?:[اهيةتنو]{0,2}(?:هما|هم|كم)|[اهيةتنو]{0,3})"  # "قتلهم", "اشتباكهم" too
_EN_AFTER = r"(?:s|es|ed|d|ing)?"
_TOKEN = re.compile(r"[\w'’-]+")
_CLAUSE_BREAK = re.compile(r"[,;:؛،\"«»()\[\]]")
_AR_VERB_ENDINGS = frozenset(
    [
        "",
        "ت",
        "وا",
        "ا",
        "ه",
        "ها",
        "هم",
        "هما",
        "نا",
        "تا",
        "ته",
        "تها",
        "تهم",
        "وه",
        "وها",
        "وهم",
        "ن",
        "و",
    ]
)
_AR_POSSESSIVE = frozenset(["ه", "ها", "هم", "هما"])  # "خطفه": his abduction, or "he abducted him"
_ANCHOR_REACH = 15  # tokens either side of a cue in which its anchors count
_AR_PREPOSITION_CLITIC = re.compile(r"[بلك]|ال")
_EN_DETERMINERS = frozenset("the a an of in on after this that its their his her these those".split())


# -- the cue book: one language's knowledge, compiled ------------------------------------------------
@dataclass(frozen=True)
class TypeSpec:
    name: str
    priority: int
    anchored: bool
    realized: bool
    anchors: re.Pattern[str] | None
    support: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    exclude_keys: tuple[str, ...] = ()  # the exclude phrases' first words: no need to search without one
    weak: frozenset[str] = frozenset()  # everyday verbs ("خرج", "تجمع") that count only with a support word
    weak_support: re.Pattern[str] | None = None  # ... or one of these (crowd sizes)
    heads: re.Pattern[str] | None = None  # words that open a report of the type as well as its cues
    plans: re.Pattern[str] | None = None  # words before a cue that make it planned, for this type only
    launch_verbs: re.Pattern[str] | None = None  # verbs that make a `launched` weapon word the deed
    launch_window: int = 0
    weak_not: re.Pattern[str] | None = None  # subjects that make a crowd verb no protest (the police)


@dataclass(frozen=True)
class CueBook:
    lang: str
    specs: dict[str, TypeSpec]
    cues: re.Pattern[str]  # every cue word; groups pre, core
    index: dict[str, tuple[tuple[str, bool], ...]]  # core → ((type, is verb form), ...)
    opening_only: frozenset[str]  # cues that count only as a sentence's first word
    launched: frozenset[str]  # weapon words that are a cue only shortly after a launching verb
    modes: tuple[tuple[str, str, re.Pattern[str]], ...]  # (mode, type, pattern)
    modality: dict[str, re.Pattern[str] | None]
    windows: dict[str, int]
    negation_exceptions: re.Pattern[str] | None
    continuation: re.Pattern[str] | None
    connectives: re.Pattern[str] | None
    complementizers: re.Pattern[str] | None
    not_story_headings: frozenset[str]
    not_story_prefixes: re.Pattern[str] | None
    # the gate before the cue pattern: a cue can only start at a word whose first 4 characters (2 or 3
    # for a shorter cue) open some clitic + cue first word (None: no gate, try every word)
    first_words: frozenset[str] | None = None
    word_starts: re.Pattern[str] | None = None

    @property
    def types(self):
        """(type, priority, pattern, None) per type: the keyword view used by the baseline."""
        return tuple(
            (s.name, s.priority, _TYPE_PATTERNS[(self.lang, s.name)], None) for s in self.specs.values()
        )


_TYPE_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {}
_GATE_WORD = re.compile(r"[\w'’-]+")
# every string the Arabic clitic group _AR_BEFORE can match
_AR_PREFIXES = tuple(
    sorted({a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك", "لل", "س") for c in ("", "ال")})
)


def _gate(words, lang: str, prefixes: tuple[str, ...]) -> frozenset[str] | None:
    """The first 2-4 characters of every clitic + cue first word (folded): a cue can only start at a
    word that opens with one of them."""
    heads = set()
    for w in words:
        key = _norm(str(w), lang)
        if not key.strip():
            continue
        first = key.split()[0]
        if not _GATE_WORD.fullmatch(first):
            return None  # a cue the gate cannot see: try every word
        for pre in prefixes:
            head = (pre + first)[:4]
            if len(head) < 2:
                return None
            heads.add(head)
    return frozenset(heads)


def _norm(text: str, lang: str) -> str:
    text = fold_text(text)
    return " ".join(text.lower().split()) if lang == "en" else " ".join(text.split())


def _alternation(words, lang: str) -> str:
    folded = sorted({_norm(w, lang) for w in words if str(w).strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _word_pattern(words, lang: str, inflect: bool = True) -> re.Pattern[str] | None:
    alt = _alternation(words or [], lang)
    if not alt:
        return None
    if lang == "en":
        after = _EN_AFTER if inflect else ""
        return re.compile(rf"(?<![\w'-])(?P<pre>)(?P<core>{alt}){after}(?![\w-])", re.IGNORECASE)
    before = _AR_BEFORE if inflect else r"(?:[وف]?)"
    after = _AR_AFTER if inflect else ""
    return re.compile(rf"(?<!\w)(?P<pre>{before})(?P<core>{alt}){after}(?!\w)")


def _strict_pattern(words, lang: str) -> re.Pattern[str] | None:
    """Modality words: as listed (an Arabic و/ف may be glued on), no endings."""
    return _word_pattern(words, lang, inflect=False)


@cache
def cue_book(lang: str) -> CueBook:
    data = load_data(f"cues_{lang}")
    specs: dict[str, TypeSpec] = {}
    index: dict[str, list[tuple[str, bool]]] = {}
    all_words: list[str] = []
    opening_only: set[str] = set()
    launched: set[str] = set()
    for name, spec in data["types"].items():
        opening = [str(c) for c in spec.get("opening_cues") or []]
        opening_only.update(_norm(c, lang) for c in opening)
        weapons = [str(c) for c in spec.get("launched") or []]
        launched.update(_norm(c, lang) for c in weapons)
        cues = [str(c) for c in spec.get("cues") or []] + opening
        verbs = {_norm(str(v), lang) for v in [*(spec.get("verbs") or []), *opening]}
        for word in weapons:  # in the index, not in the type's keyword pattern (the baseline)
            entry = (name, True)
            if entry not in index.setdefault(_norm(word, lang), []):
                index[_norm(word, lang)].append(entry)
            all_words.append(word)
        for word in [*cues, *verbs]:
            key = _norm(word, lang)
            entry = (name, key in verbs)
            if entry not in index.setdefault(key, []):
                index[key].append(entry)
            all_words.append(word)
        specs[name] = TypeSpec(
            name,
            int(spec.get("priority", 0)),
            bool(spec.get("anchored")),
            bool(spec.get("realized")),
            _word_pattern(spec.get("anchors"), lang),
            _word_pattern(spec.get("support"), lang),
            _word_pattern(spec.get("exclude"), lang),
            tuple(sorted({_norm(str(w), lang).split()[0] for w in spec.get("exclude") or [] if str(w).strip()})),
            frozenset(_norm(str(w), lang) for w in spec.get("weak") or []),
            _word_pattern([*(spec.get("support") or []), *(spec.get("weak_support") or [])], lang),
            _word_pattern(spec.get("report_heads"), lang),
            _strict_pattern(spec.get("plans"), lang),
            _strict_pattern(spec.get("launch_verbs"), lang),
            int(spec.get("launch_window", 0)),
            _word_pattern(spec.get("weak_not"), lang),
        )
        _TYPE_PATTERNS[(lang, name)] = _word_pattern([*cues, *verbs], lang)
    modes = tuple(
        (name, spec["type"], _word_pattern(spec["cues"], lang))
        for name, spec in (data.get("modes") or {}).items()
    )
    mod = data.get("modality") or {}
    modality = {
        key: _strict_pattern(mod.get(key), lang)
        for key in (
            "negation",
            "future",
            "future_after",
            "hypothetical",
            "threat",
            "cancel",
            "relative",
            "light_verbs",
            "background",
            "accompanying",
            "anaphora",
            "attempt",
            "accused",
            "generic",
            "nominal",
            "subordinators",
            "commentary",
            "aggregate_after",
            "idiom_after",
            "light_verbs_bi",
            "judged_after",
            "kinds",
        )
    }
    windows = {key[:-7]: int(value) for key, value in mod.items() if key.endswith("_window")}
    story = data.get("not_story") or {}
    first_words = _gate(all_words, lang, _AR_PREFIXES if lang == "ar" else ("",))
    return CueBook(
        lang=lang,
        specs=specs,
        cues=_word_pattern(all_words, lang),
        index={k: tuple(v) for k, v in index.items()},
        opening_only=frozenset(opening_only),
        launched=frozenset(launched),
        modes=modes,
        modality=modality,
        windows=windows,
        negation_exceptions=_strict_pattern(mod.get("negation_exceptions"), lang),
        continuation=_opening(data.get("continuations"), lang),
        connectives=_opening(data.get("title_connectives"), lang, repeat=True),
        complementizers=_strict_pattern(data.get("complementizers"), lang),
        not_story_headings=frozenset(_norm(h, lang).strip(" :.") for h in story.get("headings") or []),
        not_story_prefixes=_opening(story.get("line_prefixes"), lang),
        first_words=first_words,
        word_starts=re.compile(r"(?<!\w)\w" if lang == "ar" else r"(?<![\w'-])\w"),
    )


def _opening(words, lang: str, repeat: bool = False) -> re.Pattern[str] | None:
    alt = _alternation(words or [], lang)
    if not alt:
        return None
    flags = re.IGNORECASE if lang == "en" else 0
    if repeat:
        return re.compile(rf"^[\s,،:\-–—]*(?:(?:{alt})(?![\w])[\s,،:\-–—]*)+", flags)
    return re.compile(rf"^\s*(?:{alt})(?![\w])", flags)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load(project_files("places"))


@cache
def actor_lexicon() -> ActorLexicon | None:
    try:
        return ActorLexicon.load(project_files("actors"))
    except NotImplementedError:  # the actor lexicon is optional for extraction
        return None


# -- cues in one sentence ---------------------------------------------------------------------------
@dataclass
class Cue:
    type: str
    priority: int
    start: int  # folded offsets within the sentence
    end: int
    predicate: bool  # the sentence's action (a verb form, or a noun after a light verb)
    future: bool = False
    relative: bool = False  # inside a relative clause: a mention of something else
    background: bool = False  # after "بعد/منذ/since": a prior event
    accompanying: bool = False  # after "خلال/during": happening alongside the main event
    anaphoric: bool = False  # "هذه الهجمات": refers back to an event already told
    definite: bool = False


@dataclass
class SentenceView:
    folded: Folded
    text: str  # folded text (lower-cased for English)
    tokens: list[tuple[int, int]]  # folded token spans
    breaks: list[int]  # clause-break offsets
    starts: list[int] = field(default_factory=list)  # token starts, for bisection
    ends: list[int] = field(default_factory=list)  # token ends
    memo: dict = field(default_factory=dict)  # windows already cut


def _view(sentence: str, lang: str) -> SentenceView:
    folded = fold(sentence)
    text = folded.text.lower() if lang == "en" else folded.text
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    return SentenceView(folded, text, tokens, breaks, [a for a, _b in tokens], [b for _a, b in tokens])


def _window(view: SentenceView, pos: int, n: int, cross_clause: bool = False) -> str:
    """The n tokens before `pos` (inside its clause unless cross_clause)."""
    key = (pos, n, cross_clause)
    hit = view.memo.get(key)
    if hit is not None:
        return hit
    if cross_clause:
        lo = 0
    else:
        b = bisect_left(view.breaks, pos)
        lo = view.breaks[b - 1] + 1 if b else 0
    first = bisect_left(view.starts, lo)  # first token starting at or after lo
    last = bisect_right(view.ends, pos)  # tokens before it end at or before pos
    if first >= last:
        out = ""
    else:
        out = " " + view.text[view.tokens[max(first, last - n)][0] if n else pos : pos] + " "
    view.memo[key] = out
    return out


def _after(view: SentenceView, pos: int, n: int) -> str:
    key = (pos, -n, None)
    hit = view.memo.get(key)
    if hit is not None:
        return hit
    b = bisect_left(view.breaks, pos)
    hi = view.breaks[b] if b < len(view.breaks) else len(view.text)
    first = bisect_left(view.starts, pos)
    last = min(bisect_right(view.ends, hi), first + n)
    out = " " + view.text[pos : view.tokens[last - 1][1]] + " " if last > first else ""
    view.memo[key] = out
    return out


def _has(book: CueBook, kind: str, text: str) -> bool:
    pattern = book.modality.get(kind)
    return bool(text.strip() and pattern is not None and pattern.search(text))


def _cue_matches(view: SentenceView, book: CueBook) -> list[re.Match[str]]:
    """What `book.cues.finditer(view.text)` gives, trying the pattern only where the gate lets a cue
    start (a word that opens, after its clitics, with the first word of some cue)."""
    text = view.text
    firsts = book.first_words
    if firsts is None or book.word_starts is None:
        return list(book.cues.finditer(text))
    cues = book.cues
    out: list[re.Match[str]] = []
    last_end = 0
    for w in book.word_starts.finditer(text):
        p = w.start()
        if p < last_end:
            continue
        if not (text[p : p + 4] in firsts or text[p : p + 3] in firsts or text[p : p + 2] in firsts):
            continue
        m = cues.match(text, p)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def find_cues(view: SentenceView, book: CueBook) -> list[Cue]:
    """Every cue of the sentence that still means its event after negation, plans, conditions and
    threats are taken into account (see the module doc)."""
    cues: list[Cue] = []
    matches = _cue_matches(view, book)
    if not matches:
        return cues
    excluded: list[tuple[int, int]] = []
    for spec in book.specs.values():
        if spec.exclude is not None and any(k in view.text for k in spec.exclude_keys):
            excluded.extend(m.span() for m in spec.exclude.finditer(view.text))
    win = book.windows
    previous_end = 0
    described: dict[str, tuple[int, Cue | None]] = {}  # type → (end, cue or None if dropped) of its last noun
    for m in matches:
        start, end = m.start(), m.end()
        if any(a <= start < b or a < end <= b for a, b in excluded):
            continue
        core = (
            " ".join(m.group("core").lower().split())
            if book.lang == "en"
            else " ".join(m.group("core").split())
        )
        pre = m.group("pre")
        core_start = m.start("core")
        if core in book.opening_only and view.tokens and view.tokens[0][1] < core_start:
            previous_end = end
            continue
        suffix = view.text[m.end("core") : end]
        entries = book.index.get(core, ())
        if book.lang == "ar" and suffix not in _AR_VERB_ENDINGS and entries and all(v for _t, v in entries):
            previous_end = end
            continue  # "وزارة" is not the verb زار, "طالبان" not طالب
        for event_type, verb_form in entries:
            spec = book.specs[event_type]
            if core in book.launched:
                if not _launched(spec, _window(view, core_start, spec.launch_window, True), book.lang):
                    continue  # a weapon named, not fired
                cue = Cue(event_type, spec.priority, core_start, end, True)
                cues.append(cue)
                described.pop(event_type, None)
                continue  # "أطلقت طائرة مسيرة فجر أمس صاروخا": the launch is the deed
            noun = described.get(event_type)
            if verb_form and noun is not None and _describes(view, noun[0], core_start):
                # "هجوم انتحاري استهدف مبنى": the verb describes the noun before it (an Arabic
                # relative clause after an indefinite noun has no pronoun): it is that mention
                if noun[1] is not None:
                    cues.append(
                        Cue(event_type, spec.priority, core_start, end, False, noun[1].future,
                            noun[1].relative, noun[1].background, noun[1].accompanying,
                            noun[1].anaphoric, noun[1].definite)
                    )
                continue
            if (
                not verb_form
                and noun is not None
                and noun[1] is None
                and book.specs[event_type].realized
                and _LIST_JOINT.match(view.text[noun[0] : core_start])
            ):
                continue  # "جرائم القتل والاغتصاب": listed with a noun dropped as generic
            described[event_type] = (end, None)
            predicate = (
                verb_form
                and "ة" not in suffix
                and _verb_reading(view, book, pre, core_start)
                and not _has(book, "nominal", _window(view, core_start, win.get("nominal", 1)))
            )
            cue = Cue(event_type, spec.priority, core_start, end, predicate)
            neg = _window(view, core_start, win.get("negation", 2))
            if book.negation_exceptions is not None:
                neg = book.negation_exceptions.sub(" ", neg)
            if _has(book, "negation", neg):
                continue
            if _has(book, "hypothetical", _window(view, core_start, win.get("hypothetical", 4))) or _has(
                book, "hypothetical", _after(view, end, 2)
            ):
                continue
            wide = _window(view, core_start, win.get("negation", 2) + 3)
            if _has(book, "light_verbs", wide) and _has(book, "negation", wide):
                continue  # "لم تتعرض القافلة لأي هجوم": a negated light verb
            if event_type != "threaten" and _has(
                book, "threat", _window(view, core_start, win.get("threat", 4))
            ):
                continue
            if _has(book, "cancel", _window(view, core_start, win.get("cancel", 2))):
                continue
            if spec.realized and (
                _has(book, "attempt", _window(view, core_start, win.get("attempt", 2)))
                or _has(book, "accused", _window(view, core_start, win.get("accused", 2)))
                or _has(book, "generic", _window(view, core_start, win.get("generic", 2)))
                or _has(book, "generic", _after(view, end, win.get("generic_after", 2)))
                or _has(book, "aggregate_after", _after(view, end, win.get("aggregate_after", 6)))
                or _has(book, "idiom_after", _after(view, end, win.get("idiom_after", 3)))
                or (
                    book.lang == "ar"
                    and suffix in _AR_POSSESSIVE
                    and _has(book, "judged_after", _after(view, end, win.get("judged_after", 1)))
                )
            ):
                continue  # "محاولة اغتيال", "عمليات القتل" talked about in general; "خطف المهاجم الفوز"
            cue.future = (
                (book.lang == "ar" and "س" in pre and verb_form)
                or _has(book, "future", _window(view, core_start, win.get("future", 3)))
                or _has(book, "future_after", _after(view, end, 2))
                or (
                    spec.plans is not None
                    and bool(spec.plans.search(_window(view, core_start, win.get("future", 3))))
                )
            )
            if cue.future and spec.realized:
                continue
            between = view.text[previous_end:core_start]
            cue.relative = (
                _has(book, "relative", _window(view, core_start, win.get("relative", 3)))
                or (
                    previous_end > 0
                    and not _CLAUSE_BREAK.search(between)
                    and _has(book, "relative", " " + between + " ")
                )
                or _in_relative_clause(view, book, core_start)
            )
            cue.background = _has(book, "background", _window(view, core_start, win.get("background", 2)))
            cue.accompanying = _has(
                book, "accompanying", _window(view, core_start, win.get("accompanying", 2))
            )
            cue.anaphoric = _has(book, "anaphora", _window(view, core_start, win.get("anaphora", 1)))
            cue.definite = (
                "ال" in pre
                or core.startswith("ال")
                or (book.lang == "en" and " the " in _window(view, core_start, 1))
            )
            if cue.relative or cue.background:
                cue.predicate = False
            elif not cue.predicate and _has(
                book, "light_verbs", _window(view, core_start, win.get("light_verb", 3), True)
            ):
                cue.predicate = True
            elif (
                not cue.predicate
                and book.lang == "ar"
                and "ب" in pre
                and _has(book, "light_verbs_bi", _window(view, core_start, win.get("light_verbs_bi", 8)))
            ):
                cue.predicate = True  # "قام عشرة جنود ... باغتصابها": قام with its subject, then بـ + the deed
            elif cue.predicate and book.lang == "ar" and not pre and _object_of_verb(view, book, cues, core_start):
                cue.predicate = False  # "دان جعجع خطف زياد": the verbal noun is the object
            cues.append(cue)
            if cue.predicate:
                described.pop(event_type, None)  # a verb, not a noun that later words could describe
            else:
                described[event_type] = (end, cue)
        previous_end = end
    return _drop_listed_kinds(view, book, cues)


_LIST_JOINT = re.compile(r"^\s*[,،]?\s*و(?:ال|بال|لل|ب|ل)?$")


def _launched(spec: TypeSpec, before: str, lang: str) -> bool:
    """A launching verb among the words before a weapon, not the opening of a time expression ("فجر
    اليوم" is dawn, "فجر المهاجمون" detonated)."""
    if spec.launch_verbs is None:
        return False
    for m in spec.launch_verbs.finditer(before):
        rest = before[m.start() :].strip()
        if not any(e.start_char == 0 for e in dates.find_time_expressions(rest, _ANY_DAY, lang)):
            return True
    return False


_ANY_DAY = date(2000, 1, 1)


def _drop_listed_kinds(view: SentenceView, book: CueBook, cues: list[Cue]) -> list[Cue]:
    """Nouns of one realized type listed together ("القتل والاغتيال والخطف") name kinds of violence,
    not an event: all of them are dropped."""
    listed: set[int] = set()
    reach = book.windows.get("kinds", 0)
    if reach and book.modality.get("kinds") is not None:
        # "حدد التقرير أنواع العنف: الضرب والاعتداء والخطف": definite nouns after "kinds of" are kinds
        for i, c in enumerate(cues):
            if (
                not c.predicate
                and c.definite
                and book.specs[c.type].realized
                and _has(book, "kinds", _window(view, c.start, reach, True))
            ):
                listed.add(i)
    for i, (a, b) in enumerate(zip(cues, cues[1:], strict=False)):
        if (
            a.type == b.type
            and not a.predicate
            and not b.predicate
            and book.specs[a.type].realized
            and _LIST_JOINT.match(view.text[a.end : b.start])
        ):
            listed.update((i, i + 1))
    return [c for i, c in enumerate(cues) if i not in listed] if listed else cues


_CLAUSE_END = re.compile(r"[,;:؛،]")


def _object_of_verb(view: SentenceView, book: CueBook, cues: list[Cue], pos: int) -> bool:
    """An Arabic verb does not follow another verb of its clause without a conjunction, "أن" or a
    subordinator ("حين", "حيث", "ما"): a verb form found there is a verbal noun, the first verb's
    object ("دان الحزب خطف السائحين")."""
    verbs = [c for c in cues if c.predicate and c.end <= pos]
    if not verbs:
        return False
    between = view.text[verbs[-1].end : pos]
    if _CLAUSE_END.search(between) or (book.complementizers and book.complementizers.search(between)):
        return False
    if _has(book, "subordinators", " " + between + " "):
        return False
    return not any(w.startswith(("و", "ف")) for w in between.split())


def _describes(view: SentenceView, noun_end: int, verb_start: int) -> bool:
    """A verb within three words after a noun of its type, in the same clause."""
    between = view.text[noun_end:verb_start]
    return not _CLAUSE_BREAK.search(between) and len(between.split()) <= 3


def _in_relative_clause(view: SentenceView, book: CueBook, pos: int) -> bool:
    """A relative pronoun earlier in the cue's clause, with no "أن"/"that" after it: the cue is told
    inside the relative clause ("النائب الذي قتل في تفجير استهدف موكبه")."""
    reach = book.windows.get("relative_scope", 0)
    pattern = book.modality.get("relative")
    if not reach or pattern is None:
        return False
    before = _window(view, pos, reach)
    last = None
    for m in pattern.finditer(before):
        last = m
    if last is None:
        return False
    rest = before[last.end() :]
    return not (book.complementizers is not None and book.complementizers.search(rest))


def _verb_reading(view: SentenceView, book: CueBook, pre: str, core_start: int) -> bool:
    """A verb-form cue reads as a verb: no preposition or article glued on (Arabic), no determiner
    before it (English)."""
    if book.lang == "ar":
        return not _AR_PREPOSITION_CLITIC.search(pre)
    before = _window(view, core_start, 1).split()
    return not (before and before[-1] in _EN_DETERMINERS)


def _anchored(
    view: SentenceView, spec: TypeSpec, cue: Cue, day_spans: list[tuple[int, int]], kin: Iterable[Cue] = ()
) -> bool:
    """A casualty-like anchor anywhere in the sentence, or a day-precise date in the cue's clause;
    for a verb cue also a supporting word (weapon, attacker, target). `kin`: the sentence's other cues
    of the type; a deed with its cause or means ("قتلوا جراء ضربة جوية", "مقتل شخص إثر انفجار") is
    anchored by it."""
    if spec.anchors is None:
        return True
    if spec.weak and spec.weak_support is not None and view.text[cue.start : cue.end] in spec.weak:
        # "خرج النائب من الكتلة", "تجمع اللجان": a crowd verb is a protest only with protesters (or a
        # crowd) nearby
        near = [t for t in view.tokens if abs(t[0] - cue.start) <= 120 and not (cue.start <= t[0] < cue.end)]
        if spec.weak_not is not None:
            # "احتشدت قوات الأمن", "الشرطة ... احتشدت": security forces massing are no protest
            i = bisect_left(view.starts, cue.start)
            lo_t, hi_t = view.tokens[max(0, i - 3)][0], view.tokens[min(len(view.tokens) - 1, i + 3)][1]
            if spec.weak_not.search(view.text, lo_t, hi_t):
                return False
        return bool(near) and any(
            not (cue.start <= m.start() < cue.end)
            for m in spec.weak_support.finditer(view.text, near[0][0], near[-1][1])
        )
    lo, hi = _clause_bounds(view.text, cue.start)
    if any(lo <= a < hi and (cue.predicate or 0 <= a - cue.end <= 40) for a, _b in day_spans):
        return True  # a verb dated in its clause; a noun with its own date ("الغارات الأخيرة")
    before = [t for t in view.tokens if t[1] <= cue.start][-_ANCHOR_REACH:]
    after = [t for t in view.tokens if t[0] >= cue.end][:_ANCHOR_REACH]
    lo = before[0][0] if before else cue.start
    hi = after[-1][1] if after else cue.end
    if not cue.predicate and spec.support is not None:  # "هجوم بعبوة ناسفة", "هجوم مسلح"
        close = [t for t in view.tokens if t[0] >= cue.end][:2]
        if close and spec.support.search(view.text, cue.end, close[-1][1]):
            return True
    close = [t for t in view.tokens if t[0] >= cue.end][:6]
    if len(close) > 1 and any(  # a word between: "شن هجوما" is one phrase, not a deed and its cause
        k is not cue
        and close[1][0] <= k.start <= close[-1][0]
        and not (k.relative or k.future)
        and not _CLAUSE_BREAK.search(view.text, cue.end, k.start)  # in the deed's own clause
        for k in kin
    ):
        return True
    patterns = [spec.anchors] + ([spec.support] if cue.predicate and spec.support is not None else [])
    return any(
        not (m.start() < cue.end and cue.start < m.end()) and lo <= m.start() < hi
        for p in patterns
        for m in p.finditer(view.text)
    )


def find_mode(text: str, event_type: str, book: CueBook) -> str | None:
    """The most specific mode whose cue appears in the text (the longest cue wins; first listed on a tie)."""
    best: tuple[int, str] | None = None
    for name, mode_type, pattern in book.modes:
        if mode_type != event_type or pattern is None:
            continue
        m = pattern.search(text)
        if m and (best is None or len(m.group()) > best[0]):
            best = (len(m.group()), name)
    return best[1] if best else None


# -- drafts -------------------------------------------------------------------------------------------
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
    position: int  # order of appearance in the article
    background: bool = False  # mentioned in passing, dated on its own
    paragraph: int = 0
    dated: bool = False  # the date came from the event's own words
    speaker_key: tuple[str, ...] = field(default=())
    # a mention of a past event, not the article's news: a noun dated on its own ("القصف الأخير") or
    # an event dated only by a vague or coarse past window ("خلال الأيام الماضية", "في 2006");
    # shown to users as the tag "background"
    mention: bool = False


def _dedupe_places(matches: list[PlaceMatch]) -> list[Place]:
    seen: dict[tuple[str | None, str], Place] = {}
    for m in matches:
        seen.setdefault((m.place.name_en, m.place.name), m.place)
    return list(seen.values())


_PARENS = re.compile(r"\s*\([^()]{0,80}\)")
_QUOTES = str.maketrans("", "", '«»"“”')


@cache
def _known_words(lang: str) -> frozenset[str]:
    """Words the cue book knows as they stand (cues, verbs, light verbs, continuations)."""
    book = cue_book(lang)
    data = load_data(f"cues_{lang}")
    words = set(book.index)
    for key in ("light_verbs",):
        words.update(_norm(str(w), lang) for w in (data.get("modality") or {}).get(key) or [])
    words.update(_norm(str(w), lang) for w in data.get("continuations") or [])
    return frozenset(w.split()[0] for w in words if w.strip())


def _drop_glued_conjunction(text: str, book: CueBook) -> str:
    """Arabic و/ف glued to a title's first word ("وتعرض رتل", "وأكدت مصادر", "والمنطقة"): dropped
    when what follows is a word the cue book knows, or a definite noun."""
    if book.lang != "ar" or not text or text[0] not in "وف":
        return text
    first = text.split(maxsplit=1)[0]
    rest = _norm(first[1:], "ar").strip("،,:؛;.")
    known = _known_words("ar")
    if rest in known or (rest.startswith("ال") and len(rest) >= 5) or (
        text[0] == "و" and "و" + rest in known and len(rest) >= 3
    ):
        return text[1:]
    return text


def make_title(sentence: str, book: CueBook, start: int = 0, limit: int = 14) -> str:
    """Headline-like: the event's own words from `start` (original offset), leading connectives and
    quote marks dropped, parentheses left out, cut at a clause."""
    text = _PARENS.sub("", sentence[start:]).translate(_QUOTES).strip(" ،,:؛;.-–—")
    for _ in range(3):
        if book.connectives is None:
            break
        folded = fold(text)
        probe = folded.text.lower() if book.lang == "en" else folded.text
        m = book.connectives.match(probe)
        if not m or m.end() == 0:
            break
        # an Arabic connective glued to the next word (و, ف) is only dropped as a whole word
        cut = folded.span(0, m.end())[1] if m.end() < len(folded.text) else len(text)
        if cut >= len(text):
            break
        text = text[cut:].strip(" ،,:؛;.-–—")
    text = _drop_glued_conjunction(text, book)
    words = text.split()
    cut_words: list[str] = []
    for word in words:
        cut_words.append(word)
        if len(cut_words) >= limit or (len(cut_words) >= 5 and word.endswith(("،", ",", ":", "؛", ";"))):
            break
    title = " ".join(cut_words).rstrip("،,:؛;.")
    if len(cut_words) < len(words):
        title += " …"
    if book.lang == "en" and title:
        title = title[0].upper() + title[1:]
    return title or sentence[:80]


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The comma-delimited clause of the (folded) sentence around `pos`."""
    left = max(text.rfind(",", 0, pos), text.rfind(";", 0, pos), text.rfind("،", 0, pos))
    rights = [i for i in (text.find(",", pos), text.find(";", pos), text.find("،", pos)) if i != -1]
    return left + 1, min(rights) if rights else len(text)


_EN_DATELINE_REACH = 200  # characters from the top of an English article's first sentence
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


# -- places: which ones are where the event happened ---------------------------------------------------
@dataclass(frozen=True)
class PlaceRoles:
    """builder/data/extract_places.yaml for one language, compiled."""

    not_location: re.Pattern[str] | None  # matched against the folded words before a place
    location: re.Pattern[str] | None
    territory: re.Pattern[str] | None  # "الاراضي السورية": group `adj` is the country's adjective
    adjective_dates: frozenset[str]
    modifier_after: re.Pattern[str] | None = None  # "the US-led coalition": matched right after a place
    joiner: str = "و"  # "بين طهران وبغداد", "Tehran and Baghdad": the second shares the first's role


@cache
def place_roles(lang: str) -> PlaceRoles:
    data = (load_data("extract_places") or {}).get(lang) or {}
    phrases = [w for words in (data.get("not_location") or {}).values() for w in words or []]

    flags = re.IGNORECASE if lang == "en" else 0

    def tail(words) -> re.Pattern[str] | None:
        alt = _alternation(words or [], lang)
        return re.compile(rf"(?<!\w)(?:{alt})\s*$", flags) if alt else None

    after = _alternation(data.get("modifier_after") or [], lang)

    nouns = _alternation(data.get("territory_nouns") or [], lang)
    territory = re.compile(rf"(?<!\w)(?:{nouns})\s+(?P<adj>ال\w+ي(?:ة|ين))(?!\w)") if nouns else None
    return PlaceRoles(
        tail(phrases),
        tail(data.get("location")),
        territory,
        frozenset(_norm(w, lang) for w in data.get("adjective_dates") or []),
        re.compile(rf"[-\s]?(?:{after})(?!\w)", flags) if after else None,
        _norm(data.get("joiner") or "و", lang),
    )


@cache
def _countries() -> dict[str, Place]:
    """Folded Arabic country name → its place (for "الأراضي السورية" → Syria)."""
    out: dict[str, Place] = {}
    for entry in gazetteer().entries:
        if entry.kind == "country" and entry.name_ar:
            out.setdefault(_norm(entry.name_ar, "ar"), entry.place("ar"))
    return out


def _country_of_adjective(adj: str) -> Place | None:
    """"السورية" → سوريا, "العراقية" → العراق, "الايرانية" → ايران (a nisba adjective's country)."""
    stem = re.sub(r"ي(?:ة|ين)$", "", adj[2:] if adj.startswith("ال") else adj)
    countries = _countries()
    for name in (stem, "ال" + stem, stem + "يا", stem + "ا"):
        if name in countries:
            return countries[name]
    return None


def _place_before(sentence: str, match: PlaceMatch, reach: int = 40) -> str:
    return " " + fold_text(sentence[max(0, match.start_char - reach) : match.start_char]).strip() + " "


def located_places(sentence: str, matches: list[PlaceMatch], lang: str) -> list[PlaceMatch]:
    """The places of the sentence that can be where something happened: a place named as a backer,
    partner, relation or addressee ("مدعومة من طهران", "تعاونت مع واشنطن", "backed by Iran") or
    modified after it ("the US-led coalition") is left out, and so is one joined by و / and to such a
    place; a land noun with a country's adjective ("داخل الأراضي السورية") adds that country."""
    roles = place_roles(lang)
    out: list[PlaceMatch] = []
    dropped_end = -1
    for m in matches:
        if roles.modifier_after is not None and roles.modifier_after.match(sentence, m.end_char):
            continue  # "the Britain-based Observatory": where the group sits, not where it happened
        before = _place_before(sentence, m)
        joined = dropped_end >= 0 and _norm(sentence[dropped_end : m.start_char], lang).strip() == roles.joiner
        if joined or (roles.not_location is not None and roles.not_location.search(before.rstrip())):
            dropped_end = m.end_char
            continue
        dropped_end = -1
        out.append(m)
    if roles.territory is not None:
        folded = fold(sentence)
        for t in roles.territory.finditer(folded.text):
            country = _country_of_adjective(t.group("adj"))
            if country is None:
                continue
            a, b = folded.span(t.start("adj"), t.end("adj"))
            if not any(p.place == country for p in out):
                out.append(PlaceMatch(country, sentence[a:b], a, b))
        out.sort(key=lambda p: p.start_char)
    return out


def _at_location(sentence: str, match: PlaceMatch, lang: str) -> bool:
    pattern = place_roles(lang).location
    return pattern is not None and bool(pattern.search(_place_before(sentence, match, 30).rstrip()))


def _cues_en(key: str) -> list:
    return (load_data("cues_en") or {}).get(key) or []


def _en_words(words: list, before: str, after: str) -> re.Pattern[str] | None:
    """A word list as one case-blind pattern between `before` and `after`."""
    if not words:
        return None
    alt = "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(before + "(?:" + alt + ")" + after, re.IGNORECASE)


@cache
def _en_credit() -> re.Pattern[str] | None:
    """A credit in brackets ("(Reuters Photo)", "(AFP)"): a time expression right before one dates a
    photo caption or a wire dateline, never the event. The reader's list (furniture.yaml)."""
    inline = ((load_data("furniture") or {}).get("inline") or {}).get("en") or {}
    credits = (inline.get("photo_credits") or []) + (inline.get("agencies") or [])
    return _en_words(credits, r"[\s.,]{0,3}\(", r"\)")


@cache
def _en_report_date() -> re.Pattern[str] | None:
    return _en_words(_cues_en("report_date_verbs"), r"(?<![\w'-])", r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$")


@cache
def _en_dated_noun() -> re.Pattern[str] | None:
    return _en_words(_cues_en("dated_nouns"), r"(?:['’]s)?\s+", r"(?![\w-])")


def _report_date(sentence: str, start: int) -> bool:
    """The expression follows a reporting verb: the day something was said ("said on Friday")."""
    verb = _en_report_date()
    return verb is not None and verb.search(sentence, max(0, start - 30), start) is not None


def _credit_follows(sentence: str, end: int) -> bool:
    """A photo credit or wire credit right after the expression: a caption's or a dateline's date."""
    credit = _en_credit()
    return credit is not None and credit.match(sentence, end) is not None


def _safe_times(text: str, published: date, lang: str) -> list[dates.TimeExpression]:
    try:
        return dates.find_time_expressions(text, published, lang)
    except NotImplementedError:  # the date engine is being written; sentences then inherit dates
        return []


class ArticleExtractor:
    """Turns one article into drafts. Holds the state that crosses sentences: the last main event
    (for continuations and inherited dates) and the last statement (to merge a speaker's quotes)."""

    def __init__(self, article: Article):
        self.article = article
        self.lang = article.lang if article.lang in ("ar", "en") else "ar"
        self.book = cue_book(self.lang)
        self.drafts: list[Draft] = []
        self.last_main: Draft | None = None

    def story_paragraphs(self) -> list[str]:
        """The article's paragraphs without teasers, app prompts and trailing headline lists."""
        book = self.book
        kept: list[str] = []
        for paragraph in self.article.paragraphs:
            head = paragraph[:60]
            key = _norm(head, self.lang).strip(" :.-–—") if len(paragraph) <= 60 else ""
            if key and key in book.not_story_headings:
                break  # a "read also" heading: the rest are teasers
            if book.not_story_prefixes is not None and book.not_story_prefixes.match(_norm(head, self.lang)):
                continue
            kept.append(paragraph)
        # short headline-like lines at the end (no closing punctuation) are related-story teasers
        while (
            len(kept) > 1
            and len(kept[-1].split()) <= 15
            and not kept[-1].rstrip().endswith((".", "!", "?", "؟", "»", '"', "”", ":"))
        ):
            kept.pop()
        return kept

    def run(self) -> list[Draft]:
        position = 0
        for p_index, paragraph in enumerate(self.story_paragraphs()):
            for start, end in split_sentences(paragraph):
                self._sentence(paragraph[start:end], position, p_index)
                position += 1
        return self.drafts

    # -- one sentence -----------------------------------------------------------------------------
    def _sentence(self, sentence: str, position: int, paragraph: int) -> None:
        book = self.book
        view = _view(sentence, self.lang)
        cues = find_cues(view, book)
        if not cues:
            return
        expressions = [
            e
            for e in _safe_times(sentence, self.article.published, self.lang)
            if not self._is_dateline(e, position) and not (self.lang == "en" and _credit_follows(sentence, e.end_char))
        ]
        day_spans = [
            self._folded_offset(view, e.start_char)
            for e in expressions
            if not e.future and (e.granularity in ("day", "week") or e.family == "vague")
        ]
        accepted = []
        question = sentence.rstrip(" »\"”'").endswith(("?", "؟"))
        for cue in cues:
            spec = book.specs[cue.type]
            if question and spec.realized:
                continue  # "وماذا لو ملأ المحتجون الشوارع؟": a question reports no deed
            if cue.anaphoric and spec.anchored and not cue.predicate:
                continue  # "هذه الهجمات": told already
            kin = [c for c in cues if c.type == cue.type and not spec.weak]
            if spec.anchored and not _anchored(view, spec, cue, day_spans, kin):
                continue
            accepted.append(cue)
        if not accepted:
            return
        main = self._main_cue(view, accepted)
        if main is None:
            return
        gaz = gazetteer()
        places = located_places(sentence, gaz.find(sentence, self.lang), self.lang)
        actor_matches = self._find_actors(sentence)
        actors = _actor_names(actor_matches)
        used_expr: set[int] = set()

        # background mentions dated in their own clause: their own events
        for cue in accepted:
            if cue is main or cue.predicate or cue.accompanying or not book.specs[cue.type].realized:
                continue
            lo_c, hi_c = sorted((cue.start, main.start))
            if cue.type == main.type and not _CLAUSE_BREAK.search(view.text, lo_c, hi_c):
                continue  # "قتل ثلاثة في هجوم": the main event's own noun, not a second event
            idx = self._own_expression(view, cue, expressions, used_expr)
            if idx is None:
                continue
            used_expr.add(idx)
            self._add_background(sentence, view, cue, expressions[idx], places, actors, position, paragraph)

        main_expr = self._main_expression(view, main, accepted, expressions, used_expr)
        continues = bool(book.continuation and book.continuation.match(view.text))
        dated = main_expr is not None
        during: Draft | None = None
        if main_expr is not None:
            start, end, approx, future, date_text = (
                main_expr.start,
                main_expr.end,
                main_expr.approximate,
                main_expr.future,
                main_expr.text,
            )
        elif (during := self._during(accepted, main)) is not None:
            # "دان ظريف خلال اللقاء": on the day of the meeting told before
            start, end, approx, future, date_text = (
                during.start,
                during.end,
                during.approximate,
                during.future,
                during.date_text,
            )
        elif self.last_main is not None and (continues or self.last_main.paragraph == paragraph):
            prev = self.last_main
            start, end, approx, future, date_text = (
                prev.start,
                prev.end,
                prev.approximate,
                prev.future,
                prev.date_text,
            )
        else:
            pub = self.article.published
            start, end, approx, future, date_text = pub, pub, True, False, None
        future = future or main.future
        if future and book.specs[main.type].realized:
            return
        places = self._own_places(view, main, places)
        if not places and during is not None:
            main_places = list(during.places)  # "دان ظريف خلال اللقاء": where the meeting was
        else:
            main_places = _dedupe_places(places)
        deep = self._told_in_passing(view, main, cues)
        # a window of the current week or month ("منتصف الشهر الجاري", "هذا الأسبوع") dates news, not a
        # recollection: only a vague window ("مؤخرا") or one that closed well before publication does
        recent_window = (
            main_expr is not None
            and main_expr.granularity in ("week", "month")
            and (end.year, end.month) == (self.article.published.year, self.article.published.month)
        )

        mode = find_mode(view.text, main.type, book)
        title_start = self._title_start(view, main)
        same_event = (
            main.type != "statement"
            and not dated
            and (continues or main.anaphoric or (main.definite and not main.predicate))
        )
        when = (start, end, approx, future, date_text)
        mention = (dated and approx and not future and not recent_window) or deep

        def draft(event_places, title, **extra) -> Draft:
            return Draft(main.type, mode, start, end, approx, future, date_text, [sentence], event_places,
                         actors, title, position, paragraph=paragraph, dated=dated, mention=mention, **extra)

        if (main.type == "statement" or same_event) and self._merge_into_last(
            main.type, sentence, actors, places, continues, dated, start, end, self._speakers(view, actor_matches)
        ):
            self._accompanying(sentence, view, accepted, main, places, actors, position, paragraph, when)
            return
        segments = self._target_segments(view, places, main) if main.type == "assault" else []
        if len(segments) > 1:
            for seg_places, seg_title in segments:
                self._add(draft(seg_places, seg_title))
            return
        self._add(draft(main_places, make_title(sentence, book, title_start), speaker_key=tuple(actors[:1])))
        self._accompanying(sentence, view, accepted, main, places, actors, position, paragraph, when)

    @staticmethod
    def _folded_offset(view: SentenceView, original: int) -> tuple[int, int]:
        import bisect

        i = bisect.bisect_left(view.folded.origin, original)
        return i, i

    def _is_dateline(self, expr, position: int) -> bool:
        if position != 0 or expr.start != self.article.published:
            return False
        if expr.start_char <= 4:
            return True
        # English copy: "Posted on April 2 2017 by …", "AFP Friday 20 Jun 2014 …" near the top is the
        # dateline (a full date with its year), not the date of the lead's event
        return (
            self.lang == "en"
            and expr.start_char <= _EN_DATELINE_REACH
            and expr.end == expr.start
            and _YEAR_IN.search(expr.text) is not None
        )

    def _main_cue(self, view: SentenceView, cues: list[Cue]) -> Cue | None:
        """The sentence's action. A sentence that opens with a reporting verb is a statement unless it
        reports a deed (a predicate, or an anchored noun such as an attack with its casualties)."""
        deeds = [c for c in cues if c.type != "statement" and c.predicate]
        if deeds:
            deed = max(deeds, key=lambda c: (c.priority, -c.start))
            if not self.book.specs[deed.type].realized:
                # "انطلقت مظاهرات ... ورفض": a deed noun told before a verbal event's verb is the news
                earlier = [
                    c
                    for c in cues
                    if c.start < deed.start
                    and c.priority > deed.priority
                    and self.book.specs[c.type].realized
                    and not (c.relative or c.background or c.anaphoric or c.accompanying)
                    and not any(  # not the object of a verb before it ("فرقت الشرطة مظاهرة")
                        p.predicate and p.end <= c.start and p.start >= _clause_bounds(view.text, c.start)[0]
                        for p in cues
                    )
                ]
                if earlier:
                    return max(earlier, key=lambda c: (c.priority, -c.start))
            return deed
        statements = [c for c in cues if c.type == "statement" and c.predicate]
        opening = statements and statements[0].start <= self._opening_limit(view)
        nouns = [
            c
            for c in cues
            if c.type != "statement" and not c.relative and not c.background and not c.accompanying
        ]
        anchored_nouns = [c for c in nouns if self.book.specs[c.type].anchored]
        if opening:
            if anchored_nouns:
                return max(anchored_nouns, key=lambda c: (c.priority, -c.start))
            return statements[0]
        if nouns:
            return max(nouns, key=lambda c: (c.priority, -c.start))
        if statements:
            return statements[0]
        return None

    def _opening_limit(self, view: SentenceView) -> int:
        """Offset of the end of the sentence's first three words (after a connective)."""
        tokens = view.tokens[:3]
        return tokens[-1][1] if tokens else 0

    def _title_start(self, view: SentenceView, main: Cue) -> int:
        """Reported deeds ("وقال مصدر إن مسلحين هاجموا") are titled from what was reported."""
        if main.type == "statement" or self.book.complementizers is None:
            return 0
        best = None
        for m in self.book.complementizers.finditer(view.text, 0, main.start):
            best = m
        if best is None:
            return 0
        head = view.text[: best.start()]
        if (
            not any(
                c.type == "statement"
                for c in find_cues(
                    _view(view.folded.original[: view.folded.span(0, best.start())[1]], self.lang), self.book
                )
            )
            and len(head.split()) > 8
        ):
            return 0
        return view.folded.span(best.end(), best.end() + 1)[0] if best.end() < len(view.text) else 0

    def _main_expression(self, view: SentenceView, main: Cue, cues: list[Cue], expressions, used: set[int]):
        """The main event's date: a time expression in its clause; failing that (not for a statement,
        whose reported words carry other dates) one that no other cue of the sentence holds."""
        lo, hi = _clause_bounds(view.text, main.start)
        lo_o, hi_o = view.folded.span(lo, hi) if hi > lo else (0, 0)
        free = [
            (i, e)
            for i, e in enumerate(expressions)
            if i not in used and not self._object_bound(view, main, cues, e)
        ]
        if self.lang == "en" and main.type != "statement":
            # "… were killed, a monitor said Friday": the report's day dates the deed only when the
            # sentence has no other, and then as approximate (on or shortly before it)
            told = [(i, e) for i, e in free if _report_date(view.folded.original, e.start_char)]
            if told and len(told) < len(free):
                free = [pair for pair in free if pair not in told]
            elif told:
                free = [(i, replace(e, approximate=True)) for i, e in free]
        for _i, expr in free:
            if lo_o <= expr.start_char < hi_o:
                return expr
        if main.type == "statement":
            return None
        others = [view.folded.span(c.start, c.end) for c in cues if c is not main]
        for _i, expr in free:
            if not any(0 <= expr.start_char - b <= 40 for _a, b in others):
                return expr
        return None

    def _told_in_passing(self, view: SentenceView, main: Cue, cues: list[Cue]) -> bool:
        """A deed (of an anchored type) told deep inside its clause is mentioned in passing, not
        reported: Arabic news opens the clause with what happened ("قتل ثلاثة ...", "قال مصدر إن
        مسلحين هاجموا ..."). True when every mention of the type (its cues, and its `report_heads` such
        as the protesters) lies more than `report_window` words after the clause's opening (the
        sentence's start, an "أن", an open quote or a colon)."""
        spec = self.book.specs[main.type]
        reach = self.book.windows.get("report", 0)
        if not reach or not spec.anchored:
            return False
        starts = [self._head(view, c) for c in cues if c.type == main.type and not (c.relative or c.background)]
        starts = starts or [self._head(view, main)]
        if spec.heads is not None:
            starts += [m.start() for m in spec.heads.finditer(view.text)]
        opening = view.text[: view.tokens[1][1]] if len(view.tokens) > 1 else view.text
        if _has(self.book, "light_verbs", " " + opening + " "):
            starts.append(0)  # "وتعرض رتل ينقل معدات للتحالف، السبت، إلى هجوم": the light verb opens it
        # after an opinion, a reaction or an inquiry ("اعتبر أن الاعتداء ...", "دان الحزب الهجوم",
        # "تواصلت التحقيقات في التفجير") a deed is commented on, not reported
        commentary = self.book.modality.get("commentary")
        judged = [m.start() for m in commentary.finditer(view.text)] if commentary is not None else []
        first_judgement = min(judged, default=len(view.text))
        return all(self._clause_depth(view, at) > reach or at > first_judgement for at in starts)

    def _head(self, view: SentenceView, cue: Cue) -> int:
        """Where the cue's phrase opens: at the light verb that makes a noun the action ("تعرض رتل ...
        إلى هجوم"), else at the cue."""
        pattern = self.book.modality.get("light_verbs")
        if not cue.predicate or pattern is None:
            return cue.start
        before = _window(view, cue.start, self.book.windows.get("light_verb", 3), True)
        m = pattern.search(before)
        return cue.start - (len(before) - 1 - m.start()) if m else cue.start

    def _clause_depth(self, view: SentenceView, at: int) -> int:
        """Words between the opening of the clause holding `at` and `at`, parentheses left out; a short
        fronted phrase ("وفي سامراء (120 كلم شمال بغداد)، أعلنت ...") does not count."""
        text = view.text
        base = 0
        comma = min((i for i in (text.find(","), text.find("،")) if i != -1), default=-1)
        if 0 <= comma < at and len(_PARENS.sub(" ", text[:comma]).split()) <= 4:
            base = comma + 1
        if self.book.complementizers is not None:
            for m in self.book.complementizers.finditer(text, 0, at):
                base = m.end()
        base = max(base, text.rfind("«", 0, at) + 1, text.rfind(":", 0, at) + 1)
        return len(_PARENS.sub(" ", text[base:at]).split())

    def _own_places(self, view: SentenceView, main: Cue, places: list[PlaceMatch]) -> list[PlaceMatch]:
        """A verbal event (a statement, a condemnation) does not happen where the thing it talks about
        happened: places inside a relative clause after its verb ("دان الغارات التي استهدفت ... في
        البوكمال") are left to that thing."""
        if self.lang != "ar" or self.book.specs[main.type].realized or self.book.modality.get("relative") is None:
            return places  # (English "that" is also the complementizer of reported speech)
        out = []
        for p in places:
            at = self._folded_offset(view, p.start_char)[0]
            if at > main.end and _has(self.book, "relative", " " + view.text[main.end : at] + " "):
                continue
            out.append(p)
        return out

    def _during(self, cues: list[Cue], main: Cue) -> Draft | None:
        """The event told before that the sentence's main event happened during ("خلال اللقاء")."""
        for cue in cues:
            if cue is main or not cue.accompanying:
                continue
            for draft in reversed(self.drafts):
                if draft.type == cue.type and not draft.future:
                    return draft
        return None

    def _object_bound(self, view: SentenceView, main: Cue, cues: list[Cue], expr) -> bool:
        """A time expression that dates what the main event talks about, not the main event: an
        adjective such as "الأخيرة" after a noun that is not the main event's ("دان الغارات الأخيرة"),
        or, for a verbal event (a statement, a condemnation), anything inside a relative clause after
        it ("أكد دعمه في التصدي للهجمات التي شهدتها البلاد أخيراً")."""
        at = self._folded_offset(view, expr.start_char)[0]
        if _norm(expr.text, self.lang) in place_roles(self.lang).adjective_dates:
            before = [c for c in cues if c.end <= at]
            nearest = max(before, key=lambda c: c.end) if before else None
            if nearest is None or (nearest is not main and nearest.type != main.type):
                return True
        noun = _en_dated_noun() if self.lang == "en" else None
        if noun is not None and (m := noun.match(view.folded.original, expr.end_char)) is not None:
            # "a June 3 poll": the date of the poll; it dates the main event only when the noun is one
            # of its cues ("the March 15 attack killed nine")
            noun_at = self._folded_offset(view, m.end() - 1)[0]
            if not any(c.start <= noun_at < c.end and c.type == main.type for c in (main, *cues)):
                return True
        if self.lang == "ar" and main.end <= at and not self.book.specs[main.type].realized:
            # (English "that" is also the complementizer of reported speech)
            return _has(self.book, "relative", " " + view.text[main.end : at] + " ")
        return False

    def _own_expression(self, view: SentenceView, cue: Cue, expressions, used: set[int]) -> int | None:
        """Index of a past time expression inside the cue's clause (after the cue or just before it)."""
        lo, hi = _clause_bounds(view.text, cue.start)
        lo_o, hi_o = view.folded.span(lo, hi) if hi > lo else (0, 0)
        for i, expr in enumerate(expressions):
            if i in used or expr.future:
                continue
            if lo_o <= expr.start_char < hi_o and expr.end < self.article.published:
                return i
        return None

    def _add_background(self, sentence, view, cue, expr, places, actors, position, paragraph) -> None:
        lo, hi = _clause_bounds(view.text, cue.start)
        lo_o, hi_o = view.folded.span(lo, hi)
        # the places after the mention often name where it happened
        cue_o = view.folded.span(cue.start, cue.end)[0]
        clause_places = [p for p in places if cue_o <= p.start_char < hi_o] or [
            p for p in places if lo_o <= p.start_char < hi_o
        ]
        head = cue.start - 2 if view.text[max(0, cue.start - 2) : cue.start] == "ال" else cue.start
        clause = sentence[view.folded.span(head, cue.end)[0] :]
        mode = find_mode(view.text[cue.start :], cue.type, self.book) if cue.type else None
        self._add(
            Draft(
                cue.type,
                mode,
                expr.start,
                expr.end,
                expr.approximate,
                False,
                expr.text,
                [sentence],
                _dedupe_places(clause_places),
                actors,
                make_title(clause, self.book),
                position,
                background=True,
                paragraph=paragraph,
                dated=True,
                mention=True,
            )
        )

    def _accompanying(self, sentence, view, cues, main, places, actors, position, paragraph, when) -> None:
        """Events voiced during the main one ("خلال اللقاء") and second deeds of the sentence."""
        seen = {main.type}
        start, end, approx, future, date_text = when
        for cue in cues:
            if cue is main or cue.type in seen or cue.type == "statement":
                continue
            if not (cue.accompanying or (cue.predicate and not cue.relative)):
                continue
            seen.add(cue.type)
            spec = self.book.specs[cue.type]
            if (future or cue.future) and spec.realized:
                continue
            told = self._during([cue], main) if cue.accompanying and cue.definite else None
            if told is not None and told.start <= end and start <= told.end:
                # "خلال اللقاء", "خلال لقائه": the meeting told already, one more quote of it
                if sentence not in told.quotes:
                    told.quotes.append(sentence)
                continue
            cue_o = view.folded.span(cue.start, cue.end)[0]
            mode = find_mode(view.text, cue.type, self.book)
            draft = Draft(
                cue.type,
                mode,
                start,
                end,
                approx,
                future or cue.future,
                date_text,
                [sentence],
                _dedupe_places(places),
                actors,
                make_title(sentence[cue_o:], self.book),
                position,
                background=True,
                paragraph=paragraph,
                # "ظهرت أثناء تجمع في عمان": a protest or an attack as the backdrop is not reported
                # ... and a second deed told deep inside its clause is mentioned in passing, as a main one
                mention=spec.anchored and (cue.accompanying or self._told_in_passing(view, cue, cues)),
            )
            self.drafts.append(draft)

    def _target_segments(self, view: SentenceView, places: list[PlaceMatch], main: Cue):
        """A list of targets after an assault cue ("… استهدفت مطار أربيل، والمنطقة الخضراء، وقاعدة بلد")
        is one attack per target: each comma segment that opens with a place."""
        folded = view.folded
        segments = []
        bounds = [0] + [m.end() for m in re.finditer(r"[,;]", folded.text)] + [len(folded.text)]
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            if hi <= main.start:
                continue
            lo_o, hi_o = folded.span(lo, hi)
            inside = [p for p in places if lo_o <= p.start_char < hi_o]
            if not inside:
                continue
            head = folded.original[lo_o : inside[0].start_char]
            if lo > main.start and len(fold_text(head).strip(" و")) > 3:
                continue  # the segment does not open with a place
            first = inside[0]
            if not segments:
                # the words from the cue to the first target ("هجمات بالصواريخ استهدفت") head every title
                cue_start = folded.span(main.start, main.end)[0]
                title_head = folded.original[min(cue_start, first.start_char) : first.start_char].strip(" ،,")
            title = make_title(f"{title_head} {first.text}" if title_head else first.text, self.book)
            segments.append((_dedupe_places(inside), title))
        return segments

    def _merge_into_last(
        self, event_type, sentence, actor_names, places, continues, dated, start, end, speakers=()
    ) -> bool:
        """A speaker's consecutive statements on the same day (or a continuation of the same event)
        become one event with several quotes."""
        last = self.last_main
        if last is None or last.type != event_type or last.background:
            return False
        if dated and (start > last.end or end < last.start):
            return False  # another day: another statement
        new_speaker = (
            speakers
            and last.actors
            and not set(speakers) & set(last.actors) | set(last.speaker_key)
            and not continues
        )
        if new_speaker:
            return False
        new_places = _dedupe_places(places)
        if (
            event_type != "statement"
            and new_places
            and last.places
            and not set(new_places) & set(last.places)
        ):
            return False  # the same kind of event somewhere else
        last.quotes.append(sentence)
        last.actors.extend(a for a in actor_names if a not in last.actors)
        last.places.extend(p for p in new_places if p not in last.places)
        return True

    def _speakers(self, view: SentenceView, matches: list[ActorMatch]) -> list[str]:
        """The actors named before what they said (before the first "أن"/"that")."""
        cut = len(view.folded.original)
        if self.book.complementizers is not None:
            m = self.book.complementizers.search(view.text)
            if m:
                cut = view.folded.span(m.start(), m.end())[0]
        return _actor_names([a for a in matches if a.start_char < cut])

    def _find_actors(self, sentence: str) -> list[ActorMatch]:
        lexicon = actor_lexicon()
        if lexicon is None:
            return []
        try:
            return lexicon.find(sentence, self.lang)
        except NotImplementedError:
            return []

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


# -- ids and events ------------------------------------------------------------------------------------
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def event_id(draft: Draft, date_value: str) -> str:
    where = next((p.name_en for p in draft.places if p.name_en and p.country is not None), None)
    where = where or next((p.name_en for p in draft.places if p.name_en), None)
    parts = [date_value, slug(where) if where else "", draft.type, draft.mode or ""]
    return "-".join(p for p in parts if p)[:100].strip("-")


def _merge_same_event(drafts: list[Draft]) -> list[Draft]:
    """Within one article: a background mention of an event told elsewhere in it (same type, modes of
    one family, dates that overlap, places that agree) is that event, not a second one: "the recent
    US strike" named in three sentences is one strike; the meeting during a visit is the visit."""
    out: list[Draft] = []
    for draft in drafts:
        target = None
        if draft.background:
            for other in out:
                if (
                    other.type == draft.type
                    and other.future == draft.future
                    and _modes_agree(other.mode, draft.mode)
                    and other.start <= draft.end
                    and draft.start <= other.end
                    and _places_agree(other.places, draft.places)
                ):
                    target = other
                    break
        if target is None:
            out.append(draft)
            continue
        target.quotes.extend(q for q in draft.quotes if q not in target.quotes)
        target.places.extend(p for p in draft.places if p not in target.places)
        target.actors.extend(a for a in draft.actors if a not in target.actors)
        target.mode = target.mode or draft.mode
        target.mention = target.mention and draft.mention
        if target.approximate and not draft.approximate:
            target.start, target.end, target.approximate = draft.start, draft.end, False
            target.date_text = draft.date_text
    return out


@cache
def _mode_families() -> dict[str, str]:
    data = load_data("extract_merge") or {}
    return {m: name for name, modes in (data.get("mode_families") or {}).items() for m in modes or []}


def _modes_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    families = _mode_families()
    return a in families and families.get(a) == families.get(b)


@cache
def _country_codes() -> frozenset[str]:
    """Country names (English) of the gazetteer: a place that is a whole country."""
    return frozenset(p.name_en for p in _countries().values() if p.name_en)


def _places_agree(a: list[Place], b: list[Place]) -> bool:
    """No places on one side, a shared place, or a country on one side holding a place of the other
    (Syria and Al-Bukamal; Iran and Tehran)."""
    if not a or not b:
        return True
    keys_a = {p.name_en or p.name for p in a}
    if keys_a & {p.name_en or p.name for p in b}:
        return True
    countries = _country_codes()
    for x, y in ((a, b), (b, a)):
        held = {p.country for p in x if p.name_en in countries and p.country}
        if any(p.country in held and p.name_en not in countries for p in y):
            return True
    return False


def extract_events(article: Article) -> list[Event]:
    """Every event in the article, in order of appearance, with stable ids."""
    drafts = _merge_same_event(ArticleExtractor(article).run())
    events: list[Event] = []
    used: set[str] = set()
    for draft in drafts:
        date_value, until = format_partial_date(draft.start, draft.end)
        base = event_id(draft, date_value)
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        events.append(
            Event(
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
                tags=["background"] if draft.mention else [],
                sources=[
                    Source(
                        article=article.path,
                        outlet=article.outlet,
                        published=article.published,
                        url=article.url,
                        quote=" ".join(draft.quotes),
                        date_text=draft.date_text,
                    )
                ],
            )
        )
    return events


# -- many articles ---------------------------------------------------------------------------------
PARALLEL_MIN = 50  # below this many articles a process pool costs more than it saves


def _extract_path(
    path: Path, root: Path | None, bodies: bool = True
) -> tuple[Path, Article | ArticleError, list[Event]]:
    try:
        article = read_article(path, root=root)
    except ArticleError as exc:
        return path, exc, []
    events = extract_events(article)
    if not bodies:  # the caller needs the article's metadata only: do not ship its text back
        article = replace(article, text="", paragraphs=())
    return path, article, events


def _extract_chunk(
    paths: list[Path], root: Path | None, bodies: bool = True
) -> list[tuple[Path, Article | ArticleError, list[Event]]]:
    return [_extract_path(p, root, bodies) for p in paths]


def _warm() -> None:
    """Load the lexicons once per worker process, before its first article."""
    for lang in ("ar", "en"):
        cue_book(lang)
    gazetteer()
    actor_lexicon()


def _same_bytes(paths: list[Path]) -> tuple[dict[Path, Path], dict[Path, str]]:
    """(copies, digests): each file whose bytes equal an earlier file's → that earlier file (the same
    story saved twice, a mirror of a folder), which is read and extracted once; and the sha256 of
    every readable file. Unreadable files are left to the reader."""
    first: dict[str, Path] = {}
    copies: dict[Path, Path] = {}
    digests: dict[Path, str] = {}
    for path in paths:
        try:
            digest = digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
        copies_of = first.setdefault(digest, path)
        if copies_of is not path:
            copies[path] = copies_of
    return copies, digests


def _as_copy(
    result: tuple[Path, Article | ArticleError, list[Event]], path: Path, root: Path | None
) -> tuple[Path, Article | ArticleError, list[Event]]:
    """The result of a file with the same bytes, told of `path`: only the article path differs."""
    _first, article, events = result
    if isinstance(article, ArticleError):
        return _extract_path(path, root)  # its message names the file; a read error costs nothing
    rel = relative_path(path, root)
    # new lists, so no two events share one (places are frozen and may be shared)
    return path, replace(article, path=rel), [
        e.model_copy(update={
            "actors": list(e.actors), "places": list(e.places), "tags": list(e.tags),
            "sources": [s.model_copy(update={"article": rel}) for s in e.sources],
        })
        for e in events
    ]


def extract_many(
    paths: Iterable[Path],
    root: Path | None = None,
    workers: int | None = None,
    chunksize: int = 32,
    bodies: bool = True,
    cache: ExtractionCache | None = None,
) -> Iterator[tuple[Path, Article | ArticleError, list[Event]]]:
    """Read and extract every article, in the order given: (path, article or its read error, events).

    Files with the same bytes are extracted once and told apart by their path. Big batches go to a
    pool of `workers` processes (default: one per CPU) in chunks of `chunksize` articles; under
    PARALLEL_MIN articles, or with workers=1, it runs in this process. With bodies=False the
    articles come back without `text` and `paragraphs` (path, title, date, sha256 and the rest are
    kept): less to send back from the workers when only the events are wanted; then `cache`, when
    given, supplies the articles it has seen and keeps the others.
    """
    paths = list(paths)
    copies, digests = _same_bytes(paths)
    cached: dict[Path, tuple[Path, Article, list[Event]]] = {}
    if cache is not None and not bodies:
        for path in paths:
            if path not in copies and path in digests:
                hit = cache.get(digests[path], relative_path(path, root))
                if hit is not None:
                    cached[path] = (path, *hit)
    todo = [p for p in paths if p not in copies and p not in cached]
    fresh = iter(_extract_unique(todo, root, workers, chunksize, bodies))
    originals = set(copies.values())
    done: dict[Path, tuple[Path, Article | ArticleError, list[Event]]] = {}
    for path in paths:
        if path in copies:
            yield _as_copy(done[copies[path]], path, root)
            continue
        result = cached.get(path)
        if result is None:
            result = next(fresh)
            if cache is not None and not bodies and not isinstance(result[1], ArticleError):
                cache.put(result[1], result[2])
        if path in originals:
            done[path] = result
        yield result
    if cache is not None:
        cache.save()


def _extract_unique(
    paths: list[Path], root: Path | None, workers: int | None, chunksize: int, bodies: bool
) -> Iterator[tuple[Path, Article | ArticleError, list[Event]]]:
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    if workers == 1 or len(paths) < PARALLEL_MIN:
        for path in paths:
            yield _extract_path(path, root, bodies)
        return
    chunks = [paths[i : i + chunksize] for i in range(0, len(paths), chunksize)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm) as pool:
        for results in pool.map(_extract_chunk, chunks, [root] * len(chunks), [bodies] * len(chunks)):
            yield from results
