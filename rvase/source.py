"""Read YAML files, remembering the line of every value and refusing duplicate keys.

Dates and times stay strings here (PyYAML would turn `2023-02-30` into a crash and
`12:00` into the number 720); the validator checks their form and meaning.
"""
import re
from pathlib import Path

import yaml

from .problems import DataError, Problem


class LocatedDict(dict):
    """A mapping that knows the line of each of its keys."""

    line: int = 0
    key_lines: dict


class LocatedList(list):
    """A sequence that knows the line of each of its items."""

    line: int = 0
    item_lines: list


# libyaml's parser (bundled in PyYAML's wheels) when present: ten times faster than the pure-Python one, with the
# same nodes and lines; our constructors below still build the located values and catch duplicate keys.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DataLoader(SafeLoader):
    pass


# YAML 1.1 resolvers without timestamps, and integers without base 60 ("12:00" is 720 in YAML 1.1).
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"
_INT_WITHOUT_BASE_60 = re.compile(
    r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"
)
_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, _INT_WITHOUT_BASE_60 if tag == _INT else rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            loader.duplicates.append((key, key_node.start_mark.line + 1, mapping.key_lines[key]))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node, deep=False):
    sequence = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


_DataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_DataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, shown_as: str):
    """Parse one file; raise DataError naming the line of a syntax error or duplicate key."""
    text = path.read_text(encoding="utf-8")
    loader = _DataLoader(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        detail = f"{error.problem or ''} {error.context or ''}".strip()
        raise DataError([Problem(
            shown_as, line, "",
            f"Le fichier n'est pas du YAML valide ({detail}). Vérifiez l'indentation, les deux-points et les guillemets à cette ligne ou juste avant.",
            f"The file is not valid YAML ({detail}). Check the indentation, colons and quotes on this line or just before it.",
        )]) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise DataError([
            Problem(
                shown_as, line, str(key),
                f"La clé « {key} » apparaît deux fois dans le même bloc (première fois ligne {first}). Gardez-en une seule.",
                f"The key '{key}' appears twice in the same block (first on line {first}). Keep only one.",
            )
            for key, line, first in loader.duplicates
        ])
    return data


def line_of(data, path) -> int | None:
    """The line of the value at `path` (a sequence of keys and indexes), or of its nearest parent."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, LocatedDict) and step in node:
            line = node.key_lines.get(step, line)
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
        else:
            break
        node = node[step]
    return line
