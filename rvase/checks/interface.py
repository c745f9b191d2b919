"""The interface words (i18n/interface.yaml): every word the code asks for is there in both languages, each with
exactly the placeholders the code fills in; a word nothing asks for is told, as translators would keep it for nothing."""

import functools
import re
import string
from pathlib import Path
from typing import Any, cast

from .. import interface_words
from ..geo import load_boundaries
from ..problems import DataError, Problem
from ..schemas import read_schema
from ..source import line_of
from . import messages
from .fields import plain
from .suggestions import closest, did_you_mean


def enumerated_words(schema_dir: Path) -> dict[str, str]:
    """`word → prefix` for every word whose last part comes from the data (interface_words.ENUMERATED)."""
    files = sorted(schema_dir.glob("*.schema.yaml")) + [schema_dir.parent / "geo" / "countries.geojson"]
    return _enumerated_words_of(schema_dir, tuple((str(f), *_stamp(f)) for f in files))


def _stamp(path: Path) -> tuple[int, int]:
    """Modification time and size; (0, 0) for a file that is missing (its own check says so)."""
    try:
        found = path.lstat()
    except FileNotFoundError:
        return 0, 0
    return found.st_mtime_ns, found.st_size


@functools.lru_cache(maxsize=4)
def _enumerated_words_of(schema_dir: Path, fingerprint: tuple) -> dict[str, str]:
    """enumerated_words, worked out again only when a schema or the map's boundaries change (`mkdocs serve`)."""
    words = {}
    for prefix, origins in interface_words.ENUMERATED.items():
        for origin in cast(list[tuple[Any, ...]], origins):  # ("list", values), ("schema", file, path), ("geo", role)
            if origin[0] == "list":
                values = origin[1]
            elif origin[0] == "schema":
                node = read_schema(schema_dir, origin[1])
                for step in origin[2]:
                    node = node[step]
                if "$ref" in node:
                    document, _, pointer = node["$ref"].partition("#")
                    node = read_schema(schema_dir, document)
                    for step in pointer.strip("/").split("/"):
                        node = node[step]
                values = node["enum"]
            else:
                try:
                    boundaries = load_boundaries(schema_dir.parent / "geo" / "countries.geojson")
                except DataError:
                    continue  # the boundaries' own check says why
                values = [
                    c.code
                    for c in boundaries.countries
                    if c.label_point and c.is_member_country == (origin[1] == "member-country")
                ]
            words.update({f"{prefix}{value}": prefix for value in values})
    return words


def _placeholders(text: str) -> tuple[set[str], str | None]:
    """The `{names}` of a text, or the reason it cannot be filled in (a lone brace, a format or position)."""
    names: set[str] = set()
    try:
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is None:
                continue
            if not re.fullmatch(r"[a-z_]+", name) or spec or conversion:
                return names, name or "?"
            names.add(name)
    except ValueError:
        return names, ""
    return names, None


def check_interface(table, shown_as: str, schema_dir: Path) -> list[Problem]:
    """Every word the code asks for is there in both languages, each with exactly the placeholders the code fills in."""
    if not isinstance(table, dict):
        return []
    problems = []
    declared = {**{word: () for word in enumerated_words(schema_dir)}, **interface_words.WORDS}
    keys = [key for key in table if isinstance(key, str)]
    for word in declared:
        if word in table:
            continue
        # only a near twin: the file holds other words (calendar.upcoming is no typo of calendar.past)
        guesses = [key for key in closest(word, keys, cutoff=0.85) if key not in declared]
        near = (
            guesses[0]
            if guesses
            else next((k for k in reversed(keys) if k.startswith(word.rsplit(".", 1)[0] + ".")), None)
        )
        line = table.key_lines.get(near) if near and hasattr(table, "key_lines") else getattr(table, "line", None)
        problems.append(
            Problem(shown_as, line or 1, word, *messages.word_missing(word, did_you_mean(word, guesses, cutoff=0.85)))
        )
    for key in keys:
        entry = table[key]
        if not isinstance(entry, dict) or not all(isinstance(entry.get(lang), str) for lang in ("fr", "en")):
            continue  # the schema says what is wrong
        expected = set(declared[key]) if key in declared else None
        found = {}
        for lang in ("fr", "en"):
            names, wrong = _placeholders(entry[lang])
            path = [key, lang]
            if wrong is not None:
                told = messages.lone_brace() if wrong == "" else messages.placeholder_not_plain(plain(wrong))
                problems.append(Problem(shown_as, line_of(table, path), f"{key} › {lang}", *told))
                continue
            found[lang] = names
            if expected is None:
                continue
            for name in sorted(names - expected):
                allowed = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "aucun / none"
                told = messages.placeholder_not_filled(name, did_you_mean(name, expected, form="{{{}}}"), allowed)
                problems.append(Problem(shown_as, line_of(table, path), f"{key} › {lang}", *told))
            for name in sorted(expected - names) if not names - expected else ():  # a misspelt one is told above
                problems.append(
                    Problem(shown_as, line_of(table, path), f"{key} › {lang}", *messages.placeholder_missing(name))
                )
        if expected is None and len(found) == 2 and found["fr"] != found["en"]:
            told = messages.placeholders_differ(sorted(found["fr"]), sorted(found["en"]))
            problems.append(Problem(shown_as, line_of(table, [key]), key, *told))
    problems += _unused_words(table, keys, declared, shown_as)
    return problems


def _unused_words(table, keys: list[str], declared: dict, shown_as: str) -> list[Problem]:
    """A word of the file that the site does not ask for (rvase/interface_words.py, kept equal to the code's use by
    `python -m rvase.word_use --check`): translators would keep it for nothing. A misspelt word is told once, as the
    missing word it is a near twin of."""
    missing = [word for word in declared if word not in table]
    return [
        Problem(shown_as, line_of(table, [key]), key, *messages.word_unused(key))
        for key in keys
        if key not in declared and not closest(key, missing, cutoff=0.85)
    ]
