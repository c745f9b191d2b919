"""What is derived from the schemas is never kept by hand: the issue forms' drop-downs and CONTRIBUTING.md's allowed
values are as `python -m rvase.generated` writes them, and its check names a file that drifted."""

import shutil
import subprocess
import sys

import yaml

from rvase.generated.__main__ import main
from rvase.generated.issue_forms import FORMS_FOLDER, ISSUE_FORMS
from rvase.schema_values import allowed_values
from support.project import ROOT

COPIED = ("data/schema", "i18n", ".github/ISSUE_TEMPLATE")


def project_files(tmp_path):
    for folder in COPIED:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "CONTRIBUTING.md", tmp_path / "CONTRIBUTING.md")
    return tmp_path


def test_every_generated_file_is_up_to_date():
    result = subprocess.run(
        [sys.executable, "-m", "rvase.generated", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_a_form_offers_one_option_for_each_value_its_schema_allows():
    for form in ISSUE_FORMS:
        body = yaml.safe_load((ROOT / FORMS_FOLDER / form.file).read_text(encoding="utf-8"))["body"]
        for dropdown in form.dropdowns:
            element = next(e for e in body if e["id"] == dropdown.field[-1].replace("_", "-"))
            assert len(element["attributes"]["options"]) == len(allowed_values(form.kind)[dropdown.field]), form.file


def test_a_value_added_to_a_schema_makes_the_check_name_the_form_and_the_guide_in_both_languages(tmp_path, capsys):
    root = project_files(tmp_path)
    schema = root / "data" / "schema" / "events.schema.yaml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace("webinar, milestone]", "webinar, milestone, fair]"), encoding="utf-8"
    )
    words = root / "i18n" / "interface.yaml"
    words.write_text(
        words.read_text(encoding="utf-8") + 'event.kind.fair: {fr: "Salon", en: "Fair"}\n', encoding="utf-8"
    )
    assert main(["--check", "--root", str(root)]) == 1
    report = capsys.readouterr().err
    for file in (".github/ISSUE_TEMPLATE/new-event.yml", "CONTRIBUTING.md"):
        assert f"FR : « {file} » n'est pas à jour" in report and f"EN : '{file}' is out of date" in report
    assert "new-project.yml" not in report
    assert main(["--root", str(root)]) == 0
    assert "Fair / Salon" in (root / FORMS_FOLDER / "new-event.yml").read_text(encoding="utf-8")
    assert main(["--check", "--root", str(root)]) == 0


def test_an_option_edited_by_hand_is_found_out(tmp_path, capsys):
    root = project_files(tmp_path)
    form = root / FORMS_FOLDER / "new-project.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("- Ongoing / En cours\n", ""), encoding="utf-8")
    assert main(["--check", "--root", str(root)]) == 1
    assert "new-project.yml" in capsys.readouterr().err


def test_a_removed_marker_is_named_with_the_line_to_put_back(tmp_path, capsys):
    root = project_files(tmp_path)
    guide = root / "CONTRIBUTING.md"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace("<!-- end of the generated part -->\n", ""), encoding="utf-8"
    )
    assert main(["--check", "--root", str(root)]) == 1
    report = capsys.readouterr().err
    assert "« CONTRIBUTING.md »" in report and "'CONTRIBUTING.md'" in report
