"""Apply freshly extracted events to the event store without undoing people's work.

The rules people rely on (docs/edit.md explains them to users):

- `reviewed` and `rejected` events are never changed; a rejected event is never re-created.
- An event file a person deleted is not re-created: its id goes to `deleted:` in the record.
- Events written by hand (ids extract never wrote) are never touched.
- A draft a person edited without marking it reviewed is left alone too: extract only rewrites a
  draft whose file is still byte for byte what extract last wrote (its fingerprint in the record).
- An article whose text changed is re-extracted: its drafts are updated, and drafts that no article
  yields any more are removed.
- Nothing changes when nothing changed: same articles, same events, same bytes.

The record (`events/.extracted.yaml`, committed with the events) keeps what this needs: each
article's sha256 and the ids it yields, the fingerprint of each draft as extract wrote it, and the
ids people deleted. Writing is plan-then-apply: the record first lists the ids about to be
written (`pending:`), then the files are written one by one (each atomically), then the record is
written clean. A run killed in between leaves whole files and a record the next run repairs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .models import Event, Source
from .problems import Problem
from .store import LoadedEvents, display_path, event_path, render_event
from .yamlio import YamlError, atomic_write, atomic_write_many, compose, construct, dump, read_written

RECORD_NAME = ".extracted.yaml"
# The record grows with the articles (about 200 bytes each plus 40 per event): 5,000 articles pass
# the 1 MB limit event files have. Aliases stay refused, so a bigger limit cannot blow up memory.
RECORD_MAX_BYTES = 200_000_000

_RECORD_HEADER = """\
# Written by `timeline extract`; keep it in git with the events. See the page "Add or correct an event".
# articles: every article read, the sha256 of its bytes and the ids of the events it yields.
# written:  fingerprint of each draft file as extract last wrote it. A draft whose file no longer
#           matches was edited by a person, and extract leaves it alone.
# deleted:  events people deleted. Extract never re-creates them; remove an id here to allow it.
"""


def fingerprint(text: str | bytes) -> str:
    """Short hash of a file's content, blind to Windows line ends (git may convert them)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()[:16]


def file_fingerprint(path: Path) -> str | None:
    try:
        return fingerprint(path.read_bytes())
    except FileNotFoundError:
        return None


@dataclass
class ArticleRecord:
    sha256: str
    events: list[str] = field(default_factory=list)


@dataclass
class Record:
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    pending: list[str] = field(default_factory=list)
    exists: bool = False          # a record file was there (False: first run on this folder)

    def copy(self) -> Record:
        return Record({k: ArticleRecord(v.sha256, list(v.events)) for k, v in self.articles.items()},
                      dict(self.written), set(self.deleted), list(self.pending), self.exists)

    def yielders(self) -> dict[str, set[str]]:
        """id → articles that yield it."""
        out: dict[str, set[str]] = {}
        for article, rec in self.articles.items():
            for ident in rec.events:
                out.setdefault(ident, set()).add(article)
        return out

    def to_text(self) -> str:
        data: dict = {
            "articles": {a: {"sha256": r.sha256, "events": sorted(set(r.events))}
                         for a, r in sorted(self.articles.items())},
            "written": dict(sorted(self.written.items())),
            "deleted": sorted(self.deleted),
        }
        if self.pending:
            data["pending"] = sorted(set(self.pending))
        return _RECORD_HEADER + dump(data)


class RecordError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def record_path(events_dir: Path) -> Path:
    return events_dir / RECORD_NAME


def load_record(events_dir: Path) -> Record:
    """The record of earlier runs (an empty one on the first run). Raises RecordError naming the
    line when a person's edit (or a merge conflict) broke it."""
    path = record_path(events_dir)
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Record()
    hint = "fix it, or take it from git (`git checkout -- events/.extracted.yaml`)"
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(("<<<<<<<", ">>>>>>>")) or line == "=======":
            raise RecordError(Problem(
                shown, number, 1, "record", "has git merge conflict markers",
                "keep the lines of both sides (above and below =======) and delete the marker lines; "
                "keeping only one side can bring back events people deleted"))
    try:
        data = read_written(text, RECORD_MAX_BYTES)
        if data is None:
            data = construct(compose(text, max_bytes=RECORD_MAX_BYTES))
        data = data or {}
    except YamlError as exc:
        raise RecordError(Problem(shown, exc.line, exc.col, "yaml", exc.message, hint)) from exc
    try:
        articles = {
            str(name): ArticleRecord(str(rec["sha256"]), [str(i) for i in rec.get("events") or []])
            for name, rec in (data.get("articles") or {}).items()
        }
        written = {str(k): str(v) for k, v in (data.get("written") or {}).items()}
        deleted = {str(i) for i in data.get("deleted") or []}
        pending = [str(i) for i in data.get("pending") or []]
    except (AttributeError, KeyError, TypeError) as exc:
        raise RecordError(Problem(shown, 1, 1, "record", f"does not have the expected shape ({exc})",
                                  hint)) from exc
    return Record(articles, written, deleted, pending, exists=True)


# -- planning ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Extracted:
    """One article's fresh extraction."""

    article: str          # path as stored in sources[].article
    sha256: str
    events: list[Event]


@dataclass
class Plan:
    writes: dict[Path, str] = field(default_factory=dict)     # path → full new text
    removes: list[Path] = field(default_factory=list)
    new: list[tuple[str, Path]] = field(default_factory=list)
    updated: list[tuple[str, Path]] = field(default_factory=list)
    removed: list[tuple[str, Path]] = field(default_factory=list)
    unchanged: list[tuple[str, Path]] = field(default_factory=list)
    kept: list[tuple[str, Path | None, str]] = field(default_factory=list)   # id, path, why
    changed_articles: list[str] = field(default_factory=list)                # text changed since last run
    newly_deleted: list[str] = field(default_factory=list)                   # deletions noticed this run
    record: Record = field(default_factory=Record)
    old_record_text: str = ""

    @property
    def record_changed(self) -> bool:
        return self.record.to_text() != self.old_record_text

    def lines(self, dry_run: bool) -> list[str]:
        """What happens to each event, one line each (create/update/remove/left alone)."""
        w = "would " if dry_run else ""
        out = [f"article changed since the last extract: {a}" for a in self.changed_articles]
        out += [f"{w}create {display_path(p)}" for _, p in self.new]
        out += [f"{w}update {display_path(p)}" for _, p in self.updated]
        out += [f"{w}remove {display_path(p)} (no article yields it any more)" for _, p in self.removed]
        out += [f"left alone {display_path(p) if p else i}: {why}" for i, p, why in self.kept]
        return out


def _owned(ident: str, path: Path | None, event: Event | None, record: Record) -> bool:
    """Extract may change this file: a draft, still exactly as extract wrote it."""
    return (path is not None and event is not None and event.status == "draft"
            and record.written.get(ident) == file_fingerprint(path))


def _why_kept(ident: str, event: Event | None, record: Record) -> str:
    if event is None:
        return "deleted by a person (listed under deleted: in events/.extracted.yaml)"
    if event.status == "reviewed":
        return "reviewed by a person"
    if event.status == "rejected":
        return "rejected by a person"
    if ident not in record.written:
        return "written by hand"
    return "a draft a person edited (mark it `status: reviewed` to keep it)"


def _recover(record: Record, current: dict[str, tuple[Event, Path]]) -> None:
    """Repair the record of a run that was killed between its first and last record write."""
    for ident in record.pending:
        path = current[ident][1] if ident in current else None
        if path is None:
            # a create that never happened, or a remove that did: not a person's deletion
            record.written.pop(ident, None)
            for rec in record.articles.values():
                if ident in rec.events:
                    rec.events.remove(ident)
        elif current[ident][0].status == "draft":
            # the file is whole (writes are atomic): whichever version it is, extract wrote it
            record.written[ident] = file_fingerprint(path) or ""
    record.pending = []


def _compose(ident: str, yielders: set[str], fresh: dict[str, dict[str, Event]],
             existing: Event | None) -> Event:
    """The draft as the articles that yield it now make it: fields from the first of them (by path;
    from the file when that article was not read in this run), a source from each."""
    owner = min(yielders)
    base = fresh.get(owner, {}).get(ident)
    if base is None:
        base = existing if existing is not None else next(
            fresh[a][ident] for a in sorted(yielders) if ident in fresh.get(a, {}))
    sources: list[Source] = []
    for article in sorted(yielders):
        if ident in fresh.get(article, {}):
            sources += [s for s in fresh[article][ident].sources if s.article == article]
        elif existing is not None:
            sources += [s for s in existing.sources if s.article == article]
    update: dict = {"sources": sources, "status": "draft"}
    if existing is not None:
        update["tags"] = existing.tags
    return base.model_copy(update=update)


def plan_sync(events_dir: Path, store: LoadedEvents, record: Record, extracted: list[Extracted],
              gone: tuple[str, ...] = ()) -> Plan:
    """Decide what extract would do, writing nothing. `gone`: articles in the record whose file no
    longer exists; their drafts go with them."""
    plan = Plan(old_record_text=record.to_text() if record.exists else "")
    new = record.copy()
    current: dict[str, tuple[Event, Path]] = {}
    for event, path in zip(store.events, store.files, strict=True):
        current.setdefault(event.id, (event, path))
    if new.pending:
        _recover(new, current)

    processed = {x.article for x in extracted}
    if not new.exists:
        # first run with a record: drafts that cite an article being read are extract's own
        for ident, (event, path) in current.items():
            if event.status == "draft" and any(s.article in processed for s in event.sources):
                new.written[ident] = file_fingerprint(path) or ""

    # Files extract wrote that are gone: a person deleted them. (An id a person took out of
    # `deleted:` is no longer in `written:`, so it is created again.)
    for ident in sorted(set(new.written) - set(current) - new.deleted):
        new.deleted.add(ident)
        plan.newly_deleted.append(ident)
    for ident in new.deleted:
        new.written.pop(ident, None)

    fresh: dict[str, dict[str, Event]] = {}
    touched: set[str] = set()
    for x in sorted(extracted, key=lambda x: x.article):
        before = new.articles.get(x.article)
        if before is not None and before.sha256 != x.sha256:
            plan.changed_articles.append(x.article)
        fresh[x.article] = {e.id: e for e in x.events}
        touched |= set(fresh[x.article]) | set(before.events if before else ())
        new.articles[x.article] = ArticleRecord(x.sha256, sorted(fresh[x.article]))
    for article in gone:
        before = new.articles.pop(article, None)
        touched |= set(before.events if before else ())
    yielders = new.yielders()
    touched |= set(new.written) - set(yielders)          # drafts no article claims any more

    for ident in sorted(touched):
        event, path = current.get(ident, (None, None))
        owned = _owned(ident, path, event, new)
        if ident not in yielders:
            if owned:
                plan.removes.append(path)
                plan.removed.append((ident, path))
            if path is None or owned or (event is not None and event.status != "draft"):
                new.written.pop(ident, None)
            continue
        if ident in new.deleted or (path is not None and not owned):
            if ident in new.deleted or any(ident in fresh.get(a, {}) for a in yielders[ident]):
                plan.kept.append((ident, path, _why_kept(ident, event, new)))
            continue
        target = _compose(ident, yielders[ident], fresh, event)
        target_path = event_path(events_dir, target)
        if target == event and path == target_path:
            # the file is what extract wrote for this very event: rendering it again gives its bytes
            plan.unchanged.append((ident, path))
            continue
        text = render_event(target, target_path)
        new.written[ident] = fingerprint(text)
        if path is None:
            plan.writes[target_path] = text
            plan.new.append((ident, target_path))
        elif path == target_path and path.read_bytes() == text.encode("utf-8"):
            plan.unchanged.append((ident, path))
        else:
            plan.writes[target_path] = text
            if path != target_path:           # its year changed: the file moves
                plan.removes.append(path)
            plan.updated.append((ident, target_path))
    plan.record = new
    return plan


def apply_plan(events_dir: Path, plan: Plan) -> None:
    """Write the plan: record with `pending:` first, then each file atomically, then the clean record."""
    plan.record.pending = []
    clean = plan.record.to_text()          # rendered once: a big record takes a while to dump
    if not (plan.writes or plan.removes or clean != plan.old_record_text):
        return
    path = record_path(events_dir)
    touched = [i for i, _ in plan.new + plan.updated + plan.removed]
    if touched:
        pending = plan.record.copy()
        pending.pending = touched
        atomic_write(path, pending.to_text())
    atomic_write_many(sorted(plan.writes.items()))     # each file atomic; one disk flush for all
    for target in plan.removes:
        if target not in plan.writes:
            target.unlink(missing_ok=True)
    atomic_write(path, clean)
