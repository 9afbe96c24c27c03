"""Read articles: plain text as outlets publish it, or Markdown/text with YAML front matter.

The reader finds the title and the publication date, drops page furniture (font buttons, photo
captions, and the date, headline and agency glued to the first sentence of a flattened page),
decodes legacy encodings and detects the language. Problems raise `ArticleError`
naming the file (and line where there is one) and what to do.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from . import dates
from .lexicon import load_data
from .models import Article
from .text import detect_language, fold_text, split_sentences

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

# libyaml's parser when PyYAML has it (the same safe constructors, parsed in C: ~10x faster on a
# front matter block); the pure-Python safe loader otherwise.
_FrontMatterLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ArticleError(Exception):
    """An article that cannot be read; the message says which file and what to do."""


@dataclass(frozen=True)
class _Inline:
    """One language's furniture glued into the running text (furniture.yaml `inline`), compiled."""

    before_date: re.Pattern[str]  # one phrase that may stand before the publication date
    after_date: re.Pattern[str]  # one phrase that may follow the date or the repeated headline
    gap_words: int
    gap_lowercase: frozenset[str]
    dateline: re.Pattern[str]
    remove: tuple[re.Pattern[str], ...]
    credit: re.Pattern[str]
    caption_words: re.Pattern[str]


@dataclass(frozen=True)
class _Furniture:
    lines: tuple[re.Pattern[str], ...]
    caption: re.Pattern[str]
    inline: dict[str, _Inline]


_furniture_cache: _Furniture | None = None


def _furniture() -> _Furniture:
    global _furniture_cache
    if _furniture_cache is None:
        data = load_data("furniture")
        credits = "|".join(re.escape(fold_text(c)) for c in data.get("photo_credits", []))
        _furniture_cache = _Furniture(
            lines=tuple(re.compile(p, re.IGNORECASE) for p in data.get("lines", [])),
            caption=re.compile(rf"^.{{0,160}}\(\s*(?:{credits})\s*\)\s*$", re.IGNORECASE),
            inline={lang: _compile_inline(table) for lang, table in (data.get("inline") or {}).items() if table},
        )
    return _furniture_cache


def _compile_inline(table: dict) -> _Inline:
    agencies = "(?:" + "|".join(re.escape(a) for a in table.get("agencies", [])) + ")"

    def alternation(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns).replace("<agency>", agencies) or "(?!)")

    agency = [table["agency"]] if table.get("agency") else []
    photo = "|".join(re.escape(c) for c in table.get("photo_credits", []))
    return _Inline(
        before_date=alternation(table.get("before_date", []) + agency),
        after_date=alternation(table.get("after_date", []) + agency),
        gap_words=int(table.get("gap_words", 0)),
        gap_lowercase=frozenset(table.get("gap_lowercase", [])),
        dateline=alternation([table["dateline"]] if table.get("dateline") else []),
        remove=tuple(re.compile(p.replace("<agency>", agencies)) for p in table.get("remove", [])),
        # a photo credit anywhere; an agency's only after a sentence or a date, where it credits a picture
        credit=re.compile(rf"\((?:(?:{photo or '(?!)'})|(?:(?<=[.!?\d)]\()|(?<=[.!?\d)]\s\()){agencies})\)"
                          r"(?:\s+[-–—](?=\s))?"),
        caption_words=alternation([table["caption_words"]] if table.get("caption_words") else []),
    )


def iter_article_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Article files under the given files and folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        elif path.exists():
            yield path
        else:
            raise ArticleError(f"{path}: no such file or folder (give an article file or a folder of articles)")


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) first; otherwise the legacy encoding that fits, Windows-1256 included."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Arabic legacy text is nearly always Windows-1256; accept it when it decodes to mostly Arabic.
    try:
        text = raw.decode("cp1256")
        if detect_language(text) == "ar":
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ArticleError(f"{path}: cannot decode the file as text (save it as UTF-8 and try again)")
    return str(best)


def read_article(path: Path, root: Path | None = None) -> Article:
    """Read one article file. `root` makes the stored path relative (the project folder)."""
    rel = relative_path(path, root)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{rel}: cannot read the file ({exc.strerror})") from exc
    if b"\x00" in raw[:4096]:
        raise ArticleError(f"{rel}: looks like a binary file, not an article (give .txt or .md text)")
    text = decode(raw, rel).replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(raw).hexdigest()
    if text.startswith("---\n"):
        return _read_front_matter(text, rel, sha)
    return _read_plain(text, rel, sha)


def relative_path(path: Path, root: Path | None) -> str:
    """`path` as stored in events: relative to the project folder `root` when inside it."""
    if root is not None:
        try:
            return path.resolve().relative_to(_resolved(root)).as_posix()
        except ValueError:
            pass
    return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()  # once per run, not once per article


def _read_front_matter(text: str, rel: str, sha: str) -> Article:
    end = text.find("\n---", 4)
    if end == -1:
        raise ArticleError(f"{rel}:1: front matter opened with '---' is never closed (add a '---' line after it)")
    try:
        meta = yaml.load(text[4:end], Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise ArticleError(f"{rel}:{line}: front matter is not valid YAML (fix the line)") from exc
    if not isinstance(meta, dict):
        raise ArticleError(f"{rel}:2: front matter must be a mapping of fields (title:, published:, ...)")
    body = text[end + 4 :].lstrip("\n")
    body = body.split("\n", 1)[1] if body.startswith("---") else body
    published_value = meta.get("published") or meta.get("date")
    if published_value is None:
        raise ArticleError(f"{rel}:1: front matter has no 'published' date (add published: YYYY-MM-DD)")
    try:
        published = dates.publication_day(str(published_value))
    except ValueError as exc:
        raise ArticleError(f"{rel}:1: published: {exc} (write YYYY-MM-DD or an ISO timestamp)") from exc
    lines = [ln.strip() for ln in body.split("\n")]
    title = str(meta.get("title") or next((ln for ln in lines if ln), "")).strip()
    lang = str(meta.get("lang") or detect_language(body))
    return _article(rel, sha, title, published, _paragraphs(lines, title, lang, published), lang,
                    outlet=meta.get("outlet"), url=meta.get("url"))


def _read_plain(text: str, rel: str, sha: str) -> Article:
    lines = [ln.strip() for ln in text.split("\n")]
    nonempty = [ln for ln in lines if ln]
    if not nonempty:
        raise ArticleError(f"{rel}: the file is empty (an article needs a title line, a date and text)")
    title = nonempty[0]
    lang = detect_language(text)
    published: date | None = None
    date_line: str | None = None
    # The date line sits among the first lines, alone (the seed: "27 فبراير 2021").
    for line in nonempty[1:6]:
        published = _date_line(line, lang)
        if published:
            date_line = line
            break
    body_lines = [ln for ln in lines if ln != date_line]
    if published is None:
        # English wire copy carries the date in a dateline at the top of the body.
        published = dates.find_dateline("\n".join(nonempty[1:4]))
    if published is None:
        raise ArticleError(
            f"{rel}: no publication date found near the top (add a line such as '27 فبراير 2021' under the "
            "title, or YAML front matter with published: YYYY-MM-DD)"
        )
    return _article(rel, sha, title, published, _paragraphs(body_lines, title, lang, published), lang)


def _article(rel: str, sha: str, title: str, published: date, paragraphs: list[str], lang: str,
             outlet: str | None = None, url: str | None = None) -> Article:
    """The Article both layouts end in: its text is its paragraphs, blank-line separated."""
    return Article(path=rel, title=title, published=published, text="\n\n".join(paragraphs), lang=lang,
                   outlet=outlet, url=url, sha256=sha, paragraphs=tuple(paragraphs))


def _date_line(line: str, lang: str) -> date | None:
    """The date of a line that is nothing but a full date, else None."""
    if len(line) > 40:
        return None
    found = dates.find_time_expressions(line, date(9999, 12, 31), lang)
    if len(found) == 1 and found[0].granularity == "day" and not found[0].approximate:
        rest = (line[: found[0].start_char] + line[found[0].end_char :]).strip(" ,.-|")
        if len(rest) <= 12:  # a weekday name or a time may sit beside it
            return found[0].start
    return None


def _paragraphs(lines: list[str], title: str, lang: str, published: date) -> list[str]:
    furniture = _furniture()
    paragraphs = []
    for line in lines:
        if not line or line == title:
            continue
        folded = fold_text(line)
        if any(p.match(folded) for p in furniture.lines) or furniture.caption.match(folded):
            continue
        paragraphs.append(line)
    inline = furniture.inline.get(lang)
    if inline is None or not paragraphs:
        return paragraphs
    paragraphs[0] = _strip_head(paragraphs[0], title, published, inline)
    cleaned = (_strip_captions(_remove_all(p, inline), inline) for p in paragraphs)
    return [p for p in cleaned if p]


# -- furniture glued into the running text (plain-text pages flattened to one paragraph) ---------------
_WORD = re.compile(r"\S+")
_SENTENCE_MARK = re.compile(r"[.!?]")
_GLUED_SEPARATOR = re.compile(r"(?<=\w)([-|])(?=\s)")
_NOT_ALNUM = re.compile(r"[\W_]+")
_CAPTION_MAX_WORDS = 45  # longer "captions" are story text that lost its sentence break


def _key(word: str) -> str:
    return _NOT_ALNUM.sub("", word.lower())


def _strip_head(text: str, title: str, published: date, inline: _Inline) -> str:
    """`text` without what stands in front of its first sentence: the publication date with its lead
    words, the headline again, the agency, times, share counts and the dateline place in capitals.

    Cut only when the date or the headline is found there, and never before a lower-case word (the
    story's own words would be cut)."""
    date_span = _publication_date_span(text, published)
    # "Suicide Blasts- Site Name": a site name glued to the headline by its separator
    title_keys = [_key(w) for w in _GLUED_SEPARATOR.sub(r" \1", title).split()]
    pos, seen_date, seen_title = 0, False, False
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not seen_date and date_span is not None and pos == date_span[0]:
            pos, seen_date = date_span[1], True
            continue
        if not seen_title and (end := _title_end(text, pos, title_keys)) is not None:
            pos, seen_title = end, True
            continue
        allowed = (
            ([] if seen_date else [inline.before_date])
            + ([inline.after_date] if seen_date or seen_title else [])
            + ([inline.dateline] if seen_date else [])
        )
        phrase = next((m for p in allowed if (m := p.match(text, pos)) and m.end() > pos), None)
        if phrase is not None:
            pos = phrase.end()
            continue
        if seen_date != seen_title and (ahead := _across_gap(text, pos, title_keys, date_span, seen_date, inline)):
            pos = ahead
            continue
        break
    rest = text[pos:].lstrip()
    if not (seen_date or seen_title) or rest[:1].islower():
        return text
    return rest


def _publication_date_span(text: str, published: date) -> tuple[int, int] | None:
    """Where the top of `text` gives the publication date, read as the dateline reader reads it."""
    for found, start, end in dates.dates_near_top(text):
        if found == published:
            return start, end
    return None


def _title_end(text: str, pos: int, title_keys: list[str]) -> int | None:
    """End of the headline repeated at `pos` (word for word, case and punctuation aside), or None.
    A site name after " - " or " | " in the title line need not be repeated."""
    if len(title_keys) < 3:
        return None
    matched, end = 0, None
    for word in _WORD.finditer(text, pos):
        if end is None and word.start() != pos:
            return None
        if matched == len(title_keys):
            break
        if _key(word.group()) != title_keys[matched]:
            if title_keys[matched] or matched < 4:
                return None
            break
        matched, end = matched + 1, word.end()
    return end if matched >= min(len(title_keys), 4) else None


def _across_gap(text: str, pos: int, title_keys: list[str], date_span: tuple[int, int] | None,
                seen_date: bool, inline: _Inline) -> int | None:
    """Where the headline (after the date) or the date (after the headline) starts within a few
    capitalised words of `pos`: the outlet, byline or section words between them are furniture."""
    for count, word in enumerate(_WORD.finditer(text, pos)):
        at = word.start()
        if seen_date and _title_end(text, at, title_keys) is not None:
            return at
        if not seen_date and date_span is not None and at == date_span[0]:
            return at
        token = word.group()
        if count >= inline.gap_words or _SENTENCE_MARK.search(token):
            return None
        if token[0].islower() and token not in inline.gap_lowercase:
            return None
    return None


def _remove_all(text: str, inline: _Inline) -> str:
    for pattern in inline.remove:
        text = pattern.sub("", text)
    return text


def _strip_captions(text: str, inline: _Inline) -> str:
    """`text` without photo credits, and without the caption before one when it describes a picture."""
    kept: list[str] = []
    last = 0
    for credit in inline.credit.finditer(text):
        before = text[last : credit.start()]
        sentences = split_sentences(before)
        if sentences:
            caption = before[sentences[-1][0] :]
            if inline.caption_words.search(caption) and len(caption.split()) <= _CAPTION_MAX_WORDS:
                before = before[: sentences[-1][0]]
        kept.append(before)
        last = credit.end()
    if not kept:
        return text.strip()
    kept.append(text[last:])
    return " ".join(piece.strip() for piece in kept if piece.strip())
