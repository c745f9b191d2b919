"""Every fact of the data is on its page, in each language."""

import pytest
import yaml

from support.project import LANGUAGES, ROOT


def data(name):
    return yaml.safe_load((ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8"))


def prefix(lang):
    return "en/" if lang == "en" else ""


# The members the seeds name, written here from the source documents, not from data/.
SEED_MEMBERS = {
    "fr": [
        "Phnom Penh",
        "Siem Reap",
        "Battambang",
        "Kampot",
        "ASAC",
        "Vientiane",
        "Luang Prabang",
        "Hué",
        "Can Tho",
        "Hai Phong",
        "Hô Chi Minh-Ville",
        "Yen Bai",
    ],
    "en": [
        "Phnom Penh",
        "Siem Reap",
        "Battambang",
        "Kampot",
        "ASAC",
        "Vientiane",
        "Luang Prabang",
        "Hue",
        "Can Tho",
        "Hai Phong",
        "Ho Chi Minh City",
        "Yen Bai",
    ],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_member_of_the_seeds_is_listed_by_country(site, lang):
    page = site.page(prefix(lang) + "members/")
    names = [h3.get_text(strip=True) for h3 in page.select("article h3")]
    assert sorted(names) == sorted(SEED_MEMBERS[lang])
    countries = {"fr": ["Cambodge", "Laos", "Vietnam"], "en": ["Cambodia", "Laos", "Vietnam"]}[lang]
    assert [h2.get_text(strip=True) for h2 in page.select("article h2:not(#downloads)")] == countries


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_action_plan_shows_15_actions_in_three_captioned_tables_of_four_columns(site, lang):
    page = site.page(prefix(lang) + "action-plan/")
    tables = page.select("table.rvase-action-plan")
    assert len(tables) == 3
    numbers = []
    for table in tables:
        assert table.caption and table.caption.get_text(strip=True)
        assert [th["scope"] for th in table.select("thead th")] == ["col"] * 5
        for row in table.select("tbody tr"):
            numbers.append(int(row.th.get_text()))
            cells = row.find_all("td")
            assert len(cells) == 4
            assert all(cell.get_text(strip=True) for cell in cells)
    assert numbers == list(range(1, 16))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_action_plan_cell_of_the_data_is_shown_and_empty_ones_say_so(site, lang):
    page = site.page(prefix(lang) + "action-plan/")
    empty_word = {"fr": "Rien d'indiqué", "en": "Nothing recorded"}[lang]
    for axis in data("action_plan")["axes"]:
        for action in axis["actions"]:
            cells = page.select_one(f"#action-{action['number']}").find_all("td")
            for cell, key in zip(cells, ("activities", "achieved", "planned", "suggestions")):
                expected = action[key][lang] if action[key] else empty_word
                assert cell.get_text(" ", strip=True) == " ".join(expected.split()), (action["number"], key)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "kind,page,field",
    [
        ("projects", "projects/", "name"),
        ("partners", "partners/", "name"),
        ("events", "calendar/", "title"),
        ("news", "news/", "title"),
        ("themes", "themes/", "name"),
    ],
)
def test_every_record_has_its_place_on_its_page(site, lang, kind, page, field):
    html = site.page(prefix(lang) + page)
    for record in data(kind)[kind]:
        element = html.find(id=record["id"])
        assert element is not None, record["id"]
        assert record[field][lang] in html.get_text(" "), record["id"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_figures_on_the_home_page_count_the_data(site, lang):
    figures = {
        a["href"]: int(a.strong.get_text())
        for a in site.page(prefix(lang)).select(".rvase-figures a")
        if a["href"] != "members/"
    }
    assert figures["projects/"] == len(data("projects")["projects"])
    assert figures["action-plan/"] == 15
    assert figures["themes/"] == 7


def test_a_timed_event_shows_its_hours_and_time_zone(site):
    article = site.page("calendar/").find(id="annual-meeting-2023").get_text(" ", strip=True)
    assert "18 mai 2023" in article and "08:00–12:00" in article and "Fairfield Hotel" in article
    article = site.page("en/calendar/").find(id="annual-meeting-2023").get_text(" ", strip=True)
    assert "18 May 2023" in article and "Phnom Penh time" in article


def test_a_date_known_only_to_the_year_is_shown_as_a_year_and_a_past_event_without_a_place_says_it_is_not_given(site):
    article = site.page("en/calendar/").find(id="annual-meeting-2024")
    assert article.find("time")["datetime"] == "2024"
    assert "Place not given" in article.get_text() and "Place to be decided" not in article.get_text()
    assert "Lieu non précisé" in site.page("calendar/").find(id="annual-meeting-2024").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_foreign_language_passages_are_marked(site, lang):
    vietnamese = site.page(prefix(lang) + "members/").select('[lang="vi"]')
    assert [span.get_text() for span in vietnamese] == ["Phó Chủ tịch Thường trực"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cell_of_a_data_table_is_labelled_with_its_column_header_for_the_phone_layout(site, lang):
    """On a phone a row becomes a card, each cell preceded by its label (`data-label`, written by the stylesheet);
    the caption and the header cells stay for screen readers."""
    checked = 0
    for address in ("action-plan/", "partners/", "roadmap/"):
        tables = site.page(prefix(lang) + address).select("table.rvase-data-table")
        assert tables, address
        for table in tables:
            assert table.caption.get_text(strip=True)
            head = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
            for row in table.select("tbody tr"):
                cells = row.find_all(["th", "td"], recursive=False)
                assert [cell.get("data-label") for cell in cells] == head, (address, row.get("id"))
                checked += len(cells)
    assert checked > 100
