"""A year or a count is a whole number: YAML reads `2030.0` as a decimal and `yes` as true, which a comparison of years
would skip and a page would print as "2030.0"."""

from . import messages


def is_whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def whole_number_problem(value) -> tuple[str, str] | None:
    """Why `value` is not a whole number (in French, in English), or None when it is."""
    if is_whole_number(value):
        return None
    shown = "true" if value is True else "false" if value is False else str(value)[:60]
    return messages.not_a_whole_number(shown)
