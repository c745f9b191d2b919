"""A web address shows the site it opens: no user name before `@` (`https://good.example@evil.example/` opens
evil.example), no backslash (browsers read `\\` as `/`: `https://evil.example\\@good.example/` opens evil.example while
its host reads good.example). Every text of the data that starts as a web address is checked, whatever field holds it.
"""
import re

from ..problems import Problem
from ..source import line_of

_WEB_ADDRESS = re.compile(r"\s*(https?:)?[/\\]{2}", re.IGNORECASE)
_AUTHORITY = re.compile(r"\s*(?:https?:)?[/\\]{2}([^/?#]*)", re.IGNORECASE)


def address_problem(text: str) -> tuple[str, str] | None:
    """Why the web address `text` would mislead (in French, in English), or None."""
    if not _WEB_ADDRESS.match(text):
        return None
    if "\\" in text:
        return (
            "L'adresse contient une barre oblique inverse « \\ » : un navigateur la lit comme « / » et ouvrirait un "
            "autre site que celui affiché. Écrivez l'adresse telle que la barre d'adresse du navigateur la montre.",
            "The address holds a backslash '\\': a browser reads it as '/' and would open another site than the one "
            "shown. Write the address as the browser's address bar shows it.",
        )
    if "@" in _AUTHORITY.match(text).group(1):
        return (
            "L'adresse contient « @ » avant le nom du site (un nom d'utilisateur) : le site ouvert serait celui après "
            "« @ », pas celui qu'on lit d'abord. Retirez tout ce qui va de « https:// » à « @ » compris.",
            "The address holds '@' before the site's name (a user name): the site opened would be the one after "
            "'@', not the one read first. Remove everything from 'https://' to '@' included.",
        )
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
