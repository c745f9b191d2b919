"""The site builds with ProperDocs (the maintained fork of MkDocs) as well as with MkDocs, page for page the same
except the generator tag: the fallback if MkDocs 1.x and Material stop being maintained (ARCHITECTURE.md, "A builder that outlives MkDocs 1.x")."""

import re
import subprocess

from support.project import ROOT, build_environment, listing

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_pages_as_mkdocs_but_for_the_generator_tag(site_without_repository, tmp_path):
    """Both without a repository address, as `make build` on a fresh clone (site_without_repository is MkDocs')."""
    installed = subprocess.run(["make", "-s", "properdocs-venv"], cwd=ROOT, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    result = subprocess.run(
        [
            str(PROPERDOCS_VENV / "bin" / "properdocs"),
            "build",
            "--strict",
            "-f",
            "mkdocs.yml",
            "--site-dir",
            str(tmp_path / "properdocs"),
        ],
        cwd=ROOT,
        env=build_environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    mkdocs, properdocs = listing(site_without_repository.path), listing(tmp_path / "properdocs")
    assert sorted(properdocs) == sorted(mkdocs)
    generators = {GENERATOR.search(properdocs[name]).group() for name in properdocs if name.endswith(".html")}
    assert generators and all(b"ProperDocs" in tag for tag in generators)
    different = [name for name in mkdocs if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])]
    assert different == []
