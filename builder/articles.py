"""Read articles: plain text as outlets publish it, or Markdown/text with YAML front matter.

The reader finds the title and the publication date, drops page furniture (font buttons, photo
captions), decodes legacy encodings and detects the language. Problems raise `ArticleError`
naming the file (and line where there is one) and what to do.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from . import dates
from .lexicon import load_data
from .models import Article
from .text import detect_language, fold_text

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}

# libyaml's parser when PyYAML has it (the same safe constructors, parsed in C: ~10x faster on a
# front matter block); the pure-Python safe loader otherwise.
_FrontMatterLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ArticleError(Exception):
    """An article that cannot be read; the message says which file and what to do."""


@dataclass(frozen=True)
class _Furniture:
    lines: tuple[re.Pattern[str], ...]
    caption: re.Pattern[str]


_furniture_cache: _Furniture | None = None


def _furniture() -> _Furniture:
    global _furniture_cache
    if _furniture_cache is None:
        data = load_data("furniture")
        credits = "|".join(re.escape(fold_text(c)) for c in data.get("photo_credits", []))
        _furniture_cache = _Furniture(
            lines=tuple(re.compile(p, re.IGNORECASE) for p in data.get("lines", [])),
            caption=re.compile(rf"^.{{0,160}}\(\s*(?:{credits})\s*\)\s*$", re.IGNORECASE),
        )
    return _furniture_cache


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
    rel = _relative(path, root)
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


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


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
    return _article(rel, sha, title, published, _paragraphs(lines, title), lang,
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
    return _article(rel, sha, title, published, _paragraphs(body_lines, title), lang)


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


def _paragraphs(lines: list[str], title: str) -> list[str]:
    furniture = _furniture()
    paragraphs = []
    for line in lines:
        if not line or line == title:
            continue
        folded = fold_text(line)
        if any(p.match(folded) for p in furniture.lines) or furniture.caption.match(folded):
            continue
        paragraphs.append(line)
    return paragraphs
