"""A news body is parsed as Markdown, whose link parsing (Python-Markdown's) takes time in the square of the links of a
text: 1,600 links take four seconds, 4,000 half a minute, in every language and feed. The brackets of a body are
counted before any parsing, and a body with more than MAX_BRACKETS is refused."""

from ..problems import Problem
from ..source import line_of
from . import messages

# The longest body of the data holds a handful of links; two hundred keep every body's parse under a tenth of a second.
MAX_BRACKETS = 200


def too_many_brackets(news, shown_as: str, field_path) -> list[Problem]:
    """A problem for each language of each news body with more than MAX_BRACKETS opening brackets `[`."""
    problems = []
    items = news.get("news") if isinstance(news, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        body = item.get("body") if isinstance(item, dict) else None
        for lang, text in body.items() if isinstance(body, dict) else ():
            count = text.count("[") if isinstance(text, str) else 0
            if count > MAX_BRACKETS:
                path = ["news", index, "body", lang]
                problems.append(
                    Problem(
                        shown_as,
                        line_of(news, path),
                        field_path(news, path),
                        *messages.too_many_brackets(count, MAX_BRACKETS),
                    )
                )
    return problems
