"""A reader who lands on a record's page from a search engine sees where it sits and goes back up: each project, member,
event and news item page opens with a breadcrumb to the home page and to the section that lists its kind, in the
page's language, kept out of the search index."""

import json
import posixpath

import pytest
import yaml

from rvase.site_map import RECORD_KINDS
from support.project import ROOT

WORDS = yaml.safe_load((ROOT / "i18n" / "interface.yaml").read_text(encoding="utf-8"))
ACRONYM = yaml.safe_load((ROOT / "data" / "network.yaml").read_text(encoding="utf-8"))["network"]["acronym"]
WITH_PAGES = [kind for kind in RECORD_KINDS if kind.folder]


def record_ids(kind) -> list[str]:
    return [
        r["id"] for r in yaml.safe_load((ROOT / "data" / f"{kind.kind}.yaml").read_text(encoding="utf-8"))[kind.kind]
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", WITH_PAGES, ids=lambda kind: kind.kind)
def test_every_record_page_opens_with_a_breadcrumb_to_the_home_and_its_section(site, kind, lang):
    root = "en/" if lang == "en" else ""
    ids = record_ids(kind)
    assert ids
    for record_id in ids:
        address = f"{root}{kind.folder}/{record_id}/"
        page = site.page(address)
        crumb = page.select_one("article nav.rvase-breadcrumb")
        assert crumb and crumb["aria-label"] == WORDS["a11y.breadcrumb"][lang] and crumb.has_attr("data-search-exclude")
        assert crumb.find_next(["h1"]) is page.select_one("article h1")  # before the title
        links = [(a.get_text(), posixpath.normpath(posixpath.join(address, a["href"]))) for a in crumb.select("a")]
        assert links == [
            (ACRONYM, root.rstrip("/") or "."),
            (WORDS[f"page.{kind.list_page}"][lang], f"{root}{kind.list_page}"),
        ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_breadcrumb_is_not_indexed_for_search(site, lang):
    index = json.loads(
        (site.path / ("en/" if lang == "en" else "") / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    starts = [
        doc["text"] for doc in index["docs"] if doc["location"].startswith(("projects/", "members/")) and doc["text"]
    ]
    assert starts and not any(text.startswith(ACRONYM) for text in starts)
