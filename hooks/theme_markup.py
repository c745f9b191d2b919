"""MkDocs hook: small corrections to the markup Material writes outside any template block, on every page and the 404.

Each correction names what it fixes; each must find the markup it expects, so a theme update that changes
it stops the build here instead of silently bringing the problem back (tests/browser checks the result).
"""

import html as html_text
import re
from importlib.metadata import version

from mkdocs.exceptions import PluginError

# The drawer and search toggles are checkboxes; `autocomplete` is not allowed on a checkbox (HTML, Nu checker).
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__\w+") autocomplete="off">'
)
# The search dialog has no name (axe `aria-dialog-name`): screen readers announce an unnamed dialog.
_SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
# On a page outside the navigation (record pages), the table of contents' title is a label for a toggle
# that only exists inside the navigation: a label for nothing (Nu checker). There it is a plain title.
_TOC_TITLE = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)
# Material's script is parser-blocking at the end of the page: the browser draws nothing until it has been fetched and
# run. Deferred (as the site's own scripts are: PageContext.scripts), the page is drawn first; the script runs before
# DOMContentLoaded, which is when Material sets up its components anyway.
_THEME_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
# The 404 page has no table of contents, so Material writes no skip link: it skips to the page's title.
_EMPTY_SKIP = re.compile(r'<div data-md-component="skip">\s*</div>')


def _replace(pattern: re.Pattern, replacement, html: str, expected: int, what: str, where: str) -> str:
    result, count = pattern.subn(replacement, html)
    if count != expected:
        raise PluginError(
            f"hooks/theme_markup.py: {what}: expected {expected} match(es) in {where}, found {count}. "
            "Has the Material theme changed its markup? Update the pattern in this hook."
        )
    return result


def _words(config) -> dict:
    language = config.theme["language"]
    return {
        key.removeprefix("a11y."): html_text.escape(text[language])
        for key, text in config.extra["interface"].items()
        if key.startswith("a11y.")
    }


def correct_theme_markup(html: str, config, where: str) -> str:
    words = _words(config)
    html = _replace(_TOGGLE_AUTOCOMPLETE, r"\1>", html, 2, "checkbox toggles with autocomplete", where)
    html = _replace(
        _SEARCH_DIALOG,
        lambda m: m.group(0)[:-1] + f' aria-label="{words["search_dialog"]}">',
        html,
        1,
        "search dialog",
        where,
    )
    html = _replace(_THEME_SCRIPT, r'<script src="\1" defer></script>', html, 1, "the theme's script", where)
    if 'id="__toc"' not in html:
        html = _TOC_TITLE.sub(r'<div class="md-nav__title">\1</div>', html)
    return html


def on_post_page(output: str, page, config) -> str:
    return correct_theme_markup(output, config, page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output
    output = correct_theme_markup(output, config, template_name)
    skip = f'<div data-md-component="skip"><a href="#not-found" class="md-skip">{_words(config)["skip_to_content"]}</a></div>'
    return _replace(_EMPTY_SKIP, lambda _: skip, output, 1, "skip link container", template_name)


def on_env(env, config, files):
    """The theme's version for the generator tag, which overrides/main.html writes in place of Material's."""
    env.globals["material_version"] = version("mkdocs-material")
    return env
