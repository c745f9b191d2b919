"""An id names a record in addresses, file names and iCalendar UIDs: a name, never a path, whatever the schema says."""

import re

from . import messages

MAX_ID_CHARS = 64
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


def is_id(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_ID_CHARS and bool(_SLUG.match(value))


def id_problem(value) -> tuple[str, str] | None:
    """Why `value` cannot be a record's id (in French, in English), or None when it can."""
    if is_id(value):
        return None
    if value is None:
        return messages.id_missing(MAX_ID_CHARS)
    shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "…"
    return messages.not_an_id(shown, MAX_ID_CHARS)
