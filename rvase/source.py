"""Read YAML files, remembering the line of every value and refusing duplicate keys.

Dates and times stay strings here (PyYAML would turn `2023-02-30` into a crash and
`12:00` into the number 720); the validator checks their form and meaning.

What reaches the parser is bounded first: a regular file (never a symbolic link, whose target is not read), of at
most MAX_FILE_BYTES, in UTF-8, without anchors or aliases (`&name`, `*name`: a few lines of them expand to
billions of values). Every refusal is a Problem naming the file, and the line where there is one.
"""

import os
import re
import stat
from pathlib import Path

import yaml

from .problems import DataError, Problem

# The largest data file is about 27 KB: forty times that is room for growth, not for a file that would stall the build.
MAX_FILE_BYTES = 1_000_000


class LocatedDict(dict):
    """A mapping that knows the line of each of its keys."""

    line: int = 0
    key_lines: dict
    key_texts: dict


class LocatedList(list):
    """A sequence that knows the line of each of its items."""

    line: int = 0
    item_lines: list


# libyaml's parser (bundled in PyYAML's wheels) when present: ten times faster than the pure-Python one, with the
# same nodes and lines; our constructors below still build the located values and catch duplicate keys.
try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # a PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]


class _DataLoader(SafeLoader):
    duplicates: list  # the keys met twice in one mapping, with their lines


# YAML 1.1 resolvers without timestamps, and integers without base 60 ("12:00" is 720 in YAML 1.1).
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"
_INT_WITHOUT_BASE_60 = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")
_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, _INT_WITHOUT_BASE_60 if tag == _INT else rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.key_texts = {}  # a key YAML does not read as a text (`1`, `yes`) → as it is written, for messages
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, type(None))):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
            )
        if not isinstance(key, str):
            mapping.key_texts[key] = str(key_node.value)
        if key in mapping:
            loader.duplicates.append((key, key_node.start_mark.line + 1, mapping.key_lines[key]))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node, deep=False):
    sequence = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


_DataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_DataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _file_problem(shown_as: str, line: int | None, fr: str, en: str) -> DataError:
    """A problem of the whole file; shown at its first line when no line is to blame."""
    return DataError([Problem(shown_as, line or 1, "", fr, en)])


def read_text(path: Path, shown_as: str) -> str:
    """The text of a data file, or DataError if it is not a small regular UTF-8 file (a link is never followed)."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        raise _file_problem(shown_as, None, "Le fichier manque.", "The file is missing.") from None
    if stat.S_ISLNK(found.st_mode):
        raise _file_problem(
            shown_as,
            None,
            "Le fichier est un lien symbolique : il n'est pas lu. Remplacez-le par un vrai fichier YAML.",
            "The file is a symbolic link: it is not read. Replace it with a real YAML file.",
        )
    if not stat.S_ISREG(found.st_mode):
        raise _file_problem(
            shown_as,
            None,
            "Ce n'est pas un fichier ordinaire : remplacez-le par un fichier YAML.",
            "This is not a regular file: replace it with a YAML file.",
        )
    if found.st_size > MAX_FILE_BYTES:
        raise _file_problem(
            shown_as,
            None,
            f"Le fichier fait {found.st_size} octets, plus que la limite de {MAX_FILE_BYTES} : "
            "un fichier de données ne devrait pas être si gros (contenu collé par erreur ?).",
            f"The file is {found.st_size} bytes long, over the limit of {MAX_FILE_BYTES}: "
            "a data file should not be that big (content pasted by mistake?).",
        )
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))  # replaced by a link since lstat: refused
    with os.fdopen(descriptor, "rb") as file:
        raw = file.read(MAX_FILE_BYTES + 1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line, column = raw.count(b"\n", 0, error.start) + 1, error.start - line_start + 1
        byte = raw[error.start]
        raise _file_problem(
            shown_as,
            line,
            f"Le fichier n'est pas enregistré en UTF-8 : l'octet 0x{byte:02X} (colonne {column}) n'est pas un caractère "
            "valide. Retapez les lettres accentuées de cette ligne, ou enregistrez le fichier en UTF-8.",
            f"The file is not saved as UTF-8: byte 0x{byte:02X} (column {column}) is not a valid character. "
            "Type the accented letters of this line again, or save the file as UTF-8.",
        ) from None


def _refuse_anchors_and_aliases(text: str, shown_as: str) -> None:
    """Anchors (`&name`) and aliases (`*name`) refused: nothing in the data needs them, and nested aliases make a few
    lines expand to billions of values. Only the tokens are read (no value is built), and only if `&` or `*` occurs."""
    if "&" not in text and "*" not in text:
        return
    scanner = SafeLoader(text)
    found = []
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                found.append(token)
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError):
        pass  # a syntax error or a control character: told by the parser below, with its line
    finally:
        scanner.dispose()
    if found:
        raise DataError(
            [
                Problem(
                    shown_as,
                    token.start_mark.line + 1,
                    "",
                    f"« {'&' if isinstance(token, yaml.AnchorToken) else '*'}{token.value} » (colonne {token.start_mark.column + 1}) "
                    "est une ancre ou un alias YAML : ils ne sont pas acceptés dans les données. Écrivez la valeur en entier.",
                    f"'{'&' if isinstance(token, yaml.AnchorToken) else '*'}{token.value}' (column {token.start_mark.column + 1}) "
                    "is a YAML anchor or alias: they are not accepted in the data. Write the value out in full.",
                )
                for token in found
            ]
        )


# What the parser says (libyaml's words, then PyYAML's) → what a maintainer can do, and which mark shows the place.
_SYNTAX_EXPLAINED = [
    (
        ("tab",),
        "une tabulation est utilisée pour décaler la ligne : YAML n'accepte que des espaces. Remplacez-la par des espaces.",
        "a tab is used to indent the line: YAML accepts only spaces. Replace it with spaces.",
        "problem",
    ),
    (
        ("could not find expected ':'",),
        "il manque les deux-points « : » après le nom du champ (par exemple « title: … »).",
        "the colon ':' after the field name is missing (for example 'title: …').",
        "context",
    ),
    (
        ("mapping values are not allowed",),
        "un deux-points suivi d'un espace se trouve dans un texte sans guillemets : mettez le texte entre guillemets "
        '("…"), ou il manque un retour à la ligne avant ce champ.',
        'a colon followed by a space is inside a text without quotes: put the text in quotes ("…"), '
        "or a line break is missing before this field.",
        "problem",
    ),
    (
        ("while scanning a quoted scalar", "end of stream"),
        "un guillemet ouvert à cette ligne n'est jamais fermé : ajoutez le guillemet de fin (\" ou ').",
        "a quote opened on this line is never closed: add the closing quote (\" or ').",
        "context",
    ),
    (
        ("unknown escape",),
        "une barre oblique inverse « \\ » entre guillemets doubles commence un code inconnu : écrivez « \\\\ », "
        "ou utilisez des guillemets simples.",
        "a backslash '\\' inside double quotes starts an unknown code: write '\\\\', or use single quotes.",
        "problem",
    ),
    (
        ("flow sequence",),
        "un crochet « [ » ouvert à cette ligne n'est pas fermé par « ] », ou une virgule manque entre deux valeurs.",
        "a bracket '[' opened on this line is not closed by ']', or a comma is missing between two values.",
        "context",
    ),
    (
        ("flow mapping",),
        "une accolade « { » ouverte à cette ligne n'est pas fermée par « } », ou une virgule manque entre deux champs.",
        "a brace '{' opened on this line is not closed by '}', or a comma is missing between two fields.",
        "context",
    ),
    (
        ("expected '-' indicator",),
        "dans une liste, chaque élément commence par « - » au même décalage : vérifiez l'indentation de cette ligne.",
        "in a list, every item starts with '- ' at the same indentation: check this line's indentation.",
        "problem",
    ),
    (
        ("expected key",),
        "l'indentation ne correspond pas au bloc : chaque champ d'un même bloc commence au même nombre d'espaces "
        "(ou un texte continue après un guillemet fermé).",
        "the indentation does not match the block: every field of a block starts at the same number of spaces "
        "(or a text goes on after its closing quote).",
        "problem",
    ),
    (
        ("expected <block end>",),
        "l'indentation ne correspond pas au bloc : chaque champ d'un même bloc commence au même nombre d'espaces.",
        "the indentation does not match the block: every field of a block starts at the same number of spaces.",
        "problem",
    ),
    (
        ("unhashable key",),
        "un nom de champ doit être un simple mot, pas une liste ni un bloc.",
        "a field name must be a plain word, not a list or a block.",
        "problem",
    ),
    (
        ("constructor for the tag",),
        "une étiquette « ! » (type YAML) n'est pas acceptée : écrivez la valeur sans elle.",
        "a '!' tag (YAML type) is not accepted: write the value without it.",
        "problem",
    ),
    (
        ("cannot start any token",),
        "un caractère ne peut pas commencer une valeur (« @ », « ` », « % » ou une tabulation) : "
        "mettez la valeur entre guillemets.",
        "a character cannot start a value ('@', '`', '%' or a tab): put the value in quotes.",
        "problem",
    ),
]


_UNCLOSED_QUOTE = (
    "un guillemet « \" » ouvert à cette ligne n'est pas fermé : ajoutez le guillemet de fin.",
    "a quote '\"' opened on this line is not closed: add the closing quote.",
)


def _line_with_an_unclosed_quote(text: str, error: yaml.MarkedYAMLError) -> int | None:
    """The line (counted from 1) near the error whose double quotes do not pair up: the parser, reading on into the next
    quote, blames a later place (a brace, a key) for what is a quote left open."""
    lines = text.split("\n")
    near = [mark.line + offset for mark in (error.context_mark, error.problem_mark) if mark for offset in (0, -1)]
    for index in dict.fromkeys(near):
        if 0 <= index < len(lines) and len(re.findall(r'(?<!\\)"', lines[index].split(" #")[0])) % 2:
            return index + 1
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, shown_as: str, text: str) -> Problem:
    said = f"{error.context or ''} {error.problem or ''}".strip()
    quote_line = _line_with_an_unclosed_quote(text, error)
    if quote_line:
        return Problem(
            shown_as,
            quote_line,
            "",
            f"Le fichier n'est pas du YAML valide : {_UNCLOSED_QUOTE[0]}\n        Détail du lecteur YAML : {said}",
            f"The file is not valid YAML: {_UNCLOSED_QUOTE[1]}\n        YAML reader's detail: {said}",
        )
    fr, en, which = (
        "la structure n'est pas reconnue : vérifiez l'indentation, les deux-points et les guillemets "
        "à cette ligne ou juste avant.",
        "the structure is not recognised: check the indentation, colons and quotes on this line or just before it.",
        "problem",
    )
    for words, explained_fr, explained_en, mark_name in _SYNTAX_EXPLAINED:
        if all(word in said for word in words):
            fr, en, which = explained_fr, explained_en, mark_name
            break
    mark = (
        (error.context_mark if which == "context" else error.problem_mark) or error.problem_mark or error.context_mark
    )
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    at_fr, at_en = (f" (colonne {column})", f" (column {column})") if column else ("", "")
    return Problem(
        shown_as,
        line,
        "",
        f"Le fichier n'est pas du YAML valide{at_fr} : {fr}\n        Détail du lecteur YAML : {said}",
        f"The file is not valid YAML{at_en}: {en}\n        YAML reader's detail: {said}",
    )


def read_located(path: Path, shown_as: str):
    """Parse one file: (data, problems that leave the data readable, such as duplicate keys).

    Raise DataError when there is no data to check (unreadable file, anchors, syntax error).
    """
    text = read_text(path, shown_as)
    _refuse_anchors_and_aliases(text, shown_as)
    loader = _DataLoader(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(error, shown_as, text)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise _file_problem(
            shown_as,
            line,
            f"Le fichier contient un caractère de contrôle invisible (U+{error.character:04X}, colonne {column}) : "
            "supprimez-le (il vient souvent d'un copier-coller).",
            f"The file holds an invisible control character (U+{error.character:04X}, column {column}): delete it "
            "(it often comes from a copy and paste).",
        ) from None
    except RecursionError:
        raise _file_problem(
            shown_as, None, "Les blocs sont imbriqués trop profondément.", "The blocks are nested too deeply."
        ) from None
    finally:
        loader.dispose()
    problems = [
        Problem(
            shown_as,
            line,
            str(key),
            f"La clé « {key} » apparaît deux fois dans le même bloc (première fois ligne {first}). Gardez-en une seule.",
            f"The key '{key}' appears twice in the same block (first on line {first}). Keep only one.",
        )
        for key, line, first in loader.duplicates
    ]
    return data, problems


def read_yaml(path: Path, shown_as: str):
    """Parse one file; raise DataError naming the line of a syntax error or duplicate key."""
    data, problems = read_located(path, shown_as)
    if problems:
        raise DataError(problems)
    return data


def line_of(data, path) -> int | None:
    """The line of the value at `path` (a sequence of keys and indexes), or of its nearest parent."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, LocatedDict) and step in node:
            line = node.key_lines.get(step, line)
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
        else:
            break
        node = node[step]
    return line
