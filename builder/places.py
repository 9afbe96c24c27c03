"""Gazetteer: find places in text (Arabic and English) with coordinates.

(Interface only; the implementation is being written.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .models import Place


@dataclass(frozen=True)
class PlaceMatch:
    place: Place              # name in the text's language, name_en, country, lat, lon
    text: str                 # the words as they stand in the text
    start_char: int
    end_char: int


class Gazetteer:
    @classmethod
    def load(cls, extra_files: list[Path] | tuple[Path, ...] = ()) -> Gazetteer:
        """Package data plus a project's own YAML files (which win)."""
        raise NotImplementedError

    def find(self, text: str, lang: str = "ar") -> list[PlaceMatch]:
        raise NotImplementedError
