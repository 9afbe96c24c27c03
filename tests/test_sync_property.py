"""Property: whatever people do between runs, `timeline extract` never loses their work.

Random sequences of edits — mark reviewed and change a field, reject, delete, edit a draft, add an
event by hand, change an article's text — interleaved with `timeline extract` over the seed and
the test articles. After every run: every file a person touched is byte for byte as they left it,
nothing rejected or deleted comes back, every event the articles yield now exists (unless a person
removed it), no draft remains that no article yields, and a re-run with no edits changes no byte.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_editing_support import (
    ARTICLE_A,
    ARTICLE_A_CHANGED,
    ARTICLE_B,
    SEED,
    event_files,
    inside,
    make_project,
    snapshot,
    timeline,
)

from builder.articles import read_article
from builder.extract import extract_events
from builder.store import load_events

ARTICLE_TEXTS = {
    "articles/a.md": [ARTICLE_A, ARTICLE_A_CHANGED, ARTICLE_A + "\nوتظاهر مئات في البصرة أمس.\n"],
    "articles/b.md": [ARTICLE_B, ARTICLE_B.split("\n\n")[0] + "\n"],
}

index = st.integers(min_value=0, max_value=200)
operation = st.one_of(
    st.tuples(st.just("extract")),
    st.tuples(st.just("review"), index, st.text(alphabet="ابتثجحخ ", min_size=1, max_size=12)),
    st.tuples(st.just("reject"), index),
    st.tuples(st.just("delete"), index),
    st.tuples(st.just("edit-draft"), index),
    st.tuples(st.just("by-hand"), index),
    st.tuples(st.just("text"), st.sampled_from(sorted(ARTICLE_TEXTS)), index),
)


def _set(path: Path, key: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(f"{key}: {value}\n" if ln.startswith(f"{key}:") else ln for ln in lines),
                    encoding="utf-8")


_YIELDS: dict[tuple[str, bytes], set[str]] = {}


def _yields(project: Path) -> set[str]:
    """Ids the articles yield as they stand now (straight from the extractor)."""
    ids: set[str] = set()
    for path in [project / SEED, *sorted((project / "articles").glob("*.md"))]:
        key = (path.name, path.read_bytes())
        if key not in _YIELDS:
            _YIELDS[key] = {e.id for e in extract_events(read_article(path, root=project))}
        ids |= _YIELDS[key]
    return ids


class World:
    def __init__(self, project: Path):
        self.project = project
        self.events = project / "events"
        self.protected: dict[str, bytes] = {}     # id → bytes a person left
        self.gone: set[str] = set()               # ids people deleted or rejected-then-deleted
        self.rejected: set[str] = set()
        self.runs = 0

    def files(self) -> list[tuple[str, Path]]:
        return sorted(event_files(self.events).items())

    def pick(self, k: int, drafts_only: bool = True) -> tuple[str, Path] | None:
        files = [(i, p) for i, p in self.files() if not drafts_only or i not in self.protected]
        return files[k % len(files)] if files else None

    def extract(self) -> None:
        code, _, err = timeline("extract", "seeds", "articles")
        assert code == 0, err
        self.runs += 1
        self.check()

    def check(self) -> None:
        files = event_files(self.events)
        for ident, data in self.protected.items():
            assert ident in files, f"{ident}: a person's file disappeared"
            assert files[ident].read_bytes() == data, f"{ident}: a person's change was lost"
        assert not self.gone & set(files), f"deleted events came back: {self.gone & set(files)}"
        loaded = load_events(self.events)
        assert not loaded.problems, loaded.problems
        status = {e.id: e.status for e in loaded.events}
        assert self.rejected & set(files) <= {i for i, s in status.items() if s == "rejected"}
        yields = _yields(self.project)
        assert yields - self.gone <= set(files), "an event the articles yield is missing"
        stale = {i for i, s in status.items() if s == "draft" and i not in self.protected} - yields
        assert not stale, f"drafts no article yields: {stale}"

    def apply(self, op: tuple) -> None:
        kind = op[0]
        if kind == "extract":
            self.extract()
        elif kind == "text":
            texts = ARTICLE_TEXTS[op[1]]
            (self.project / op[1]).write_text(texts[op[2] % len(texts)], encoding="utf-8")
        elif kind == "by-hand":
            code, out, err = timeline("new", "--date", f"2021-03-{op[1] % 28 + 1:02d}", "--title",
                                      "حدث كتبه محرر", "--type", "protest", "--place", "البصرة")
            assert code == 0, err
            path = self.project / out.strip()
            self.protected[path.stem] = path.read_bytes()
        else:
            picked = self.pick(op[1], drafts_only=kind != "delete")
            if picked is None:
                return
            ident, path = picked
            if kind == "review":
                _set(path, "status", "reviewed")
                _set(path, "title", op[2].strip() or "عنوان")
            elif kind == "reject":
                _set(path, "status", "rejected")
                self.rejected.add(ident)
            elif kind == "edit-draft":
                _set(path, "title", "عدّله شخص ولم يراجعه")
            elif kind == "delete":
                path.unlink()
                self.protected.pop(ident, None)
                self.gone.add(ident)
                return
            self.protected[ident] = path.read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=1, max_size=8))
def test_extract_never_undoes_people(ops):
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp))
        with inside(project):
            world = World(project)
            world.extract()
            for op in ops:
                world.apply(op)
            world.extract()
            before = snapshot(world.events)
            world.extract()                       # no edits since: no byte changes
            assert snapshot(world.events) == before
