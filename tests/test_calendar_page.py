"""The calendar page: grouped by month, split into upcoming and past, filterable, with structured data."""

import datetime
import json
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from rvase.catalog import load_catalog
from rvase.render.pages import PageRenderer
from rvase.site_map import Addresses
from support.project import ROOT, SITE_URL

EVENTS = {e["id"]: e for e in yaml.safe_load((ROOT / "data" / "events.yaml").read_text(encoding="utf-8"))["events"]}
AIMF = next(
    p
    for p in yaml.safe_load((ROOT / "data" / "partners.yaml").read_text(encoding="utf-8"))["partners"]
    if p["id"] == "aimf"
)["name"]
PREFIX = {"fr": "", "en": "en/"}


def section(site, lang: str, name: str):
    return site.page(PREFIX[lang] + "calendar/").select_one(f'.rvase-calendar[data-section="{name}"]')


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_build_day_splits_upcoming_from_past(site, lang):
    # the test build's "today" is 2025-06-01
    upcoming = [a["id"] for a in section(site, lang, "upcoming").select("article")]
    past = [a["id"] for a in section(site, lang, "past").select("article")]
    decided = [a["id"] for a in site.page(PREFIX[lang] + "calendar/").select('[data-section="decided"] article')]
    assert sorted(upcoming + past + decided) == sorted(EVENTS)
    assert {"francophonie-summit-xx-2026", "cmf-46-kigali-2025"} <= set(upcoming)
    assert {"annual-meeting-2023", "asean-summit-vientiane-2024", "annual-meeting-2024"} <= set(past)
    assert decided == ["monthly-focal-points-meeting"]  # only decided in 2023: a decision, neither upcoming nor past


def test_events_are_grouped_by_month_or_by_year_when_only_the_year_is_known(site):
    past = section(site, "en", "past")
    groups = {group["data-month"]: [a["id"] for a in group.select("article")] for group in past.select(".rvase-month")}
    assert "annual-meeting-2023" in groups["2023-05"] and "fsm-conference-study-trip-2023" in groups["2023-05"]
    assert "annual-meeting-2024" in groups["2024"]
    assert past.select_one('.rvase-month[data-month="2023-05"] h3').get_text() == "May 2023"
    assert (
        section(site, "fr", "upcoming").select_one('.rvase-month[data-month="2026-11"] h3').get_text()
        == "Novembre 2026"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_event_links_to_its_members_themes_and_projects_and_carries_its_filters(site, lang):
    page = site.page(PREFIX[lang] + "calendar/")
    article = page.find("article", id="fsm-conference-study-trip-2023")
    hrefs = [a["href"] for a in article.select("dd a")]
    event = EVENTS["fsm-conference-study-trip-2023"]
    assert len(hrefs) == len(event["members"]) + len(event["themes"]) + len(event["projects"])
    assert article["data-themes"].split() == event["themes"]
    assert "KH" in article["data-country"].split()
    form = page.select_one("form.rvase-filters")
    assert form.has_attr("hidden")  # without JavaScript, every event is shown
    assert {s["name"] for s in form.select("select")} == {"country", "member", "theme"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_subscribe_download_and_add_to_calendar_links(site, lang):
    page = site.page(PREFIX[lang] + "calendar/")
    webcal = page.select_one(".rvase-subscribe a[href^='webcal://']")["href"]
    assert webcal == "webcal://" + SITE_URL.split("://")[1] + PREFIX[lang] + "calendar.ics"
    summit = page.find("article", id="francophonie-summit-xx-2026")
    assert summit.select_one("a[download]")["href"].endswith("francophonie-summit-xx-2026.ics")
    google = parse_qs(urlsplit(summit.select_one("a[href^='https://calendar.google.com/']")["href"]).query)
    assert google["dates"] == ["20261114/20261117"] and google["text"] == [
        EVENTS["francophonie-summit-xx-2026"]["title"][lang]
    ]
    outlook = parse_qs(urlsplit(summit.select_one("a[href^='https://outlook.live.com/']")["href"]).query)
    assert outlook["startdt"] == ["2026-11-14"] and outlook["allday"] == ["true"]
    timed = parse_qs(
        urlsplit(
            page.find("article", id="annual-meeting-2023").select_one("a[href^='https://calendar.google.com/']")["href"]
        ).query
    )
    assert timed["dates"] == ["20230518T080000/20230518T120000"] and timed["ctz"] == ["Asia/Phnom_Penh"]
    assert page.find("article", id="annual-meeting-2024").select_one("a[download]") is None  # no day, no file


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_event_has_valid_schema_org_json_ld(site, lang):
    """Every event, that is every record of events.yaml but a meeting only decided (a decision is not an Event)."""
    scripts = site.page(PREFIX[lang] + "calendar/").select('script[type="application/ld+json"]')
    graph = json.loads(scripts[0].string)["@graph"]
    events = sorted(event_id for event_id, event in EVENTS.items() if event["status"] != "decided")
    assert sorted(item["@id"].rstrip("/").rsplit("/", 1)[1] for item in graph) == events
    for item in graph:
        assert (
            item["@id"]
            == item["url"]
            == f"{SITE_URL}{PREFIX[lang]}calendar/{item['@id'].rstrip('/').rsplit('/', 1)[1]}/"
        )
        event = EVENTS[item["@id"].rstrip("/").rsplit("/", 1)[1]]
        assert item["@type"] == "Event" and item["name"] == event["title"][lang] and item["inLanguage"] == lang
        assert (
            item["startDate"].startswith(event["start"]) and item["eventStatus"] == "https://schema.org/EventScheduled"
        )
        assert item["endDate"].startswith(event.get("end", event["start"]))
        assert item["location"]["@type"] == "Place" and item["description"] == event["description"][lang]
        if event["place"]:
            assert item["location"]["address"]["addressCountry"] == event["place"]["country"]
        assert ("organizer" in item) == ("organizer" in event)
    assert (
        next(i for i in graph if i["@id"].endswith("/annual-meeting-2024/"))["startDate"] == "2024"
    )  # as precise as known
    assert next(i for i in graph if i["@id"].endswith("/aimf-world-congress-2023/"))["organizer"]["name"] == AIMF[lang]
    meeting = next(i for i in graph if i["@id"].endswith("/annual-meeting-2023/"))
    assert meeting["startDate"] == "2023-05-18T08:00:00+07:00" and meeting["endDate"] == "2023-05-18T12:00:00+07:00"
    assert meeting["location"]["address"]["addressLocality"] == "Phnom Penh"


def test_the_home_page_lists_every_event_not_over_and_shows_the_next_three(site):
    items = site.page("").select(".rvase-next-events > li")
    shown = [li for li in items if not li.has_attr("hidden")]
    assert len(items) == len(section(site, "fr", "upcoming").select("article"))
    assert len(shown) == min(3, len(items)) and all(li.has_attr("data-end") for li in items)


def test_a_title_that_closes_a_script_stays_inside_the_structured_data():
    catalog = load_catalog()
    hostile = "Bad </script><script>alert(1)</script> title"
    catalog.by_id["events"]["annual-meeting-2023"]["title"]["en"] = hostile
    page = PageRenderer(
        catalog, "en", lambda path: "/" + path, datetime.date(2025, 6, 1), Addresses("https://example.org/")
    )
    scripts = BeautifulSoup(page.render("calendar"), "html.parser").select("script")
    structured = [s for s in scripts if s.get("type") == "application/ld+json"]
    assert len(structured) == 1  # the other script is the filters' one-line reveal
    assert not any("alert" in (s.string or "") for s in scripts if s.get("type") != "application/ld+json")
    graph = json.loads(structured[0].string)["@graph"]
    assert next(i for i in graph if i["@id"].endswith("/annual-meeting-2023/"))["name"] == hostile


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_event_link_s_spoken_name_begins_with_its_visible_text(site, lang):
    """WCAG 2.5.3 (label in name): a voice user says what they see; the spoken name adds the event's title."""
    links = site.page(PREFIX[lang] + "calendar/").select(".rvase-event-actions a")
    assert len(links) >= 3 * 10
    for a in links:
        assert a["aria-label"].startswith(a.get_text()) and a["aria-label"] != a.get_text(), a
