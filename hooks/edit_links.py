"""MkDocs hook: "Edit this page" on a data-driven page opens the data file that feeds it."""

from pathlib import PurePosixPath

from rvase import site_map


def on_config(config):
    """Without a repository (a local preview), there is nothing to edit: no edit links, and no warning."""
    if not config.repo_url:
        config.edit_uri = None
    return config


def on_page_context(context, page, config, nav):
    # a section page rendered from data, or a record's own page (projects/<id>.md): the data file the site map names
    shown = site_map.of_source(page.file.src_uri)
    data_file = shown.data_file if shown else None
    if config.repo_url and data_file:
        # edit_uri points into docs/ ("edit/main/docs/"); data files live beside docs/, at the repository root.
        repository_root = PurePosixPath(config.edit_uri.strip("/")).parent
        page.edit_url = f"{config.repo_url.rstrip('/')}/{repository_root}/{data_file}"
    return context
