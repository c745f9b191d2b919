""" "Last updated" on every page: the day its content last changed, read from the git history of the files it shows.

A data-driven page shows what its data files hold, so its date is the latest commit date (`%cs`, the committer's
day) among them; a prose page (Contribute, the footer pages) is its own source file, plus the data files it quotes.
The history is read once per build, with one `git log` over every file concerned. Without git (a copy of the
project without `.git`, or no git program), or for a file git does not know yet, the day is the build's "today"
(SOURCE_DATE_EPOCH in a reproducible build), so the date stays deterministic.
"""

import datetime
import subprocess
from pathlib import Path

from . import settings, site_map


def files_shown(src_uri: str, docs_dir: str = "docs") -> tuple[str, ...]:
    """The project files (relative to the project's root) whose content the page `src_uri` (as MkDocs names it,
    e.g. "members/hue.md", "contact.fr.md") shows, as the site map declares them (rvase/site_map.py). A page written
    in prose, or one the site map does not know, counts its own source file."""
    shown = site_map.of_source(src_uri)
    if isinstance(shown, site_map.RecordKind) or (shown is not None and not shown.prose):
        return shown.shows  # the page's file holds only a macro call
    return (f"{docs_dir}/{src_uri}", *(shown.shows if shown else ()))


def commit_days(root: Path, paths: list[str]) -> dict[str, datetime.date]:
    """{path: the day of the latest commit that changed it} for the paths (files or folders) git knows, in one
    `git log`. Empty without git."""
    try:
        result = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", *paths],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return {}
    if result.returncode != 0:
        return {}
    latest: dict[str, datetime.date] = {}
    day = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            day = datetime.date.fromisoformat(line[1:])
        elif line and day:
            for path in paths:  # a file, or a file inside a folder asked for
                if (line == path or line.startswith(path.rstrip("/") + "/")) and path not in latest:
                    latest[path] = day
    return latest


class LastUpdated:
    """The days of one build: `day(src_uri)` is the latest of the days of the files the page shows."""

    def __init__(self, root: Path, docs_dir: str, page_sources: list[str]):
        self.docs_dir = docs_dir
        wanted = sorted({path for src in page_sources for path in files_shown(src, docs_dir)})
        self.days = commit_days(root, wanted)
        self.fallback = settings.today()

    def day(self, src_uri: str) -> datetime.date:
        days = [self.days.get(path, self.fallback) for path in files_shown(src_uri, self.docs_dir)]
        return max(days, default=self.fallback)


def day_text(day: datetime.date, lang: str, words) -> str:
    """The day in words of the language, as the site writes dates: "3 mars 2025", "3 March 2025"."""
    month = words(f"month.{day.month}")
    return f"{day.day} {month} {day.year}" if lang == "fr" else f"{day.day} {month.capitalize()} {day.year}"
