"""The calendar page and the home page's next events: events grouped by month, upcoming or past.

The split is computed at build time (the fallback without JavaScript) and again in the reader's
browser by docs/javascripts/calendar.js, from each event's `data-end`, so that a site built in May
is still right in December. Each event carries its filters (country, members, themes), its
iCalendar download, "add to" links, and schema.org JSON-LD.
"""
import datetime
import json
from urllib.parse import quote, urlencode

from ..calendar_feed import event_span, in_feed
from ..catalog import Event
from ..dates import PartialDate
from ..feeds import FEED_FILES, record_address
from .html import block, el, esc, filter_select, items, link, md_heading, shown_where_scripts_run

NEXT_EVENTS_ON_HOME = 3
# filter name → the attribute of an event it matches (docs/javascripts/filters.js)
CALENDAR_ATTRIBUTES = {"country": "data-country", "member": "data-members", "theme": "data-themes"}


class CalendarPages:
    """Mixed into PageRenderer: uses its words (`w`), links (`url`, `ref`) and dates."""

    # -- one event -----------------------------------------------------------------------------
    def event_when(self, event: Event) -> str:
        w = self.w
        if event.recurring:
            return esc(w("calendar.monthly"))
        when = self.time_element(event.start, self.date_range(event.start, event.end))
        if event.get("start_time"):
            zone = w(f"timezone.{event['timezone']}")
            hours = event["start_time"] + (f"{w('date.range_sep')}{event['end_time']}" if event.get("end_time") else "")
            when += f", {esc(hours)} ({esc(w('calendar.time_zone', place=zone))})"
        return when

    def event_place_text(self, event: Event) -> str:
        place = event["place"]
        if place is None:
            return self.w(self.unknown_place_key(event))
        return ", ".join([place[k][self.lang] for k in ("venue", "city") if k in place] + [self.w(f"country.{place['country']}")])

    def unknown_place_key(self, event: Event) -> str:
        """A place the sources do not give: "to be decided" only for an event still to come; for one that is over
        (or only decided) the truth is that the sources do not give it."""
        return "calendar.place_tbd" if event.is_upcoming(self.today) else "calendar.place_unknown"

    def event_place(self, event: Event) -> str:
        return esc(self.event_place_text(event))

    def event_status(self, event: Event) -> str:
        """What is known of an event that no source reports as held: announced or decided, as of when."""
        if event["status"] == "held":
            return ""
        return self.status_as_of(self.w(f"event.status.{event['status']}"), event["as_of"])

    def event_item(self, event: Event, heading_level: int | None = None) -> str:
        w = self.w
        title = self.ref("events", event.id) if heading_level is None else self.t(event["title"])
        head = el(f"h{heading_level}", title) if heading_level else el("strong", title)
        facts = [el("span", self.event_when(event), class_="rvase-when"), el("span", self.event_place(event), class_="rvase-place"),
                 el("span", esc(w(f"event.kind.{event['kind']}")), class_="rvase-kind")]
        status = self.event_status(event)
        if status:
            facts.append(el("span", status, class_="rvase-event-status"))
        return head + el("p", " · ".join(facts))

    def event_attributes(self, event: Event) -> dict:
        """What the view-time split and the filters read."""
        place = event["place"]
        countries = [place["country"]] if place else []
        countries += [self.catalog.by_id["members"][m]["country"] for m in event["members"]]
        return {"data_start": event.start.first_day().isoformat(), "data_end": event.end.last_day().isoformat(),
                "data_recurring": "true" if event.repeats else None,
                "data_country": " ".join(dict.fromkeys(countries)), "data_members": " ".join(event["members"]),
                "data_themes": " ".join(event["themes"])}

    def event_times(self, event: Event) -> tuple[datetime.datetime | datetime.date, datetime.datetime | datetime.date]:
        """Start and end as in the feed (exclusive last day when untimed); a timed event without an end ends as it starts."""
        start, end = event_span(event)
        return start, end or start

    def add_to_calendar_links(self, event: Event) -> list[str]:
        """Links (not requests) that open Google Calendar or Outlook with the event filled in."""
        w, (start, end) = self.w, self.event_times(event)
        # the event's address, not its description: the description is on that page, and twice per event in
        # URL-encoded links it weighed more than the budget of the calendar page allows
        details = record_address(self.root, "events", event.id)
        timed = isinstance(start, datetime.datetime)
        google = {"action": "TEMPLATE", "text": event["title"][self.lang], "details": details,
                  "location": self.event_place_text(event),
                  "dates": (f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}" if timed else f"{start:%Y%m%d}/{end:%Y%m%d}")}
        if timed:
            google["ctz"] = event["timezone"]
        if event.repeats:
            google["recur"] = f"RRULE:FREQ={event['recurrence'].upper()}"
        outlook = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event["title"][self.lang],
                   "body": details, "location": self.event_place_text(event),
                   "startdt": start.isoformat(), "enddt": end.isoformat(), "allday": "false" if timed else "true"}
        name = event["title"][self.lang]
        return [
            link("https://calendar.google.com/calendar/render?" + urlencode(google, quote_via=quote), w("calendar.add_google"),
                 rel="nofollow noopener", aria_label=w("calendar.add_google_to", title=name)),
            link("https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook, quote_via=quote), w("calendar.add_outlook"),
                 rel="nofollow noopener", aria_label=w("calendar.add_outlook_to", title=name)),
        ]

    def event_article(self, event: Event) -> str:
        w = self.w
        details = [el("p", self.t(event["description"]))]
        links = [(w("calendar.members"), self.refs("members", event["members"])),
                 (w("calendar.themes"), self.refs("themes", event["themes"])),
                 (w("calendar.projects"), self.refs("projects", event["projects"]))]
        facts = "".join(el("dt", esc(k)) + el("dd", v) for k, v in links if v)
        if facts:
            details.append(el("dl", facts, class_="rvase-facts"))
        if in_feed(event):
            ics = self.url("index", None) + FEED_FILES["event"].format(id=event.id)
            actions = [link(ics, w("calendar.download"), download=f"{event.id}.ics", type="text/calendar",
                            aria_label=w("calendar.download_event", title=event["title"][self.lang]))]
            details.append(el("p", " · ".join(actions + self.add_to_calendar_links(event)), class_="rvase-event-actions"))
        else:
            details.append(el("p", esc(w("calendar.not_in_feed")), class_="rvase-event-actions"))
        details.append(self.sources_and_notes(event["sources"], [(None, event)], compact=True))
        return el("article", self.event_item(event, heading_level=4) + "".join(details), id=event.id,
                  class_="rvase-event", **self.event_attributes(event))

    # -- groups and sections -------------------------------------------------------------------
    def month_key(self, event: Event) -> str:
        if event.repeats:
            return "recurring"
        return f"{event.start.year}" if event.start.precision == "year" else f"{event.start.year}-{event.start.month:02d}"

    def month_label(self, key: str) -> str:
        if key == "recurring":
            return self.w("calendar.recurring")
        year, _, month = key.partition("-")
        text = self.date(PartialDate(int(year), int(month) if month else None, None))
        return text[:1].upper() + text[1:]

    def event_groups(self, events: list) -> str:
        groups: dict[str, list] = {}
        for event in events:
            groups.setdefault(self.month_key(event), []).append(event)
        return "".join(el("section", el("h3", esc(self.month_label(key))) + "".join(self.event_article(e) for e in group),
                          class_="rvase-month", data_month=key, aria_label=self.month_label(key))
                       for key, group in groups.items())

    def calendar_filters(self) -> str:
        w, c = self.w, self.catalog

        events = [self.event_attributes(e) for e in c.events]

        def select(name: str, label: str, options: list) -> str:
            return filter_select(name, label, w("catalog.any"), options, CALENDAR_ATTRIBUTES[name], events)

        members = [m for m in c.records("members") if c.events_with("members", m["id"])]
        themes = [t for t in c.records("themes") if c.events_with("themes", t["id"])]
        countries = list(dict.fromkeys(code for e in events for code in e["data_country"].split()))
        fields = (select("country", w("catalog.country"), [(code, w(f"country.{code}")) for code in countries])
                  + select("member", w("calendar.members"), [(m["id"], m["name"][self.lang]) for m in members])
                  + select("theme", w("calendar.themes"), [(t["id"], t["name"][self.lang]) for t in themes]))
        return el("form", el("fieldset", el("legend", esc(w("calendar.filters"))) + fields
                             + el("button", esc(w("catalog.reset")), type="reset", class_="md-button")),
                  class_="rvase-filters", hidden="hidden", role="search", aria_label=w("calendar.filters"),
                  data_items=".rvase-event", data_groups=".rvase-month")

    def subscribe_links(self) -> str:
        w = self.w
        feed = self.root + FEED_FILES["calendar"]
        webcal = "webcal://" + feed.split("://", 1)[1]
        return el("p", link(webcal, w("calendar.subscribe")) + " · "
                  + link(self.url("index", None) + FEED_FILES["calendar"], w("calendar.download_all"), type="text/calendar")
                  + " " + el("span", esc(w("calendar.feed_note")), class_="rvase-feed-note"), class_="rvase-subscribe")

    def page_calendar(self) -> str:
        w, c = self.w, self.catalog
        upcoming, past = c.upcoming_events(self.today), c.past_events(self.today)
        built_on = self.date(PartialDate(self.today.year, self.today.month, self.today.day))
        return (
            self.title("calendar")
            + block(self.subscribe_links() + el("p", esc(w("calendar.built_on", date=built_on)), class_="rvase-built-on"))
            + block(shown_where_scripts_run(self.calendar_filters()))
            + md_heading(2, w("calendar.upcoming"), "upcoming")
            + block(el("div", self.event_groups(upcoming), class_="rvase-calendar", data_section="upcoming")
                    + el("p", esc(w("calendar.no_upcoming")), class_="rvase-none", data_none_for="upcoming",
                         hidden="hidden" if upcoming else None))
            + md_heading(2, w("calendar.past"), "past")
            + block(el("div", self.event_groups(past), class_="rvase-calendar", data_section="past")
                    + el("p", esc(w("calendar.no_past")), class_="rvase-none", data_none_for="past", hidden="hidden" if past else None))
            + block(self.events_json_ld(c.events))
            + block(self.scripts("calendar", "filters"))  # calendar.js first: it moves events before the filters count them
        )

    def next_events(self) -> str:
        """The home page's next events: every event not over at build time, the first few shown; the
        browser hides those that have ended since and shows the next ones (calendar.js)."""
        w = self.w
        upcoming = self.catalog.upcoming_events(self.today)
        entries = [el("li", self.event_item(e), hidden="hidden" if i >= NEXT_EVENTS_ON_HOME else None,
                      **{k: v for k, v in self.event_attributes(e).items() if k in ("data_end", "data_recurring")})
                   for i, e in enumerate(upcoming)]
        return (el("ul", "".join(entries), class_="rvase-events rvase-next-events", data_show=str(NEXT_EVENTS_ON_HOME))
                + el("p", esc(w("home.no_upcoming")), class_="rvase-none", data_none_for="next", hidden="hidden" if upcoming else None))

    # -- structured data -----------------------------------------------------------------------
    def event_json_ld(self, event: Event) -> dict:
        start, end = self.event_times(event)
        timed = isinstance(start, datetime.datetime)
        address = record_address(self.root, "events", event.id)
        place = event["place"]
        if place:
            postal = {"@type": "PostalAddress", "addressCountry": place["country"]}
            if "city" in place:
                postal["addressLocality"] = place["city"][self.lang]
            location = {"@type": "Place", "name": self.event_place_text(event), "address": postal}
        else:
            location = {"@type": "Place", "name": self.w(self.unknown_place_key(event))}
        data = {
            "@type": "Event", "@id": address, "url": address,
            "name": event["title"][self.lang], "description": event["description"][self.lang],
            # a date known only to the month or the year stays as precise as it is ("2024")
            "startDate": start.isoformat() if timed else event.start.iso(),
            "endDate": end.isoformat() if timed else event.end.iso(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": location, "inLanguage": self.lang,
        }
        if event.get("organizer"):  # only where the sources say who organises it
            data["organizer"] = self.organizer_json_ld(event["organizer"])
        if event.repeats:
            data["eventSchedule"] = {"@type": "Schedule", "repeatFrequency": "P1M", "startDate": event.start.iso()}
        return data

    def organizer_json_ld(self, organizer: str) -> dict:
        """Who organises an event, from the data (`organizer`: `network`, a partner id or a member id)."""
        if organizer == "network":
            network = self.catalog.network
            return {"@type": "Organization", "name": network["name"][self.lang], "alternateName": network["acronym"], "url": self.root}
        kind = "partners" if organizer in self.catalog.by_id["partners"] else "members"
        record = self.catalog.by_id[kind][organizer]
        data = {"@type": "Organization" if kind == "partners" else "GovernmentOrganization", "name": record["name"][self.lang]}
        if record.get("website"):
            data["url"] = record["website"]
        return data

    def events_json_ld(self, events: list) -> str:
        graph = {"@context": "https://schema.org", "@graph": [self.event_json_ld(e) for e in events]}
        text = json.dumps(graph, ensure_ascii=False, indent=None, separators=(",", ":")).replace("</", "<\\/")
        return el("script", text, type="application/ld+json")
