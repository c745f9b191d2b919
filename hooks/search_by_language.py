"""MkDocs hook: one search index per language, so that a French page searches French pages and an English page
English ones, and each page fetches only its language's entries.

mkdocs-static-i18n builds every language into one site and, after the last one, writes one index holding the
entries of all of them at search/ (Material fetches it on every page, where it is parsed and handed to the
search worker): a French reader searching "sanitation" got English pages, and every reader fetched both
languages. After that (hence the lower priority), this hook splits it: the default language's entries stay at
search/, each other language's go to <language>/search/, their locations made relative to that language's root,
with the stemmer of that language only (`lang`). Material finds the index from the page's `base` (its
`__config`), which for an English page pointed to the site's root: on_post_page points it to /en/ instead; the
worker and the search results resolve their addresses from that same base.

Each index also gets the folded copies of its accented words (rvase/search_folding.py), so that search ignores
accents: "Hue" finds Hué, "evenement" finds événement.
"""

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from rvase.search_folding import add_folded_fields

_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


def _languages(config) -> tuple[str, list[str]]:
    i18n = config.plugins["i18n"]
    return i18n.default_language, [lang for lang in i18n.build_languages if lang != i18n.default_language]


def split_search_index(index: dict, default: str, others: list[str]) -> dict[str, dict]:
    """{language: index}: the entries under `<language>/` (without that prefix) for each other language, the rest
    for the default one; each index keeps the search settings, with its own language for the stemmer."""
    split: dict[str, dict] = {
        lang: {"config": {**index["config"], "lang": [lang]}, "docs": []} for lang in [default, *others]
    }
    for entry in index["docs"]:
        lang = next((other for other in others if entry["location"].startswith(f"{other}/")), default)
        location = entry["location"][len(lang) + 1 :] if lang != default else entry["location"]
        split[lang]["docs"].append({**entry, "location": location})
    return split


def on_post_page(output: str, page, config) -> str:
    default, others = _languages(config)
    lang = config.theme["language"]
    if lang == default:
        return output
    base = get_relative_url(f"{lang}/", page.url)
    result, count = _CONFIG_BASE.subn(lambda m: m.group(1) + base + m.group(3), output)
    if count != 1:
        raise PluginError(
            f'hooks/search_by_language.py: expected Material\'s __config with a "base" in {page.file.src_uri}, '
            f"found {count}. Has the Material theme changed its markup? Update the pattern in this hook."
        )
    return result


@event_priority(
    -110
)  # after mkdocs-static-i18n's own on_post_build (-100), which writes the one index of all languages
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside the default language's build: the index is complete only after the last
    default, others = _languages(config)
    site = Path(config.site_dir)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for lang, part in split_search_index(index, default, others).items():
        path = site / ("" if lang == default else lang) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(add_folded_fields(part), separators=(",", ":"), default=str), encoding="utf-8")
