"""Build the site once per session, in a temporary folder, and hand out its parsed pages."""
import functools
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# The day the test build calls "today": the calendar's build-time split depends on it.
BUILD_TODAY = "2025-06-01"
# The build's clock for reproducible output (sitemap dates, feed stamps): 2025-06-01 00:00 UTC.
SOURCE_DATE_EPOCH = "1748736000"
# A repository address for the test build, so that "Edit this page" links exist.
REPO_URL = "https://github.com/example/rvase-portal"
LANGUAGES = ("fr", "en")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The test build's public address: a free local port, under a sub-path as on GitHub Pages, so that the
# browser tests serve the site exactly where its absolute links (sitemap, hreflang) point.
SITE_PORT = free_port()
SITE_PATH = "/rvase/"
SITE_URL = f"http://127.0.0.1:{SITE_PORT}{SITE_PATH}"


def build_environment(today: str = BUILD_TODAY, repo_url: str | None = None) -> dict:
    """The environment of a test build: its day, clock and address, and a repository address only if given."""
    env = {**os.environ, "RVASE_TODAY": today, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL,
           "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("REPO_URL", None)
    if repo_url:
        env["REPO_URL"] = repo_url
    return env


def build(project: Path, site_dir: Path, today: str = BUILD_TODAY, repo_url: str | None = REPO_URL) -> subprocess.CompletedProcess:
    env = build_environment(today, repo_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


class Site:
    def __init__(self, path: Path, log: str):
        self.path, self.log = path, log

    @functools.cache  # noqa: B019 (one Site per test session: its cache lives as long as it does)
    def page(self, relative: str) -> BeautifulSoup:
        """`members/` or `en/members/` → the parsed index.html there."""
        file = self.path / relative / "index.html" if not relative.endswith(".html") else self.path / relative
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def pages(self, lang: str) -> list[str]:
        """Page addresses of one language, relative to its root (`""`, `members/`, …)."""
        root = self.path / "en" if lang == "en" else self.path
        found = []
        for file in root.rglob("index.html"):
            relative = file.parent.relative_to(root).as_posix()
            if lang == "fr" and relative.split("/")[0] == "en":
                continue
            found.append("" if relative == "." else relative + "/")
        return sorted(found)

    @staticmethod
    def address(lang: str, page: str) -> str:
        return ("en/" if lang == "en" else "") + page

    def every_page(self):
        """(language, address, parsed page) of every page of both languages, then the bilingual 404.html (French first)."""
        for lang in LANGUAGES:
            for page in self.pages(lang):
                yield lang, self.address(lang, page), self.page(self.address(lang, page))
        yield "fr", "404.html", self.page("404.html")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(out, result.stdout + result.stderr)


def copy_project(target: Path) -> Path:
    """A copy of the project at `target`, to break on purpose."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", ".venv-*", "site", ".git", "__pycache__", ".pytest_cache",
                                                                "node_modules"))  # npm tools: 200 MB, not the project
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")
