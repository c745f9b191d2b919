"""One view per page of the site: the records a page shows, in their order, with their links and the words of the
language. The markup is in rvase/templates/ (`pages/<page>.md`, `records/<kind>.md`): Markdown headings, so they
enter the table of contents, around HTML blocks."""
import collections
import datetime
from collections.abc import Callable

from markupsafe import Markup

from ..catalog import Catalog
from ..dates import PartialDate
from ..exports import EXPORTS_FOLDER, PACKAGE_FILE, current_open_data
from ..geo import load_boundaries
from ..news_markdown import markdown_text
from ..site_map import KIND, PAGE, Addresses
from .calendar import CalendarPages
from .map import Place, members_map_view
from .templating import render_template
from .views import Choice, Dated, Link, in_language, web_address, web_link

# The partners page's sections, in order; the home page counts the first one only.
PARTNER_RELATIONSHIPS = ("partner", "contact", "planned_contact", "mentioned")
# How tall a map is on a record's page, in CSS pixels: the page leads with its facts, the map comes small, after them.
RECORD_MAP_HEIGHT = 320
# The home page's map of every member, beside the figures: as tall as they are on a desktop.
HOME_MAP_HEIGHT = 480
# How many news items the home page shows as cards.
LATEST_NEWS_ON_HOME = 3

# filter name → the attribute of a project card it matches (docs/javascripts/filters.js)
CATALOG_ATTRIBUTES = {"theme": "data-themes", "country": "data-country", "member": "data-members", "status": "data-status"}


class PageRenderer(CalendarPages):
    """Renders pages in one language. `link(path)` gives the address of a path of the site map (from this language's
    home: "members/", "themes/#water") relative to the page being built."""

    def __init__(self, catalog: Catalog, lang: str, link: Callable[[str], str], today: datetime.date,
                 addresses: Addresses = Addresses(), site_file: Callable[[str], str] = lambda path: "/" + path):  # noqa: B008
        """`addresses` knows the site's own address (full addresses, for feeds, sharing, structured data and the open
        data); `site_file(path)` gives the address, relative to the page being built, of a file at the site's root
        (scripts, open data)."""
        self.catalog, self.lang, self.link, self.today, self.addresses = catalog, lang, link, today, addresses
        self.root, self.site_file = addresses.root(lang), site_file
        self.w = catalog.words(lang)

    # -- small pieces --------------------------------------------------------------------------
    def local(self, value):
        return in_language(value, self.lang)

    def url(self, page: str, anchor: str | None = None) -> str:
        """The address of a section page (at an element of it), relative to the page being built."""
        return self.link(self.addresses.page(page, anchor))

    def record_url(self, kind: str, record_id: str) -> str:
        """The address of a record (its own page, else its place on its list), relative to the page being built."""
        return self.link(self.addresses.record(kind, record_id))

    def list_url(self, kind: str, record_id: str) -> str:
        """The address of a record on the page that lists its kind, relative to the page being built."""
        return self.link(self.addresses.list_anchor(kind, record_id))

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

    # -- as of when, from which source; maintainers' notes -------------------------------------
    def as_of_words(self, as_of: dict, phrase: str) -> str:
        """`as_of`'s date in a phrase of the language: `as_of` ("au 18 mai 2023", "en décembre 2022") or `on`
        ("le 18 mai 2023", "en mai 2023")."""
        date = PartialDate.parse(as_of["date"])
        return self.w(f"as_of.{phrase}.{date.precision}", date=self.date(date))

    def source_short(self, as_of: dict) -> str:
        return self.catalog.by_id["sources"][as_of["source"]]["short"][self.lang]

    def status_as_of(self, status_key: str, as_of: dict) -> dict:
        """A status and, beside it, as of when and which source: « En cours » « (au 18 mai 2023, réunion annuelle) »."""
        return {"text": self.w(status_key),
                "as_of": self.w("as_of.status", when=self.as_of_words(as_of, "as_of"), source=self.source_short(as_of))}

    def as_of_line(self, as_of: dict, kind: str = "stated") -> str:
        """When a state (`stated`) or a decision (`decided`) was stated, by which source, and that nothing later is known."""
        phrase = "as_of" if kind == "stated" else "on"
        return self.w(f"as_of.{kind}", when=self.as_of_words(as_of, phrase), source=self.source_short(as_of))

    def as_of_lines(self, records: list, kind: str = "stated") -> list[str]:
        """One line for records that share one `as_of` (a table, a list); one per distinct `as_of` otherwise."""
        return list(dict.fromkeys(self.as_of_line(r["as_of"], kind) for r in records))

    def sources_and_notes(self, source_ids: list, noted: list, compact: bool = False) -> dict:
        """The record's discreet "Sources and notes" part (closed until opened): its sources, with those of the `as_of`
        of each of `noted` ((label or None, record) pairs), and the maintainers' `note` of each record and source.
        Notes appear nowhere else on the site. `compact`: the sources' short names on one line (the calendar)."""
        ids = list(dict.fromkeys(list(source_ids) + [r["as_of"]["source"] for _, r in noted if r.get("as_of")]))
        sources = [self.catalog.by_id["sources"][i] for i in ids]
        notes = [(label, r["note"][self.lang]) for label, r in noted if r.get("note")]
        notes += [(s["title"][self.lang], s["note"][self.lang]) for s in sources if s.get("note")]
        return {"sources": [] if compact else [self.source_view(i) for i in ids],
                "shorts": ", ".join(dict.fromkeys(s["short"][self.lang] for s in sources)) if compact else None,
                "notes": notes}

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

    def file_size(self, size: int) -> str:
        """A file's size in this language's words and decimal mark, in SI units (1 KB = 1,000 bytes): "9.4 KB", « 9,4 Ko »."""
        for unit, factor in (("mb", 1_000_000), ("kb", 1_000)):
            if size >= factor:
                amount = size / factor
                number = f"{amount:.1f}" if amount < 10 else f"{amount:.0f}"
                return self.w(f"opendata.size.{unit}", n=number.replace(".", self.w("number.decimal_mark")))
        return self.w("opendata.size.bytes", n=size)

    def downloads(self, *tables: str) -> dict:
        """The open-data files of a page's records (rvase/exports.py), each with its format and its size in this
        language, the data package that describes them all, and the licence."""
        files = current_open_data(self.catalog, self.addresses.site_url).files

        def download(file: str, what: str, file_format: str, mediatype: str) -> dict:
            return {"href": self.site_file(f"{EXPORTS_FOLDER}/{file}"), "type": mediatype, "file": file,
                    "text": self.w("opendata.file", what=what, format=file_format, size=self.file_size(len(files[file])))}

        listed = [download(f"{table}.{extension}", self.w(f"opendata.what.{table}"), file_format, mediatype)
                  for table in tables for extension, file_format, mediatype in
                  (("csv", "CSV", "text/csv"), ("json", "JSON", "application/json")) if f"{table}.{extension}" in files]
        listed.append(download(PACKAGE_FILE, self.w("opendata.what.package"), "JSON", "application/json"))
        licence = self.catalog.network.get("data_licence")
        return {"files": listed, "licence": Link(licence["path"], licence["title"]) if licence else None}

    def calendar_of(self, feed_file: str, name: str, note: str) -> dict:
        """The subscription and download links of a member's or a theme's own calendar."""
        return {**self.subscribe_links(feed_file), "name": name, "note": self.w(note)}

    # -- pages ---------------------------------------------------------------------------------
    def render(self, page: str) -> str:
        view = getattr(self, "view_" + page.replace("-", "_"))()
        return render_template(PAGE[page].template, w=self.w, **view)

    def render_record(self, kind: str, record_id: str) -> str:
        record = self.catalog.by_id[kind][record_id]
        view = {"projects": self.view_project, "members": self.view_member, "news": self.view_news_item,
                "events": self.view_event}[kind](record)
        return render_template(f"records/{KIND[kind].template}.md", w=self.w, **view)

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
            (len(c.partners("partner")), w("figure.partners_working"), "partners"),
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
        network = self.catalog.network
        return {"network": self.local(network), "as_of": self.as_of_line(network["as_of"]),
                "sources_part": self.sources_and_notes(network["sources"], [(None, network)])}

    def member_view(self, member: dict) -> dict:
        """A member in this language; a representative without a local title has `local_title` None."""
        people = [{"local_title": None, **self.local(person)} for person in member["representatives"]]
        return {**self.local(member), "representatives": people, "website": web_link(member.get("website"))}

    def source_view(self, source_id: str) -> dict:
        """A source document: its title, date, language and, when it is online, its address."""
        source = self.catalog.by_id["sources"][source_id]
        return {"title": source["title"][self.lang], "date": self.dated(PartialDate.parse(source["date"])),
                "language": source["language"], "url": web_address(source.get("url"))}

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
            members = [{**self.member_view(member), "focal_point_status": self.focal_point(member),
                        "projects": [self.ref("projects", p["id"]) for p in c.projects_with("members", member["id"])],
                        "page": Link(self.record_url("members", member["id"]), w("member.page_link", name=member["name"][self.lang]))}
                       for member in c.members_in(country)]
            countries.append({"code": country, "anchor": f"country-{country.lower()}", "members": members})
        return {"map": self.members_map(c.records("members")), "countries": countries,
                "open_data": self.downloads(*PAGE["members"].exports)}

    def focal_point(self, member: dict) -> dict:
        return self.status_as_of(f"member.focal_point.{member['focal_point']}", member["as_of"])

    def project_status(self, project: dict) -> dict:
        return self.status_as_of(f"project.status.{project['status']}", project["as_of"])

    def view_themes(self) -> dict:
        c = self.catalog
        kinds = []
        for kind in ("main", "cross-cutting"):
            themes = [{**self.local(theme), "linked": self.refs("themes", theme["linked_themes"]),
                       "projects": [self.ref("projects", p["id"]) for p in c.projects_with("themes", theme["id"])],
                       "calendar": self.calendar_of(self.addresses.calendar("themes", theme["id"]), theme["name"][self.lang],
                                                    "calendar.theme_feed_note")}
                      for theme in c.records("themes") if theme["kind"] == kind]
            kinds.append({"kind": kind, "themes": themes})
        themes = c.records("themes")
        return {"kinds": kinds, "themes_as_of": self.as_of_lines(themes),
                "sources_part": self.sources_and_notes([], [(t["name"][self.lang], t) for t in themes])}

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
            "status": self.project_status(project),
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
                "open_data": self.downloads(*PAGE["projects"].exports), "scripts": self.scripts("filters")}

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
                "sources_part": self.sources_and_notes(project["sources"], [(None, project)]),
                "map": self.map_of([c.by_id["members"][m] for m in project["members"]]),
                **self.related_events_and_news("projects", project["id"]),
                "all_projects": self.url("projects", None)}

    def view_member(self, member: dict) -> dict:
        c = self.catalog
        return {"member": self.member_view(member), "map": self.map_of([member]),
                "focal_point_status": self.focal_point(member),
                "projects": [{"link": self.ref("projects", p["id"]), "status": self.project_status(p)}
                             for p in c.projects_with("members", member["id"])],
                **self.related_events_and_news("members", member["id"]),
                "calendar": self.calendar_of(self.addresses.calendar("members", member["id"]), member["name"][self.lang],
                                             "calendar.member_feed_note"),
                "sources_part": self.sources_and_notes(member["sources"], [(None, member)]),
                "all_members": self.list_url("members", member["id"])}

    def view_action_plan(self) -> dict:
        plan, actions = self.catalog.action_plan, self.catalog.actions()
        captions = {axis["id"]: self.w("plan.table_caption", number=axis["number"], first=axis["actions"][0]["number"],
                                       last=axis["actions"][-1]["number"])
                    + self.w("plan.caption_as_of", when="; ".join(dict.fromkeys(self.as_of_words(a["as_of"], "as_of")
                                                                                 for a in axis["actions"])))
                    for axis in plan["axes"]}
        noted = [(None, plan)] + [(self.w("plan.action", number=a["number"]), a) for a in actions]
        return {"plan": self.local(plan), "action_count": len(actions), "plan_as_of": self.as_of_lines(actions),
                "captions": captions, "sources_part": self.sources_and_notes(plan["sources"], noted)}

    def view_roadmap(self) -> dict:
        roadmap, w = self.catalog.roadmap, self.w
        partners = self.catalog.by_id["partners"]
        identity = roadmap["identity_document"]
        noted = ([(None, roadmap)] + [(w("roadmap.point", number=p["number"]), p) for p in roadmap["points"]]
                 + [(p["title"][self.lang], p) for p in roadmap["thematic_plans"]]
                 + [(partners[t["partner"]]["name"][self.lang], t) for t in roadmap["partnership_targets"]]
                 + [(w("roadmap.identity"), identity)])
        return {"roadmap": self.local(roadmap),
                "themes": {p["theme"]: self.ref("themes", p["theme"]) for p in roadmap["thematic_plans"]},
                "partners": {t["partner"]: self.ref("partners", t["partner"]) for t in roadmap["partnership_targets"]},
                "points_as_of": self.as_of_lines(roadmap["points"], "decided"),
                "plan_status": {p["id"]: w("roadmap.plan_status", when=self.as_of_words(p["as_of"], "on"),
                                           source=self.source_short(p["as_of"])) for p in roadmap["thematic_plans"]},
                "targets_as_of": self.as_of_lines(roadmap["partnership_targets"], "decided"),
                "identity_as_of": self.as_of_line(identity["as_of"], "decided"),
                "sources_part": self.sources_and_notes(roadmap["sources"], noted)}

    def view_news(self) -> dict:
        """The news page: a card per item (its title linked to its page, its date, its summary), newest first."""
        return {"news": [self.news_teaser(item) for item in self.catalog.news()],
                "feed_href": self.url("index") + self.addresses.feed("news")}

    def view_news_item(self, item: dict) -> dict:
        """A news item's own page: its facts, its body, the records it names."""
        w, c = self.w, self.catalog
        related = [(w(f"news.related.{kind}"), self.refs(kind, item[kind])) for kind in ("events", "projects", "members", "themes")]
        return {"news": {**self.local(item), "date": self.dated(PartialDate.parse(item["date"])),
                         "body_html": Markup(markdown_text(item["body"][self.lang])),
                         "source_language": w(f"news.language.{item['source_language']}"),
                         "translated": item["source_language"] != self.lang},
                "sources": [c.by_id["sources"][s]["title"][self.lang] for s in item["sources"]],
                "sources_part": self.sources_and_notes(item["sources"], [(None, item)]),
                "related": [(label, links) for label, links in related if links],
                "all_news": self.list_url("news", item["id"])}

    def view_partners(self) -> dict:
        """One section per relationship: partners first (the home page counts them), then contacts made, contacts the
        network planned in 2023, and other organisations the sources name."""
        c = self.catalog
        sections = [{"relationship": relationship, "anchor": relationship.replace("_", "-"),
                     "as_of_lines": self.as_of_lines(partners),
                     "partners": [{**self.local(partner), "website": web_address(partner.get("website"))} for partner in partners]}
                    for relationship in PARTNER_RELATIONSHIPS for partners in [c.partners(relationship)] if partners]
        return {"sections": sections, "open_data": self.downloads(*PAGE["partners"].exports),
                "sources_part": self.sources_and_notes([], [(p["name"][self.lang], p) for p in c.records("partners")])}
