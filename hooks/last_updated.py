"""MkDocs hook: "Last updated" on every page, from the git history of the files it shows (rvase/last_updated.py).

The days are read once per build (on_files, when every page's file is known); each page gets its day, in words of
the page's language, as page.meta.rvase_updated, which overrides/partials/source-file.html shows under the content.
"""

from pathlib import Path

from rvase.cache import current_catalog
from rvase.last_updated import LastUpdated, day_text

_build: dict = {}  # this build's LastUpdated and words of its language, replaced at each build's on_files


def on_files(files, config):
    project = Path(config.config_file_path).parent.resolve()
    docs_dir = Path(config.docs_dir).resolve().relative_to(project).as_posix()
    sources = [file.src_uri for file in files.documentation_pages()]
    _build["days"] = LastUpdated(project, docs_dir, sources)
    _build["words"] = current_catalog(project).words(config.theme["language"])
    return files


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]
    day = _build["days"].day(page.file.src_uri)
    page.meta["rvase_updated"] = {"iso": day.isoformat(), "text": day_text(day, lang, _build["words"])}
    return markdown
