"""MkDocs hook: validate every data file before anything is built, and give the theme's templates their words and
the site map.

A data problem stops `mkdocs build` and `mkdocs serve` here, at on_config, before any page is written.
"""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from rvase.cache import current_catalog
from rvase.problems import DataError
from rvase.site_map import FOOTER_PAGES, Addresses


def on_config(config):
    try:
        catalog = current_catalog(Path(config.config_file_path).parent)
    except DataError as error:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(p.github_annotation() for p in error.problems))
        raise PluginError(error.report()) from None
    config.extra["interface"] = catalog.interface
    return config


def on_env(env, config, files):
    """The footer's pages and each language's addresses, for overrides/ (partials/footer.html, main.html)."""
    env.globals.update(footer_pages=FOOTER_PAGES, addresses=Addresses(config.site_url or "/"))
    return env
