"""A researcher filters the projects by country, as the catalog does, from the open data alone: projects.csv gives each
project its members' countries, described in the Data Package."""

import csv
import json

import yaml

from support.project import ROOT


def test_each_project_row_gives_the_countries_of_its_members_in_their_order(site):
    members = {
        m["id"]: m for m in yaml.safe_load((ROOT / "data" / "members.yaml").read_text(encoding="utf-8"))["members"]
    }
    projects = yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"]
    with (site.path / "data" / "projects.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert set(rows) == {p["id"] for p in projects}
    for project in projects:
        expected = list(dict.fromkeys(members[m]["country"] for m in project["members"]))
        assert rows[project["id"]]["countries"].split() == expected, project["id"]
    assert len({row["countries"] for row in rows.values()}) > 1  # several countries: the column is really filled


def test_the_countries_column_is_described_in_both_languages(site):
    package = json.loads((site.path / "data" / "datapackage.json").read_text(encoding="utf-8"))
    table = next(r for r in package["resources"] if r["name"] == "projects")
    field = next(f for f in table["schema"]["fields"] if f["name"] == "countries")
    assert field["type"] == "string" and field.get("description")
