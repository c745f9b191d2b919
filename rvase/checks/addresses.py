"""A web address shows the site it opens: no user name before `@` (`https://good.example@evil.example/` opens
evil.example), no backslash (browsers read `\\` as `/`: `https://evil.example\\@good.example/` opens evil.example while
its host reads good.example). Every text of the data that starts as a web address is checked, whatever field holds it.
"""

import re

from ..problems import Problem
from ..source import line_of
from . import messages

_WEB_ADDRESS = re.compile(r"\s*(https?:)?[/\\]{2}", re.IGNORECASE)
_AUTHORITY = re.compile(r"\s*(?:https?:)?[/\\]{2}([^/?#]*)", re.IGNORECASE)


def address_problem(text: str) -> tuple[str, str] | None:
    """Why the web address `text` would mislead (in French, in English), or None."""
    if not _WEB_ADDRESS.match(text):
        return None
    if "\\" in text:
        return messages.address_with_a_backslash()
    authority = _AUTHORITY.match(text)
    if authority and "@" in authority.group(1):
        return messages.address_with_a_user_name()
    return None


def misleading_addresses(data, shown_as: str, field_path) -> list[Problem]:
    """A problem for every text of `data` that is a misleading web address; `field_path(data, path)` names its field."""
    problems = []

    def walk(node, path):
        if isinstance(node, str):
            told = address_problem(node)
            if told:
                problems.append(Problem(shown_as, line_of(data, path), field_path(data, path), *told))
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + [index])

    walk(data, [])
    return problems
