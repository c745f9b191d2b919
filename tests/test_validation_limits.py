"""What validation proves before any page is written, whatever the schemas say (issue 24): each promise on a small
document or file, beside the hostile corpus (tests/hostile/validation2.yaml) that makes the same edits to the data."""

import json
import os
import subprocess
import sys

import pytest

from rvase.checks.addresses import address_problem
from rvase.checks.files import symbolic_links
from rvase.checks.ids import id_problem
from rvase.checks.markdown_cost import MAX_BRACKETS
from rvase.geo import load_boundaries
from rvase.problems import DataError
from rvase.source import read_located
from rvase.validate import beyond_the_schemas, check_links, check_records, check_texts
from support.project import ROOT


def test_an_unknown_id_is_reported_once_with_at_most_three_suggestions():
    """Ten unknown ids among two thousand known ones: ten problems, each short (the whole list made it K×U)."""
    known = [f"source-{number}" for number in range(2000)]
    unknown = [f"nowhere-{letter}" for letter in "abcdefghij"] + ["source-19999"]
    documents = {
        "sources": {"sources": [{"id": source_id} for source_id in known]},
        "members": {"members": [{"id": "phnom-penh", "sources": unknown}]},
    }
    problems = check_links(documents)
    assert len(problems) == len(unknown)
    for position, value in enumerate(unknown):
        told = [p for p in problems if p.field == f"members › phnom-penh › sources › #{position + 1}"]
        assert len(told) == 1 and value in told[0].en
    for problem in problems:
        suggested = problem.en.partition("Did you mean")[2]
        assert suggested.count("'") <= 2 * 3 and len(problem.en) < 300, problem.en
    assert "Did you mean" in problems[-1].en  # source-19999 has near twins


def test_a_news_body_of_19000_brackets_is_refused_before_it_is_parsed(monkeypatch):
    import rvase.news_markdown

    monkeypatch.setattr(rvase.news_markdown, "markdown_text", lambda text: pytest.fail("the body was parsed"))
    documents = {"news": {"news": [{"id": "report", "body": {"fr": "[" * 19_000, "en": "[a](#b) " * MAX_BRACKETS}}]}}
    problems = beyond_the_schemas(documents, "data", [])
    assert [(p.field, "19000 brackets" in p.en) for p in problems] == [("news › report › body › fr", True)]


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example\\@good.example/",
        "https://good.example@evil.example/",
        "https://user:password@good.example",
        "https://evil.example\\good.example",
        "//good.example@evil.example",
        "HTTPS://a@b.example",
    ],
)
def test_a_web_address_with_a_user_name_or_a_backslash_is_refused(address):
    assert address_problem(address)


@pytest.mark.parametrize(
    "address",
    [
        "https://www.aimf.asso.fr",
        "https://example.org/path?mail=a@b.example#top",
        "mailto:contact@aimf.asso.fr",
        "a text with @ and \\ in it",
    ],
)
def test_a_plain_web_address_or_text_is_accepted(address):
    assert address_problem(address) is None


def test_a_misleading_address_is_refused_in_any_field_whatever_the_schema():
    documents = {"partners": {"partners": [{"id": "afd", "extra": {"link": "https://afd.example\\@good.example/"}}]}}
    problems = beyond_the_schemas(documents, "data", [])
    assert [p.field for p in problems] == ["partners › afd › extra › link"]


@pytest.mark.parametrize("value", ["../../README", "index.html", "Phnom-Penh", "a" * 65, 12, True, None, "phnom penh"])
def test_an_id_is_a_name_never_a_path_whatever_the_schema_says(value):
    assert id_problem(value)
    problems = beyond_the_schemas({"projects": {"projects": [{"id": value}]}}, "data", [])
    assert len(problems) == 1 and problems[0].field.endswith("› id") and problems[0].fr and problems[0].en


def test_a_code_check_is_silent_where_the_schema_already_spoke():
    documents = {"projects": {"projects": [{"id": "../x"}]}}
    first = beyond_the_schemas(documents, "data", [])
    assert beyond_the_schemas(documents, "data", first) == []


@pytest.mark.parametrize("start", [2030.0, True, "2030"])
def test_years_that_are_not_whole_numbers_are_refused_by_the_code(start):
    documents = {"projects": {"projects": [{"id": "p", "period": {"start_year": start, "end_year": 2019}}]}}
    problems = check_records(documents)
    assert [p.field for p in problems] == ["projects › p › period › start_year"]
    assert "whole number" in problems[0].en and "nombre entier" in problems[0].fr


def test_a_field_name_yaml_reads_as_a_number_or_true_is_refused_as_typed(tmp_path):
    path = tmp_path / "interface.yaml"
    path.write_text(
        'page.news: {fr: "Actualités", en: "News"}\n2: {fr: "deux", en: "two"}\nyes: {fr: "oui", en: "yes"}\n',
        encoding="utf-8",
    )
    data, _ = read_located(path, "i18n/interface.yaml")
    problems, _ = check_texts(data, "i18n/interface.yaml")
    assert sorted((p.line, p.field) for p in problems) == [(2, "2"), (3, "yes")]


def test_a_control_character_in_a_file_holding_an_ampersand_is_told_with_line_and_column(tmp_path):
    path = tmp_path / "partners.yaml"
    path.write_text('partners:\n  - name: "Bill & Melinda \x07Gates"\n', encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_located(path, "data/partners.yaml")
    (problem,) = raised.value.problems
    assert problem.line == 2 and "U+0007, column 27" in problem.en and "colonne 27" in problem.fr


def test_a_symbolic_link_is_refused_wherever_the_build_reads(tmp_path):
    data = tmp_path / "data"
    (data / "geo").mkdir(parents=True)
    (data / "members.yaml").write_text("members: []\n", encoding="utf-8")
    (data / "dangling.yaml").symlink_to("missing.yaml")
    (data / "geo" / "countries.geojson").symlink_to(ROOT / "data" / "geo" / "countries.geojson")
    os.symlink(ROOT / "data" / "schema", data / "schema")
    problems = symbolic_links({"data": data, "data/schema": data / "schema", "data/geo": data / "geo"})
    assert sorted(p.file for p in problems) == ["data/dangling.yaml", "data/geo/countries.geojson", "data/schema"]
    assert all(p.line == 1 and "symbolic link" in p.en and "lien symbolique" in p.fr for p in problems)


BOUNDARIES = json.loads((ROOT / "data" / "geo" / "countries.geojson").read_text(encoding="utf-8"))


def _changed(change) -> dict:
    copy = json.loads(json.dumps(BOUNDARIES))
    change(copy)
    return copy


@pytest.mark.parametrize(
    "text, field",
    [
        (json.dumps({"type": "Topology", "objects": {}}), "type"),
        (json.dumps(_changed(lambda c: c.update(bbox=[1, 2, 3]))), "bbox"),
        (json.dumps(_changed(lambda c: c.pop("features"))), "features"),
        (
            json.dumps(_changed(lambda c: c["features"][0]["properties"].pop("role"))),
            "features › #1 › properties › role",
        ),
        (
            json.dumps(_changed(lambda c: c["features"][2]["properties"].update(label_point="here"))),
            "features › #3 › properties › label_point",
        ),
        (
            json.dumps(_changed(lambda c: c["features"][1]["geometry"].update(type="Polygon"))),
            "features › #2 › geometry › coordinates",
        ),
        (
            json.dumps(
                _changed(lambda c: c["features"][0]["geometry"]["coordinates"][0][0][0].__setitem__(0, float("nan")))
            ),
            "features › #1 › geometry › coordinates",
        ),
        ('{"type": "FeatureCollection",\n "bbox": [1, 2,', ""),
        ("[" * 100_000, ""),
    ],
)
def test_map_boundaries_of_the_wrong_shape_are_a_problem_not_a_crash(tmp_path, text, field):
    path = tmp_path / "countries.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_boundaries(path)
    assert field in [p.field for p in raised.value.problems]
    assert all(p.file == "data/geo/countries.geojson" and p.line and p.fr and p.en for p in raised.value.problems)


def test_the_map_boundaries_of_the_data_are_read():
    assert len(load_boundaries().countries) == len(BOUNDARIES["features"])


CALENDAR_UNDER_O = """
import datetime
from rvase.calendar_feed import calendar_files
from rvase.catalog import load_catalog
catalog = load_catalog()
catalog.network["ambition"]["en"] = "Line one\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:injected"
catalog.network["acronym"] = "RVASE\\nX-INJECTED:yes"
whole, _, _ = calendar_files(catalog, "en", catalog.events, lambda event: "https://example.org/" + event.id,
                             datetime.date(2025, 6, 1))
import sys
sys.stdout.buffer.write(whole)
"""


def test_a_line_break_in_a_calendar_text_is_escaped_even_under_python_O():
    """Validation refuses a line break in the acronym; the writer escapes one anyway, with no assert to rely on."""
    result = subprocess.run([sys.executable, "-O", "-c", CALENDAR_UNDER_O], cwd=ROOT, capture_output=True, check=True)
    lines = result.stdout.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert not any(line.startswith((b"X-INJECTED", b"SUMMARY:injected")) for line in lines)
    assert lines.count(b"END:VCALENDAR") == 1 and lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT")
    assert b"Line one\\nEND:VCALENDAR" in result.stdout.replace(b"\r\n ", b"")
