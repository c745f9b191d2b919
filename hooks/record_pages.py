"""MkDocs hook: write a page per project and per member into docs/ before MkDocs lists the files.

Runs after hooks/data_checks.py has validated the data (on_config), so broken data never produces pages.
Why a hook writing real files: mkdocs-static-i18n builds only files inside docs_dir, once per language.
"""

from pathlib import Path

from rvase.cache import current_catalog
from rvase.record_pages import record_page_sources, sync_record_pages


def on_pre_build(config):
    sync_record_pages(Path(config.docs_dir), record_page_sources(current_catalog(Path(config.config_file_path).parent)))
