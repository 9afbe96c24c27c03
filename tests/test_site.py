"""The site generator and `timeline build`, without a browser: pages, downloads, links, right to
left from one setting, and a failed build that leaves site/ alone."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import SEED, make_site_project, seed_events

from builder.cli import main as cli
from builder.models import Event
from builder.site import build, generate
from builder.site.catalog import build_catalog
from builder.site.downloads import acled_type, time_precision
from builder.store import write_event

VISIBLE = [e for e in seed_events() if e.status != "rejected"]


def _project(tmp_path: Path, events: list[Event] | None = None) -> Path:
    root = make_site_project(tmp_path / "project")
    for event in seed_events() if events is None else events:
        write_event(root / "events", event)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_site_project(tmp_path_factory.mktemp("site") / "project")
    for event in seed_events():
        write_event(root / "events", event)
    assert build(root, quiet=True) == 0
    return root


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            linking = (name == "href" and tag in ("a", "link")) or (
                name == "src" and tag in ("script", "img"))
            if value and linking:
                self.links.append(value)


def _timeline_data(site: Path) -> dict:
    text = (site / "assets/generated/timeline-data.js").read_text(encoding="utf-8")
    prefix = "window.TL_DATA = JSON.parse("
    assert text.startswith(prefix)
    return json.loads(json.loads(text[len(prefix):].rstrip().removesuffix(");")))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_is_built(built):
    site = built / "site"
    for rel in ("index.html", "timeline.html", "map.html", "briefings.html", "places.html", "actors.html",
                "sources.html", "downloads.html", "day/2021-02-27.html", "day/2021-02-26.html",
                "week/2021-W08.html", "place/diwaniyah.html", "place/al-bukamal.html",
                "assets/vendor/plotly.min.js", "assets/generated/timeline-data.js", "search/search_index.js"):
        assert (site / rel).is_file(), rel
    assert len(list((site / "actor").glob("*.html"))) == len({a for e in VISIBLE for a in e.actors})


def test_no_internal_link_is_broken(built):
    site = built / "site"
    # 404.html is served for any missing path, so Material gives it links from the site root
    pages = {path: _parse(path) for path in site.rglob("*.html") if path.name != "404.html"}
    broken = []
    for page, parsed in pages.items():
        for link in parsed.links:
            url = urlparse(link)
            if url.scheme or link.startswith("//"):
                continue
            target = page if not url.path else (page.parent / unquote(url.path)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {link}")
            elif url.fragment and target.suffix == ".html" and target in pages:
                if unquote(url.fragment) not in pages[target].ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    assert broken == []
    assert len(pages) > 20


def test_nothing_is_loaded_from_outside_the_site(built):
    for path in (built / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), f"{path.name}: {tag}"
        assert "fonts.googleapis" not in text and "unpkg.com" not in text and "cdn." not in text


def test_pages_are_arabic_right_to_left(built):
    html = (built / "site" / "timeline.html").read_text(encoding="utf-8")
    assert '<html lang="ar"' in html and 'dir="rtl"' in html
    data = _timeline_data(built / "site")
    assert data["rtl"] is True and data["lang"] == "ar"
    assert len(data["ev"]["id"]) == len(VISIBLE) and "فبراير" in data["ui"]["between"] + "فبراير"


def test_day_briefing_carries_each_event_with_date_words_places_and_sources(built):
    text = (built / "docs" / "day" / "2021-02-27.md").read_text(encoding="utf-8")
    assert '<h3 id="ev-2021-02-27-diwaniyah-convoy-ied">' in text
    assert "«السبت»" in text and '<a href="../place/diwaniyah.html">الديوانية</a>' in text
    assert text.index(">هجمات (") < text.index(">لقاءات وزيارات (")   # most severe first
    assert "explosives" not in text.split("<!--tl:meta")[0]   # the mode reads in Arabic
    assert "(متفجرات)" in text or "(أسلحة ثقيلة)" in text or "(قصف جوي)" in text
    # the HTML went through MkDocs untouched; its table of contents and search entries came along
    page = (built / "site" / "day" / "2021-02-27.html").read_text(encoding="utf-8")
    assert "tl:raw" not in page and 'id="ev-2021-02-27-diwaniyah-convoy-ied"' in page
    assert 'href="#ev-2021-02-27-diwaniyah-convoy-ied"' in page   # in the table of contents
    index = (built / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "day/2021-02-27.html#ev-2021-02-27-diwaniyah-convoy-ied" in index
    approx = (built / "docs" / "day" / "2021-02-26.md").read_text(encoding="utf-8")
    assert "بين 20 و26 فبراير 2021 (تقريبي)" in approx
    assert "[التالي: 27 فبراير 2021](2021-02-27.md)" in approx


def test_week_briefing_counts_types_and_puts_key_events_first(built):
    text = (built / "docs" / "week" / "2021-W08.md").read_text(encoding="utf-8")
    assert "| هجمات | 5 |" in text
    assert 'data-figure="tl-week-data"' in text
    home = (built / "docs" / "index.md").read_text(encoding="utf-8")
    assert "week/2021-W08.md" in home and "tl-glance" in home


def test_rejected_events_are_never_shown(built):
    for path in (built / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".csv", ".ics", ".yaml"):
            assert "rejected-duplicate" not in path.read_text(encoding="utf-8", errors="ignore"), path


def test_downloads(built):
    folder = built / "site" / "downloads"
    events = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in events] == [e.id for e in build_catalog(VISIBLE).events]
    assert {Event.model_validate(e).id for e in events} == {e.id for e in VISIBLE}
    rows = list(csv.DictReader(io.StringIO((folder / "events.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(VISIBLE) and rows[0]["id"]
    acled = list(csv.DictReader(io.StringIO((folder / "events-acled.csv").read_text(encoding="utf-8-sig"))))
    ied = next(r for r in acled if r["event_id_cnty"] == "2021-02-27-diwaniyah-convoy-ied")
    assert ied["event_date"] == "2021-02-27" and ied["time_precision"] == "1"
    assert ied["sub_event_type"] == "Remote explosive/landmine/IED" and ied["country"] == "Iraq"
    assert ied["location"] == "Diwaniyah" and ied["latitude"] == "31.99"
    erbil = next(r for r in acled if r["event_id_cnty"] == "2021-02-erbil-airport-rockets")
    assert erbil["time_precision"] == "2" and erbil["sub_event_type"].startswith("Shelling")
    ics = (folder / "events.ics").read_bytes().decode("utf-8")
    assert ics.count("BEGIN:VEVENT") == len(VISIBLE)
    assert "DTSTART;VALUE=DATE:20210227\r\nDTEND;VALUE=DATE:20210228" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    schema = json.loads((folder / "event.schema.json").read_text(encoding="utf-8"))
    assert "date" in schema["properties"] and "title" in schema["required"]
    assert (folder / "events.yaml").is_file()


def test_acled_mapping():
    by_id = {e.id: e for e in seed_events()}
    strike = acled_type(by_id["2021-02-us-strike-bukamal"])
    assert strike == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_type(by_id["2021-02-27-factions-threaten"])[0] == "Strategic developments"
    assert time_precision(by_id["2021-02-us-strike-bukamal"]) == 2


def test_broken_event_file_stops_build_and_leaves_site(built, tmp_path, capsys):
    root = _project(tmp_path)
    assert build(root, quiet=True) == 0
    before = {p.relative_to(root / "site"): p.stat().st_mtime_ns for p in (root / "site").rglob("*")}
    bad = root / "events" / "2021" / "bad.yaml"
    bad.write_text("id: bad\ndate: 2021-02-30\ntitle: x\ntype: assault\n", encoding="utf-8")
    assert build(root, quiet=True) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:2" in err and "date" in err
    after = {p.relative_to(root / "site"): p.stat().st_mtime_ns for p in (root / "site").rglob("*")}
    assert after == before


def test_failed_mkdocs_build_leaves_site(tmp_path, capsys):
    root = _project(tmp_path)
    assert build(root, quiet=True) == 0
    marker = root / "site" / "index.html"
    before = marker.read_bytes()
    # a hand-written page with a broken link makes `mkdocs build --strict` fail
    (root / "docs" / "broken.md").write_text("# x\n\n[nowhere](missing.md)\n", encoding="utf-8")
    assert build(root, quiet=True) != 0
    assert marker.read_bytes() == before
    assert not list(root.glob(".site-build-*")) and not list(root.glob(".site-old-*"))
    assert "missing.md" in capsys.readouterr().err


def test_english_left_to_right_from_one_setting(tmp_path):
    root = _project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: ar ", "language: en "),
                      encoding="utf-8")
    assert build(root, quiet=True) == 0
    html = (root / "site" / "timeline.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html and 'dir="ltr"' in html
    day = (root / "docs" / "day" / "2021-02-27.md").read_text(encoding="utf-8")
    assert "Saturday 27 February 2021" in day and ">Attacks (1)</h2>" in day
    assert _timeline_data(root / "site")["rtl"] is False


def test_regenerating_removes_pages_of_events_gone(tmp_path):
    root = make_site_project(tmp_path / "p")
    generate(seed_events(), root)
    assert (root / "docs" / "day" / "2021-02-26.md").is_file()
    generate([e for e in seed_events() if not e.approximate], root)
    assert not (root / "docs" / "day" / "2021-02-26.md").exists()
    assert not (root / "docs" / "place" / "erbil.md").exists()


def test_empty_corpus_builds(tmp_path):
    root = _project(tmp_path, events=[])
    assert build(root, quiet=True) == 0
    assert (root / "site" / "index.html").is_file()


def test_extracted_seed_builds(tmp_path, monkeypatch):
    """The real pipeline: `timeline extract` on the seed article, then `timeline build`."""
    root = make_site_project(tmp_path / "p")
    monkeypatch.chdir(root)
    assert cli(["extract", "seeds", "--events", "events"]) == 0
    assert cli(["build", "--quiet"]) == 0
    events = json.loads((root / "site" / "downloads" / "events.json").read_text(encoding="utf-8"))
    assert events and all(e["sources"][0]["article"] == SEED for e in events)
    ied = [e for e in events
           if e["date"] == "2021-02-27" and e["type"] == "assault" and e.get("mode") == "explosives"]
    assert ied, "the Diwaniyah roadside bomb"
    day = (root / "site" / "day" / "2021-02-27.html").read_text(encoding="utf-8")
    assert f'id="ev-{ied[0]["id"]}"' in day


def test_hostile_titles_and_partial_dates(tmp_path):
    """Markup in titles and quotes is shown as text, never run; month and year dates build."""
    base = seed_events()[0]
    nasty = "<script>alert(1)</script> **نص** [رابط](x.md) { #x } | `code` ال_تحالف"
    events = [
        base.model_copy(update={"id": "2021-02-nasty", "date": "2021-02", "title": nasty, "approximate": True,
                                "summary": "<img src=x onerror=alert(1)>",
                                "places": [base.places[0].model_copy(update={"lat": None, "lon": None})]}),
        base.model_copy(update={"id": "2021-year-only", "date": "2021", "title": "حدث في عام 2021", "places": [],
                                "actors": [], "sources": [], "lang": "en"}),
    ]
    root = _project(tmp_path, events=events)
    assert build(root, quiet=True) == 0
    site = root / "site"
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in text and "<img src=x" not in text, path
    day = (site / "day" / "2021-02-28.html").read_text(encoding="utf-8")
    assert 'id="ev-2021-02-nasty"' in day and "&lt;script&gt;" in day
    # a known range (not approximate) is briefed on its first day; an approximate one on its last
    assert 'id="ev-2021-year-only"' in (site / "day" / "2021-01-01.html").read_text(encoding="utf-8")
    data = _timeline_data(site)
    assert len(data["ev"]["id"]) == 2
