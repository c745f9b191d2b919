"""mkdocs-macros glue: registers `render_page`, `render_record` and `site_fact` and hands off to the plain-Python core in rvase/."""

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from rvase import settings
from rvase.cache import current_catalog
from rvase.facts import fact_text
from rvase.problems import DataError
from rvase.render.pages import PageRenderer
from rvase.site_map import Addresses


def define_env(env):
    """Called by mkdocs-macros at each build's on_config: the catalog is read at the first page, once per build."""
    catalog = functools.cache(lambda: current_catalog(Path(env.project_dir)))

    def renderer() -> PageRenderer:
        """A renderer for the page being built, in its language (read now: static-i18n changes it per build)."""
        lang = env.conf["theme"]["language"]
        addresses = Addresses(env.conf["site_url"] or "/")

        def link(path: str) -> str:
            """A folder's path from this language's home ("members/", "themes/#water"), relative to the page built."""
            folder, _, anchor = path.partition("#")
            relative = get_relative_url(addresses.in_language(folder, lang), env.page.url)
            relative = "./" if relative == "." else relative if relative.endswith("/") else relative + "/"
            return relative + (f"#{anchor}" if anchor else "")

        return PageRenderer(
            catalog(),
            lang,
            link,
            settings.today(),
            addresses,
            site_file=lambda path: get_relative_url(path, env.page.url),
        )

    @env.macro
    def render_page(page: str) -> str:
        """The content of a section page (`members`, `action-plan`…)."""
        try:
            page_renderer = renderer()
            env.page.meta["description"] = page_renderer.description(page)  # for link previews (overrides/main.html)
            return page_renderer.render(page)
        except DataError as error:
            raise PluginError(error.report()) from None

    @env.macro
    def render_record(kind: str, record_id: str) -> str:
        """The content of one record's own page (a project, a member)."""
        try:
            page_renderer = renderer()
            env.page.meta["description"] = page_renderer.record_description(kind, record_id)
            return page_renderer.render_record(kind, record_id)
        except DataError as error:
            raise PluginError(error.report()) from None

    @env.macro
    def site_fact(name: str) -> str:
        """A fact of data/ quoted in a prose page (the footer pages), in the page's language: rvase/facts.py."""
        try:
            return fact_text(catalog(), name, env.conf["theme"]["language"])
        except DataError as error:
            raise PluginError(error.report()) from None
