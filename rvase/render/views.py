"""The small values a view hands to the templates: links, dates, filter choices, web addresses, texts in a language."""

from typing import NamedTuple
from urllib.parse import urlsplit


class Link(NamedTuple):
    """A link as a template shows it: the address (relative to the page being built) and its text."""

    href: str
    text: str


class Dated(NamedTuple):
    """A date as a template shows it: ISO 8601 for machines, words of the language for readers."""

    iso: str
    text: str


class Choice(NamedTuple):
    """An option of a filter's drop-down: the value it filters by, its text, how many items it matches."""

    value: str
    text: str
    matches: int


def web_address(url: str | None) -> str | None:
    """`url` if a browser may follow it from the site (http or https to a host), else None: nothing else becomes a link."""
    if not url or any(character <= " " or character == "\x7f" for character in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed host, such as an unclosed [
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def web_link(url: str | None) -> Link | None:
    """A link to a web address, labelled with its host (`www.example.org`), or None."""
    address = web_address(url)
    return Link(address, urlsplit(address).hostname or address) if address else None


def in_language(value, lang: str):
    """`value` with every bilingual field (`{fr: …, en: …}`) replaced by its text in `lang`."""
    if isinstance(value, dict):
        if set(value) == {"fr", "en"}:
            return value[lang]
        return {key: in_language(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, lang) for item in value]
    return value
