"""The addresses and HTML ids the site's pages use themselves: no record id may take one of them.

A record's id becomes an address (`projects/<id>/`) and an HTML id on its list page (a heading, a card, a table row),
so an id equal to one of that page's own anchors would give the page two elements with the same id, and `index`
would replace a whole list page with one record's page. The page that lists each kind of record, and the anchors
rvase/render/ writes on each page besides the records' ids, are declared in the site map (rvase/site_map.py).
`tests/test_record_ids.py` collects every id of every built list page and fails if one that no record gave is not
declared there.
"""

from markdown.extensions.toc import slugify

from . import site_map

# A record page is docs/<folder>/<id>.md: `index.md` there would be the folder's own page (the catalog, the members).
RESERVED_ADDRESSES = frozenset({"index"})


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
    kind = site_map.KIND.get(data_file)
    page = site_map.PAGE[kind.list_page] if kind and kind.list_page else None
    if page and (
        record_id in page.own_anchors
        or record_id in title_anchors(page.name, interface)
        or (page.anchor_form and page.anchor_form.match(record_id))
    ):
        return page.name
    return None
