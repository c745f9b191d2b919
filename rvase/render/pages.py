"""One view per page of the site: the records a page shows, in their order, with their links and the words of the
language. The markup is in rvase/templates/ (`pages/<page>.md`, `records/<kind>.md`): Markdown headings, so they
enter the table of contents, around HTML blocks. The pieces every view uses are a `PageContext` (context.py); the
calendar's and the projects' views are in calendar.py and projects.py."""

import datetime
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..catalog import Catalog
from ..dates import PartialDate
from ..news_markdown import markdown_text
from ..schema_values import field_values
from ..site_map import KIND, PAGE, Addresses
from .calendar import CalendarViews
from .context import PageContext
from .projects import ProjectViews
from .templating import render_template
from .views import Link, web_address, web_link

# The partners page's sections, in the schema's order of relationships; the home page counts the first one only.
PARTNER_RELATIONSHIPS = field_values("partners", "relationship")
# The themes page's groups, in the schema's order of kinds.
THEME_KINDS = field_values("themes", "kind")
# How tall a map is on a record's page, in CSS pixels: the page leads with its facts, the map comes small, after them.
RECORD_MAP_HEIGHT = 320
# The home page's map of every member, beside the figures: as tall as they are on a desktop.
HOME_MAP_HEIGHT = 480
# How many news items the home page shows as cards.
LATEST_NEWS_ON_HOME = 3


class PageRenderer:
    """Renders pages in one language. `link(path)` gives the address of a path of the site map (from this language's
    home: "members/", "themes/#water") relative to the page being built."""

    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        link: Callable[[str], str],
        today: datetime.date,
        addresses: Addresses = Addresses(),  # noqa: B008 (an immutable default: the site's root)
        site_file: Callable[[str], str] = lambda path: "/" + path,
    ):
        """`addresses` knows the site's own address (full addresses, for feeds, sharing, structured data and the open
        data); `site_file(path)` gives the address, relative to the page being built, of a file at the site's root
        (scripts, open data)."""
        self.context = PageContext(catalog, lang, link, today, addresses, site_file)
        self.calendar, self.projects = CalendarViews(self.context), ProjectViews(self.context)
        self.page_views: dict[str, Callable[[], dict]] = {
            "index": self.view_index,
            "network": self.view_network,
            "members": self.view_members,
            "themes": self.view_themes,
            "projects": self.projects.view_projects,
            "action-plan": self.view_action_plan,
            "roadmap": self.view_roadmap,
            "calendar": self.calendar.view_calendar,
            "news": self.view_news,
            "partners": self.view_partners,
        }
        self.record_views: dict[str, Callable[[Any], dict]] = {  # a record, or an Event
            "projects": self.view_project,
            "members": self.view_member,
            "news": self.view_news_item,
            "events": self.calendar.view_event,
        }

    def render(self, page: str) -> str:
        template = PAGE[page].template
        assert template, f"the site map gives the page {page} no template"  # a prose page is not rendered here
        return render_template(template, w=self.context.w, **self.page_views[page]())

    def render_record(self, kind: str, record_id: str) -> str:
        view = self.record_views[kind](self.context.catalog.by_id[kind][record_id])
        return render_template(f"records/{KIND[kind].template}.md", w=self.context.w, **view)

    def description(self, page: str) -> str:
        """A sentence that describes a section page, for link previews and search engines (plain text)."""
        return self.context.w(f"share.{page}")

    def record_description(self, kind: str, record_id: str) -> str:
        w, lang = self.context.w, self.context.lang
        record = self.context.catalog.by_id[kind][record_id]
        if kind in ("projects", "news"):
            return record["summary"][lang]
        if kind == "events":
            when = self.calendar.event_when(record)
            return w("share.event", title=record["title"][lang], when=when["monthly"] or when["text"])
        return w("share.member", name=record["name"][lang], country=w(f"country.{record['country']}"))

    # -- section pages -------------------------------------------------------------------------
    def view_index(self) -> dict:
        context = self.context
        c, w = context.catalog, context.w
        figures = [
            (len(c.records("members")), w("figure.members"), "members"),
            (len(c.countries()), w("figure.countries"), "members"),
            (len(c.records("projects")), w("figure.projects"), "projects"),
            (len(c.records("themes")), w("figure.themes"), "themes"),
            (len(c.actions()), w("figure.actions"), "action-plan"),
            (len(c.partners("partner")), w("figure.partners_working"), "partners"),
        ]
        return {
            "network": context.local(c.network),
            "figures": [{"count": n, "label": label, "href": context.url(page, None)} for n, label, page in figures],
            "map": context.members_map(c.records("members"), HOME_MAP_HEIGHT),
            "upcoming": self.calendar.next_events(),
            "news": [context.news_teaser(n) for n in c.news()[:LATEST_NEWS_ON_HOME]],
            "calendar_href": context.url("calendar", None),
            "news_href": context.url("news", None),
            "paths": [
                {"link": Link(context.url(page, None), w(f"home.path.{page}")), "text": w(f"home.path.{page}.text")}
                for page in ("network", "projects", "contribute")
            ],
            "scripts": context.scripts("calendar"),
        }

    def view_network(self) -> dict:
        network = self.context.catalog.network
        return {
            "network": self.context.local(network),
            "as_of": self.context.as_of_line(network["as_of"]),
            "sources_part": self.context.sources_and_notes(network["sources"], [(None, network)]),
        }

    def member_view(self, member: dict) -> dict:
        """A member in this language and, under names of their own, what is shown of it: `people`, its representatives
        (one without a local title has `local_title` None), and `website_link`."""
        people = [{"local_title": None, **self.context.local(person)} for person in member["representatives"]]
        return {**self.context.local(member), "people": people, "website_link": web_link(member.get("website"))}

    def view_members(self) -> dict:
        context = self.context
        c, w = context.catalog, context.w
        countries = []
        for country in c.countries():
            members = [
                {
                    **self.member_view(member),
                    "focal_point_status": self.focal_point(member),
                    "projects": [context.ref("projects", p["id"]) for p in c.projects_with("members", member["id"])],
                    "page": Link(
                        context.record_url("members", member["id"]),
                        w("member.page_link", name=member["name"][context.lang]),
                    ),
                }
                for member in c.members_in(country)
            ]
            countries.append({"code": country, "anchor": f"country-{country.lower()}", "members": members})
        return {
            "map": context.members_map(c.records("members")),
            "countries": countries,
            "open_data": context.downloads(*PAGE["members"].exports),
        }

    def focal_point(self, member: dict) -> dict:
        return self.context.status_as_of(f"member.focal_point.{member['focal_point']}", member["as_of"])

    def view_themes(self) -> dict:
        context = self.context
        c, lang = context.catalog, context.lang
        kinds = []
        for kind in THEME_KINDS:
            themes = [
                {
                    **context.local(theme),
                    "linked": context.refs("themes", theme["linked_themes"]),
                    "projects": [context.ref("projects", p["id"]) for p in c.projects_with("themes", theme["id"])],
                    "calendar": self.calendar.calendar_of(
                        context.addresses.calendar("themes", theme["id"]),
                        theme["name"][lang],
                        "calendar.theme_feed_note",
                    ),
                }
                for theme in c.records("themes")
                if theme["kind"] == kind
            ]
            kinds.append({"kind": kind, "themes": themes})
        themes = c.records("themes")
        return {
            "kinds": kinds,
            "themes_as_of": context.as_of_lines(themes),
            "sources_part": context.sources_and_notes([], [(t["name"][lang], t) for t in themes]),
        }

    def view_action_plan(self) -> dict:
        context = self.context
        w, plan, actions = context.w, context.catalog.action_plan, context.catalog.actions()
        captions = {
            axis["id"]: w(
                "plan.table_caption",
                number=axis["number"],
                first=axis["actions"][0]["number"],
                last=axis["actions"][-1]["number"],
            )
            + w(
                "plan.caption_as_of",
                when="; ".join(dict.fromkeys(context.as_of_words(a["as_of"], "as_of") for a in axis["actions"])),
            )
            for axis in plan["axes"]
        }
        noted = [(None, plan)] + [(w("plan.action", number=a["number"]), a) for a in actions]
        return {
            "plan": context.local(plan),
            "action_count": len(actions),
            "plan_as_of": context.as_of_lines(actions),
            "captions": captions,
            "sources_part": context.sources_and_notes(plan["sources"], noted),
        }

    def view_roadmap(self) -> dict:
        context = self.context
        roadmap, w, lang = context.catalog.roadmap, context.w, context.lang
        partners = context.catalog.by_id["partners"]
        identity = roadmap["identity_document"]
        noted = (
            [(None, roadmap)]
            + [(w("roadmap.point", number=p["number"]), p) for p in roadmap["points"]]
            + [(p["title"][lang], p) for p in roadmap["thematic_plans"]]
            + [(partners[t["partner"]]["name"][lang], t) for t in roadmap["partnership_targets"]]
            + [(w("roadmap.identity"), identity)]
        )
        return {
            "roadmap": context.local(roadmap),
            "themes": {p["theme"]: context.ref("themes", p["theme"]) for p in roadmap["thematic_plans"]},
            "partners": {t["partner"]: context.ref("partners", t["partner"]) for t in roadmap["partnership_targets"]},
            "points_as_of": context.as_of_lines(roadmap["points"], "decided"),
            "plan_status": {
                p["id"]: w(
                    "roadmap.plan_status",
                    when=context.as_of_words(p["as_of"], "on"),
                    source=context.source_short(p["as_of"]),
                )
                for p in roadmap["thematic_plans"]
            },
            "targets_as_of": context.as_of_lines(roadmap["partnership_targets"], "decided"),
            "identity_as_of": context.as_of_line(identity["as_of"], "decided"),
            "sources_part": context.sources_and_notes(roadmap["sources"], noted),
        }

    def view_news(self) -> dict:
        """The news page: a card per item (its title linked to its page, its date, its summary), newest first."""
        return {
            "news": [self.context.news_teaser(item) for item in self.context.catalog.news()],
            "feed_href": self.context.url("index") + self.context.addresses.feed("news"),
        }

    def view_partners(self) -> dict:
        """One section per relationship: partners first (the home page counts them), then contacts made, contacts the
        network planned in 2023, and other organisations the sources name. A partner's `web_address` is its
        `website` when a browser may follow it."""
        context = self.context
        c = context.catalog
        sections = [
            {
                "relationship": relationship,
                "anchor": relationship.replace("_", "-"),
                "as_of_lines": context.as_of_lines(partners),
                "partners": [
                    {**context.local(partner), "web_address": web_address(partner.get("website"))}
                    for partner in partners
                ],
            }
            for relationship in PARTNER_RELATIONSHIPS
            for partners in [c.partners(relationship)]
            if partners
        ]
        return {
            "sections": sections,
            "open_data": context.downloads(*PAGE["partners"].exports),
            "sources_part": context.sources_and_notes(
                [], [(p["name"][context.lang], p) for p in c.records("partners")]
            ),
        }

    # -- record pages --------------------------------------------------------------------------
    def related_events_and_news(self, field_name: str, record_id: str) -> dict:
        c = self.context.catalog
        return {
            "events": [self.calendar.event_item(e) for e in c.events_with(field_name, record_id)],
            "news": [self.context.news_teaser(n) for n in c.news_with(field_name, record_id)],
        }

    def map_of(self, members: list) -> dict | None:
        """A record's members on the map, when at least one of them has a place."""
        return self.context.members_map(members, RECORD_MAP_HEIGHT) if any(m["coordinates"] for m in members) else None

    def view_project(self, project: dict) -> dict:
        context = self.context
        return {
            "project": self.projects.project_view(project),
            "sources_part": context.sources_and_notes(project["sources"], [(None, project)]),
            "map": self.map_of([context.catalog.by_id["members"][m] for m in project["members"]]),
            **self.related_events_and_news("projects", project["id"]),
            "all_projects": context.url("projects", None),
        }

    def view_member(self, member: dict) -> dict:
        context = self.context
        return {
            "member": self.member_view(member),
            "map": self.map_of([member]),
            "focal_point_status": self.focal_point(member),
            "projects": [
                {"link": context.ref("projects", p["id"]), "status_as_of": self.projects.project_status(p)}
                for p in context.catalog.projects_with("members", member["id"])
            ],
            **self.related_events_and_news("members", member["id"]),
            "calendar": self.calendar.calendar_of(
                context.addresses.calendar("members", member["id"]),
                member["name"][context.lang],
                "calendar.member_feed_note",
            ),
            "sources_part": context.sources_and_notes(member["sources"], [(None, member)]),
            "all_members": context.list_url("members", member["id"]),
        }

    def view_news_item(self, item: dict) -> dict:
        """A news item's own page: its facts, its body, the records it names. Beside its fields in this language, its
        date as shown (`dated`) and the name of the language it was written in (`source_language_name`)."""
        context = self.context
        w, c, lang = context.w, context.catalog, context.lang
        related = [
            (w(f"news.related.{kind}"), context.refs(kind, item[kind]))
            for kind in ("events", "projects", "members", "themes")
        ]
        return {
            "news": {
                **context.local(item),
                "dated": context.dated(PartialDate.parse(item["date"])),
                "body_html": Markup(markdown_text(item["body"][lang])),
                "source_language_name": w(f"news.language.{item['source_language']}"),
                "translated": item["source_language"] != lang,
            },
            "sources": [c.by_id["sources"][s]["title"][lang] for s in item["sources"]],
            "sources_part": context.sources_and_notes(item["sources"], [(None, item)]),
            "related": [(label, links) for label, links in related if links],
            "all_news": context.list_url("news", item["id"]),
        }
