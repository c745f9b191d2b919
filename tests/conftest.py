"""Build the site once per session, in a temporary folder, and hand out its parsed pages (support/ holds the rest)."""
from pathlib import Path

import pytest

# What test modules not yet moved to support/ import from here.
from support.project import (  # noqa: F401
    BUILD_TODAY,
    LANGUAGES,
    REPO_URL,
    ROOT,
    SITE_URL,
    build,
    build_environment,
    copy_project,
    free_port,
)
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
