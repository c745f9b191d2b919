"""MkDocs hook: "Edit this page" on a data-driven page opens the data file that feeds it."""
import sys
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, where rvase/ lives

from rvase.render.pages import DATA_FILE_OF_PAGE  # noqa: E402


def on_config(config):
    """Without a repository (a local preview), there is nothing to edit: no edit links, and no warning."""
    if not config.repo_url:
        config.edit_uri = None
    return config


def on_page_context(context, page, config, nav):
    source = PurePosixPath(page.file.src_uri)
    # a generated record page (projects/<id>.md) is fed by its kind's data file, like the list page
    page_name = source.parts[0] if len(source.parts) > 1 else source.stem.split(".")[0]
    if config.repo_url and page_name in DATA_FILE_OF_PAGE:
        # edit_uri points into docs/ ("edit/main/docs/"); data files live beside docs/, at the repository root.
        repository_root = PurePosixPath(config.edit_uri.strip("/")).parent
        page.edit_url = f"{config.repo_url.rstrip('/')}/{repository_root}/{DATA_FILE_OF_PAGE[page_name]}"
    return context
