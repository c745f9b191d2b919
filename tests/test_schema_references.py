"""The schemas' references are inlined for speed (rvase.schemas.inline_references): the same data gets the same errors.

Each data file is broken in many places, one at a time (a field emptied, given a wrong type, a list or block
in place of a text…), and validated twice: by the schema as written, whose `$ref`s the validator looks up, and
by the schema the build uses. Both must find the same errors, at the same places, with the same messages.
"""

import random
from pathlib import Path

import pytest
import yaml
from jsonschema import FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from rvase.checks.schema_errors import check_schema, leaf_errors
from rvase.schemas import DataValidator, inline_references, python_pattern, schema_validator
from rvase.source import SafeLoader, read_yaml
from rvase.validate import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "data" / "schema"
WRONG_VALUES = [None, 42, "", "  ", [], {}, ["x", "x"], {"fr": "seulement"}, "Not a slug!", "2023-13-45", -5, True]


def referenced_validator(name: str) -> DataValidator:
    """The schema as written: every `$ref` looked up by the validator."""
    schema, common = (
        yaml.load((SCHEMAS / f"{file}.schema.yaml").read_text(encoding="utf-8"), Loader=SafeLoader)
        for file in (name, "common")
    )
    registry = Registry().with_resource("common", Resource.from_contents(common, default_specification=DRAFT202012))
    return DataValidator(schema, registry=registry, format_checker=FormatChecker())


def places(node, path=()):
    """Every place in a document: (path to it) for each value, list item and block."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, path + (index,))


def replaced(node, path, value):
    if not path:
        return value
    if isinstance(node, dict):
        return {**node, path[0]: replaced(node[path[0]], path[1:], value)}
    return [replaced(item, path[1:], value) if index == path[0] else item for index, item in enumerate(node)]


def errors(validator, data) -> list:
    return sorted(
        (tuple(map(str, leaf.absolute_path)), leaf.validator, leaf.message)
        for error in validator.iter_errors(data)
        for leaf in leaf_errors(error)
    )


@pytest.mark.parametrize("name", DATA_FILES)
def test_inlined_schema_finds_the_same_errors(name):
    data = read_yaml(ROOT / "data" / f"{name}.yaml", f"data/{name}.yaml")  # as the build reads it (dates stay text)
    referenced, inlined = referenced_validator(name), schema_validator(SCHEMAS, name)
    assert "$ref" in (SCHEMAS / f"{name}.schema.yaml").read_text(encoding="utf-8")
    assert errors(inlined, data) == errors(referenced, data) == []
    assert check_schema(data, inlined, name) == []

    every_place = list(places(data))
    found_any = 0
    for path in random.Random(name).sample(every_place, k=min(60, len(every_place))):
        for value in random.Random(str(path)).sample(WRONG_VALUES, k=2):
            broken = replaced(data, path, value)
            expected = errors(referenced, broken)
            assert errors(inlined, broken) == expected, (path, value)
            found_any += bool(expected)
    assert found_any > 20  # the variants do break the data, so the comparison says something


def test_a_schema_that_refers_to_itself_is_left_to_the_validator_and_still_checks_the_same():
    common = {
        "$id": "common",
        "$defs": {
            "step": {"type": "object", "properties": {"next": {"$ref": "#/$defs/step"}, "name": {"type": "string"}}}
        },
    }
    schema = {"type": "object", "properties": {"first": {"$ref": "common#/$defs/step"}}}
    registry = Registry().with_resource("common", Resource.from_contents(common, default_specification=DRAFT202012))
    referenced = DataValidator(schema, registry=registry)
    inlined = DataValidator(inline_references(schema, {"": schema, "common": common}), registry=registry)
    broken = {"first": {"name": "a", "next": {"name": "b", "next": {"name": 3}}}}
    assert (
        errors(inlined, broken)
        == errors(referenced, broken)
        == [(("first", "next", "next", "name"), "type", "3 is not of type 'string'")]
    )


def patterns(node):
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from patterns(value)


# A value each pattern of the schemas accepts (the test fails on a new pattern until it is given one here).
ACCEPTED = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "phnom-penh",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "2023-05-18",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "08:00",
    r"^https://[^\s/$.?#][^\s]*$": "https://www.aimf.asso.fr",
    r"\S": "x",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "2023-05-18",
    "^[A-Za-z0-9][A-Za-z0-9.+-]*$": "CC-BY-4.0",
    r"^[^\n\r\u2028\u2029]*$": "Phnom Penh",
}


def test_every_pattern_of_every_schema_refuses_a_value_with_a_newline_after_it():
    """JSON Schema's `$` is the end of the text; Python's also matches before a final newline (python_pattern)."""
    found = {
        p
        for schema in SCHEMAS.glob("*.schema.yaml")
        for p in patterns(yaml.load(schema.read_text(encoding="utf-8"), Loader=SafeLoader))
    }
    assert found <= set(ACCEPTED), found - set(ACCEPTED)
    for pattern in found:
        validator = DataValidator({"type": "string", "pattern": pattern})
        assert validator.is_valid(ACCEPTED[pattern]), pattern
        if pattern.endswith("$"):
            assert not validator.is_valid(ACCEPTED[pattern] + "\n"), pattern
            assert python_pattern(pattern).endswith("\\Z")
