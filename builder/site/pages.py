"""Markdown pages of the site, rendered from the jinja2 templates in builder/templates/."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import jinja2

from ..models import Event, Place
from .catalog import Catalog, PlaceEntry, severity, slug, span_of, week_days
from .labels import SEVERITY, TYPES, UI, day_words, mode_label, span_words
from .timeline import bars_by_day, bars_by_week, compact, figure_block, js_ui, map_points

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}])")
KEY_EVENTS = 7


def md(text: object) -> str:
    """Text as Markdown shows it: no markup, no HTML, one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def article_anchor(path: str) -> str:
    return "art-" + slug(path, "a")


def _environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters.update(
        md=md,
        when=lambda e, lang: span_words(*span_of(e), e.approximate, lang),
        date_text=lambda e: next((s.date_text for s in e.sources if s.date_text), ""),
        place_name=lambda p, lang: p.name if lang == "ar" or not p.name_en else p.name_en,
        type_label=lambda t, lang: TYPES[lang].get(t, t),
        day=lambda d, lang, weekday=False: day_words(d, lang, weekday),
        iso=date.fromisoformat,
        article_anchor=article_anchor,
        entity_name=lambda entry, lang: (
            entry.name if lang == "ar" or not isinstance(entry, PlaceEntry) or not entry.place.name_en
            else entry.place.name_en),
    )
    return env


def key_events(events: list[Event]) -> list[Event]:
    """Most sources first, then the most severe, then the latest."""
    ranked = sorted(events, key=lambda e: (-len(e.sources), severity(e), -span_of(e)[1].toordinal(), e.id))
    return ranked[:KEY_EVENTS]


def _type_groups(events: list[Event]) -> list[tuple[str, list[Event]]]:
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(event.type, []).append(event)
    return sorted(groups.items(), key=lambda kv: SEVERITY.index(kv[0]) if kv[0] in SEVERITY else 99)


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


class Pages:
    """Renders every page; `files` maps a path relative to docs/ to its text."""

    def __init__(self, catalog: Catalog, lang: str, site_name: str, docs_dir: Path):
        self.c = catalog
        self.lang = lang
        self.ui = UI[lang]
        self.site_name = site_name
        self.docs_dir = docs_dir
        self.env = _environment(lang)
        self.files: dict[str, str] = {}

    def render(self, template: str, path: str, **context) -> None:
        self.files[path] = self.env.get_template(template).render(
            c=self.c, p=self, lang=self.lang, ui=self.ui, site_name=self.site_name, **context)

    def event_list(self, events: list[Event], rel: str, quotes: dict[str, str] | None = None) -> str:
        """A list of events linking to their briefing entries, as HTML: the long lists on place, actor,
        week and sources pages would otherwise take most of mkdocs' time (links are checked by the
        tests instead)."""
        items = []
        for e in events:
            first, last = span_of(e)
            when = span_words(first, last, e.approximate, self.lang)
            extra = f" · «{_h(quotes[e.id])}»" if quotes and quotes.get(e.id) else ""
            places = "، ".join(_h(p.name if self.lang == "ar" or not p.name_en else p.name_en) for p in e.places)
            day = self.c.day_of[e.id]
            items.append(f'<li><a href="{rel}day/{day}.html#ev-{e.id}">{_h(e.title)}</a> — {_h(when)}{extra}'
                         + (f" — {places}" if places else "") + "</li>")
        # passed through MkDocs untouched (builder/site/mkdocs_hooks.py)
        return '<!--tl:raw-->\n<ul class="tl-list">\n' + "\n".join(items) + "\n</ul>\n<!--/tl:raw-->\n"

    def event_meta(self, e: Event) -> str:
        """The line under an event's heading on its day briefing (HTML, for the same reason)."""
        ui, lang = self.ui, self.lang
        first, last = span_of(e)
        when = _h(span_words(first, last, e.approximate, lang))
        words = next((s.date_text for s in e.sources if s.date_text), "")
        parts = [f"<b>{ui['date']}:</b> {when}" + (f" · «{_h(words)}»" if words else "")]
        if e.places:
            links = "، ".join(
                f'<a href="../place/{self.c.place_slug[p.name]}.html">'
                f'{_h(p.name if lang == "ar" or not p.name_en else p.name_en)}</a>' for p in e.places)
            parts.append(f"<b>{ui['place']}:</b> {links}")
        if e.actors:
            links = "، ".join(f'<a href="../actor/{self.c.actor_slug[a]}.html">{_h(a)}</a>' for a in e.actors)
            parts.append(f"<b>{ui['actors']}:</b> {links}")
        mode = f" ({_h(mode_label(e.mode, lang))})" if e.mode else ""
        parts.append(f"<b>{ui['type']}:</b> {TYPES[lang].get(e.type, e.type)}{mode} · "
                     f"<b>{ui['source_count']}:</b> {len(e.sources)}")
        return '<p class="tl-event-meta">' + "<br>\n".join(parts) + "</p>"

    def event_entry(self, e: Event) -> str:
        """An event on its day briefing, as HTML: its heading (the anchor the timeline links to) over
        the date words, places, actors, summary, quotes and sources. MkDocs passes it through
        untouched (builder/site/mkdocs_hooks.py): Python-Markdown would take most of the build over
        10,000 events."""
        ui, lang = self.ui, self.lang
        body = [f'<h3 id="ev-{_h(e.id)}">{_h(e.title)}</h3>', '<div class="tl-entry">', self.event_meta(e)]
        if e.summary:
            body.append(f"<p>{_h(e.summary)}</p>")
        for s in e.sources:
            if s.quote:
                body.append(f'<blockquote class="tl-quote"><p>{_h(s.quote)}</p></blockquote>')
        items = []
        for s in e.sources:
            name = _h(s.outlet or s.url or ui["unknown_article"])
            outlet = f'<a href="{_h(s.url)}">{name}</a>' if s.url else name
            published = f" — {day_words(s.published, lang, False)}" if s.published else ""
            items.append(f"<li>{ui['source']}: {outlet}{published} — "
                         f'<a href="../sources.html#{article_anchor(s.article)}">{ui["article"]}</a></li>')
        if items:
            body.append('<ul class="tl-sources">' + "".join(items) + "</ul>")
        return "\n".join(body) + "\n</div>\n"

    def day_body(self, groups: list[tuple[str, list[Event]]]) -> tuple[str, str]:
        """A day's events grouped by type, as HTML; and the page's table of contents and search
        entries (one per event: its title, summary and quotes) for the MkDocs hooks."""
        parts, toc, search = [], [], []
        for type_, events in groups:
            label = f"{TYPES[self.lang].get(type_, type_)} ({len(events)})"
            parts.append(f'<h2 id="type-{_h(type_)}">{_h(label)}</h2>')
            children = []
            for e in events:
                parts.append(self.event_entry(e))
                children.append({"level": 3, "id": f"ev-{e.id}", "name": _h(e.title), "children": []})
                quotes = dict.fromkeys(" ".join(s.quote.split()) for s in e.sources if s.quote)
                quotes.pop(" ".join(e.title.split()), None)
                text = " ".join([e.summary or "", *quotes])
                search.append({"id": f"ev-{e.id}", "title": e.title, "text": " ".join(text.split())})
            toc.append({"level": 2, "id": f"type-{type_}", "name": _h(label), "children": children})
        meta = json.dumps({"toc": toc, "search": search}, ensure_ascii=False, separators=(",", ":"))
        return "\n".join(parts), meta.replace("-->", "--\\u003e")

    def figure(self, data: dict, element_id: str, css_class: str = "tl-plot") -> str:
        return figure_block({**data, "ui": js_ui(self.lang)}, element_id, css_class)

    def week_title(self, key: str) -> str:
        days = week_days(key)
        return self.ui["week_of"].format(a=day_words(days[0], self.lang, False),
                                         b=day_words(days[-1], self.lang, False))

    def counts_line(self, events: list[Event]) -> str:
        counts = Counter(e.type for e in events)
        parts = [f"{TYPES[self.lang][t]}: {counts[t]}" for t in SEVERITY if counts[t]]
        return f"**{self.ui['event_count']}: {len(events)}** — " + " · ".join(parts)

    # --- the pages ---

    def all(self) -> dict[str, str]:
        self.days()
        self.weeks()
        self.home()
        self.timeline()
        self.briefings()
        self.entities()
        self.map()
        return self.files

    def days(self) -> None:
        day_keys = list(self.c.days)
        for i, day in enumerate(day_keys):
            d = date.fromisoformat(day)
            year, week, _ = d.isocalendar()
            body, meta = self.day_body(_type_groups(self.c.days[day]))
            self.render("day.md.j2", f"day/{day}.md", day=d, body=body, meta=meta,
                        prev=day_keys[i - 1] if i else None,
                        next=day_keys[i + 1] if i + 1 < len(day_keys) else None,
                        week=f"{year}-W{week:02d}")

    def week_events(self, key: str) -> list[Event]:
        return [e for day in self.c.weeks[key] for e in self.c.days[day]]

    def weeks(self) -> None:
        keys = list(self.c.weeks)
        for i, key in enumerate(keys):
            events = self.week_events(key)
            places = Counter(p.name for e in events for p in e.places)
            chart = self.figure(bars_by_day(events, self.c, week_days(key), self.lang), "tl-week")
            self.render(
                "week.md.j2", f"week/{key}.md", title=self.week_title(key), chart=chart,
                prev=keys[i - 1] if i else None, next=keys[i + 1] if i + 1 < len(keys) else None,
                counts=[(t, n) for t in SEVERITY if (n := sum(1 for e in events if e.type == t))],
                key=key_events(events),
                places=[(self.c.place_slug[name], name, n) for name, n in places.most_common()],
                days=[(d, len(self.c.days[d])) for d in self.c.weeks[key]],
            )

    def home(self) -> None:
        context: dict = {"edit_page": self._edit_page()}
        if self.c.events:
            week = list(self.c.weeks)[-1]
            events = self.week_events(week)
            context |= dict(week=week, week_title=self.week_title(week), counts_line=self.counts_line(events),
                            key=key_events(events), latest_day=list(self.c.days)[-1],
                            glance=self.figure(bars_by_week(self.c.events, self.c, self.lang), "tl-glance",
                                               "tl-plot tl-glance"))
        self.render("index.md.j2", "index.md", **context)

    def _edit_page(self) -> str | None:
        for name in ("edit.md", "edit-events.md", "editing.md"):
            if (self.docs_dir / name).is_file():
                return name
        return None

    def timeline(self) -> None:
        self.render("timeline.md.j2", "timeline.md")

    def timeline_data(self) -> dict:
        return {**compact(self.c.events, self.c, self.lang), "ui": js_ui(self.lang)}

    def briefings(self) -> None:
        weeks = [(w, self.week_title(w), [(d, len(self.c.days[d])) for d in days])
                 for w, days in reversed(self.c.weeks.items())]
        self.render("briefings.md.j2", "briefings.md", weeks=weeks)

    def entities(self) -> None:
        by_count = lambda entry: (-len(entry.events), entry.name)  # noqa: E731
        places = sorted(self.c.places.values(), key=by_count)
        actors = sorted(self.c.actors.values(), key=by_count)
        self.render("entities.md.j2", "places.md", title=self.ui["places"], column=self.ui["place"],
                    entries=places, folder="place")
        self.render("entities.md.j2", "actors.md", title=self.ui["actors"], column=self.ui["actor"],
                    entries=actors, folder="actor")
        for entry in places:
            name = entry.name if self.lang == "ar" or not entry.place.name_en else entry.place.name_en
            self.render("entity.md.j2", f"place/{entry.slug}.md", entry=entry, name=name,
                        subtitle=self._place_subtitle(entry.place),
                        figure=self.figure(compact(entry.events, self.c, self.lang), "tl-entity"))
        for entry in actors:
            self.render("entity.md.j2", f"actor/{entry.slug}.md", entry=entry, name=entry.name, subtitle="",
                        figure=self.figure(compact(entry.events, self.c, self.lang), "tl-entity"))

    def _place_subtitle(self, place: Place) -> str:
        bits = [b for b in (place.name_en if self.lang == "ar" else place.name, place.country) if b]
        if place.lat is not None and place.lon is not None:
            bits.append(f"{place.lat:.3f}, {place.lon:.3f}")
        return " · ".join(md(b) for b in bits)

    def map(self) -> None:
        places = sorted(self.c.places.values(), key=lambda entry: (-len(entry.events), entry.name))
        self.render("map.md.j2", "map.md", places=places,
                    figure=self.figure(map_points(self.c, self.lang), "tl-map", "tl-plot tl-map"))

    def sources(self, titles: dict[str, str] | None = None) -> None:
        articles = list(self.c.articles.values())
        for article in articles:
            article.title = (titles or {}).get(article.path) or article.title or article.path
        articles.sort(key=lambda a: (a.published or date.min, a.path), reverse=True)
        quotes = {a.path: {e.id: e.sources[i].date_text for e, i in a.events if e.sources[i].date_text}
                  for a in articles}
        self.render("sources.md.j2", "sources.md", articles=articles, quotes=quotes)

    def downloads_page(self, names: list[str]) -> None:
        what = {
            "events.json": "JSON", "events.yaml": "YAML", "events.csv": "CSV",
            "events.ics": "iCalendar (.ics)", "events-acled.csv": "CSV (ACLED)",
            "event.schema.json": "JSON Schema",
        }
        self.render("downloads.md.j2", "downloads.md", files=[(n, what.get(n, "")) for n in names])
