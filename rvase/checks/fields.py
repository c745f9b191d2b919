"""Where a problem is and how a message quotes the data: a field named by its records' ids, a value shown short."""

import json
import re

from ..problems import Problem
from ..source import line_of

# Characters that have no place in a text: they are invisible, and XML (the Atom feed) refuses most of them.
# Tabs and line breaks are allowed (a news body has paragraphs); an id, a date or a time is held by its pattern.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def field_path(data, path) -> str:
    """`events › annual-meeting-2024 › start`: record ids instead of list positions where possible."""
    words: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            record_id = item.get("id") if isinstance(item, dict) else None
            words.append(str(record_id) if _nameable(record_id) else f"#{step + 1}")
        else:
            words.append(str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return " › ".join(words)


def _nameable(record_id) -> bool:
    """An id short and plain enough to name its record in a message (else its position, `#3`, does)."""
    return (
        isinstance(record_id, str)
        and 0 < len(record_id) <= 64
        and not CONTROL.search(record_id)
        and record_id.isprintable()
    )


def shown(value) -> str:
    """A value as a message shows it: as JSON, at most 60 characters."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def plain(text) -> str:
    """A value from the data as a message quotes it: invisible characters shown as codes, and at most 60 characters."""
    quoted = json.dumps(str(text), ensure_ascii=False)[1:-1]
    return quoted if len(quoted) <= 60 else quoted[:57] + "…"


def items(node, key) -> list:
    """(index, record) of each block of fields in the list `node[key]`; nothing when the list itself is broken."""
    found = node.get(key) if isinstance(node, dict) else None
    return (
        [(index, item) for index, item in enumerate(found) if isinstance(item, dict)] if isinstance(found, list) else []
    )


class Problems:
    """The problems of the data files under `prefix`, each located in its file (line) and named by its field."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.found: list[Problem] = []

    def add(self, name: str, data, path: list, told: tuple[str, str]) -> None:
        self.found.append(Problem(f"{self.prefix}/{name}.yaml", line_of(data, path), field_path(data, path), *told))
