"""Honest public content (issue 14): every status and plan says as of when and from which source, no past event is
"to be decided", no feed entry is dated before what it reports, maintainers' notes stay in the "Sources and notes"
part, and the home page counts the partners list, not the contacts the network only planned."""

import datetime
import json
import re
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar

from support.edits import apply_edit
from support.project import BUILD_TODAY, LANGUAGES, ROOT, check

DATA = ROOT / "data"
ATOM = "{http://www.w3.org/2005/Atom}"
TODAY = datetime.date.fromisoformat(BUILD_TODAY)


def data(name: str):
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


WORDS = yaml.safe_load((ROOT / "i18n" / "interface.yaml").read_text(encoding="utf-8"))
EVENTS = {e["id"]: e for e in data("events")["events"]}
SOURCES = {s["id"] for s in data("sources")["sources"]}


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def flat(text: str) -> str:
    return " ".join(text.split())


def last_day(text: str) -> datetime.date:
    """The last day a partial date ("2024", "2023-03", "2023-05-18") can mean."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def first_day(text: str) -> datetime.date:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return datetime.date(*parts[:3])


def statuses_and_plans():
    """(where, record) of everything the data states as a state or a plan, found by what it is, not by a list of ids."""
    for kind in ("projects", "themes", "members", "partners", "events"):
        for record in data(kind)[kind]:
            yield f"{kind} › {record['id']}", record
    plan = data("action_plan")
    for axis in plan["axes"]:
        for action in axis["actions"]:
            yield f"action_plan › action {action['number']}", action
    roadmap = data("roadmap")
    for point in roadmap["points"]:
        yield f"roadmap › point {point['number']}", point
    for thematic_plan in roadmap["thematic_plans"]:
        yield f"roadmap › {thematic_plan['id']}", thematic_plan
    for target in roadmap["partnership_targets"]:
        yield f"roadmap › target {target['partner']}", target
    yield "roadmap › identity_document", roadmap["identity_document"]
    yield "network", data("network")["network"]


def test_every_status_and_plan_carries_as_of_a_date_and_a_known_source():
    found = list(statuses_and_plans())
    assert len(found) > 60  # every project, action, roadmap point… (a list that came back empty would prove nothing)
    for where, record in found:
        as_of = record.get("as_of")
        assert as_of, f"{where} states a status or a plan without `as_of`"
        assert re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", as_of["date"]), where
        assert as_of["source"] in SOURCES, where


def every_record_with_a_status(node, path=()):
    if isinstance(node, dict):
        if "status" in node:
            yield path, node
        for key, value in node.items():
            yield from every_record_with_a_status(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from every_record_with_a_status(item, path + (index,))


def test_any_record_that_states_a_status_says_as_of_when_in_every_data_file():
    for file in sorted(DATA.glob("*.yaml")):
        for path, record in every_record_with_a_status(yaml.safe_load(file.read_text(encoding="utf-8"))):
            assert "as_of" in record, f"{file.name} › {path}"


BROKEN_AS_OF = ["projects › fsm-hue", "events › annual-meeting-2024", "thematic_plans › smart-cities-2024-2025"]
FILE_OF = {"projects": "data/projects.yaml", "events": "data/events.yaml", "thematic_plans": "data/roadmap.yaml"}


# The build runs the data check first and stops with its report (tests/test_broken_data.py): the check alone is run.
@pytest.mark.parametrize("record", BROKEN_AS_OF)
def test_a_status_without_as_of_stops_the_data_check_with_file_line_and_field(project_copy, record):
    file = FILE_OF[record.split(" › ")[0]]
    line = apply_edit(project_copy, {"file": file, "at": f"{record} › as_of", "delete": True})  # the record's line
    result = check(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"{file}:{line} [{record}]" in output, output
    assert "'as_of'" in output and "FR :" in output and "EN :" in output


def test_an_as_of_naming_an_unknown_source_stops_the_data_check(project_copy):
    apply_edit(
        project_copy,
        {
            "file": "data/themes.yaml",
            "at": "themes › urban-governance-smart-cities › as_of › source",
            "set": "slides-2033",
        },
    )
    result = check(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "data/themes.yaml:" in output and "as_of › source" in output and "'slides-2033' matches no source" in output


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_status_on_a_page_says_as_of_when_and_which_source(site, lang):
    """A project's status, a member's focal point, a roadmap plan: each with its date, in the page's language."""
    page = site.page(prefix(lang) + "projects/fsm-hue/")
    assert {"fr": "En cours (au 18 mai 2023, réunion annuelle)", "en": "Ongoing (as of 18 May 2023, annual meeting)"}[
        lang
    ] in flat(page.select_one("article").get_text(" "))
    member = flat(site.page(prefix(lang) + "members/yen-bai/").select_one("article").get_text(" "))
    assert {"fr": "(au 18 mai 2023, réunion annuelle)", "en": "(as of 18 May 2023, annual meeting)"}[lang] in member
    roadmap = site.page(prefix(lang) + "roadmap/")
    rows = roadmap.select("#thematic-plans ~ div table tbody tr")
    assert len(rows) == len(data("roadmap")["thematic_plans"])
    known = WORDS["roadmap.plan_status"][lang].split("{when}")[0]
    assert all(
        known in row.find_all("td")[-1].get_text() and "2023" in row.find_all("td")[-1].get_text() for row in rows
    )


def past_events() -> set:
    return {event_id for event_id, e in EVENTS.items() if last_day(e.get("end", e["start"])) < TODAY}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_past_event_shows_to_be_decided(site, lang):
    to_be_decided, not_given = WORDS["calendar.place_tbd"][lang], WORDS["calendar.place_unknown"][lang]
    calendar = site.page(prefix(lang) + "calendar/")
    past = past_events()
    assert {e for e in past if EVENTS[e]["place"] is None}  # the real data has past events without a place
    for event_id in past:
        article = calendar.find("article", id=event_id)
        assert to_be_decided not in article.get_text(), event_id
        if EVENTS[event_id]["place"] is None:
            assert not_given in article.select_one(".rvase-place").get_text(), event_id
    graph = json.loads(calendar.select_one('script[type="application/ld+json"]').string)["@graph"]
    for item in graph:
        if item["@id"].rsplit("#", 1)[-1] in past:
            assert item["location"]["name"] != to_be_decided
    for _, address, page in ((lang, a, site.page(a)) for a in (prefix(lang) + p for p in site.pages(lang))):
        for entry in page.select(".rvase-events li, .rvase-events"):
            for anchor in entry.select('a[href*="calendar/#"]'):
                if anchor["href"].rsplit("#", 1)[-1] in past:
                    assert to_be_decided not in anchor.find_parent(["li", "ul"]).get_text(), address


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_meeting_only_decided_is_a_decision_not_a_calendar_event(site, lang):
    """Neither upcoming nor past, and no schema.org Event: the calendar lists it apart, as decided, as of when."""
    decided = [event_id for event_id, e in EVENTS.items() if e["status"] == "decided"]
    assert decided
    calendar = site.page(prefix(lang) + "calendar/")
    described = [json.loads(script.string) for script in calendar.select('script[type="application/ld+json"]')]
    described_ids = {item["@id"].rstrip("/").rsplit("/", 1)[1] for data in described for item in data["@graph"]}
    assert described_ids == set(EVENTS) - set(decided)
    for event_id in decided:
        article = calendar.find("article", id=event_id)
        assert article.find_parent(attrs={"data-section": True})["data-section"] == "decided"
        assert not article.find_parent(class_="rvase-calendar")  # so the reader's browser never moves it either
        own = site.page(f"{prefix(lang)}calendar/{event_id}/")
        assert not own.select('script[type="application/ld+json"]')
        assert WORDS["calendar.monthly"][lang] not in article.get_text()
        assert not article.has_attr("data-recurring")  # so the reader's browser never moves it to upcoming either
        assert article["data-decided"] == "true"
        assert WORDS["event.status.decided"][lang] in article.get_text()
    home = site.page(prefix(lang))
    assert not any(a["href"].endswith("#" + e) for e in decided for a in home.select(".rvase-next-events a[href]"))


def reported_events(item: dict) -> list[dict]:
    """The events a news item reports: those it links to that had begun by the end of the item's date."""
    return [EVENTS[e] for e in item["events"] if first_day(EVENTS[e]["start"]) <= last_day(item["date"])]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_atom_entry_is_dated_before_the_event_it_reports(site, lang):
    from rvase.news_feed import news_entry_id

    news = {news_entry_id(n["id"], lang): n for n in data("news")["news"]}
    root = ElementTree.parse(site.path / prefix(lang) / "feed.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(news)
    checked = 0
    for entry in entries:
        item = news[entry.find(f"{ATOM}id").text]
        stamped = datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text).date()
        assert first_day(item["date"]) <= stamped <= last_day(item["date"]), item["id"]
        for event in reported_events(item):
            assert stamped >= last_day(event.get("end", event["start"])), (item["id"], event["id"])
            checked += 1
    assert checked >= 2  # the month-dated items report dated events: the promise is really exercised
    assert datetime.datetime.fromisoformat(root.find(f"{ATOM}updated").text) == max(
        datetime.datetime.fromisoformat(e.find(f"{ATOM}updated").text) for e in entries
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_calendar_entry_is_dated_before_its_event_nor_confirmed_without_a_source(site, lang):
    calendar = Calendar.from_ical((site.path / prefix(lang) / "calendar.ics").read_bytes())
    from rvase.calendar_feed import event_uid

    by_uid = {event_uid(event_id): e for event_id, e in EVENTS.items()}
    components = list(calendar.walk("VEVENT"))
    assert components
    for component in components:
        event = by_uid[str(component["UID"])]
        start = component["DTSTART"].dt
        assert (start.date() if isinstance(start, datetime.datetime) else start) == first_day(event["start"]), event[
            "id"
        ]
        assert str(component["STATUS"]) == ("CONFIRMED" if event["status"] == "held" else "TENTATIVE"), event["id"]


def test_a_feed_day_before_the_event_it_reports_stops_the_data_check(project_copy):
    line = apply_edit(
        project_copy,
        {"file": "data/news.yaml", "at": "news › asean-mayors-forum-phnom-penh-2022 › feed_date", "set": "2022-12-01"},
    )
    result = check(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"data/news.yaml:{line} [news › asean-mayors-forum-phnom-penh-2022 › feed_date]" in output, output
    assert "asean-mayors-forum-meeting-2022" in output and "FR :" in output and "EN :" in output


def notes_in_data():
    """Every `note` of every data file, wherever it stands."""

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("note"), dict):
                yield node["note"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    for file in sorted(DATA.glob("*.yaml")):
        yield from walk(yaml.safe_load(file.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_notes_never_appear_in_a_page_s_main_text_only_in_its_sources_part(site, lang):
    notes = [flat(note[lang]) for note in notes_in_data()]
    assert len(notes) > 20
    shown_in_sources = set()
    for page_address in site.pages(lang):
        page = site.page(prefix(lang) + page_address)
        if page.select_one("article") is None:
            continue
        main = BeautifulSoup(str(page.select_one("article")), "html.parser")  # a copy: the parsed pages are shared
        for details in main.select("details.rvase-sources-notes"):
            assert not details.has_attr("open")  # discreet: closed until the reader opens it
            text = flat(details.get_text(" "))
            shown_in_sources |= {note for note in notes if note in text}
            details.decompose()
        rest = flat(main.get_text(" "))
        assert [note for note in notes if note in rest] == [], page_address
        for script in page.select('script[type="application/ld+json"]'):
            assert [note for note in notes if note in flat(script.string)] == []
    assert shown_in_sources == set(notes)  # every note is reachable, in the Sources part of its record
    for feed in ("feed.xml", "calendar.ics"):
        text = flat((site.path / prefix(lang) / feed).read_text(encoding="utf-8").replace("\r\n ", ""))
        assert [note for note in notes if note[:80] in text] == [], feed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_counts_the_partners_list_not_the_planned_contacts(site, lang):
    partners = data("partners")["partners"]
    working = [p for p in partners if p["relationship"] == "partner"]
    assert len(working) < len(partners)  # planned contacts exist: counting them all would be caught
    home = site.page(prefix(lang))
    figure = next(a for a in home.select(".rvase-figures a") if a["href"].rstrip("/").endswith("partners"))
    assert int(figure.strong.get_text()) == len(working)
    assert WORDS["figure.partners_working"][lang] in figure.get_text()
    listed = site.page(prefix(lang) + "partners/").select_one("#partner ~ div table")
    assert sorted(row["id"] for row in listed.select("tbody tr")) == sorted(p["id"] for p in working)
    planned = site.page(prefix(lang) + "partners/").select_one("#planned-contact ~ div table")
    assert sorted(row["id"] for row in planned.select("tbody tr")) == sorted(
        p["id"] for p in partners if p["relationship"] == "planned_contact"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_prospecting_words_about_a_named_organisation_on_the_partners_page(site, lang):
    text = flat(site.page(prefix(lang) + "partners/").select_one("article").get_text(" "))
    for details_text in (
        flat(d.get_text(" ")) for d in site.page(prefix(lang) + "partners/").select("details.rvase-sources-notes")
    ):
        text = text.replace(details_text, "")
    for words in {
        "fr": ("bailleur potentiel", "bailleurs potentiels", "dialogue à amorcer"),
        "en": ("potential donor", "dialogue to be opened"),
    }[lang]:
        assert words not in text
