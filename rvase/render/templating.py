"""The Jinja2 environment that turns view models into page content: made once per process, autoescaping on.

Templates live in rvase/templates/ (`pages/` one per section page, `records/` one per kind of record page,
`partials/` the pieces pages repeat). Their line breaks and indentation are for the reader only: a line break and
the indentation after it are removed when a template is read (`JoinedLines`), so the markup comes out on one
line, as Markdown needs for an HTML block. Markdown structure (headings, blank lines around a block) comes from
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

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


class JoinedLines(Extension):
    """Removes every line break of a template source with the indentation that follows it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return re.sub(r"\n[ \t]*", "", source)


def escape_text(value) -> Markup:
    """What `{{ value }}` prints: text escaped for HTML (quotes too, so it is also safe in an attribute value)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(html.escape(str(value), quote=True))


def md_heading(text, level: int, anchor: str | None = None) -> Markup:
    """A Markdown heading (so it enters the table of contents) whose text cannot become markup."""
    safe = _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))
    suffix = f" {{ #{anchor} }}" if anchor else ""
    return Markup(f"\n\n{'#' * level} {safe}{suffix}\n\n")


def md_title(text) -> Markup:
    """The page's title, a Markdown heading of level 1."""
    return Markup(f"# {html.escape(str(text), quote=True)}\n\n")


def block(inner) -> Markup:
    """Raw HTML set apart by blank lines, so Markdown leaves it whole."""
    return Markup("\n\n") + escape_text(inner) + Markup("\n\n")


def attributes(values: dict) -> Markup:
    """` name="value"` for each attribute whose value is not None or False (`True`: the bare name)."""
    parts = [name if value is True else f'{name}="{escape_text(value)}"'
             for name, value in values.items() if value is not None and value is not False]
    return Markup((" " + " ".join(parts)) if parts else "")


def script_json(data) -> Markup:
    """JSON to put inside a <script> element: `</` cannot close the element."""
    return Markup(json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":")).replace("</", "<\\/"))


@functools.cache
def environment() -> jinja2.Environment:
    """The one environment of the process: templates are compiled once, whatever the language or the page."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        extensions=[JoinedLines], finalize=escape_text, keep_trailing_newline=False,
    )
    env.filters.update(md_heading=md_heading, md_title=md_title, block=block, attributes=attributes, script_json=script_json)
    return env


def render_template(name: str, **view) -> str:
    return str(environment().get_template(name).render(**view))
