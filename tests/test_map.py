"""The members' map: one link per member that has a place, named in the page's language, drawn from a
public-domain boundary file kept in the repository; the list of members is its text alternative."""

import json
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from support.project import LANGUAGES, ROOT, SITE_URL

MEMBERS = yaml.safe_load((ROOT / "data" / "members.yaml").read_text(encoding="utf-8"))["members"]
WORDS = yaml.safe_load((ROOT / "i18n" / "interface.yaml").read_text(encoding="utf-8"))
LOCATED = {m["id"]: m for m in MEMBERS if m["coordinates"]}
UNLOCATED = {m["id"]: m for m in MEMBERS if not m["coordinates"]}
GEO = ROOT / "data" / "geo"


def members_address(lang: str) -> str:
    return ("en/" if lang == "en" else "") + "members/"


def the_map(site, lang: str):
    figure = site.page(members_address(lang)).select_one("article figure.rvase-map-figure")
    assert figure is not None, "the members' page has no map"
    return figure


def follow(site, lang: str, href: str):
    """The element a link on the members' page leads to: the target's <h1>, or the element its #anchor names."""
    absolute = urljoin(SITE_URL + members_address(lang), href)
    assert absolute.startswith(SITE_URL), f"{href} leaves the site"
    parts = urlsplit(absolute)
    page = site.page(parts.path.removeprefix(urlsplit(SITE_URL).path))
    target = page.find(id=parts.fragment) if parts.fragment else page.select_one("article h1")
    assert target is not None, f"{href} leads nowhere"
    return target


def view_box(svg) -> tuple[float, ...]:
    return tuple(float(v) for v in svg["viewbox"].split())


def test_the_boundary_file_is_a_small_natural_earth_extract_named_beside_it():
    collection = json.loads((GEO / "countries.geojson").read_text(encoding="utf-8"))
    assert "Natural Earth" in collection["source"]["data"] and "world-atlas" in collection["source"]["package"]
    codes = {f["properties"]["iso_numeric"]: f["properties"]["role"] for f in collection["features"]}
    assert {code: codes.get(code) for code in ("116", "418", "704")} == dict.fromkeys(
        ("116", "418", "704"), "member-country"
    )
    assert (GEO / "countries.geojson").stat().st_size < 60_000
    readme = (GEO / "README.md").read_text(encoding="utf-8")
    for mention in ("Natural Earth", "public domain", "world-atlas 2.0.2", "ISC", "tools/extract_boundaries.py"):
        assert mention in readme
    assert (ROOT / "tools" / "extract_boundaries.py").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_has_exactly_one_link_per_member_with_a_place(site, lang):
    links = the_map(site, lang).select("svg a")
    assert sorted(a["data-member"] for a in links) == sorted(LOCATED)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_marker_is_named_in_the_page_language_and_leads_to_its_member(site, lang):
    for a in the_map(site, lang).select("svg a"):
        member = LOCATED[a["data-member"]]
        assert a["aria-label"] == member["name"][lang]
        assert a.select_one("text").get_text() == member["name"][lang]
        assert follow(site, lang, a["href"]).get_text(strip=True) == member["name"][lang], a["href"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_member_without_a_place_is_listed_and_named_in_the_caption_but_not_on_the_map(site, lang):
    assert UNLOCATED, "the data has no member without coordinates any more: this test needs one (ASAC)"
    figure = the_map(site, lang)
    page_text = site.page(members_address(lang)).select_one("article").get_text(" ", strip=True)
    on_map = figure.select_one("svg").get_text(" ", strip=True)
    caption_targets = [follow(site, lang, a["href"]).get_text(strip=True) for a in figure.figcaption.select("a[href]")]
    for member in UNLOCATED.values():
        name = member["name"][lang]
        assert name not in on_map
        assert name in caption_targets
        assert page_text.count(name) >= 2  # the caption and the list


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_caption_leads_to_the_list_of_members_by_country(site, lang):
    figure = the_map(site, lang)
    first_country = WORDS[f"country.{MEMBERS[0]['country']}"][lang]
    targets = [follow(site, lang, a["href"]) for a in figure.figcaption.select("a[href]")]
    assert first_country in [t.get_text(strip=True) for t in targets if t.name == "h2"]
    assert str(len(LOCATED)) in figure.figcaption.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markers_and_labels_lie_inside_the_drawing(site, lang):
    svg = the_map(site, lang).select_one("svg")
    left, top, width, height = view_box(svg)
    assert (left, top) == (0, 0) and 200 <= width <= 1000 and 200 <= height <= 1500
    marks = svg.select("a circle") + svg.select("a text")
    assert len(marks) == 3 * len(LOCATED)
    for mark in marks:
        x, y = (float(mark["cx"]), float(mark["cy"])) if mark.name == "circle" else (float(mark["x"]), float(mark["y"]))
        assert 0 <= x <= width and 0 <= y <= height, mark


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_is_a_named_group_whose_shapes_are_hidden_from_screen_readers(site, lang):
    svg = the_map(site, lang).select_one("svg")
    assert svg["role"] == "group" and svg["aria-label"] == WORDS["map.label"][lang]
    assert svg.get("width") is None and svg.get("height") is None  # it takes the width of its container
    for group in svg.find_all("g", recursive=False):
        assert (group.get("aria-hidden") == "true") == (group.find("a") is None)
    for code in ("KH", "LA", "VN"):
        assert WORDS[f"country.{code}"][lang] in svg.select_one("g.rvase-map-country-names").get_text(" ")
