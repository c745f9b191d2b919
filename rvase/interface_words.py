"""The interface words the site's code asks for, and the placeholders each must hold.

Validation proves, before any page is written, that i18n/interface.yaml has every one of them in both languages, with
exactly these placeholders (`{name}`…): a word missing or a placeholder misspelt would otherwise stop the build in the
middle of a page; and it refuses a word of the file that is not declared here (no page uses it). `python -m
rvase.word_use --check` (run by the suite) reads the code and the templates, not this file, and fails when they ask for a
word that is not declared here, pass it other placeholders, or no longer ask for a word declared here, so this list
cannot drift from the code.
"""
from .site_map import FOOTER_PAGES, rendered_pages

# word → the placeholders its text holds (what the code passes to it, or what a script fills in)
WORDS = {
    "a11y.palette_to_dark": (),
    "a11y.palette_to_light": (),
    "a11y.search_dialog": (),
    "a11y.breadcrumb": (),
    "a11y.skip_to_content": (),

    "calendar.add_google": (),
    "calendar.add_google_to": ("title",),
    "calendar.add_outlook": (),
    "calendar.add_outlook_to": ("title",),
    "calendar.built_on": ("date",),
    "calendar.download": (),
    "calendar.decided": (),
    "calendar.decided_intro": (),
    "calendar.download_all": (),
    "calendar.download_event": ("title",),
    "calendar.feed_note": (),
    "calendar.filters": (),
    "calendar.members": (),
    "calendar.hours_each_day": ("hours",),
    "calendar.hours_throughout": ("start", "first", "end", "last"),
    "calendar.monthly": (),
    "calendar.monthly_decided": (),
    "calendar.no_past": (),
    "calendar.no_upcoming": (),
    "calendar.not_in_feed": (),
    "calendar.past": (),
    "calendar.place_tbd": (),
    "calendar.projects": (),
    "calendar.recurring": (),
    "calendar.subscribe": (),
    "calendar.themes": (),
    "calendar.time_zone": ("place",),
    "calendar.upcoming": (),

    "catalog.any": (),
    "catalog.count_many": ("count",),
    "catalog.count_one": ("count",),
    "catalog.country": (),
    "catalog.filters": (),
    "catalog.intro": ("count",),
    "catalog.none": (),
    "catalog.reset": (),
    "catalog.text": (),

    "date.range_sep": (),

    "feed.news_link": (),
    "feed.news_title": (),

    "figure.actions": (),
    "figure.countries": (),
    "figure.members": (),
    "figure.projects": (),
    "figure.themes": (),

    "footer.cofunded": (),

    "home.all_events": (),
    "home.all_news": (),
    "home.ambition": (),
    "home.figures": (),
    "home.latest_news": (),
    "home.next_events": (),
    "home.no_upcoming": (),

    "map.caption": ("count",),
    "map.caption_one": ("count",),
    "map.label": (),
    "map.list_link": (),
    "map.not_on_map": (),

    "member.country": (),
    "member.focal_point": (),
    "member.focal_point_note": (),
    "member.kind": (),
    "member.no_projects": (),
    "member.page_link": ("name",),
    "member.projects": (),
    "member.representatives": (),

    "network.aimf": (),
    "network.aimf_founded": ("cities", "founders", "year"),
    "network.aimf_people": (),
    "network.coordinator": (),
    "network.functioning": (),
    "network.modalities": (),
    "network.partnership": (),
    "network.presentation": (),
    "network.regional_networks": (),
    "network.this_network": (),

    "news.related": (),
    "news.translated_from": (),

    "notfound.home": (),
    "notfound.text": (),
    "notfound.title": (),

    "page.calendar": (),
    "page.news": (),

    "partner.kind": (),
    "partner.name": (),
    "partner.role": (),

    "plan.achieved": (),
    "plan.activities": (),
    "plan.axis": ("number", "title"),
    "plan.empty": (),
    "plan.goals": (),
    "plan.number": (),
    "plan.planned": (),
    "plan.suggestions": (),
    "plan.summary": ("actions", "axes"),
    "plan.table_caption": ("first", "last", "number"),

    "project.countries": (),
    "project.members": (),
    "project.multi_member": (),
    "project.partners": (),
    "project.period": (),
    "project.related": (),
    "project.since": ("year",),
    "project.status": (),
    "project.themes": (),
    "project.until": ("year",),

    "punctuation.colon": (),

    "record.all_members": (),
    "record.all_projects": (),
    "record.events": (),
    "record.map": (),
    "record.news": (),

    "roadmap.identity": (),
    "roadmap.partnerships": (),
    "roadmap.period": (),
    "roadmap.plan": (),
    "roadmap.plan_caption": (),
    "roadmap.points": (),
    "roadmap.thematic_plans": (),
    "roadmap.theme": (),

    "share.default": (),
    "share.image_alt": (),
    "share.member": ("country", "name"),
    "share.site_name": (),

    "theme.linked": (),
    "theme.no_projects": (),
    "theme.projects": (),

    # added with the templates, opendata and content branches
    "as_of.status": ("source", "when"),
    "as_of.stated": ("source", "when"),
    "as_of.decided": ("source", "when"),
    **{f"as_of.{phrase}.{precision}": ("date",) for phrase in ("as_of", "on") for precision in ("day", "month", "year")},
    "event.status.announced": (),  # a held event shows no status
    "event.status.decided": (),
    # added with the identity and records branches
    "event.add_to_calendar": (),
    **{f"event.fact.{fact}": () for fact in ("kind", "place", "status", "when")},
    "share.event": ("title", "when"),
    "home.map": (),
    "home.paths": (),
    **{f"home.path.{page}{part}": () for page in ("network", "projects", "contribute") for part in ("", ".text")},
    "news.article": (),
    "news.date": (),
    "news.source": (),
    "news.source_language": (),
    **{f"news.related.{kind}": () for kind in ("events", "projects", "members", "themes")},
    "opendata.field.as_of_date": (),
    "opendata.field.countries": (),
    "opendata.field.hours": (),
    "opendata.field.as_of_source": (),
    "footer.links": (),
    "footer.eu_emblem_alt": (),
    "footer.last_updated": (),
    # the pages about the site linked from the footer (overrides/partials/footer.html): the site map's footer pages
    **{f"footer.{page}": () for page in FOOTER_PAGES},
    "member.website": (),
    "record.calendar": (),
    "roadmap.status": (),
    "calendar.download_named": ("name",),
    "calendar.download_own": (),
    "calendar.event_website": (),
    "calendar.member_feed_note": (),
    "calendar.place_unknown": (),
    "calendar.subscribe_to": ("name",),
    "calendar.theme_feed_note": (),
    "figure.partners_working": (),
    "number.decimal_mark": (),
    "plan.action": ("number",),
    "plan.caption_as_of": ("when",),
    "roadmap.plan_status": ("source", "when"),
    "roadmap.point": ("number",),
    "sources.notes": (),
    "sources.sources": (),
    "sources.summary": (),
    "opendata.downloads": (),
    "opendata.file": ("format", "size", "what"),
    "opendata.licence": (),
    "opendata.licence_not_set": (),
    "opendata.licence_not_yet": (),
    "opendata.package_description": (),
    "opendata.spreadsheet_note": (),
    **{f"opendata.field.{name}": () for name in ("fr", "en", "texts_fr", "texts_en", "page_fr", "page_en", "date", "ids",
                                                  "markdown", "organizer", "position", "time", "url")},
    **{f"opendata.size.{unit}": ("n",) for unit in ("bytes", "kb", "mb")},
    **{f"opendata.table.{table}": () for table in ("actions", "axes", "partnership_targets", "representatives",
                                                   "roadmap_points", "sources", "thematic_plans")},
    # the tables whose files a page offers (PageRenderer.downloads), and the data package
    **{f"opendata.what.{table}": () for table in ("projects", "members", "member-representatives", "events", "partners",
                                                  "package")},
}

# The pages rendered by render_page (docs/*.md, the site map's pages not in prose): each has a description
# (`share.<page>`), and each but the home page a title (`page.<page>`).
SECTION_PAGES = tuple(page for page in rendered_pages() if page != "index")

# Words with a part that comes from the data: prefix → where the values of that part are listed. A schema's enum is
# given by its file and the path to it (`$ref`s to common followed); `geo` reads data/geo/countries.geojson (the
# countries of the map that have a label point, by their role).
ENUMERATED = {
    "page.": [("list", SECTION_PAGES)],
    "share.": [("list", ("index",) + SECTION_PAGES)],
    "month.": [("list", tuple(str(month) for month in range(1, 13)))],
    "country.": [("schema", "common", ("$defs", "country")), ("geo", "member-country")],
    "event.kind.": [("schema", "events", ("properties", "events", "items", "properties", "kind"))],
    "timezone.": [("schema", "events", ("properties", "events", "items", "properties", "timezone"))],
    "member.kind.": [("schema", "members", ("properties", "members", "items", "properties", "kind"))],
    "member.focal_point.": [("schema", "members", ("properties", "members", "items", "properties", "focal_point"))],
    "project.status.": [("schema", "projects", ("properties", "projects", "items", "properties", "status"))],
    "partner.kind.": [("schema", "partners", ("properties", "partners", "items", "properties", "kind"))],
    "theme.": [("schema", "themes", ("properties", "themes", "items", "properties", "kind"))],
    "map.country.": [("geo", "neighbour")],  # the neighbours named on the map (member countries use `country.`)
    "source.language.": [("schema", "sources", ("properties", "sources", "items", "properties", "language"))],
    "news.language.": [("schema", "news", ("properties", "news", "items", "properties", "source_language"))],
    **{f"partner.{part}.": [("schema", "partners", ("properties", "partners", "items", "properties", "relationship"))]
       for part in ("section", "section_intro", "caption")},
}
