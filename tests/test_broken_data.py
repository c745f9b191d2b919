"""A maintainer's mistake in data/ stops `make check` and the build, names file, line and field in French and English,
suggests the fix where there is one, and writes no page."""
import os
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

from conftest import build
from rvase.problems import Problem


@dataclass
class BrokenEdit:
    promise: str
    file: str
    old: str
    new: str
    field: str          # the field path the message must name
    says: str           # words the English message must contain
    line_of: str = ""   # the text whose line the message must give (default: the edited text)
    fix: tuple = ()     # (French, English) words of the fix the message must suggest


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
               "partners › platforma", "Unknown field 'nmae'", line_of="- id: platforma",
               fix=("Vouliez-vous dire « name » ?", "Did you mean 'name'?")),
    BrokenEdit("an impossible date", "data/events.yaml",
               'start: "2023-10-23"', 'start: "2023-02-30"',
               "events › aimf-world-congress-2023 › start", "does not exist in the calendar"),
    BrokenEdit("an end before its start", "data/events.yaml",
               'end: "2026-11-16"', 'end: "2026-11-13"',
               "events › francophonie-summit-xx-2026 › end", "before the start"),
    BrokenEdit("a reference to an unknown member", "data/projects.yaml",
               "members: [can-tho]", "members: [cantho]",
               "projects › women-local-government-capacity › members › #1", "'cantho' matches no record in data/members.yaml",
               fix=("Vouliez-vous dire « can-tho » ?", "Did you mean 'can-tho'?")),
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
               "news › aimf-cmf-kigali-2025 › events › #2", "'francophonie-summit-2026' matches no record in data/events.yaml",
               fix=("« francophonie-summit-xx-2026 »", "'francophonie-summit-xx-2026'")),
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
               "", "not valid YAML (column 1): a tab is used to indent the line", line_of="\tkind: main",
               fix=("une tabulation", "Replace it with spaces")),
    BrokenEdit("a misspelt theme", "data/events.yaml",
               "themes: [urban-sanitation]\n    projects: []\n    sources: [slides-2023-fr, slides-2023-en]\n  - id: francophonie",
               "themes: [urban-sanitaton]\n    projects: []\n    sources: [slides-2023-fr, slides-2023-en]\n  - id: francophonie",
               "events › cwis-presentation-2022 › themes › #1", "'urban-sanitaton' matches no record in data/themes.yaml",
               fix=("Vouliez-vous dire « urban-sanitation » ?", "Did you mean 'urban-sanitation'?")),
    BrokenEdit("a partner id in capitals", "data/projects.yaml",
               "partners: [ncdm]", "partners: [NCDM]",
               "projects › emr2-emergency-preparedness › partners › #1", "'NCDM' matches no record in data/partners.yaml",
               fix=("Vouliez-vous dire « ncdm » ?", "Did you mean 'ncdm'?")),
    BrokenEdit("a misspelt status", "data/projects.yaml",
               "    members: [hue]\n    status: ongoing\n", "    members: [hue]\n    status: ongoign\n",
               "projects › fsm-hue › status", "Allowed values", line_of="status: ongoign",
               fix=("Vouliez-vous dire « ongoing » ?", "Did you mean 'ongoing'?")),
    BrokenEdit("a misspelt event kind", "data/events.yaml",
               "    kind: congress\n    status: held\n    as_of: {date: \"2020-01-09\"", "    kind: workshp\n    status: held\n    as_of: {date: \"2020-01-09\"",
               "events › aimf-congress-2019 › kind", "Allowed values", line_of="kind: workshp",
               fix=("Vouliez-vous dire « workshop » ?", "Did you mean 'workshop'?")),
    BrokenEdit("a missing colon", "data/partners.yaml",
               '  - id: platforma\n    name: {fr: "PLATFORMA", en: "PLATFORMA"}\n    kind: local',
               '  - id: platforma\n    name: {fr: "PLATFORMA", en: "PLATFORMA"}\n    kind local',
               "", "not valid YAML (column 5): the colon ':' after the field name is missing", line_of="    kind local",
               fix=("il manque les deux-points", "YAML reader's detail: while scanning a simple key could not find expected ':'")),
    BrokenEdit("an unclosed quote", "data/events.yaml",
               'title: {fr: "Bureau de l\'AIMF", en:', 'title: {fr: "Bureau de l\'AIMF, en:',
               "", "a quote '\"' opened on this line is not closed", line_of='title: {fr: "Bureau',
               fix=("guillemet « \" » ouvert à cette ligne n'est pas fermé", "add the closing quote")),
    BrokenEdit("an unclosed quote in a block", "data/news.yaml",
               '      fr: "Que s\'est-il passé au Congrès de l\'AIMF à Phnom Penh ?"', '      fr: "Que s\'est-il passé au Congrès de l\'AIMF à Phnom Penh ?',
               "", "a quote '\"' opened on this line is not closed", fix=("Détail du lecteur YAML", "YAML reader's detail")),
    BrokenEdit("a field indented one space too few", "data/partners.yaml",
               "  - id: platforma\n    name:", "  - id: platforma\n   name:",
               "", "check this line's indentation", line_of="   name:",
               fix=("vérifiez l'indentation de cette ligne", "every item starts with '- ' at the same indentation")),
    BrokenEdit("an invisible control character", "data/events.yaml",
               'title: {fr: "Bureau de l\'AIMF"', 'title: {fr: "Bureau\\a de l\'AIMF"',
               "events › aimf-bureau-2022 › title › fr", "invisible control character (U+0007", line_of='title: {fr: "Bureau'),
    BrokenEdit("an alias", "data/themes.yaml",
               "  - id: smart-sustainable-tourism\n    kind: main", "  - id: smart-sustainable-tourism\n    kind: &k main",
               "", "'&k' (column 11) is a YAML anchor or alias: they are not accepted", line_of="kind: &k"),
    BrokenEdit("an id equal to an anchor of its page", "data/events.yaml",
               "  - id: aimf-bureau-2022\n", "  - id: past\n",
               "events › past › id", "The id 'past' is reserved"),
    BrokenEdit("an id that replaces the catalog", "data/projects.yaml",
               "  - id: phnom-penh-sanitation-studies\n", "  - id: index\n",
               "projects › index › id", "The id 'index' is reserved"),
    BrokenEdit("an id ending in a newline", "data/members.yaml",
               "  - id: yen-bai\n", '  - id: "yen-bai\\n"\n',
               "members › #12 › id", 'Found "yen-bai\\n", which does not have the expected form'),
    BrokenEdit("an id of 300 characters", "data/members.yaml",
               "  - id: yen-bai\n", "  - id: " + "y" * 300 + "\n",
               "members › #12 › id", "The text is 300 characters long: it must be at most 64"),
    BrokenEdit("a time with a trailing newline", "data/events.yaml",
               '    start_time: "08:00"\n', '    start_time: "08:00\\n"\n',
               "events › annual-meeting-2023 › start_time", "a time HH:MM"),
    BrokenEdit("a member outside the map's frame", "data/members.yaml",
               "coordinates: {lat: 16.4637, lon: 107.5909}", "coordinates: {lat: 23.9, lon: 107.5909}",
               "members › hue › coordinates", "lies outside the map's frame"),
    BrokenEdit("a misspelt placeholder in an interface word", "i18n/interface.yaml",
               'member.page_link: {fr: "Page du membre : {name}"', 'member.page_link: {fr: "Page du membre : {nam}"',
               "member.page_link › fr", "The placeholder {nam} is not filled in by the site",
               fix=("Vouliez-vous dire « {name} » ?", "Did you mean '{name}'?")),
    BrokenEdit("a deleted interface word", "i18n/interface.yaml",
               'calendar.past: {fr: "Passés", en: "Past"}\n', "",
               "calendar.past", "The interface word 'calendar.past' is missing", line_of="calendar.theme_feed_note"),
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
    return text[: text.index(marker, start) if marker in text[start:] else text.index(marker)].count("\n") + 1


def check(project, github: bool = False) -> subprocess.CompletedProcess:
    """`make check` on a copy of the project (with GitHub's annotations when `github`)."""
    env = {**os.environ, "GITHUB_ACTIONS": "true" if github else "false"}
    return subprocess.run([sys.executable, "-m", "rvase.check"], cwd=project, env=env, capture_output=True, text=True,
                          timeout=120)


def the_problem(output: str, file: str, line: int, says: str) -> str:
    """The message of the problem at `file:line` that `says` so: its head line, its FR and EN lines and their details."""
    found = [m.group() for m in re.finditer(
        rf"^{re.escape(file)}:{line}( \[[^\n]*\])?\n    FR : .*?\n    EN : [^\n]*(\n        [^\n]*)*", output, re.M | re.S)]
    assert any(says in problem for problem in found), output
    return next(problem for problem in found if says in problem)


def stops_both(project, site_dir) -> str:
    """The problems told by `make check` and by the build, which must both stop and write no page."""
    checked, built = check(project), build(project, site_dir)
    assert checked.returncode != 0 and built.returncode != 0
    assert not (list(site_dir.rglob("*.html")) if site_dir.exists() else [])
    assert checked.stderr in built.stdout + built.stderr  # the same report, word for word
    return checked.stderr


@pytest.mark.parametrize("edit", EDITS, ids=[e.promise for e in EDITS])
def test_a_broken_edit_stops_check_and_build_names_the_place_suggests_the_fix_and_writes_nothing(project_copy, tmp_path, edit):
    line = apply(project_copy, edit)
    problem = the_problem(stops_both(project_copy, tmp_path / "out"), edit.file, line, edit.says)
    if edit.field:
        assert f" [{edit.field}]" in problem.splitlines()[0] or edit.field in problem.splitlines()[0], problem
    assert edit.says in problem, problem
    fr, en = problem.split("\n    EN : ")
    for words, told in zip(edit.fix, (fr, en)):
        assert words in told, problem


def test_a_maintainer_who_misspells_two_things_in_two_files_gets_both_with_their_fixes_in_one_run(project_copy, tmp_path):
    edits = [e for e in EDITS if e.promise in ("a misspelt theme", "a misspelt placeholder in an interface word")]
    lines = [apply(project_copy, edit) for edit in edits]
    output = stops_both(project_copy, tmp_path / "out")
    assert "2 problem(s)" in output
    for edit, line in zip(edits, lines):
        problem = the_problem(output, edit.file, line, edit.says)
        assert edit.fix[0] in problem and edit.fix[1] in problem


def test_schema_errors_references_and_duplicates_come_in_one_round(project_copy, tmp_path):
    """The same record broken in its schema still has its references and its id checked."""
    promises = ("a wrong status", "a reference to an unknown member", "a duplicate id", "a missing English translation",
                "an impossible date", "a misspelt placeholder in an interface word")
    edits = [e for e in EDITS if e.promise in promises]
    lines = [apply(project_copy, edit) for edit in edits]
    output = stops_both(project_copy, tmp_path / "out")
    for edit, line in zip(edits, lines):
        the_problem(output, edit.file, line, edit.says)


def test_a_broken_record_is_still_checked_for_its_references(project_copy, tmp_path):
    """A record whose id breaks the schema still has its unknown references told, in the same run."""
    path = project_copy / "data" / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: fsm-hue\n", "  - id: FSM Hue\n").replace("    members: [hue]\n    status: ongoing", "    members: [hu]\n    status: ongoing")
    path.write_text(text, encoding="utf-8")
    output = stops_both(project_copy, tmp_path / "out")
    assert "[projects › FSM Hue › id]" in output and "[projects › FSM Hue › members › #1]" in output
    assert "Did you mean 'hue'?" in output


@pytest.mark.parametrize("name, damage, says", [
    ("a symbolic link", lambda path: (path.unlink(), path.symlink_to("/etc/passwd")),
     "The file is a symbolic link: it is not read"),
    ("a byte that is not UTF-8", lambda path: path.write_bytes(path.read_bytes().replace("Réunion".encode(), "Réunion".encode("latin-1"), 1)),
     "The file is not saved as UTF-8: byte 0xE9"),
    ("a file over a megabyte", lambda path: path.write_text(path.read_text(encoding="utf-8") + "#" * 1_000_001, encoding="utf-8"),
     "over the limit of 1000000"),
    ("an alias bomb", lambda path: path.write_text(path.read_text(encoding="utf-8") + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10)), encoding="utf-8"),
     "is a YAML anchor or alias"),
    ("a text of 30,000 characters", lambda path: path.write_text(path.read_text(encoding="utf-8").replace(
        'fr: "Réunion annuelle 2023 du Réseau', 'fr: "' + "R" * 30_000, 1), encoding="utf-8"),
     "characters long, over the limit of 20000"),
])
def test_a_damaged_file_is_refused_with_its_name_and_never_echoed(project_copy, tmp_path, name, damage, says):
    path = project_copy / "data" / "sources.yaml"
    damage(path)
    output = stops_both(project_copy, tmp_path / "out")
    assert re.search(r"^data/sources\.yaml:\d+", output, re.M) and says in output, output
    assert "root:" not in output  # the link's target is not read, so not shown


def test_github_annotations_keep_data_on_one_line(project_copy):
    """Text from the data (a field name with a line break and `%`) cannot end an annotation or start another command."""
    path = project_copy / "data" / "partners.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: platforma\n    name:", '  - id: platforma\n    "x\\r\\n::warning::y%0A, z": 1\n    name:'), encoding="utf-8")
    result = check(project_copy, github=True)
    annotations = result.stdout.splitlines()
    assert result.returncode != 0 and annotations and all(a.startswith("::error file=") for a in annotations), result.stdout
    unknown = next(a for a in annotations if "Unknown field" in a)
    assert "\\r\\n::warning::y%250A, z" in unknown  # as the message quotes it, its `%` encoded
    properties = unknown.split("::")[1]
    assert properties.startswith("error file=data/partners.yaml,line=") and ",title=Data error / Erreur de données" in properties


def test_an_annotation_s_properties_and_message_are_encoded_as_github_decodes_them():
    """GitHub's workflow commands: `%`, CR and LF in the message; also `:` and `,` in a property (file, title)."""
    problem = Problem("data/odd:name,x.yaml", 7, "a › b", "fr 100 %\r\n::error::x", "en, 100%\n::warning::y")
    annotation = problem.github_annotation()
    assert annotation == ("::error file=data/odd%3Aname%2Cx.yaml,line=7,title=Data error / Erreur de données::"
                          "a › b: en, 100%25%0A::warning::y / fr 100 %25%0D%0A::error::x")
    assert "\n" not in annotation and "\r" not in annotation
