"""An event over several days with hours must say what its hours are: the same on each day (`hours: each-day`, one
block a day in calendars) or its start on the first day and its end on the last (`hours: throughout`, one block). The
two read the same in the data and differ by days in a subscriber's calendar, so nothing is guessed."""

from ..dates import PartialDate
from ..problems import Problem
from ..source import line_of
from . import messages


def _day(value) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if isinstance(value, str) else None
    except ValueError:
        return None  # told by the schema and the dates' check


def unsaid_hours(events, shown_as: str, field_path) -> list[Problem]:
    """A problem for each event with hours, over several days, that does not say which hours they are."""
    problems = []
    items = events.get("events") if isinstance(events, dict) else None
    for index, event in enumerate(items if isinstance(items, list) else []):
        if not isinstance(event, dict) or "start_time" not in event or "hours" in event:
            continue
        start, end = _day(event.get("start")), _day(event.get("end", event.get("start")))
        if start and end and start.precision == end.precision == "day" and end != start:
            path = ["events", index, "start_time"]
            problems.append(
                Problem(shown_as, line_of(events, path), field_path(events, path), *messages.hours_not_said())
            )
    return problems
