"""Actors: people, organisations, states and armed groups found in text.

Data (all YAML, extendable by a project through `ActorLexicon.load(extra_files)`; a project file
may hold `actors:` entries and/or the keys of roles.yaml):
- `data/actors.yaml`: canonical Arabic name, English name, kind, country, aliases in Arabic and
  English, `short` names (a surname that counts once the full name was met in the same text) and
  `metonyms` (a capital standing for its state, not counted after في / بـ / إلى);
- `data/roles.yaml`: role phrases ("وزير الخارجية", "Foreign Minister"), nationality adjectives and
  the words that end a name, to recognise people who are not in the list from the role that
  introduces them: "وزير الخارجية العراقي، فؤاد حسين", "Iraqi Foreign Minister Fuad Hussein".

Matching uses the gazetteer's token index (builder.places.PhraseIndex): folded tokens, Arabic
proclitics stripped, longest name wins.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .places import DATA_DIR, Hit, PhraseIndex, Token, analyse, load_yaml, name_key
from .text import Folded

_COMMA = re.compile("[,،]")
_SPACE = re.compile(r"^[\s\-–]*$")


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


@dataclass(frozen=True)
class _Role:
    role: str


@dataclass(frozen=True)
class _Metonym:
    actor: Actor


class ActorLexicon:
    def __init__(self) -> None:
        self.index = PhraseIndex()
        self.metonyms = PhraseIndex()
        self.roles = PhraseIndex()
        self.short: dict[Actor, list[tuple[str, ...]]] = {}
        self.nationality: dict[str, tuple[str, str]] = {}   # folded adjective → (ISO2, English adj)
        self.modifiers: set[str] = set()
        self.stops: set[str] = set()
        self.particles: set[str] = set()
        self.metonym_blockers: set[str] = set()
        self.max_complement = 8

    # ---- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: list[Path] | tuple[Path, ...] = ()) -> ActorLexicon:
        lex = cls()
        places_language = load_yaml(DATA_DIR / "places_language.yaml")
        clitics = sorted({name_key(c)[0] for c in places_language.get("clitics_ar", [])},
                         key=lambda c: (-len(c), c))
        for index in (lex.index, lex.metonyms, lex.roles):
            index.clitics = tuple(clitics)
        datas = [load_yaml(DATA_DIR / "actors.yaml"), load_yaml(DATA_DIR / "roles.yaml")]
        datas += [load_yaml(Path(p)) for p in extra_files]
        actors: dict[str, dict[str, Any]] = {}
        for data in datas:
            for item in data.get("actors", []) or []:
                if not item.get("name"):
                    raise ValueError(f"actor without a canonical name: {item!r}")
                actors[item["name"]] = item     # a project's entry replaces the shipped one
            lex._add_roles(data)
        for item in actors.values():
            lex._add_actor(item)
        return lex

    def _add_actor(self, item: dict[str, Any]) -> None:
        actor = Actor(item["name"], item.get("name_en") or item["name"], item.get("kind", "organisation"),
                      item.get("country"), item.get("role"))
        for name in [item["name"], *(item.get("aliases") or []), *(item.get("aliases_en") or [])]:
            self.index.add(str(name), actor)
        for name in item.get("metonyms") or []:
            self.metonyms.add(str(name), _Metonym(actor))
        shorts = [name_key(str(n)) for n in item.get("short") or []]
        if shorts:
            self.short[actor] = [s for s in shorts if s]

    def _add_roles(self, data: dict[str, Any]) -> None:
        for role in data.get("roles", []) or []:
            value = _Role(role["role"])
            for phrase in [*(role.get("ar") or []), *(role.get("en") or [])]:
                key = name_key(str(phrase))
                if key and key[0].isascii():   # English roles match in any case
                    key = tuple(k.lower() for k in key)
                self.roles.entries[key] = value
                if len(key) > self.roles.max_len.get(key[0], 0):
                    self.roles.max_len[key[0]] = len(key)
        for cc, nat in (data.get("nationalities") or {}).items():
            for word in [*(nat.get("ar") or []), *(nat.get("en") or [])]:
                self.nationality[" ".join(name_key(str(word)))] = (cc, nat.get("adj") or cc)
        for key in ("modifiers_ar", "modifiers_en"):
            self.modifiers.update(" ".join(name_key(str(w))) for w in data.get(key, []) or [])
        for key in ("name_stops_ar", "name_stops_en"):
            self.stops.update(" ".join(name_key(str(w))) for w in data.get(key, []) or [])
        for key in ("name_particles_ar", "name_particles_en"):
            self.particles.update(" ".join(name_key(str(w))) for w in data.get(key, []) or [])
        blockers = data.get("metonym_blockers", []) or []
        self.metonym_blockers.update(" ".join(name_key(str(w))) for w in blockers)
        if "max_complement" in data:
            self.max_complement = int(data["max_complement"])

    # ---- finding -------------------------------------------------------------------------------

    def find(self, text: str, lang: str = "ar") -> list[ActorMatch]:
        folded, tokens = analyse(text)
        hits = [h for h in self.index.hits(folded, tokens) if _cased_ok(h, tokens)]
        hits += [h for h in self.metonyms.hits(folded, tokens) if self._metonym_ok(h, tokens)]
        hits = [Hit(h.first, h.last, h.start, h.end,
                    h.value.actor if isinstance(h.value, _Metonym) else h.value, h.clitic) for h in hits]
        people = self._people_by_role(folded, tokens)
        # a person found by role wins over lexicon hits on the same words, keeping the known identity
        for person in people:
            for hit in hits:
                if hit.first >= person.first and hit.last <= person.last and hit.value.kind == "person":
                    person.value = dataclasses.replace(hit.value, role=person.value.role or hit.value.role)
        chosen = PhraseIndex.select(people + hits)
        chosen = self._short_names(chosen, folded, tokens)
        out = []
        for hit in chosen:
            start, end = folded.span(hit.start, hit.end)
            out.append(ActorMatch(hit.value, text[start:end], start, end))
        return out

    def _metonym_ok(self, hit: Hit, tokens: list[Token]) -> bool:
        if "ب" in hit.clitic or "ل" in hit.clitic.replace("لل", ""):
            return False
        return not (hit.first > 0 and tokens[hit.first - 1].key in self.metonym_blockers)

    # ---- people introduced by their role ---------------------------------------------------------

    def _people_by_role(self, folded: Folded, tokens: list[Token]) -> list[Hit]:
        people = []
        for role_hit in self.roles.hits(folded, tokens):   # Latin keys are lower-case already
            found = self._person_after(role_hit, folded, tokens)
            if found is not None:
                people.append(found)
        return people

    def _person_after(self, role_hit: Hit, folded: Folded, tokens: list[Token]) -> Hit | None:
        text = folded.text
        arabic = not tokens[role_hit.first].surface[0].isascii()
        role = role_hit.value.role
        nationality = None
        j = role_hit.last
        if not arabic and role_hit.first > 0:        # "Iraqi Foreign Minister ..."
            nationality = self.nationality.get(tokens[role_hit.first - 1].key)
        while j < len(tokens) and tokens[j].key in self.modifiers:
            j += 1
        if arabic and j < len(tokens) and self._stem(tokens[j].key) in self.nationality:
            nationality = self.nationality[self._stem(tokens[j].key)]
            j += 1
        while j < len(tokens) and tokens[j].key in self.modifiers:
            j += 1
        label = f"{nationality[1]} {role}" if nationality else role
        country = nationality[0] if nationality else None
        if j >= len(tokens):
            return None
        gap = text[tokens[j - 1].end:tokens[j].start]
        span = None
        if _COMMA.search(gap) and gap.strip() in (",", "،"):
            span = self._name(j, folded, tokens, arabic)
        elif _SPACE.match(gap):
            span = self._name(j, folded, tokens, arabic)
            if span and arabic and nationality is None and not self._known(*span, tokens):
                span = None     # "وزير الخارجية تضمنت ملفات": without a comma or a nationality, too loose
            if span is None or (arabic and not self._ends_clause(span[1], folded, tokens)):
                # "نائب القائد العام لقوة المهام ...، كفين كوبسي،": the role goes on up to a comma
                span = None
                for k in range(j, min(len(tokens), j + self.max_complement)):
                    between = text[tokens[k - 1].end:tokens[k].start] if k > j else ""
                    if k > j and between.strip() in (",", "،"):
                        span = self._name(k, folded, tokens, arabic)
                        if span and not self._ends_clause(span[1], folded, tokens, strict=True):
                            span = None
                        break
                    if k > j and not _SPACE.match(between):
                        break
                else:
                    span = None
        if span is None:
            return None
        first, last = span
        start, end = tokens[first].start, tokens[last - 1].end
        name = folded.original_text(start, end)
        actor = Actor(name, name, "person", country, label)
        return Hit(first, last, start, end, actor)

    def _stem(self, key: str) -> str:
        for clitic in ("و", "ف"):
            if key.startswith(clitic) and key[1:] in self.nationality:
                return key[1:]
        return key

    def _ends_clause(self, last: int, folded: Folded, tokens: list[Token], strict: bool = False) -> bool:
        """The name is followed by punctuation, the end, or (unless strict) a stop word."""
        if last >= len(tokens):
            return True
        gap = folded.text[tokens[last - 1].end:tokens[last].start]
        if gap.strip():
            return True
        following = tokens[last].key
        return not strict and (following in self.stops or self._strip_w(following) in self.stops)

    @staticmethod
    def _strip_w(key: str) -> str:
        return key[1:] if key[:1] in ("و", "ف") and len(key) > 2 else key

    def _name(self, j: int, folded: Folded, tokens: list[Token], arabic: bool) -> tuple[int, int] | None:
        """Tokens [j, k) that look like a person's name, or None."""
        text = folded.text
        k = j
        while k < len(tokens) and k - j < 4:
            token = tokens[k]
            if k > j and not _SPACE.match(text[tokens[k - 1].end:token.start]):
                break
            key = token.key
            if key in self.stops or self._strip_w(key) in self.stops or key in self.nationality \
                    or key in self.modifiers:
                break
            if arabic:
                if token.surface[0].isascii():
                    break
                if k == j and (key.startswith("ال") or key in self.particles) and key not in self.particles:
                    return None
            else:
                if not token.surface[0].isupper() and key not in self.particles:
                    break
            k += 1
        if arabic:   # in a name only the last word, or one after عبد / أبو, carries the article
            for m in range(j, k - 1):
                if tokens[m].key.startswith("ال") and (m == j or tokens[m - 1].key not in self.particles):
                    k = m + 1 if m > j else j
                    break
        while k > j and tokens[k - 1].key in self.particles:
            k -= 1
        if k - j < 2 and not self._known(j, k, tokens):
            return None
        if not arabic and not tokens[k - 1].surface[0].isupper():
            return None
        return (j, k)

    def _known(self, j: int, k: int, tokens: list[Token]) -> bool:
        return k > j and tuple(t.key for t in tokens[j:k]) in self.index.entries

    # ---- surnames after the full name ------------------------------------------------------------

    def _short_names(self, chosen: list[Hit], folded: Folded, tokens: list[Token]) -> list[Hit]:
        shorts: dict[str, tuple[Actor, int]] = {}
        for hit in chosen:
            actor = hit.value
            if actor.kind != "person":
                continue
            names = [k[0] for k in self.short.get(actor, []) if len(k) == 1]
            if hit.last - hit.first >= 2 and actor not in self.short:   # found by role: its last word
                surname = tokens[hit.last - 1].key
                if len(surname) >= 3 and surname not in self.stops:
                    names.append(surname)
            for word in names:
                shorts.setdefault(word, (actor, hit.end))
        if not shorts:
            return chosen
        taken = {i for h in chosen for i in range(h.first, h.last)}
        extra = []
        clitics = set(self.index.clitics)
        for i, token in enumerate(tokens):
            if i in taken:
                continue
            key, clitic = token.key, ""
            if key not in shorts:
                clitic = next((key[:n] for n in (1, 2, 3, 4) if key[n:] in shorts and key[:n] in clitics), "")
                if not clitic:
                    continue
                key = key[len(clitic):]
            actor, after = shorts[key]
            if token.start >= after:
                extra.append(Hit(i, i + 1, token.start + len(clitic), token.end, actor, clitic))
        return sorted(chosen + extra, key=lambda h: h.start)


def _cased_ok(hit: Hit, tokens: list[Token]) -> bool:
    """Latin names count when written as names, with a capital somewhere ("al-Nusra", not "nusra")."""
    words = tokens[hit.first:hit.last]
    return not words[0].surface[0].isascii() or any(t.surface[0].isupper() for t in words)
