"""A news body is parsed as Markdown, whose link parsing (Python-Markdown's) takes time in the square of the links of a
text: 1,600 links take four seconds, 4,000 half a minute, in every language and feed. The brackets of a body are
counted before any parsing, and a body with more than MAX_BRACKETS is refused."""

from collections.abc import Iterator

from ..problems import Problem
from ..source import line_of
from . import messages

# The longest body of the data holds a handful of links; two hundred keep every body's parse under a tenth of a second.
MAX_BRACKETS = 200


def news_bodies(news) -> Iterator[tuple[int, dict, str, str]]:
    """Each news body's text in each language, with its item's position and the item, whatever the rest of the file
    holds (the schemas tell what is wrong with it)."""
    items = news.get("news") if isinstance(news, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        body = item.get("body") if isinstance(item, dict) else None
        for lang, text in body.items() if isinstance(body, dict) else ():
            if isinstance(text, str):
                yield index, item, lang, text


def too_many_brackets(news, shown_as: str, field_path) -> list[Problem]:
    """A problem for each language of each news body with more than MAX_BRACKETS opening brackets `[`."""
    problems = []
    for index, _, lang, text in news_bodies(news):
        count = text.count("[")
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
