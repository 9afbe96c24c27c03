"""Generate the site's pages, figure data, downloads and assets into gitignored places under docs/.

Only these paths are ever written or cleaned; hand-written pages in docs/ are left alone.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import plotly

from ..articles import read_article
from ..models import Event
from ..store import event_path
from .catalog import build_catalog
from .config import read_config
from .downloads import downloads
from .pages import Pages
from .timeline import to_json

GENERATED_PAGES = ("index.md", "timeline.md", "map.md", "briefings.md", "places.md", "actors.md",
                   "sources.md", "downloads.md")
GENERATED_DIRS = ("day", "week", "place", "actor", "downloads", "assets/generated")
PLOTLY_ASSET = "assets/vendor/plotly.min.js"


def plotly_js_source() -> Path:
    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def _write(path: Path, text: str) -> None:
    """Write only when the bytes differ, so `mkdocs serve` reloads only what changed."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _copy_plotly(docs: Path) -> None:
    source, target = plotly_js_source(), docs / PLOTLY_ASSET
    if target.is_file() and target.stat().st_size == source.stat().st_size:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _article_titles(root: Path, paths: list[str]) -> dict[str, str]:
    titles = {}
    for rel in paths:
        path = root / rel
        if not path.is_file():
            continue
        try:
            titles[rel] = read_article(path, root).title
        except Exception:  # noqa: BLE001 - a broken article must not stop the site; its path is shown
            continue
    return titles


def _event_texts(root: Path, events: list[Event]) -> dict[str, str]:
    """The text of each event's file, when it holds that very event (for the YAML download)."""
    texts = {}
    for event in events:
        path = event_path(root / "events", event)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        if f"\nid: {event.id}\n" in text:
            texts[event.id] = text
    return texts


def generate(events: list[Event], root: Path) -> None:
    """Write every generated page and file under root/docs (rejected events are left out)."""
    config = read_config(root)
    docs = config.docs_dir
    catalog = build_catalog(events)
    pages = Pages(catalog, config.lang, config.site_name, docs)
    files = pages.all()
    pages.sources(_article_titles(root, list(catalog.articles)))
    data = downloads(catalog.events, config.site_name, _event_texts(root, catalog.events))
    pages.downloads_page(list(data))
    files = dict(pages.files)
    files |= {f"downloads/{name}": text for name, text in data.items()}
    # JSON.parse of a string literal is much quicker for V8 than the same data as a JS object literal
    data_json = json.dumps(pages.timeline_data(), ensure_ascii=False, separators=(",", ":"))
    files["assets/generated/timeline-data.js"] = f"window.TL_DATA = JSON.parse({to_json(data_json)});\n"

    for rel, text in files.items():
        _write(docs / rel, text)
    _copy_plotly(docs)
    # remove what an earlier run generated and this one did not (a deleted or rejected event's day)
    keep = {docs / rel for rel in files}
    for folder in GENERATED_DIRS:
        for path in sorted((docs / folder).rglob("*"), reverse=True) if (docs / folder).is_dir() else []:
            if path.is_file() and path not in keep:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
