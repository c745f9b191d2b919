"""MkDocs hook: a Content-Security-Policy on every page and on the 404, over the final HTML (rvase/content_security_policy.py).

Listed last in mkdocs.yml, so the policy hashes the inline scripts as they are served. An inline script the theme and
the site do not write (or a second copy of one of the theme's) stops the strict build, naming the page: it can only
have come from data or words.
"""
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from rvase.content_security_policy import known_script_patterns, with_policy

log = logging.getLogger("mkdocs.hooks.content_security_policy")
_known: dict[tuple, list] = {}


def _patterns(config) -> list:
    dirs = tuple(str(Path(folder)) for folder in config.theme.dirs)
    if dirs not in _known:
        try:
            _known[dirs] = known_script_patterns([Path(folder) for folder in dirs])
        except (OSError, ValueError) as error:
            raise PluginError(f"hooks/content_security_policy.py: {error}") from None
    return _known[dirs]


def _apply(output: str, config, where: str) -> str:
    try:
        output, unknown = with_policy(output, _patterns(config))
    except ValueError as error:
        raise PluginError(f"hooks/content_security_policy.py: {where}: {error}") from None
    for text in unknown:
        log.warning("%s: an inline script that neither the theme nor the site writes, left out of the page's "
                    "Content-Security-Policy (browsers will not run it): %.120r\n"
                    "    FR : un script dans la page que ni le thème ni le site n'écrivent ; il ne peut venir que des "
                    "données (data/) ou des mots de l'interface (i18n/) : cherchez ce texte et retirez la balise <script>.\n"
                    "    EN : a script in the page that neither the theme nor the site writes; it can only have come from "
                    "the data (data/) or the interface words (i18n/): search for this text and remove the <script> tag.",
                    where, text)
    return output


def on_post_page(output: str, page, config) -> str:
    return _apply(output, config, page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    return _apply(output, config, template_name) if template_name == "404.html" else output
