"""Builds in one process (one per language, one per `mkdocs serve` rebuild) share what hooks/process_cache.py keeps.

What a maintainer changes between two builds of the same process still shows in the second: a file added to
overrides/ is copied, an edited page is rendered from its new text, and the rest comes out the same.
"""
import json
import subprocess
import sys

from conftest import ROOT, build_environment

TWO_BUILDS = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, first, second = (Path(argument) for argument in sys.argv[1:])
build(load_config(str(project / "mkdocs.yml"), site_dir=str(first), strict=True))
(project / "overrides" / "assets").mkdir(parents=True, exist_ok=True)
(project / "overrides" / "assets" / "added-between-builds.txt").write_text("added", encoding="utf-8")
page = project / "docs" / "contribute.en.md"
page.write_text(page.read_text(encoding="utf-8") + "\\n\\nA sentence added between builds.\\n", encoding="utf-8")
build(load_config(str(project / "mkdocs.yml"), site_dir=str(second), strict=True))
"""


THEME_FILES = """
import json
from mkdocs.config import load_config
from mkdocs.structure.files import Files

config = load_config("mkdocs.yml")
def theme_files():
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((file.src_uri, file.abs_src_path) for file in files)
found = {"mkdocs": theme_files()}  # before the hooks' on_config: MkDocs' own listing
config.plugins.on_config(config)
found["wrapped"] = "get_env" in vars(config.theme)
found["first"], found["again"] = theme_files(), theme_files()
print(json.dumps(found))
"""


def python(script: str, cwd, *arguments) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-c", script, *map(str, arguments)], cwd=cwd, env=build_environment(),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_the_theme_files_copied_are_those_mkdocs_finds_itself():
    found = json.loads(python(THEME_FILES, ROOT).stdout.strip().splitlines()[-1])
    assert found["wrapped"]
    assert len(found["mkdocs"]) > 30 and any(uri.startswith("assets/javascripts/bundle.") for uri, _ in found["mkdocs"])
    assert found["first"] == found["mkdocs"] and found["again"] == found["mkdocs"]


def test_a_second_build_in_the_same_process_sees_what_changed_in_between(project_copy, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    python(TWO_BUILDS, project_copy, project_copy, first, second)
    assert not (first / "assets" / "added-between-builds.txt").exists()
    assert (second / "assets" / "added-between-builds.txt").read_text(encoding="utf-8") == "added"
    assert "A sentence added between builds." not in (first / "en" / "contribute" / "index.html").read_text(encoding="utf-8")
    assert "A sentence added between builds." in (second / "en" / "contribute" / "index.html").read_text(encoding="utf-8")
    for page in ("index.html", "members/index.html", "en/projects/calu/index.html", "404.html"):
        assert (second / page).read_bytes() == (first / page).read_bytes(), page
    theme_files = sorted(path.relative_to(first).as_posix() for path in (first / "assets").rglob("*"))
    assert theme_files and sorted(path.relative_to(second).as_posix() for path in (second / "assets").rglob("*")
                                  if path.name != "added-between-builds.txt") == theme_files
