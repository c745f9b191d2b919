"""The news as an Atom feed (RFC 4287) in one language, written with ElementTree (deterministic bytes).

An entry's id is its own in each language (the French and English entries are two texts: a reader subscribed to both
sees both); the links inside an entry's text are absolute, resolved against the item's page, since a feed reader
shows the text away from the site.
"""

import datetime
import uuid
import xml.etree.ElementTree as ElementTree

from . import settings
from .catalog import Catalog
from .dates import PartialDate
from .news_markdown import markdown_text

ATOM = "http://www.w3.org/2005/Atom"
NEWS_NAMESPACE = uuid.UUID("0b5f8f7e-2f0c-5d8e-8a61-3c7e9d2b4a10")  # fixed forever: entry ids must never change


def news_entry_id(news_id: str, lang: str) -> str:
    """UUIDv5 of the item's id in the default language (the ids published first, kept), of `<lang>/<id>` in the others,
    as the addresses are (French at the root, English under en/)."""
    name = news_id if lang == settings.DEFAULT_LANGUAGE else f"{lang}/{news_id}"
    return f"urn:uuid:{uuid.uuid5(NEWS_NAMESPACE, name)}"


def _timestamp(item: dict) -> str:
    """Atom wants a full date-time: an item dated only to the month or the year is stamped on its `feed_date`, the day
    the data chose (validation holds it inside the item's date and never before the event it reports)."""
    day = PartialDate.parse(item.get("feed_date", item["date"])).first_day()
    return datetime.datetime.combine(day, datetime.time(0, 0), datetime.UTC).isoformat()


def atom_bytes(catalog: Catalog, lang: str, site_url: str, news_url_of, feed_url: str) -> bytes:
    """The Atom feed of every news item in `lang`; `news_url_of(news)` gives the full address of an item."""
    ElementTree.register_namespace("", ATOM)
    words, network = catalog.words(lang), catalog.network

    def add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    news = catalog.news()
    add(feed, "id", site_url)
    add(feed, "title", f"{network['acronym']} — {words('page.news')}")
    add(feed, "subtitle", network["name"][lang])
    add(feed, "updated", max(_timestamp(item) for item in news))
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=site_url)
    add(add(feed, "author"), "name", network["name"][lang])
    for item in news:
        entry = add(feed, "entry")
        add(entry, "id", news_entry_id(item["id"], lang))
        add(entry, "title", item["title"][lang])
        add(entry, "updated", _timestamp(item))
        page = news_url_of(item)
        add(entry, "link", rel="alternate", type="text/html", href=page)
        add(entry, "summary", item["summary"][lang])
        add(entry, "content", markdown_text(item["body"][lang], base_url=page), type="html")
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
