"""Partners subscribe to the calendar: the iCalendar feeds round-trip through the icalendar parser."""

import datetime
import uuid
import xml.etree.ElementTree as ElementTree
from zoneinfo import ZoneInfo

import pytest
import yaml
from icalendar import Calendar

from support.edits import apply_edit
from support.project import ROOT, SITE_URL, build

EVENTS = {e["id"]: e for e in yaml.safe_load((ROOT / "data" / "events.yaml").read_text(encoding="utf-8"))["events"]}
NEWS = yaml.safe_load((ROOT / "data" / "news.yaml").read_text(encoding="utf-8"))["news"]
ATOM = "{http://www.w3.org/2005/Atom}"


def feed(site, lang: str, name: str = "calendar.ics") -> Calendar:
    return Calendar.from_ical((site.path / ("en/" if lang == "en" else "") / name).read_bytes())


def events_of(calendar: Calendar) -> dict:
    """event id → its VEVENT, found by its URL: the event's own page (`…/calendar/<id>/`)."""
    return {str(component["URL"]).rstrip("/").rsplit("/", 1)[1]: component for component in calendar.walk("VEVENT")}


def full_day(value: str) -> bool:
    return len(value.split("-")) == 3


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_event_whose_day_is_known_is_in_the_feed_and_no_other(site, lang):
    in_feed = set(events_of(feed(site, lang)))
    known_day = {i for i, e in EVENTS.items() if full_day(e["start"]) and "recurrence" not in e}
    assert in_feed == known_day
    assert "annual-meeting-2024" not in in_feed  # "2024, place to be decided": no day to invent


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_feed_speaks_its_language(site, lang):
    calendar = feed(site, lang)
    for event_id, component in events_of(calendar).items():
        assert str(component["SUMMARY"]) == EVENTS[event_id]["title"][lang]
        assert component["SUMMARY"].params["LANGUAGE"] == lang
        assert str(component["DESCRIPTION"]).startswith(EVENTS[event_id]["description"][lang])
    assert {"fr": "Calendrier", "en": "Calendar"}[lang] in str(calendar["X-WR-CALNAME"])
    assert str(calendar["VERSION"]) == "2.0"


def test_a_multi_day_event_is_all_day_with_an_exclusive_end(site):
    summit = events_of(feed(site, "fr"))["francophonie-summit-xx-2026"]
    assert summit["DTSTART"].params["VALUE"] == "DATE" and summit["DTSTART"].dt == datetime.date(2026, 11, 14)
    assert summit["DTEND"].dt == datetime.date(2026, 11, 17)  # 14–16 November ends on the 17th
    one_day = events_of(feed(site, "en"))["aimf-world-congress-2023"]
    assert one_day["DTEND"].dt - one_day["DTSTART"].dt == datetime.timedelta(days=1)


def test_a_timed_event_is_in_its_local_time_zone_with_a_vtimezone(site):
    calendar = feed(site, "en")
    meeting = events_of(calendar)["annual-meeting-2023"]
    zone = ZoneInfo("Asia/Phnom_Penh")
    assert meeting["DTSTART"].params["TZID"] == "Asia/Phnom_Penh"
    assert meeting["DTSTART"].dt == datetime.datetime(2023, 5, 18, 8, 0, tzinfo=zone)
    assert meeting["DTEND"].dt == datetime.datetime(2023, 5, 18, 12, 0, tzinfo=zone)
    assert meeting["DTSTART"].dt.astimezone(datetime.UTC).hour == 1  # 08:00 in Phnom Penh is 01:00 UTC
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Phnom_Penh"]


# Written out here, not imported: if the code's namespace ever changed, every subscriber would see every event twice.
UID_NAMESPACE = uuid.UUID("6f1c3a52-7d1e-5b0a-9c44-52a1e3d0b7a1")


def test_uids_are_uuid5_of_the_event_id_and_identical_in_both_languages(site):
    french, english = events_of(feed(site, "fr")), events_of(feed(site, "en"))
    for event_id, component in french.items():
        assert str(component["UID"]) == str(uuid.uuid5(UID_NAMESPACE, event_id))
        assert component["UID"] == english[event_id]["UID"]
        single = events_of(feed(site, "en", f"calendar/{event_id}.ics"))[event_id]
        assert single["UID"] == component["UID"]  # the downloaded event is the same event as in the subscription
    assert (
        str(french["francophonie-summit-xx-2026"]["UID"]) == "59fb875e-411f-590b-b34b-abf9d2ab7f2a"
    )  # published: never changes


def test_dtstamp_is_the_build_day_so_builds_are_reproducible(site):
    for component in feed(site, "fr").walk("VEVENT"):
        assert component["DTSTAMP"].dt == datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_event_can_be_downloaded_on_its_own(site, lang):
    for event_id in events_of(feed(site, lang)):
        single = feed(site, lang, f"calendar/{event_id}.ics")
        assert list(events_of(single)) == [event_id]


def test_a_recurring_meeting_with_a_known_day_is_one_event_with_an_rrule(project_copy, tmp_path):
    """The real monthly meeting was only decided (no source says it takes place) and has no published day, so it
    stays out of the feed; once a source reports it held and its day is known (as in this copy of the data), it is
    one event that repeats every month."""
    for field, value in (("status", "held"), ("start", "2023-07-06")):
        apply_edit(
            project_copy,
            {"file": "data/events.yaml", "at": f"events › monthly-focal-points-meeting › {field}", "set": value},
        )
    out = tmp_path / "out"
    result = build(project_copy, out)
    assert result.returncode == 0, result.stderr
    meeting = events_of(Calendar.from_ical((out / "calendar.ics").read_bytes()))["monthly-focal-points-meeting"]
    assert meeting["RRULE"]["FREQ"] == ["MONTHLY"]
    assert meeting["DTSTART"].dt == datetime.date(2023, 7, 6)
    recurrences = list(Calendar.from_ical((out / "calendar.ics").read_bytes()).walk("VEVENT"))
    assert sum("RRULE" in c for c in recurrences) == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_news_feed_is_atom_with_every_item_in_its_language(site, lang):
    root = ElementTree.parse(site.path / ("en/" if lang == "en" else "") / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    titles = [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]
    assert sorted(titles) == sorted(n["title"][lang] for n in NEWS)
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text.startswith("urn:uuid:")
        news_id = next(n["id"] for n in NEWS if n["title"][lang] == entry.find(f"{ATOM}title").text)
        assert entry.find(f"{ATOM}link").get("href") == SITE_URL + ("en/" if lang == "en" else "") + f"news/{news_id}/"
        datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}content").get("type") == "html"


def test_the_feeds_are_byte_identical_across_two_builds(site, site_again):
    again = site_again.path
    feeds = sorted(
        p.relative_to(site.path).as_posix()
        for p in site.path.rglob("*")
        if p.suffix in (".ics", ".xml") and p.name != "sitemap.xml"
    )
    assert {"calendar.ics", "en/calendar.ics", "feed.xml", "en/feed.xml", "calendar/annual-meeting-2023.ics"} <= set(
        feeds
    )
    assert [name for name in feeds if (site.path / name).read_bytes() != (again / name).read_bytes()] == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_events_known_only_to_the_year_or_month_are_on_the_page_but_not_in_the_feed(site, lang):
    page = site.page(("en/" if lang == "en" else "") + "calendar/")
    in_feed = events_of(feed(site, lang))
    for event_id, shown in (
        ("annual-meeting-2024", "2024"),
        ("cwis-presentation-2022", {"fr": "décembre 2022", "en": "December 2022"}[lang]),
    ):
        article = page.find("article", id=event_id)
        assert article.select_one(".rvase-when time").get_text() == shown
        assert article.select_one(".rvase-when time")["datetime"] == EVENTS[event_id]["start"]
        assert (
            event_id not in in_feed
            and not (site.path / ("en/" if lang == "en" else "") / f"calendar/{event_id}.ics").exists()
        )
    meeting = page.find(
        "article", id="monthly-focal-points-meeting"
    )  # monthly, but only decided: never repeats on its own
    assert not meeting.has_attr("data-recurring") and "monthly-focal-points-meeting" not in in_feed
    # said as the decision it is, not as a meeting that takes place every month
    assert (
        meeting.select_one(".rvase-when").get_text()
        == {"fr": "Une fois par mois, selon la décision", "en": "Once a month, as decided"}[lang]
    )
