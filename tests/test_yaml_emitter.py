"""yamlio's fast emitter and reader against PyYAML: the same bytes out, the same data in."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import yamlio

ROOT = Path(__file__).resolve().parent.parent

_PIECES = [
    "a", "b", "Z", "1", "0", "-", "?", ":", ",", ".", "#", "'", '"', "\\", "|", ">", "@", "`", "%", "&",
    "*", "!", "{", "}", "[", "]", "~", "=", "<<", " ", "  ", ": ", " #", "- ", "? ", "\t", "\n", "\n\n",
    "\r", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\xa0", "\u2028", "\u2029", "\ufeff", "\ufffe",
    "\ue000", "\ud7ff", "😀", "\U0010ffff", "é", "ب", "ال", "وزير", "\u0640", "\u200f", "\u200e", "\u202b",
    "٣", "yes", "No", "null", "~", "true", "FALSE", "on", "1.5", "-3", "0x1f", "0o17", "1e3", ".inf",
    "2021-02-27", "2021-02-27 10:00:00", "12:30", "---", "...",
]
_WORDS = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)
_STRINGS = st.one_of(_WORDS, _WORDS, st.text(max_size=12),
                     st.builds(lambda w, n: (w or "k") * n, _WORDS, st.integers(1, 40)))
_KEYS = st.one_of(_WORDS, st.builds(lambda c, n: c * n, st.sampled_from(["k", "ب", "'", "€"]),
                                    st.integers(118, 130)))
_SCALARS = st.one_of(_STRINGS, st.integers(-10**20, 10**20), st.floats(), st.booleans(), st.none())
_DATA = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_KEYS, inner, max_size=4)),
                     max_leaves=24)
_FAST = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _same(a, b) -> bool:
    """Equal data, NaN equal to itself, and bool, int and float told apart."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def _slow_read(text: str):
    return yamlio.construct(yamlio.compose(text, max_bytes=10**9))


@_FAST
@given(_DATA)
def test_fast_emitter_writes_the_python_emitters_bytes(data):
    expected = yamlio.dump_python(data)
    try:
        assert yamlio._fast_dump(data) == expected
    except yamlio._Unusual:
        pass
    assert yamlio.dump(data) == expected


@_FAST
@given(_DATA)
def test_fast_reader_reads_what_pyyaml_reads(data):
    text = yamlio.dump(data)
    fast = yamlio.read_written("# a comment line\n" + text, max_bytes=10**9)
    if fast is not None:
        assert _same(fast, _slow_read(text)) and _same(fast, data)


def _paths(data, prefix=()):
    """Every path into `data`, and one step past each end (a missing key, an index too far)."""
    yield prefix
    if isinstance(data, dict):
        yield prefix + ("no such key",)
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        yield prefix + (len(data),)
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))
    else:
        yield prefix + ("x",)


@_FAST
@given(_DATA.filter(lambda d: isinstance(d, dict | list)), st.integers(0, 2))
def test_lines_of_a_file_read_fast_are_those_pyyaml_marks(data, comment_lines):
    text = "# comment\n" * comment_lines + yamlio.dump(data)
    fast = yamlio.read_written(text, max_bytes=10**9)
    if fast is None:
        return
    node = yamlio.compose(text, max_bytes=10**9)
    written = yamlio.Written(text, fast)
    for path in _paths(fast):
        assert yamlio.line_of(written, path) == yamlio.line_of(node, path), path


def _mutations(text: str):
    """Texts a person's editor could make of a file: a character or line removed, doubled, changed."""
    for i in range(0, len(text), max(1, len(text) // 40)):
        yield text[:i] + text[i + 1:]
        yield text[:i] + text[i] + text[i:]
        for ch in (" ", "\n", "#", "'", ":", "-", "\t", "\r"):
            yield text[:i] + ch + text[i:]
    lines = text.splitlines(keepends=True)
    for i in range(len(lines)):
        yield "".join(lines[:i] + lines[i + 1:])
        yield "".join(lines[:i] + [lines[i], lines[i]] + lines[i + 1:])
        yield "".join(lines[:i] + ["  " + lines[i]] + lines[i + 1:])
        yield "".join(lines[:i] + [lines[i].lstrip(" ")] + lines[i + 1:])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DATA.filter(lambda d: isinstance(d, dict | list)))
def test_fast_reader_takes_an_edited_file_only_when_pyyaml_reads_it_the_same(data):
    for text in _mutations(yamlio.dump(data)):
        fast = yamlio.read_written(text, max_bytes=10**9)
        if fast is not None:
            assert _same(fast, _slow_read(text)), text


NASTY = [
    "", " ", "a ", " a", "a  b", "a: b", "a:b", "a:", ":a", "a #b", "a#b", "#a", "- a", "-a", "-", "? a", "?a",
    "@a", "`a", "%a", "!a", "&a", "*a", "|a", ">a", "'a'", '"a"', "it's", 'say "x"', "back\\slash", "tab\tx",
    "a\n", "a\nb", "a\nb\n", " a\nb", "\na", "a \nb", "a\n b", "a\nb ", "a\n\nb", "cr\rx", "2021-02-27",
    "2021-02", "2021", "1.5", "1e3", "-3", "0x1f", "yes", "no", "on", "Off", "null", "Null", "~", "true", "<<", "=",
    "---", "--- a", "...", "وزير الخارجية العراقي، فؤاد حسين", "\u200fنص\u200f", "a\u00a0b", "\ufeffbom",
    "ctrl\x01", "del\x7f", "nbsp\xa0", "ب: ت", "«اقتباس» فيه: نقطتان و# علامة",
]


@pytest.mark.parametrize("value", NASTY)
def test_nasty_strings_take_the_fast_path_with_the_same_bytes(value):
    key = value.replace("\n", " ") or "e"       # a key spanning lines is written as `? key`
    for data in ({"k": value}, {"k": [value, {"z": value}]}, [[value]], {key: {"k": value}}):
        assert yamlio._fast_dump(data) == yamlio.dump_python(data)
        assert yamlio.read_written(yamlio.dump(data)) == data


@pytest.mark.parametrize("data", [
    "top-level scalar", 3, None, {"a": "x\n\n"}, {"a": "\n"}, {"a": "emoji 😀"}, {"a": "nel\x85x"},
    {"a": "ls\u2028x"}, {"k" * 123: 1}, {"": 1}, {1: "int key"}, {"a\nb": 1}, {"a": (1, 2)}, {"a": {1, 2}},
])
def test_unusual_data_is_left_to_pyyaml(data):
    with pytest.raises(yamlio._Unusual):
        yamlio._fast_dump(data)
    try:
        expected = yamlio.dump_python(data)
    except Exception as exc:          # sets and tuples: PyYAML's safe dumper refuses them
        with pytest.raises(type(exc)):
            yamlio.dump(data)
    else:
        assert yamlio.dump(data) == expected


def test_shared_and_recursive_objects_keep_pyyamls_anchors():
    shared = ["x"]
    cyclic: list = []
    cyclic.append(cyclic)
    for data in ({"a": shared, "b": shared}, [shared, [shared]], cyclic):
        with pytest.raises(yamlio._Unusual):
            yamlio._fast_dump(data)
        assert yamlio.dump(data) == yamlio.dump_python(data)


def _yaml_files() -> list[Path]:
    found = sorted((ROOT / "events").rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    return [p for p in found if p.is_file()]


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_committed_yaml_file_reads_and_writes_the_same_both_ways(path):
    text = path.read_bytes().decode("utf-8", "replace")
    try:
        data = _slow_read(text)
    except (yamlio.YamlError, RecursionError):
        assert yamlio.read_written(text) is None
        return
    assert yamlio.dump(data) == yamlio.dump_python(data)
    fast = yamlio.read_written(text, max_bytes=10**9)
    assert fast is None or _same(fast, data)
    if path.is_relative_to(ROOT / "events"):
        assert fast is not None          # extract's own files: the fast reader takes every one
