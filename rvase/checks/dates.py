"""Dates that exist and are plausible, and that follow each other: an event ends after it starts, a news item's feed
day falls within its date and after the event it reports, a period's end year is not before its start year."""

import functools
import re

from ..dates import PartialDate
from ..schemas import common_definition, compiled_pattern
from . import messages
from .fields import Problems, items
from .whole_numbers import is_whole_number, whole_number_problem


@functools.cache
def calendar_forms() -> tuple[range, re.Pattern, re.Pattern]:
    """The years a date may have, the form of a date and that of a time: common.schema.yaml's `year`, `partial_date`
    and `time`, read at the first check, not at import (a schema replaced by a symbolic link is told, not a crash). The
    calendar and its feeds count days past a date's end, which the year 9999 does not have."""
    year = common_definition("year")
    return (
        range(year["minimum"], year["maximum"] + 1),
        compiled_pattern(common_definition("partial_date")["pattern"]),
        compiled_pattern(common_definition("time")["pattern"]),
    )


# (file, list, field) of the records' dates
_RECORD_DATES = (
    ("sources", "sources", "date"),
    ("news", "news", "date"),
    ("news", "news", "feed_date"),
    ("events", "events", "start"),
    ("events", "events", "end"),
)


def date_of(value) -> PartialDate | None:
    """The date a field holds, or None when it is not one (the schema or possible_dates says why)."""
    years, date_form, _ = calendar_forms()
    if not isinstance(value, str) or not date_form.search(value):
        return None
    try:
        date = PartialDate.parse(value)
    except ValueError:
        return None
    return date if date.year in years else None


def possible_dates(documents: dict, problems: Problems) -> None:
    """Every date of a record or of an `as_of` is in the calendar, in a plausible year."""
    dated = [
        (name, documents.get(name), [key, index, field], record.get(field))
        for name, key, field in _RECORD_DATES
        for index, record in items(documents.get(name), key)
    ]
    dated += [
        (name, data, path + ["date"], as_of.get("date"))
        for name, data in documents.items()
        for path, as_of in as_of_fields(data)
    ]
    years, date_form, _ = calendar_forms()
    for name, data, path, value in dated:
        if isinstance(value, str) and date_form.search(value) and date_of(value) is None:
            if int(value[:4]) not in years:
                problems.add(name, data, path, messages.implausible_year(value, years[0], years[-1]))
            else:
                problems.add(name, data, path, messages.no_such_date(value))


def as_of_fields(node, path=()):
    """(path, value) of every `as_of` in a document: a status or a plan, dated and sourced."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "as_of" and isinstance(value, dict):
                yield list(path) + [key], value
            else:
                yield from as_of_fields(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from as_of_fields(item, path + (index,))


def feed_dates(documents: dict, problems: Problems) -> None:
    """A news item dated to the month or the year needs a `feed_date` (feeds want a day): inside its date, and never
    before the last day of an event it reports (a linked event that starts before the item's date is over)."""
    news = documents.get("news")
    events_by_id = {event.get("id"): event for _, event in items(documents.get("events"), "events")}
    for index, item in items(news, "news"):
        date = date_of(item.get("date"))
        if date is None:
            continue  # the schema or the date check says why
        if "feed_date" not in item:
            if date.precision != "day":
                problems.add("news", news, ["news", index, "date"], messages.feed_date_needed())
            continue
        day = date_of(item["feed_date"])
        if day is None:
            continue
        if not date.first_day() <= day.first_day() <= date.last_day():
            problems.add(
                "news", news, ["news", index, "feed_date"], messages.feed_day_outside_date(day.iso(), date.iso())
            )
            continue
        events = item.get("events")
        for event_id in events if isinstance(events, list) else []:
            event = events_by_id.get(event_id) if isinstance(event_id, str) else None
            start = date_of(event.get("start")) if event else None
            end = date_of(event.get("end", event.get("start"))) if event else None
            if start and end and start.first_day() <= date.last_day() and day.first_day() < end.last_day():
                problems.add(
                    "news",
                    news,
                    ["news", index, "feed_date"],
                    messages.feed_day_before_event(day.iso(), event_id, end.iso()),
                )


def event_times(documents: dict, problems: Problems) -> None:
    """An event ends after it starts, and has an hour only on a full date."""
    events = documents.get("events")
    for index, event in items(events, "events"):
        start = date_of(event.get("start"))
        end = date_of(event.get("end", event.get("start")))
        if start is None or end is None:
            continue
        if end.last_day() < start.first_day():
            problems.add("events", events, ["events", index, "end"], messages.end_before_start(end.iso(), start.iso()))
        if "start_time" in event and start.precision != "day":
            problems.add("events", events, ["events", index, "start_time"], messages.time_needs_a_full_date())
        start_time, end_time = event.get("start_time", "00:00"), event.get("end_time")
        time_form = calendar_forms()[2]
        if (
            end == start
            and isinstance(end_time, str)
            and time_form.search(end_time)
            and isinstance(start_time, str)
            and time_form.search(start_time)
            and end_time <= start_time
        ):
            problems.add(
                "events", events, ["events", index, "end_time"], messages.end_time_not_after_start(end_time, start_time)
            )


def periods(documents: dict, problems: Problems) -> None:
    """A project's period and a thematic plan run from a start year to an end year not before it, in whole numbers."""
    projects = documents.get("projects")
    for index, project in items(projects, "projects"):
        period = project.get("period")
        if isinstance(period, dict):
            _period(problems, "projects", projects, ["projects", index, "period"], period)
    roadmap = documents.get("roadmap")
    for index, plan in items(roadmap, "thematic_plans"):
        _period(problems, "roadmap", roadmap, ["thematic_plans", index], plan)


def _period(problems: Problems, name: str, data, path: list, holder: dict) -> None:
    for field in ("start_year", "end_year"):  # the years the code compares and prints, whatever the schema says
        told = whole_number_problem(holder[field]) if field in holder else None
        if told:
            problems.add(name, data, path + [field], told)
    first, last = (
        value if is_whole_number(value) else None for value in (holder.get("start_year"), holder.get("end_year"))
    )
    if first and last and last < first:
        problems.add(name, data, path + ["end_year"], messages.end_year_before_start(last, first))
