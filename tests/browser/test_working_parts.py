"""The parts a visitor uses work in Chromium: the language selector keeps the page, search finds the
sanitation pages in each language and offers only pages of the page's language (Material's search worker, one
index per language), the menu opens every section, and the palette toggle keeps the reader's choice."""

import json
import re
from urllib.parse import urlsplit, urlunsplit

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from support.project import LANGUAGES, ROOT

SANITATION_THEME = "urban-sanitation"
SANITATION_PROJECTS = sorted(
    p["id"]
    for p in yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"]
    if SANITATION_THEME in p["themes"]
)
QUERIES = {"fr": "assainissement", "en": "sanitation"}
OTHER = {"fr": "en", "en": "fr"}


def counterpart(served: str, url: str) -> str:
    """The same page in the other language: `members/` ↔ `en/members/`."""
    path = url[len(served) :]
    return served + (path[3:] if path.startswith("en/") or path == "en/" else "en/" + path)


def test_the_language_selector_lands_on_the_same_page_in_the_other_language(survey, served, not_found_pages):
    """Clicked on every page (tests/browser/survey.py); from the 404 page it leads to the other language's home."""
    wrong = []
    for report in survey:
        other = OTHER[report.lang]
        home = {"fr": served, "en": served + "en/"}[other]
        expected = home if (report.lang, report.url) in not_found_pages else counterpart(served, report.url)
        # Material's language script keeps the address's #fragment (here the skip link's target): same page all the same
        landed = {
            lang: urlunsplit(urlsplit(url)._replace(fragment="")) if lang != "html_lang" else url
            for lang, url in report.language_switch.items()
        }
        if landed != {other: expected, "html_lang": other}:
            wrong.append(f"{report.url} → {report.language_switch}")
    assert wrong == []


def search_index(site, lang: str) -> dict:
    return json.loads(
        (site.path / ("en/" if lang == "en" else "") / "search" / "search_index.json").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index_with_every_page_of_that_language(site, lang):
    """hooks/search_by_language.py: French at search/, English at en/search/, locations relative to the language's root.
    Every page is there but Contribute, which is for maintainers (`search: exclude` in its front matter)."""
    index = search_index(site, lang)
    locations = {doc["location"] for doc in index["docs"]}
    assert index["config"]["lang"] == [lang]
    assert f"themes/#{SANITATION_THEME}" in locations
    assert set(site.pages(lang)) - {"contribute/"} <= locations  # by its address under the language's root
    assert not any(location.startswith("contribute/") for location in locations)
    assert not any(location.startswith("en/") for location in locations)
    titles = {doc["title"] for doc in index["docs"]}
    other_titles = {doc["title"] for doc in search_index(site, OTHER[lang])["docs"]}
    assert titles != other_titles


def all_result_links(page) -> list[str]:
    """Every result's addresses. Material says how many pages match, shows ten, then four more each time the list's end
    comes back into view (the other sections of a page are under its "more on this page"): the list is scrolled up and
    down again until it shows as many pages as Material counted, each round waiting for the list to grow, not for a time."""
    total = int(re.search(r"[0-9]+", page.locator(".md-search-result__meta").inner_text()).group())
    items, wrap = page.locator(".md-search-result__item"), page.locator(".md-search__scrollwrap")
    for _ in range(30):
        shown = items.count()
        if shown >= total:
            break
        wrap.evaluate("""async wrap => {
          wrap.scrollTo(0, 0);
          await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
          wrap.scrollTo(0, wrap.scrollHeight);
        }""")
        try:
            page.wait_for_function(
                "n => document.querySelectorAll('.md-search-result__item').length > n", arg=shown, timeout=2000
            )
        except PlaywrightTimeout:
            continue  # the end came into view before the list was ready for it: scroll again
    assert items.count() == total, f"Material counted {total} pages but listed {items.count()}"
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def search_results(page, served: str, address: str, query: str) -> set[str]:
    """Type `query` into the search box of `address`; every result's address, relative to the site, without its query."""
    page.goto(served + address)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    # results for the whole query carry its first word in their address (search.highlight): wait for those
    page.wait_for_function(
        "word => [...document.querySelectorAll('.md-search-result__item a')].some(a => a.href.toLowerCase().includes('h=' + word))",
        arg=query.split()[0].lower(),
    )
    return {urlunsplit(urlsplit(href)._replace(query=""))[len(served) :] for href in all_result_links(page)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_the_sanitation_pages_in_the_language_of_the_page(page, served, lang):
    found = search_results(page, served, "en/" if lang == "en" else "", QUERIES[lang])
    prefix = "en/" if lang == "en" else ""
    assert f"{prefix}themes/#{SANITATION_THEME}" in found, found
    assert {f"{prefix}projects/{project}/" for project in SANITATION_PROJECTS} <= found, found
    assert all(href.startswith("en/") == (lang == "en") for href in found), found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_offers_only_pages_in_the_language_of_the_page(page, served, lang):
    """A name written alike in both languages: with one index of both languages, each reader got the other's pages too."""
    member = yaml.safe_load((ROOT / "data" / "members.yaml").read_text(encoding="utf-8"))["members"][0]
    assert member["name"]["fr"] == member["name"]["en"]
    found = search_results(page, served, ("en/" if lang == "en" else "") + "members/", member["name"][lang])
    prefix = "en/" if lang == "en" else ""
    assert f"{prefix}members/{member['id']}/" in found, found
    assert all(href.startswith("en/") == (lang == "en") for href in found), found
    assert page.watch.console_errors == [] and page.watch.failed == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_menu_opens_every_section_and_each_entry_leads_to_its_page(page, served, site, lang):
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(served + ("en/" if lang == "en" else ""))
    page.locator('label.md-header__button[for="__drawer"]').click()
    nav = page.locator("nav.md-nav--primary")
    nav.wait_for()
    sections = nav.locator("label.md-nav__link:not([for='__toc'])")
    for index in range(sections.count()):
        section = sections.nth(index)
        section.click()
        nested = nav.locator(f"nav[aria-labelledby='{section.get_attribute('id')}']")
        assert nested.locator("a").first.is_visible(), section.inner_text()
    links = nav.locator("a.md-nav__link:not([href^='#'])")
    # the current page's entry is shown as the label that opens its table of contents
    entries = links.evaluate_all("""links => links.map(a => [a.href, a.textContent.trim(), a.checkVisibility() ||
        (a.classList.contains('md-nav__link--active') && a.parentElement.querySelector('label[for="__toc"]').checkVisibility())])""")
    assert len(entries) >= 10
    hidden = [text for _, text, visible in entries if not visible]
    assert hidden == []
    for href, text, _ in entries:
        assert href.startswith(served + ("en/" if lang == "en" else "")), (text, href)
        response = page.request.get(href)
        assert response.status == 200, (text, href)


def palette_state(page) -> dict:
    return page.evaluate("""() => ({
      scheme: document.body.getAttribute('data-md-color-scheme'),
      visible_toggle: [...document.querySelectorAll('form[data-rvase-palette] label')].filter(l => !l.hidden).map(l => l.htmlFor),
      theme_color: document.querySelector('meta[name=theme-color]')?.content,
      color_scheme: document.querySelector('meta[name=color-scheme]')?.content,
    })""")


def test_the_palette_follows_the_system_until_the_reader_chooses_and_the_choice_is_kept_from_page_to_page(page, served):
    """hooks' partials/javascripts/palette.html in place of Material's palette component: the same behaviour."""
    page.emulate_media(color_scheme="light")
    page.goto(served)
    page.wait_for_function("() => document.querySelector('meta[name=color-scheme]')")
    light = palette_state(page)
    assert (
        light["scheme"] == "default" and light["visible_toggle"] == ["__palette_1"] and light["color_scheme"] == "light"
    )
    assert light["theme_color"].startswith("#") and len(light["theme_color"]) == 7
    page.emulate_media(color_scheme="dark")  # no choice made yet: the system's preference is followed
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert palette_state(page)["visible_toggle"] == ["__palette_0"]
    page.emulate_media(color_scheme="light")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")

    page.locator("form[data-rvase-palette] label:visible").click()  # the reader chooses the dark palette
    chosen = palette_state(page)
    assert (
        chosen["scheme"] == "slate" and chosen["visible_toggle"] == ["__palette_0"] and chosen["color_scheme"] == "dark"
    )
    page.goto(served + "en/members/")  # kept on another page, in the other language, whatever the system prefers
    page.wait_for_load_state("load")
    assert palette_state(page)["scheme"] == "slate" and palette_state(page)["visible_toggle"] == ["__palette_0"]
    page.emulate_media(color_scheme="light")
    page.wait_for_timeout(200)
    assert palette_state(page)["scheme"] == "slate"
    page.locator("form[data-rvase-palette] label:visible").click()  # and back
    assert palette_state(page)["scheme"] == "default" and palette_state(page)["visible_toggle"] == ["__palette_1"]
    page.reload()
    assert palette_state(page)["scheme"] == "default"
    assert page.watch.console_errors == [] and page.watch.failed == []
