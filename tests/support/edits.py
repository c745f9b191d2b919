"""Edits that break a copy of the project on purpose, applied to its files.

An edit names its place by record and field, in the notation of the data check's messages
(`at: "members › kampot › name › en"`: a key of a mapping, or in a list the item whose `id` it is, or `#n`, the n-th
item), so that a rewording of the data does not break it. The file is read as YAML nodes, which give each key and
value its place in the text; only that span of text changes, so every other line keeps its number.

- `set: <value>`: the value becomes `value`, written on one line (JSON, which YAML reads as it is);
- `raw: "<text>"`: the value's text becomes this text, as it is (what no value can say: `[unclosed`, `&k main`);
- `delete: true`: the key and its value go;
- `rename: "<key>"`: the key is renamed;
- `insert_after: "<key: value>"`: a line is added after the key's line, at its indentation.

`apply_edit` returns the line a message about the edit names: the key's line (the added line for `insert_after`);
for `delete` and `rename`, the line of the record or mapping that holds the key, which is where the data check tells
a missing or unknown field.

Edits that break the file itself rather than a value (a tab, a missing colon, bytes, a link) keep their other forms:
`find`/`replace` (a text that must occur exactly once), `append`, `write_bytes_b64`, `symlink_to`.
"""

import base64
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

PLACE_FORMS = ("set", "raw", "delete", "rename", "insert_after")


@dataclass
class Place:
    """Where a field is in a file's text: its key node (None for a list item), its value node, and the mapping
    holding it with that mapping's own key (None for a list item or the document)."""

    key: yaml.Node | None
    value: yaml.Node
    holder: yaml.MappingNode
    holder_key: yaml.Node | None


def find_place(text: str, at: str) -> Place:
    """The key and value named by `at` ("members › kampot › name"), found in the YAML nodes of `text`."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    key = holder = holder_key = None
    for step in at.split(" › "):
        if isinstance(node, yaml.SequenceNode):
            if step.startswith("#"):
                node = node.value[int(step[1:]) - 1]
            else:
                items = [
                    item
                    for item in node.value
                    if isinstance(item, yaml.MappingNode)
                    and any(k.value == "id" and v.value == step for k, v in item.value)
                ]
                assert len(items) == 1, f"{at}: {len(items)} records have the id {step!r} (one must)"
                node = items[0]
            key = None
        else:
            assert isinstance(node, yaml.MappingNode), f"{at}: {step!r} is asked of a value that is no mapping"
            pairs = [(k, v) for k, v in node.value if k.value == step]
            assert len(pairs) == 1, f"{at}: the key {step!r} occurs {len(pairs)} times (it must occur once)"
            holder, holder_key = node, key
            key, node = pairs[0]
    assert holder is not None, f"{at}: names no field"
    return Place(key, node, holder, holder_key)


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def value_end(text: str, node: yaml.Node) -> int:
    """Where a value's own text ends: a block collection's end mark comes after the blank space that follows it."""
    end = node.end_mark.index
    return len(text[:end].rstrip()) if isinstance(node, yaml.CollectionNode) and not node.flow_style else end


def edit_at(text: str, edit: dict) -> tuple[str, int]:
    """The text with the edit made at its place, and the line (from 1) a message about it names."""
    place = find_place(text, edit["at"])
    key_line = (place.key or place.value).start_mark.line + 1
    holder_line = (place.holder_key or place.holder).start_mark.line + 1
    start, end = place.value.start_mark.index, value_end(text, place.value)
    if "set" in edit:
        return text[:start] + json.dumps(edit["set"], ensure_ascii=False) + text[end:], key_line
    if "raw" in edit:
        return text[:start] + edit["raw"] + text[end:], key_line
    assert place.key is not None, f"{edit['at']}: a list item has no key to delete, rename or follow"
    if "rename" in edit:
        return text[: place.key.start_mark.index] + edit["rename"] + text[place.key.end_mark.index :], holder_line
    if "insert_after" in edit:
        indent = " " * place.key.start_mark.column
        after = line_end(text, end)
        return text[:after] + indent + edit["insert_after"] + "\n" + text[after:], text[:after].count("\n") + 1
    if "delete" in edit:
        if not place.holder.flow_style:  # the key's lines, whole
            return text[: line_start(text, place.key.start_mark.index)] + text[line_end(text, end) :], holder_line
        pairs = place.holder.value
        index = next(i for i, (k, _) in enumerate(pairs) if k is place.key)
        if index:  # from the end of the value before it: `, en: "…"`
            return text[: pairs[index - 1][1].end_mark.index] + text[end:], holder_line
        following = pairs[1][0].start_mark.index if len(pairs) > 1 else end
        return text[: place.key.start_mark.index] + text[following:], holder_line
    raise AssertionError(f"{edit['at']}: say what to do there ({', '.join(PLACE_FORMS)})")


def apply_edit(project: Path, edit: dict, where: str = "") -> int | None:
    """Make one edit in a copy of the project. Its line: the one a message about it names for an edit with a place,
    the first line of the replaced text for `find`/`replace`, None for the forms that change a whole file."""
    path = project / edit["file"]
    where = f"{where}: {edit['file']}" if where else edit["file"]
    if "at" in edit:
        text, line = edit_at(path.read_text(encoding="utf-8"), edit)
        path.write_text(text, encoding="utf-8")
        return line
    if "find" in edit:
        text = path.read_text(encoding="utf-8")
        count = text.count(edit["find"])
        assert count == 1, f"{where}: the text to find occurs {count} times (it must occur once): {edit['find']!r}"
        path.write_text(text.replace(edit["find"], edit["replace"]), encoding="utf-8")
        return text[: text.index(edit["find"])].count("\n") + 1
    if "append" in edit:
        with path.open("a", encoding="utf-8") as file:
            file.write(edit["append"])
    elif "write_bytes_b64" in edit:
        path.write_bytes(base64.b64decode(edit["write_bytes_b64"]))
    elif "symlink_to" in edit:
        path.unlink(missing_ok=True)
        path.symlink_to(edit["symlink_to"])
    else:
        raise AssertionError(f"{where}: unknown edit form {sorted(edit)}")
    return None


def apply_edits(project: Path, edits: list[dict], where: str = "") -> None:
    for edit in edits:
        apply_edit(project, edit, where)


def replace_once(project: Path, file: str, old: str, new: str) -> None:
    """Replace a text that occurs exactly once in one file of a copy of the project."""
    apply_edit(project, {"file": file, "find": old, "replace": new})
