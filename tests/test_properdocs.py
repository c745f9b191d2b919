"""The site builds with ProperDocs (the maintained fork of MkDocs) as well as with MkDocs, page for page the same
except the generator tag: the fallback if MkDocs 1.x and Material stop being maintained (ARCHITECTURE.md, "A builder that outlives MkDocs 1.x")."""
import re
import subprocess
import sys

from conftest import ROOT, build_environment

PROPERDOCS_VENV = ROOT / ".venv-properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_properdocs_builds_the_same_pages_as_mkdocs_but_for_the_generator_tag(tmp_path):
    installed = subprocess.run(["make", "-s", "properdocs-venv"], cwd=ROOT, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    sites = {}
    for builder, command in (("mkdocs", [sys.executable, "-m", "mkdocs"]),
                             ("properdocs", [str(PROPERDOCS_VENV / "bin" / "properdocs")])):
        sites[builder] = tmp_path / builder
        result = subprocess.run([*command, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(sites[builder])],
                                cwd=ROOT, env=build_environment(), capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    mkdocs, properdocs = files(sites["mkdocs"]), files(sites["properdocs"])
    assert sorted(properdocs) == sorted(mkdocs)
    generators = {GENERATOR.search(properdocs[name]).group() for name in properdocs if name.endswith(".html")}
    assert generators and all(b"ProperDocs" in tag for tag in generators)
    different = [name for name in mkdocs if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])]
    assert different == []
