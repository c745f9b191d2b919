"""Partners reuse the network's records: CSV and JSON under /data/, a Frictionless Data Package that validates, files
that Excel and LibreOffice open with accents intact and columns split, and a calendar per member and per theme."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import frictionless
import pytest
import yaml
from icalendar import Calendar

from support.project import ROOT, SITE_URL
from support.spreadsheets import BOM, read_as_excel, read_with_libreoffice

DATA = {
    name: yaml.safe_load((ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8"))
    for name in (
        "projects",
        "members",
        "themes",
        "events",
        "partners",
        "news",
        "sources",
        "action_plan",
        "roadmap",
        "network",
    )
}
RECORDS = {
    kind: DATA[kind][kind] for kind in ("projects", "members", "themes", "events", "partners", "news", "sources")
}
# Each CSV and the records it must hold, one row each, counted from the data files.
ROWS = {
    **{kind: len(records) for kind, records in RECORDS.items()},
    "member-representatives": sum(len(m["representatives"]) for m in RECORDS["members"]),
    "action-plan-axes": len(DATA["action_plan"]["axes"]),
    "action-plan-actions": sum(len(axis["actions"]) for axis in DATA["action_plan"]["axes"]),
    "roadmap-points": len(DATA["roadmap"]["points"]),
    "roadmap-thematic-plans": len(DATA["roadmap"]["thematic_plans"]),
    "roadmap-partnership-targets": len(DATA["roadmap"]["partnership_targets"]),
}
# Each list of ids, and its link table: one row per record and id.
LINKS = {
    f"{kind}-{field.replace('_', '-')}": sum(len(r.get(field, [])) for r in RECORDS[kind])
    for kind, fields in {
        "projects": ["themes", "members", "partners", "related_projects", "sources"],
        "members": ["sources"],
        "themes": ["linked_themes"],
        "events": ["members", "themes", "projects", "sources"],
        "news": ["members", "themes", "events", "projects"],
    }.items()
    for field in fields
}


def data_dir(site) -> Path:
    return site.path / "data"


def test_frictionless_accepts_the_data_package(site):
    report = frictionless.validate(data_dir(site) / "datapackage.json")
    assert report.valid, [error.message for error in report.errors] + [
        (task.name, task.flatten(["rowNumber", "fieldName", "type", "note"])) for task in report.tasks if not task.valid
    ]
    cli = shutil.which("frictionless", path=str(Path(sys.executable).parent))
    assert cli, "the frictionless command is installed with the library (requirements-dev.txt)"
    command = subprocess.run([cli, "validate", "datapackage.json"], cwd=data_dir(site), capture_output=True, text=True)
    assert command.returncode == 0, command.stdout + command.stderr


def test_every_reference_is_a_foreign_key_the_validator_checks(site):
    package = json.loads((data_dir(site) / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in package["resources"] if r["format"] == "csv"}
    for name, rows in LINKS.items():
        keys = {(fk["fields"], fk["reference"]["resource"]) for fk in tables[name]["schema"]["foreignKeys"]}
        owner, item = tables[name]["schema"]["fields"][0]["name"], tables[name]["schema"]["fields"][1]["name"]
        assert {key[0] for key in keys} == {owner, item}, name
        assert len(read_as_excel(data_dir(site) / f"{name}.csv")) == 1 + rows, name
    assert {
        (fk["fields"], fk["reference"]["resource"]) for fk in tables["action-plan-actions"]["schema"]["foreignKeys"]
    } == {("axis", "action-plan-axes"), ("as_of_source", "sources")}
    assert ("theme", "themes") in {
        (fk["fields"], fk["reference"]["resource"]) for fk in tables["roadmap-thematic-plans"]["schema"]["foreignKeys"]
    }


def test_each_csv_has_one_row_per_record(site):
    for name, count in ROWS.items():
        rows = read_as_excel(data_dir(site) / f"{name}.csv")
        assert len(rows) == 1 + count, name
        assert {len(row) for row in rows} == {len(rows[0])}, name
    for kind, records in RECORDS.items():
        rows = read_as_excel(data_dir(site) / f"{kind}.csv")
        assert sorted(row[0] for row in rows[1:]) == sorted(r["id"] for r in records)


def test_a_field_has_one_column_per_language_and_dates_keep_their_precision(site):
    header, *rows = read_as_excel(data_dir(site) / "events.csv")
    events = {row[0]: dict(zip(header, row)) for row in rows}
    for event in RECORDS["events"]:
        assert events[event["id"]]["title_fr"] == event["title"]["fr"]
        assert events[event["id"]]["title_en"] == event["title"]["en"]
        assert events[event["id"]]["start"] == event["start"]  # "2024" stays "2024", "2022-12" stays "2022-12"
        assert events[event["id"]]["members"].split() == event["members"]
    assert {len(event["start"]) for event in RECORDS["events"]} >= {4, 7, 10}  # the data has all three precisions


def test_csv_files_are_rfc_4180_with_crlf_line_ends(site):
    for file in sorted(data_dir(site).glob("*.csv")):
        rows = read_as_excel(file)
        text = file.read_bytes()[len(BOM) :].decode("utf-8")
        line_breaks_in_cells = sum(cell.count("\n") for row in rows for cell in row)
        assert text.endswith("\r\n") and text.count("\r\n") == len(rows) + sum(
            cell.count("\r\n") for row in rows for cell in row
        )
        assert text.count("\n") == len(rows) + line_breaks_in_cells, f"{file.name}: a line ends without CR"


def test_libreoffice_opens_every_csv_with_accents_intact_and_columns_split(site, tmp_path):
    files = sorted(data_dir(site).glob("*.csv"))
    sheets = read_with_libreoffice(files, tmp_path)
    for file in files:
        expected = read_as_excel(file)
        rows, formulas = sheets[file.name]
        assert formulas == 0, file.name
        assert [
            row[: len(expected[0])] + [""] * (len(expected[0]) - len(row)) for row in rows[: len(expected)]
        ] == expected, file.name
    assert any("é" in cell for row in sheets["projects.csv"][0] for cell in row)


def hostile_copy(tmp_path: Path) -> Path:
    """data/ and the interface words of the project, with texts a spreadsheet would take for formulas."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "data", copy / "data")
    shutil.copytree(ROOT / "i18n", copy / "i18n")
    partners = copy / "data" / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    text = text.replace(
        'name: {fr: "Union européenne", en: "European Union"}',
        'name: {fr: "=HYPERLINK(\\"https://example.org\\";\\"x\\")", en: "+SUM(1;2)"}',
        1,
    )
    text = text.replace('name: {fr: "CGLU-ASPAC", en: "UCLG-ASPAC"}', 'name: {fr: "-2+3", en: "@SUM(1;2)"}', 1)
    partners.write_text(text, encoding="utf-8")
    return copy


def test_a_text_that_looks_like_a_formula_stays_text_in_a_spreadsheet(tmp_path):
    from rvase.catalog import load_catalog
    from rvase.exports import OpenData

    copy = hostile_copy(tmp_path)
    files = OpenData(load_catalog(copy / "data", copy / "i18n" / "interface.yaml"), SITE_URL).files
    (tmp_path / "partners.csv").write_bytes(files["partners.csv"])
    header, *rows = read_as_excel(tmp_path / "partners.csv")
    names = {row[0]: dict(zip(header, row)) for row in rows}
    assert (names["european-union"]["name_fr"], names["european-union"]["name_en"]) == (
        '\'=HYPERLINK("https://example.org";"x")',
        "'+SUM(1;2)",
    )
    assert (names["uclg-aspac"]["name_fr"], names["uclg-aspac"]["name_en"]) == ("'-2+3", "'@SUM(1;2)")
    sheet, formulas = read_with_libreoffice([tmp_path / "partners.csv"], tmp_path / "out")["partners.csv"]
    assert formulas == 0
    assert '\'=HYPERLINK("https://example.org";"x")' in sheet[1 + [r[0] for r in rows].index("european-union")]
    # the JSON keeps the data as it is: no spreadsheet opens it
    partners = json.loads(files["partners.json"])["partners"]
    assert partners[0]["name"]["fr"] == '=HYPERLINK("https://example.org";"x")'


def test_the_licence_is_not_yet_set_until_the_network_sets_it(site, tmp_path):
    from rvase.catalog import load_catalog
    from rvase.exports import OpenData

    assert DATA["network"]["network"]["data_licence"] is None
    package = json.loads((data_dir(site) / "datapackage.json").read_text(encoding="utf-8"))
    assert "licenses" not in package
    assert package["licenses_note"] == "Licence pas encore définie par le réseau / Licence not yet set by the network"
    copy = hostile_copy(tmp_path)
    network = copy / "data" / "network.yaml"
    network.write_text(
        network.read_text(encoding="utf-8").replace(
            "  data_licence: null",
            '  data_licence: {name: CC-BY-4.0, title: "Creative Commons Attribution 4.0 International", '
            'path: "https://creativecommons.org/licenses/by/4.0/"}',
        ),
        encoding="utf-8",
    )
    package = json.loads(
        OpenData(load_catalog(copy / "data", copy / "i18n" / "interface.yaml"), SITE_URL).files["datapackage.json"]
    )
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert "licenses_note" not in package


def test_the_package_names_its_sources(site):
    package = json.loads((data_dir(site) / "datapackage.json").read_text(encoding="utf-8"))
    assert [s["title"] for s in package["sources"]] == [
        f"{s['title']['fr']} / {s['title']['en']}" for s in RECORDS["sources"]
    ]


def page_exists(site, address: str) -> bool:
    """An absolute address of the test build: its file exists and, with an anchor, holds an element of that id."""
    assert address.startswith(SITE_URL), address
    parts = urlsplit(address)
    relative = parts.path[len(urlsplit(SITE_URL).path) :]
    if not (site.path / relative / "index.html").exists():
        return False
    return not parts.fragment or site.page(relative).find(id=parts.fragment) is not None


@pytest.mark.parametrize("name", ["projects", "members", "themes", "events", "partners", "news"])
def test_json_records_carry_both_page_addresses_which_exist(site, name):
    records = json.loads((data_dir(site) / f"{name}.json").read_text(encoding="utf-8"))[name]
    assert [r["id"] for r in records] and sorted(r["id"] for r in records) == sorted(r["id"] for r in RECORDS[name])
    for record in records:
        assert set(record["page"]) == {"fr", "en"}
        assert record["page"]["en"].startswith(SITE_URL + "en/") and not record["page"]["fr"].startswith(
            SITE_URL + "en/"
        )
        for lang in ("fr", "en"):
            assert page_exists(site, record["page"][lang]), record["page"][lang]


@pytest.mark.parametrize(
    "name, folder", [("projects", "projects"), ("members", "members"), ("events", "calendar"), ("news", "news")]
)
def test_a_record_with_a_page_of_its_own_is_given_that_page_not_its_place_on_a_list(site, name, folder):
    """An event's address is `calendar/<id>/` (its page), not `calendar/#<id>`, in the JSON and the CSV alike."""
    records = json.loads((data_dir(site) / f"{name}.json").read_text(encoding="utf-8"))[name]
    header, *rows = read_as_excel(data_dir(site) / f"{name}.csv")
    in_csv = {
        row[header.index("id")]: {lang: row[header.index(f"page_{lang}")] for lang in ("fr", "en")} for row in rows
    }
    for record in records:
        expected = {"fr": f"{SITE_URL}{folder}/{record['id']}/", "en": f"{SITE_URL}en/{folder}/{record['id']}/"}
        assert record["page"] == expected == in_csv[record["id"]], record["id"]


def test_json_keeps_the_records_as_the_data_holds_them(site):
    projects = json.loads((data_dir(site) / "projects.json").read_text(encoding="utf-8"))["projects"]
    for record, original in zip(
        sorted(projects, key=lambda r: r["id"]), sorted(RECORDS["projects"], key=lambda r: r["id"])
    ):
        assert {k: v for k, v in record.items() if k != "page"} == original
    plan = json.loads((data_dir(site) / "action-plan.json").read_text(encoding="utf-8"))
    for axis in plan["axes"]:
        for action in axis["actions"]:
            assert all(page_exists(site, action["page"][lang]) for lang in ("fr", "en"))


def calendar_events(site, lang: str, relative: str) -> set[str]:
    calendar = Calendar.from_ical((site.path / ("en/" if lang == "en" else "") / relative).read_bytes())
    return {
        str(component["URL"]).rstrip("/").rsplit("/", 1)[1] for component in calendar.walk("VEVENT")
    }  # calendar/<id>/


def in_feed(event: dict) -> bool:
    """A day known at both ends, and more than a decision (a decided-only meeting is never in a feed)."""
    return len(event["start"]) == 10 and len(event.get("end", event["start"])) == 10 and event["status"] != "decided"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_member_has_a_calendar_of_exactly_its_events(site, lang):
    for member in RECORDS["members"]:
        expected = {e["id"] for e in RECORDS["events"] if member["id"] in e["members"] and in_feed(e)}
        assert calendar_events(site, lang, f"calendar/members/{member['id']}.ics") == expected, member["id"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_theme_has_a_calendar_of_the_events_on_it_or_on_its_projects(site, lang):
    project_themes = {p["id"]: set(p["themes"]) for p in RECORDS["projects"]}
    for theme in RECORDS["themes"]:
        expected = {
            e["id"]
            for e in RECORDS["events"]
            if in_feed(e)
            and (theme["id"] in e["themes"] or any(theme["id"] in project_themes[p] for p in e["projects"]))
        }
        assert calendar_events(site, lang, f"calendar/themes/{theme['id']}.ics") == expected, theme["id"]


# The downloads each page offers, by the name of the file under /data/.
PAGE_DOWNLOADS = {
    "projects/": ["projects.csv", "projects.json"],
    "members/": ["members.csv", "members.json", "member-representatives.csv"],
    "calendar/": ["events.csv", "events.json"],
    "partners/": ["partners.csv", "partners.json"],
}
UNITS = {"fr": {"o": 1, "Ko": 1000, "Mo": 1_000_000}, "en": {"B": 1, "KB": 1000, "MB": 1_000_000}}
SIZE = re.compile(r"\((CSV|JSON), ([0-9]+(?:[.,][0-9])?) (o|Ko|Mo|B|KB|MB)\)$")


def file_behind(site, page: str, href: str) -> Path:
    """The built file a relative link of a page leads to."""
    return (site.path / page / href).resolve()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", list(PAGE_DOWNLOADS))
def test_each_page_links_its_downloads_with_format_and_size(site, lang, page):
    address = site.address(lang, page)
    heading = site.page(address).find("h2", id="downloads")
    assert (
        heading is not None and heading.get_text() == {"fr": "Télécharger les données", "en": "Download the data"}[lang]
    )
    links = {file_behind(site, address, a["href"]).name: a for a in heading.find_next("ul").find_all("a")}
    assert list(links) == PAGE_DOWNLOADS[page] + ["datapackage.json"]
    for name, link in links.items():
        file = file_behind(site, address, link["href"])
        assert file.parent == data_dir(site).resolve() and file.is_file()
        found = SIZE.search(link.get_text())
        assert found, link.get_text()
        file_format, number, unit = found.groups()
        assert file_format == file.suffix[1:].upper()
        assert ("," in number) == (lang == "fr" and not number.isdigit()) and unit in UNITS[lang]
        decimals = 0 if number.isdigit() else len(re.split("[.,]", number)[1])
        tolerance = 0.5 * 10**-decimals * UNITS[lang][unit]  # "9,8 Ko" is any size that rounds to it
        shown = float(number.replace(",", "."))
        assert abs(shown * UNITS[lang][unit] - file.stat().st_size) <= tolerance, (
            name,
            link.get_text(),
            file.stat().st_size,
        )
    licence = heading.find_next("ul").find_next("p").get_text()
    assert {"fr": "Licence : pas encore définie par le réseau.", "en": "Licence: not yet set by the network."}[
        lang
    ] in licence


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_member_page_offers_its_own_calendar(site, lang):
    for member in RECORDS["members"]:
        address = site.address(lang, f"members/{member['id']}/")
        section = site.page(address).find("h2", id="calendar")
        assert section is not None, address
        links = [a["href"] for a in section.find_next("p").find_all("a")]
        own = ("en/" if lang == "en" else "") + f"calendar/members/{member['id']}.ics"
        assert file_behind(site, address, links[1]) == (site.path / own).resolve()
        assert links[0] == "webcal://" + (SITE_URL + own).split("://", 1)[1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_theme_offers_its_own_calendar_in_its_section(site, lang):
    address = site.address(lang, "themes/")
    page = site.page(address)
    for theme in RECORDS["themes"]:
        heading = page.find("h3", id=theme["id"])
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            section += sibling.find_all("a", href=re.compile(r"\.ics$"))
        own = ("en/" if lang == "en" else "") + f"calendar/themes/{theme['id']}.ics"
        assert [file_behind(site, address, a["href"]) for a in section if not a["href"].startswith("webcal:")] == [
            (site.path / own).resolve()
        ], theme["id"]


# Fields whose columns are not named after them: nested values spread over columns of their own, lists of records
# given a table of their own.
SPREAD = {
    ("members", "coordinates"): ["lat", "lon"],
    ("projects", "period"): ["start_year", "end_year"],
    ("events", "place"): ["place_venue_fr", "place_venue_en", "place_city_fr", "place_city_en", "country"],
    ("members", "representatives"): [],
    ("member-representatives", "local_title"): ["local_title", "local_title_language"],
}
# Each CSV and the schema of its records: (data file, path to the records' schema in it).
RECORD_SCHEMAS = {
    **{kind: (kind, ["properties", kind, "items"]) for kind in RECORDS},
    "member-representatives": ("members", ["properties", "members", "items", "properties", "representatives", "items"]),
    "action-plan-axes": ("action_plan", ["properties", "axes", "items"]),
    "action-plan-actions": ("action_plan", ["properties", "axes", "items", "properties", "actions", "items"]),
    "roadmap-points": ("roadmap", ["properties", "points", "items"]),
    "roadmap-thematic-plans": ("roadmap", ["properties", "thematic_plans", "items"]),
    "roadmap-partnership-targets": ("roadmap", ["properties", "partnership_targets", "items"]),
}


@pytest.mark.parametrize("table", list(RECORD_SCHEMAS))
def test_every_field_of_the_data_has_its_columns(site, table):
    data_file, path = RECORD_SCHEMAS[table]
    schema = yaml.safe_load((ROOT / "data" / "schema" / f"{data_file}.schema.yaml").read_text(encoding="utf-8"))
    for step in path:
        schema = schema[step]
    header = read_as_excel(data_dir(site) / f"{table}.csv")[0]
    for field, described in schema["properties"].items():
        if (table, field) in SPREAD:
            expected = SPREAD[(table, field)]
        elif field == "as_of":
            expected = ["as_of_date", "as_of_source"]
        elif described.get("$ref") == "common#/$defs/note":
            expected = ["note_fr", "note_en"]
        elif (
            described.get("$ref", "").startswith("common#/$defs/")
            and described["$ref"].split("/")[-1] in ("text", "line", "markdown", "optional_text")
            or described.get("items", {}).get("$ref") == "common#/$defs/text"
        ):
            expected = [f"{field}_fr", f"{field}_en"]
        elif field == "actions":
            expected = []  # the actions of an axis: action-plan-actions.csv, each with its axis
        else:
            expected = [field]
        assert set(expected) <= set(header), (table, field, expected)
    if table == "action-plan-actions":
        assert "axis" in header
