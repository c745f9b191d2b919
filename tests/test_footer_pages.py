"""The site says who publishes it and how it treats its readers: every page of both languages ends with a footer
linking to the contact, legal notice, privacy and accessibility pages (and Contribute, for maintainers), with the EU
emblem beside the co-funding statement, and says when its content last changed, from the git history of its data.
"""

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from math import cos, hypot, radians, sin
from urllib.parse import urljoin

import pytest
import yaml

from rvase import site_map
from support.project import LANGUAGES, ROOT, SITE_URL

FOOTER_PAGES = [site_map.Addresses.page(name) for name in site_map.FOOTER_PAGES]
MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def data(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8"))


def in_language(lang: str, page: str) -> str:
    return ("en/" if lang == "en" else "") + page


def git_day(*paths: str) -> str:
    """The day of the latest commit that changed any of `paths`, as git itself says it."""
    return subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", *paths], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_every_page_of_both_languages_links_its_footer_to_the_pages_about_the_site_in_its_language(site):
    for lang, address, html in site.every_page():
        links = html.select("footer .rvase-footer__links a")
        targets = [
            urljoin(SITE_URL + (address if address.endswith("/") or not address else ""), a["href"]) for a in links
        ]
        if address == "404.html":  # served at any depth: its links start from the server's root
            targets = [urljoin(SITE_URL, a["href"]) for a in links]
        assert targets == [SITE_URL + in_language(lang, page) for page in FOOTER_PAGES], address


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_footer_page_exists_in_both_languages_with_its_title_in_that_language(site, lang):
    titles = {
        "fr": ["Contact", "Mentions légales", "Confidentialité", "Accessibilité", "Contribuer"],
        "en": ["Contact", "Legal notice", "Privacy", "Accessibility", "Contribute"],
    }[lang]
    for page, title in zip(FOOTER_PAGES, titles):
        html = site.page(in_language(lang, page))
        assert html.html["lang"] == lang
        assert html.select_one("article h1").get_text(strip=True) == title, page
        footer_words = [
            a.get_text(strip=True) for a in site.page(in_language(lang, "")).select("footer .rvase-footer__links a")
        ]
        assert title in footer_words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_eu_emblem_stands_beside_the_co_funding_statement_on_every_page_in_its_language(site, lang):
    alt = {"fr": "Emblème de l'Union européenne", "en": "Emblem of the European Union"}[lang]
    statement = {"fr": "Cofinancé par l'Union européenne", "en": "Co-funded by the European Union"}[lang]
    for page in site.pages(lang):
        cofunding = site.page(in_language(lang, page)).select("footer .rvase-cofunding")
        assert len(cofunding) == 1, page
        emblem, text = cofunding[0].select_one("img"), cofunding[0].select_one("p")
        assert emblem["src"].endswith("assets/eu-emblem.svg") and emblem["alt"] == alt, page
        assert text.get_text(strip=True).startswith(statement), page
        assert emblem.find_next_sibling() is text  # together, emblem first


def test_the_eu_emblem_follows_the_eus_published_geometry_and_colours(site):
    """Flag 3:2; twelve stars, upright, evenly spaced on a circle of radius 1/3 of the height centred on the flag;
    each star's points on a circle of radius 1/18 of the height; Reflex Blue #003399, Yellow #FFCC00."""
    svg = ElementTree.parse(site.path / "assets" / "eu-emblem.svg").getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    _, _, width, height = (float(v) for v in svg.get("viewBox").split())
    assert width / height == 1.5
    rect = svg.find("svg:rect", ns)
    assert (float(rect.get("width")), float(rect.get("height")), rect.get("fill").upper()) == (width, height, "#003399")
    star = svg.find("svg:defs/svg:path", ns)
    assert star.get("fill").upper() == "#FFCC00"
    corners = [tuple(float(n) for n in pair.split()) for pair in re.findall(r"-?[\d.]+ -?[\d.]+", star.get("d"))]
    assert len(corners) == 10
    points = corners[0::2]
    assert all(abs(hypot(x, y) - height / 18) < 0.01 for x, y in points)
    assert abs(points[0][0]) < 0.01 and points[0][1] < 0  # one point straight up (SVG's y grows downwards)
    uses = svg.findall("svg:use", ns)
    assert len(uses) == 12
    centres = sorted((float(u.get("x")), float(u.get("y"))) for u in uses)
    expected = sorted(
        (width / 2 + height / 3 * sin(radians(30 * h)), height / 2 - height / 3 * cos(radians(30 * h)))
        for h in range(12)
    )
    assert all(abs(a - c) < 0.01 and abs(b - d) < 0.01 for (a, b), (c, d) in zip(centres, expected))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contribute_is_in_the_footer_but_not_in_the_main_navigation_nor_in_search_results(site, lang):
    for page in site.pages(lang):
        html = site.page(in_language(lang, page))
        navigation = html.select(".md-tabs a, nav.md-nav--primary a")
        assert navigation, page
        assert not [a["href"] for a in navigation if "contribute" in a["href"]], page
    index = (site.path / ("en/" if lang == "en" else "") / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"contribute/' not in index and '"location":"privacy/' in index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_the_top_level_sections_as_tabs_and_the_home_page_no_sidebar_nor_table_of_contents(site, lang):
    for page in site.pages(lang):
        tabs = site.page(in_language(lang, page)).select(".md-tabs .md-tabs__link")
        assert len(tabs) == 10, page
    home = site.page(in_language(lang, ""))
    assert all(sidebar.has_attr("hidden") for sidebar in home.select(".md-sidebar")) and home.select(".md-sidebar")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_says_when_it_was_last_updated_in_its_language(site, lang):
    pattern = re.compile(r"(\d{1,2}) (\w+) (\d{4})")
    label = {"fr": "Dernière mise à jour :", "en": "Last updated:"}[lang]
    for page in site.pages(lang):
        line = site.page(in_language(lang, page)).select_one("article p.rvase-updated")
        assert line is not None and line.get_text(" ", strip=True).startswith(label), page
        day, month, year = pattern.fullmatch(line.time.get_text(strip=True)).groups()
        iso = line.time["datetime"]
        assert iso == f"{year}-{MONTHS[lang].index(month) + 1:02d}-{int(day):02d}", page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_data_page_was_last_updated_when_its_data_file_last_changed_in_git(site, lang):
    for page, files in {
        "action-plan/": ["data/action_plan.yaml"],
        "partners/": ["data/partners.yaml"],
        "roadmap/": ["data/roadmap.yaml"],
        "calendar/": ["data/events.yaml"],
        "network/": ["data/network.yaml"],
    }.items():
        assert site.page(in_language(lang, page)).select_one("p.rvase-updated time")["datetime"] == git_day(*files), (
            page
        )
    # a record page shows its record and the records it links to
    hue = site.page(in_language(lang, "members/hue/")).select_one("p.rvase-updated time")["datetime"]
    assert hue == git_day("data/members.yaml", "data/projects.yaml", "data/events.yaml", "data/news.yaml", "data/geo")
    # an event's page (under calendar/) shows the event and the members, projects and themes it names
    event = data("events")["events"][0]["id"]
    shown = site.page(in_language(lang, f"calendar/{event}/")).select_one("p.rvase-updated time")["datetime"]
    assert shown == git_day("data/events.yaml", "data/members.yaml", "data/projects.yaml", "data/themes.yaml")


def test_without_git_the_last_update_is_the_builds_own_day(tmp_path, monkeypatch):
    """A copy of the project without .git (an archive): the day is SOURCE_DATE_EPOCH's, the same at every build."""
    from rvase.last_updated import LastUpdated

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1748736000")
    monkeypatch.delenv("RVASE_TODAY", raising=False)
    days = LastUpdated(tmp_path, "docs", ["action-plan.md", "contact.fr.md", "members/hue.md"])
    assert {days.day(src).isoformat() for src in ["action-plan.md", "contact.fr.md", "members/hue.md"]} == {
        "2025-06-01"
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contact_and_legal_pages_quote_the_data_in_their_language_and_their_sources_do_not_copy_it(site, lang):
    network, partners = data("network")["network"], {p["id"]: p for p in data("partners")["partners"]}
    facts = [network["coordinator"]["role"][lang].lower(), partners["aimf"]["name"][lang], network["name"][lang]]
    for page in ("contact/", "legal-notice/"):
        text = site.page(in_language(lang, page)).select_one("article").get_text(" ", strip=True)
        assert all(fact in text for fact in facts), (page, [fact for fact in facts if fact not in text])
    for source in ROOT.glob("docs/*.??.md"):
        written = source.read_text(encoding="utf-8")
        for other in LANGUAGES:
            assert network["coordinator"]["role"][other].lower() not in written.lower(), source
            assert partners["aimf"]["name"][other] not in written, source


def test_the_logo_is_in_the_header_and_the_favicon_in_the_networks_colours_declared_once(site):
    html = site.page("")
    assert html.select_one("header .md-logo svg.rvase-logo") is not None
    icon = html.select_one('head link[rel="icon"]')["href"]
    assert icon.endswith("assets/favicon.svg") and (site.path / "assets" / "favicon.svg").exists()
    css = (ROOT / "docs" / "stylesheets" / "rvase.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--rvase-([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    assert len(colours) == len(re.findall(r"--rvase-[\w-]+:", css)), "each colour declared once"
    favicon = (site.path / "assets" / "favicon.svg").read_text(encoding="utf-8").lower()
    assert set(re.findall(r"#[0-9a-f]{6}", favicon)) == {colours["blue"].lower(), colours["sand"].lower()}
    card = (ROOT / "tools" / "social-card.html").read_text(encoding="utf-8")
    assert "stylesheets/rvase.css" in card and not re.search(r"#[0-9a-fA-F]{6}", card)


def test_hostile_facts_quoted_by_the_footer_pages_show_as_text_and_nothing_of_them_is_live(hostile_builds):
    """tests/hostile/identity.yaml: a coordinator's role holding HTML, Markdown, attribute lists and Jinja shows, on
    the contact and legal notice pages of both languages, as the text it is (in the build of every inert case)."""
    site = hostile_builds.hostile
    role = hostile_builds.data("network.yaml")["network"]["coordinator"]["role"]
    for lang in LANGUAGES:
        for page in ("contact/", "legal-notice/"):
            article = site.page(in_language(lang, page)).select_one("article")
            assert role[lang].lower() in article.get_text(" ", strip=False).lower(), page
            assert not article.select("script, img, [onclick], [onerror]"), page
            assert not [a for a in article.select("a[href]") if a["href"].lower().startswith("javascript:")], page
