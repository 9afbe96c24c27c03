"""MkDocs hooks (mkdocs.yml → hooks): pre-rendered HTML passes through MkDocs untouched.

The generator writes the long parts of its pages (a day's events, the event lists of place, actor,
week and source pages) as HTML between ``<!--tl:raw-->`` and ``<!--/tl:raw-->``. Python-Markdown,
its raw-HTML parser, md_in_html, the link rewriter and Material's search parser would otherwise
walk every tag of 10,000 events — most of the build time. Here each block is swapped for a comment
before Markdown runs and put back into the finished page, so Markdown, the theme and the search
plugin see only a small page.

A page may also carry ``<!--tl:meta {json}-->``: ``toc`` (table of contents tokens, as Python-
Markdown's toc extension makes them) and ``search`` (entries for Material's search index: location
anchor, title, text), which stand in for what MkDocs would have found in the skipped HTML. Links
inside the blocks are not checked by MkDocs; tests/test_site.py checks every link of the built site.
"""

from __future__ import annotations

import html
import json
import re

from mkdocs.structure.toc import get_toc

RAW = re.compile(r"<!--tl:raw-->\n?(.*?)<!--/tl:raw-->", re.S)
META = re.compile(r"<!--tl:meta (.*?)-->\n?", re.S)
PLACEHOLDER = "<!--tl:raw {}-->"


def on_page_markdown(markdown, page, config, files):
    blocks: list[str] = []

    def stash(match: re.Match) -> str:
        blocks.append(match.group(1))
        return "\n\n" + PLACEHOLDER.format(len(blocks) - 1) + "\n\n"

    meta = META.search(markdown)
    if meta:
        page.tl_meta = json.loads(meta.group(1))
        markdown = markdown[:meta.start()] + markdown[meta.end():]
    if "<!--tl:raw-->" in markdown:
        markdown = RAW.sub(stash, markdown)
    page.tl_raw = blocks
    return markdown


def on_page_content(content, page, config, files):
    meta = getattr(page, "tl_meta", None)
    if meta and meta.get("toc") is not None:
        page.toc = get_toc(meta["toc"])
    return content


def _search_plugin(config):
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index") and hasattr(plugin.search_index, "entries"):
            return plugin
    return None


def on_page_context(context, page, config, nav):
    meta = getattr(page, "tl_meta", None)
    if not meta or not meta.get("search"):
        return context
    plugin = _search_plugin(config)
    if plugin is None or not getattr(plugin.config, "enabled", True):
        return context
    entries = plugin.search_index.entries
    for item in meta["search"]:
        entries.append({"location": f"{page.url}#{item['id']}", "title": html.escape(item["title"], quote=False),
                        "text": html.escape(item.get("text", ""), quote=False)})
    return context


def on_post_page(output, page, config):
    blocks = getattr(page, "tl_raw", None)
    if not blocks:
        return output
    parts = re.split(r"<!--tl:raw (\d+)-->", output)
    for i in range(1, len(parts), 2):
        parts[i] = blocks[int(parts[i])]
    return "".join(parts)
