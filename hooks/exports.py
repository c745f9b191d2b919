"""MkDocs hook: write the open data (rvase/exports.py) once, under data/ at the site's root, after the last language.

The files are the same for both languages (each CSV and JSON holds both), so they are written once, by the
default language's build after mkdocs-static-i18n has built the others inside it (as hooks/sitemaps.py does),
from the very bytes whose sizes the pages show.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, where rvase/ lives

from mkdocs.plugins import event_priority  # noqa: E402

from rvase.cache import current_catalog  # noqa: E402
from rvase.exports import EXPORTS_FOLDER, current_open_data  # noqa: E402


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside the default language's build
    folder = Path(config.site_dir) / EXPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in current_open_data(current_catalog(), config.site_url or "/").files.items():
        (folder / name).write_bytes(content)
