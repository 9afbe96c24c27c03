"""The fast paths give the same bytes as the slow ones they replace (issue 4's speed work)."""

from __future__ import annotations

import random

import pytest

from builder import yamlio

_ALPHABET = list("ab1 -?:,[]{}#&*!|>'\"%@`.\n\t\r~=") + [
    "ب", "ال", "é", "\u00a0", "\u200f", "\u200e", "\u0640", "\ufeff", "\x85", "\u2028", "\x7f", "\x01",
    "😀", "\ufffe", "\ue000", "\ud7ff", "\uff00",
]


def _random_data(rnd: random.Random) -> dict:
    text = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 14)))
    key = (text[: rnd.choice([20, 130])] or "e") * rnd.choice([1, 1, 10])
    return {"k": text, "l": [text, 1, 2.5, None, True, -3], key: {"m": text, "n": [{"o": text}]}}


def test_dump_fast_paths_match_python_emitter_on_random_data():
    rnd = random.Random(4)
    libyaml = 0
    for _ in range(6_000):
        data = _random_data(rnd)
        expected = yamlio.dump_python(data)
        assert yamlio.dump(data) == expected, repr(data)
        if yamlio._c_safe(data):        # what the fast emitter leaves to PyYAML goes through libyaml
            libyaml += 1
            assert yamlio._dump_pyyaml(data) == expected, repr(data)
    assert libyaml > 1_000          # the libyaml path is really exercised


@pytest.mark.parametrize("value", [
    "emoji 😀", "nel\x85x", "cr\r\nlf", "bom\ufeff", "line\u2028sep", "ctrl\x01", "tab\tx",
    "a\nb", "a\n", "line\n\nline2\n\n", " \n x", "trail ", " lead", "- dash", "key: value", "#c", "a #b",
    "null", "yes", "1.5", "0x1f", "'q'", '"dq"', "", "وزير الخارجية العراقي، فؤاد حسين",
])
def test_dump_fast_path_matches_on_edge_strings(value):
    for data in ({"k": value}, {"k": [value, {"z": value}]}, {value or "e": 1}):
        assert yamlio.dump(data) == yamlio._dump_pyyaml(data) == yamlio.dump_python(data)


@pytest.mark.parametrize("ch", ["a", "ب", "€"])
def test_dump_long_keys_match(ch):
    for n in range(100, 140):
        data = {ch * n: 1, "x": {ch * n: [ch]}}
        assert yamlio.dump(data) == yamlio._dump_pyyaml(data) == yamlio.dump_python(data)
