"""The calendar page and the home page's next events: events grouped by month, upcoming or past.

The split is computed at build time (the fallback without JavaScript) and again in the reader's
browser by docs/javascripts/calendar.js, from each event's `data-end`, so that a site built in May
is still right in December. Each event carries its filters (country, members, themes), its
iCalendar download, "add to" links, and schema.org JSON-LD. The markup is in rvase/templates/
(pages/calendar.md, partials/events.html).
"""

import datetime
from urllib.parse import quote, urlencode

from ..calendar_feed import event_span, in_feed
from ..catalog import Event
from ..dates import PartialDate
from ..site_map import PAGE
from .context import PageContext
from .views import web_link

NEXT_EVENTS_ON_HOME = 3
# filter name → the attribute of an event it matches (docs/javascripts/filters.js)
CALENDAR_ATTRIBUTES = {"country": "data-country", "member": "data-members", "theme": "data-themes"}


class CalendarViews:
    """The views of events, for the page being built (`context`)."""

    def __init__(self, context: PageContext):
        self.context = context

    # -- one event -----------------------------------------------------------------------------
    def event_when(self, event: Event) -> dict:
        """When an event takes place: `monthly`, or its dates and, when timed, its hours and time zone."""
        w = self.context.w
        if event.recurring:
            return {"monthly": w("calendar.monthly_decided" if event.decided_only else "calendar.monthly")}
        when = {
            "monthly": None,
            "start": event.start.iso(),
            "text": self.context.date_range(event.start, event.end),
            "hours": None,
        }
        if event.get("start_time"):
            zone = w(f"timezone.{event['timezone']}")
            hours = event["start_time"] + (f"{w('date.range_sep')}{event['end_time']}" if event.get("end_time") else "")
            if event.hours_each_day:
                hours = w("calendar.hours_each_day", hours=hours)
            elif event.days > 1 and event.get("end_time"):  # from the first day's start to the last day's end
                hours = w(
                    "calendar.hours_throughout",
                    start=event["start_time"],
                    first=self.context.date(event.start),
                    end=event["end_time"],
                    last=self.context.date(event.end),
                )
            when.update(hours=hours, zone=w("calendar.time_zone", place=zone))
        return when

    def event_place_text(self, event: Event) -> str:
        place = event["place"]
        if place is None:
            return self.context.w(self.unknown_place_key(event))
        return ", ".join(
            [place[k][self.context.lang] for k in ("venue", "city") if k in place]
            + [self.context.w(f"country.{place['country']}")]
        )

    def unknown_place_key(self, event: Event) -> str:
        """A place the sources do not give: "to be decided" only for an event still to come; for one that is over
        (or only decided) the truth is that the sources do not give it."""
        return "calendar.place_tbd" if event.is_upcoming(self.context.today) else "calendar.place_unknown"

    def event_status(self, event: Event) -> dict | None:
        """What is known of an event that no source reports as held: announced or decided, as of when."""
        return (
            None
            if event["status"] == "held"
            else self.context.status_as_of(f"event.status.{event['status']}", event["as_of"])
        )

    def event_item(self, event: Event) -> dict:
        """An event as every list shows it: its title, when, where, what kind of event and, unless a source reports it
        held, its status as of when."""
        return {
            "id": event.id,
            "title": event["title"][self.context.lang],
            "link": self.context.ref("events", event.id),
            "when": self.event_when(event),
            "place": self.event_place_text(event),
            "kind": event["kind"],
            "status": self.event_status(event),
            "attributes": self.event_attributes(event),
        }

    def event_attributes(self, event: Event) -> dict:
        """What the view-time split and the filters read."""
        place = event["place"]
        countries = [place["country"]] if place else []
        countries += [self.context.catalog.by_id["members"][m]["country"] for m in event["members"]]
        return {
            "data-start": event.start.first_day().isoformat(),
            "data-end": event.end.last_day().isoformat(),
            "data-recurring": "true" if event.repeats else None,
            "data-decided": "true" if event.decided_only else None,  # a decision: never upcoming, whatever its date
            "data-country": " ".join(dict.fromkeys(countries)),
            "data-members": " ".join(event["members"]),
            "data-themes": " ".join(event["themes"]),
        }

    def event_times(self, event: Event) -> tuple[datetime.datetime | datetime.date, datetime.datetime | datetime.date]:
        """Start and end as in the feed (exclusive last day when untimed); a timed event without an end ends as it starts."""
        start, end = event_span(event)
        return start, end or start

    def add_to_calendar_links(self, event: Event) -> dict:
        """The addresses of links (not requests) that open Google Calendar or Outlook with the event filled in."""
        start, end = self.event_times(event)
        # the event's address, not its description: the description is on that page, and twice per event in
        # URL-encoded links it weighed more than the calendar page's budget allows
        details = self.context.addresses.full(self.context.record_path("events", event.id), self.context.lang)
        timed = isinstance(start, datetime.datetime)
        google = {
            "action": "TEMPLATE",
            "text": event["title"][self.context.lang],
            "details": details,
            "location": self.event_place_text(event),
            "dates": (f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}" if timed else f"{start:%Y%m%d}/{end:%Y%m%d}"),
        }
        if timed:
            google["ctz"] = event["timezone"]
        if event.repeats:
            google["recur"] = f"RRULE:FREQ={event['recurrence'].upper()}"
        elif event.hours_each_day:
            google["recur"] = f"RRULE:FREQ=DAILY;COUNT={event.days}"
        links = {"google": "https://calendar.google.com/calendar/render?" + urlencode(google, quote_via=quote)}
        if event.hours_each_day:
            return {
                **links,
                "outlook": None,
            }  # Outlook's link cannot repeat an event: the first day only, or one long block
        outlook = {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": event["title"][self.context.lang],
            "body": details,
            "location": self.event_place_text(event),
            "startdt": start.isoformat(),
            "enddt": end.isoformat(),
            "allday": "false" if timed else "true",
        }
        return {
            **links,
            "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook, quote_via=quote),
        }

    def event_article(self, event: Event) -> dict:
        """An event as the calendar page shows it, with its links, its download and its "add to" links."""
        return {
            **self.event_item(event),
            "description": event["description"][self.context.lang],
            "sources_part": self.context.sources_and_notes(event["sources"], [(None, event)], compact=True),
            "facts": [
                (self.context.w(label), links)
                for label, links in (
                    ("calendar.members", self.context.refs("members", event["members"])),
                    ("calendar.themes", self.context.refs("themes", event["themes"])),
                    ("calendar.projects", self.context.refs("projects", event["projects"])),
                )
                if links
            ],
            "website": web_link(event.get("url")),
            "ics": self.context.url("index") + self.context.addresses.calendar("events", event.id)
            if in_feed(event)
            else None,
            "add_to": self.add_to_calendar_links(event) if in_feed(event) else None,
        }

    # -- groups and sections -------------------------------------------------------------------
    def month_key(self, event: Event) -> str:
        if event.repeats:
            return "recurring"
        return (
            f"{event.start.year}" if event.start.precision == "year" else f"{event.start.year}-{event.start.month:02d}"
        )

    def month_label(self, key: str) -> str:
        if key == "recurring":
            return self.context.w("calendar.recurring")
        year, _, month = key.partition("-")
        text = self.context.date(PartialDate(int(year), int(month) if month else None, None))
        return text[:1].upper() + text[1:]

    def event_groups(self, events: list) -> list[dict]:
        groups: dict[str, list] = {}
        for event in events:
            groups.setdefault(self.month_key(event), []).append(event)
        return [
            {"key": key, "label": self.month_label(key), "events": [self.event_article(e) for e in group]}
            for key, group in groups.items()
        ]

    def calendar_filters(self) -> dict:
        w, c = self.context.w, self.context.catalog
        events = [self.event_attributes(e) for e in c.events]

        def select(name: str, label: str, options: list) -> dict:
            return self.context.filter_select(name, label, CALENDAR_ATTRIBUTES[name], options, events)

        members = [m for m in c.records("members") if c.events_with("members", m["id"])]
        themes = [t for t in c.records("themes") if c.events_with("themes", t["id"])]
        countries = list(dict.fromkeys(code for e in events for code in e["data-country"].split()))
        return {
            "selects": [
                select("country", w("catalog.country"), [(code, w(f"country.{code}")) for code in countries]),
                select("member", w("calendar.members"), [(m["id"], m["name"][self.context.lang]) for m in members]),
                select("theme", w("calendar.themes"), [(t["id"], t["name"][self.context.lang]) for t in themes]),
            ]
        }

    def subscribe_links(self, feed_file: str | None = None) -> dict:
        """A calendar file of this language (the calendar page's feed unless given) to subscribe to (webcal) and to
        download."""
        feed_file = feed_file or self.context.addresses.feed("calendar")
        feed = self.context.root + feed_file
        return {"webcal": "webcal://" + feed.split("://", 1)[1], "download": self.context.url("index") + feed_file}

    def calendar_of(self, feed_file: str, name: str, note: str) -> dict:
        """The subscription and download links of a member's or a theme's own calendar."""
        return {**self.subscribe_links(feed_file), "name": name, "note": self.context.w(note)}

    def view_calendar(self) -> dict:
        c = self.context.catalog
        upcoming, past = c.upcoming_events(self.context.today), c.past_events(self.context.today)
        return {
            "subscribe": self.subscribe_links(),
            "built_on": self.context.date(
                PartialDate(self.context.today.year, self.context.today.month, self.context.today.day)
            ),
            "filters": self.calendar_filters(),
            "open_data": self.context.downloads(*PAGE["calendar"].exports),
            "upcoming": self.event_groups(upcoming),
            "past": self.event_groups(past),
            "decided": [self.event_article(e) for e in c.decided_events()],
            # a decision is not an event: no schema.org Event for it
            "json_ld": self.events_json_ld([e for e in c.events if not e.decided_only]),
            "scripts": self.context.scripts(
                "calendar", "filters"
            ),  # calendar.js first: it moves events before the filters count them
        }

    def next_events(self) -> dict:
        """The home page's next events: every event not over at build time, the first few shown; the
        browser hides those that have ended since and shows the next ones (calendar.js)."""
        return {
            "events": [self.event_item(e) for e in self.context.catalog.upcoming_events(self.context.today)],
            "shown": NEXT_EVENTS_ON_HOME,
        }

    # -- structured data -----------------------------------------------------------------------
    def event_json_ld(self, event: Event) -> dict:
        start, end = self.event_times(event)
        timed = isinstance(start, datetime.datetime)
        address = self.context.addresses.full(self.context.record_path("events", event.id), self.context.lang)
        place = event["place"]
        if place:
            postal = {"@type": "PostalAddress", "addressCountry": place["country"]}
            if "city" in place:
                postal["addressLocality"] = place["city"][self.context.lang]
            location = {"@type": "Place", "name": self.event_place_text(event), "address": postal}
        else:
            location = {"@type": "Place", "name": self.context.w(self.unknown_place_key(event))}
        data = {
            "@type": "Event",
            "@id": address,
            "url": address,
            "name": event["title"][self.context.lang],
            "description": event["description"][self.context.lang],
            # a date known only to the month or the year stays as precise as it is ("2024")
            "startDate": start.isoformat() if timed else event.start.iso(),
            "endDate": end.isoformat() if timed else event.end.iso(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": location,
            "inLanguage": self.context.lang,
        }
        if event.get("organizer"):  # only where the sources say who organises it
            data["organizer"] = self.organizer_json_ld(event["organizer"])
        if event.repeats:
            data["eventSchedule"] = {"@type": "Schedule", "repeatFrequency": "P1M", "startDate": event.start.iso()}
        elif event.hours_each_day and isinstance(end, datetime.datetime):  # the first day's hours, each day to the last
            data["endDate"] = datetime.datetime.combine(event.end.last_day(), end.timetz()).isoformat()
            data["eventSchedule"] = {
                "@type": "Schedule",
                "repeatFrequency": "P1D",
                "startDate": event.start.iso(),
                "endDate": event.end.iso(),
                "startTime": event["start_time"],
                "endTime": event.get("end_time", event["start_time"]),
                "scheduleTimezone": event["timezone"],
            }
        return data

    def organizer_json_ld(self, organizer: str) -> dict:
        """Who organises an event, from the data (`organizer`: `network`, a partner id or a member id)."""
        if organizer == "network":
            network = self.context.catalog.network
            return {
                "@type": "Organization",
                "name": network["name"][self.context.lang],
                "alternateName": network["acronym"],
                "url": self.context.root,
            }
        kind = "partners" if organizer in self.context.catalog.by_id["partners"] else "members"
        record = self.context.catalog.by_id[kind][organizer]
        data = {
            "@type": "Organization" if kind == "partners" else "GovernmentOrganization",
            "name": record["name"][self.context.lang],
        }
        if record.get("website"):
            data["url"] = record["website"]
        return data

    def events_json_ld(self, events: list) -> dict:
        return {"@context": "https://schema.org", "@graph": [self.event_json_ld(e) for e in events]}

    # -- an event's own page -------------------------------------------------------------------
    def view_event(self, event: Event) -> dict:
        """An event's own page: when, where, who and what, its calendar links, the news that tell of it, its sources."""
        c = self.context.catalog
        return {
            "event": self.event_article(event),
            "news": [self.context.news_teaser(n) for n in c.news_with("events", event.id)],
            "sources_part": self.context.sources_and_notes(event["sources"], [(None, event)]),
            "json_ld": None if event.decided_only else {"@context": "https://schema.org", **self.event_json_ld(event)},
            "all_events": self.context.list_url("events", event.id),
        }
