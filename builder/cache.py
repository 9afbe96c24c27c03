"""A cache of what the extractor made of each article, so `timeline extract` reads again only the
articles it has not seen.

An entry is keyed by the sha256 of the article file's bytes and lives in a SQLite file named
after a fingerprint of the extractor: its code, its data files, the project's `lexicon/` and the
versions of the libraries it reads dates with. Any change to those starts a new file (the old
ones are removed), so a cached result is always what the extractor would make now. Entries hold
the article without its path and text, and its events; the caller gives each its path back.

The cache only ever saves time: a missing, damaged or locked cache is a miss, and a write that
fails is skipped. It lives in `.timeline-cache/` in the project, with its own .gitignore.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, replace
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path

from .lexicon import PROJECT_LEXICON_DIR
from .models import Article, Event

CACHE_DIR = Path(".timeline-cache")
_PACKAGE = Path(__file__).parent
_LIBRARIES = ("arrow", "hijridate", "pydantic")


@cache
def extractor_fingerprint(project_dir: Path) -> str:
    """Hash of everything an extraction result depends on besides the article itself."""
    digest = hashlib.sha256()
    files = sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".json"))
    lexicon = project_dir / PROJECT_LEXICON_DIR
    if lexicon.is_dir():
        files += sorted(p for p in lexicon.rglob("*.yaml") if p.is_file())
    for path in files:
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()[:20]


class ExtractionCache:
    def __init__(self, project_dir: Path, writable: bool = True):
        self.writable = writable
        self.root = project_dir / CACHE_DIR
        self.path = self.root / f"extract-{extractor_fingerprint(project_dir.resolve())}.sqlite"
        self._db: sqlite3.Connection | None = None
        self._unreadable = False  # tried and failed: reads miss without trying again
        self._pending: list[tuple[str, str]] = []

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is not None or not (create or (self.path.exists() and not self._unreadable)):
            return self._db
        for _attempt in range(2):
            try:
                if create and not self.path.exists():
                    self._start_folder()
                db = sqlite3.connect(self.path, timeout=5)
                db.execute("CREATE TABLE IF NOT EXISTS entries (sha256 TEXT PRIMARY KEY, entry TEXT)")
                self._db = db
                break
            except sqlite3.DatabaseError:
                if not create:
                    break
                self.path.unlink(missing_ok=True)  # not a database (a damaged file): start it again
            except (OSError, sqlite3.Error):
                break
        self._unreadable = self._db is None
        return self._db

    def get(self, sha256: str, path: str) -> tuple[Article, list[Event]] | None:
        """The cached article (told of `path`) and its events, or None."""
        db = self._connect(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT entry FROM entries WHERE sha256 = ?", (sha256,)).fetchone()
            if row is None:
                return None
            entry = json.loads(row[0])
            fields = entry["article"]
            article = Article(
                **{**fields, "published": date.fromisoformat(fields["published"]), "path": path, "paragraphs": ()}
            )
            events = [Event.model_validate(e) for e in entry["events"]]
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return None  # damaged: extract again
        for event in events:
            for source in event.sources:
                source.article = path
        return article, events

    def put(self, article: Article, events: list[Event]) -> None:
        """Keep a result; written to disk in one transaction by `save` (or every 500 entries)."""
        if not self.writable:
            return
        fields = asdict(replace(article, path="", text="", paragraphs=()))
        fields["published"] = article.published.isoformat()
        entry = {"article": fields, "events": [e.model_dump(mode="json") for e in events]}
        self._pending.append((article.sha256, json.dumps(entry, ensure_ascii=False, separators=(",", ":"))))
        if len(self._pending) >= 500:
            self.save()

    def save(self) -> None:
        pending, self._pending = self._pending, []
        if not pending or (db := self._connect(create=True)) is None:
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", pending)
        except sqlite3.Error:
            pass

    def _start_folder(self) -> None:
        """Create the folder (ignored by git in any project, as .pytest_cache is) and remove the
        files of other extractor versions: their entries can never be used again."""
        self.root.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# made by timeline extract: a cache, never committed\n*\n", encoding="utf-8")
        for old in self.root.glob("extract-*.sqlite"):
            if old != self.path:
                old.unlink(missing_ok=True)
