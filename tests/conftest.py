"""Build the site once per session, in a temporary folder, and hand out its parsed pages (support/ holds the rest)."""

from pathlib import Path

import pytest

from support.hostile_corpus import HostileBuilds, build_hostile_sites
from support.project import ROOT, build, copy_project
from support.site import Site


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(out, result.stdout + result.stderr)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project to break on purpose."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def hostile_builds(tmp_path_factory) -> HostileBuilds:
    """The project broken by every inert case of the hostile corpus and a clean copy, each built once."""
    return build_hostile_sites(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def site_again(tmp_path_factory) -> Site:
    """A second build of the same commit, with the same settings as `site`."""
    out = tmp_path_factory.mktemp("site-again")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(out, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site_without_repository(tmp_path_factory) -> Site:
    """The site as `make build` makes it on a fresh clone: no REPO_URL (so no "Edit this page" links)."""
    out = tmp_path_factory.mktemp("site-without-repository")
    result = build(ROOT, out, repo_url=None)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(out, result.stdout + result.stderr)
