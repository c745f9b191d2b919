"""No record id can take an id the pages use themselves: the site map (rvase/site_map.py) declares every such id of
the built site.

Every id of every list page (both languages) is either a record's id or one that validation keeps from records
(rvase.anchors.taken_by_the_site): if a template or the renderer adds an anchor, this test names it until it is
declared; an anchor declared that no page writes is named too. Ids that are not slugs (Material's `__drawer`…) cannot
be a record's id and are left aside.
"""

import re

import pytest

from rvase.anchors import taken_by_the_site
from rvase.site_map import PAGE, RECORD_KINDS, Addresses
from rvase.source import read_yaml
from support.project import LANGUAGES, ROOT
from support.site import Site

LISTED = {kind.kind: kind.list_page for kind in RECORD_KINDS if kind.list_page}  # data file → the page listing it
WITH_PAGES = {kind.folder: kind.kind for kind in RECORD_KINDS if kind.folder}  # folder → the kind whose pages it holds
INTERFACE = read_yaml(ROOT / "i18n" / "interface.yaml", "i18n/interface.yaml")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


def record_ids(data_file: str) -> set[str]:
    data = read_yaml(ROOT / "data" / f"{data_file}.yaml", f"data/{data_file}.yaml")
    records = {"action_plan": lambda: data["axes"], "network": lambda: data["network"]["modalities"]}.get(
        data_file, lambda: data[data_file]
    )()
    return {record["id"] for record in records}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("data_file", sorted(LISTED))
def test_every_id_of_a_list_page_is_a_record_s_or_kept_from_records(site, lang, data_file):
    page = LISTED[data_file]
    ids = [element["id"] for element in site.page(Site.address(lang, Addresses.page(page))).find_all(id=True)]
    assert len(ids) == len(set(ids)), "an id is twice on the page"
    records = record_ids(data_file)
    assert records <= set(ids), "the records' ids are not on their page: the site map's list_page is wrong"
    unlisted = [
        i for i in ids if SLUG.match(i) and i not in records and taken_by_the_site(data_file, i, INTERFACE) != page
    ]
    assert unlisted == [], f"anchors of {page}/ that a record could take: declare them in rvase/site_map.py"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", sorted(set(LISTED.values())))
def test_every_anchor_the_site_map_keeps_from_records_is_on_its_page(site, lang, page):
    ids = {element["id"] for element in site.page(Site.address(lang, Addresses.page(page))).find_all(id=True)}
    assert sorted(PAGE[page].own_anchors - ids) == [], (
        f"anchors declared for {page}/ in rvase/site_map.py that it does not write"
    )


def test_index_is_kept_from_every_kind_of_record():
    assert all(taken_by_the_site(data_file, "index") == "address" for data_file in LISTED)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("folder", sorted(WITH_PAGES))
def test_a_record_s_own_page_gives_no_record_id_to_an_element(site, lang, folder):
    """A project's, a member's, a news item's or an event's page has only fixed anchors (map, events, news…) besides its title's: no record id
    is an HTML id there, so no id needs keeping from them. If one becomes one, declare it in the site map."""
    every_record = set().union(*(record_ids(data_file) for data_file in LISTED), record_ids("sources"))
    for record in sorted(record_ids(WITH_PAGES[folder])):
        page = site.page(Site.address(lang, f"{folder}/{record}/"))
        ids = [element["id"] for element in page.find_all(id=True) if element.name != "h1"]
        assert len(ids) == len(set(ids)) and not set(ids) & every_record, (record, set(ids) & every_record)
