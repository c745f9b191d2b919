"""Every id a record names exists among the records of the kind its field refers to: the fields and kinds are those
the schemas declare (`x-refers-to`, rvase/schemas.py), and an unknown id is told with the closest known ids."""

from collections.abc import Iterator
from pathlib import Path

from ..schemas import Reference, schema_references
from . import messages
from .fields import Problems, plain
from .suggestions import did_you_mean


def unknown_references(
    documents: dict, prefix: str, ids: dict[str, set[str]], schema_dir: Path, files: tuple[str, ...]
) -> list:
    """A problem for each id named by a field of `files` that no record of its kind has (`ids`: the kinds' ids)."""
    problems = Problems(prefix)
    for name in files:
        data = documents.get(name)
        for reference in schema_references(schema_dir, name):
            if data is None or reference.kind not in documents:
                continue  # a file that could not be read: its own problem says why
            known = ids[reference.kind] | set(reference.also_accepts)
            for path, value in _named_ids(data, reference.path, [], _forms(reference)):
                if value not in known:
                    problems.add(name, data, path, _unknown(reference, value, known))
    return problems.found


def _forms(reference: Reference) -> tuple[type, ...]:
    """The forms in which a field's ids are read: in a record's own field, one id or a list whatever the schema says
    (a maintainer writes one id where a list is expected: it is told if unknown); elsewhere, the form declared."""
    if reference.in_record:
        return str, list
    return (list,) if reference.many else (str,)


def _named_ids(node, steps: tuple[str, ...], path: list, forms: tuple[type, ...]) -> Iterator[tuple[list, str]]:
    """(path, id) of each id the field at `steps` holds in `node`: a text, or each text of a list (as `forms` allow)."""
    if not steps:
        if isinstance(node, str) and str in forms:
            yield path, node
        elif isinstance(node, list) and list in forms:
            yield from ((path + [position], value) for position, value in enumerate(node) if isinstance(value, str))
    elif steps[0] == "*":
        for index, item in enumerate(node if isinstance(node, list) else []):
            yield from _named_ids(item, steps[1:], path + [index], forms)
    elif isinstance(node, dict) and steps[0] in node:
        yield from _named_ids(node[steps[0]], steps[1:], path + [steps[0]], forms)


def _unknown(reference: Reference, value: str, known: set[str]) -> tuple[str, str]:
    where = messages.ids_of(reference.kind, reference.also_accepts)
    hint = _unknown_id_hint(value, known, where)
    if reference.kind == "sources" and not reference.in_record:  # a document's or a block's sources (an `as_of`)
        return messages.unknown_source(plain(value), hint)
    return messages.unknown_record(plain(value), where, hint)


def _unknown_id_hint(value: str, known: set[str], where: tuple[str, str]) -> tuple[str, str]:
    """At most three close ids, or where the ids are: never the whole list (once per unknown id, that grew with the
    product of known and unknown ids)."""
    guess = did_you_mean(value, known)
    return guess if guess[0] else messages.where_the_ids_are(where)
