"""Benchmark the site: 10,000 events over a year → `timeline build`; prints the build time, the
timeline page's size without plotly.js and its time to interactive in headless Chromium.

    .venv/bin/python bench/bench_site.py [--events 10000] [--keep DIR]

Targets (issue 5): build <= 30 s on a 2-core machine, timeline page <= 3 MB besides plotly.js,
interactive <= 2 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.models import Event  # noqa: E402
from builder.site.generate import generate  # noqa: E402
from builder.site.mkdocs_build import build  # noqa: E402
from builder.store import write_event  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PLACES = [
    ("بغداد", "Baghdad", "IQ", 33.31, 44.37), ("البصرة", "Basra", "IQ", 30.51, 47.81),
    ("الموصل", "Mosul", "IQ", 36.34, 43.13), ("أربيل", "Erbil", "IQ", 36.19, 44.01),
    ("كركوك", "Kirkuk", "IQ", 35.47, 44.39), ("النجف", "Najaf", "IQ", 32.03, 44.35),
    ("كربلاء", "Karbala", "IQ", 32.62, 44.02), ("الديوانية", "Diwaniyah", "IQ", 31.99, 44.92),
    ("الرمادي", "Ramadi", "IQ", 33.43, 43.30), ("الفلوجة", "Fallujah", "IQ", 33.35, 43.78),
    ("تكريت", "Tikrit", "IQ", 34.60, 43.68), ("سامراء", "Samarra", "IQ", 34.20, 43.87),
    ("بلد", "Balad", "IQ", 34.02, 44.15), ("السليمانية", "Sulaymaniyah", "IQ", 35.56, 45.43),
    ("دهوك", "Duhok", "IQ", 36.87, 42.99), ("الناصرية", "Nasiriyah", "IQ", 31.05, 46.26),
    ("العمارة", "Amarah", "IQ", 31.84, 47.14), ("الكوت", "Kut", "IQ", 32.51, 45.82),
    ("الحلة", "Hillah", "IQ", 32.48, 44.42), ("بعقوبة", "Baqubah", "IQ", 33.75, 44.64),
    ("دمشق", "Damascus", "SY", 33.51, 36.29), ("حلب", "Aleppo", "SY", 36.20, 37.16),
    ("دير الزور", "Deir ez-Zor", "SY", 35.33, 40.14), ("البوكمال", "Al-Bukamal", "SY", 34.45, 40.92),
    ("الرقة", "Raqqa", "SY", 35.95, 39.01), ("الحسكة", "Hasakah", "SY", 36.50, 40.75),
    ("طهران", "Tehran", "IR", 35.69, 51.42), ("بيروت", "Beirut", "LB", 33.89, 35.50),
    ("عمّان", "Amman", "JO", 31.95, 35.93), ("الرياض", "Riyadh", "SA", 24.71, 46.68),
]
ACTORS = ["التحالف الدولي", "الحكومة العراقية", "فصائل عراقية مسلحة", "الولايات المتحدة", "إيران",
          "قوات البشمركة", "تنظيم داعش", "الحشد الشعبي", "وزارة الخارجية العراقية", "الأمم المتحدة",
          "رئيس الوزراء العراقي", "الجيش العراقي", "قوات سوريا الديمقراطية", "تركيا", "الحكومة السورية"]
TYPES = [("assault", "explosives"), ("assault", "heavy-weapons"), ("assault", "aerial"), ("statement", None),
         ("consult", "visit"), ("threaten", None), ("disapprove", None), ("demand", None), ("protest", None),
         ("coerce", None), ("agree", None), ("investigate", None)]
VERBS = {"assault": "هجوم على", "statement": "تصريحات بشأن", "consult": "زيارة إلى", "threaten": "تهديد في",
         "disapprove": "إدانة لما جرى في", "demand": "مطالبات في", "protest": "احتجاجات في",
         "coerce": "اعتقالات في", "agree": "اتفاق في", "investigate": "تحقيق في"}


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    events = []
    for i in range(n):
        type_, mode = rng.choice(TYPES)
        place = rng.choice(PLACES)
        day = start + timedelta(days=rng.randrange(366))
        ranged = rng.random() < 0.25
        until = (day + timedelta(days=rng.randint(1, 6))).isoformat() if ranged else None
        actors = rng.sample(ACTORS, rng.randint(0, 2))
        title = f"{VERBS[type_]} {place[0]} و{rng.choice(ACTORS)} في سياق التصعيد الأخير رقم {i}"
        events.append(Event.model_validate({
            "id": f"{day.isoformat()}-bench-{i:05d}", "date": day.isoformat(), "until": until,
            "approximate": ranged and rng.random() < 0.7, "title": title, "type": type_, "mode": mode,
            "actors": actors,
            "places": [{"name": place[0], "name_en": place[1], "country": place[2], "lat": place[3],
                        "lon": place[4]}],
            "sources": [{"article": f"seeds/bench-{i % 400:03d}.txt", "outlet": "العربي الجديد",
                         "published": (day + timedelta(days=1)).isoformat(), "quote": title,
                         "date_text": rng.choice(["السبت", "أمس", "خلال الأيام الماضية", None])}
                        for _ in range(rng.randint(1, 3))],
        }))
    return events


def project(dest: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    # the hand-written pages and assets, not what an earlier build generated in the checkout
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns(
        "generated", "vendor", "day", "week", "place", "actor", "downloads", "index.md", "timeline.md",
        "map.md", "briefings.md", "places.md", "actors.md", "sources.md", "downloads.md"))
    (dest / "builder").symlink_to(ROOT / "builder", target_is_directory=True)
    return dest


def time_to_interactive(page_path: Path) -> tuple[float, int, str]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.add_init_script("""window.__plotlyAt = 0; (function poll() {
            if (window.Plotly) { window.__plotlyAt = performance.now(); } else { setTimeout(poll, 2); } })();""")
        page.goto(page_path.as_uri(), wait_until="commit")
        page.wait_for_selector("#tl-main.tl-ready", timeout=60000)
        ms = page.evaluate("performance.now()")
        marks_at = dict(page.evaluate("performance.getEntriesByType('mark').map(m => [m.name, m.startTime])"))
        marks = int(page.get_attribute("#tl-main", "data-marks") or 0)
        total = page.get_attribute("#tl-main", "data-total") or "?"
        webgl = page.get_attribute("#tl-main", "data-webgl") or "?"
        # interactive: a hover answers
        t0 = time.perf_counter()
        page.mouse.move(640, 500)
        page.wait_for_timeout(50)
        hover_ms = (time.perf_counter() - t0) * 1000
        page.screenshot(path=str(ROOT / "screenshots" / "bench-timeline.png"))
        plotly_at = page.evaluate("window.__plotlyAt")
        browser.close()
        if errors:
            print("console errors:", errors[:5])
        drawn = marks_at.get("tl-drawn", 0)
        note = (f"of {total} events (the opening view draws the marks around the last month); "
                f"webgl={webgl}; plotly.js loaded at {plotly_at / 1000:.2f} s, "
                f"traces built in {(marks_at.get('tl-traces', 0) - marks_at.get('tl-start', 0)) / 1000:.2f} s, "
                f"Plotly drew them in {(drawn - marks_at.get('tl-traces', 0)) / 1000:.2f} s, "
                f"drawn at {drawn / 1000:.2f} s; a hover answered in {hover_ms:.0f} ms")
        return ms / 1000, marks, note


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    (ROOT / "screenshots").mkdir(exist_ok=True)
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="bench-site-"))
    if tmp.exists() and args.keep:
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    root = project(tmp)
    events = synthetic_events(args.events)
    t0 = time.perf_counter()
    for event in events:
        write_event(root / "events", event)
    write_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    generate(events, root)
    generate_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    status = build(root)   # validates, generates again (unchanged files are not rewritten)
    build_s = time.perf_counter() - t0
    if status != 0:
        print("build failed", file=sys.stderr)
        return 1
    site = root / "site"
    page = site / "timeline.html"
    own = [page, site / "assets/generated/timeline-data.js", site / "assets/timeline.js", site / "assets/site.css"]
    own_bytes = sum(p.stat().st_size for p in own)
    material = sum(p.stat().st_size for p in (site / "assets").rglob("*")
                   if p.is_file() and "material" not in str(p) and p.suffix in (".css", ".js")
                   and ("bundle" in p.name or "main" in p.name or "palette" in p.name))
    plotly_bytes = (site / "assets/vendor/plotly.min.js").stat().st_size
    basic_bytes = (site / "assets/thirdparty/plotly-basic.min.js").stat().st_size
    pages = sum(1 for _ in site.rglob("*.html"))
    print(f"events: {len(events)} over a year; pages: {pages}")
    print(f"write event files: {write_s:.1f} s")
    print(f"generate pages: {generate_s:.1f} s")
    print(f"timeline build (load + validate + generate + mkdocs build --strict + swap): {build_s:.1f} s "
          f"(target <= 30 s)")
    print(f"timeline page without plotly.js: {own_bytes / 1e6:.2f} MB "
          f"(html {page.stat().st_size / 1e3:.0f} kB, data {own[1].stat().st_size / 1e6:.2f} MB; "
          f"+ Material css/js {material / 1e6:.2f} MB) (target <= 3 MB)")
    print(f"plotly.js: the page loads the basic bundle, {basic_bytes / 1e6:.2f} MB, and the "
          f"full one, {plotly_bytes / 1e6:.2f} MB, only when WebGL is needed")
    print(f"search index: {(site / 'search/search_index.js').stat().st_size / 1e6:.1f} MB")
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else "?"
    print(f"machine load average while measuring: {load}")
    if Path(CHROMIUM).exists():
        tti, marks, note = time_to_interactive(page)
        print(f"time to interactive (file://, headless chromium): {tti:.2f} s, {marks} marks, {note} "
              f"(target <= 2 s)")
    else:
        print("time to interactive: skipped, /usr/bin/chromium is missing")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
