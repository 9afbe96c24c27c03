"""Sentence splitting: abbreviations from builder/data/abbreviations.yaml do not end a sentence when
the next word continues it; real sentence ends still split."""

from __future__ import annotations

import pytest

from builder.text import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # month abbreviations before a day number
        ("Shelling went on between Nov. 14 and 17 near the dam. Residents fled.",
         ["Shelling went on between Nov. 14 and 17 near the dam.", "Residents fled."]),
        ("Talks began on Sept. 3 in the capital.", ["Talks began on Sept. 3 in the capital."]),
        ("The truce held from Jan. 2 to Feb. 9 at least.", ["The truce held from Jan. 2 to Feb. 9 at least."]),
        # an abbreviation before a lower-case word
        ("The U.N. envoy arrived. He met the mayor.", ["The U.N. envoy arrived.", "He met the mayor."]),
        ("Aid such as food, fuel, e.g. flour, was sent.", ["Aid such as food, fuel, e.g. flour, was sent."]),
        ("The convoy left at 6 a.m. on Tuesday. It arrived late.",
         ["The convoy left at 6 a.m. on Tuesday.", "It arrived late."]),
        ("Checkpoint No. 4 was closed.", ["Checkpoint No. 4 was closed."]),
        # titles before a name
        ("Gen. Karim Haddad said the road was open. Traffic resumed.",
         ["Gen. Karim Haddad said the road was open.", "Traffic resumed."]),
        ("Spokesman Lt. Col. Omar Nasser denied it.", ["Spokesman Lt. Col. Omar Nasser denied it."]),
        ("The surgeon Dr. Lina Saleh was hurt. Two nurses died.",
         ["The surgeon Dr. Lina Saleh was hurt.", "Two nurses died."]),
        ("Mr. Adams met Mrs. Adams in St. Marys church.", ["Mr. Adams met Mrs. Adams in St. Marys church."]),
        # single capital initials
        ("A letter signed by J. Smith was read out. Nobody replied.",
         ["A letter signed by J. Smith was read out.", "Nobody replied."]),
        # a month abbreviation that ends the sentence: a capitalised word follows
        ("The vote was moved to Nov. The opposition objected.",
         ["The vote was moved to Nov.", "The opposition objected."]),
        # an ordinary word that looks like an abbreviation is a sentence end
        ("They said no. The talks ended.", ["They said no.", "The talks ended."]),
        ("He visited Sudan. Later he flew home.", ["He visited Sudan.", "Later he flew home."]),
        # a number ends a sentence; a dot inside one does not
        ("The toll rose to 86. Rescuers kept digging.", ["The toll rose to 86.", "Rescuers kept digging."]),
        ("The front moved 3.5 km in 2016. It held.", ["The front moved 3.5 km in 2016.", "It held."]),
        ("وقعت المعارك عام 2016. ثم هدأت الجبهة.", ["وقعت المعارك عام 2016.", "ثم هدأت الجبهة."]),
        # Arabic is untouched by the English abbreviations
        ("قصفت الطائرات المدينة. وقتل خمسة مدنيين.", ["قصفت الطائرات المدينة.", "وقتل خمسة مدنيين."]),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected
