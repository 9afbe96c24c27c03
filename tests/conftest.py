"""Shared fixtures. Keep this small: each helper here is used by more than one test module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.models import Event

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_696c8f031478c01d.txt"
OUTLET = "العربي الجديد"


def _event(id_: str, date: str, title: str, type_: str, places: list[dict], actors: list[str], quote: str,
           date_text: str | None, *, until: str | None = None, approximate: bool = False,
           mode: str | None = None, status: str = "draft") -> Event:
    return Event.model_validate({
        "id": id_, "date": date, "until": until, "approximate": approximate, "title": title, "type": type_,
        "mode": mode, "actors": actors, "places": places, "lang": "ar", "status": status,
        "sources": [{"article": SEED, "outlet": OUTLET, "published": "2021-02-27", "quote": quote,
                     "date_text": date_text}],
    })


DIWANIYAH = {"name": "الديوانية", "name_en": "Diwaniyah", "country": "IQ", "lat": 31.99, "lon": 44.92}
TEHRAN = {"name": "طهران", "name_en": "Tehran", "country": "IR", "lat": 35.69, "lon": 51.42}
ERBIL = {"name": "أربيل", "name_en": "Erbil", "country": "IQ", "lat": 36.19, "lon": 44.01}
BAGHDAD = {"name": "بغداد", "name_en": "Baghdad", "country": "IQ", "lat": 33.31, "lon": 44.37}
BALAD = {"name": "بلد", "name_en": "Balad", "country": "IQ", "lat": 34.02, "lon": 44.15}
BUKAMAL = {"name": "البوكمال", "name_en": "Al-Bukamal", "country": "SY", "lat": 34.45, "lon": 40.92}
COALITION = "التحالف الدولي"


def seed_events() -> list[Event]:
    """The seed article's events as the extractor is specified to find them (issue 2), plus one
    rejected event that must never be shown."""
    recent = dict(until="2021-02-26", approximate=True)
    return [
        _event("2021-02-27-diwaniyah-convoy-ied", "2021-02-27",
               "هجوم بعبوة ناسفة على رتل للتحالف الدولي في الديوانية", "assault", [DIWANIYAH], [COALITION],
               "وتعرض رتل ينقل معدات للتحالف الدولي، السبت، إلى هجوم بعبوة ناسفة", "السبت",
               mode="explosives"),
        _event("2021-02-27-iraqi-fm-visits-tehran", "2021-02-27",
               "وزير الخارجية العراقي فؤاد حسين يزور طهران",
               "consult", [TEHRAN], ["فؤاد حسين", "محمد جواد ظريف"],
               "زيارة أجراها وزير الخارجية العراقي، فؤاد حسين، إلى إيران، السبت", "السبت", mode="visit"),
        _event("2021-02-erbil-airport-rockets", "2021-02-20", "هجوم بالصواريخ على مطار أربيل", "assault",
               [ERBIL], [], "هجمات بالصواريخ استهدفت مطار أربيل في إقليم كردستان العراق",
               "خلال الأيام الماضية", mode="heavy-weapons", **recent),
        _event("2021-02-green-zone-rockets", "2021-02-20", "هجوم بالصواريخ على المنطقة الخضراء في بغداد",
               "assault", [BAGHDAD], [], "والمنطقة الخضراء في بغداد التي تضم مبنى السفارة الأميركية",
               "خلال الأيام الماضية", mode="heavy-weapons", **recent),
        _event("2021-02-balad-air-base-rockets", "2021-02-20", "هجوم بالصواريخ على قاعدة بلد الجوية",
               "assault", [BALAD], [], "وقاعدة بلد الجوية شمالي بغداد", "خلال الأيام الماضية",
               mode="heavy-weapons", **recent),
        _event("2021-02-us-strike-bukamal", "2021-02-20", "غارات جوية أميركية على فصائل عراقية في البوكمال",
               "assault", [BUKAMAL], ["الولايات المتحدة", "فصائل عراقية مسلحة"],
               "الغارات الجوية الأميركية الأخيرة التي استهدفت فصائل عراقية مسلحة", "الأخيرة",
               mode="aerial", **recent),
        _event("2021-02-27-coalition-deputy-statement", "2021-02-27",
               "نائب قائد التحالف الدولي: الهجمات الصاروخية تهديد للعراق", "statement", [BAGHDAD],
               [COALITION, "كفين كوبسي"],
               "أنّ الجماعات المسلحة التي تنفذ الهجمات الصاروخية تشكل تهديداً للعراق",
               None, approximate=False),
        _event("2021-02-27-factions-threaten", "2021-02-27", "فصائل عراقية مسلحة تهدد «المتواطئين والعملاء»",
               "threaten", [], ["الهيئة التنسيقية لفصائل المقاومة العراقية"],
               "لن يكونوا بمنأى عن الحساب", None),
        _event("2021-02-27-zarif-condemns-strikes", "2021-02-27", "ظريف يدين الغارات الأميركية على البوكمال",
               "disapprove", [TEHRAN], ["محمد جواد ظريف"],
               "دان ظريف خلال اللقاء الغارات الجوية الأميركية الأخيرة",
               None),
        _event("2021-02-27-rejected-duplicate", "2021-02-27", "حدث مرفوض لا يظهر أبدا", "statement", [], [],
               "نص", None, status="rejected"),
    ]


def make_site_project(dest: Path) -> Path:
    """A project folder for building a site without touching the checkout: mkdocs.yml, the
    hand-written docs/ files and a link to builder/ (the theme overrides live there)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    ignore = shutil.ignore_patterns("generated", "vendor", "day", "week", "place", "actor", "downloads",
                                    "index.md", "timeline.md", "map.md", "briefings.md", "places.md",
                                    "actors.md", "sources.md", "downloads.md")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=ignore)
    (dest / "builder").symlink_to(ROOT / "builder", target_is_directory=True)
    (dest / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    return dest


@pytest.fixture
def seed_site_events() -> list[Event]:
    return seed_events()
