"""What a file's schema refuses, told in words a non-developer reads: what was found and what was expected, with the
form a pattern expects (the schema's `x-hint`) and the value meant by a typo."""

from ..problems import Problem
from ..source import line_of
from . import messages
from .fields import field_path, plain, shown
from .suggestions import did_you_mean
from .whole_numbers import whole_number_problem


def check_schema(data, validator, shown_as: str) -> list[Problem]:
    problems = []
    for error in validator.iter_errors(data):
        for leaf in leaf_errors(error):
            path = list(leaf.absolute_path)
            problems.append(Problem(shown_as, line_of(data, path), field_path(data, path), *explain(leaf)))
    return sorted(set(problems), key=lambda p: (p.line or 0, p.field, p.en))  # the same order at every run


def leaf_errors(error) -> list:
    """For `oneOf` (e.g. text or null), report the branch that came closest, not the whole choice."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        not_null = [e for e in error.context if not (e.validator == "type" and e.schema.get("type") == "null")]
        if not_null:
            deepest = max(len(e.absolute_path) for e in not_null)
            return [leaf for e in not_null if len(e.absolute_path) == deepest for leaf in leaf_errors(e)]
    return [error]


def explain(error) -> tuple[str, str]:
    """What was found and what was expected."""
    kind, schema, found = error.validator, error.schema, shown(error.instance)
    if kind == "required":
        return messages.required_field_missing(error.message.split("'")[1])
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        extras = sorted((str(key) for key in set(error.instance) - set(known)), key=str)
        return messages.unknown_fields([(plain(extra), did_you_mean(extra, known)) for extra in extras], known)
    if kind == "type" and schema["type"] == "integer":
        return whole_number_problem(error.instance) or messages.wrong_type(found, messages.TYPE_WORDS["integer"])
    if kind == "type":
        return messages.wrong_type(found, messages.TYPE_WORDS.get(schema["type"], (schema["type"], schema["type"])))
    if kind == "enum":
        allowed = ", ".join(str(v) for v in schema["enum"])
        return messages.value_not_allowed(
            found, did_you_mean(error.instance, [str(v) for v in schema["enum"]]), allowed
        )
    if kind == "minLength" or (kind == "pattern" and schema.get("x-not-blank")):
        return messages.empty_text()
    if kind == "pattern":
        hint = schema.get("x-hint")
        return messages.unexpected_form(
            found, (hint["fr"], hint["en"]) if hint else (schema["pattern"], schema["pattern"])
        )
    if kind == "maxLength":
        return messages.text_over_schema_length(len(error.instance), schema["maxLength"])
    if kind == "minItems":
        return messages.empty_list()
    if kind == "uniqueItems":
        return messages.same_value_twice(found)
    if kind in ("minimum", "maximum"):
        return messages.out_of_range(found, kind, schema[kind])
    if kind == "format":
        return messages.not_a_web_address(found)
    if kind == "dependentRequired":
        return messages.also_needs(error.message.split(" is a dependency")[0])
    if kind == "minProperties":
        return messages.empty_block()
    return messages.incorrect_value(found, error.message)
