"""The few settings the generator takes from mkdocs.yml, so one file configures the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may carry tags such as !ENV; the generator needs none of those values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    lang: str            # "ar" (right to left) or "en"
    site_name: str
    docs_dir: Path
    site_dir: Path

    @property
    def rtl(self) -> bool:
        return self.lang in ("ar", "fa", "he", "ur")


def read_config(root: Path) -> SiteConfig:
    path = root / CONFIG_FILE
    data = {}
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    theme = data.get("theme") or {}
    lang = theme.get("language", "ar") if isinstance(theme, dict) else "ar"
    return SiteConfig(
        root=root,
        lang="ar" if lang == "ar" else "en",
        site_name=str(data.get("site_name") or "Timeline"),
        docs_dir=root / data.get("docs_dir", "docs"),
        site_dir=root / data.get("site_dir", "site"),
    )
