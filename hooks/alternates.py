"""MkDocs hook: `hreflang` alternates with full addresses and an `x-default`.

Material writes them relative to the page, which search engines ignore; we rewrite that one block, with the
addresses of the page in each language from the site map (rvase/site_map.py).
"""
import html
import re

from rvase import settings
from rvase.site_map import Addresses

_ALTERNATES = re.compile(r'(?:\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">)+')


def on_post_page(output: str, page, config) -> str:
    if page.url.endswith("404.html"):
        return output
    addresses = Addresses(config.site_url)
    _, path = addresses.split(page.url)  # `en/members/` and `members/` are both the page `members/`
    links = [(lang, addresses.full(path, lang)) for lang in settings.LANGUAGES]
    links.append(("x-default", addresses.full(path, settings.DEFAULT_LANGUAGE)))
    block = "".join(f'\n      <link rel="alternate" href="{html.escape(href)}" hreflang="{lang}">' for lang, href in links)
    return _ALTERNATES.sub(lambda _: block, output, count=1)
