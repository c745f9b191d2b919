"""The site map (rvase/site_map.py) is the site: every page it declares is built in both languages at the address it
gives, every page built is one it declares, and the navigation lists its section pages in its order."""

import re

import pytest
import yaml

from rvase.site_map import PAGES, RECORD_KINDS, Addresses
from support.project import LANGUAGES, ROOT

ADDRESSES = Addresses()


def record_ids(kind: str) -> list[str]:
    return [r["id"] for r in yaml.safe_load((ROOT / "data" / f"{kind}.yaml").read_text(encoding="utf-8"))[kind]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pages_built_are_the_section_pages_and_record_pages_the_site_map_declares(site, lang):
    declared = {ADDRESSES.page(page.name) for page in PAGES}
    declared |= {
        ADDRESSES.record(kind.kind, record_id)
        for kind in RECORD_KINDS
        if kind.folder
        for record_id in record_ids(kind.kind)
    }
    assert sorted(site.pages(lang)) == sorted(declared)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_feed_and_each_record_s_calendar_the_site_map_declares_is_written_in_each_language(site, lang):
    root = site.path / ADDRESSES.folder(lang)
    for page in (p for p in PAGES if p.feed):
        assert (root / ADDRESSES.feed(page.name)).is_file(), page.name
    for kind in (k for k in RECORD_KINDS if k.calendar and k.kind != "events"):  # an event's: only with a known day
        for record_id in record_ids(kind.kind):
            assert (root / ADDRESSES.calendar(kind.kind, record_id)).is_file(), (kind.kind, record_id)


def test_the_navigation_lists_the_pages_rendered_from_data_in_the_site_map_s_order():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = re.findall(r"^  - ([\w-]+)\.md$", config.split("\nnav:\n", 1)[1].split("\n\n", 1)[0], re.M)
    assert nav == [page.name for page in PAGES if not page.prose]
