"""The Jinja2 environment that turns view models into page content: made once per process, autoescaping on.

Templates live in rvase/templates/ (`pages/` one per section page, `records/` one per kind of record page,
`partials/` the pieces pages repeat). Their line breaks and indentation are for the reader only: a line break and
the indentation after it are removed when a template is read (`JoinedLines`), so the markup comes out on one
line, as Markdown needs for an HTML block (a space needed at the end of a line is written before the line break). Markdown structure (headings, blank lines around a block) comes from
the filters `md_heading` and `block`.
"""

import functools
import html
import json
import re
from pathlib import Path

import jinja2
from jinja2.ext import Extension
from markupsafe import Markup

from ..content_security_policy import SCRIPT_MARK

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


class JoinedLines(Extension):
    """Removes every line break of a template source with the indentation that follows it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return re.sub(r"\n[ \t]*", "", source)


_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " "})
_PREFORMATTED = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)


def escape_text(value) -> Markup:
    """What `{{ value }}` prints: text escaped for HTML (quotes too, so it is also safe in an attribute value). A line
    break becomes a space, the same to the browser: an HTML block then stays on one line (see `block`)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(html.escape(str(value), quote=True).translate(_LINE_BREAKS))


def _on_one_line(markup: str) -> str:
    """HTML without line breaks: a space where it is the same to the browser, a character reference in <pre>."""
    parts = _PREFORMATTED.split(markup)
    return "".join(
        part.replace("\r", "&#13;").replace("\n", "&#10;") if index % 2 else part.translate(_LINE_BREAKS)
        for index, part in enumerate(parts)
    )


def markdown_literal(text) -> str:
    """`text` as Markdown that shows it as it is: on one line (a line break would end a heading or a paragraph and start
    Markdown), HTML escaped, Markdown's special characters backslashed."""
    one_line = " ".join(str(text).split())
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(one_line, quote=False))


def md_heading(text, level: int, anchor: str | None = None) -> Markup:
    """A Markdown heading (so it enters the table of contents) whose text cannot become markup."""
    safe = markdown_literal(text)
    suffix = f" {{ #{anchor} }}" if anchor else ""
    return Markup(f"\n\n{'#' * level} {safe}{suffix}\n\n")


def block(inner) -> Markup:
    """Raw HTML set apart by blank lines, so Markdown leaves it whole. It is kept on one line (the line breaks of a news
    body's HTML go): Markdown's preprocessors read lines before they know a block is HTML, and a line that starts
    with `--8<--` would include a file (pymdownx.snippets), one that starts with ``` would open a code block."""
    return Markup("\n\n" + _on_one_line(escape_text(inner)) + "\n\n")


def attributes(values: dict) -> Markup:
    """` name="value"` for each attribute whose value is not None or False (`True`: the bare name)."""
    parts = [
        name if value is True else f'{name}="{escape_text(value)}"'
        for name, value in values.items()
        if value is not None and value is not False
    ]
    return Markup((" " + " ".join(parts)) if parts else "")


# Characters that mean something to an HTML parser inside <script> (`</script`, `<!--`), to an XML one (`&`), or end a
# line in old JavaScript engines: written as JSON escapes, which every JSON reader turns back into the character.
_SCRIPT_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data) -> Markup:
    """JSON to put inside a <script> element: nothing in it can close the element or open a comment."""
    return Markup(
        json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":")).translate(_SCRIPT_JSON_ESCAPES)
    )


@functools.cache
def environment() -> jinja2.Environment:
    """The one environment of the process: templates are compiled once, whatever the language or the page."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=[JoinedLines],
        finalize=escape_text,
        keep_trailing_newline=False,
    )
    env.filters.update(md_heading=md_heading, block=block, attributes=attributes, script_json=script_json)
    env.globals["script_mark"] = SCRIPT_MARK  # the mark of the site's own inline scripts, for the policy's hook
    return env


def render_template(name: str, **view) -> str:
    return str(environment().get_template(name).render(**view))
