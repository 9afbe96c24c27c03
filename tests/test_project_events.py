"""The project's own events/ folder: what `make site` extracts from seeds/ is what is committed, and
extracting twice leaves `git status` clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _extract(cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "builder.cli", "extract", "seeds"], cwd=cwd, check=True,
                   capture_output=True)


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("seeds", "events", "schema"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, copy / name)
    _git(copy, "init", "-q")
    _git(copy, "add", "-A")
    _git(copy, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
    return copy


def test_extract_twice_leaves_git_status_clean(project_copy: Path):
    _extract(project_copy)
    _git(project_copy, "add", "-A")
    _git(project_copy, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first", "--allow-empty")
    _extract(project_copy)
    assert _git(project_copy, "status", "--porcelain") == ""


def test_committed_events_are_what_the_seed_yields(project_copy: Path):
    if not (ROOT / "events" / ".extracted.yaml").exists():
        pytest.skip("this checkout has no extracted events")
    _extract(project_copy)
    changed = _git(project_copy, "status", "--porcelain")
    assert changed == "", f"events/ is stale: run `make events` and commit the result\n{changed}"
