"""The network's data as one validated, cross-referenced model."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from . import settings
from .dates import PartialDate
from .validate import validate_site_data
from .words import Words


@dataclass(frozen=True)
class Event:
    record: dict
    start: PartialDate
    end: PartialDate

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def recurring(self) -> bool:
        return "recurrence" in self.record

    @property
    def decided_only(self) -> bool:
        """Decided by the network, but no source says it takes place: a decision, never an upcoming event."""
        return self.record["status"] == "decided"

    @property
    def repeats(self) -> bool:
        """A recurring meeting that a source says takes place (one only decided does not repeat on the calendar)."""
        return self.recurring and not self.decided_only

    @property
    def days(self) -> int:
        """How many days it spans (1 for an event of one day)."""
        return (self.end.last_day() - self.start.first_day()).days + 1

    @property
    def hours_each_day(self) -> bool:
        """Over several days, with the same hours on each: one block a day, not one from the first morning to the last
        evening."""
        return self.get("hours") == "each-day" and self.days > 1

    def is_upcoming(self, today: datetime.date) -> bool:
        """Not over yet on `today`; a recurring meeting that takes place is always upcoming, a decision never."""
        if self.decided_only:
            return False
        return self.recurring or self.end.last_day() >= today

    def __getitem__(self, key):
        return self.record[key]

    def get(self, key, default=None):
        return self.record.get(key, default)


@dataclass
class Catalog:
    documents: dict
    interface: dict
    by_id: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)

    def __post_init__(self):
        for kind in ("sources", "members", "themes", "partners", "projects", "news"):
            self.by_id[kind] = {record["id"]: record for record in self.documents[kind][kind]}
        self.events = sorted(
            (
                Event(r, PartialDate.parse(r["start"]), PartialDate.parse(r.get("end", r["start"])))
                for r in self.documents["events"]["events"]
            ),
            key=lambda e: (e.start.sort_key(), e.end.sort_key(), e.id),
        )
        self.by_id["events"] = {event.id: event for event in self.events}
        # Listed once: every map's caption asks (a scan of all members on each record page grew with their square).
        self._countries = list(dict.fromkeys(member["country"] for member in self.records("members")))

    def words(self, lang: str) -> Words:
        return Words(self.interface, lang, "i18n/interface.yaml")

    @property
    def network(self) -> dict:
        return self.documents["network"]["network"]

    @property
    def action_plan(self) -> dict:
        return self.documents["action_plan"]

    @property
    def roadmap(self) -> dict:
        return self.documents["roadmap"]

    def records(self, kind: str) -> list:
        return self.events if kind == "events" else self.documents[kind][kind]

    def actions(self) -> list:
        return [action for axis in self.action_plan["axes"] for action in axis["actions"]]

    def partners(self, relationship: str = "partner") -> list:
        """The organisations of one relationship: `partner` (the network works with them), `contact`,
        `planned_contact` or `mentioned`."""
        return [p for p in self.records("partners") if p["relationship"] == relationship]

    def countries(self) -> list[str]:
        return list(self._countries)

    def members_in(self, country: str) -> list:
        return [m for m in self.records("members") if m["country"] == country]

    def _linked(self, kind: str, field_name: str) -> dict:
        """`record id → records of `kind` whose `field_name` lists it`, built once (no scan per page)."""
        key = (kind, field_name)
        if key not in self.links:
            index: dict = {}
            for record in self.news() if kind == "news" else self.records(kind):
                for linked_id in record.get(field_name, []):
                    index.setdefault(linked_id, []).append(record)
            self.links[key] = index
        return self.links[key]

    def projects_with(self, field_name: str, record_id: str) -> list:
        return self._linked("projects", field_name).get(record_id, [])

    def events_with(self, field_name: str, record_id: str) -> list:
        return self._linked("events", field_name).get(record_id, [])

    def events_on_theme(self, theme_id: str) -> list:
        """The events that involve a theme: those that list it, and those that list a project of that theme (an
        event about a project is about its themes), in calendar order."""
        key = ("events", "themes, and their projects' themes")
        if key not in self.links:
            index: dict = {}
            for event in self.events:
                themes = dict.fromkeys(event["themes"])
                for project_id in event["projects"]:
                    themes.update(dict.fromkeys(self.by_id["projects"][project_id]["themes"]))
                for theme in themes:
                    index.setdefault(theme, []).append(event)
            self.links[key] = index
        return self.links[key].get(theme_id, [])

    def news_with(self, field_name: str, record_id: str) -> list:
        return self._linked("news", field_name).get(record_id, [])

    def news(self) -> list:
        """Newest first."""
        return sorted(self.records("news"), key=lambda n: PartialDate.parse(n["date"]).sort_key(), reverse=True)

    def upcoming_events(self, today: datetime.date) -> list:
        return [e for e in self.events if e.is_upcoming(today)]

    def past_events(self, today: datetime.date) -> list:
        """The events over on `today`, the latest first; a decision is not among them (`decided_events`)."""
        return [e for e in self.events if not e.is_upcoming(today) and not e.decided_only][::-1]

    def decided_events(self) -> list:
        """Meetings the network decided to hold that no source reports as taking place: decisions, not events."""
        return [e for e in self.events if e.decided_only]


def load_catalog(data_dir: Path = settings.DATA_DIR, interface_file: Path = settings.INTERFACE_FILE) -> Catalog:
    """Read, validate and link every data file and the interface words; raise DataError with every problem found."""
    documents, interface = validate_site_data(data_dir, interface_file)
    return Catalog(documents, interface)
