"""Both languages are equals: same pages, right language, a switcher to the same page."""

from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

from support.project import LANGUAGES, SITE_URL

OTHER = {"fr": "en", "en": "fr"}
SECTIONS = [
    "",
    "network/",
    "members/",
    "themes/",
    "projects/",
    "action-plan/",
    "roadmap/",
    "calendar/",
    "news/",
    "partners/",
    "contribute/",
]


def test_french_and_english_have_the_same_pages(site):
    assert site.pages("fr") == site.pages("en")
    assert set(SECTIONS) <= set(site.pages("fr"))


def test_only_one_404_page_exists_and_it_speaks_both_languages(site):
    assert not (site.path / "en" / "404.html").exists()
    page = site.page("404.html")
    parts = {div["lang"]: div.get_text(" ", strip=True) for div in page.select("article div[lang]")}
    assert "introuvable" in parts["fr"] and "not found" in parts["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_declares_its_language(site, lang):
    for page in site.pages(lang):
        assert site.page(site.address(lang, page)).html["lang"] == lang, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(site, lang):
    for page in site.pages(lang):
        address = site.address(lang, page)
        switch = site.page(address).select(f'a.rvase-language__link[hreflang="{OTHER[lang]}"]')
        assert len(switch) == 1, address
        target = urljoin(SITE_URL + address, switch[0]["href"])
        assert target == SITE_URL + site.address(OTHER[lang], page), address


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_names_both_language_versions_with_full_addresses(site, lang):
    for page in site.pages(lang):
        links = {
            link["hreflang"]: link["href"]
            for link in site.page(site.address(lang, page)).select('head link[rel="alternate"][hreflang]')
        }
        assert links.get("fr") == SITE_URL + page
        assert links.get("en") == SITE_URL + "en/" + page
        assert links.get("x-default") == SITE_URL + page


def test_the_sitemap_lists_both_languages(site):
    sitemap = (site.path / "sitemap.xml").read_text(encoding="utf-8")
    for page in SECTIONS:
        assert f"<loc>{SITE_URL}{page}</loc>" in sitemap
        assert f"<loc>{SITE_URL}en/{page}</loc>" in sitemap


def test_each_folder_sitemap_lists_the_pages_under_it(site):
    """Material looks for sitemap.xml beside each alternate address (hooks/sitemaps.py): one in every page's folder."""
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    def addresses(sitemap):
        text = sitemap.read_text(encoding="utf-8")
        assert text.splitlines()[1].startswith(f'<urlset xmlns="{namespace}"'), sitemap  # the default namespace
        return [loc.text for loc in ElementTree.fromstring(text.encode()).iter(f"{{{namespace}}}loc")]

    everything = addresses(site.path / "sitemap.xml")
    for lang in LANGUAGES:
        for page in site.pages(lang):
            folder = SITE_URL + site.address(lang, page)
            if folder != SITE_URL:
                assert addresses(site.path / site.address(lang, page) / "sitemap.xml") == [
                    address for address in everything if address.startswith(folder)
                ], folder


def test_navigation_labels_are_translated(site):
    fr = [a.get_text(strip=True) for a in site.page("").select("nav.md-nav--primary > ul > li > a")]
    en = [a.get_text(strip=True) for a in site.page("en/").select("nav.md-nav--primary > ul > li > a")]
    assert "Membres" in fr and "Plan d'action 2023" in fr and "Members" not in fr
    assert "Members" in en and "2023 action plan" in en and "Membres" not in en


def test_the_footer_carries_the_eu_co_funding_mention_in_each_language(site):
    assert "Cofinancé par l'Union européenne" in site.page("members/").select_one(".md-copyright").get_text()
    assert "Co-funded by the European Union" in site.page("en/members/").select_one(".md-copyright").get_text()


def test_the_strict_build_reports_no_warning(site):
    assert "WARNING" not in site.log


def test_the_palette_toggles_are_named_in_the_language_of_each_page(site):
    """One name per toggle and per language, the same on every page of that language, none shared by the two."""
    names = {}
    for lang, page, html in site.every_page():
        toggles = html.select("input[name=__palette]")
        labels = tuple(t["aria-label"] for t in toggles)
        titles = tuple(html.select_one(f'label[for="{t["id"]}"]')["title"] for t in toggles)
        names.setdefault(lang, set()).add(labels)
        assert len(toggles) == 2 and len(set(labels)) == 2 and "/" not in " ".join(labels), page
        assert sorted(titles) == sorted(labels), page
    assert all(len(found) == 1 for found in names.values()), names
    assert not set(next(iter(names["fr"]))) & set(next(iter(names["en"])))
