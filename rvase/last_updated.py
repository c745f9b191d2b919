""""Last updated" on every page: the day its content last changed, read from the git history of the files it shows.

A data-driven page shows what its data files hold, so its date is the latest commit date (`%cs`, the committer's
day) among them; a prose page (Contribute, the footer pages) is its own source file, plus the data files it quotes.
The history is read once per build, with one `git log` over every file concerned. Without git (a copy of the
project without `.git`, or no git program), or for a file git does not know yet, the day is the build's "today"
(SOURCE_DATE_EPOCH in a reproducible build), so the date stays deterministic.
"""
import datetime
import subprocess
from pathlib import Path, PurePosixPath

from . import settings

# What each page shows, by the name of its page (a section page, or the kind of a record page: projects/<id>).
DATA_SHOWN = {
    "index": ("data/network.yaml", "data/members.yaml", "data/projects.yaml", "data/themes.yaml", "data/action_plan.yaml",
              "data/partners.yaml", "data/events.yaml", "data/news.yaml"),
    "network": ("data/network.yaml",),
    "members": ("data/members.yaml", "data/projects.yaml", "data/geo"),
    "themes": ("data/themes.yaml", "data/projects.yaml"),
    "projects": ("data/projects.yaml", "data/themes.yaml", "data/members.yaml"),
    "action-plan": ("data/action_plan.yaml",),
    "roadmap": ("data/roadmap.yaml",),
    "calendar": ("data/events.yaml",),
    "news": ("data/news.yaml",),
    "partners": ("data/partners.yaml",),
    "contribute": ("CONTRIBUTING.md",),
    "contact": ("data/network.yaml", "data/partners.yaml"),
    "legal-notice": ("data/network.yaml", "data/partners.yaml"),
    "privacy": ("data/network.yaml",),
    "accessibility": (),
}
# A record page (docs/<kind>/<id>.md, generated) shows its record and what it links to.
DATA_SHOWN_BY_RECORD = {
    "projects": ("data/projects.yaml", "data/members.yaml", "data/themes.yaml", "data/events.yaml", "data/news.yaml",
                 "data/sources.yaml", "data/geo"),
    "members": ("data/members.yaml", "data/projects.yaml", "data/events.yaml", "data/news.yaml", "data/geo"),
    # the pages of news items and events (issue 17, item 5), when they come
    "news": ("data/news.yaml", "data/sources.yaml", "data/members.yaml", "data/projects.yaml"),
    "events": ("data/events.yaml", "data/members.yaml", "data/projects.yaml", "data/themes.yaml"),
}

# Pages written in prose (their text is in docs/, not in data/): their own file counts.
PROSE = {"contribute", "contact", "legal-notice", "privacy", "accessibility"}


def files_shown(src_uri: str, docs_dir: str = "docs") -> tuple[str, ...]:
    """The project files (relative to the project's root) whose content the page `src_uri` (as MkDocs names it,
    e.g. "members/hue.md", "contact.fr.md") shows. A prose page counts its own source file."""
    source = PurePosixPath(src_uri)
    if len(source.parts) > 1 and source.parts[0] in DATA_SHOWN_BY_RECORD:
        return DATA_SHOWN_BY_RECORD[source.parts[0]]
    name = source.name.split(".")[0]
    shown = DATA_SHOWN.get(name, ())
    written_from_data = name in DATA_SHOWN and name not in PROSE  # the page's file holds only a macro call
    return shown if written_from_data else (f"{docs_dir}/{src_uri}", *shown)


def commit_days(root: Path, paths: list[str]) -> dict[str, datetime.date]:
    """{path: the day of the latest commit that changed it} for the paths (files or folders) git knows, in one
    `git log`. Empty without git."""
    try:
        result = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", *paths],
                                cwd=root, capture_output=True, text=True, check=False)
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
