"""Partners find projects: the catalog filters act in a real browser, and the filtered view lives in the address."""

import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from support.project import ROOT

PROJECTS = yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"]
MEMBERS = yaml.safe_load((ROOT / "data" / "members.yaml").read_text(encoding="utf-8"))["members"]
COUNTRY = {m["id"]: m["country"] for m in MEMBERS}


def expected(theme=None, country=None) -> list[str]:
    return sorted(
        p["id"]
        for p in PROJECTS
        if (theme is None or theme in p["themes"])
        and (country is None or country in {COUNTRY[m] for m in p["members"]})
    )


def visible_cards(page) -> list[str]:
    return sorted(
        page.eval_on_selector_all(
            "article.rvase-project-card", "cards => cards.filter(c => c.offsetParent !== null).map(c => c.id)"
        )
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sanitation_projects_in_cambodia_can_be_chosen_and_shared_by_address(page, served, lang):
    base = served + ("en/" if lang == "en" else "") + "projects/"
    page.goto(base)
    assert visible_cards(page) == expected()
    page.select_option("#filter-theme", "urban-sanitation")
    page.select_option("#filter-country", "KH")
    wanted = expected(theme="urban-sanitation", country="KH")
    assert 0 < len(wanted) < len(PROJECTS)
    assert visible_cards(page) == wanted
    shared = page.url
    assert parse_qs(urlsplit(shared).query) == {"theme": ["urban-sanitation"], "country": ["KH"]}
    assert str(len(wanted)) in page.locator(".rvase-catalog-count").inner_text()

    colleague = page.context.new_page()  # a colleague opens the shared address
    colleague.goto(shared)
    assert visible_cards(colleague) == wanted
    assert colleague.locator("#filter-theme").input_value() == "urban-sanitation"
    colleague.close()


def test_each_filter_value_shows_how_many_projects_it_would_show(page, served):
    page.goto(served + "en/projects/?country=KH")
    options = page.eval_on_selector_all(
        "#filter-theme option[value]:not([value=''])", "os => os.map(o => [o.value, o.textContent])"
    )
    assert options
    for theme, text in options:
        assert text.endswith(f"({len(expected(theme=theme, country='KH'))})"), text


def test_free_text_ignores_case_and_accents_and_an_empty_result_says_so(page, served):
    page.goto(served + "projects/")
    page.fill("#filter-q", "HUE")
    shown = visible_cards(page)
    assert "fsm-hue" in shown and len(shown) < len(PROJECTS)
    for card_id in shown:  # every card left names Hué, whatever the accents and case
        text = page.locator(f"#{card_id}").inner_text()
        assert "hue" in unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower(), card_id
    page.fill("#filter-q", "zzzz-nothing")
    assert visible_cards(page) == []
    assert page.locator(".rvase-catalog-none").is_visible()
    page.focus(".rvase-catalog-filters button[type=reset]")  # a keyboard user clears the filters
    page.keyboard.press("Enter")
    expect(page.locator("article.rvase-project-card:visible")).to_have_count(len(PROJECTS))
    assert visible_cards(page) == expected()
    assert urlsplit(page.url).query == ""
    assert page.watch.foreign_requests == []


@pytest.mark.parametrize("address", ["projects/", "en/projects/", "calendar/", "en/calendar/"])
def test_the_counts_written_by_the_build_are_those_the_filters_count(page, served, address):
    """Opened unfiltered, the page shows the build's counts and the script counts nothing; after a filter is chosen
    and cleared, the script has counted every option itself: the same figures."""
    page.goto(served + address)
    options = "form[data-items] select option[value]:not([value=''])"
    written = page.eval_on_selector_all(options, "options => options.map(o => o.textContent)")
    assert written and all(text.endswith(")") for text in written)
    first = page.locator("form[data-items] select").first
    first.select_option(index=1)
    first.select_option("")
    counted = page.eval_on_selector_all(options, "options => options.map(o => o.textContent)")
    assert counted == written
    assert page.watch.console_errors == []
