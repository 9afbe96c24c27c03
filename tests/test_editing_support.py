"""Helpers for the editing-loop tests: a throwaway project with the seed and small test articles,
and `timeline` run in-process inside it. (No tests here; the module name keeps it in the editing
tests' namespace.)"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from builder.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_696c8f031478c01d.txt"

# Small articles written for these tests (not taken from any corpus).
ARTICLE_A = """---
title: زيارة ومفخخة
published: 2021-03-03
outlet: صحيفة الاختبار
lang: ar
---
وزار رئيس الوزراء العراقي مدينة الموصل يوم الثلاثاء الماضي.
"""

# A's text after the outlet corrected it: the visit is gone, a car bomb was added.
ARTICLE_A_CHANGED = """---
title: زيارة ومفخخة
published: 2021-03-03
outlet: صحيفة الاختبار
lang: ar
---
انفجرت عبوة ناسفة على طريق في كركوك أمس، من دون وقوع إصابات.
"""

ARTICLE_B = """---
title: تفجير في كركوك
published: 2021-03-10
outlet: وكالة الاختبار
lang: ar
---
انفجرت عبوة ناسفة على طريق في كركوك أمس، من دون وقوع إصابات.

وهددت جماعة مسلحة باستهداف القوات الأجنبية في أربيل.
"""

ARTICLE_C = """---
title: Rocket attack in Erbil
published: 2021-03-05
outlet: Test Wire
lang: en
---
Rockets hit Erbil airport on Thursday, officials said.
"""


def make_project(dest: Path) -> Path:
    """seeds/ with the seed article byte for byte, articles/ with the test articles."""
    (dest / "seeds").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / SEED, dest / SEED)
    articles = dest / "articles"
    articles.mkdir(exist_ok=True)
    (articles / "a.md").write_text(ARTICLE_A, encoding="utf-8")
    (articles / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    (articles / "c.md").write_text(ARTICLE_C, encoding="utf-8")
    return dest


@contextlib.contextmanager
def inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def timeline(*argv: str) -> tuple[int, str, str]:
    """Run `timeline ARGV` in-process in the current folder: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder (relative path → bytes)."""
    if not folder.is_dir():
        return {}
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def event_files(events: Path) -> dict[str, Path]:
    """id → file, for the event files under events/."""
    return {p.stem: p for p in sorted(events.rglob("*.yaml")) if not p.name.startswith(".")}
