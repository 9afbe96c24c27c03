"""Language knowledge as data: YAML files shipped in builder/data, extended by a project's own.

A project extends any data file by putting a file of the same name in its `lexicon/` folder:
lists are appended, mappings are merged (the project's entries win).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
PROJECT_LEXICON_DIR = Path("lexicon")


def merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


@cache
def load_data(name: str, project_dir: Path | None = None) -> Any:
    """builder/data/<name>.yaml merged with <project>/lexicon/<name>.yaml when it exists."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    project_file = (project_dir or Path.cwd()) / PROJECT_LEXICON_DIR / f"{name}.yaml"
    if project_file.is_file():
        with open(project_file, encoding="utf-8") as fh:
            data = merge(data, yaml.safe_load(fh) or {})
    return data


def project_files(name: str, project_dir: Path | None = None) -> tuple[Path, ...]:
    """The project's own extension files for a data set, for loaders that take extra files."""
    path = (project_dir or Path.cwd()) / PROJECT_LEXICON_DIR / f"{name}.yaml"
    return (path,) if path.is_file() else ()
