"""What `make check` and `make build` print reaches GitHub's CI log, where the runner reads every line for workflow
commands (issue 24, class 4): data can show there only as text, never as an annotation, a mask or a stop of the
log's commands. The runner's two readings are reproduced here (actions/runner, ActionCommand.TryParseV2 and
TryParse): `::name …::` after leading blanks, and the older `##[name …]` anywhere in a line."""

import json
import re
import sys

import pytest

from rvase.problems import DataError, Problem
from support.hostile_corpus import REJECTED, apply_case
from support.project import ROOT, run

FORGED_KEY = '"x\\n::error file=README.md,line=1::forged%0A\\r\\n  ::add-mask::secret\\n##[warning]legacy": 1'


def workflow_commands(output: str) -> list[str]:
    """The command part (`error file=…`) of every line GitHub's runner would take for a workflow command."""
    found = []
    for line in re.split(r"\r\n|\r|\n", output):
        stripped = line.lstrip()
        end = stripped.find("::", 2) if stripped.startswith("::") else -1
        if end > 0:
            found.append(stripped[2:end])
            continue
        start = line.find("##[")
        if start >= 0 and line.find("]", start) > 0:
            found.append(line[start + 3 : line.find("]", start)])
    return found


def forge(project):
    """A field name and a reference that each carry line breaks, workflow commands and their encodings."""
    partners = project / "data" / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    assert text.count("  - id: platforma\n    name:") == 1
    partners.write_text(
        text.replace("  - id: platforma\n    name:", f"  - id: platforma\n    {FORGED_KEY}\n    name:"),
        encoding="utf-8",
    )
    projects = project / "data" / "projects.yaml"
    text = projects.read_text(encoding="utf-8")
    assert text.count("members: [can-tho]") == 1
    projects.write_text(
        text.replace("members: [can-tho]", 'members: ["can-tho\\r\\n::warning file=README.md::pwned"]'),
        encoding="utf-8",
    )


def test_a_data_value_cannot_write_a_workflow_command_into_the_ci_log(project_copy, tmp_path):
    forge(project_copy)
    checked = run(project_copy, "-m", "rvase.check", github=True)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 1, output
    commands = workflow_commands(output)
    assert commands and all(
        re.fullmatch(
            r"error file=data/(partners|projects)\.yaml,line=\d+,title=Data error / "
            r"Erreur de données",
            command,
        )
        for command in commands
    ), commands
    assert len(commands) == output.count("\n    FR : ")  # one annotation per problem of the report, nothing more
    assert "data/partners.yaml:" in output and "[partners › platforma]" in output and "EN : Unknown field" in output
    assert "FR : Champ inconnu" in output

    built = run(
        project_copy,
        "tools/build_site.py",
        "--site-dir",
        str(tmp_path / "site"),
        "--builder",
        f"{sys.executable} -m mkdocs",
        github=True,
    )
    output = built.stdout + built.stderr
    assert built.returncode != 0 and "[partners › platforma]" in output and "FR : " in output and "EN : " in output
    assert workflow_commands(output) == []  # the annotations are `make check`'s, which CI runs first


def test_whatever_the_builder_prints_no_line_of_make_build_s_output_is_a_workflow_command(tmp_path):
    """A traceback or a plugin's message may quote data: the builder's whole output is shown as text."""
    # one word for the builder's command line (split at spaces): the spaces inside are written \x20
    printed = (
        "print('::error\\x20file=x::a\\n\\t::add-mask::b\\r::stop-commands::c\\nfine\\x20##[warning]d"
        "\\u2028::set-output::e');exit(1)"
    )
    result = run(
        ROOT,
        "tools/build_site.py",
        "--site-dir",
        str(tmp_path / "site"),
        "--builder",
        f"{sys.executable} -c {printed}",
        github=True,
    )
    assert result.returncode == 1
    assert "::error file=x::a" in result.stdout and "add-mask" in result.stdout and "warning]d" in result.stdout
    assert workflow_commands(result.stdout + result.stderr) == []


def test_a_problem_s_report_holds_no_workflow_command_whatever_its_file_field_and_messages_hold():
    problem = Problem(
        "data/x\n::error::f.yaml", 3, "a\r::warning::b", "fr\n  ::error::c ##[error]d", "en\u2028::debug::e"
    )
    report = DataError([problem]).report()
    assert workflow_commands(report) == []
    assert report.splitlines()[2] == "data/x\\n::error::f.yaml:3 [a\\r::warning::b]"  # file and field on their line
    assert workflow_commands(problem.github_annotation()) == [
        "error file=data/x%0A%3A%3Aerror%3A%3Af.yaml,line=3,title=Data error / Erreur de données"
    ]


def written(edit: dict) -> str:
    """What an edit writes into the data: its replacement text, or the value it sets."""
    return edit.get("replace", "") + edit.get("raw", "") + json.dumps(edit.get("set", ""), ensure_ascii=False)


WORKFLOW_COMMAND_CASES = [
    case for case in REJECTED if any("::" in written(edit) or "##[" in written(edit) for edit in case["edits"])
]


@pytest.mark.parametrize("case", WORKFLOW_COMMAND_CASES, ids=[case["name"] for case in WORKFLOW_COMMAND_CASES])
def test_a_hostile_edit_carrying_a_workflow_command_shows_in_the_ci_log_only_as_the_check_s_annotation(
    project_copy, case
):
    apply_case(project_copy, case)
    checked = run(project_copy, "-m", "rvase.check", github=True)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 1 and case["field"] in output, output
    commands = workflow_commands(output)
    assert commands and all(
        command.startswith(f"error file={case['edits'][-1]['file']},line=") for command in commands
    ), commands
