"""Validation knows every interface word the site asks for: rvase/interface_words.py is read against the code.

The code and the templates are read (Python through its syntax tree, templates as text): every word they ask for must
be declared, with the placeholders they fill in, and every declared word must still be asked for somewhere. Then
validation must refuse the interface file without each declared word, or with a placeholder misspelt.
"""
import ast
import copy
import re
from pathlib import Path

import pytest

from rvase import interface_words
from rvase.source import read_yaml
from rvase.validate import _enumerated_words, check_interface

ROOT = Path(__file__).resolve().parent.parent
INTERFACE = read_yaml(ROOT / "i18n" / "interface.yaml", "i18n/interface.yaml")
PREFIXES = {key.split(".", 1)[0] for key in INTERFACE}
CODE = [p for folder in ("rvase", "hooks", "macros") for p in sorted((ROOT / folder).rglob("*.py"))]
TEMPLATES = sorted([*(ROOT / "overrides").rglob("*.html"), *(ROOT / "rvase" / "templates").rglob("*.html"),
                    *(ROOT / "rvase" / "templates").rglob("*.md")])


FILE_NAME = re.compile(r".*\.(ics|xml|html|js|css|ya?ml|json|md|png|svg|txt)")  # calendar.ics, feed.xml: files


def looks_like_a_word(text: str) -> bool:
    return (bool(re.fullmatch(r"[a-z0-9_]+(\.[A-Za-z0-9_/-]+)+", text)) and text.split(".", 1)[0] in PREFIXES
            and not FILE_NAME.fullmatch(text))


def strings_in(node) -> list[str]:
    """The string constants an argument can be (`"a" if x else "b"` is either), not those of calls inside it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return strings_in(node.body) + strings_in(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [s for value in node.values for s in strings_in(value)]
    return []


def words_asked_for():
    """(word → set of placeholder sets passed), {prefix of a word built from data → files}, every string constant."""
    asked, prefixes, constants = {}, {}, set()
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_f_strings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                start = node.values[0].value  # f"opendata.field.texts_{lang}": a word built from a value
                if looks_like_a_word(start + "x"):
                    prefixes.setdefault(start, set()).add(path.name)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_f_strings:
                constants.add(node.value)
                if looks_like_a_word(node.value):
                    asked.setdefault(node.value, set())
                elif node.value.endswith(".") and looks_like_a_word(node.value + "x"):
                    prefixes.setdefault(node.value, set()).add(path.name)
            if isinstance(node, ast.Call) and node.args:
                for word in (s for s in strings_in(node.args[0]) if looks_like_a_word(s)):
                    asked.setdefault(word, set()).add(frozenset(k.arg for k in node.keywords if k.arg))
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        for found in re.findall(r"[\"']([^\"'\s{}]+)[\"']", text):
            constants.add(found)
            if looks_like_a_word(found):
                asked.setdefault(found, set())
        for prefix in re.findall(r"[\"']([a-z0-9_.-]+\.)[\"']\s*~", text):  # words["footer." ~ name]
            if looks_like_a_word(prefix + "x"):
                prefixes.setdefault(prefix, set()).add(path.name)
        for word, arguments in re.findall(r"\bw\(\s*[\"']([^\"']+)[\"']([^)]*)\)", text):  # {{ w("key", name=…) }}
            if word.endswith("."):  # w("event.kind." ~ event.kind): a word built from a value
                prefixes.setdefault(word, set()).add(path.name)
            elif looks_like_a_word(word):
                asked.setdefault(word, set()).add(frozenset(re.findall(r"(\w+)\s*=", arguments)))
    return asked, prefixes, constants


ASKED, PREFIXES_BUILT, CONSTANTS = words_asked_for()


def test_every_word_the_code_asks_for_is_declared_with_the_placeholders_it_fills_in():
    declared = {**{w: () for w in _enumerated_words(ROOT / "data" / "schema")}, **interface_words.WORDS}
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
    assert set(interface_words.ENUMERATED) <= set(PREFIXES_BUILT), "a declared prefix the code no longer builds words from"


def test_every_declared_word_is_still_asked_for():
    for word in interface_words.WORDS:
        assert word in ASKED or any(word.startswith(prefix) for prefix in PREFIXES_BUILT), word


def test_the_pages_with_a_title_and_a_description_are_the_pages_rendered():
    rendered = {m for page in (ROOT / "docs").glob("*.md")
                for m in re.findall(r"render_page\(['\"]([a-z-]+)['\"]\)", page.read_text(encoding="utf-8"))}
    assert rendered == {"index", *interface_words.SECTION_PAGES}


def test_the_real_interface_file_passes():
    assert check_interface(INTERFACE, "i18n/interface.yaml", ROOT / "data" / "schema") == []


@pytest.mark.parametrize("word", sorted(interface_words.WORDS)[::7] + ["country.RW", "event.kind.workshop", "map.country.TH", "month.12"])
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
