"""The built site in headless Chromium (Debian's package, driven by Playwright): the timeline draws
one mark per event, right to left; hover and click work; Arabic search finds words behind their
clitics; the map draws; no console errors and no request leaves the site. Screenshots go to
screenshots/ for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT, make_site_project, seed_events

from builder.site import generate
from builder.site.mkdocs_build import build
from builder.store import write_event

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); the browser tests need it")
    pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_site_project(tmp_path_factory.mktemp("browser") / "project")
    for event in seed_events():
        write_event(root / "events", event)
    assert build(root, quiet=True) == 0
    return root / "site"


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A page with every request outside the site refused and every console error kept."""

    def __init__(self, browser, site: Path):
        self.site = site
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        scheme = urlparse(url).scheme
        if scheme in ("file", "data", "blob", "about"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, rel: str) -> None:
        self.page.goto((self.site / rel).as_uri())
        self.page.wait_for_load_state("load")

    def shot(self, name: str) -> None:
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / name), full_page=True)

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.outside == [], f"requests that left the site: {self.outside}"


@pytest.fixture
def visit(browser, site):
    v = Visit(browser, site)
    yield v
    v.close()


def test_timeline_draws_one_mark_per_event_right_to_left(visit):
    visit.open("timeline.html")
    page = visit.page
    page.wait_for_selector("#tl-main.tl-ready")
    visible = [e for e in seed_events() if e.status != "rejected"]
    marks = page.locator("#tl-main .scatterlayer .trace .points path")
    assert marks.count() == len(visible)
    assert page.get_attribute("#tl-main", "data-marks") == str(len(visible))
    assert page.evaluate("document.body.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    # time runs right to left: the latest day is drawn left of the earliest
    ticks = page.evaluate("""() => { const gd = document.querySelector('#tl-main .js-plotly-plot');
        const r = gd._fullLayout.xaxis.range; return [Date.parse(r[0]), Date.parse(r[1])]; }""")
    assert ticks[0] > ticks[1]
    # Arabic month names on the axis
    axis = page.locator("#tl-main .xtick text").all_text_contents()
    assert any("فبراير" in t for t in axis), axis
    # the page is no wider than the window (plotly's off-screen tester does not widen it)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    visit.shot("timeline.png")


def test_timeline_hover_shows_arabic_title_and_click_opens_briefing(visit):
    visit.open("timeline.html")
    page = visit.page
    page.wait_for_selector("#tl-main.tl-ready")
    title = "هجوم بعبوة ناسفة على رتل للتحالف الدولي في الديوانية"
    # find the mark of the Diwaniyah attack through plotly's own data, then hover it with the mouse
    box = page.evaluate("""(id) => {
        const gd = document.querySelector('#tl-main .js-plotly-plot');
        const ids = window.TL_DATA.ev.id;
        for (let t = 0; t < gd.data.length; t++) {
            const cd = gd.data[t].customdata || [];
            for (let k = 0; k < cd.length; k++) if (ids[cd[k]] === id) {
                const pts = gd.querySelectorAll('.scatterlayer .trace')[t].querySelectorAll('.points path');
                const r = pts[k].getBoundingClientRect();
                return {x: r.x + r.width / 2, y: r.y + r.height / 2};
            }
        }
        return null; }""", "2021-02-27-diwaniyah-convoy-ied")
    assert box is not None
    page.mouse.move(box["x"], box["y"])
    page.wait_for_selector("#tl-main .hoverlayer .hovertext")
    hover = page.locator("#tl-main .hoverlayer .hovertext").text_content() or ""
    assert title in hover.replace("\u2067", "").replace("\u2068", "").replace("\u2069", "")
    assert "الديوانية" in hover and "فبراير" in hover
    visit.shot("timeline-hover.png")
    page.mouse.click(box["x"], box["y"])
    page.wait_for_url("**/day/2021-02-27.html#ev-2021-02-27-diwaniyah-convoy-ied")
    assert page.locator("#ev-2021-02-27-diwaniyah-convoy-ied").inner_text().startswith("هجوم بعبوة ناسفة")
    visit.shot("day-2021-02-27.png")


def test_timeline_filters_lanes_and_ranges(visit):
    visit.open("timeline.html")
    page = visit.page
    page.wait_for_selector("#tl-main.tl-ready")
    page.locator(".tl-controls select").nth(1).select_option(label="هجمات")
    assaults = sum(1 for e in seed_events() if e.type == "assault" and e.status != "rejected")
    assert page.get_attribute("#tl-main", "data-marks") == str(assaults)
    page.locator(".tl-controls select").nth(1).select_option(value="-1")
    page.locator(".tl-controls select").nth(0).select_option(value="place")
    lanes = page.locator("#tl-main .ytick text").all_text_contents()
    assert "طهران" in lanes and "بلا مكان" in lanes
    page.locator(".tl-range-week").click()
    rng = page.evaluate("document.querySelector('#tl-main .js-plotly-plot')._fullLayout.xaxis.range")
    assert rng[0] > rng[1]   # still right to left
    visit.shot("timeline-places.png")


def test_search_finds_arabic_words_behind_clitics(visit):
    visit.open("index.html")
    page = visit.page
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill(".md-search__input", "تحالف")
    page.press(".md-search__input", "End")   # Material reads the query on key events
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.locator(".md-search-result__item").all_inner_texts()
    joined = "\n".join(results)
    assert "الديوانية" in joined or "التحالف" in joined, joined[:500]
    visit.shot("search.png")


def test_map_draws_places_from_local_topojson(visit):
    visit.open("map.html")
    page = visit.page
    page.wait_for_selector(".tl-map.tl-ready", timeout=15000)
    assert page.locator(".tl-map .geo .countries path, .tl-map .geo path.countries").count() >= 1
    assert page.locator(".tl-map .scattergeo .point, .tl-map .scattergeo path").count() == 6
    visit.shot("map.png")


@pytest.mark.parametrize("rel", ["index.html", "week/2021-W08.html", "place/diwaniyah.html", "sources.html",
                                 "downloads.html"])
def test_pages_render_without_errors(visit, rel):
    visit.open(rel)
    visit.page.wait_for_timeout(300)
    for fig in visit.page.locator("[data-figure]").all():
        assert "tl-ready" in (fig.get_attribute("class") or "")
    visit.shot(rel.replace("/", "-").replace(".html", ".png"))


def test_generate_alone_matches_build(tmp_path):
    """generate() is public API: it writes pages without building."""
    root = make_site_project(tmp_path / "p")
    generate(seed_events(), root)
    assert (root / "docs" / "timeline.md").is_file()


def test_many_events_draw_with_webgl(browser, tmp_path):
    """Past a few thousand marks the timeline switches to WebGL traces; it still draws every event."""
    from datetime import date, timedelta

    from builder.models import Event

    base = seed_events()[0]
    start = date(2024, 1, 1)
    types = ["assault", "statement", "consult", "threaten", "protest"]
    events = []
    for i in range(3000):
        day = start + timedelta(days=i % 180)
        ranged = i % 4 == 0
        events.append(base.model_copy(update={
            "id": f"{day.isoformat()}-many-{i:04d}", "date": day.isoformat(), "type": types[i % len(types)],
            "until": (day + timedelta(days=3)).isoformat() if ranged else None, "approximate": ranged,
            "title": f"حدث تجريبي رقم {i} في {base.places[0].name}", "mode": None,
        }))
    Event.model_validate(events[0].model_dump())
    root = make_site_project(tmp_path / "many")
    for event in events:
        write_event(root / "events", event)
    assert build(root, quiet=True) == 0
    v = Visit(browser, root / "site")
    try:
        v.open("timeline.html")
        v.page.wait_for_selector("#tl-main.tl-ready", timeout=30000)
        # a large corpus opens on its last month, drawing only the marks in and around it
        assert v.page.get_attribute("#tl-main", "data-total") == "3000"
        opening = int(v.page.get_attribute("#tl-main", "data-marks"))
        assert 0 < opening < 1500 and v.page.get_attribute("#tl-main", "data-webgl") == "0"
        v.shot("timeline-3000-month.png")
        # panning back a few months draws the marks there
        v.page.evaluate("""() => { const gd = document.querySelector('#tl-main .js-plotly-plot');
            const r = gd._fullLayout.xaxis.range.map(Date.parse);
            return Plotly.relayout(gd, {'xaxis.range': [r[0] - 90 * 864e5, r[1] - 90 * 864e5]}); }""")
        v.page.wait_for_timeout(300)
        shown = v.page.evaluate("""() => { const gd = document.querySelector('#tl-main .js-plotly-plot');
            const r = gd._fullLayout.xaxis.range.map(Date.parse); const lo = Math.min(...r), hi = Math.max(...r);
            return gd.data.filter(t => t.meta === 'events').some(t => t.x.some(x => x >= lo && x <= hi)); }""")
        assert shown
        v.page.locator(".tl-range-all").click()   # WebGL: the full plotly.js bundle is loaded now
        v.page.wait_for_selector('#tl-main[data-webgl="1"]', timeout=30000)
        assert v.page.get_attribute("#tl-main", "data-marks") == "3000"
        v.shot("timeline-3000-webgl.png")
    finally:
        v.close()
