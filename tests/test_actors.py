"""Actor lexicon: the seed's actors, people found by their role, clitics, English, project files."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.actors import ActorLexicon

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_696c8f031478c01d.txt"


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.load()


def en_names(lex: ActorLexicon, text: str, lang: str = "ar") -> list[str]:
    return [m.actor.name_en for m in lex.find(text, lang)]


def test_seed_actors(lex: ActorLexicon) -> None:
    text = SEED.read_text(encoding="utf-8")
    matches = lex.find(text)
    found = {m.actor.name_en for m in matches}
    for name in ["Global Coalition", "United States", "ISIS", "Iraqi government", "Mustafa al-Kadhimi",
                 "Fuad Hussein", "Mohammad Javad Zarif", "Kevin Copsey", "Peshmerga", "Iran",
                 "Coordination Committee of the Iraqi Resistance", "Iraqi armed factions",
                 "Iraqi security forces", "Iraq"]:
        assert name in found, name
    people = {m.actor.name_en: m.actor for m in matches if m.actor.kind == "person"}
    assert people["Fuad Hussein"].role == "Iraqi foreign minister"
    assert people["Mustafa al-Kadhimi"].role == "prime minister"
    assert people["Kevin Copsey"].role == "deputy commander"
    # nothing but the four people is taken for a person
    assert set(people) == {"Fuad Hussein", "Mohammad Javad Zarif", "Kevin Copsey", "Mustafa al-Kadhimi"}
    for m in matches:
        assert text[m.start_char:m.end_char] == m.text


def test_unknown_person_from_role(lex: ActorLexicon) -> None:
    [m] = lex.find("وقال وزير الدفاع التركي خلوصي أكار إن العملية مستمرة")
    assert (m.text, m.actor.kind, m.actor.country, m.actor.role) == (
        "خلوصي أكار", "person", "TR", "Turkish defence minister")
    assert m.actor.name == m.actor.name_en == "خلوصي أكار"     # no transliteration known
    [m] = lex.find("وأوضح المتحدث باسم الوزارة، سعد معن، أن")
    assert m.actor.name == "سعد معن" and m.actor.role == "spokesperson"


def test_surname_after_full_name(lex: ActorLexicon) -> None:
    text = "التقى وزير الخارجية السعودي، عادل الجبير، نظيره. وقال الجبير إن اللقاء مثمر."
    got = [(m.text, m.actor.name) for m in lex.find(text)]
    assert got == [("عادل الجبير", "عادل الجبير"), ("الجبير", "عادل الجبير")]
    # a surname alone, before any full name, is nobody
    assert lex.find("وقال حسين إن الوضع هادئ") == []


@pytest.mark.parametrize("text", [
    "وزير الخارجية تضمنت زيارته ملفات عدة في بغداد",
    "وقال وزير الخارجية لقناة محلية إن",
    "نائب القائد العام لقوة المهام المشتركة في المنطقة",
])
def test_role_without_a_name_is_nobody(lex: ActorLexicon, text: str) -> None:
    assert [m for m in lex.find(text) if m.actor.kind == "person"] == []


def test_clitics_and_longest(lex: ActorLexicon) -> None:
    assert en_names(lex, "وللتحالف الدولي وبالحكومة العراقية وحزب الله") == [
        "Global Coalition", "Iraqi government", "Hezbollah"]
    assert en_names(lex, "كتائب حزب الله") == ["Kataib Hezbollah"]
    assert en_names(lex, "قوات سوريا الديمقراطية وقسد") == ["Syrian Democratic Forces"] * 2


def test_metonyms(lex: ActorLexicon) -> None:
    assert en_names(lex, "طالبت طهران بالانسحاب") == ["Iran"]
    assert en_names(lex, "عقد اللقاء في طهران") == []          # there Tehran is a place


def test_english(lex: ActorLexicon) -> None:
    [m] = lex.find("Iraqi Foreign Minister Fuad Hussein said on Saturday", "en")
    assert (m.actor.name, m.actor.role) == ("فؤاد حسين", "Iraqi foreign minister")
    [m] = lex.find("Prime Minister Mustafa al-Kadhimi said", "en")
    assert m.actor.name_en == "Mustafa al-Kadhimi"
    [m] = lex.find("Syrian Foreign Minister Walid al-Moallem met envoys", "en")
    assert (m.text, m.actor.kind, m.actor.country) == ("Walid al-Moallem", "person", "SY")
    assert en_names(lex, "The US-led coalition and Hezbollah; IS claimed it", "en") == [
        "Global Coalition", "Hezbollah", "ISIS"]
    assert en_names(lex, "it is what it is", "en") == []      # "is" is not IS


def test_project_actors(tmp_path: Path) -> None:
    extra = tmp_path / "actors.yaml"
    extra.write_text(
        "actors:\n"
        "- {name: سرايا أولياء الدم, name_en: Saraya Awliya al-Dam, kind: armed-group, country: IQ}\n"
        "roles:\n"
        "- {ar: [قائد شرطة], en: [Police Chief], role: police chief}\n", encoding="utf-8")
    lex = ActorLexicon.load([extra])
    assert en_names(lex, "تبنت سرايا أولياء الدم الهجوم") == ["Saraya Awliya al-Dam"]
    [m] = lex.find("وقال قائد شرطة البصرة، رشيد فليح، إن")
    assert m.actor.name == "رشيد فليح" and m.actor.role == "police chief"
