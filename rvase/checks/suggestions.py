"""The known values a mistyped one may have meant: `AFD` for `afd`, `can-tho` for `cantho`."""

import difflib

from . import messages


def closest(value, known, cutoff: float = 0.6) -> list[str]:
    """The known values nearest to `value`, best first, letter case ignored (`AFD` finds `afd`)."""
    if not isinstance(value, str) or len(value) > 200:
        return []
    by_lower: dict[str, str] = {}
    for item in known:
        by_lower.setdefault(str(item).lower(), str(item))
    if value.lower() in by_lower:  # the same but for letter case: no need for others
        return [by_lower[value.lower()]]
    return [by_lower[match] for match in difflib.get_close_matches(value.lower(), list(by_lower), n=3, cutoff=cutoff)]


def did_you_mean(value, known, form: str = "{}", cutoff: float = 0.6) -> tuple[str, str]:
    """« Vouliez-vous dire « x » ? » / "Did you mean 'x'?" with the closest known values (each written as `form`
    says), or nothing."""
    matches = [form.format(match) for match in closest(value, known, cutoff)]
    if not matches:
        return "", ""
    return messages.did_you_mean(matches)
