"""The network's records as open data: CSV and JSON files described by a Frictionless Data Package.

Made from the validated catalog, as the pages are (never a second reading of data/), written once for both
languages under `data/` at the site's root (EXPORTS_FOLDER):

- CSV, one file per kind of record, one row per record, one column per field and language (`name_fr`,
  `name_en`). Encoding UTF-8 with a byte-order mark and comma-separated (RFC 4180: fields quoted when they hold a
  comma, a quote or a line break; CRLF line ends): the BOM is what makes Excel read UTF-8 (without it, accents
  are broken), LibreOffice and every CSV library read it too. References are ids; a list of ids is joined with a
  space (ids never hold one); a list of texts with a line break. Dates are ISO 8601 as precise as the data is
  ("2024-03"). A text cell that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a
  carriage return, also behind spaces, which a spreadsheet may trim: OWASP "CSV injection") is written with a
  leading apostrophe, so it stays text.
- Each list of ids also has a link table (`projects-themes.csv`: one row per project and theme), so that the
  package can declare a foreign key for every reference: Table Schema foreign keys hold one value per cell. The
  references are those the schemas declare (`x-refers-to`, rvase/schemas.py); a row's parent (a representative's
  member, an action's axis) is one too.
- JSON, one file per kind of record the site map exports (rvase/site_map.py), the records as the data holds them,
  each with its page address in both languages (`page: {fr, en}`: its own page, else its place on its list).
- `datapackage.json`: every CSV with its Table Schema (types, primary and foreign keys), the JSON files, the
  sources (data/sources.yaml) and the licence the network sets in data/network.yaml (`data_licence`), or
  "not yet set" while it has not.

Every file is a function of the catalog and the site's address only: two builds give the same bytes.
"""

import csv
import io
import json
from typing import cast

from . import settings
from .catalog import Catalog
from .export_tables import Column, Table, link_table_name, tables
from .site_map import RECORD_KINDS, Addresses

EXPORTS_FOLDER = "data"
PACKAGE_FILE = "datapackage.json"
ID_SEPARATOR = " "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# JSON files: one per kind of record the site map exports, the records as the data holds them, with their page addresses.
JSON_FILES = [kind.kind for kind in RECORD_KINDS if kind.export]


def csv_file(name: str) -> str:
    return f"{name}.csv"


def json_file(name: str) -> str:
    return f"{name}.json"


# -- values --------------------------------------------------------------------------------------


def guard_formula(text: str) -> str:
    """A text a spreadsheet would run as a formula, made plain text by a leading apostrophe (OWASP CSV injection); also
    one whose formula follows spaces or line breaks, which a spreadsheet's import may trim (" =1+1")."""
    return "'" + text if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS) else text


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ID_SEPARATOR.join(value)
    if isinstance(value, (int, float)):
        return repr(value)
    return guard_formula(str(value))


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """RFC 4180 CSV as both Excel and LibreOffice open it: UTF-8 with a byte-order mark, commas, CRLF."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _page_cells(page: dict | None) -> list[str]:
    """A record's page in each language, in a table whose records all have one."""
    if page is None:
        raise ValueError("a record has no page where the others of its table have one")
    return [page[lang] for lang in settings.LANGUAGES]


# -- the files -----------------------------------------------------------------------------------


class OpenData:
    """Every file of the exports, by name in EXPORTS_FOLDER, for a catalog and the site's address."""

    def __init__(self, catalog: Catalog, site_url: str):
        self.catalog, self.site_url = catalog, site_url
        self.addresses = Addresses(site_url)
        self.files: dict[str, bytes] = {}
        self.resources: list[dict] = []
        for table in tables().values():
            self.add_table(table)
        for kind in JSON_FILES:
            self.add_json(kind, {kind: [self.with_pages(tables()[kind], r) for r in tables()[kind].records(catalog)]})
        self.add_json("action-plan", self.action_plan())
        self.add_json("roadmap", self.roadmap())
        self.files[PACKAGE_FILE] = json_bytes(self.package())

    def pages(self, path: str | None) -> dict | None:
        return None if path is None else {lang: self.addresses.full(path, lang) for lang in settings.LANGUAGES}

    def with_pages(self, table: Table, record: dict) -> dict:
        """A record as the data holds it (without what its table derives for the CSV), with its pages."""
        kept = {key: value for key, value in record.items() if key not in table.derived}
        return {**kept, "page": self.pages(table.page(self.addresses, record))}

    def words(self, key: str) -> dict:
        return {lang: self.catalog.words(lang)(key) for lang in settings.LANGUAGES}

    def both(self, key: str) -> str:
        """Interface words in both languages, for the one package both share: « français / English »."""
        words = self.words(key)
        return f"{words['fr']} / {words['en']}"

    def add_table(self, table: Table) -> None:
        records = table.records(self.catalog)
        pages = [self.pages(table.page(self.addresses, r)) for r in records]
        header = [c.name for c in table.columns]
        rows = [[c.value(r) for c in table.columns] for r in records]
        if any(pages):
            header += [f"page_{lang}" for lang in settings.LANGUAGES]
            rows = [row + _page_cells(page) for row, page in zip(rows, pages)]
        fields = [self.field(table, c) for c in table.columns]
        if any(pages):
            fields += [
                {
                    "name": f"page_{lang}",
                    "type": "string",
                    "format": "uri",
                    "description": self.both(f"opendata.field.page_{lang}"),
                    "constraints": {"required": True},
                }
                for lang in settings.LANGUAGES
            ]
        foreign_keys = [
            {"fields": c.name, "reference": {"resource": c.refers_to, "fields": "id"}}
            for c in table.columns
            if c.refers_to and not c.is_list
        ]
        self.add_csv(table.name, self.both(table.title), header, rows, fields, list(table.key), foreign_keys)
        for column in (c for c in table.columns if c.is_list):
            link_rows = [[r[table.key[0]], item] for r in records for item in cast(list[str], column.value(r))]
            owner, item = table.row_name, column.item
            self.add_csv(
                link_table_name(table, column),
                f"{self.both(table.title)} × {column.name}",
                [owner, item],
                link_rows,
                [
                    {"name": owner, "type": "string", "constraints": {"required": True}},
                    {"name": item, "type": "string", "constraints": {"required": True}},
                ],
                [owner, item],
                [
                    {"fields": owner, "reference": {"resource": table.name, "fields": table.key[0]}},
                    {"fields": item, "reference": {"resource": column.refers_to, "fields": "id"}},
                ],
            )

    def field(self, table: Table, column: Column) -> dict:
        described: dict = {"name": column.name, "type": column.type}
        if column.words:
            described["description"] = self.both(column.words)
        if column.is_list:
            described |= {"delimiter": ID_SEPARATOR, "itemType": "string"}
            described["description"] += f" ({csv_file(link_table_name(table, column))})"
        if column.constraints:
            described["constraints"] = dict(column.constraints)
        return described

    def add_csv(
        self,
        name: str,
        title: str,
        header: list[str],
        rows: list[list],
        fields: list[dict],
        primary_key: list[str],
        foreign_keys: list[dict],
    ) -> None:
        self.files[csv_file(name)] = csv_bytes(header, rows)
        schema = {"fields": fields, "primaryKey": primary_key}
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        self.resources.append(
            {
                "name": name,
                "title": title,
                "path": csv_file(name),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",  # the IANA name; readers skip the BOM
                "dialect": {
                    "delimiter": ",",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "lineTerminator": "\r\n",
                    "header": True,
                },
                "bytes": len(self.files[csv_file(name)]),
                "schema": schema,
            }
        )

    def add_json(self, name: str, data: dict) -> None:
        self.files[json_file(name)] = json_bytes(data)
        self.resources.append(
            {
                "name": f"{name}-json",
                "path": json_file(name),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "bytes": len(self.files[json_file(name)]),
            }
        )

    def action_plan(self) -> dict:
        plan, axes, actions = self.catalog.action_plan, tables()["action-plan-axes"], tables()["action-plan-actions"]
        return {
            "goals": plan["goals"],
            "axes": [
                {**self.with_pages(axes, axis), "actions": [self.with_pages(actions, a) for a in axis["actions"]]}
                for axis in plan["axes"]
            ],
        }

    def roadmap(self) -> dict:
        roadmap = self.catalog.roadmap
        return {**roadmap, "page": self.pages(self.addresses.page("roadmap"))}

    def licence(self) -> dict | None:
        return self.catalog.network.get("data_licence")

    def package(self) -> dict:
        network, licence = self.catalog.network, self.licence()
        package = {
            "profile": "data-package",
            "name": f"{network['acronym'].lower()}-open-data",
            "title": f"{network['acronym']} — {network['name']['fr']} / {network['name']['en']}",
            "description": self.both("opendata.package_description"),
            "homepage": self.site_url,
            "sources": [
                {"title": f"{s['title']['fr']} / {s['title']['en']}", **({"path": s["url"]} if s.get("url") else {})}
                for s in self.catalog.records("sources")
            ],
        }
        if licence:
            package["licenses"] = [{"name": licence["name"], "path": licence["path"], "title": licence["title"]}]
        else:
            package["licenses_note"] = self.both("opendata.licence_not_set")
        return package | {"resources": self.resources}


_last: tuple[Catalog, str, OpenData] | None = None


def current_open_data(catalog: Catalog, site_url: str) -> OpenData:
    """The exports of this catalog, made once: the pages ask their sizes, the build then writes the same bytes."""
    global _last
    if _last is None or _last[0] is not catalog or _last[1] != site_url:
        _last = (catalog, site_url, OpenData(catalog, site_url))
    return _last[2]
