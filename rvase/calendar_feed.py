"""The network's events as iCalendar (RFC 5545), in one language, built with the icalendar library.

- An event whose day is known is in the feed: all-day and multi-day events as VALUE=DATE with an
  exclusive DTEND (14–16 November ends on the 17th); timed events in their own time zone (TZID with
  a VTIMEZONE); a monthly meeting as one event with RRULE:FREQ=MONTHLY.
- An event known only to the month or the year ("2024", place to be decided) is left out: RFC 5545
  has no way to say "some day in 2024", and any DTSTART would invent a day. The site shows it as is.
- UIDs are UUIDv5 of the event id (stable, no host name, RFC 7986); DTSTAMP is midnight UTC of the
  build's "today", so two builds with the same SOURCE_DATE_EPOCH give the same bytes.
"""
import datetime
import functools
import uuid
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vText
from icalendar import Event as CalendarEvent

from .catalog import Catalog, Event

UID_NAMESPACE = uuid.UUID("6f1c3a52-7d1e-5b0a-9c44-52a1e3d0b7a1")  # fixed forever: UIDs must never change
PRODUCT_ID = "-//RVASE//Portal of the AIMF Cities Network of South-East Asia//"


def event_uid(event_id: str) -> str:
    return str(uuid.uuid5(UID_NAMESPACE, event_id))


def in_feed(event: Event) -> bool:
    """Only events whose day is known (anything else would invent a date) and that are more than a decision."""
    return event.start.precision == "day" and event.end.precision == "day" and not event.decided_only


def event_span(event: Event) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime | None]:
    """Start and end as RFC 5545 counts them: date-times in the event's own zone when it is timed (no end
    without an `end_time`), else its first day and the day after its last (DTEND of a whole day is exclusive)."""
    start, end = event.start.first_day(), event.end.last_day()
    if not event.get("start_time"):
        return start, end + datetime.timedelta(days=1)
    zone = ZoneInfo(event["timezone"])
    ends = datetime.datetime.combine(end, datetime.time.fromisoformat(event["end_time"]), zone) if event.get("end_time") else None
    return datetime.datetime.combine(start, datetime.time.fromisoformat(event["start_time"]), zone), ends


def feed_name(catalog: Catalog, lang: str) -> str:
    return f"{catalog.network['acronym']} — {catalog.words(lang)('page.calendar')}"


def _event_component(catalog: Catalog, event: Event, lang: str, page_url: str, stamp: datetime.datetime) -> CalendarEvent:
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
    # announced but not reported as held by any source: tentative, as RFC 5545 says
    component.add("status", "CONFIRMED" if event["status"] == "held" else "TENTATIVE")
    component.add("transp", "TRANSPARENT" if not event.get("start_time") else "OPAQUE")
    return component


_END = b"END:VCALENDAR\r\n"


def calendar_files(catalog: Catalog, lang: str, events: list[Event], page_url_of, today: datetime.date,
                   selections: dict[str, list[Event]] | None = None) -> tuple[bytes, dict[str, bytes], dict[str, bytes]]:
    """In `lang`, the calendar of every event of `events` in the feed, each one's own calendar (by event id), and
    the calendar of each selection of events (a member's, a theme's: by the selection's name), under the same rules.

    `page_url_of(event)` gives the full address of an event's page. Each event and each time zone is written out
    once and shared by the files that hold it: icalendar writes a calendar as its own lines, then each of its
    components' lines, then END:VCALENDAR, so the files are the bytes `Calendar.to_ical()` gives.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID + lang.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # TEXT values (RFC 7986, and the X-WR- properties calendar programs read as such): given as vText, so that a line
    # break is escaped as \n; icalendar writes names it does not know as they are, where only an `assert` stopped a
    # line break (under `python -O` it went out raw and began a VEVENT).
    calendar.add("name", vText(feed_name(catalog, lang)))
    calendar.add("x-wr-calname", vText(feed_name(catalog, lang)))
    calendar.add("x-wr-caldesc", vText(catalog.network["ambition"][lang]))
    opening = calendar.to_ical()
    if not opening.endswith(_END):
        raise RuntimeError(f"icalendar ended an empty calendar with {opening[-40:]!r}, not END:VCALENDAR")
    opening = opening[: -len(_END)]
    stamp = datetime.datetime.combine(today, datetime.time(0, 0), datetime.UTC)
    components = {event.id: _event_component(catalog, event, lang, page_url_of(event), stamp)
                  for event in events if in_feed(event)}
    written = {event_id: component.to_ical() for event_id, component in components.items()}

    def file_of(event_ids: list[str]) -> bytes:
        holder = Calendar()
        for event_id in event_ids:
            holder.add_component(components[event_id])
        # What calendar.add_missing_timezones() does, in a fixed order, each zone worked out once per build.
        zones = b"".join(_timezone_bytes(tzid) for tzid in sorted(holder.get_missing_tzids()))
        return opening + zones + b"".join(written[event_id] for event_id in event_ids) + _END

    return (file_of(list(components)), {event_id: file_of([event_id]) for event_id in components},
            {name: file_of([e.id for e in chosen if e.id in components]) for name, chosen in (selections or {}).items()})


@functools.cache
def _timezone_bytes(tzid: str) -> bytes:
    """The VTIMEZONE of a zone, its transitions from 1970 to 2038: a tenth of a second of icalendar's work each time."""
    return Timezone.from_tzid(tzid).to_ical()
