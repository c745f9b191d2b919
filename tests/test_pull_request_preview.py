"""The pull-request preview's summary (tools/compare_builds.py): per language, the pages added, removed and changed
between two real builds, judged on the text of the content, with the data problems."""

import subprocess
import sys

from support.edits import apply_edit
from support.project import ROOT, build

COMPARE = ROOT / "tools" / "compare_builds.py"


def compare(base, head, *extra) -> str:
    result = subprocess.run(
        [sys.executable, str(COMPARE), str(base), str(head), *extra], capture_output=True, text=True, check=True
    )
    return result.stdout


def section(summary: str, heading: str) -> str:
    return summary.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]


def test_a_changed_data_file_shows_as_the_pages_it_changes_in_each_language_and_nothing_else(project_copy, tmp_path):
    base = tmp_path / "base"  # of the copy, as the head: a copy has no git history, so no page's "Last updated"
    assert build(project_copy, base).returncode == 0
    apply_edit(
        project_copy,
        {
            "file": "data/members.yaml",
            "at": "members › kampot › name",
            "set": {"fr": "Kampot-Ville", "en": "Kampot Town"},
        },
    )
    head = tmp_path / "head"
    assert build(project_copy, head).returncode == 0
    summary = compare(base, head)
    french, english = section(summary, "Français"), section(summary, "English")
    assert "`members/kampot/`" in french and "`members/`" in french
    assert "`en/members/kampot/`" in english and "`en/members/`" in english
    assert "ajoutées / added" not in summary and "supprimées / removed" not in summary
    assert "`network/`" not in french and "`en/partners/`" not in english  # pages whose text did not change


def test_the_same_build_twice_changes_no_page_although_the_bytes_differ(site, site_without_repository):
    """Two builds at different addresses differ in their bytes (absolute links), not in what a reader sees."""
    other = site_without_repository.path  # no "Edit this page" links: other bytes
    assert (other / "members" / "index.html").read_bytes() != (site.path / "members" / "index.html").read_bytes()
    summary = compare(site.path, other)
    assert (
        section(summary, "Français").strip()
        == section(summary, "English").strip()
        == "Aucune page modifiée / No page changed."
    )


def test_added_and_removed_pages_and_the_data_problems_are_listed(site, tmp_path):
    problems = tmp_path / "check.txt"
    problems.write_text("data/members.yaml:12: members › kampot › name\n  FR : …\n  EN : …\n", encoding="utf-8")
    summary = compare(tmp_path / "no-base-build", site.path, "--problems", str(problems))
    assert "data/members.yaml:12" in summary
    assert "**Pages ajoutées / added**" in section(summary, "Français")
    assert "`en/members/kampot/`" in section(summary, "English")
    removed = compare(site.path, tmp_path / "no-head-build")
    assert "could not be built" in removed
