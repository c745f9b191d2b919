"""A maintainer's mistake in data/ stops the build, names file, line and field, and writes no page."""
from dataclasses import dataclass

import pytest

from conftest import build


@dataclass
class BrokenEdit:
    promise: str
    file: str
    old: str
    new: str
    field: str          # the field path the message must name
    says: str           # words the English message must contain
    line_of: str = ""   # the text whose line the message must give (default: the edited text)


EDITS = [
    BrokenEdit("a missing English translation", "data/members.yaml",
               'name: {fr: "Kampot", en: "Kampot"}', 'name: {fr: "Kampot"}',
               "members › kampot › name", "required field 'en' is missing"),
    BrokenEdit("an empty French translation", "data/themes.yaml",
               'name: {fr: "Tourisme intelligent et durable",', 'name: {fr: "  ",',
               "themes › smart-sustainable-tourism › name › fr", "text is empty"),
    BrokenEdit("a YAML syntax error", "data/events.yaml",
               '  - id: annual-meeting-2024\n    title:', '  - id: annual-meeting-2024\n    title: [unclosed',
               "", "not valid YAML", line_of="title: [unclosed"),
    BrokenEdit("a duplicate key", "data/projects.yaml",
               "    status: under-discussion\n    as_of: {date: \"2023-05-18\", source: slides-2023-fr}\n    partners: []\n    summary:\n      fr: \"Projet multi-villes",
               "    status: under-discussion\n    status: ongoing\n    as_of: {date: \"2023-05-18\", source: slides-2023-fr}\n    partners: []\n    summary:\n      fr: \"Projet multi-villes",
               "status", "appears twice", line_of="status: ongoing"),
    BrokenEdit("an unknown key (typo)", "data/partners.yaml",
               "  - id: platforma\n    name:", "  - id: platforma\n    nmae:",
               "partners › platforma", "Unknown field 'nmae'", line_of="- id: platforma"),
    BrokenEdit("an impossible date", "data/events.yaml",
               'start: "2023-10-23"', 'start: "2023-02-30"',
               "events › aimf-world-congress-2023 › start", "does not exist in the calendar"),
    BrokenEdit("an end before its start", "data/events.yaml",
               'end: "2026-11-16"', 'end: "2026-11-13"',
               "events › francophonie-summit-xx-2026 › end", "before the start"),
    BrokenEdit("a reference to an unknown member", "data/projects.yaml",
               "members: [can-tho]", "members: [cantho]",
               "projects › women-local-government-capacity › members › #1", "'cantho' matches no record in data/members.yaml"),
    BrokenEdit("a reference to an unknown theme", "data/events.yaml",
               "themes: [urban-sanitation]\n    projects: []\n    sources: [slides-2023-fr, slides-2023-en]\n  - id: francophonie",
               "themes: [sanitation]\n    projects: []\n    sources: [slides-2023-fr, slides-2023-en]\n  - id: francophonie",
               "events › cwis-presentation-2022 › themes › #1", "matches no record in data/themes.yaml"),
    BrokenEdit("a duplicate id", "data/members.yaml",
               "  - id: yen-bai", "  - id: hue",
               "members › hue › id", "already used"),
    BrokenEdit("a wrong status", "data/projects.yaml",
               "status: completed\n    as_of: {date: \"2019-12\", source: news-aimf-congress-2019}\n    period: {end_year: 2019}",
               "status: finished\n    as_of: {date: \"2019-12\", source: news-aimf-congress-2019}\n    period: {end_year: 2019}",
               "projects › phnom-penh-sanitation-studies › status", "Allowed values"),
    BrokenEdit("an impossible hour", "data/events.yaml",
               'end_time: "12:00"', "end_time: 25:00",
               "events › annual-meeting-2023 › end_time", "a time HH:MM"),
    BrokenEdit("an end time before the start time", "data/events.yaml",
               'end_time: "12:00"', 'end_time: "07:30"',
               "events › annual-meeting-2023 › end_time", "not after the start time"),
    BrokenEdit("a malformed web address", "data/partners.yaml",
               "  - id: platforma\n    name:", "  - id: platforma\n    website: htp:/platforma\n    name:",
               "partners › platforma › website", "web address", line_of="website: htp:/platforma"),
    BrokenEdit("a news item linked to an unknown event", "data/news.yaml",
               "events: [cmf-46-kigali-2025, francophonie-summit-xx-2026]", "events: [cmf-46-kigali-2025, francophonie-summit-2026]",
               "news › aimf-cmf-kigali-2025 › events › #2", "'francophonie-summit-2026' matches no record in data/events.yaml"),
    BrokenEdit("an action-plan cell left without its English", "data/action_plan.yaml",
               '        planned:\n          fr: "Dialogue ouvert en continu."\n          en: "Ongoing dialogue."\n',
               '        planned:\n          fr: "Dialogue ouvert en continu."\n',
               "axes › regional-dialogue › actions › #1 › planned", "required field 'en' is missing",
               line_of="planned:"),
    BrokenEdit("a year typed as text", "data/roadmap.yaml",
               "start_year: 2024", 'start_year: "2024"',
               "thematic_plans › smart-cities-2024-2025 › start_year", "expected a whole number"),
    BrokenEdit("a date written in words", "data/news.yaml",
               'date: "2020-01-09"', 'date: "9 janvier 2020"',
               "news › aimf-congress-phnom-penh-2019 › date", "a date YYYY-MM-DD, YYYY-MM or YYYY"),
    BrokenEdit("a required field deleted", "data/news.yaml",
               "  - id: aimf-congress-phnom-penh-2019\n    date: \"2020-01-09\"\n    source_language: en\n",
               "  - id: aimf-congress-phnom-penh-2019\n    date: \"2020-01-09\"\n",
               "news › aimf-congress-phnom-penh-2019", "required field 'source_language' is missing",
               line_of="- id: aimf-congress-phnom-penh-2019"),
    BrokenEdit("an id that is not a slug", "data/members.yaml",
               "  - id: yen-bai", "  - id: Yen Bai",
               "members › Yen Bai › id", "an id of lowercase letters, digits and hyphens"),
    BrokenEdit("a tab in the indentation", "data/themes.yaml",
               "  - id: smart-sustainable-tourism\n    kind: main", "  - id: smart-sustainable-tourism\n\tkind: main",
               "", "not valid YAML", line_of="\tkind: main"),
    BrokenEdit("a missing interface word translation", "i18n/interface.yaml",
               'page.partners: {fr: "Partenaires", en: "Partners"}', 'page.partners: {fr: "Partenaires"}',
               "page.partners", "required field 'en' is missing"),
]


def apply(project, edit: BrokenEdit) -> int:
    """Make the edit; return the line the error must name."""
    path = project / edit.file
    text = path.read_text(encoding="utf-8")
    assert text.count(edit.old) == 1, f"the test's edit no longer matches {edit.file}"
    start = text.index(edit.old)
    text = text.replace(edit.old, edit.new)
    path.write_text(text, encoding="utf-8")
    marker = edit.line_of or edit.new.splitlines()[0]
    return text[: text.index(marker, start)].count("\n") + 1


@pytest.mark.parametrize("edit", EDITS, ids=[e.promise for e in EDITS])
def test_a_broken_edit_stops_the_build_names_the_place_and_writes_nothing(project_copy, tmp_path, edit):
    line = apply(project_copy, edit)
    site_dir = tmp_path / "out"
    result = build(project_copy, site_dir)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{edit.file}:{line}" in output, output
    assert edit.field in output, output
    assert edit.says in output, output
    assert "FR :" in output and "EN :" in output
    assert not list(site_dir.rglob("*.html")) if site_dir.exists() else True


def test_all_problems_of_a_run_are_listed_at_once(project_copy, tmp_path):
    edits = [e for e in EDITS if e.promise in ("a missing English translation", "an impossible date", "a wrong status")]
    for edit in edits:
        apply(project_copy, edit)
    result = build(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "3 problem(s)" in output
    assert all(edit.field in output for edit in edits)
