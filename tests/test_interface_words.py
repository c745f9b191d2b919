"""Validation knows every interface word the site asks for, and no other: rvase/interface_words.py is read against
the code (rvase/word_use.py).

The code and the templates are read (Python through its syntax tree, templates as text), never the declaration itself:
every word they ask for must be declared, with the placeholders they fill in, and every declared word must still be
asked for somewhere. Then validation must refuse the interface file without each declared word, with a placeholder
misspelt, or with a word no page uses.
"""

import copy
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rvase import interface_words, word_use
from rvase.checks.interface import check_interface, enumerated_words
from rvase.source import read_yaml

ROOT = Path(__file__).resolve().parent.parent
INTERFACE = read_yaml(ROOT / "i18n" / "interface.yaml", "i18n/interface.yaml")
PREFIXES = {key.split(".", 1)[0] for key in INTERFACE}


_USE = word_use.scan(ROOT, PREFIXES)
ASKED, PREFIXES_BUILT, CONSTANTS = _USE.asked, _USE.built, _USE.constants


def test_every_word_the_code_asks_for_is_declared_with_the_placeholders_it_fills_in():
    declared = {**{w: () for w in enumerated_words(ROOT / "data" / "schema")}, **interface_words.WORDS}
    # a word handed to a call (w("…"), words("…")) or one of the file's words written in the code; a text only shaped
    # like a word ("network.name", a path into the data) is not one
    asked = {word for word, calls in ASKED.items() if calls or word in INTERFACE}
    assert sorted(asked - set(declared)) == []
    for word, passed in ASKED.items():
        for names in passed:
            # called with no values, a word keeps its {placeholders} for a script to fill in (catalog.count_one)
            assert not names or names == set(declared[word]), (word, names, declared[word])


def test_every_word_built_from_data_has_its_values_declared():
    """A word the code builds from a value (f"event.kind.{kind}") has its values enumerated from the data, or declared
    one by one; a prefix taken off to look words up by their end (a11y.skip_to_content) is declared too."""
    for prefix in PREFIXES_BUILT:
        assert prefix in interface_words.ENUMERATED or any(w.startswith(prefix) for w in interface_words.WORDS), prefix
    assert set(interface_words.ENUMERATED) <= set(PREFIXES_BUILT), (
        "a declared prefix the code no longer builds words from"
    )


def test_every_declared_word_is_still_asked_for():
    for word in interface_words.WORDS:
        assert word in ASKED or any(word.startswith(prefix) for prefix in PREFIXES_BUILT), word


def test_the_pages_with_a_title_and_a_description_are_the_pages_rendered():
    rendered = {
        m
        for page in (ROOT / "docs").glob("*.md")
        for m in re.findall(r"render_page\(['\"]([a-z-]+)['\"]\)", page.read_text(encoding="utf-8"))
    }
    assert rendered == {"index", *interface_words.SECTION_PAGES}


def test_the_real_interface_file_passes():
    assert check_interface(INTERFACE, "i18n/interface.yaml", ROOT / "data" / "schema") == []


@pytest.mark.parametrize(
    "word", sorted(interface_words.WORDS)[::7] + ["country.RW", "event.kind.workshop", "map.country.TH", "month.12"]
)
def test_validation_refuses_the_file_without_a_word_the_site_uses(word):
    table = copy.deepcopy(INTERFACE)
    del table[word]
    problems = check_interface(table, "i18n/interface.yaml", ROOT / "data" / "schema")
    assert [p.field for p in problems] == [word]
    assert problems[0].line and "FR" not in problems[0].fr and word in problems[0].en


@pytest.mark.parametrize("word", [w for w, names in interface_words.WORDS.items() if names])
def test_validation_refuses_a_misspelt_placeholder_and_names_the_right_one(word):
    table = copy.deepcopy(INTERFACE)
    name = interface_words.WORDS[word][0]
    table[word]["en"] = table[word]["en"].replace("{" + name + "}", "{" + name + "s}")
    problems = check_interface(table, "i18n/interface.yaml", ROOT / "data" / "schema")
    assert [p.field for p in problems] == [f"{word} › en"]
    assert f"Did you mean '{{{name}}}'?" in problems[0].en and f"« {{{name}}} »" in problems[0].fr


def test_the_declaration_and_the_use_agree_as_python_m_rvase_word_use_check_says():
    result = subprocess.run(
        [sys.executable, "-m", "rvase.word_use", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_word_only_the_declaration_names_is_not_a_use(monkeypatch):
    monkeypatch.setitem(interface_words.WORDS, "calendar.never_shown", ())
    assert word_use.differences(ROOT, INTERFACE) == [
        "calendar.never_shown: declared in rvase/interface_words.py, asked for by no code or template"
    ]


def test_validation_refuses_a_word_no_page_uses_and_names_its_line():
    table = copy.deepcopy(INTERFACE)
    table["calendar.never_shown"] = {"fr": "Jamais affiché", "en": "Never shown"}
    table.key_lines["calendar.never_shown"] = 999
    problems = check_interface(table, "i18n/interface.yaml", ROOT / "data" / "schema")
    assert [(p.field, p.line) for p in problems] == [("calendar.never_shown", 999)]
    assert "calendar.never_shown" in problems[0].fr and "used by no page" in problems[0].en
    assert "rvase/interface_words.py" in problems[0].en  # where a developer declares a word the code asks for


def test_a_misspelt_word_is_told_once_as_the_word_it_should_be():
    table = copy.deepcopy(INTERFACE)
    table["calendar.pastt"] = table.pop("calendar.past")
    table.key_lines["calendar.pastt"] = table.key_lines["calendar.past"]
    problems = check_interface(table, "i18n/interface.yaml", ROOT / "data" / "schema")
    assert [p.field for p in problems] == ["calendar.past"]


def test_the_declaration_is_not_read_as_a_use_of_the_words_it_lists(tmp_path):
    (tmp_path / "rvase").mkdir()
    (tmp_path / "rvase" / "interface_words.py").write_text('WORDS = {"calendar.never_shown": ()}\n', encoding="utf-8")
    (tmp_path / "rvase" / "page.py").write_text('title = w("calendar.shown")\n', encoding="utf-8")
    assert set(word_use.scan(tmp_path, {"calendar"}).asked) == {"calendar.shown"}
