"""A text of the data that a spreadsheet would run as a formula stays text in the open-data CSV, also when the formula
follows spaces or a line break, which a spreadsheet's import may trim (issue 24, class 5: `" =1+1"`)."""

import shutil

from support.edits import apply_edit
from support.project import ROOT, SITE_URL
from support.spreadsheets import read_as_excel


def test_a_formula_behind_leading_spaces_stays_text_in_the_csv(tmp_path):
    from rvase.catalog import load_catalog
    from rvase.exports import OpenData

    copy = tmp_path / "project"
    shutil.copytree(ROOT / "data", copy / "data")
    shutil.copytree(ROOT / "i18n", copy / "i18n")
    for partner, name in (
        ("european-union", {"fr": " =1+1", "en": "   +SUM(1;2)"}),
        ("uclg-aspac", {"fr": "\u00a0@SUM(1;2)", "en": "\t -2+3"}),
    ):
        apply_edit(copy, {"file": "data/partners.yaml", "at": f"partners › {partner} › name", "set": name})
    files = OpenData(load_catalog(copy / "data", copy / "i18n" / "interface.yaml"), SITE_URL).files
    (tmp_path / "partners.csv").write_bytes(files["partners.csv"])
    header, *rows = read_as_excel(tmp_path / "partners.csv")
    names = {row[0]: dict(zip(header, row)) for row in rows}
    assert (names["european-union"]["name_fr"], names["european-union"]["name_en"]) == ("' =1+1", "'   +SUM(1;2)")
    assert (names["uclg-aspac"]["name_fr"], names["uclg-aspac"]["name_en"]) == ("'\u00a0@SUM(1;2)", "'\t -2+3")
    assert names["platforma"]["name_en"] == "PLATFORMA"  # a plain text is left as it is
