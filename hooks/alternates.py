"""MkDocs hook: `hreflang` alternates with full addresses and an `x-default`.

Material writes them relative to the page, which search engines ignore; we rewrite that one block.
"""
import html
import re

LANGUAGES = ("fr", "en")
DEFAULT = "fr"
_ALTERNATES = re.compile(r'(?:\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">)+')


def _page_path(url: str) -> str:
    """`en/members/` and `members/` are both the page `members/`."""
    for lang in LANGUAGES:
        if lang != DEFAULT and (url == f"{lang}/" or url.startswith(f"{lang}/")):
            return url[len(lang) + 1:]
    return url


def on_post_page(output: str, page, config) -> str:
    if page.url.endswith("404.html"):
        return output
    base, path = config.site_url, _page_path(page.url)
    links = [(lang, base + ("" if lang == DEFAULT else f"{lang}/") + path) for lang in LANGUAGES]
    links.append(("x-default", base + path))
    block = "".join(f'\n      <link rel="alternate" href="{html.escape(href)}" hreflang="{lang}">' for lang, href in links)
    return _ALTERNATES.sub(lambda _: block, output, count=1)
