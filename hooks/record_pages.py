"""MkDocs hook: write a page per project and per member into docs/ before MkDocs lists the files.

Runs after hooks/data_checks.py has validated the data (on_config), so broken data never produces pages.
Why a hook writing real files: mkdocs-static-i18n builds only files inside docs_dir, once per language.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, where rvase/ lives

from rvase.cache import current_catalog  # noqa: E402
from rvase.record_pages import record_page_sources, sync_record_pages  # noqa: E402


def on_pre_build(config):
    sync_record_pages(Path(config.docs_dir), record_page_sources(current_catalog()))
