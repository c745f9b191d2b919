"""Every text and field name of a file, whatever its schema: no invisible control character, no text longer than
MAX_TEXT_CHARS, no value more than MAX_DEPTH levels down, no field name YAML reads as a number or true/false."""

from ..problems import Problem
from ..source import line_of
from . import messages
from .fields import CONTROL, field_path, plain

# The longest text of the data, a news body, is about 5,000 characters.
MAX_TEXT_CHARS = 20_000
# The deepest value of the data (an action plan cell, a representative's local title) is six steps down.
MAX_DEPTH = 12


def check_texts(data, shown_as: str) -> tuple[list[Problem], bool]:
    """The problems of every text of `data`, and whether the data is too deep to go on checking."""
    problems, too_deep = [], []

    def check(text: str, path: list, what: tuple[str, str]):
        found = CONTROL.search(text)
        if found:
            told = messages.control_character(what, f"U+{ord(found.group()):04X}", found.start() + 1)
            problems.append(Problem(shown_as, line_of(data, path), field_path(data, path), *told))
        if len(text) > MAX_TEXT_CHARS:
            told = messages.text_too_long(what, len(text), MAX_TEXT_CHARS)
            problems.append(Problem(shown_as, line_of(data, path), field_path(data, path), *told))

    def walk(node, path: list):
        if len(path) > MAX_DEPTH:
            too_deep.append(path)
            problems.append(
                Problem(
                    shown_as,
                    line_of(data, path),
                    field_path(data, path[:MAX_DEPTH]),
                    *messages.nested_too_deep(MAX_DEPTH),
                )
            )
        elif isinstance(node, str):
            check(node, path, messages.TEXT)
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str):
                    check(key, path + [key], messages.FIELD_NAME)
                else:
                    typed = getattr(node, "key_texts", {}).get(key, str(key))
                    problems.append(
                        Problem(
                            shown_as,
                            line_of(data, path + [key]),
                            field_path(data, path + [typed]),
                            *messages.name_not_a_text(plain(typed)),
                        )
                    )
                walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + [index])

    walk(data, [])
    return problems, bool(too_deep)
