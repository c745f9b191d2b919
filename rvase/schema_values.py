"""The allowed values the JSON Schemas declare (`enum` in data/schema/<file>.schema.yaml), found by walking each schema
(`$ref`s to common.schema.yaml followed). Every other list of those values (issue forms, CONTRIBUTING.md, the pages'
sections) is derived from here; keywords this walk does not know (`x-…`, `description`) are ignored."""

import functools
from pathlib import Path

import yaml

from .settings import DATA_DIR

SCHEMA_DIR = DATA_DIR / "schema"
# Schemas that describe no data file of data/: the shared definitions and the interface words (i18n/)
NOT_DATA_FILES = ("common", "interface")


@functools.cache
def load_schema(name: str, schema_dir: Path = SCHEMA_DIR) -> dict:
    return yaml.safe_load((schema_dir / f"{name}.schema.yaml").read_text(encoding="utf-8"))


def data_schemas(schema_dir: Path = SCHEMA_DIR) -> list[str]:
    """The schemas of the data files (`events` for data/events.yaml), by name."""
    names = (path.name.removesuffix(".schema.yaml") for path in sorted(schema_dir.glob("*.schema.yaml")))
    return [name for name in names if name not in NOT_DATA_FILES]


def allowed_values(name: str, schema_dir: Path = SCHEMA_DIR) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each field of data/<name>.yaml that takes one of a list of values → those values, in the schema's order. A
    field is named by its path from a record (`("place", "country")`), without the file's top key (`events`) nor
    list positions."""
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    top = load_schema(name, schema_dir)
    for child in top.get("properties", {}).values():
        _walk(child, (), name, schema_dir, found)
    return found


def field_values(name: str, *field: str, schema_dir: Path = SCHEMA_DIR) -> tuple[str, ...]:
    """The values a field of data/<name>.yaml allows: `field_values("partners", "relationship")`."""
    return allowed_values(name, schema_dir)[field]


def _resolve(node: dict, document: str, schema_dir: Path) -> tuple[dict, str]:
    """`node` with its `$ref` (`common#/$defs/country`, `#/$defs/x`) replaced by what it points to, merged with the
    keywords beside it; and the document that what it holds refers from."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        document = target or document
        referred = load_schema(document, schema_dir)
        for part in pointer.strip("/").split("/"):
            referred = referred[part]
        node = {**referred, **{key: value for key, value in node.items() if key != "$ref"}}
    return node, document


def _walk(node: dict, path: tuple[str, ...], document: str, schema_dir: Path, found: dict) -> None:
    node, document = _resolve(node, document, schema_dir)
    if "enum" in node:
        found[path] = tuple(node["enum"])
    for key, child in node.get("properties", {}).items():
        _walk(child, path + (key,), document, schema_dir, found)
    if isinstance(node.get("items"), dict):
        _walk(node["items"], path, document, schema_dir, found)
    for branch in node.get("oneOf", []) + node.get("anyOf", []) + node.get("allOf", []):
        _walk(branch, path, document, schema_dir, found)
