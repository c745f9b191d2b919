"""MkDocs hook: write the open data (rvase/exports.py) once, under data/ at the site's root, after the last language.

The files are the same for both languages (each CSV and JSON holds both), so they are written once, by the
default language's build after mkdocs-static-i18n has built the others inside it (as hooks/sitemaps.py does),
from the very bytes whose sizes the pages show.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from rvase.cache import current_catalog
from rvase.exports import EXPORTS_FOLDER, current_open_data


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside the default language's build
    folder = Path(config.site_dir) / EXPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in current_open_data(current_catalog(Path(config.config_file_path).parent), config.site_url or "/").files.items():
        (folder / name).write_bytes(content)
