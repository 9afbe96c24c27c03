"""The reader's site: generated Markdown pages, figures and downloads, built with MkDocs Material.

`generate(events, root)` writes the pages under root/docs; `build(root)` validates the events,
generates, runs `mkdocs build --strict` into a temporary folder and swaps it into site/.
"""

from __future__ import annotations

from .generate import generate
from .mkdocs_build import build, serve

__all__ = ["generate", "build", "serve"]
