"""The schemas' references are inlined for speed (rvase.validate.inline_references): the same data gets the same errors.

Each data file is broken in many places, one at a time (a field emptied, given a wrong type, a list or block
in place of a text…), and validated twice: by the schema as written, whose `$ref`s the validator looks up, and
by the schema the build uses. Both must find the same errors, at the same places, with the same messages.
"""
import random
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from rvase.source import SafeLoader, read_yaml
from rvase.validate import DATA_FILES, _leaf_errors, check_schema, inline_references, schema_validator

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "data" / "schema"
WRONG_VALUES = [None, 42, "", "  ", [], {}, ["x", "x"], {"fr": "seulement"}, "Not a slug!", "2023-13-45", -5, True]


def referenced_validator(name: str) -> Draft202012Validator:
    """The schema as written: every `$ref` looked up by the validator."""
    schema, common = (yaml.load((SCHEMAS / f"{file}.schema.yaml").read_text(encoding="utf-8"), Loader=SafeLoader)
                      for file in (name, "common"))
    registry = Registry().with_resource("common", Resource.from_contents(common, default_specification=DRAFT202012))
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


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
    return sorted((tuple(map(str, leaf.absolute_path)), leaf.validator, leaf.message)
                  for error in validator.iter_errors(data) for leaf in _leaf_errors(error))


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
    common = {"$id": "common", "$defs": {"step": {"type": "object", "properties": {"next": {"$ref": "#/$defs/step"},
                                                                                    "name": {"type": "string"}}}}}
    schema = {"type": "object", "properties": {"first": {"$ref": "common#/$defs/step"}}}
    registry = Registry().with_resource("common", Resource.from_contents(common, default_specification=DRAFT202012))
    referenced = Draft202012Validator(schema, registry=registry)
    inlined = Draft202012Validator(inline_references(schema, {"": schema, "common": common}), registry=registry)
    broken = {"first": {"name": "a", "next": {"name": "b", "next": {"name": 3}}}}
    assert errors(inlined, broken) == errors(referenced, broken) == [(("first", "next", "next", "name"), "type", "3 is not of type 'string'")]
