"""Actors: people, organisations, states and armed groups found in text.

(Interface only; the implementation is being written.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Actor:
    name: str                 # canonical name in Arabic
    name_en: str
    kind: str                 # person, organisation, state, armed-group, coalition, ...
    country: str | None = None
    role: str | None = None   # e.g. "Iraqi foreign minister" for a person found by role


@dataclass(frozen=True)
class ActorMatch:
    actor: Actor
    text: str
    start_char: int
    end_char: int


class ActorLexicon:
    @classmethod
    def load(cls, extra_files: list[Path] | tuple[Path, ...] = ()) -> ActorLexicon:
        raise NotImplementedError

    def find(self, text: str, lang: str = "ar") -> list[ActorMatch]:
        raise NotImplementedError
