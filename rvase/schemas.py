"""The JSON Schemas of data/schema/: read once, made into validators, and asked what they declare beyond JSON Schema.

Besides JSON Schema 2020-12 (whose validators ignore keywords they do not know), a schema says:
- `x-refers-to: <kind>` on a field holding an id or a list of ids: the ids are those of data/<kind>.yaml's records
  (`x-also-accepts: [value]`: values accepted besides them). Validation checks them, the open data's foreign keys
  are made from them.
- `x-hint: {fr, en}` beside a `pattern`: the form expected, in words, for the message of a value that does not match.
- `x-not-blank: true` beside a pattern that only refuses a blank text: the message says the text is empty.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from . import settings
from .checks.whole_numbers import is_whole_number
from .source import SafeLoader

SCHEMA_DIR = settings.DATA_DIR / "schema"


def python_pattern(pattern: str) -> str:
    """A schema's pattern as Python must read it: `$` (outside a [class]) as `\\Z`, the very end of the text.

    Schemas are JSON Schema, whose patterns are ECMA-262 regular expressions, where `$` is the end of the text; in
    Python `$` also matches before a final newline, so `"phnom-penh\\n"` passed `^[a-z0-9-]+$` and an id ending in a
    newline became a file name.
    """
    out, escaped, in_class = [], False, False
    for character in pattern:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "[":
            in_class = True
        elif character == "]":
            in_class = False
        elif character == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(character)
    return "".join(out)


@functools.cache
def compiled_pattern(pattern: str) -> re.Pattern:
    return re.compile(python_pattern(pattern))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not compiled_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 with patterns read as JSON Schema means them (python_pattern), and `integer` a whole number as the code
# needs it: JSON Schema counts 2030.0 as an integer, which a comparison of years then skipped.
DataValidator = validators.extend(
    Draft202012Validator,
    {"pattern": _pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", lambda _, value: is_whole_number(value)),
)


@dataclass(frozen=True)
class Reference:
    """A field of a data file holding ids of another kind's records. `path`: from the file's root to the field, `*`
    for each item of a list."""

    file: str
    path: tuple[str, ...]
    kind: str
    also_accepts: tuple[str, ...] = ()
    many: bool = False  # a list of ids (else one)

    @property
    def in_record(self) -> bool:
        """A field of one record of a list (a project's `themes`), not of a document or of a block (an `as_of`)."""
        return len(self.path) >= 2 and self.path[-2] == "*"


@dataclass(frozen=True)
class Schema:
    """One data file's schema: its validator and the references it declares."""

    validator: Any  # a DataValidator
    references: tuple[Reference, ...]


# (schema text, common.schema.yaml text) → its Schema: made once, not at every build of `mkdocs serve`.
_schemas: dict[tuple[str, ...], Schema] = {}


def read_schema(schema_dir: Path, name: str) -> dict:
    return yaml.load((schema_dir / f"{name}.schema.yaml").read_text(encoding="utf-8"), Loader=SafeLoader)


def schema_of(schema_dir: Path, name: str) -> Schema:
    """The Schema of `<schema_dir>/<name>.schema.yaml`, which may refer to common.schema.yaml."""
    texts = tuple((schema_dir / f"{file}.schema.yaml").read_text(encoding="utf-8") for file in (name, "common"))
    if texts not in _schemas:
        schema, common = (yaml.load(text, Loader=SafeLoader) for text in texts)
        registry = Registry().with_resource("common", Resource.from_contents(common, default_specification=DRAFT202012))
        schema = inline_references(schema, {"": schema, "common": common})
        _schemas[texts] = Schema(
            DataValidator(schema, registry=registry, format_checker=FormatChecker()),
            tuple(dict.fromkeys(_references(name, schema, ()))),
        )
    return _schemas[texts]


def schema_validator(schema_dir: Path, name: str) -> Draft202012Validator:
    """The validator of `<schema_dir>/<name>.schema.yaml`."""
    return schema_of(schema_dir, name).validator


def schema_references(schema_dir: Path, name: str) -> tuple[Reference, ...]:
    """Every field of data/<name>.yaml that holds ids of other records, in the schema's order."""
    return schema_of(schema_dir, name).references


def _references(file: str, node, path: tuple[str, ...]) -> Iterator[Reference]:
    if not isinstance(node, dict):
        return
    if "x-refers-to" in node:
        many = any(part.get("type") == "array" for part in [node, *node.get("allOf", [])])
        yield Reference(file, path, node["x-refers-to"], tuple(node.get("x-also-accepts", ())), many)
        return
    for key, value in node.get("properties", {}).items():
        yield from _references(file, value, path + (key,))
    yield from _references(file, node.get("items"), path + ("*",))
    for choice in ("allOf", "oneOf", "anyOf"):
        for branch in node.get(choice, []):
            yield from _references(file, branch, path)


def common_definition(name: str, schema_dir: Path = SCHEMA_DIR) -> dict:
    """A definition of common.schema.yaml (`slug`, `year`…), for the code that must agree with it."""
    return read_schema(schema_dir, "common")["$defs"][name]


_ANNOTATIONS = {"description", "title", "$comment", "examples"}  # words for readers; validation ignores them


def _is_ours(key: str) -> bool:
    """A keyword of this project (x-refers-to, x-hint…): validation ignores it, the code reads it."""
    return key.startswith("x-")


def inline_references(node, documents: dict, document: str = "", resolving: tuple = ()):
    """`node` with each `$ref` (`common#/$defs/text`, `#/$defs/count`) replaced by the schema it points to.

    The same checks and the same errors: a reference with other keywords beside it becomes
    `allOf: [the schema pointed to]` beside them, as JSON Schema 2020-12 applies both. Validating then
    descends the schema directly instead of looking each reference up again for every record (a third of
    the validation time). A reference to itself, directly or not, is left to the validator. The project's own
    keywords beside a reference (`x-refers-to`) are kept on the schema pointed to.
    """
    if isinstance(node, list):
        return [inline_references(item, documents, document, resolving) for item in node]
    if not isinstance(node, dict):
        return node
    rest = {
        key: inline_references(value, documents, document, resolving) for key, value in node.items() if key != "$ref"
    }
    if not isinstance(node.get("$ref"), str):
        return rest if "$ref" not in node else {**rest, "$ref": node["$ref"]}
    target_document, _, pointer = node["$ref"].partition("#")
    target_document = target_document or document
    if target_document not in documents or (target_document, pointer) in resolving or not pointer.startswith("/"):
        # Left to the validator, named from the schema's root, where this node may now stand.
        known = target_document in documents and target_document
        return {**rest, "$ref": f"{target_document}#{pointer}" if known else node["$ref"]}
    target = documents[target_document]
    for step in pointer.lstrip("/").split("/"):
        target = target[step.replace("~1", "/").replace("~0", "~")]
    resolved = inline_references(target, documents, target_document, resolving + ((target_document, pointer),))
    ours = {key: value for key, value in rest.items() if _is_ours(key)}
    if set(rest) - set(ours) <= _ANNOTATIONS:
        return {**resolved, **ours} if ours else resolved
    return {**rest, "allOf": [resolved] + rest.get("allOf", [])}
