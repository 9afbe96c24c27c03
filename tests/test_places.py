"""Gazetteer: the seed's places, Arabic clitics, stopwords, longest match, English, project overrides."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest

from builder.places import DATA_DIR, Gazetteer, analyse, name_key

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_696c8f031478c01d.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def names(gaz: Gazetteer, text: str, lang: str = "ar") -> list[str]:
    return [m.place.name_en for m in gaz.find(text, lang)]


def test_seed_places(gaz: Gazetteer) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = {m.place.name: m for m in gaz.find(text)}
    expected = {
        "مطار أربيل": "Erbil International Airport",
        "المنطقة الخضراء": "Green Zone (Baghdad)",
        "قاعدة بلد الجوية": "Balad Air Base",
        "محافظة الديوانية": "Diwaniyah",
        "طهران": "Tehran",
        "إيران": "Iran",
        "البوكمال": "Al-Bukamal",
        "العراق": "Iraq",
        "واشنطن": "Washington",
        "بغداد": "Baghdad",
        "إقليم كردستان": "Kurdistan Region",
    }
    for name, name_en in expected.items():
        assert name in found, name
        assert found[name].place.name_en == name_en
    assert found["البوكمال"].place.country == "SY"
    assert found["قاعدة بلد الجوية"].place.lat == pytest.approx(33.94, abs=0.1)
    # every match is cut from the original text, in order, without overlaps
    matches = gaz.find(text)
    for m in matches:
        assert text[m.start_char:m.end_char] == m.text
    assert all(a.end_char <= b.start_char for a, b in zip(matches, matches[1:], strict=False))
    # the airport is one place, not the airport plus Erbil; Balad the air base, not the town
    assert "Erbil" not in names(gaz, text) and "Balad" not in names(gaz, text)
    # "الخط" of the page furniture and the verb ينقل are not places
    assert all(m.place.country for m in matches)


def test_green_zone_in_baghdad_is_one_match(gaz: Gazetteer) -> None:
    [m] = gaz.find("سقط صاروخ داخل المنطقة الخضراء في بغداد.")
    assert m.text == "المنطقة الخضراء في بغداد" and m.place.name_en == "Green Zone (Baghdad)"


@pytest.mark.parametrize("text,expected", [
    ("وصل الوفد إلى بغداد وبغداد وببغداد ولبغداد", ["Baghdad"] * 4),
    ("زار للموصل ثم بالموصل والموصل", ["Mosul"] * 3),
    ("وبالبوكمال وللبوكمال", ["Al-Bukamal"] * 2),
    ("قصف قرب ألبوكمال وأبو كمال", ["Al-Bukamal"] * 2),
    ("من طهرانَ إلى دِمشقَ", ["Tehran", "Damascus"]),        # diacritics
    ("في بغــداد", ["Baghdad"]),                             # tatweel
    ("في محافظة الديوانية جنوبي العراق", ["Diwaniyah", "Iraq"]),
])
def test_arabic_clitics_and_folding(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert names(gaz, text) == expected


def test_clitic_offsets_leave_out_the_conjunction(gaz: Gazetteer) -> None:
    text = "وصلوا وبغداد"
    [m] = gaz.find(text)
    assert m.text == "بغداد" and text[m.start_char:m.end_char] == "بغداد"


@pytest.mark.parametrize("text", [
    "أكدت السلطات أن وقف إطلاق النار صامد",
    "هذا بلد يعاني من الأزمات منذ سنوات",
    "أعلن الحزب الجديد عن برنامجه ويأمل الأمل",
    "فتح الباب أمام المفاوضات في المدينة",
    "وقال بن سلمان إن الاتفاق كبيرا جدا وأن الخبر صحيح",
    "نشرت صور من موقع الانفجار في آب الماضي",
    "دعم مالي للعائلات",
    "ينقل الرتل معدات عسكرية",
])
def test_common_words_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert gaz.find(text) == []


def test_stoplisted_names_count_after_a_cue(gaz: Gazetteer) -> None:
    assert names(gaz, "سيطرت القوات على مدينة الباب") == ["Al-Bab"]
    assert names(gaz, "اشتباكات في قضاء بلد") == ["Balad"]


def test_longest_match_wins(gaz: Gazetteer) -> None:
    assert names(gaz, "استهدف صاروخ مطار أربيل الدولي") == ["Erbil International Airport"]
    assert names(gaz, "سقطت قذائف على قاعدة عين الأسد في الأنبار") == [
        "Ain al-Asad Air Base", "Anbar"]
    assert names(gaz, "قصفت الطائرات قطاع غزة") == ["Gaza Strip"]
    assert names(gaz, "فيلق القدس") == []                                # not a place
    assert names(gaz, "وقال متحدث باسم قوات سوريا الديمقراطية") == []


def test_english(gaz: Gazetteer) -> None:
    text = "Rockets hit Erbil airport and the Green Zone in Baghdad; U.S. and UK officials met in Tehran."
    got = names(gaz, text, "en")
    assert got == ["Erbil International Airport", "Green Zone (Baghdad)", "United States", "United Kingdom",
                   "Tehran"]
    assert gaz.find("Balad Air Base was shelled", "en")[0].place.name == "Balad Air Base"
    assert names(gaz, "Strikes near Al-Bukamal and in Deir Ezzor, Syria's east", "en") == [
        "Al-Bukamal", "Deir ez-Zor", "Syria"]
    # lower-case words and the pronoun "us" are not places
    assert names(gaz, "tell us about the balad road in a url like news/iran-talks", "en") == []
    assert names(gaz, "in March, a Police officer said", "en") == []


def test_name_language(gaz: Gazetteer) -> None:
    assert gaz.find("طهران")[0].place.name == "طهران"
    assert gaz.find("Tehran", "en")[0].place.name == "Tehran"
    assert gaz.find("Tehran", "ar")[0].place.name == "طهران"


def test_project_overrides_win(gaz: Gazetteer, tmp_path: Path) -> None:
    extra = tmp_path / "places.yaml"
    extra.write_text(
        "places:\n"
        "- {name: مخيم الهول, name_en: Al-Hol camp, country: SY, lat: 36.37, lon: 41.15, kind: site}\n"
        "- {name: بغداد, name_en: Baghdad (project), country: IQ, lat: 33.3, lon: 44.4}\n"
        "stoplist_ar: [دمشق]\n"
        "allow: [الباب]\n", encoding="utf-8")
    custom = Gazetteer.load([extra])
    assert names(custom, "وصلت عائلات إلى مخيم الهول") == ["Al-Hol camp"]
    assert names(custom, "في بغداد") == ["Baghdad (project)"]
    assert names(custom, "في دمشق") == []
    assert names(custom, "في الباب") == ["Al-Bab"]
    assert names(gaz, "في دمشق") == ["Damascus"]          # the shared instance is untouched


def test_generated_keys_match_the_matcher() -> None:
    """gazetteer.json stores folded keys; they must be what name_key makes today."""
    data = json.loads((DATA_DIR / "gazetteer.json").read_text(encoding="utf-8"))
    for row in data["places"][::50]:
        names_ = [n for n in (row[1], row[2]) if n]
        for n in names_:
            assert " ".join(name_key(n)) in row[7], n
    assert (DATA_DIR / "gazetteer.json").stat().st_size < 1_500_000


def test_speed_figures(gaz: Gazetteer) -> None:
    """Prints figures; the floor is generous so a slow CI machine does not fail it."""
    start = time.perf_counter()
    Gazetteer.load()
    load = time.perf_counter() - start
    sentences = [s for s in SEED.read_text(encoding="utf-8").split("\n") if s.strip()]
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for s in sentences:
            analyse.cache_clear()     # measure folding and tokenising too
            gaz.find(s)
    per_sentence = (time.perf_counter() - start) / (rounds * len(sentences))
    print(f"\ngazetteer load {load * 1000:.0f} ms; find {per_sentence * 1e6:.0f} µs per seed line")
    assert load < 1.0 and per_sentence < 0.005


@pytest.mark.skipif(not (CORPUS / "articles_en" / "gold_event_dates.tsv").is_file(),
                    reason="no ../shared corpus")
def test_dev_corpus_gold_places_are_found(gaz: Gazetteer) -> None:
    gold_file = CORPUS / "articles_en" / "gold_event_dates.tsv"
    with open(gold_file, encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh, delimiter="\t"))
    found = 0
    for row in gold:
        # the gold names are lower-case ("deir ezzor"): resolve them through the gazetteer too
        targets = {m.place.name_en for m in gaz.find(row["location"].title(), "en")}
        article = (CORPUS / "articles_en" / row["file"]).read_text(encoding="utf-8")
        places = {m.place.name_en for m in gaz.find(article, "en")}
        governorates = {p.replace(" Governorate", "") for p in places}
        found += bool(targets & (places | governorates))
    share = found / len(gold)
    print(f"\nFA-KES gold place found in its article: {found}/{len(gold)} = {share:.1%}")
    assert share >= 0.85
