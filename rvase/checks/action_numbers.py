"""The action plan's actions are numbered 1, 2, 3… across its axes, as the pages and their anchors (`#action-3`) say."""

from . import messages
from .fields import Problems, items
from .whole_numbers import is_whole_number


def action_numbers(documents: dict, problems: Problems) -> None:
    """The first action out of order, if any."""
    plan = documents.get("action_plan")
    numbers = [
        (a_index, i, action.get("number"))
        for a_index, axis in items(plan, "axes")
        for i, action in items(axis, "actions")
    ]
    for expected, (a_index, i, number) in enumerate(numbers, start=1):
        if not is_whole_number(number) or number != expected:
            problems.add(
                "action_plan",
                plan,
                ["axes", a_index, "actions", i, "number"],
                messages.action_out_of_order(number, expected, len(numbers)),
            )
            break
