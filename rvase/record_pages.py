"""One page per project, member, news item and event, generated from the data as small Markdown files.

Each generated file holds nothing but a macro call (`render_record`), so no fact is copied into
Markdown. The files are real files inside docs/ because mkdocs-static-i18n only builds files that
live in docs_dir; they are git-ignored, rewritten only when their content changes (so `mkdocs serve`
does not loop), and removed when their record disappears.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .site_map import RECORD_KINDS, Addresses

if TYPE_CHECKING:  # only a type: the catalog imports rvase/validate.py, which the site map must not depend on
    from .catalog import Catalog

# The kinds of record with a page of their own (the site map's `folder`).
WITH_PAGES = [kind for kind in RECORD_KINDS if kind.folder]

MARKER = "{## Generated from data/ by hooks/record_pages.py: do not edit, edit data/{kind}.yaml instead. ##}"


def record_page_sources(catalog: Catalog) -> dict[str, str]:
    """`relative path in docs/ → Markdown` for every record with a page of its own."""
    sources = {}
    for kind in (record_kind.kind for record_kind in WITH_PAGES):
        for record in catalog.records(kind):
            sources[Addresses.record_source(kind, record["id"])] = (
                MARKER.replace("{kind}", kind) + "\n" + f"{{{{ render_record('{kind}', '{record['id']}') }}}}\n"
            )
    return sources


def sync_record_pages(docs_dir: Path, sources: dict[str, str]) -> list[str]:
    """Write the generated pages that changed, delete the ones whose record is gone; return what changed."""
    changed = []
    for relative, text in sources.items():
        target = docs_dir / relative
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(relative)
    for folder in (record_kind.folder for record_kind in WITH_PAGES if record_kind.folder):
        for existing in sorted((docs_dir / folder).glob("*.md")):
            relative = existing.relative_to(docs_dir).as_posix()
            if relative not in sources and existing.read_text(encoding="utf-8").startswith("{## Generated from data/"):
                existing.unlink()
                changed.append(relative)
    return changed
