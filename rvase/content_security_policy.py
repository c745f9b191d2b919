"""The Content-Security-Policy of a built page, as a `<meta http-equiv>` first in its `<head>` (GitHub Pages sends no
header of ours, and serves the meta as it is).

Scripts come from the site itself, plus the inline scripts the theme and the site write, allowed one by one by the
SHA-256 of their exact text in this page. Only scripts whose text is known are allowed: the inline scripts of the
theme's templates (read from the templates themselves, their `{{ … }}` parts standing for a relative address) and the
site's own (SITE_SCRIPTS). Any other inline script — one that data smuggled into a page — is left without a hash, so
the browser does not run it, and is reported (the build stops on it). Nothing here knows MkDocs: the templates'
folders come from the caller.
"""
import base64
import hashlib
import re
from pathlib import Path

# The templates that write an inline script on every page, in the order the theme looks for them (overrides first).
THEME_SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",  # Material: __md_scope, __md_get/__md_set (localStorage per site)
    "partials/javascripts/content.html",  # Material: opens the tab a link's #hash names
    "partials/javascripts/palette.html",  # the site's palette (overrides/)
)
# The site's own one-line scripts, written into page content by rvase/render (an element shown only when scripts run).
SITE_SCRIPTS = ("document.currentScript.previousElementSibling.hidden = false;",)

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

# A script element and its text, as the HTML tokenizer reads it: the text ends at the first `</script`.
_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<text>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_TEMPLATE_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
# What a template's `{{ … }}` inside a script stands for: a relative address or a path from the site's root (the 404
# page's `base_url`), never a quote, a bracket or a backslash.
_ADDRESS = r"[\w./%~-]*"
_TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_HEAD_START = re.compile(r'<meta charset="utf-8">')


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script of the page that a browser would run (not JSON data, not `src=`)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = match["attributes"]
        kind = _TYPE.search(attributes)
        kind = next((group for group in kind.groups() if group is not None), "") if kind else ""
        if _SRC.search(attributes) or kind.strip().lower() not in _EXECUTABLE_TYPES:
            continue
        scripts.append(match["text"])
    return scripts


def known_script_patterns(template_dirs: list[Path]) -> list[re.Pattern]:
    """One pattern per inline script of the theme's templates: the literal text, each `{{ … }}` part a relative
    address or path (Material's `base_url`). A template missing from every folder is an error."""
    patterns = []
    for name in THEME_SCRIPT_TEMPLATES:
        path = next((Path(folder) / name for folder in template_dirs if (Path(folder) / name).is_file()), None)
        if path is None:
            raise FileNotFoundError(f"{name}: not found in the theme's folders {[str(d) for d in template_dirs]}")
        source = _TEMPLATE_COMMENT.sub("", path.read_text(encoding="utf-8"))
        texts = [match["text"] for match in _SCRIPT.finditer(source)]
        if not texts:
            raise ValueError(f"{path}: no inline script found; has the theme changed?")
        for text in texts:
            pieces = _TEMPLATE_EXPRESSION.split(text)
            patterns.append(re.compile(_ADDRESS.join(re.escape(piece) for piece in pieces), re.S))
    patterns.extend(re.compile(re.escape(text)) for text in SITE_SCRIPTS)
    return patterns


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_for(html: str, known: list[re.Pattern]) -> tuple[str, list[str]]:
    """The policy of this page, and the inline scripts it holds that are not known (left out of the policy)."""
    hashes, unknown = [], []
    for text in inline_scripts(html):
        if any(pattern.fullmatch(text) for pattern in known):
            if script_hash(text) not in hashes:
                hashes.append(script_hash(text))
        else:
            unknown.append(text)
    policy = "; ".join(POLICY).format(hashes="".join(" " + value for value in hashes))
    return policy, unknown


def with_policy(html: str, known: list[re.Pattern]) -> tuple[str, list[str]]:
    """The page with its policy as the first element of `<head>`, right after the character set (which must come
    within the first bytes), and the unknown inline scripts."""
    policy, unknown = policy_for(html, known)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    result, count = _HEAD_START.subn(lambda match: match[0] + meta, html, count=1)
    if count != 1:
        raise ValueError('no <meta charset="utf-8"> to put the Content-Security-Policy after')
    return result, unknown
