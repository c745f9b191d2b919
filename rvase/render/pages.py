"""One function per page of the site. Each returns Markdown (headings) with HTML blocks (data)."""
import datetime
from collections.abc import Callable

from ..catalog import Catalog, Event
from ..dates import PartialDate
from ..feeds import FEED_FILES
from ..geo import load_boundaries
from ..record_pages import RECORD_PAGE_FOLDERS
from .calendar import CalendarPages
from .html import block, el, esc, filter_select, items, link, markdown_text, md_heading, shown_where_scripts_run, table, void
from .map import Place, render_map

# The data file that feeds each page: where "Edit this page" leads a maintainer.
DATA_FILE_OF_PAGE = {
    "index": "data/network.yaml", "network": "data/network.yaml", "members": "data/members.yaml",
    "themes": "data/themes.yaml", "projects": "data/projects.yaml", "action-plan": "data/action_plan.yaml",
    "roadmap": "data/roadmap.yaml", "calendar": "data/events.yaml", "news": "data/news.yaml",
    "partners": "data/partners.yaml",
}


# The partners page's sections, in order; the home page counts the first one only.
PARTNER_RELATIONSHIPS = ("partner", "contact", "planned_contact", "mentioned")

# filter name → the attribute of a project card it matches (docs/javascripts/filters.js)
CATALOG_ATTRIBUTES = {"theme": "data-themes", "country": "data-country", "member": "data-members", "status": "data-status"}


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
    def t(self, text: dict) -> str:
        """The escaped text of a bilingual field in this language."""
        return esc(text[self.lang])

    def label(self, text: str) -> str:
        """`text` followed by a colon, spaced as the language wants it."""
        return esc(text) + esc(self.w("punctuation.colon"))

    def title(self, page: str) -> str:
        return f"# {esc(self.w('page.' + page))}\n\n"

    def record_url(self, kind: str, record_id: str) -> str:
        """The address of a record, relative to the page being built."""
        if kind in RECORD_PAGE_FOLDERS:  # a record with a page of its own
            return self.url(f"{RECORD_PAGE_FOLDERS[kind]}/{record_id}", None)
        page = {"themes": "themes", "events": "calendar", "news": "news", "partners": "partners"}[kind]
        return self.url(page, record_id)

    def ref(self, kind: str, record_id: str) -> str:
        """A link to a record, labelled with its name or title."""
        record = self.catalog.by_id[kind][record_id]
        label = record["title" if kind in ("events", "news") else "name"][self.lang]
        return link(self.record_url(kind, record_id), label)

    def refs(self, kind: str, ids: list) -> str:
        return ", ".join(self.ref(kind, i) for i in ids)

    def date(self, date: PartialDate) -> str:
        month = self.w(f"month.{date.month}") if date.month else ""
        if date.precision == "year":
            return str(date.year)
        if date.precision == "month":
            return f"{month} {date.year}"
        return f"{date.day} {month} {date.year}" if self.lang == "fr" else f"{date.day} {month.capitalize()} {date.year}"

    def date_range(self, start: PartialDate, end: PartialDate) -> str:
        if start == end:
            text = self.date(start)
        elif start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
            text = f"{start.day}{self.w('date.range_sep')}{self.date(end)}"
        else:
            text = f"{self.date(start)} {self.w('date.range_sep')} {self.date(end)}"
        return esc(text)

    def time_element(self, date: PartialDate, text: str) -> str:
        return el("time", text, datetime=date.iso())

    # -- as of when, from which source; maintainers' notes -------------------------------------
    def dated(self, as_of: dict, phrase: str) -> str:
        """`as_of`'s date in a phrase of the language: `as_of` ("au 18 mai 2023", "en décembre 2022") or `on`
        ("le 18 mai 2023", "en mai 2023")."""
        date = PartialDate.parse(as_of["date"])
        return self.w(f"as_of.{phrase}.{date.precision}", date=self.date(date))

    def source_short(self, as_of: dict) -> str:
        return self.catalog.by_id["sources"][as_of["source"]]["short"][self.lang]

    def status_as_of(self, status: str, as_of: dict) -> str:
        """A status followed by as of when and which source: « En cours (au 18 mai 2023, réunion annuelle) »."""
        return esc(status) + " " + el("span", esc(self.w("as_of.status", when=self.dated(as_of, "as_of"),
                                                              source=self.source_short(as_of))), class_="rvase-as-of")

    def as_of_line(self, as_of: dict, kind: str = "stated") -> str:
        """A line saying when a state (`stated`), a decision (`decided`) or an announcement (`announced`) was made, by
        which source, and that no later status is known."""
        phrase = "as_of" if kind == "stated" else "on"
        return el("p", esc(self.w(f"as_of.{kind}", when=self.dated(as_of, phrase), source=self.source_short(as_of))),
                  class_="rvase-as-of")

    def shared_as_of_line(self, records: list, kind: str = "stated") -> str:
        """One line for records that share one `as_of` (a table, a list); one per distinct `as_of` otherwise."""
        return "".join(dict.fromkeys(self.as_of_line(r["as_of"], kind) for r in records))

    def sources_and_notes(self, source_ids: list, noted: list, compact: bool = False) -> str:
        """The record's discreet "Sources and notes" part, closed by default: its sources (with those of the `as_of` of
        each of `noted`, (label or None, record) pairs) and the maintainers' `note` of each record and source listed.
        Notes appear nowhere else on the site."""
        w = self.w
        ids = list(dict.fromkeys(list(source_ids) + [r["as_of"]["source"] for _, r in noted if r.get("as_of")]))
        sources = [self.catalog.by_id["sources"][i] for i in ids]
        if compact:  # one line of short names (the calendar lists many events and must stay light)
            shorts = dict.fromkeys(s["short"][self.lang] for s in sources)
            parts = [el("p", self.label(w("sources.sources")) + esc(", ".join(shorts)))]
        else:
            parts = [el("p", el("strong", esc(w("sources.sources")))) + items([self.t(s["title"]) for s in sources])]
        notes = [(label, r["note"]) for label, r in noted if r.get("note")]
        notes += [(s["title"][self.lang], s["note"]) for s in sources if s.get("note")]
        if notes:
            parts.append(el("p", el("strong", esc(w("sources.notes"))))
                         + items([(self.label(label) if label else "") + self.t(note) for label, note in notes], class_="rvase-notes"))
        return el("details", el("summary", esc(w("sources.summary"))) + "".join(parts), class_="rvase-sources")

    # -- pages ---------------------------------------------------------------------------------
    def render(self, page: str) -> str:
        return getattr(self, "page_" + page.replace("-", "_"))()

    def scripts(self, *names: str) -> str:
        """The site's scripts a page needs (docs/javascripts/), deferred, in the order given: only the pages whose parts
        use them load them (calendar.js: events upcoming or past at view time; filters.js: the filter forms), so
        the other pages are lighter on first load."""
        return "".join(f'<script src="{esc(self.site_file(f"javascripts/{name}.js"))}" defer></script>' for name in names)

    def description(self, page: str) -> str:
        """A sentence that describes a section page, for link previews and search engines (plain text)."""
        return self.w(f"share.{page}")

    def record_description(self, kind: str, record_id: str) -> str:
        record = self.catalog.by_id[kind][record_id]
        if kind == "projects":
            return record["summary"][self.lang]
        return self.w("share.member", name=record["name"][self.lang], country=self.w(f"country.{record['country']}"))

    def render_record(self, kind: str, record_id: str) -> str:
        record = self.catalog.by_id[kind][record_id]
        return {"projects": self.page_project, "members": self.page_member}[kind](record)

    def page_index(self) -> str:
        c, w, network = self.catalog, self.w, self.catalog.network
        figures = [
            (len(c.records("members")), w("figure.members"), "members"),
            (len(c.countries()), w("figure.countries"), "members"),
            (len(c.records("projects")), w("figure.projects"), "projects"),
            (len(c.records("themes")), w("figure.themes"), "themes"),
            (len(c.actions()), w("figure.actions"), "action-plan"),
            (len(c.partners("partner")), w("figure.partners_working"), "partners"),
        ]
        figure_items = [el("a", el("strong", str(n)) + " " + esc(label), href=self.url(page, None))
                        for n, label, page in figures]
        return (
            f"# {self.t(network['name'])}\n\n"
            + md_heading(2, w("home.ambition"))
            + block(el("p", self.t(network["ambition"]), class_="rvase-ambition"))
            + block(el("p", self.t(network["presentation"])))
            + md_heading(2, w("home.figures"))
            + block(items(figure_items, class_="rvase-figures"))
            + md_heading(2, w("home.next_events"))
            + block(self.next_events())
            + block(el("p", link(self.url("calendar", None), w("home.all_events"))))
            + md_heading(2, w("home.latest_news"))
            + block(items([self.news_teaser(n) for n in c.news()[:3]], class_="rvase-news-list"))
            + block(el("p", link(self.url("news", None), w("home.all_news"))))
            + block(self.scripts("calendar"))
        )

    def page_network(self) -> str:
        n, w = self.catalog.network, self.w
        aimf, partnership = n["aimf"], n["partnership"]
        regional = [self.t(r) for r in n["regional_networks"]]
        regional[-1] += " " + esc(w("network.this_network"))
        modalities = "".join(
            md_heading(3, m["title"][self.lang], m["id"]) + block(items([self.t(i) for i in m["items"]]))
            for m in n["modalities"])
        people = [f"{esc(p['name'])} — {self.t(p['title'])}" for p in n["aimf_people"]]
        return (
            self.title("network")
            + block(el("p", self.t(n["ambition"]), class_="rvase-ambition"))
            + md_heading(2, w("network.presentation"), "presentation")
            + block(el("p", self.t(n["presentation"])))
            + md_heading(2, w("network.aimf"), "aimf")
            + block(el("p", esc(w("network.aimf_founded", year=aimf["founded_year"], cities=aimf["founding_cities"],
                                       founders=aimf["founders"][self.lang])))
                    + el("p", self.t(aimf["mission"])) + el("p", self.t(aimf["operator"])))
            + md_heading(2, w("network.partnership"), "partnership")
            + block(el("p", self.t(partnership["aim"])) + el("p", self.t(partnership["local_role"])))
            + md_heading(3, w("network.regional_networks"), "regional-networks")
            + block(items(regional))
            + md_heading(2, w("network.functioning"), "functioning")
            + block(self.as_of_line(n["as_of"]) + items([self.t(f) for f in n["functioning"]]))
            + md_heading(2, w("network.modalities"), "modalities")
            + modalities
            + md_heading(2, w("network.coordinator"), "coordinator")
            + block(el("p", el("strong", esc(n["coordinator"]["name"])) + ", " + self.t(n["coordinator"]["role"]))
                    + items([self.t(d) for d in n["coordinator"]["duties"]]))
            + md_heading(3, w("network.aimf_people"), "aimf-people")
            + block(items(people))
            + block(self.sources_and_notes(n["sources"], [(None, n)]))
        )

    def representative(self, person: dict) -> str:
        local = person.get("local_title")
        local_html = f" ({el('span', esc(local['text']), lang=local['lang'])})" if local else ""
        return (f"{self.t(person['honorific'])} {el('strong', esc(person['name']))}, {self.t(person['title'])}"
                f"{local_html}. {self.t(person['occasion'])}")

    def members_map(self, members: list) -> str:
        """The map of `members` that have coordinates; its caption points to the list, which also names the others."""
        w, boundaries = self.w, load_boundaries()
        places = [Place(m["id"], m["name"][self.lang], self.record_url("members", m["id"]), m["coordinates"]["lon"],
                        m["coordinates"]["lat"]) for m in members if m["coordinates"]]
        country_names = {country.code: w(("country." if country.is_member_country else "map.country.") + country.code)
                         for country in boundaries.countries if country.label_point}
        caption = esc(w("map.caption" if len(places) != 1 else "map.caption_one", count=len(places))) + " " + link(
            self.url("members", f"country-{self.catalog.countries()[0].lower()}"), w("map.list_link")) + "."
        unplaced = [m for m in members if not m["coordinates"]]
        if unplaced:
            caption += " " + self.label(w("map.not_on_map")) + self.refs("members", [m["id"] for m in unplaced]) + "."
        return el("figure", render_map(boundaries, places, country_names, w("map.label")) + el("figcaption", caption),
                  class_="rvase-map-figure")

    def page_members(self) -> str:
        w, c = self.w, self.catalog
        out = (self.title("members") + block(self.members_map(c.records("members")))
               + block(el("p", esc(w("member.focal_point_note")))))
        for country in c.countries():
            out += md_heading(2, w(f"country.{country}"), f"country-{country.lower()}")
            for member in c.members_in(country):
                projects = [self.ref("projects", p["id"]) for p in c.projects_with("members", member["id"])]
                facts = [(w("member.kind"), esc(w(f"member.kind.{member['kind']}"))),
                         (w("member.focal_point"), self.focal_point(member))]
                if member["representatives"]:
                    facts.append((w("member.representatives"), items([self.representative(p) for p in member["representatives"]])))
                if projects:
                    facts.append((w("member.projects"), items(projects)))
                out += md_heading(3, member["name"][self.lang], member["id"])
                out += block(el("dl", "".join(el("dt", esc(k)) + el("dd", v) for k, v in facts), class_="rvase-facts")
                             + el("p", link(self.record_url("members", member["id"]), w("member.page_link", name=member["name"][self.lang]))))
        return out

    def focal_point(self, member: dict) -> str:
        return self.status_as_of(self.w(f"member.focal_point.{member['focal_point']}"), member["as_of"])

    def project_status(self, project: dict) -> str:
        return self.status_as_of(self.w(f"project.status.{project['status']}"), project["as_of"])

    def page_themes(self) -> str:
        w, c = self.w, self.catalog
        out = self.title("themes") + block(self.shared_as_of_line(c.records("themes")))
        for kind in ("main", "cross-cutting"):
            out += md_heading(2, w(f"theme.{kind}"), kind)
            for theme in (t for t in c.records("themes") if t["kind"] == kind):
                projects = c.projects_with("themes", theme["id"])
                linked = [self.ref("themes", t) for t in theme["linked_themes"]] + [self.t(t) for t in theme["linked_topics"]]
                out += md_heading(3, theme["name"][self.lang], theme["id"])
                out += block(el("p", self.t(theme["description"])))
                if linked:
                    out += block(el("p", self.label(w("theme.linked")) + ", ".join(linked)))
                out += block(el("p", el("strong", esc(w("theme.projects")))) + (
                    items([self.ref("projects", p["id"]) for p in projects]) if projects
                    else el("p", esc(w("theme.no_projects")))))
        themes = c.records("themes")
        return out + block(self.sources_and_notes([], [(t["name"][self.lang], t) for t in themes]))

    def period(self, project: dict) -> str:
        period = project.get("period")
        if not period:
            return "—"
        start, end = period.get("start_year"), period.get("end_year")
        if start and end:
            return f"{start}{self.w('date.range_sep')}{end}"
        return esc(self.w("project.since", year=start) if start else self.w("project.until", year=end))

    def project_countries(self, project: dict) -> list[str]:
        return list(dict.fromkeys(self.catalog.by_id["members"][m]["country"] for m in project["members"]))

    def facts(self, pairs: list) -> str:
        """A definition list of (label, HTML value) pairs; empty values are left out."""
        return el("dl", "".join(el("dt", esc(k)) + el("dd", v) for k, v in pairs if v), class_="rvase-facts")

    def project_facts(self, project: dict) -> list:
        w = self.w
        return [
            (w("project.status"), self.project_status(project)),
            (w("project.themes"), self.refs("themes", project["themes"])),
            (w("project.members"), self.refs("members", project["members"]) or esc(w("project.multi_member"))),
            (w("project.countries"), ", ".join(esc(w(f"country.{c}")) for c in self.project_countries(project))),
            (w("project.period"), self.period(project)),
            (w("project.partners"), self.refs("partners", project["partners"])),
            (w("project.related"), self.refs("projects", project.get("related_projects", []))),
        ]

    def project_attributes(self, project: dict) -> dict:
        """What the catalog's filters read on each project card."""
        return {"data_themes": " ".join(project["themes"]), "data_members": " ".join(project["members"]),
                "data_country": " ".join(self.project_countries(project)), "data_status": project["status"]}

    def catalog_filters(self, projects: list) -> str:
        """The filter form of the catalog: hidden without JavaScript (every project is listed), shown as the page is read
        (shown_where_scripts_run), worked by filters.js."""
        w, c = self.w, self.catalog

        cards = [self.project_attributes(p) for p in projects]

        def select(name: str, label: str, options: list) -> str:
            return filter_select(name, label, w("catalog.any"), options, CATALOG_ATTRIBUTES[name], cards)

        used_themes = [t for t in c.records("themes") if c.projects_with("themes", t["id"])]
        used_members = [m for m in c.records("members") if c.projects_with("members", m["id"])]
        countries = list(dict.fromkeys(country for p in projects for country in self.project_countries(p)))
        statuses = list(dict.fromkeys(p["status"] for p in projects))
        fields = (
            el("div", el("label", esc(w("catalog.text")), for_="filter-q")
               + void("input", id="filter-q", name="q", type="search", autocomplete="off"), class_="rvase-filter rvase-filter-text")
            + select("theme", w("project.themes"), [(t["id"], t["name"][self.lang]) for t in used_themes])
            + select("country", w("catalog.country"), [(code, w(f"country.{code}")) for code in countries])
            + select("member", w("project.members"), [(m["id"], m["name"][self.lang]) for m in used_members])
            + select("status", w("project.status"), [(s, w(f"project.status.{s}")) for s in statuses])
        )
        return el("form", el("fieldset", el("legend", esc(w("catalog.filters"))) + fields
                             + el("button", esc(w("catalog.reset")), type="reset", class_="md-button")),
                  class_="rvase-filters rvase-catalog-filters", hidden="hidden", role="search", aria_label=w("catalog.filters"),
                  data_items=".rvase-project-card",
                  data_count_one=w("catalog.count_one"), data_count_many=w("catalog.count_many"))

    def page_projects(self) -> str:
        w, c = self.w, self.catalog
        projects = c.records("projects")
        cards = []
        for project in projects:
            name = project["name"][self.lang]
            facts = [(w("project.status"), self.project_status(project)),
                     (w("project.themes"), self.refs("themes", project["themes"])),
                     (w("project.members"), self.refs("members", project["members"]) or esc(w("project.multi_member"))),
                     (w("project.period"), self.period(project))]
            cards.append(el("article", el("h2", link(self.record_url("projects", project["id"]), name))
                            + el("p", self.t(project["summary"])) + self.facts(facts),
                            class_="rvase-project-card", id=project["id"], **self.project_attributes(project)))
        return (self.title("projects")
                + block(el("p", esc(w("catalog.intro", count=len(projects)))))
                + block(shown_where_scripts_run(self.catalog_filters(projects))
                        + el("p", esc(w("catalog.count_many", count=len(projects))), class_="rvase-catalog-count",
                             role="status", aria_live="polite")
                        + el("div", "".join(cards), class_="rvase-catalog")
                        + el("p", esc(w("catalog.none")), class_="rvase-catalog-none", hidden="hidden"))
                + block(self.scripts("filters")))

    def related_events_and_news(self, field_name: str, record_id: str) -> str:
        w, c = self.w, self.catalog
        out = ""
        events = c.events_with(field_name, record_id)
        if events:
            out += md_heading(2, w("record.events"), "events") + block(items([self.event_item(e) for e in events], class_="rvase-events"))
        news = c.news_with(field_name, record_id)
        if news:
            out += md_heading(2, w("record.news"), "news") + block(items([self.news_teaser(n) for n in news], class_="rvase-news-list"))
        return out

    def map_section(self, members: list) -> str:
        """A record's members on the map, when at least one of them has a place."""
        if not any(m["coordinates"] for m in members):
            return ""
        return md_heading(2, self.w("record.map"), "map") + block(self.members_map(members))

    def page_project(self, project: dict) -> str:
        w, c = self.w, self.catalog
        return (md_heading(1, project["name"][self.lang])
                + block(el("p", self.t(project["summary"]), class_="rvase-lead") + self.facts(self.project_facts(project)))
                + self.map_section([c.by_id["members"][m] for m in project["members"]])
                + self.related_events_and_news("projects", project["id"])
                + block(self.sources_and_notes(project["sources"], [(None, project)]))
                + block(el("p", link(self.url("projects", None), w("record.all_projects")))))

    def page_member(self, member: dict) -> str:
        w, c = self.w, self.catalog
        facts = [(w("member.country"), esc(w(f"country.{member['country']}"))),
                 (w("member.kind"), esc(w(f"member.kind.{member['kind']}"))),
                 (w("member.focal_point"), self.focal_point(member))]
        out = md_heading(1, member["name"][self.lang]) + block(self.facts(facts)) + self.map_section([member])
        if member["representatives"]:
            out += md_heading(2, w("member.representatives"), "representatives") + block(
                items([self.representative(p) for p in member["representatives"]]))
        projects = c.projects_with("members", member["id"])
        out += md_heading(2, w("member.projects"), "projects") + block(
            items([self.ref("projects", p["id"]) + " — " + self.project_status(p) for p in projects]) if projects
            else el("p", esc(w("member.no_projects"))))
        out += self.related_events_and_news("members", member["id"])
        out += block(self.sources_and_notes(member["sources"], [(None, member)]))
        return out + block(el("p", link(self.url("members", member["id"]), w("record.all_members"))))

    def page_action_plan(self) -> str:
        w, plan = self.w, self.catalog.action_plan
        out = self.title("action-plan")
        out += block(el("p", esc(w("plan.summary", actions=len(self.catalog.actions()), axes=len(plan["axes"])))))
        out += block(self.shared_as_of_line(self.catalog.actions()))
        out += md_heading(2, w("plan.goals"), "goals") + block(items([self.t(g) for g in plan["goals"]]))
        head = [w("plan.number"), w("plan.activities"), w("plan.achieved"), w("plan.planned"), w("plan.suggestions")]
        empty = el("span", esc(w("plan.empty")), class_="rvase-empty")
        for axis in plan["axes"]:
            actions = axis["actions"]
            rows = [[str(a["number"])] + [self.t(a[k]) if a[k] else empty for k in ("activities", "achieved", "planned", "suggestions")]
                    for a in actions]
            out += md_heading(2, w("plan.axis", number=axis["number"], title=axis["title"][self.lang]), axis["id"])
            caption = w("plan.table_caption", number=axis["number"], first=actions[0]["number"], last=actions[-1]["number"])
            caption += w("plan.caption_as_of", when="; ".join(dict.fromkeys(self.dated(a["as_of"], "as_of") for a in actions)))
            out += block(table(caption, head, rows, row_ids=[f"action-{a['number']}" for a in actions], class_="rvase-action-plan"))
        noted = [(None, plan)] + [(w("plan.action", number=a["number"]), a) for a in self.catalog.actions()]
        return out + block(self.sources_and_notes(plan["sources"], noted))

    def page_roadmap(self) -> str:
        w, roadmap = self.w, self.catalog.roadmap
        points = [el("strong", self.t(p["title"])) + (items([self.t(d) for d in p["details"]]) if p["details"] else "")
                  for p in roadmap["points"]]
        plans = [[self.t(p["title"]), self.ref("themes", p["theme"]),
                  str(p["start_year"]) if p["start_year"] == p["end_year"] else f"{p['start_year']}{w('date.range_sep')}{p['end_year']}",
                  esc(w("roadmap.plan_status", when=self.dated(p["as_of"], "on"), source=self.source_short(p["as_of"])))]
                 for p in roadmap["thematic_plans"]]
        targets = [el("strong", self.ref("partners", t["partner"])) + " — " + self.t(t["action"]) for t in roadmap["partnership_targets"]]
        identity = roadmap["identity_document"]
        noted = ([(None, roadmap)] + [(w("roadmap.point", number=p["number"]), p) for p in roadmap["points"]]
                 + [(p["title"][self.lang], p) for p in roadmap["thematic_plans"]]
                 + [(c["name"][self.lang], t) for t in roadmap["partnership_targets"] for c in [self.catalog.by_id["partners"][t["partner"]]]]
                 + [(w("roadmap.identity"), identity)])
        return (
            self.title("roadmap")
            + md_heading(2, w("roadmap.points"), "points")
            + block(self.shared_as_of_line(roadmap["points"], "decided") + items(points, tag="ol"))
            + md_heading(2, w("roadmap.thematic_plans"), "thematic-plans")
            + block(table(w("roadmap.plan_caption"), [w("roadmap.plan"), w("roadmap.theme"), w("roadmap.period"), w("roadmap.status")], plans))
            + md_heading(2, w("roadmap.partnerships"), "partnerships")
            + block(self.shared_as_of_line(roadmap["partnership_targets"], "decided") + items(targets))
            + md_heading(2, w("roadmap.identity"), "identity")
            + block(el("p", self.t(identity["text"])) + self.as_of_line(identity["as_of"], "decided"))
            + block(self.sources_and_notes(roadmap["sources"], noted))
        )

    def news_teaser(self, news: dict) -> str:
        date = PartialDate.parse(news["date"])
        return (el("strong", self.ref("news", news["id"])) + " — " + self.time_element(date, esc(self.date(date)))
                + el("p", self.t(news["summary"])))

    def page_news(self) -> str:
        w, c = self.w, self.catalog
        out = self.title("news") + block(el("p", link(self.url("index", None) + FEED_FILES["news"], w("feed.news_link"),
                                                       type="application/atom+xml"), class_="rvase-subscribe"))
        for news in c.news():
            date = PartialDate.parse(news["date"])
            meta = self.time_element(date, esc(self.date(date)))
            if news["source_language"] != self.lang:
                meta += " " + el("em", esc(w("news.translated_from")))
            related = [self.ref(kind, i) for kind in ("events", "projects", "members", "themes") for i in news[kind]]
            out += md_heading(2, news["title"][self.lang], news["id"])
            out += block(el("p", meta, class_="rvase-news-meta") + el("p", el("strong", self.t(news["summary"])))
                         + el("div", markdown_text(news["body"][self.lang]), class_="rvase-news-body")
                         + (el("p", self.label(w("news.related")) + ", ".join(related)) if related else "")
                         + self.sources_and_notes(news["sources"], [(None, news)]))
        return out

    def page_partners(self) -> str:
        """One section per relationship: partners first (the home page counts them), then contacts made, contacts the
        network planned in 2023, and other organisations the sources name."""
        w, c = self.w, self.catalog
        out = self.title("partners")
        for relationship in PARTNER_RELATIONSHIPS:
            partners = c.partners(relationship)
            if not partners:
                continue
            rows = [[el("strong", self.t(p["name"])), esc(w(f"partner.kind.{p['kind']}")), self.t(p["role"])] for p in partners]
            out += md_heading(2, w(f"partner.section.{relationship}"), relationship.replace("_", "-"))
            out += block(el("p", esc(w(f"partner.section_intro.{relationship}")))
                         + self.shared_as_of_line(partners)
                         + table(w(f"partner.caption.{relationship}"), [w("partner.name"), w("partner.kind"), w("partner.role")],
                                 rows, row_ids=[p["id"] for p in partners]))
        return out + block(self.sources_and_notes([], [(p["name"][self.lang], p) for p in c.records("partners")]))
