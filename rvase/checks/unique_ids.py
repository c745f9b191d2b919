"""Each record's id is unique among its kind's and clear of the ids the site's pages use themselves (a page's
address, an anchor of its list page)."""

from ..anchors import taken_by_the_site
from ..source import line_of
from . import messages
from .fields import Problems, items, plain
from .ids import is_id

# Record lists whose ids must be unique and stay clear of the pages' own anchors: (file, path to the list).
ID_LISTS = (
    ("sources", ("sources",)),
    ("members", ("members",)),
    ("themes", ("themes",)),
    ("partners", ("partners",)),
    ("projects", ("projects",)),
    ("events", ("events",)),
    ("news", ("news",)),
    ("action_plan", ("axes",)),
    ("network", ("network", "modalities")),
    ("roadmap", ("thematic_plans",)),
)


def records_with_ids(documents: dict, name: str, steps: tuple[str, ...]) -> list:
    """(index, record) of each record of the list at `steps` in `documents[name]`."""
    holder = documents.get(name)
    for step in steps[:-1]:
        holder = holder.get(step) if isinstance(holder, dict) else None
    return items(holder, steps[-1])


def unique_ids(documents: dict, prefix: str, interface: dict | None) -> tuple[list, dict[str, set[str]]]:
    """The problems of the records' ids, and the ids of each kind (those that are ids at all).

    With the interface words, the anchor each page's title gets from its words (`Projets` → `projets`) is kept too.
    """
    problems, ids = Problems(prefix), {}
    for name, steps in ID_LISTS:
        data = documents.get(name)
        seen: dict[str, int | None] = {}
        for index, record in records_with_ids(documents, name, steps):
            record_id = record.get("id")
            if not is_id(record_id):
                continue  # beyond_the_schemas says why
            path = list(steps) + [index, "id"]
            page = taken_by_the_site(name, record_id, interface)
            if record_id in seen:
                problems.add(name, data, path, messages.id_used_twice(plain(record_id), seen[record_id]))
            elif page:
                problems.add(name, data, path, messages.id_reserved(record_id, page))
            seen.setdefault(record_id, line_of(data, list(steps) + [index]))
        ids[name] = set(seen)
    return problems.found, ids
