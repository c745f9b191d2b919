"""One page per project, member, news item and event, generated from the data as small Markdown files.

Each generated file holds nothing but a macro call (`render_record`), so no fact is copied into
Markdown. The files are real files inside docs/ because mkdocs-static-i18n only builds files that
live in docs_dir; they are git-ignored, rewritten only when their content changes (so `mkdocs serve`
does not loop), and removed when their record disappears.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only a type: rvase/validate.py reads this module's constants, and the catalog imports validate
    from .catalog import Catalog

# kind of record → folder of docs/ that holds its pages (the address is `<folder>/<id>/`). Events live under the
# calendar, beside their own `calendar/<id>.ics`; cutting an address back to its folder gives the list of its kind.
RECORD_PAGE_FOLDERS = {"projects": "projects", "members": "members", "news": "news", "events": "calendar"}

MARKER = "{## Generated from data/ by hooks/record_pages.py: do not edit, edit data/{kind}.yaml instead. ##}"


def record_page_sources(catalog: Catalog) -> dict[str, str]:
    """`relative path in docs/ → Markdown` for every record with a page of its own."""
    sources = {}
    for kind, folder in RECORD_PAGE_FOLDERS.items():
        for record in catalog.records(kind):
            sources[f"{folder}/{record['id']}.md"] = (
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
    for folder in RECORD_PAGE_FOLDERS.values():
        for existing in sorted((docs_dir / folder).glob("*.md")):
            relative = existing.relative_to(docs_dir).as_posix()
            if relative not in sources and existing.read_text(encoding="utf-8").startswith("{## Generated from data/"):
                existing.unlink()
                changed.append(relative)
    return changed
