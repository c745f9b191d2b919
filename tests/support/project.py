"""The project under test, its copies and its builds: the test build's day, clock and address, declared once."""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LANGUAGES = ("fr", "en")
# The day the test build calls "today": the calendar's build-time split depends on it.
BUILD_TODAY = "2025-06-01"
# The build's clock for reproducible output (sitemap dates, feed stamps): 2025-06-01 00:00 UTC.
SOURCE_DATE_EPOCH = "1748736000"
# A repository address for the test build, so that "Edit this page" links exist.
REPO_URL = "https://github.com/example/rvase-portal"
# What a copy of the project leaves out: environments (.venv-properdocs alone is ~180 MB), npm tools, outputs, caches.
NOT_THE_PROJECT = (
    ".venv",
    ".venv-*",
    "node_modules",
    "site",
    ".site-*",
    ".git",
    "__pycache__",
    ".pytest_cache",
    "bench",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The test build's public address: a free local port, under a sub-path as on GitHub Pages, so that the
# browser tests serve the site exactly where its absolute links (sitemap, hreflang) point.
SITE_PORT = free_port()
SITE_PATH = "/rvase/"
SITE_URL = f"http://127.0.0.1:{SITE_PORT}{SITE_PATH}"


def copy_project(target: Path) -> Path:
    """A copy of the project at `target`, to break on purpose."""
    shutil.copytree(ROOT, target, symlinks=True, ignore=shutil.ignore_patterns(*NOT_THE_PROJECT))
    return target


def build_environment(today: str = BUILD_TODAY, repo_url: str | None = None) -> dict:
    """The environment of a test build: its day, clock and address, and a repository address only if given."""
    env = {
        **os.environ,
        "RVASE_TODAY": today,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": SITE_URL,
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
    }
    env.pop("REPO_URL", None)
    if repo_url:
        env["REPO_URL"] = repo_url
    return env


def build(
    project: Path, site_dir: Path, today: str = BUILD_TODAY, repo_url: str | None = REPO_URL
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=build_environment(today, repo_url),
        capture_output=True,
        text=True,
        timeout=300,
    )


def run(project: Path, *command: str, site_url: str | None = None, github: bool = False) -> subprocess.CompletedProcess:
    """`python <command>` in `project` with the test build's environment (GitHub's CI variable if `github`)."""
    env = {**build_environment(), "GITHUB_ACTIONS": "true" if github else "false"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run([sys.executable, *command], cwd=project, env=env, capture_output=True, text=True, timeout=300)


def check(project: Path, github: bool = False) -> subprocess.CompletedProcess:
    """`make check` (`python -m rvase.check`) on a copy of the project."""
    return run(project, "-m", "rvase.check", github=github)


def build_site(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`make build` (tools/build_site.py: MkDocs, then the new site swapped in whole) of `project` into `site_dir`."""
    return run(
        project,
        "tools/build_site.py",
        "--site-dir",
        str(site_dir),
        "--builder",
        f"{sys.executable} -m mkdocs",
        site_url=site_url,
    )


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`: its path relative to it → its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
