"""The tables of the open data: for each kind of record exported as CSV, its columns, primary key, foreign keys and
where each record is shown. A column holds a record's field; the foreign keys are the references the schemas declare
for those fields (`x-refers-to`, rvase/schemas.py), and a row's parent (a representative's member, an action's
axis). rvase/exports.py writes the files they describe.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import settings
from .catalog import Catalog
from .schemas import SCHEMA_DIR, Reference, common_definition, schema_references
from .site_map import Addresses

TEXT_SEPARATOR = "\n"


def _pattern(definition: str) -> str:
    """A pattern of common.schema.yaml, which a column's values follow."""
    return common_definition(definition)["pattern"]


@dataclass(frozen=True)
class Column:
    """One column of a CSV: its Table Schema type, how a record gives its value, and what it refers to."""

    name: str
    type: str
    value: Callable[[dict], object]
    words: str = ""  # the key of the interface words that describe it, beyond its name
    refers_to: str | None = None  # the table whose ids it holds (a foreign key, or a link table for a list)
    record_field: tuple[str, ...] = ()  # the record's field it holds, whose schema may say it refers to another kind
    item: str = ""  # for a list of ids: the name of one of them, the link table's column
    constraints: dict = field(default_factory=dict)

    @property
    def is_list(self) -> bool:
        return bool(self.item)


def _get(record: dict | None, *path):
    for key in path:
        if record is None:
            return None
        record = record.get(key)
    return record


def _in_language(path: tuple[str, ...], lang: str) -> Callable[[dict], object]:
    return lambda record: _get(record, *path, lang)


def _joined_in_language(name: str, lang: str) -> Callable[[dict], object]:
    return lambda record: TEXT_SEPARATOR.join(text[lang] for text in record[name])


def identifier() -> list[Column]:
    return [
        Column(
            "id",
            "string",
            lambda r: r["id"],
            constraints={"required": True, "unique": True, "pattern": _pattern("slug")},
        )
    ]


def text(*path: str, required: bool = True) -> list[Column]:
    """A text in both languages: one column per language (`title_fr`, `title_en`)."""
    name = "_".join(path)
    return [
        Column(
            f"{name}_{lang}",
            "string",
            _in_language(path, lang),
            words=f"opendata.field.{lang}",
            constraints={"required": True} if required else {},
        )
        for lang in settings.LANGUAGES
    ]


def texts(name: str) -> list[Column]:
    """A list of texts in both languages: one column per language, the texts joined by a line break."""
    return [
        Column(f"{name}_{lang}", "string", _joined_in_language(name, lang), words=f"opendata.field.texts_{lang}")
        for lang in settings.LANGUAGES
    ]


def plain(name: str, kind: str = "string", *path: str, required: bool = False, words: str = "") -> Column:
    """One value: the field `name`, or the value at `path` in the record (None where a step is missing)."""
    return Column(
        name,
        kind,
        lambda r: _get(r, *(path or (name,))),
        words=words,
        record_field=path or (name,),
        constraints={"required": True} if required else {},
    )


def date(name: str, required: bool = False) -> Column:
    return Column(
        name,
        "string",
        lambda r: r.get(name),
        words="opendata.field.date",
        record_field=(name,),
        constraints={"pattern": _pattern("partial_date"), **({"required": True} if required else {})},
    )


def reference(name: str) -> Column:
    """The id of one record of the kind its schema says (a foreign key)."""
    return Column(name, "string", lambda r: r[name], record_field=(name,), constraints={"required": True})


def parent(name: str, table: str) -> Column:
    """The id of the record of `table` a row is part of (a foreign key): a representative's member, an action's axis."""
    return Column(name, "string", lambda r: r[name], refers_to=table, constraints={"required": True})


def ids(name: str, item: str) -> Column:
    """A list of ids of the kind its schema says: one cell joined by spaces, and a link table whose column for one id
    is `item`."""
    return Column(name, "list", lambda r: r.get(name, []), words="opendata.field.ids", record_field=(name,), item=item)


def as_of() -> list[Column]:
    """When a status or a plan was stated (a date as precise as known) and by which source (a foreign key)."""
    return [
        Column(
            "as_of_date",
            "string",
            lambda r: r["as_of"]["date"],
            words="opendata.field.as_of_date",
            constraints={"required": True, "pattern": _pattern("partial_date")},
        ),
        Column(
            "as_of_source",
            "string",
            lambda r: r["as_of"]["source"],
            words="opendata.field.as_of_source",
            record_field=("as_of", "source"),
            constraints={"required": True},
        ),
    ]


def note() -> list[Column]:
    return text("note", required=False)


@dataclass(frozen=True)
class Table:
    """One CSV: its records (dicts; a record nested in another carries its parent's id), their columns, primary key,
    and where each record is shown: `page(addresses, record)`, its path from a language's home (None: nowhere)."""

    name: str
    title: str  # interface words naming it
    records_in: tuple[str, ...]  # the data file and the path to the list of its records (`*`: each item of a list)
    records: Callable[[Catalog], list]
    columns: list[Column]
    page: Callable[[Addresses, dict], str | None]
    key: tuple[str, ...] = ("id",)
    row_name: str = ""  # the name of one record, the link tables' first column
    derived: tuple[str, ...] = ()  # fields `records` adds for the CSV that the data does not hold (not in the JSON)


def _anchored(path: str | None, anchor: str) -> str:
    """The place of an element of a record's page (a kind with pages: never None)."""
    if path is None:
        raise ValueError(f"no page holds #{anchor}")
    return f"{path}#{anchor}"


def _representatives(catalog: Catalog) -> list[dict]:
    return [
        {"member": m["id"], "position": i, **person}
        for m in catalog.records("members")
        for i, person in enumerate(m["representatives"], 1)
    ]


def _actions(catalog: Catalog) -> list[dict]:
    return [{"axis": axis["id"], **action} for axis in catalog.action_plan["axes"] for action in axis["actions"]]


def _targets(catalog: Catalog) -> list[dict]:
    return [{"position": i, **target} for i, target in enumerate(catalog.roadmap["partnership_targets"], 1)]


def _projects(catalog: Catalog) -> list[dict]:
    """The projects, each with the countries of its members (in the members' order), for a reuser who filters by
    country as the catalog does."""
    return [
        {
            **project,
            "countries": list(dict.fromkeys(catalog.by_id["members"][m]["country"] for m in project["members"])),
        }
        for project in catalog.records("projects")
    ]


def _declared_tables() -> list[Table]:
    """Every table, its foreign keys not yet read from the schemas."""
    return [
        Table(
            "projects",
            "page.projects",
            ("projects", "projects"),
            _projects,
            [
                *identifier(),
                *text("name"),
                ids("themes", "theme"),
                ids("members", "member"),
                Column("countries", "string", lambda r: " ".join(r["countries"]), words="opendata.field.countries"),
                plain("status", required=True),
                *as_of(),
                plain("start_year", "integer", "period", "start_year"),
                plain("end_year", "integer", "period", "end_year"),
                ids("partners", "partner"),
                *text("summary"),
                ids("related_projects", "related_project"),
                ids("sources", "source"),
                *note(),
            ],
            lambda at, r: at.record("projects", r["id"]),
            row_name="project",
            derived=("countries",),
        ),
        Table(
            "members",
            "page.members",
            ("members", "members"),
            lambda c: c.records("members"),
            [
                *identifier(),
                *text("name"),
                plain("country", required=True),
                plain("kind", required=True),
                plain("lat", "number", "coordinates", "lat"),
                plain("lon", "number", "coordinates", "lon"),
                plain("focal_point", required=True),
                *as_of(),
                plain("website", words="opendata.field.url"),
                ids("sources", "source"),
                *note(),
            ],
            lambda at, r: at.record("members", r["id"]),
            row_name="member",
        ),
        Table(
            "member-representatives",
            "opendata.table.representatives",
            ("members", "members", "*", "representatives"),
            _representatives,
            [
                parent("member", "members"),
                plain("position", "integer", required=True, words="opendata.field.position"),
                plain("name", required=True),
                *text("honorific"),
                *text("title"),
                plain("local_title", "string", "local_title", "text"),
                plain("local_title_language", "string", "local_title", "lang"),
                *text("occasion"),
            ],
            lambda at, r: _anchored(at.record("members", r["member"]), "representatives"),
            key=("member", "position"),
        ),
        Table(
            "themes",
            "page.themes",
            ("themes", "themes"),
            lambda c: c.records("themes"),
            [
                *identifier(),
                plain("kind", required=True),
                *text("name"),
                *text("description"),
                *as_of(),
                ids("linked_themes", "linked_theme"),
                *texts("linked_topics"),
                *note(),
            ],
            lambda at, r: at.record("themes", r["id"]),
            row_name="theme",
        ),
        Table(
            "events",
            "page.calendar",
            ("events", "events"),
            lambda c: [e.record for e in c.events],
            [
                *identifier(),
                *text("title"),
                plain("kind", required=True),
                plain("status", required=True),
                *as_of(),
                date("start", required=True),
                date("end"),
                plain("start_time", words="opendata.field.time"),
                plain("end_time", words="opendata.field.time"),
                plain("timezone"),
                plain("hours", words="opendata.field.hours"),
                plain("recurrence"),
                *text("place", "venue", required=False),
                *text("place", "city", required=False),
                plain("country", "string", "place", "country"),
                *text("description"),
                ids("members", "member"),
                ids("themes", "theme"),
                ids("projects", "project"),
                ids("sources", "source"),
                plain("url", words="opendata.field.url"),
                plain("organizer", words="opendata.field.organizer"),
                *note(),
            ],
            lambda at, r: at.record("events", r["id"]),
            row_name="event",
        ),
        Table(
            "partners",
            "page.partners",
            ("partners", "partners"),
            lambda c: c.records("partners"),
            [
                *identifier(),
                *text("name"),
                plain("kind", required=True),
                plain("relationship", required=True),
                *text("role"),
                *as_of(),
                plain("website", words="opendata.field.url"),
                *note(),
            ],
            lambda at, r: at.record("partners", r["id"]),
            row_name="partner",
        ),
        Table(
            "news",
            "page.news",
            ("news", "news"),
            lambda c: c.news(),
            [
                *identifier(),
                date("date", required=True),
                date("feed_date"),
                plain("source_language", required=True),
                *text("title"),
                *text("summary"),
                *[
                    Column(c.name, c.type, c.value, "opendata.field.markdown", constraints=c.constraints)
                    for c in text("body")
                ],
                ids("members", "member"),
                ids("themes", "theme"),
                ids("events", "event"),
                ids("projects", "project"),
                ids("sources", "source"),
                *note(),
            ],
            lambda at, r: at.record("news", r["id"]),
            row_name="news_item",
        ),
        Table(
            "sources",
            "opendata.table.sources",
            ("sources", "sources"),
            lambda c: c.records("sources"),
            [
                *identifier(),
                *text("title"),
                *text("short"),
                plain("language", required=True),
                date("date", required=True),
                plain("url", words="opendata.field.url"),
                *note(),
            ],
            lambda at, r: at.record("sources", r["id"]),
            row_name="source",
        ),
        Table(
            "action-plan-axes",
            "opendata.table.axes",
            ("action_plan", "axes"),
            lambda c: c.action_plan["axes"],
            [
                *identifier(),
                plain("number", "integer", required=True),
                *text("title"),
            ],
            lambda at, r: at.record("action_plan", r["id"]),
        ),
        Table(
            "action-plan-actions",
            "opendata.table.actions",
            ("action_plan", "axes", "*", "actions"),
            _actions,
            [
                plain("number", "integer", required=True),
                parent("axis", "action-plan-axes"),
                *text("activities"),
                *text("achieved", required=False),
                *text("planned", required=False),
                *text("suggestions", required=False),
                *as_of(),
                *note(),
            ],
            lambda at, r: at.page("action-plan", f"action-{r['number']}"),
            key=("number",),
        ),
        Table(
            "roadmap-points",
            "opendata.table.roadmap_points",
            ("roadmap", "points"),
            lambda c: c.roadmap["points"],
            [
                plain("number", "integer", required=True),
                *text("title"),
                *texts("details"),
                *as_of(),
                *note(),
            ],
            lambda at, r: at.page("roadmap", "points"),
            key=("number",),
        ),
        Table(
            "roadmap-thematic-plans",
            "opendata.table.thematic_plans",
            ("roadmap", "thematic_plans"),
            lambda c: c.roadmap["thematic_plans"],
            [
                *identifier(),
                *text("title"),
                reference("theme"),
                plain("start_year", "integer", required=True),
                plain("end_year", "integer", required=True),
                *as_of(),
                *note(),
            ],
            lambda at, r: at.page("roadmap", "thematic-plans"),
        ),
        Table(
            "roadmap-partnership-targets",
            "opendata.table.partnership_targets",
            ("roadmap", "partnership_targets"),
            _targets,
            [
                plain("position", "integer", required=True, words="opendata.field.position"),
                reference("partner"),
                *text("action"),
                *as_of(),
                *note(),
            ],
            lambda at, r: at.page("roadmap", "partnerships"),
            key=("position",),
        ),
    ]


def references_in(table: Table) -> dict[tuple[str, ...], Reference]:
    """The references the schema declares in a record of `table`, by the record's field (not in a list of its own)."""
    file, *steps = table.records_in
    start = (*steps, "*")
    return {
        reference.path[len(start) :]: reference
        for reference in schema_references(SCHEMA_DIR, file)
        if reference.path[: len(start)] == start and "*" not in reference.path[len(start) :]
    }


def with_foreign_keys(table: Table) -> Table:
    """`table` whose columns holding ids refer to the table of the kind their schema names; a field that also accepts
    other values (an event's organizer: `network` or a partner) is not a foreign key."""
    references = references_in(table)
    columns = [
        replace(column, refers_to=references[column.record_field].kind)
        if column.record_field in references and not references[column.record_field].also_accepts
        else column
        for column in table.columns
    ]
    unlinked = [column.name for column in columns if column.is_list and not column.refers_to]
    if unlinked:
        raise ValueError(f"{table.name}: no `x-refers-to` in data/schema/ for the lists of ids {unlinked}")
    return replace(table, columns=columns)


@functools.cache
def tables() -> dict[str, Table]:
    """Every table by name, with its foreign keys: read from the schemas when first asked, after validation (at import,
    a broken schema would stop the build before validation could say where it is broken)."""
    return {table.name: with_foreign_keys(table) for table in _declared_tables()}


def link_table_name(table: Table, column: Column) -> str:
    return f"{table.name}-{column.name.replace('_', '-')}"
