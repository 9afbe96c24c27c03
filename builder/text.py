"""Arabic-aware text helpers shared by every extractor: folding for matching, sentences, language.

Matching runs on a *folded* copy of the text (digits to ASCII, hamza-alef forms to bare alef, alef
maqsura to ya, no tatweel or diacritics). `Folded.span` maps a match on the folded copy back to
the original characters, so quotes and date words are always cut from what the article says.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import load_data

_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {
    ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")
}
_LETTERS = {ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا", ord("ى"): "ي"}
_PUNCT = {ord("،"): ",", ord("؛"): ";", ord("؟"): "?", ord("٪"): "%", ord("\u00a0"): " "}
_FOLD_TABLE = _DIGITS | _LETTERS | _PUNCT
# tatweel, harakat, superscript alef, Quranic marks, zero-width and direction marks
_DROP = re.compile("[\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[A-Za-z]")


class _Origin:
    """Folded index → original index. Folding only drops characters (at `drops`) and maps the
    others one to one, so the map is the identity shifted past each dropped character: kept as
    the drop positions (bisect) instead of a tuple as long as the text."""

    __slots__ = ("cuts", "size")

    def __init__(self, drops: list[int], size: int) -> None:
        self.cuts = [d - i for i, d in enumerate(drops)]  # folded position before which each drop sat
        self.size = size

    def __getitem__(self, index: int) -> int:
        return index + bisect_right(self.cuts, index) if self.cuts else index

    def __len__(self) -> int:
        return self.size


@dataclass(frozen=True)
class Folded:
    """A folded copy of a text and, for each of its characters, the index in the original."""

    original: str
    text: str
    origin: _Origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded slice [start, end)."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD_TABLE) + "]")


def _map_char(m: re.Match[str]) -> str:
    return _FOLD_TABLE[ord(m.group())]


@lru_cache(maxsize=256)
def fold(text: str) -> Folded:
    """Fold `text` for matching (see module doc); keeps an index back to the original.

    Cached: the date engine, the gazetteer, the actor lexicon and the extractor fold the same
    sentences. Text that is not in NFC is normalised first, and offsets then refer to the NFC form.
    """
    if text.isascii():
        return Folded(text, text, _Origin([], len(text)))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    drops = [m.start() for m in _DROP.finditer(text)]
    kept = _DROP.sub("", text) if drops else text
    return Folded(text, _MAPPED.sub(_map_char, kept), _Origin(drops, len(kept)))


def fold_text(text: str) -> str:
    """Folded text only, for lexicon entries and quick comparisons."""
    return fold(text).text


def _after(abbreviations: set[str]) -> str:
    """A lookbehind alternation for "<abbreviation>." (one lookbehind per length: they are fixed-width)."""
    by_length: dict[int, list[str]] = {}
    for abbr in sorted(abbreviations):
        by_length.setdefault(len(abbr) + 1, []).append(re.escape(abbr + "."))
    return "|".join(rf"(?<=\b(?:{'|'.join(words)}))" for words in by_length.values()) or "(?!)"


@cache
def _sentence_end() -> re.Pattern[str]:
    """A sentence ends at . ! ? ؟ (before a space, a closing quote or the end) or a line break, unless
    the dot follows a single Latin capital (U.S., J. Smith) or an abbreviation of
    builder/data/abbreviations.yaml that the next word continues: a number or a lower-case word
    ("Nov. 14"), or any word after a title. A dot inside a number (3.5) has no space after it."""
    lower: set[str] = set()
    titles: set[str] = set()
    for table in load_data("abbreviations").values():
        lower.update((table or {}).get("before_number_or_lower", []))
        titles.update((table or {}).get("titles", []))
    if odd := [a for a in lower | titles if not isinstance(a, str)]:
        raise ValueError(f"abbreviations.yaml: {odd[0]!r} is not a word (YAML read it so: put it in quotes)")
    return re.compile(
        r"(?<!\b[A-Z])[.!?؟]+(?=[\s\"'»”)\]]|$)"
        # checked only after a dot matched, so the hot scan is as cheap as without abbreviations
        rf"(?!(?:{_after(lower)})\s+[a-z\d])(?!(?:{_after(titles)})\s+\w)"
        r"|\n+"
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _sentence_end().finditer(text):
        end = m.end() if m.group().strip() else m.start()
        # keep a closing quote or bracket with its sentence
        while end < len(text) and text[end] in "\"'»”)]":
            end += 1
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def detect_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en'."""
    sample = text[:5000]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    return "ar" if arabic >= latin and arabic > 0 else "en"
