"""The network's events as iCalendar (RFC 5545), in one language, built with the icalendar library.

- An event whose day is known is in the feed: all-day and multi-day events as VALUE=DATE with an
  exclusive DTEND (14–16 November ends on the 17th); timed events in their own time zone (TZID with
  a VTIMEZONE); a monthly meeting as one event with RRULE:FREQ=MONTHLY.
- An event known only to the month or the year ("2024", place to be decided) is left out: RFC 5545
  has no way to say "some day in 2024", and any DTSTART would invent a day. The site shows it as is.
- Each file names itself: "RVASE — Calendrier" for every event, "RVASE — Can Tho" for a member's, "RVASE —
  Assainissement urbain" for a theme's, the event's title for one event's, so a subscriber to several tells them apart.
- A calendar with no event yet (a member's or a theme's: subscribed today, filled later) still holds one component,
  as RFC 5545 requires: the VTIMEZONE of the countries it concerns.
- UIDs are UUIDv5 of the event id (stable, no host name, RFC 7986); DTSTAMP is midnight UTC of the
  build's "today", so two builds with the same SOURCE_DATE_EPOCH give the same bytes.
"""

import datetime
import functools
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vText
from icalendar import Event as CalendarEvent

from .catalog import Catalog, Event
from .site_map import Addresses

UID_NAMESPACE = uuid.UUID("6f1c3a52-7d1e-5b0a-9c44-52a1e3d0b7a1")  # fixed forever: UIDs must never change
PRODUCT_ID = "-//RVASE//Portal of the AIMF Cities Network of South-East Asia//"


def event_uid(event_id: str) -> str:
    return str(uuid.uuid5(UID_NAMESPACE, event_id))


def in_feed(event: Event) -> bool:
    """Only events whose day is known (anything else would invent a date) and that are more than a decision."""
    return event.start.precision == "day" and event.end.precision == "day" and not event.decided_only


def event_span(event: Event) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime | None]:
    """Start and end as RFC 5545 counts them: date-times in the event's own zone when it is timed (no end
    without an `end_time`), else its first day and the day after its last (DTEND of a whole day is exclusive). An event
    with its hours on each of several days spans its first day's hours, repeated daily (`daily_count`)."""
    start, end = event.start.first_day(), event.end.last_day()
    if not event.get("start_time"):
        return start, end + datetime.timedelta(days=1)
    if event.hours_each_day:
        end = start
    zone = ZoneInfo(event["timezone"])
    ends = (
        datetime.datetime.combine(end, datetime.time.fromisoformat(event["end_time"]), zone)
        if event.get("end_time")
        else None
    )
    return datetime.datetime.combine(start, datetime.time.fromisoformat(event["start_time"]), zone), ends


# The IANA zone of each country the data may name (`country` in data/schema/common.schema.yaml; the tz database's
# zone.tab gives each of them one zone).
ZONE_OF_COUNTRY = {
    "KH": "Asia/Phnom_Penh",
    "LA": "Asia/Vientiane",
    "VN": "Asia/Ho_Chi_Minh",
    "BJ": "Africa/Porto-Novo",
    "RW": "Africa/Kigali",
}


@dataclass(frozen=True)
class Selection:
    """The calendar of some events (a member's, a theme's): its name in the language being built, its events, and
    the countries it concerns (whose time zones an empty calendar carries)."""

    name: str
    events: list
    countries: tuple[str, ...]


def member_and_theme_calendars(catalog: Catalog, lang: str) -> dict[str, Selection]:
    """Every member's and every theme's calendar in `lang`, by its path from the language's root. A member's holds the
    events that list it; a theme's, those that list it or one of its projects (`Catalog.events_on_theme`)."""
    members = {
        Addresses.calendar("members", member["id"]): Selection(
            member["name"][lang], catalog.events_with("members", member["id"]), (member["country"],)
        )
        for member in catalog.records("members")
    }
    themes = {
        Addresses.calendar("themes", theme["id"]): Selection(
            theme["name"][lang], catalog.events_on_theme(theme["id"]), tuple(catalog.countries())
        )
        for theme in catalog.records("themes")
    }
    return members | themes


def feed_name(catalog: Catalog, lang: str, subject: str | None = None) -> str:
    """A calendar's name: the network's acronym and what the calendar holds (every event: "Calendrier")."""
    return f"{catalog.network['acronym']} — {subject or catalog.words(lang)('page.calendar')}"


def _event_component(
    catalog: Catalog, event: Event, lang: str, page_url: str, stamp: datetime.datetime
) -> CalendarEvent:
    words = catalog.words(lang)
    component = CalendarEvent()
    component.add("uid", event_uid(event.id))
    component.add("dtstamp", stamp)
    component.add("summary", event["title"][lang], parameters={"LANGUAGE": lang})
    description = event["description"][lang]
    component.add("description", f"{description}\n\n{page_url}", parameters={"LANGUAGE": lang})
    component.add("url", page_url)
    component.add("categories", [words(f"event.kind.{event['kind']}")])
    place = event["place"]
    if place:
        parts = [place[k][lang] for k in ("venue", "city") if k in place] + [words(f"country.{place['country']}")]
        component.add("location", ", ".join(parts), parameters={"LANGUAGE": lang})
    start, end = event_span(event)
    component.add("dtstart", start)
    if end:
        component.add("dtend", end)
    if event.recurring:
        component.add("rrule", {"freq": event["recurrence"].upper()})
    elif event.hours_each_day:  # the same hours on each day: one block a day, as many days as it spans
        component.add("rrule", {"freq": "DAILY", "count": event.days})
    # announced but not reported as held by any source: tentative, as RFC 5545 says
    component.add("status", "CONFIRMED" if event["status"] == "held" else "TENTATIVE")
    component.add("transp", "TRANSPARENT" if not event.get("start_time") else "OPAQUE")
    return component


_END = b"END:VCALENDAR\r\n"


def _opening(catalog: Catalog, lang: str, name: str) -> bytes:
    """A calendar's own lines, before its components."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID + lang.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # TEXT values (RFC 7986, and the X-WR- properties calendar programs read as such): given as vText, so that a line
    # break is escaped as \n; icalendar writes names it does not know as they are, where only an `assert` stopped a
    # line break (under `python -O` it went out raw and began a VEVENT).
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-caldesc", vText(catalog.network["ambition"][lang]))
    opening = calendar.to_ical()
    if not opening.endswith(_END):
        raise RuntimeError(f"icalendar ended an empty calendar with {opening[-40:]!r}, not END:VCALENDAR")
    return opening[: -len(_END)]


def calendar_files(
    catalog: Catalog,
    lang: str,
    events: list[Event],
    page_url_of,
    today: datetime.date,
    selections: dict[str, Selection] | None = None,
) -> tuple[bytes, dict[str, bytes], dict[str, bytes]]:
    """In `lang`, the calendar of every event of `events` in the feed, each one's own calendar (by event id), and
    the calendar of each selection of events (a member's, a theme's: by the selection's key), under the same rules.

    `page_url_of(event)` gives the full address of an event's page. Each event and each time zone is written out
    once and shared by the files that hold it: icalendar writes a calendar as its own lines, then each of its
    components' lines, then END:VCALENDAR, so the files are the bytes `Calendar.to_ical()` gives.
    """
    stamp = datetime.datetime.combine(today, datetime.time(0, 0), datetime.UTC)
    components = {
        event.id: _event_component(catalog, event, lang, page_url_of(event), stamp)
        for event in events
        if in_feed(event)
    }
    written = {event_id: component.to_ical() for event_id, component in components.items()}

    def file_of(name: str, event_ids: list[str], countries: tuple[str, ...] = ()) -> bytes:
        holder = Calendar()
        for event_id in event_ids:
            holder.add_component(components[event_id])
        # What calendar.add_missing_timezones() does, in a fixed order, each zone worked out once per build.
        tzids = sorted(holder.get_missing_tzids()) if event_ids else sorted({ZONE_OF_COUNTRY[c] for c in countries})
        zones = b"".join(_timezone_bytes(tzid) for tzid in tzids)
        return _opening(catalog, lang, name) + zones + b"".join(written[event_id] for event_id in event_ids) + _END

    by_id = {event.id: event for event in events}
    everything = file_of(feed_name(catalog, lang), list(components), tuple(catalog.countries()))
    each = {
        event_id: file_of(feed_name(catalog, lang, by_id[event_id]["title"][lang]), [event_id])
        for event_id in components
    }
    selected = {
        key: file_of(
            feed_name(catalog, lang, chosen.name), [e.id for e in chosen.events if e.id in components], chosen.countries
        )
        for key, chosen in (selections or {}).items()
    }
    return everything, each, selected


@functools.cache
def _timezone_bytes(tzid: str) -> bytes:
    """The VTIMEZONE of a zone, its transitions from 1970 to 2038: a tenth of a second of icalendar's work each time."""
    return Timezone.from_tzid(tzid).to_ical()
