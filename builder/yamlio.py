"""Safe YAML in and out: no tags that run code, no aliases (billion laughs), line numbers kept,
deterministic output, atomic writes."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000


class YamlError(Exception):
    def __init__(self, message: str, line: int = 1, col: int = 1, hint: str = ""):
        super().__init__(message)
        self.message, self.line, self.col, self.hint = message, line, col, hint


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: event files never need them, and refusing them
    makes an exponential 'billion laughs' file fail at once instead of eating memory."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in event files", event.start_mark
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors (&name) are not allowed in event files", event.start_mark
            )
        return super().compose_node(parent, index)


# Dates stay strings: the format allows YYYY-MM and YYYY, and a person's `2021-02-30` must reach
# validation as written rather than crash the YAML reader.
for _first, _resolvers in list(_StrictLoader.yaml_implicit_resolvers.items()):
    _StrictLoader.yaml_implicit_resolvers[_first] = [
        (tag, regexp) for tag, regexp in _resolvers if tag != "tag:yaml.org,2002:timestamp"
    ]


_CLoader = getattr(yaml, "CSafeLoader", None)
_FastLoader: type | None = None
if _CLoader is not None:
    class _FastLoader(_CLoader):  # type: ignore[no-redef,valid-type,misc]
        """libyaml: fast, and bounds nesting depth itself. Aliases are found after composing (an
        alias is a node shared by two parents) and the file is then re-read by the strict loader,
        which names the line of the anchor."""

    _FastLoader.yaml_implicit_resolvers = dict(_StrictLoader.yaml_implicit_resolvers)


def compose(text: str, max_bytes: int = MAX_FILE_BYTES) -> yaml.Node | None:
    """Parse YAML text to a node tree (with line marks). Raises YamlError with the line."""
    if len(text.encode("utf-8", "replace")) > max_bytes:
        raise YamlError("file is larger than 1 MB", hint="an event file is a few lines; split or trim it")
    text = text.removeprefix("\ufeff")
    try:
        node = yaml.compose(text, Loader=_FastLoader or _StrictLoader)
        if _FastLoader is not None and _has_shared_nodes(node):
            node = yaml.compose(text, Loader=_StrictLoader)   # raises at the anchor
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, "fix the YAML syntax on that line") from exc
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), hint="fix the YAML syntax") from exc
    except RecursionError as exc:
        raise YamlError("is nested too deeply", hint="an event file is a flat list of fields") from exc
    _check_duplicate_keys(node)
    return node


def _has_shared_nodes(node: yaml.Node | None) -> bool:
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        if id(current) in seen:
            return True
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return False


def _marked(exc: yaml.MarkedYAMLError, hint: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    message = str(exc.problem or exc.context)
    if exc.context and exc.context_mark is not None and "end of stream" in message:
        # an unclosed quote or bracket: the place to fix is where it opened, not the file's end
        mark = exc.context_mark
        what = exc.context.removeprefix("while scanning ").replace("scalar", "value")
        message = f"{what} is never closed"
        hint = "close the quote or bracket that opens here"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "are not allowed in event files" in message:
        hint = "write the value out in full"
    return YamlError(message, line, col, hint)


def _check_duplicate_keys(node: yaml.Node | None) -> None:
    """PyYAML keeps the last of two equal keys silently; a person's edit could vanish that way."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        first = seen[key.value].start_mark.line + 1
                        raise YamlError(f"key {key.value!r} appears twice (first on line {first})",
                                        key.start_mark.line + 1, key.start_mark.column + 1,
                                        "keep one of them: only one value can count")
                    seen[key.value] = key
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def construct(node: yaml.Node | None) -> Any:
    """Node tree to Python data. Only plain YAML types: a tag such as !!python/object is refused
    with its line (the safe loader never runs code)."""
    if node is None:
        return None
    loader = _StrictLoader("")
    try:
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, "remove the tag: event files hold only plain text, numbers, lists and "
                           "mappings") from exc
    finally:
        loader.dispose()


def line_of(node: yaml.Node | None, path: tuple[str | int, ...]) -> tuple[int, int]:
    """1-based line and column of the value at `path` (mapping keys / list indexes), or of the
    deepest part of it that exists."""
    if node is None:
        return 1, 1
    best = node.start_mark
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    best, node = key.start_mark, value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            best = node.start_mark
        else:
            break
    return best.line + 1, best.column + 1


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


_CDumperBase = getattr(yaml, "CSafeDumper", None)
_CDumper: type | None = None
if _CDumperBase is not None:
    class _CDumper(_CDumperBase):  # type: ignore[no-redef,valid-type,misc]
        """libyaml's emitter with the same representers: about 20 times faster than the Python one
        and byte for byte the same output for the data `_c_safe` lets through."""

    _CDumper.add_representer(str, _str_representer)

# libyaml and PyYAML's emitter agree byte for byte except on (a) characters libyaml does not
# print as they are (outside the Basic Multilingual Plane, such as emoji; NEL, LS, PS, BOM, C0/C1
# controls, carriage returns, non-characters) and (b) mapping keys over 128 UTF-8 bytes, where
# libyaml counts bytes and PyYAML characters before switching to `? key` form. Data holding
# either (or a key spanning lines) goes through the Python emitter, so every file keeps the bytes it always had
# (tests/test_speed_equivalence.py fuzzes both emitters against each other).
_C_UNSAFE_CHAR = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_C_MAX_KEY_BYTES = 120
_PLAIN = (int, float, bool, type(None))


def _c_safe(data: Any) -> bool:
    """True when libyaml emits exactly what the Python emitter would for `data`."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _C_UNSAFE_CHAR.search(item):
                return False
        elif isinstance(item, dict):
            for key, value in item.items():
                if not isinstance(key, str) or "\n" in key or len(key.encode("utf-8")) > _C_MAX_KEY_BYTES:
                    return False
                stack.append(key)
                stack.append(value)
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif not isinstance(item, _PLAIN):
            return False           # sets, dates, custom types: leave them to the Python emitter
    return True


def dump(data: Any) -> str:
    """Deterministic YAML: keys in the given order, Unicode as is, no line wrapping."""
    dumper = _CDumper if _CDumper is not None and _c_safe(data) else _Dumper
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000,
                     default_flow_style=False)


def dump_python(data: Any) -> str:
    """`dump` through PyYAML's own emitter only (the reference the fast path is tested against)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000,
                     default_flow_style=False)


def atomic_write(path: Path, text: str | bytes) -> bool:
    """Write via a temporary file in the same folder and rename, so a killed run never leaves a
    half-written file. Returns False (and writes nothing) when the content is already there."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def atomic_write_many(items: Iterable[tuple[Path, str | bytes]]) -> list[Path]:
    """Write many files, each atomically, with one flush to disk for the whole batch; returns the
    paths whose content changed (files already holding their content are not touched).

    Each file is written to a temporary file beside it; once all are written, one `os.sync()`
    puts their data on disk, and only then is each renamed over its target, and each folder
    fsynced once for the renames. So, as with `atomic_write`:

    - a killed run never leaves a half-written file: a target is either its old content or its
      new one, and temporary files left behind are removed by `remove_stale_temp_files`;
    - after a crash or power cut, a renamed file holds its whole data (the data reached the disk
      before the rename), never an empty or partial file.

    What changes is the cost: one sync for the batch instead of one fsync per file (about 3 ms
    each on this machine's ext4: 7 s for 2,300 event files, against 0.1 s for one sync). A power
    cut during the batch can leave some files renamed and others not: that is the same state as a
    run killed between two files, and the caller's record (`pending:` in events/.extracted.yaml,
    written with its own fsync before the batch) repairs it on the next run.
    """
    staged: list[tuple[str, Path]] = []
    renamed = 0
    try:
        for path, text in items:
            data = text.encode("utf-8") if isinstance(text, str) else text
            try:
                if path.read_bytes() == data:
                    continue
            except FileNotFoundError:
                pass
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        if staged:
            _sync([tmp for tmp, _ in staged])
        for tmp, path in staged:
            os.replace(tmp, path)
            renamed += 1
    except BaseException:
        for tmp, _ in staged[renamed:]:
            Path(tmp).unlink(missing_ok=True)
        raise
    for folder in sorted({path.parent for _, path in staged}):
        _fsync_folder(folder)
    return [path for _, path in staged]


def _sync(paths: list[str]) -> None:
    """Put the data of these written files on disk."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for name in paths:                      # Windows: no global sync
        with open(name, "rb+") as fh:
            os.fsync(fh.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the renames in a folder durable (POSIX; Windows cannot open a folder for this)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Temporary files a killed `atomic_write` left behind (never a real file: those are only
    renamed into place when whole). Call only while holding the folder's lock."""
    if not folder.is_dir():
        return []
    stale = sorted(p for p in folder.rglob(".*.tmp") if p.is_file())
    for path in stale:
        path.unlink(missing_ok=True)
    return stale
