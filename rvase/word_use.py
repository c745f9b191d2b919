"""Which interface words the site's code and templates ask for, read from them: the check that keeps
`rvase/interface_words.py` (the declaration validation relies on) equal to what the site uses.

    python -m rvase.word_use --check    # exit 1, printing each difference, when the declaration and the use differ

Python is read through its syntax tree, templates as text. A word is asked for when it is handed to a call
(`w("calendar.past")`, `words("page.news", …)`, `{{ w("…") }}`) or written as a constant of the code that names a word
of i18n/interface.yaml; a word built from a value (`f"event.kind.{kind}"`, `w("event.kind." ~ kind)`) is asked for by
its prefix. The declaration itself (`rvase/interface_words.py`) is not read: a word it lists is not a use.
"""

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import interface_words
from .source import read_yaml

CODE_FOLDERS = ("rvase", "hooks", "macros")
# the declaration, which names every word and so would count as a use of all of them
NOT_A_USE = ("rvase/interface_words.py",)
FILE_NAME = re.compile(r".*\.(ics|xml|html|js|css|ya?ml|json|md|png|svg|txt)")  # calendar.ics, feed.xml: files


@dataclass
class WordUse:
    asked: dict[str, set[frozenset[str]]] = field(default_factory=dict)  # word → the sets of placeholders passed
    built: dict[str, set[str]] = field(default_factory=dict)  # prefix of words built from a value → files
    constants: set[str] = field(default_factory=set)  # every string constant of the code and templates


def _strings_in(node) -> list[str]:
    """The string constants an argument can be (`"a" if x else "b"` is either), not those of calls inside it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings_in(node.body) + _strings_in(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [s for value in node.values for s in _strings_in(value)]
    return []


def sources(root: Path) -> tuple[list[Path], list[Path]]:
    """The Python files and the templates (the theme's overrides, the site's own templates) that may ask for words."""
    code = [
        path
        for folder in CODE_FOLDERS
        for path in sorted((root / folder).rglob("*.py"))
        if path.relative_to(root).as_posix() not in NOT_A_USE
    ]
    templates = sorted(
        [
            *(root / "overrides").rglob("*.html"),
            *(root / "rvase" / "templates").rglob("*.html"),
            *(root / "rvase" / "templates").rglob("*.md"),
        ]
    )
    return code, templates


def scan(root: Path, prefixes: set[str]) -> WordUse:
    """The words asked for by the code and templates under `root`; `prefixes` are the first parts of the interface
    file's words (`calendar`, `page`…), so that a text only shaped like a word (`data.yaml`) is not taken for one."""

    def looks_like_a_word(text: str) -> bool:
        return (
            bool(re.fullmatch(r"[a-z0-9_]+(\.[A-Za-z0-9_/-]+)+", text))
            and text.split(".", 1)[0] in prefixes
            and not FILE_NAME.fullmatch(text)
        )

    use = WordUse()
    code, templates = sources(root)
    for path in code:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_f_strings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.JoinedStr)
                and node.values
                and isinstance(node.values[0], ast.Constant)
                and isinstance(node.values[0].value, str)
            ):
                start = node.values[0].value  # f"opendata.field.texts_{lang}": a word built from a value
                if looks_like_a_word(start + "x"):
                    use.built.setdefault(start, set()).add(path.name)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_f_strings:
                use.constants.add(node.value)
                if looks_like_a_word(node.value):
                    use.asked.setdefault(node.value, set())
                elif node.value.endswith(".") and looks_like_a_word(node.value + "x"):
                    use.built.setdefault(node.value, set()).add(path.name)
            if isinstance(node, ast.Call) and node.args:
                for word in (s for s in _strings_in(node.args[0]) if looks_like_a_word(s)):
                    use.asked.setdefault(word, set()).add(frozenset(k.arg for k in node.keywords if k.arg))
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for found in re.findall(r"[\"']([^\"'\s{}]+)[\"']", text):
            use.constants.add(found)
            if looks_like_a_word(found):
                use.asked.setdefault(found, set())
        for prefix in re.findall(r"[\"']([a-z0-9_.-]+\.)[\"']\s*~", text):  # words["footer." ~ name]
            if looks_like_a_word(prefix + "x"):
                use.built.setdefault(prefix, set()).add(path.name)
        for word, arguments in re.findall(r"\bw\(\s*[\"']([^\"']+)[\"']([^)]*)\)", text):  # {{ w("key", name=…) }}
            if word.endswith("."):  # w("event.kind." ~ event.kind): a word built from a value
                use.built.setdefault(word, set()).add(path.name)
            elif looks_like_a_word(word):
                use.asked.setdefault(word, set()).add(frozenset(re.findall(r"(\w+)\s*=", arguments)))
    return use


def differences(root: Path, interface: dict) -> list[str]:
    """What the declaration (rvase/interface_words.py) and the use (the code and templates) disagree on, in words a
    developer acts on; empty when they agree."""
    use = scan(root, {key.split(".", 1)[0] for key in interface if isinstance(key, str)})
    declared = interface_words.WORDS
    found = []
    # a word handed to a call, or a word of the file written in the code; a text only shaped like a word
    # ("network.name", a path into the data) is not one
    for word in sorted(w for w, calls in use.asked.items() if (calls or w in interface) and w not in declared):
        if not any(word.startswith(prefix) for prefix in interface_words.ENUMERATED):
            found.append(f"{word}: asked for by the code, not declared in rvase/interface_words.py")
    for word, calls in sorted(use.asked.items()):
        for names in calls:  # called with no values, a word keeps its {placeholders} for a script to fill in
            if word in declared and names and names != set(declared[word]):
                found.append(
                    f"{word}: the code fills in {sorted(names)}, the declaration says {sorted(declared[word])}"
                )
    for word in sorted(declared):
        if word not in use.asked and not any(word.startswith(prefix) for prefix in use.built):
            found.append(f"{word}: declared in rvase/interface_words.py, asked for by no code or template")
    for prefix in sorted(use.built):
        if prefix not in interface_words.ENUMERATED and not any(w.startswith(prefix) for w in declared):
            found.append(f"{prefix}…: words built from a value, none declared and no list of values (ENUMERATED)")
    for prefix in sorted(set(interface_words.ENUMERATED) - set(use.built)):
        found.append(f"{prefix}…: enumerated in rvase/interface_words.py, built by no code or template")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the declaration and the use differ")
    parser.parse_args(argv)
    root = Path()  # run from the project folder, as `make` does
    found = differences(root, read_yaml(root / "i18n" / "interface.yaml", "i18n/interface.yaml"))
    for line in found:
        print(line)
    if not found:
        print("rvase/interface_words.py declares exactly the words the code and templates ask for.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
