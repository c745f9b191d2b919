"""A sitemap.xml wherever Material's language script looks for one, from the root sitemap of a built site.

For every `<link rel="alternate">` of a page, Material's script fetches `sitemap.xml` beside that address, expecting
each alternate to be a language's root with its own sitemap. mkdocs-static-i18n (and overrides/main.html) point the
alternates at the same page in each language, and write a single sitemap at the root: every page asked for
`<page>/sitemap.xml` and `en/sitemap.xml`, and got 404 errors. Following the sitemap protocol (a sitemap lists the
addresses at or below its own folder), each of those folders gets the part of the root sitemap that lies under it;
`en/sitemap.xml` is the English sitemap.
"""

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
ElementTree.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")
_ALTERNATE_HREF = re.compile(r'<link rel="alternate"[^>]*? href="([^"]+)"')
_ENTRY = re.compile(r"<url>.*?</url>", re.S)


def alternate_folders(page_html: str, page_address: str) -> set[str]:
    """The folders (absolute addresses) of the alternates in the page's `<head>`, where the script looks for a sitemap."""
    folders = set()
    for href in _ALTERNATE_HREF.findall(page_html.split("</head>", 1)[0]):
        address = urljoin(page_address, href)
        folders.add(address[: address.rindex("/") + 1])
    return folders


def write_folder_sitemaps(site_dir: Path, site_url: str, folders: Iterable[str]) -> None:
    """Write, in each of `folders` below the site's root, the part of the root sitemap under it. Nothing without a root
    sitemap; a folder the site does not have is left alone."""
    root_sitemap = site_dir / "sitemap.xml"
    if not root_sitemap.exists():
        return
    # The root sitemap's entries, each written out once, then copied into the sitemap of every folder above it.
    # The sitemap namespace is made the default one now: ElementTree keeps one default namespace for the whole
    # process, and the news feed (rvase/news_feed.py) sets Atom's when it is written.
    ElementTree.register_namespace("", SITEMAP_NS)
    urlset = ElementTree.parse(root_sitemap).getroot()
    ElementTree.indent(urlset)
    text = ElementTree.tostring(urlset, encoding="unicode")
    opening = text[: text.index(">") + 1]
    entries = _ENTRY.findall(text)
    addresses = [url.findtext(f"{{{SITEMAP_NS}}}loc", "") for url in urlset.findall(f"{{{SITEMAP_NS}}}url")]
    if len(entries) != len(addresses):
        raise ValueError(f"{root_sitemap} has {len(addresses)} addresses but {len(entries)} <url> entries were read.")
    # Each entry is filed under every folder above it that needs a sitemap: linear in the pages, in sitemap order.
    under: dict[str, list[str]] = {
        folder: [] for folder in folders if folder.startswith(site_url) and folder != site_url
    }
    for address, entry in zip(addresses, entries):
        folder = address[: address.rindex("/") + 1] if "/" in address else ""
        while len(folder) > len(site_url):
            if folder in under:
                under[folder].append(entry)
            folder = folder[: folder.rstrip("/").rindex("/") + 1]
    for folder in sorted(under):
        target = site_dir / folder[len(site_url) :] / "sitemap.xml"
        if target.parent.is_dir():
            body = "".join(f"\n  {entry}" for entry in under[folder])
            target.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{opening}{body}\n</urlset>', encoding="utf-8")
