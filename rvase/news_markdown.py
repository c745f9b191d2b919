"""News bodies: the Markdown a maintainer writes, turned into HTML for the news page and the Atom feed.

What a body may hold, and nothing more (CONTRIBUTING.md, "What a news body accepts"): paragraphs, headings, lists,
emphasis, quotes, code, rules, and links whose address is http(s), mailto or on this site (relative). Raw HTML is
shown as text; an image is not shown (its Markdown stays as text): nothing of a body loads from another host.

Two layers: Python-Markdown without extensions (so no attribute lists) and without its raw HTML and image
patterns, then nh3 (the Ammonia sanitiser) over its output, with an allow-list of elements and
attributes. nh3 parses the HTML as a browser does, so an address disguised with entities, case, spaces or control
characters is judged as the browser would read it; `_allowed_address` refuses any scheme but http(s) and mailto
there, and what is still entity-encoded once decoded again.
"""

import functools
import html
import re
from urllib.parse import urljoin

import markdown as python_markdown
import nh3

ELEMENTS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")


def _converter() -> python_markdown.Markdown:
    converter = python_markdown.Markdown(output_format="html")
    converter.preprocessors.deregister("html_block")  # HTML typed in a body is text: escaped like any text
    converter.inlinePatterns.deregister("html")
    for pattern in ("image_link", "image_reference", "short_image_ref"):  # `![text](address)` stays as it is typed
        converter.inlinePatterns.deregister(pattern)
    return converter


_MARKDOWN = _converter()  # made once: setting up a converter costs more than a news body


def _allowed_address(element: str, attribute: str, value: str, base_url: str | None = None) -> str | None:
    """Keeps a link's address only if, read as a browser would (entities decoded again, invisible characters
    dropped), it is relative or has an allowed scheme; with a `base_url`, a relative address becomes absolute."""
    if attribute != "href":
        return value
    decoded = value
    for _ in range(5):  # an entity hidden behind another entity: decode until nothing changes
        again = html.unescape(decoded)
        if again == decoded:
            break
        decoded = again
    bare = _INVISIBLE.sub("", decoded).lower()
    scheme = _SCHEME.match(bare)
    if scheme and scheme.group(1) not in SCHEMES:
        return None
    if not scheme and (":" in bare.split("/", 1)[0] or bare.startswith(("//", "\\", "/\\"))):
        return None  # not a plain relative address: another host, or a scheme in disguise
    return urljoin(base_url, value) if base_url and not scheme else value


def markdown_text(text: str, base_url: str | None = None) -> str:
    """The HTML of a news body: Markdown as CONTRIBUTING.md describes it; any HTML typed into it is shown as text,
    any other link or image left inert. With a `base_url` (the item's page, for a feed), relative links are made
    absolute against it."""
    converted = _MARKDOWN.reset().convert(text)
    return nh3.clean(
        converted,
        tags=ELEMENTS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        attribute_filter=functools.partial(_allowed_address, base_url=base_url),
        strip_comments=True,
    )
