"""The addresses and HTML ids the site's pages use themselves: no record id may take one of them.

A record's id becomes an address (`projects/<id>/`) and an HTML id on its list page (a heading, a card, a table row),
so an id equal to one of that page's own anchors would give the page two elements with the same id, and `index`
would replace a whole list page with one record's page. `tests/test_record_ids.py` collects every id of every built
page and fails if one that no record gave is not listed here.
"""
import re

from markdown.extensions.toc import slugify

# A record page is docs/<folder>/<id>.md: `index.md` there would be the folder's own page (the catalog, the members).
RESERVED_ADDRESSES = frozenset({"index"})

# data file → the page where its records' ids are HTML ids (heading anchors, project cards, event articles, table rows)
PAGE_OF_RECORDS = {
    "members": "members", "themes": "themes", "projects": "projects", "events": "calendar", "news": "news",
    "partners": "partners", "action_plan": "action-plan", "network": "network",
}

# page → the anchors rvase/render/ writes there besides the records' ids (headings `{ #… }`, filter fields, rows):
# fixed ones, and forms with a value (the members' country sections, the filter fields, the action-plan rows).
PAGE_ANCHORS = {
    "network": frozenset({"presentation", "aimf", "partnership", "regional-networks", "values", "functioning",
                          "modalities", "coordinator", "aimf-people"}),
    "themes": frozenset({"main", "cross-cutting"}),
    "calendar": frozenset({"upcoming", "past", "downloads"}),
    "action-plan": frozenset({"goals"}),
    "members": frozenset({"downloads"}),  # the open-data files of the page's records (partials/downloads.html)
    "projects": frozenset({"downloads"}),
    # the sections by relationship (partners.schema.yaml's enum, `_` written `-`), and the open-data files
    "partners": frozenset({"partner", "contact", "planned-contact", "mentioned", "downloads"}),
}
PAGE_ANCHOR_FORMS = {
    "members": re.compile(r"country-[a-z]{2}\Z"),
    "projects": re.compile(r"filter-[a-z]+\Z"),
    "calendar": re.compile(r"filter-[a-z]+\Z"),
    "action-plan": re.compile(r"action-[0-9]+\Z"),
}


def title_anchors(page: str, interface: dict | None) -> set[str]:
    """The ids Markdown gives a page's title in each language (`# Projets` → `projets`), from its words `page.<page>`.

    Records written as HTML (project cards, event articles, partner rows) are not seen by Markdown, which would give
    the title the same id as such a record; records written as headings are (it numbers its own id instead)."""
    words = (interface or {}).get(f"page.{page}")
    if not isinstance(words, dict):
        return set()
    return {slugify(text, "-") for text in words.values() if isinstance(text, str)}


def taken_by_the_site(data_file: str, record_id: str, interface: dict | None = None) -> str | None:
    """Where the site already uses `record_id` for a record of `data_file`: the page whose anchor it is, or `address`.

    `interface` (the interface words) adds the anchors of the pages' titles (title_anchors)."""
    if record_id in RESERVED_ADDRESSES:
        return "address"
    page = PAGE_OF_RECORDS.get(data_file)
    if page and (record_id in PAGE_ANCHORS.get(page, ()) or record_id in title_anchors(page, interface) or
                 (page in PAGE_ANCHOR_FORMS and PAGE_ANCHOR_FORMS[page].match(record_id))):
        return page
    return None
