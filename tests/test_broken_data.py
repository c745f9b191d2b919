"""A maintainer's mistake in data/ stops `make check` and the build, names file, line and field in French and English,
suggests the fix where there is one, and writes no page.

Each mistake is checked by `python -m rvase.check` on a copy of what it reads; the build runs the same check first
(hooks/data_checks.py) and stops on it: the tests that break several things at once prove on a whole copy that the
build then stops with the check's report, word for word, and writes no page."""

import re
from dataclasses import dataclass

import pytest

from rvase.problems import Problem
from support.edits import apply_edit
from support.project import build, check


@dataclass
class BrokenEdit:
    promise: str
    edit: dict  # an edit of support/edits.py: by record and field (`at`) where the mistake is in a value
    field: str  # the field path the message must name
    says: str  # words the English message must contain
    line_of: str = ""  # a text whose line the message must give (default: the line the edit names)
    fix: tuple = ()  # (French, English) words of the fix the message must suggest

    @property
    def file(self) -> str:
        return self.edit["file"]


def at(file: str, place: str, **form) -> dict:
    return {"file": file, "at": place, **form}


MEMBERS, THEMES, EVENTS, PROJECTS = "data/members.yaml", "data/themes.yaml", "data/events.yaml", "data/projects.yaml"
PARTNERS, NEWS, INTERFACE = "data/partners.yaml", "data/news.yaml", "i18n/interface.yaml"

EDITS = [
    BrokenEdit(
        "a missing English translation",
        at(MEMBERS, "members › kampot › name › en", delete=True),
        "members › kampot › name",
        "required field 'en' is missing",
    ),
    BrokenEdit(
        "an empty French translation",
        at(THEMES, "themes › smart-sustainable-tourism › name › fr", set="  "),
        "themes › smart-sustainable-tourism › name › fr",
        "text is empty",
    ),
    BrokenEdit(
        "a YAML syntax error", at(EVENTS, "events › annual-meeting-2024 › title", raw="[unclosed"), "", "not valid YAML"
    ),
    BrokenEdit(
        "a duplicate key",
        at(PROJECTS, "projects › calu › status", insert_after="status: ongoing"),
        "status",
        "appears twice",
    ),
    BrokenEdit(
        "an unknown key (typo)",
        at(PARTNERS, "partners › platforma › name", rename="nmae"),
        "partners › platforma",
        "Unknown field 'nmae'",
        fix=("Vouliez-vous dire « name » ?", "Did you mean 'name'?"),
    ),
    BrokenEdit(
        "an impossible date",
        at(EVENTS, "events › aimf-world-congress-2023 › start", set="2023-02-30"),
        "events › aimf-world-congress-2023 › start",
        "does not exist in the calendar",
    ),
    BrokenEdit(
        "an end before its start",
        at(EVENTS, "events › francophonie-summit-xx-2026 › end", set="2026-11-13"),
        "events › francophonie-summit-xx-2026 › end",
        "before the start",
    ),
    BrokenEdit(
        "a reference to an unknown member",
        at(PROJECTS, "projects › women-local-government-capacity › members › #1", set="cantho"),
        "projects › women-local-government-capacity › members › #1",
        "'cantho' matches no record in data/members.yaml",
        fix=("Vouliez-vous dire « can-tho » ?", "Did you mean 'can-tho'?"),
    ),
    BrokenEdit(
        "a reference to an unknown theme",
        at(EVENTS, "events › cwis-presentation-2022 › themes › #1", set="sanitation"),
        "events › cwis-presentation-2022 › themes › #1",
        "matches no record in data/themes.yaml",
    ),
    BrokenEdit(
        "a duplicate id", at(MEMBERS, "members › yen-bai › id", set="hue"), "members › hue › id", "already used"
    ),
    BrokenEdit(
        "a wrong status",
        at(PROJECTS, "projects › phnom-penh-sanitation-studies › status", set="finished"),
        "projects › phnom-penh-sanitation-studies › status",
        "Allowed values",
    ),
    BrokenEdit(
        "an impossible hour",
        at(EVENTS, "events › annual-meeting-2023 › end_time", raw="25:00"),
        "events › annual-meeting-2023 › end_time",
        "a time HH:MM",
    ),
    BrokenEdit(
        "an end time before the start time",
        at(EVENTS, "events › annual-meeting-2023 › end_time", set="07:30"),
        "events › annual-meeting-2023 › end_time",
        "not after the start time",
    ),
    BrokenEdit(
        "a malformed web address",
        at(PARTNERS, "partners › platforma › id", insert_after="website: htp:/platforma"),
        "partners › platforma › website",
        "web address",
    ),
    BrokenEdit(
        "a news item linked to an unknown event",
        at(NEWS, "news › aimf-cmf-kigali-2025 › events › #2", set="francophonie-summit-2026"),
        "news › aimf-cmf-kigali-2025 › events › #2",
        "'francophonie-summit-2026' matches no record in data/events.yaml",
        fix=("« francophonie-summit-xx-2026 »", "'francophonie-summit-xx-2026'"),
    ),
    BrokenEdit(
        "an action-plan cell left without its English",
        at("data/action_plan.yaml", "axes › regional-dialogue › actions › #1 › planned › en", delete=True),
        "axes › regional-dialogue › actions › #1 › planned",
        "required field 'en' is missing",
    ),
    BrokenEdit(
        "a year typed as text",
        at("data/roadmap.yaml", "thematic_plans › smart-cities-2024-2025 › start_year", set="2024"),
        "thematic_plans › smart-cities-2024-2025 › start_year",
        "expected a whole number",
    ),
    BrokenEdit(
        "a date written in words",
        at(NEWS, "news › aimf-congress-phnom-penh-2019 › date", set="9 janvier 2020"),
        "news › aimf-congress-phnom-penh-2019 › date",
        "a date YYYY-MM-DD, YYYY-MM or YYYY",
    ),
    BrokenEdit(
        "a required field deleted",
        at(NEWS, "news › aimf-congress-phnom-penh-2019 › source_language", delete=True),
        "news › aimf-congress-phnom-penh-2019",
        "required field 'source_language' is missing",
    ),
    BrokenEdit(
        "an id that is not a slug",
        at(MEMBERS, "members › yen-bai › id", set="Yen Bai"),
        "members › Yen Bai › id",
        "an id of lowercase letters, digits and hyphens",
    ),
    # A tab, a missing colon and a short indentation break the file's layout, not a value: written as text.
    BrokenEdit(
        "a tab in the indentation",
        {
            "file": THEMES,
            "find": "  - id: smart-sustainable-tourism\n    kind: main",
            "replace": "  - id: smart-sustainable-tourism\n\tkind: main",
        },
        "",
        "not valid YAML (column 1): a tab is used to indent the line",
        line_of="\tkind: main",
        fix=("une tabulation", "Replace it with spaces"),
    ),
    BrokenEdit(
        "a misspelt theme",
        at(EVENTS, "events › cwis-presentation-2022 › themes › #1", set="urban-sanitaton"),
        "events › cwis-presentation-2022 › themes › #1",
        "'urban-sanitaton' matches no record in data/themes.yaml",
        fix=("Vouliez-vous dire « urban-sanitation » ?", "Did you mean 'urban-sanitation'?"),
    ),
    BrokenEdit(
        "a partner id in capitals",
        at(PROJECTS, "projects › emr2-emergency-preparedness › partners › #1", set="NCDM"),
        "projects › emr2-emergency-preparedness › partners › #1",
        "'NCDM' matches no record in data/partners.yaml",
        fix=("Vouliez-vous dire « ncdm » ?", "Did you mean 'ncdm'?"),
    ),
    BrokenEdit(
        "a misspelt status",
        at(PROJECTS, "projects › fsm-hue › status", set="ongoign"),
        "projects › fsm-hue › status",
        "Allowed values",
        fix=("Vouliez-vous dire « ongoing » ?", "Did you mean 'ongoing'?"),
    ),
    BrokenEdit(
        "a misspelt event kind",
        at(EVENTS, "events › aimf-congress-2019 › kind", set="workshp"),
        "events › aimf-congress-2019 › kind",
        "Allowed values",
        fix=("Vouliez-vous dire « workshop » ?", "Did you mean 'workshop'?"),
    ),
    BrokenEdit(
        "a missing colon",
        {
            "file": PARTNERS,
            "find": '  - id: platforma\n    name: {fr: "PLATFORMA", en: "PLATFORMA"}\n    kind: local',
            "replace": '  - id: platforma\n    name: {fr: "PLATFORMA", en: "PLATFORMA"}\n    kind local',
        },
        "",
        "not valid YAML (column 5): the colon ':' after the field name is missing",
        line_of="    kind local",
        fix=(
            "il manque les deux-points",
            "YAML reader's detail: while scanning a simple key could not find expected ':'",
        ),
    ),
    BrokenEdit(
        "an unclosed quote",
        at(EVENTS, "events › aimf-bureau-2022 › title › fr", raw='"Bureau'),
        "",
        "a quote '\"' opened on this line is not closed",
        fix=("guillemet « \" » ouvert à cette ligne n'est pas fermé", "add the closing quote"),
    ),
    BrokenEdit(
        "an unclosed quote in a block",
        at(NEWS, "news › aimf-congress-phnom-penh-2019 › title › fr", raw='"Que'),
        "",
        "a quote '\"' opened on this line is not closed",
        fix=("Détail du lecteur YAML", "YAML reader's detail"),
    ),
    BrokenEdit(
        "a field indented one space too few",
        {"file": PARTNERS, "find": "  - id: platforma\n    name:", "replace": "  - id: platforma\n   name:"},
        "",
        "check this line's indentation",
        line_of="   name:",
        fix=("vérifiez l'indentation de cette ligne", "every item starts with '- ' at the same indentation"),
    ),
    BrokenEdit(
        "an invisible control character",
        at(EVENTS, "events › aimf-bureau-2022 › title › fr", set="Bureau\a"),
        "events › aimf-bureau-2022 › title › fr",
        "invisible control character (U+0007",
    ),
    BrokenEdit(
        "an alias",
        at(THEMES, "themes › smart-sustainable-tourism › kind", raw="&k main"),
        "",
        "'&k' (column 11) is a YAML anchor or alias: they are not accepted",
    ),
    BrokenEdit(
        "an id equal to an anchor of its page",
        at(EVENTS, "events › aimf-bureau-2022 › id", set="past"),
        "events › past › id",
        "The id 'past' is reserved",
    ),
    BrokenEdit(
        "an id that replaces the catalog",
        at(PROJECTS, "projects › phnom-penh-sanitation-studies › id", set="index"),
        "projects › index › id",
        "The id 'index' is reserved",
    ),
    BrokenEdit(
        "an id ending in a newline",
        at(MEMBERS, "members › yen-bai › id", set="yen-bai\n"),
        "members › #12 › id",
        'Found "yen-bai\\n", which does not have the expected form',
    ),
    BrokenEdit(
        "an id of 300 characters",
        at(MEMBERS, "members › yen-bai › id", set="y" * 300),
        "members › #12 › id",
        "The text is 300 characters long: it must be at most 64",
    ),
    BrokenEdit(
        "a time with a trailing newline",
        at(EVENTS, "events › annual-meeting-2023 › start_time", set="08:00\n"),
        "events › annual-meeting-2023 › start_time",
        "a time HH:MM",
    ),
    BrokenEdit(
        "a member outside the map's frame",
        at(MEMBERS, "members › hue › coordinates › lat", set=23.9),
        "members › hue › coordinates",
        "lies outside the map's frame",
    ),
    BrokenEdit(
        "a misspelt placeholder in an interface word",
        at(INTERFACE, "member.page_link › fr", set="Membre : {nam}"),
        "member.page_link › fr",
        "The placeholder {nam} is not filled in by the site",
        fix=("Vouliez-vous dire « {name} » ?", "Did you mean '{name}'?"),
    ),
    # told at the last word of its family (calendar.…) that is left
    BrokenEdit(
        "a deleted interface word",
        at(INTERFACE, "calendar.past", delete=True),
        "calendar.past",
        "The interface word 'calendar.past' is missing",
        line_of="calendar.theme_feed_note:",
    ),
    BrokenEdit(
        "a missing interface word translation",
        at(INTERFACE, "page.partners › en", delete=True),
        "page.partners",
        "required field 'en' is missing",
    ),
]


def apply(project, edit: BrokenEdit) -> int:
    """Make the edit; return the line the error must name."""
    line = apply_edit(project, edit.edit)
    if edit.line_of and "replace" in edit.edit:  # a line of the text put in
        return line + edit.edit["replace"][: edit.edit["replace"].index(edit.line_of)].count("\n")
    if edit.line_of:
        text = (project / edit.file).read_text(encoding="utf-8")
        assert text.count(edit.line_of) == 1, f"{edit.file}: {edit.line_of!r} is not there exactly once"
        return text[: text.index(edit.line_of)].count("\n") + 1
    return line


def the_problem(output: str, file: str, line: int, says: str) -> str:
    """The message of the problem at `file:line` that `says` so: its head line, its FR and EN lines and their details."""
    found = [
        m.group()
        for m in re.finditer(
            rf"^{re.escape(file)}:{line}( \[[^\n]*\])?\n    FR : .*?\n    EN : [^\n]*(\n        [^\n]*)*",
            output,
            re.M | re.S,
        )
    ]
    assert any(says in problem for problem in found), output
    return next(problem for problem in found if says in problem)


def stops_both(project, site_dir) -> str:
    """The problems told by `make check` and by the build, which must both stop and write no page."""
    checked, built = check(project), build(project, site_dir)
    assert checked.returncode != 0 and built.returncode != 0
    assert not (list(site_dir.rglob("*.html")) if site_dir.exists() else [])
    assert checked.stderr in built.stdout + built.stderr  # the same report, word for word
    return checked.stderr


def stops_check(project) -> str:
    """The problems told by `make check`, which must stop."""
    checked = check(project)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr, checked.stderr
    return checked.stderr


@pytest.mark.parametrize("edit", EDITS, ids=[e.promise for e in EDITS])
def test_a_broken_edit_stops_the_check_names_the_place_and_suggests_the_fix(project_copy, edit):
    line = apply(project_copy, edit)
    problem = the_problem(stops_check(project_copy), edit.file, line, edit.says)
    if edit.field:
        assert f" [{edit.field}]" in problem.splitlines()[0] or edit.field in problem.splitlines()[0], problem
    assert edit.says in problem, problem
    fr, en = problem.split("\n    EN : ")
    for words, told in zip(edit.fix, (fr, en)):
        assert words in told, problem


SOURCES_AS_A_LINK = BrokenEdit(
    "a file that is a symbolic link",
    {"file": "data/sources.yaml", "symlink_to": "/etc/passwd"},
    "",
    "The file is a symbolic link: it is not read",
)


@pytest.mark.parametrize(
    "promises",
    [
        ("an unknown key (typo)", "a year typed as text", "a missing interface word translation"),
        ("a YAML syntax error",),
        (SOURCES_AS_A_LINK.promise,),
    ],
    ids=["mistakes in three files", "a file that does not read as YAML", "a file that is a link"],
)
def test_the_build_stops_with_the_check_s_report_and_writes_nothing(project_copy, tmp_path, promises):
    """A file the check cannot read stops it at that file; mistakes in values are told together."""
    edits = [e for e in EDITS + [SOURCES_AS_A_LINK] if e.promise in promises]
    lines = [apply(project_copy, edit) for edit in edits]
    output = stops_both(project_copy, tmp_path / "out")
    for edit, line in zip(edits, lines):
        if line is None:  # a whole file: told at its first line
            line = 1
        the_problem(output, edit.file, line, edit.says)
    assert "root:" not in output  # a link's target is not read, so not shown


def test_a_maintainer_who_misspells_two_things_in_two_files_gets_both_with_their_fixes_in_one_run(
    project_copy, tmp_path
):
    edits = [e for e in EDITS if e.promise in ("a misspelt theme", "a misspelt placeholder in an interface word")]
    lines = [apply(project_copy, edit) for edit in edits]
    output = stops_both(project_copy, tmp_path / "out")
    assert "2 problem(s)" in output
    for edit, line in zip(edits, lines):
        problem = the_problem(output, edit.file, line, edit.says)
        assert edit.fix[0] in problem and edit.fix[1] in problem


def test_schema_errors_references_and_duplicates_come_in_one_round(project_copy, tmp_path):
    """The same record broken in its schema still has its references and its id checked."""
    promises = (
        "a wrong status",
        "a reference to an unknown member",
        "a duplicate id",
        "a missing English translation",
        "an impossible date",
        "a misspelt placeholder in an interface word",
    )
    edits = [e for e in EDITS if e.promise in promises]
    lines = [apply(project_copy, edit) for edit in edits]
    output = stops_both(project_copy, tmp_path / "out")
    for edit, line in zip(edits, lines):
        the_problem(output, edit.file, line, edit.says)


def test_a_broken_record_is_still_checked_for_its_references(project_copy, tmp_path):
    """A record whose id breaks the schema still has its unknown references told, in the same run."""
    path = project_copy / "data" / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: fsm-hue\n", "  - id: FSM Hue\n").replace(
        "    members: [hue]\n    status: ongoing", "    members: [hu]\n    status: ongoing"
    )
    path.write_text(text, encoding="utf-8")
    output = stops_both(project_copy, tmp_path / "out")
    assert "[projects › FSM Hue › id]" in output and "[projects › FSM Hue › members › #1]" in output
    assert "Did you mean 'hue'?" in output


@pytest.mark.parametrize(
    "name, damage, says",
    [
        (
            "a symbolic link",
            lambda path: (path.unlink(), path.symlink_to("/etc/passwd")),
            "The file is a symbolic link: it is not read",
        ),
        (
            "a byte that is not UTF-8",
            lambda path: path.write_bytes(
                path.read_bytes().replace("Réunion".encode(), "Réunion".encode("latin-1"), 1)
            ),
            "The file is not saved as UTF-8: byte 0xE9",
        ),
        (
            "a file over a megabyte",
            lambda path: path.write_text(path.read_text(encoding="utf-8") + "#" * 1_000_001, encoding="utf-8"),
            "over the limit of 1000000",
        ),
        (
            "an alias bomb",
            lambda path: path.write_text(
                path.read_text(encoding="utf-8")
                + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10)),
                encoding="utf-8",
            ),
            "is a YAML anchor or alias",
        ),
        (
            "a text of 30,000 characters",
            lambda path: path.write_text(
                path.read_text(encoding="utf-8").replace(
                    'fr: "Réunion annuelle 2023 du Réseau', 'fr: "' + "R" * 30_000, 1
                ),
                encoding="utf-8",
            ),
            "characters long, over the limit of 20000",
        ),
    ],
)
def test_a_damaged_file_is_refused_with_its_name_and_never_echoed(project_copy, name, damage, says):
    path = project_copy / "data" / "sources.yaml"
    damage(path)
    output = stops_check(project_copy)
    assert re.search(r"^data/sources\.yaml:\d+", output, re.M) and says in output, output
    assert "root:" not in output  # the link's target is not read, so not shown


def test_github_annotations_keep_data_on_one_line(project_copy):
    """Text from the data (a field name with a line break and `%`) cannot end an annotation or start another command."""
    path = project_copy / "data" / "partners.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - id: platforma\n    name:", '  - id: platforma\n    "x\\r\\n::warning::y%0A, z": 1\n    name:'
        ),
        encoding="utf-8",
    )
    result = check(project_copy, github=True)
    annotations = result.stdout.splitlines()
    assert result.returncode != 0 and annotations and all(a.startswith("::error file=") for a in annotations), (
        result.stdout
    )
    unknown = next(a for a in annotations if "Unknown field" in a)
    assert "\\r\\n::warning::y%250A, z" in unknown  # as the message quotes it, its `%` encoded
    properties = unknown.split("::")[1]
    assert (
        properties.startswith("error file=data/partners.yaml,line=")
        and ",title=Data error / Erreur de données" in properties
    )


def test_an_annotation_s_properties_and_message_are_encoded_as_github_decodes_them():
    """GitHub's workflow commands: `%`, CR and LF in the message; also `:` and `,` in a property (file, title)."""
    problem = Problem("data/odd:name,x.yaml", 7, "a › b", "fr 100 %\r\n::error::x", "en, 100%\n::warning::y")
    annotation = problem.github_annotation()
    assert annotation == (
        "::error file=data/odd%3Aname%2Cx.yaml,line=7,title=Data error / Erreur de données::"
        "a › b: en, 100%25%0A::warning::y / fr 100 %25%0D%0A::error::x"
    )
    assert "\n" not in annotation and "\r" not in annotation
