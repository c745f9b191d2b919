"""The schemas are the one declaration of what refers to what and of the hints a message gives (issue 20): the
reference checks, the open data's foreign keys and the messages' hints are derived from them, so a field added to a
schema with `x-refers-to` is checked and exported without a second list to keep. Cases are generated from the
schemas, walked here on their own, not from a hand list."""

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from rvase.catalog import load_catalog
from rvase.checks.fields import field_path
from rvase.checks.schema_errors import explain
from rvase.checks.unique_ids import ID_LISTS
from rvase.export_tables import tables
from rvase.exports import PACKAGE_FILE, OpenData
from rvase.schemas import DataValidator, inline_references
from rvase.site_map import RECORD_KINDS
from rvase.source import SafeLoader, line_of
from rvase.validate import DATA_FILES, check_links, load_data_files
from support.project import ROOT

SCHEMAS = ROOT / "data" / "schema"


def schema(name: str) -> dict:
    return yaml.load((SCHEMAS / f"{name}.schema.yaml").read_text(encoding="utf-8"), Loader=SafeLoader)


def declared_references(name: str) -> list[tuple[tuple, str, tuple]]:
    """(path with `*` for list items, kind, values also accepted) of each `x-refers-to` of data/<name>.yaml's schema."""
    found = []

    def walk(node, path, document):
        if isinstance(node, dict) and "$ref" in node:
            target, _, pointer = node["$ref"].partition("#")
            resolved = schema(target) if target else document
            for step in pointer.strip("/").split("/"):
                resolved = resolved[step]
            walk(resolved, path, schema(target) if target else document)
        if not isinstance(node, dict):
            return
        if "x-refers-to" in node:
            found.append((path, node["x-refers-to"], tuple(node.get("x-also-accepts", ()))))
            return
        for key, value in node.get("properties", {}).items():
            walk(value, path + (key,), document)
        if "items" in node:
            walk(node["items"], path + ("*",), document)
        for choice in ("allOf", "oneOf", "anyOf"):
            for branch in node.get(choice, []):
                walk(branch, path, document)

    walk(schema(name), (), schema(name))
    return found


REFERENCES = [(name, *reference) for name in DATA_FILES for reference in declared_references(name)]


def places(data, steps, path=()):
    """The paths in `data` of the field at `steps` (`*`: each item of a list)."""
    if not steps:
        yield list(path)
    elif steps[0] == "*":
        for index, item in enumerate(data if isinstance(data, list) else []):
            yield from places(item, steps[1:], path + (index,))
    elif isinstance(data, dict) and steps[0] in data:
        yield from places(data[steps[0]], steps[1:], path + (steps[0],))


def test_the_schemas_declare_references_and_each_names_a_kind_of_record():
    assert len(REFERENCES) > 20
    kinds = {kind.kind for kind in RECORD_KINDS} & {name for name, _ in ID_LISTS}
    assert {kind for _, _, kind, _ in REFERENCES} <= kinds


def test_the_schemas_with_their_own_keywords_are_valid_json_schema_that_the_validator_ignores():
    for path in SCHEMAS.glob("*.schema.yaml"):
        Draft202012Validator.check_schema(schema(path.name.removesuffix(".schema.yaml")))
    slug = {"type": "string", "pattern": "^[a-z]+$"}
    inlined = inline_references(
        {"properties": {"theme": {"$ref": "#/$defs/slug", "x-refers-to": "themes"}}, "$defs": {"slug": slug}},
        {"": {"$defs": {"slug": slug}}},
    )
    assert inlined["properties"]["theme"] == {**slug, "x-refers-to": "themes"}
    assert DataValidator(inlined).is_valid({"theme": "water"}) and not DataValidator(inlined).is_valid(
        {"theme": "Water"}
    )


@pytest.mark.parametrize(
    "name, steps, kind, also", REFERENCES, ids=lambda v: "/".join(v) if isinstance(v, tuple) else str(v)
)
def test_an_unknown_id_in_each_declared_reference_stops_the_check_naming_file_line_and_field(name, steps, kind, also):
    documents, problems = load_data_files(ROOT / "data")
    assert problems == []
    data = documents[name]
    path = next((path for path in places(data, steps) if _value(data, path)), None)  # a text or a list not empty
    if path is None:
        pytest.skip(f"no value of {'/'.join(steps)} in data/{name}.yaml to break")
    holder = data
    for step in path[:-1]:
        holder = holder[step]
    if isinstance(holder[path[-1]], list):
        holder, path = holder[path[-1]], path + [0]
    holder[path[-1]] = "nowhere-at-all"
    told = [p for p in check_links(documents) if p.file == f"data/{name}.yaml" and "nowhere-at-all" in p.en]
    assert len(told) == 1, told
    problem = told[0]
    assert problem.field == field_path(data, path) and problem.line == line_of(data, path) and problem.line
    assert "nowhere-at-all" in problem.fr and f"data/{kind}.yaml" in problem.fr and f"data/{kind}.yaml" in problem.en


def test_the_validator_checks_no_reference_the_schemas_do_not_declare():
    """Every text of the data that is some record's id is made unknown: only the declared fields are told."""
    documents, _ = load_data_files(ROOT / "data")
    every_id = {record["id"] for name, steps in ID_LISTS for record in _records(documents[name], steps)}
    declared = {
        (name, field_path(documents[name], path + position))
        for name, steps, _, _ in REFERENCES
        for path in places(documents[name], steps)
        for position in (
            [[i] for i in range(len(_value(documents[name], path)))]
            if isinstance(_value(documents[name], path), list)
            else [[]]
        )
    }

    def poison(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "id":
                    continue
                node[key] = "zz-" + value if isinstance(value, str) and value in every_id else poison(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                node[index] = "zz-" + value if isinstance(value, str) and value in every_id else poison(value)
        return node

    for data in documents.values():
        poison(data)
    told = {(p.file.removeprefix("data/").removesuffix(".yaml"), p.field) for p in check_links(documents)}
    assert told and told <= declared


def _value(data, path):
    for step in path:
        data = data[step]
    return data


def _records(data, steps):
    for step in steps:
        data = data[step]
    return data


def test_the_open_data_foreign_keys_are_the_schemas_references():
    """Each reference of an exported record list is a foreign key (a list of ids through its link table); a field that
    also accepts other values (an event's organizer: `network` or a partner) is none. A row's parent is one too."""
    package = json.loads(OpenData(load_catalog(), "https://example.org/").files[PACKAGE_FILE])
    found = {
        (resource["name"], key["fields"], key["reference"]["resource"])
        for resource in package["resources"]
        for key in resource.get("schema", {}).get("foreignKeys", [])
    }
    expected = {("member-representatives", "member", "members"), ("action-plan-actions", "axis", "action-plan-axes")}
    for table in tables().values():
        file, *steps = table.records_in
        start = (*steps, "*")
        for name, path, kind, also in REFERENCES:
            if name != file or path[: len(start)] != start or "*" in path[len(start) :]:
                continue  # another file's, or a nested list's (an axis's actions: their own table)
            column = next(c for c in table.columns if c.name == "_".join(path[len(start) :]))
            link_table = f"{table.name}-{column.name.replace('_', '-')}"
            if also:
                assert not any(
                    key[0] in (table.name, link_table) and key[1] in (column.name, column.item) for key in found
                )
            elif column.is_list:
                expected |= {(link_table, column.item, kind), (link_table, table.row_name, table.name)}
            else:
                expected.add((table.name, column.name, kind))
    assert found == expected


def test_every_pattern_of_the_schemas_has_its_hint_in_the_message_of_a_value_that_does_not_match():
    def patterned(node):
        if isinstance(node, dict):
            if "pattern" in node:
                yield node
            for value in node.values():
                yield from patterned(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterned(value)

    nodes = [
        node
        for path in SCHEMAS.glob("*.schema.yaml")
        for node in patterned(schema(path.name.removesuffix(".schema.yaml")))
    ]
    assert nodes
    for node in nodes:
        assert "x-hint" in node or node.get("x-not-blank"), node["pattern"]
        errors = [
            e
            for e in DataValidator(
                {"type": "string", "pattern": node["pattern"], **{k: v for k, v in node.items() if k.startswith("x-")}}
            ).iter_errors("  \n")
            if e.validator == "pattern"
        ]
        assert errors, node["pattern"]
        fr, en = explain(errors[0])
        if "x-hint" in node:
            assert node["x-hint"]["fr"] in fr and node["x-hint"]["en"] in en
        else:
            assert "vide" in fr and "empty" in en
