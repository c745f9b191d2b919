"""Maintainers edit where the data lives."""

import pytest

from support.edits import apply_edit
from support.project import REPO_URL, build


@pytest.mark.parametrize(
    "page,data_file",
    [
        ("members/", "data/members.yaml"),
        ("en/calendar/", "data/events.yaml"),
        ("action-plan/", "data/action_plan.yaml"),
        ("en/", "data/network.yaml"),
    ],
)
def test_edit_this_page_opens_the_data_file_that_feeds_it(site, page, data_file):
    edit = site.page(page).select_one('a.md-content__button[href*="/edit/"]')
    assert edit["href"] == f"{REPO_URL}/edit/main/{data_file}"


def test_edit_this_page_on_a_prose_page_opens_that_language_s_file(site):
    assert (
        site.page("en/contribute/")
        .select_one('a.md-content__button[href*="/edit/"]')["href"]
        .endswith("docs/contribute.en.md")
    )


def test_markup_typed_in_a_data_field_shows_as_text(project_copy, tmp_path):
    apply_edit(
        project_copy,
        {
            "file": "data/members.yaml",
            "at": "members › kampot › name",
            "set": {"fr": "Kampot <script>alert(1)</script>", "en": "Kampot <b>bold</b>"},
        },
    )
    result = build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    fr = (tmp_path / "out" / "members" / "index.html").read_text(encoding="utf-8")
    en = (tmp_path / "out" / "en" / "members" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in fr and "Kampot &lt;script&gt;alert(1)&lt;/script&gt;" in fr
    assert "<b>bold</b>" not in en and "Kampot &lt;b&gt;bold&lt;/b&gt;" in en


def test_a_local_build_without_a_repository_is_clean_and_has_no_edit_links(site_without_repository):
    """`make serve` / `make build` on a fresh clone: no REPO_URL, still a strict, warning-free build."""
    assert "WARNING" not in site_without_repository.log
    assert "/edit/" not in (site_without_repository.path / "members" / "index.html").read_text(encoding="utf-8")
