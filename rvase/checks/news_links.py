"""A link in a news body that points into the site must land on a page: a body is shown on the item's own page,
`news/<id>/`, and in the Atom feed (resolved against that page), so `../../calendar/` is the calendar and `../calendar/`
a page that does not exist. Each relative link is resolved as a browser would from the item's page, in either
language, and looked up in the site map (rvase/site_map.py)."""

import posixpath
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ..news_markdown import markdown_text
from ..problems import Problem
from ..site_map import Addresses, link_targets
from ..source import line_of
from . import messages
from .markdown_cost import MAX_BRACKETS, news_bodies


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def _landing(page: str, href: str) -> str | None:
    """The path from the language's root that `href`, relative, reaches from `page`; None if it climbs above the root."""
    path = urlsplit(href).path
    if not path:
        return page  # "#a-heading", "?x": the page itself
    joined = posixpath.normpath(posixpath.join(page, path))
    if joined == ".":
        return ""
    if joined.startswith(".."):
        return None
    if path.endswith("/") or path.endswith("."):
        joined += "/"
    return joined.removesuffix("index.html")


def broken_news_links(documents: dict, shown_as: str, field_path) -> list[Problem]:
    """A problem for each link of a news body, in each language, whose address on this site lands on no page."""
    news = documents.get("news")
    record_ids = {
        kind: [r["id"] for r in document.get(kind, []) if isinstance(r, dict) and isinstance(r.get("id"), str)]
        for kind, document in documents.items()
        if isinstance(document, dict) and isinstance(document.get(kind), list)
    }
    targets = link_targets(record_ids)
    problems = []
    for index, item, lang, text in news_bodies(news):
        if not isinstance(item.get("id"), str) or text.count("[") > MAX_BRACKETS:
            continue  # an item without an id: told by the schema; too many brackets: refused unparsed (markdown_cost.py)
        page = Addresses("/").record("news", item["id"]) or ""
        links = _Links()
        links.feed(markdown_text(text))
        for href in links.hrefs:
            if urlsplit(href).scheme:
                continue  # another site, or mailto: not this site's to check
            landing = _landing(page, href)
            if landing is not None and (landing in targets or landing + "/" in targets):
                continue
            path = ["news", index, "body", lang]
            problems.append(
                Problem(
                    shown_as,
                    line_of(news, path),
                    field_path(news, path),
                    *messages.link_lands_on_no_page(href, page),
                )
            )
    return problems
