"""Text from data and interface words becomes markup only as text: in Markdown headings, in HTML blocks, in news
bodies (a short list of Markdown; links to http(s), mailto and this site only; no image) and in JSON-LD.

Proven on the site built from one copy of the project broken by every inert case of the hostile corpus: those of
tests/hostile/templates.yaml, and the network-name case of buildci.yaml, which carries the home heading's Markdown
links and attribute lists, among them."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

from support.hostile_corpus import CASES as HOSTILE_CASES
from support.project import SITE_PATH
from support.site import Site

CASES = [
    case
    for case in HOSTILE_CASES
    if case["corpus"] == "templates.yaml" or case["name"] == "network-name-both-languages-reaches-the-home-title"
]  # the home page's heading too
SCRIPT_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset")
ATOM = "{http://www.w3.org/2005/Atom}"
# A text that only mkdocs.yml holds: it would show that a `--8<--` snippet line included the file.
ONLY_IN_MKDOCS_YML = "j2_comment_start_string"


@pytest.fixture(scope="module")
def site(hostile_builds) -> Site:
    """The site built from the copy broken by every inert case of the corpus (these among them)."""
    return hostile_builds.hostile


def news_bodies(site: Site, lang: str) -> dict:
    """news id → its body on its own page, and → its body in the Atom feed (parsed)."""
    prefix = "en/" if lang == "en" else ""
    ids = [item["id"] for item in site.page(prefix + "news/").select("li[id]")]
    on_page = {news_id: site.page(f"{prefix}news/{news_id}/").select_one("div.rvase-news-body") for news_id in ids}
    feed = ElementTree.parse(site.path / ("en/" if lang == "en" else "") / "feed.xml").getroot()
    in_feed = {}
    for entry in feed.iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link").get("href")
        in_feed[link.rstrip("/").rsplit("/", 1)[1]] = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser")
    return {"page": on_page, "feed": in_feed}


def links_by_text(body) -> dict:
    return {a.get_text(): a.get("href") for a in body.find_all("a")}


def test_the_corpus_has_at_least_twelve_inert_cases_of_classes_2_and_3_with_unique_names():
    assert len(CASES) >= 12
    assert len({case["name"] for case in CASES}) == len(CASES)
    assert {case["class"] for case in CASES} >= {2, 3} and {case["expect"] for case in CASES} == {"inert"}


def test_no_page_has_an_event_handler_a_script_address_a_script_of_data_or_a_remote_image(site):
    pages = 0
    for _, address, page in site.every_page():
        pages += 1
        for element in page.find_all(True):
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on") and name.lower() != "autofocus", (address, element)
                if name.lower() in URL_ATTRIBUTES:
                    bare = re.sub(r"[\x00-\x20]", "", value if isinstance(value, str) else " ".join(value)).lower()
                    assert not bare.startswith(SCRIPT_SCHEMES), (address, element)
            if element.name == "img":
                assert not re.match(r"(https?:)?//", element.get("src", "")), (address, element)
        for script in page.find_all("script"):
            if script.get("type") != "application/ld+json":
                assert "alert(" not in (script.string or ""), (address, script)
    assert pages > 60


def test_a_heading_made_from_data_or_interface_words_shows_its_markdown_and_html_as_text(site, hostile_builds):
    network = hostile_builds.data("network.yaml")["network"]
    for lang in ("fr", "en"):
        h1 = site.page("en/" if lang == "en" else "").find("h1")
        assert h1.get_text() == " ".join(network["name"][lang].split()) and not h1.find_all(True)
    ambition = site.page("").find("h2")
    assert (
        "[x](javascript:alert(203)) <img src=x onerror=alert(203)> ![i](https://evil.example/i.png)"
        in ambition.get_text()
    )
    assert not ambition.find_all(True)
    points = site.page("en/roadmap/").find("h2", id="points")
    assert (
        points.get_text()
        == "The six points [x](javascript:alert(204)) --8<-- mkdocs.yml --8<-- <script>alert(204)</script>"
    )
    themes = site.page("themes/").find("h1")
    assert themes.get_text() == "Thématiques [x](javascript:alert(205)) **gras** `code`" and not themes.find_all(True)
    tourism = site.page("en/themes/").find("h3", id="smart-sustainable-tourism")
    assert tourism.get_text() == "Smart tourism {: #smart onclick=alert(206) }"
    assert site.page("members/hue/").find("h1").get_text() == "Hué {: onclick=alert(207) }"
    assert site.page("members/").find("h3", id="hue").get_text() == "Hué {: onclick=alert(207) }"


def test_a_line_break_in_a_text_cannot_start_markdown_outside_its_html_block(site):
    description = site.page("themes/").find("h3", id="urban-governance-smart-cities").find_next("p")
    assert " ".join(description.get_text().split()).startswith(
        "Thème principal --8<-- mkdocs.yml --8<-- [x](javascript:alert(208)) <img src=x onerror=alert(208)> validé lors de la réunion annuelle de mai 2023."
    )
    assert not description.find_all(True)
    for _, address, page in site.every_page():
        assert ONLY_IN_MKDOCS_YML not in page.get_text(), address


@pytest.mark.parametrize("where", ["page", "feed"])
def test_a_news_link_keeps_its_address_only_for_http_mailto_and_this_site(site, where):
    french = links_by_text(news_bodies(site, "fr")[where]["aimf-cmf-kigali-2025"])
    for text in "abcdefgh":
        assert french[text] is None, (text, french)
    assert french["lien sûr"] == "https://example.org/fr?a=1&b=2"
    assert french["courriel"] == "mailto:contact@example.org"
    # a link to a page of this site: as written on the page, absolute in the feed, read away from the site
    if where == "page":
        assert french["agenda"] == "../../calendar/"
    else:  # the hostile build's own address, on a port of its own
        assert re.fullmatch(rf"http://127\.0\.0\.1:\d+{SITE_PATH}calendar/", french["agenda"]), french["agenda"]
    english = links_by_text(news_bodies(site, "en")[where]["aimf-cmf-kigali-2025"])
    assert english["the report"] is None and english["the other"] is None and english["the third"] is None
    assert english["a safe one"] == "https://example.org/en"


@pytest.mark.parametrize("where", ["page", "feed"])
def test_a_news_image_is_not_shown_its_markdown_stays_as_text(site, where):
    body = news_bodies(site, "fr")[where]["asean-mayors-forum-phnom-penh-2022"]
    assert not body.find_all("img")
    assert "![photo](https://evil.example/x.png) ![ref]" in body.get_text()  # `[img]` after it is a link: not loaded
    assert "![court]" in body.get_text()


@pytest.mark.parametrize("where", ["page", "feed"])
def test_html_and_attribute_lists_typed_in_a_news_body_are_shown_as_text(site, where):
    body = news_bodies(site, "en")[where]["aimf-congress-phnom-penh-2019"]
    text = body.get_text()
    for typed in (
        "<img src=x onerror=alert(212)>",
        "<script>alert(212)</script>",
        '<a href="javascript:alert(212)">x</a>',
        "<!--<script>alert(212)</script>-->",
        "<svg onload=alert(212)>",
        "Para {: onclick=alert(212) }",
    ):
        assert typed in text
    assert not body.find_all(["img", "script", "svg"]) and not body.find_all(onclick=True)
    assert body.select_one("pre code").get_text() == "--8<--\nmkdocs.yml\n--8<--\n"  # code, its lines kept


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_structured_data_holds_the_data_exactly_and_nothing_an_html_parser_reads(site, hostile_builds, lang):
    html = (site.path / ("en/" if lang == "en" else "") / "calendar" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    assert not re.search("[<>&\u2028\u2029]", blocks[0])
    graph = {item["@id"].rstrip("/").rsplit("/", 1)[1]: item for item in json.loads(blocks[0])["@graph"]}
    events = {event["id"]: event for event in hostile_builds.data("events.yaml")["events"]}
    assert graph["annual-meeting-2023"]["name"] == events["annual-meeting-2023"]["title"][lang]
    assert graph["annual-meeting-2023"]["description"] == events["annual-meeting-2023"]["description"][lang]
    assert "monthly-focal-points-meeting" not in graph  # a decision, not an Event: its hostile text is in the page only
    website = next(p for p in hostile_builds.data("partners.yaml")["partners"] if p["id"] == "aimf")["website"]
    assert any(item.get("organizer", {}).get("url") == website for item in graph.values())
    page = BeautifulSoup(html, "html.parser")
    assert page.find("footer") is not None and len(page.select("article.rvase-event")) == len(events)
