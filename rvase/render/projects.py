"""The projects' catalog page and what a project's card and page show of it: its status as of when, its links, its
period, and the attributes its filters read. The markup is in rvase/templates/ (pages/projects.md, records/project.md)."""

from ..site_map import PAGE
from .context import PageContext

# filter name → the attribute of a project card it matches (docs/javascripts/filters.js)
CATALOG_ATTRIBUTES = {
    "theme": "data-themes",
    "country": "data-country",
    "member": "data-members",
    "status": "data-status",
}


class ProjectViews:
    """The views of projects, for the page being built (`context`)."""

    def __init__(self, context: PageContext):
        self.context = context

    def project_status(self, project: dict) -> dict:
        return self.context.status_as_of(f"project.status.{project['status']}", project["as_of"])

    def period(self, project: dict) -> str:
        period = project.get("period")
        if not period:
            return "—"
        start, end = period.get("start_year"), period.get("end_year")
        if start and end:
            return f"{start}{self.context.w('date.range_sep')}{end}"
        return self.context.w("project.since", year=start) if start else self.context.w("project.until", year=end)

    def project_countries(self, project: dict) -> list[str]:
        return list(dict.fromkeys(self.context.catalog.by_id["members"][m]["country"] for m in project["members"]))

    def project_view(self, project: dict) -> dict:
        """A project with its links and facts, as its card and its page show it: its fields in this language and, under
        names of their own, what is shown of them (the record's `themes` are ids, its `theme_links` links)."""
        return {
            **self.context.local(project),
            "link": self.context.ref("projects", project["id"]),
            "status_as_of": self.project_status(project),
            "theme_links": self.context.refs("themes", project["themes"]),
            "member_links": self.context.refs("members", project["members"]),
            "countries": self.project_countries(project),
            "period_text": self.period(project),
            "partner_links": self.context.refs("partners", project["partners"]),
            "related_links": self.context.refs("projects", project.get("related_projects", [])),
            "filter_attributes": self.project_attributes(project),
        }

    def project_attributes(self, project: dict) -> dict:
        """What the catalog's filters read on each project card."""
        return {
            "data-themes": " ".join(project["themes"]),
            "data-members": " ".join(project["members"]),
            "data-country": " ".join(self.project_countries(project)),
            "data-status": project["status"],
        }

    def catalog_filters(self, projects: list) -> dict:
        """The filter form of the catalog: hidden without JavaScript (every project is listed), shown as the page is read,
        worked by filters.js."""
        w, c = self.context.w, self.context.catalog
        cards = [self.project_attributes(p) for p in projects]

        def select(name: str, label: str, options: list) -> dict:
            return self.context.filter_select(name, label, CATALOG_ATTRIBUTES[name], options, cards)

        used_themes = [t for t in c.records("themes") if c.projects_with("themes", t["id"])]
        used_members = [m for m in c.records("members") if c.projects_with("members", m["id"])]
        countries = list(dict.fromkeys(country for p in projects for country in self.project_countries(p)))
        statuses = list(dict.fromkeys(p["status"] for p in projects))
        return {
            "selects": [
                select("theme", w("project.themes"), [(t["id"], t["name"][self.context.lang]) for t in used_themes]),
                select("country", w("catalog.country"), [(code, w(f"country.{code}")) for code in countries]),
                select("member", w("project.members"), [(m["id"], m["name"][self.context.lang]) for m in used_members]),
                select("status", w("project.status"), [(s, w(f"project.status.{s}")) for s in statuses]),
            ]
        }

    def view_projects(self) -> dict:
        projects = self.context.catalog.records("projects")
        return {
            "projects": [self.project_view(p) for p in projects],
            "filters": self.catalog_filters(projects),
            "open_data": self.context.downloads(*PAGE["projects"].exports),
            "scripts": self.context.scripts("filters"),
        }
