"""A cache of what the extractor made of each article, so `timeline extract` reads again only the
articles it has not seen.

An entry is keyed by the sha256 of the article file's bytes and lives under a folder named after
a fingerprint of the extractor: its code, its data files, the project's `lexicon/` and the
versions of the libraries it reads dates with. Any change to those starts a new folder (the old
ones are removed), so a cached result is always what the extractor would make now. Entries hold
the article without its path and text, and its events; the caller gives each its path back.

The cache only ever saves time: an unreadable or damaged entry is a miss, and a write that fails
is skipped. It lives in `.timeline-cache/` in the project, with its own .gitignore.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
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
        self.folder = self.root / f"extract-{extractor_fingerprint(project_dir.resolve())}"
        self._pruned = False

    def get(self, sha256: str, path: str) -> tuple[Article, list[Event]] | None:
        """The cached article (told of `path`) and its events, or None."""
        try:
            entry = json.loads((self.folder / f"{sha256}.json").read_text(encoding="utf-8"))
            fields = entry["article"]
            article = Article(
                **{**fields, "published": date.fromisoformat(fields["published"]), "path": path, "paragraphs": ()}
            )
            events = [Event.model_validate(e) for e in entry["events"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not cached, or damaged: extract again
        for event in events:
            for source in event.sources:
                source.article = path
        return article, events

    def put(self, article: Article, events: list[Event]) -> None:
        if not self.writable:
            return
        fields = asdict(replace(article, path="", text="", paragraphs=()))
        fields["published"] = article.published.isoformat()
        entry = {"article": fields, "events": [e.model_dump(mode="json") for e in events]}
        try:
            if not self._pruned:
                self._prune()
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():  # git leaves the cache alone in any project, as with .pytest_cache
                ignore.write_text("# made by timeline extract: a cache, never committed\n*\n", encoding="utf-8")
            # write and rename: a reader never sees half an entry (no fsync: losing one costs a re-read)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.folder / f"{article.sha256}.json")
        except OSError:
            pass

    def _prune(self) -> None:
        """Remove the folders of other extractor versions: their entries can never be used again."""
        self._pruned = True
        if self.root.is_dir():
            for old in self.root.glob("extract-*"):
                if old != self.folder:
                    shutil.rmtree(old, ignore_errors=True)
