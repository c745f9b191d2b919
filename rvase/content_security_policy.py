"""The Content-Security-Policy of a built page, as a `<meta http-equiv>` first in its `<head>` (GitHub Pages sends no
header of ours, and serves the meta as it is).

Scripts come from the site itself, plus the inline scripts the theme and the site write, allowed one by one by the
SHA-256 of their exact text in this page. A page's scripts are found by parsing it as HTML (`<script/x>` is a script
too), and only the scripts the templates write get a hash:
- the theme's (THEME_SCRIPT_TEMPLATES: read from the templates themselves, their `{{ … }}` parts standing for a
  relative address), each written once per page: a second script of that shape can only have come from data;
- the site's own, which rvase/templates write into page content beside data: each carries the attribute
  SCRIPT_MARK_ATTRIBUTE with this process's secret SCRIPT_MARK, which no data file can know, and is one of
  SITE_SCRIPTS; the attribute is taken out of the page once its script is known.
Any other inline script is left without a hash, so the browser does not run it, and is reported (the build stops
on it). Nothing here knows MkDocs: the templates' folders come from the caller.
"""

import base64
import hashlib
import html.parser
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

# The templates that write an inline script on every page, in the order the theme looks for them (overrides first).
THEME_SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",  # Material: __md_scope, __md_get/__md_set (localStorage per site)
    "partials/javascripts/content.html",  # Material: opens the tab a link's #hash names
    "partials/javascripts/palette.html",  # the site's palette (overrides/)
)
# The site's own one-line scripts, written into page content by rvase/templates (an element shown only when scripts
# run), each as `<script data-rvase-script="{{ script_mark }}">`.
SITE_SCRIPTS = ("document.currentScript.previousElementSibling.hidden = false;",)
SCRIPT_MARK_ATTRIBUTE = "data-rvase-script"
# New in every process, so a data file written before the build cannot hold it; RVASE_SCRIPT_MARK gives the build's to
# a finishing step run in another process (python -m rvase.finish).
SCRIPT_MARK = os.environ.get("RVASE_SCRIPT_MARK") or secrets.token_hex(16)

POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self'",
    # Material's icons (search, navigation arrows…) are SVG `data:` addresses in its stylesheet, drawn as CSS masks.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)

# Script elements whose text is data for the page (Material's configuration, JSON-LD), not a program: every other
# type, or none, counts as a script, so that a type the browser runs is never mistaken for data.
_DATA_TYPES = {"application/json", "application/ld+json"}
_TEMPLATE_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
# What a template's `{{ … }}` inside a script stands for: a relative address or a path from the site's root (the 404
# page's `base_url`), never a quote, a bracket or a backslash.
_ADDRESS = r"[\w./%~-]*"
_TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_HEAD_START = re.compile(r'<meta charset="utf-8">')


@dataclass(frozen=True)
class Script:
    text: str
    attributes: dict[str, str | None]

    @property
    def inline(self) -> bool:
        """A script the browser runs from its text: not one with an address, not a JSON data block."""
        kind = (self.attributes.get("type") or "").strip().lower()
        return not any(name in self.attributes for name in ("src", "href", "xlink:href")) and kind not in _DATA_TYPES


class _Scripts(html.parser.HTMLParser):
    """Every `<script>` element as an HTML parser reads it, whatever follows `<script` (a space, `/`, `>`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Script] = []
        self._open: tuple[dict, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = ({name: value for name, value in attrs}, [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # `<script … />` opens a script all the same in HTML

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.found.append(Script("".join(self._open[1]), self._open[0]))
            self._open = None

    def close(self):
        super().close()
        if self._open is not None:  # a script left open runs to the end of the page
            self.found.append(Script("".join(self._open[1]), self._open[0]))
            self._open = None


def scripts(html_text: str) -> list[Script]:
    parser = _Scripts()
    parser.feed(html_text)
    parser.close()
    return parser.found


def inline_scripts(html_text: str) -> list[str]:
    """The text of every inline script of the page that a browser would run (not JSON data, not `src=`)."""
    return [script.text for script in scripts(html_text) if script.inline]


def known_script_patterns(template_dirs: list[Path]) -> list[re.Pattern]:
    """One pattern per inline script of the theme's templates: the literal text, each `{{ … }}` part a relative
    address or path (Material's `base_url`). A template missing from every folder is an error."""
    patterns = []
    for name in THEME_SCRIPT_TEMPLATES:
        path = next((Path(folder) / name for folder in template_dirs if (Path(folder) / name).is_file()), None)
        if path is None:
            raise FileNotFoundError(f"{name}: not found in the theme's folders {[str(d) for d in template_dirs]}")
        texts = inline_scripts(_TEMPLATE_COMMENT.sub("", path.read_text(encoding="utf-8")))
        if not texts:
            raise ValueError(f"{path}: no inline script found; has the theme changed?")
        for text in texts:
            pieces = _TEMPLATE_EXPRESSION.split(text)
            patterns.append(re.compile(_ADDRESS.join(re.escape(piece) for piece in pieces), re.S))
    return patterns


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _is_site_script(script: Script) -> bool:
    return script.attributes.get(SCRIPT_MARK_ATTRIBUTE) == SCRIPT_MARK and script.text in SITE_SCRIPTS


def policy_for(html_text: str, known: list[re.Pattern]) -> tuple[str, list[str]]:
    """The policy of this page, and the inline scripts it holds that the templates did not write (left out of the
    policy): any script of unknown text, and a theme script beyond the one its template writes."""
    hashes, unknown, seen = [], [], [0] * len(known)
    for script in (script for script in scripts(html_text) if script.inline):
        index = next((i for i, pattern in enumerate(known) if pattern.fullmatch(script.text)), None)
        if _is_site_script(script) or (index is not None and seen[index] == 0):
            if index is not None:
                seen[index] += 1
            if script_hash(script.text) not in hashes:
                hashes.append(script_hash(script.text))
        else:
            unknown.append(script.text)
    policy = "; ".join(POLICY).format(hashes="".join(" " + value for value in hashes))
    return policy, unknown


def with_policy(html_text: str, known: list[re.Pattern]) -> tuple[str, list[str]]:
    """The page with its policy as the first element of `<head>`, right after the character set (which must come
    within the first bytes), the site's scripts without their mark, and the unknown inline scripts."""
    policy, unknown = policy_for(html_text, known)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    result, count = _HEAD_START.subn(lambda match: match[0] + meta, html_text, count=1)
    if count != 1:
        raise ValueError('no <meta charset="utf-8"> to put the Content-Security-Policy after')
    return result.replace(f' {SCRIPT_MARK_ATTRIBUTE}="{SCRIPT_MARK}"', ""), unknown
