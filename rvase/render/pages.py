"""One view per page of the site: the records a page shows, in their order, with their links and the words of the
language. The markup is in rvase/templates/ (`pages/<page>.md`, `records/<kind>.md`): Markdown headings, so they
enter the table of contents, around HTML blocks."""
import collections
import datetime
from collections.abc import Callable
from typing import NamedTuple

from markupsafe import Markup

from ..catalog import Catalog
from ..dates import PartialDate
from ..feeds import FEED_FILES
from ..geo import load_boundaries
from ..news_markdown import markdown_text
from ..record_pages import RECORD_PAGE_FOLDERS
from .calendar import CalendarPages
from .map import Place, members_map_view
from .templating import render_template

# The data file that feeds each page: where "Edit this page" leads a maintainer.
DATA_FILE_OF_PAGE = {
    "index": "data/network.yaml", "network": "data/network.yaml", "members": "data/members.yaml",
    "themes": "data/themes.yaml", "projects": "data/projects.yaml", "action-plan": "data/action_plan.yaml",
    "roadmap": "data/roadmap.yaml", "calendar": "data/events.yaml", "news": "data/news.yaml",
    "partners": "data/partners.yaml",
}


# kind of record → its page's template in rvase/templates/records/
RECORD_TEMPLATES = {"projects": "project", "members": "member", "news": "news-item", "events": "event"}
# How tall a map is on a record's page, in CSS pixels: the page leads with its facts, the map comes small, after them.
RECORD_MAP_HEIGHT = 320
# The home page's map of every member, beside the figures: as tall as they are on a desktop.
HOME_MAP_HEIGHT = 480
# How many news items the home page shows as cards.
LATEST_NEWS_ON_HOME = 3

# filter name → the attribute of a project card it matches (docs/javascripts/filters.js)
CATALOG_ATTRIBUTES = {"theme": "data-themes", "country": "data-country", "member": "data-members", "status": "data-status"}


class Link(NamedTuple):
    """A link as a template shows it: the address (relative to the page being built) and its text."""
    href: str
    text: str


class Dated(NamedTuple):
    """A date as a template shows it: ISO 8601 for machines, words of the language for readers."""
    iso: str
    text: str


class Choice(NamedTuple):
    """An option of a filter's drop-down: the value it filters by, its text, how many items it matches."""
    value: str
    text: str
    count: int


def in_language(value, lang: str):
    """`value` with every bilingual field (`{fr: …, en: …}`) replaced by its text in `lang`."""
    if isinstance(value, dict):
        if set(value) == {"fr", "en"}:
            return value[lang]
        return {key: in_language(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, lang) for item in value]
    return value


class PageRenderer(CalendarPages):
    """Renders pages in one language. `url(page, anchor)` gives a link relative to the page being built."""

    def __init__(self, catalog: Catalog, lang: str, url: Callable[[str, str | None], str], today: datetime.date,
                 root: str = "/", site_file: Callable[[str], str] = lambda path: "/" + path):
        """`root` is the full address of this language's home page (for feeds, sharing and structured data);
        `site_file(path)` the address, relative to the page being built, of a file at the site's root (scripts)."""
        self.catalog, self.lang, self.url, self.today, self.root = catalog, lang, url, today, root
        self.site_file = site_file
        self.w = catalog.words(lang)

    # -- small pieces --------------------------------------------------------------------------
    def local(self, value):
        return in_language(value, self.lang)

    def record_url(self, kind: str, record_id: str) -> str:
        """The address of a record, relative to the page being built."""
        if kind in RECORD_PAGE_FOLDERS:  # a record with a page of its own
            return self.url(f"{RECORD_PAGE_FOLDERS[kind]}/{record_id}", None)
        page = {"themes": "themes", "partners": "partners"}[kind]
        return self.url(page, record_id)

    def ref(self, kind: str, record_id: str) -> Link:
        """A link to a record, labelled with its name or title."""
        record = self.catalog.by_id[kind][record_id]
        label = record["title" if kind in ("events", "news") else "name"][self.lang]
        return Link(self.record_url(kind, record_id), label)

    def refs(self, kind: str, ids: list) -> list[Link]:
        return [self.ref(kind, i) for i in ids]

    def date(self, date: PartialDate) -> str:
        month = self.w(f"month.{date.month}") if date.month else ""
        if date.precision == "year":
            return str(date.year)
        if date.precision == "month":
            return f"{month} {date.year}"
        return f"{date.day} {month} {date.year}" if self.lang == "fr" else f"{date.day} {month.capitalize()} {date.year}"

    def date_range(self, start: PartialDate, end: PartialDate) -> str:
        if start == end:
            return self.date(start)
        if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
            return f"{start.day}{self.w('date.range_sep')}{self.date(end)}"
        return f"{self.date(start)} {self.w('date.range_sep')} {self.date(end)}"

    def dated(self, date: PartialDate) -> Dated:
        return Dated(date.iso(), self.date(date))

    def scripts(self, *names: str) -> list[str]:
        """The site's scripts a page needs (docs/javascripts/), in the order given: only the pages whose parts use them
        load them (calendar.js: events upcoming or past at view time; filters.js: the filter forms), so the other
        pages are lighter on first load."""
        return [self.site_file(f"javascripts/{name}.js") for name in names]

    @staticmethod
    def choices(options: list, attribute: str, items: list[dict]) -> list[Choice]:
        """Each option of a filter with how many of `items` (their data attributes) it matches with no other filter
        chosen, as filters.js counts after each change: the script need not count when the page opens unfiltered."""
        counts = collections.Counter(value for item in items for value in (item.get(attribute) or "").split())
        return [Choice(value, text, counts[value]) for value, text in options]

    # -- pages ---------------------------------------------------------------------------------
    def render(self, page: str) -> str:
        view = getattr(self, "view_" + page.replace("-", "_"))()
        return render_template(f"pages/{page}.md", w=self.w, **view)

    def render_record(self, kind: str, record_id: str) -> str:
        record = self.catalog.by_id[kind][record_id]
        view = {"projects": self.view_project, "members": self.view_member, "news": self.view_news_item,
                "events": self.view_event}[kind](record)
        return render_template(f"records/{RECORD_TEMPLATES[kind]}.md", w=self.w, **view)

    def description(self, page: str) -> str:
        """A sentence that describes a section page, for link previews and search engines (plain text)."""
        return self.w(f"share.{page}")

    def record_description(self, kind: str, record_id: str) -> str:
        record = self.catalog.by_id[kind][record_id]
        if kind in ("projects", "news"):
            return record["summary"][self.lang]
        if kind == "events":
            when = self.event_when(record)
            return self.w("share.event", title=record["title"][self.lang], when=when["monthly"] or when["text"])
        return self.w("share.member", name=record["name"][self.lang], country=self.w(f"country.{record['country']}"))

    def news_teaser(self, news: dict) -> dict:
        """A news item as every list shows it: its title linked to its page, its date, its summary."""
        return {"id": news["id"], "link": self.ref("news", news["id"]), "date": self.dated(PartialDate.parse(news["date"])),
                "summary": news["summary"][self.lang]}

    def view_index(self) -> dict:
        c, w, network = self.catalog, self.w, self.catalog.network
        figures = [
            (len(c.records("members")), w("figure.members"), "members"),
            (len(c.countries()), w("figure.countries"), "members"),
            (len(c.records("projects")), w("figure.projects"), "projects"),
            (len(c.records("themes")), w("figure.themes"), "themes"),
            (len(c.actions()), w("figure.actions"), "action-plan"),
            (len(c.records("partners")), w("figure.partners"), "partners"),
        ]
        return {
            "network": self.local(network),
            "figures": [{"count": n, "label": label, "href": self.url(page, None)} for n, label, page in figures],
            "map": self.members_map(c.records("members"), HOME_MAP_HEIGHT),
            "upcoming": self.next_events(),
            "news": [self.news_teaser(n) for n in c.news()[:LATEST_NEWS_ON_HOME]],
            "calendar_href": self.url("calendar", None), "news_href": self.url("news", None),
            "paths": [{"link": Link(self.url(page, None), w(f"home.path.{page}")), "text": w(f"home.path.{page}.text")}
                      for page in ("network", "projects", "contribute")],
            "scripts": self.scripts("calendar"),
        }

    def view_network(self) -> dict:
        return {"network": self.local(self.catalog.network)}

    def member_view(self, member: dict) -> dict:
        """A member in this language; a representative without a local title has `local_title` None."""
        people = [{"local_title": None, **self.local(person)} for person in member["representatives"]]
        return {**self.local(member), "representatives": people}

    def members_map(self, members: list, height: float | None = None) -> dict:
        """The map of `members` that have coordinates; its caption points to the list, which also names the others.
        With a `height` (CSS pixels), a small map drawn to that height."""
        w, boundaries = self.w, load_boundaries()
        places = [Place(m["id"], m["name"][self.lang], self.record_url("members", m["id"]), m["coordinates"]["lon"],
                        m["coordinates"]["lat"]) for m in members if m["coordinates"]]
        country_names = {country.code: w(("country." if country.is_member_country else "map.country.") + country.code)
                         for country in boundaries.countries if country.label_point}
        return {
            "map": members_map_view(boundaries, places, country_names, w("map.label"), height),
            "caption": w("map.caption" if len(places) != 1 else "map.caption_one", count=len(places)),
            "list_link": Link(self.url("members", f"country-{self.catalog.countries()[0].lower()}"), w("map.list_link")),
            "unplaced": self.refs("members", [m["id"] for m in members if not m["coordinates"]]),
        }

    def view_members(self) -> dict:
        w, c = self.w, self.catalog
        countries = []
        for country in c.countries():
            members = [{**self.member_view(member),
                        "projects": [self.ref("projects", p["id"]) for p in c.projects_with("members", member["id"])],
                        "page": Link(self.record_url("members", member["id"]), w("member.page_link", name=member["name"][self.lang]))}
                       for member in c.members_in(country)]
            countries.append({"code": country, "anchor": f"country-{country.lower()}", "members": members})
        return {"map": self.members_map(c.records("members")), "countries": countries}

    def view_themes(self) -> dict:
        c = self.catalog
        kinds = []
        for kind in ("main", "cross-cutting"):
            themes = [{**self.local(theme), "linked": self.refs("themes", theme["linked_themes"]),
                       "projects": [self.ref("projects", p["id"]) for p in c.projects_with("themes", theme["id"])]}
                      for theme in c.records("themes") if theme["kind"] == kind]
            kinds.append({"kind": kind, "themes": themes})
        return {"kinds": kinds}

    def period(self, project: dict) -> str:
        period = project.get("period")
        if not period:
            return "—"
        start, end = period.get("start_year"), period.get("end_year")
        if start and end:
            return f"{start}{self.w('date.range_sep')}{end}"
        return self.w("project.since", year=start) if start else self.w("project.until", year=end)

    def project_countries(self, project: dict) -> list[str]:
        return list(dict.fromkeys(self.catalog.by_id["members"][m]["country"] for m in project["members"]))

    def project_view(self, project: dict) -> dict:
        """A project with its links and facts, as its card and its page show it."""
        return {
            **self.local(project),
            "link": self.ref("projects", project["id"]),
            "themes": self.refs("themes", project["themes"]),
            "members": self.refs("members", project["members"]),
            "countries": self.project_countries(project),
            "period": self.period(project),
            "partners": self.refs("partners", project["partners"]),
            "related": self.refs("projects", project.get("related_projects", [])),
            "filter_attributes": self.project_attributes(project),
        }

    def project_attributes(self, project: dict) -> dict:
        """What the catalog's filters read on each project card."""
        return {"data-themes": " ".join(project["themes"]), "data-members": " ".join(project["members"]),
                "data-country": " ".join(self.project_countries(project)), "data-status": project["status"]}

    def catalog_filters(self, projects: list) -> dict:
        """The filter form of the catalog: hidden without JavaScript (every project is listed), shown as the page is read,
        worked by filters.js."""
        w, c = self.w, self.catalog
        cards = [self.project_attributes(p) for p in projects]

        def select(name: str, label: str, options: list) -> dict:
            attribute = CATALOG_ATTRIBUTES[name]
            return {"name": name, "label": label, "attribute": attribute, "choices": self.choices(options, attribute, cards)}

        used_themes = [t for t in c.records("themes") if c.projects_with("themes", t["id"])]
        used_members = [m for m in c.records("members") if c.projects_with("members", m["id"])]
        countries = list(dict.fromkeys(country for p in projects for country in self.project_countries(p)))
        statuses = list(dict.fromkeys(p["status"] for p in projects))
        return {"selects": [
            select("theme", w("project.themes"), [(t["id"], t["name"][self.lang]) for t in used_themes]),
            select("country", w("catalog.country"), [(code, w(f"country.{code}")) for code in countries]),
            select("member", w("project.members"), [(m["id"], m["name"][self.lang]) for m in used_members]),
            select("status", w("project.status"), [(s, w(f"project.status.{s}")) for s in statuses]),
        ]}

    def view_projects(self) -> dict:
        projects = self.catalog.records("projects")
        return {"projects": [self.project_view(p) for p in projects], "filters": self.catalog_filters(projects),
                "scripts": self.scripts("filters")}

    def related_events_and_news(self, field_name: str, record_id: str) -> dict:
        c = self.catalog
        return {"events": [self.event_item(e) for e in c.events_with(field_name, record_id)],
                "news": [self.news_teaser(n) for n in c.news_with(field_name, record_id)]}

    def map_of(self, members: list) -> dict | None:
        """A record's members on the map, when at least one of them has a place."""
        return self.members_map(members, RECORD_MAP_HEIGHT) if any(m["coordinates"] for m in members) else None

    def view_project(self, project: dict) -> dict:
        c = self.catalog
        return {"project": self.project_view(project),
                "sources": [c.by_id["sources"][s]["title"][self.lang] for s in project["sources"]],
                "map": self.map_of([c.by_id["members"][m] for m in project["members"]]),
                **self.related_events_and_news("projects", project["id"]),
                "all_projects": self.url("projects", None)}

    def view_member(self, member: dict) -> dict:
        c = self.catalog
        return {"member": self.member_view(member), "map": self.map_of([member]),
                "projects": [{"link": self.ref("projects", p["id"]), "status": p["status"]}
                             for p in c.projects_with("members", member["id"])],
                **self.related_events_and_news("members", member["id"]),
                "all_members": self.url("members", member["id"])}

    def view_action_plan(self) -> dict:
        plan = self.catalog.action_plan
        return {"plan": self.local(plan), "action_count": len(self.catalog.actions())}

    def view_roadmap(self) -> dict:
        roadmap = self.catalog.roadmap
        return {"roadmap": self.local(roadmap),
                "themes": {p["theme"]: self.ref("themes", p["theme"]) for p in roadmap["thematic_plans"]},
                "partners": {t["partner"]: self.ref("partners", t["partner"]) for t in roadmap["partnership_targets"]}}

    def view_news(self) -> dict:
        """The news page: a card per item (its title linked to its page, its date, its summary), newest first."""
        return {"news": [self.news_teaser(item) for item in self.catalog.news()],
                "feed_href": self.url("index", None) + FEED_FILES["news"]}

    def view_news_item(self, item: dict) -> dict:
        """A news item's own page: its facts, its body, the records it names."""
        w, c = self.w, self.catalog
        related = [(w(f"news.related.{kind}"), self.refs(kind, item[kind])) for kind in ("events", "projects", "members", "themes")]
        return {"news": {"date_note": None, **self.local(item), "date": self.dated(PartialDate.parse(item["date"])),
                         "body_html": Markup(markdown_text(item["body"][self.lang])),
                         "source_language": w(f"news.language.{item['source_language']}"),
                         "translated": item["source_language"] != self.lang},
                "sources": [c.by_id["sources"][s]["title"][self.lang] for s in item["sources"]],
                "related": [(label, links) for label, links in related if links],
                "all_news": self.url("news", item["id"])}

    def view_partners(self) -> dict:
        return {"partners": self.local(self.catalog.records("partners"))}
