"""Builds in one process (one per language, one per `mkdocs serve` rebuild) share the theme's compiled templates
(hooks/compiled_templates.py).

What a maintainer changes between two builds of the same process still shows in the second: a file added to
overrides/ is copied, an edited override and an edited page are rendered from their new text.
"""

import subprocess
import sys

from support.project import build_environment

TWO_BUILDS = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, first, second = (Path(argument) for argument in sys.argv[1:])
build(load_config(str(project / "mkdocs.yml"), site_dir=str(first), strict=True))
(project / "overrides" / "assets").mkdir(parents=True, exist_ok=True)
(project / "overrides" / "assets" / "added-between-builds.txt").write_text("added", encoding="utf-8")
footer = project / "overrides" / "partials" / "footer.html"
footer.write_text(footer.read_text(encoding="utf-8") + "<!-- an override edited between builds -->\\n", encoding="utf-8")
page = project / "docs" / "contribute.en.md"
page.write_text(page.read_text(encoding="utf-8") + "\\n\\nA sentence added between builds.\\n", encoding="utf-8")
build(load_config(str(project / "mkdocs.yml"), site_dir=str(second), strict=True))
"""


def python(script: str, cwd, *arguments) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, arguments)],
        cwd=cwd,
        env=build_environment(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_second_build_in_the_same_process_sees_what_changed_in_between(project_copy, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    python(TWO_BUILDS, project_copy, project_copy, first, second)
    assert not (first / "assets" / "added-between-builds.txt").exists()
    assert (second / "assets" / "added-between-builds.txt").read_text(encoding="utf-8") == "added"
    assert "A sentence added between builds." not in (first / "en" / "contribute" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "A sentence added between builds." in (second / "en" / "contribute" / "index.html").read_text(
        encoding="utf-8"
    )
    for page in ("index.html", "members/index.html", "en/projects/calu/index.html", "404.html"):
        assert "an override edited between builds" not in (first / page).read_text(encoding="utf-8"), page
        assert "an override edited between builds" in (second / page).read_text(encoding="utf-8"), page
    theme_files = sorted(path.relative_to(first).as_posix() for path in (first / "assets").rglob("*"))
    assert (
        theme_files
        and sorted(
            path.relative_to(second).as_posix()
            for path in (second / "assets").rglob("*")
            if path.name != "added-between-builds.txt"
        )
        == theme_files
    )
