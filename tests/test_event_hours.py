"""An event over several days with hours is in a subscriber's calendar as the data says its hours are: the same hours
on each day (one block a day) or from the first day's start to the last day's end (one block); the data must say
which, or the check names the event's line. Edits are made by record and field on a copy of data/."""

import datetime
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from icalendar import Calendar

from rvase.calendar_feed import calendar_files
from rvase.catalog import load_catalog
from rvase.problems import DataError
from rvase.render.pages import PageRenderer
from rvase.site_map import Addresses
from support.project import ROOT

SUMMIT = "francophonie-summit-xx-2026"  # 14–16 November 2026, Siem Reap
ZONE = "Asia/Phnom_Penh"


def with_hours(tmp_path: Path, **fields) -> tuple[Path, int]:
    """A copy of data/ and i18n/ where the summit has `fields` (hours); the copy and the line of its start_time."""
    for folder in ("data", "i18n"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = tmp_path / "data" / "events.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    summit = next(e for e in document["events"] if e["id"] == SUMMIT)
    summit.update({"start_time": "09:00", "end_time": "17:00", "timezone": ZONE, **fields})
    written = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(written, encoding="utf-8")
    lines = written.splitlines()
    own = next(n for n, line in enumerate(lines) if line.endswith(f"id: {SUMMIT}"))
    start_time = next(n for n in range(own, len(lines)) if lines[n].strip().startswith("start_time:")) + 1
    return tmp_path, start_time


def catalog_of(project: Path):
    return load_catalog(project / "data", project / "i18n" / "interface.yaml")


def summit_in_feed(catalog, lang: str = "en"):
    _, each, _ = calendar_files(
        catalog, lang, catalog.events, lambda event: f"https://example.org/{event.id}/", datetime.date(2025, 6, 1)
    )
    return Calendar.from_ical(each[SUMMIT]).walk("VEVENT")[0]


def summit_when(catalog, lang: str) -> str:
    page = PageRenderer(
        catalog, lang, lambda path: "/" + path, datetime.date(2025, 6, 1), Addresses("https://example.org/")
    )
    when = page.calendar.event_when(next(e for e in catalog.events if e.id == SUMMIT))
    return f"{when['text']}, {when['hours']}"


def test_hours_over_several_days_that_do_not_say_which_stop_the_check_at_the_event_s_line(tmp_path):
    project, line = with_hours(tmp_path)
    with pytest.raises(DataError) as raised:
        catalog_of(project)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.field) == ("data/events.yaml", line, f"events › {SUMMIT} › start_time")
    assert "each-day" in problem.fr and "throughout" in problem.en


def test_hours_on_each_day_are_one_block_a_day_for_as_many_days_as_the_event_spans(tmp_path):
    catalog = catalog_of(with_hours(tmp_path, hours="each-day")[0])
    event, zone = summit_in_feed(catalog), ZoneInfo(ZONE)
    assert event["DTSTART"].dt == datetime.datetime(2026, 11, 14, 9, 0, tzinfo=zone)
    assert event["DTEND"].dt == datetime.datetime(2026, 11, 14, 17, 0, tzinfo=zone)
    assert event["RRULE"]["FREQ"] == ["DAILY"] and event["RRULE"]["COUNT"] == [3]
    assert summit_when(catalog, "fr") == "14–16 novembre 2026, 09:00–17:00 chaque jour"
    assert summit_when(catalog, "en") == "14–16 November 2026, 09:00–17:00 each day"


def test_hours_throughout_are_one_block_from_the_first_morning_to_the_last_evening(tmp_path):
    catalog = catalog_of(with_hours(tmp_path, hours="throughout")[0])
    event, zone = summit_in_feed(catalog), ZoneInfo(ZONE)
    assert event["DTSTART"].dt == datetime.datetime(2026, 11, 14, 9, 0, tzinfo=zone)
    assert event["DTEND"].dt == datetime.datetime(2026, 11, 16, 17, 0, tzinfo=zone)
    assert "RRULE" not in event
    assert summit_when(catalog, "fr") == "14–16 novembre 2026, de 09:00 le 14 novembre 2026 à 17:00 le 16 novembre 2026"
    assert (
        summit_when(catalog, "en") == "14–16 November 2026, from 09:00 on 14 November 2026 to 17:00 on 16 November 2026"
    )
