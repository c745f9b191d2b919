"""MkDocs hook: the builder-independent finishing step (rvase/finish.py) over the site folder, once every language is built.

Stylesheets, open data, the sitemaps of every folder Material's language script looks in, and last the
Content-Security-Policy of every page. It runs in the default language's on_post_build after mkdocs-static-i18n has
built the other languages inside it and written the root sitemap (hence the priority), so it sees the final HTML of
both. An inline script that neither the theme nor the site writes stops the strict build, naming the page's source:
it can only have come from data or words.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from rvase.finish import finish_site
from rvase.problems import DataError

log = logging.getLogger("mkdocs.hooks.finish")
_sources: dict[Path, str] = {}  # built file → the page's source, to name it in a report ("contribute.fr.md")


def on_post_page(output: str, page, config) -> str:
    _sources[(Path(config.site_dir) / page.file.dest_uri).resolve()] = page.file.src_uri
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages (-100) and written the root sitemap
def on_post_build(config) -> None:
    if config.plugins["i18n"].building:
        return  # a language built inside the default language's build: the site is finished after the last
    site_dir = Path(config.site_dir)
    try:
        unknown = finish_site(
            site_dir,
            Path(config.config_file_path).parent,
            config.site_url or "/",
            [Path(folder) for folder in config.theme.dirs],
        )
    except DataError as error:
        raise PluginError(error.report()) from None
    except (OSError, ValueError) as error:
        raise PluginError(f"rvase/finish.py: {error}") from None
    for script in unknown:
        where = _sources.get((site_dir / script.page).resolve(), script.page)
        log.warning(
            "%s: an inline script that neither the theme nor the site writes, left out of the page's "
            "Content-Security-Policy (browsers will not run it): %.120r\n"
            "    FR : un script dans la page que ni le thème ni le site n'écrivent ; il ne peut venir que des "
            "données (data/) ou des mots de l'interface (i18n/) : cherchez ce texte et retirez la balise <script>.\n"
            "    EN : a script in the page that neither the theme nor the site writes; it can only have come from "
            "the data (data/) or the interface words (i18n/): search for this text and remove the <script> tag.",
            where,
            script.text,
        )
