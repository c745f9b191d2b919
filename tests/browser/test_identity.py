"""The network's and the EU's identity, the language link, accent-free search and the landing layout, as a reader
sees them in Chromium: the EU emblem is not smaller than the site's logo, the other language is named in words
without opening a menu and keeps the address's query and fragment, "Hue" finds Hué, the key figures stand side by
side and no table is wider than its column on a 1280 px screen, and reflowed tables still read as tables on a phone.
"""

import pytest

from support.project import LANGUAGES

from .test_working_parts import search_results

OTHER = {"fr": "en", "en": "fr"}
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def box(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {width: r.width, height: r.height}; }"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_eu_emblem_is_shown_beside_the_statement_and_not_smaller_than_the_sites_logo(page, served, lang):
    page.goto(served + prefix(lang))
    logo, emblem = box(page, "header .md-logo svg"), box(page, "footer .rvase-eu-emblem")
    assert logo["height"] > 0 and emblem["height"] >= logo["height"] and emblem["width"] >= logo["width"], (
        logo,
        emblem,
    )
    assert page.locator("footer .rvase-eu-emblem").evaluate("e => e.complete && e.naturalWidth > 0")  # the file loaded
    together = page.locator(
        "footer .rvase-cofunding"
    ).evaluate("""c => {
      const [img, text] = [c.querySelector('img').getBoundingClientRect(), c.querySelector('p').getBoundingClientRect()];
      return text.left >= img.right && text.left - img.right < 40 && text.top < img.bottom && text.bottom > img.top; }""")
    assert together


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_other_language_is_named_in_words_and_visible_without_opening_a_menu(page, served, lang, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(served + prefix(lang) + "members/")
    link = page.locator(f'header a[hreflang="{OTHER[lang]}"]')
    assert link.is_visible() and link.inner_text().strip() == LANGUAGE_NAMES[OTHER[lang]]
    assert link.get_attribute("lang") == OTHER[lang]
    right = link.evaluate("a => a.getBoundingClientRect().right")
    assert right <= width


def test_switching_language_keeps_the_catalogs_filters_and_the_place_on_the_page(page, served):
    page.goto(served + "projects/?theme=urban-sanitation&country=KH")
    with page.expect_navigation():
        page.locator('header a[hreflang="en"]').click()
    assert page.url == served + "en/projects/?theme=urban-sanitation&country=KH"
    assert page.locator("#filter-theme").input_value() == "urban-sanitation"  # the English catalog is filtered too
    page.goto(served + "en/members/#country-kh")
    with page.expect_navigation():
        page.locator('header a[hreflang="fr"]').click()
    assert page.url == served + "members/#country-kh"
    # a filter chosen after the page opened is carried too (the script reads the address when the link is followed)
    page.goto(served + "projects/")
    page.select_option("#filter-country", "LA")
    with page.expect_navigation():
        page.locator('header a[hreflang="en"]').click()
    assert page.url == served + "en/projects/?country=LA"


def test_without_scripts_the_language_link_still_leads_to_the_same_page(browser, served):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "projects/?theme=urban-sanitation")
    page.locator('header a[hreflang="en"]').click()
    page.wait_for_url(served + "en/projects/")
    context.close()


@pytest.mark.parametrize(
    "lang, query, expected",
    [
        ("fr", "Hue", "members/hue/"),
        ("fr", "evenement", "calendar/"),
        ("en", "Hue", "en/members/hue/"),
        ("en", "Quebec", "en/network/"),
    ],
)
def test_search_ignores_accents_in_each_language(page, served, lang, query, expected):
    """Typed key by key in Material's search box, without the accents of Hué, événement, Québec."""
    found = search_results(page, served, prefix(lang), query)
    assert expected in found, found
    assert all(href.startswith("en/") == (lang == "en") for href in found), found
    if (lang, query) == ("fr", "Hue"):  # the results show the page's own words, with their accents
        titles = [t.strip() for t in page.locator(".md-search-result__article h1").all_inner_texts()]
        assert "Hué" in titles and "Hue" not in titles, titles


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_pages_key_figures_stand_side_by_side_on_a_1280_px_screen(page, served, lang):
    page.goto(served + prefix(lang))
    tops = page.locator("ul.rvase-figures > li").evaluate_all("items => items.map(i => i.getBoundingClientRect().top)")
    # beside the members' map, three a row: never one full-width box under another
    assert len(tops) == 6 and all(tops.count(top) >= 3 for top in tops), tops
    assert page.locator(".md-sidebar--primary").is_hidden() and page.locator(".md-sidebar--secondary").is_hidden()
    assert page.locator(".md-tabs").is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("address", ["action-plan/", "partners/", "roadmap/"])
def test_no_table_is_wider_than_its_column_on_a_1280_px_screen(page, served, lang, address):
    page.goto(served + prefix(lang) + address)
    overflowing = page.locator("article table").evaluate_all("""tables => tables.filter(t =>
      t.getBoundingClientRect().right > t.closest('article').getBoundingClientRect().right + 0.5
      || t.parentElement.scrollWidth > t.parentElement.clientWidth).map(t => t.caption.textContent)""")
    assert page.locator("article table").count() > 0 and overflowing == []


def test_on_a_phone_a_reflowed_table_still_reads_as_a_table_with_its_headers(page, served):
    """Shown one card per row, the action plan's tables keep their roles in Chromium's accessibility tree."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(served + "action-plan/")
    assert page.locator("article table tbody tr").first.evaluate("r => getComputedStyle(r).display") == "block"
    session = page.context.new_cdp_session(page)
    roles = {node["role"]["value"] for node in session.send("Accessibility.getFullAXTree")["nodes"] if "role" in node}
    assert {"table", "row", "columnheader", "rowheader", "cell"} <= roles, roles
