"""Check every data file against its schema, then the links between records.

All problems of a run are collected, each with file, line and field, so a maintainer
fixes them in one go. Nothing here renders anything.
"""
import difflib
import functools
import json
import re
import string
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from . import interface_words
from .anchors import taken_by_the_site
from .checks.addresses import misleading_addresses
from .checks.event_hours import unsaid_hours
from .checks.files import symbolic_links
from .checks.ids import id_problem, is_id
from .checks.markdown_cost import too_many_brackets
from .checks.news_links import broken_news_links
from .checks.whole_numbers import is_whole_number, whole_number_problem
from .dates import PartialDate
from .geo import load_boundaries
from .problems import DataError, Problem
from .source import SafeLoader, line_of, read_located

# One file per kind of thing, read in this order.
DATA_FILES = (
    "sources", "network", "members", "themes", "partners",
    "projects", "events", "news", "action_plan", "roadmap",
)




def python_pattern(pattern: str) -> str:
    """A schema's pattern as Python must read it: `$` (outside a [class]) as `\\Z`, the very end of the text.

    Schemas are JSON Schema, whose patterns are ECMA-262 regular expressions, where `$` is the end of the text; in
    Python `$` also matches before a final newline, so `"phnom-penh\\n"` passed `^[a-z0-9-]+$` and an id ending in a
    newline became a file name.
    """
    out, escaped, in_class = [], False, False
    for character in pattern:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "[":
            in_class = True
        elif character == "]":
            in_class = False
        elif character == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(character)
    return "".join(out)


@functools.cache
def _compiled_pattern(pattern: str) -> re.Pattern:
    return re.compile(python_pattern(pattern))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not _compiled_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 with patterns read as JSON Schema means them (python_pattern), and `integer` a whole number as the code
# needs it: JSON Schema counts 2030.0 as an integer, which a comparison of years then skipped.
DataValidator = validators.extend(
    Draft202012Validator, {"pattern": _pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", lambda _, value: is_whole_number(value)))

# (schema text, common.schema.yaml text) → its validator: made once, not at every build of `mkdocs serve`.
_validators: dict[tuple[str, str], Draft202012Validator] = {}


def schema_validator(schema_dir: Path, name: str) -> Draft202012Validator:
    """The validator of `<schema_dir>/<name>.schema.yaml`, which may refer to common.schema.yaml."""
    texts = tuple((schema_dir / f"{file}.schema.yaml").read_text(encoding="utf-8") for file in (name, "common"))
    if texts not in _validators:
        schema, common = (yaml.load(text, Loader=SafeLoader) for text in texts)
        registry = Registry().with_resource("common", Resource.from_contents(common, default_specification=DRAFT202012))
        schema = inline_references(schema, {"": schema, "common": common})
        _validators[texts] = DataValidator(schema, registry=registry, format_checker=FormatChecker())
    return _validators[texts]


_ANNOTATIONS = {"description", "title", "$comment", "examples"}  # words for readers; validation ignores them


def inline_references(node, documents: dict, document: str = "", resolving: tuple = ()):
    """`node` with each `$ref` (`common#/$defs/text`, `#/$defs/count`) replaced by the schema it points to.

    The same checks and the same errors: a reference with other keywords beside it becomes
    `allOf: [the schema pointed to]` beside them, as JSON Schema 2020-12 applies both. Validating then
    descends the schema directly instead of looking each reference up again for every record (a third of
    the validation time). A reference to itself, directly or not, is left to the validator.
    """
    if isinstance(node, list):
        return [inline_references(item, documents, document, resolving) for item in node]
    if not isinstance(node, dict):
        return node
    rest = {key: inline_references(value, documents, document, resolving) for key, value in node.items() if key != "$ref"}
    if not isinstance(node.get("$ref"), str):
        return rest if "$ref" not in node else {**rest, "$ref": node["$ref"]}
    target_document, _, pointer = node["$ref"].partition("#")
    target_document = target_document or document
    if target_document not in documents or (target_document, pointer) in resolving or not pointer.startswith("/"):
        # Left to the validator, named from the schema's root, where this node may now stand.
        known = target_document in documents and target_document
        return {**rest, "$ref": f"{target_document}#{pointer}" if known else node["$ref"]}
    target = documents[target_document]
    for step in pointer.lstrip("/").split("/"):
        target = target[step.replace("~1", "/").replace("~0", "~")]
    resolved = inline_references(target, documents, target_document, resolving + ((target_document, pointer),))
    if set(rest) <= _ANNOTATIONS:
        return resolved
    return {**rest, "allOf": [resolved] + rest.get("allOf", [])}


def field_path(data, path) -> str:
    """`events › annual-meeting-2024 › start`: record ids instead of list positions where possible."""
    words, node = [], data
    for step in path:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            record_id = item.get("id") if isinstance(item, dict) else None
            words.append(record_id if _nameable(record_id) else f"#{step + 1}")
        else:
            words.append(str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return " › ".join(words)


def _nameable(record_id) -> bool:
    """An id short and plain enough to name its record in a message (else its position, `#3`, does)."""
    return isinstance(record_id, str) and 0 < len(record_id) <= 64 and not _CONTROL.search(record_id) and record_id.isprintable()


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


_TYPE_WORDS = {
    "string": ("un texte", "a text"),
    "object": ("un bloc de champs (clé: valeur)", "a block of fields (key: value)"),
    "array": ("une liste (lignes commençant par « - » ou [a, b])", "a list (lines starting with '- ' or [a, b])"),
    "integer": ("un nombre entier", "a whole number"),
    "number": ("un nombre", "a number"),
    "null": ("vide (null)", "empty (null)"),
    "boolean": ("vrai ou faux", "true or false"),
}


def _explain(error) -> tuple[str, str]:
    """What was found and what was expected, in words a non-developer reads."""
    kind, schema, found = error.validator, error.schema, _shown(error.instance)
    if kind == "required":
        missing = error.message.split("'")[1]
        return (f"Le champ obligatoire « {missing} » manque.", f"The required field '{missing}' is missing.")
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        extras = sorted((str(key) for key in set(error.instance) - set(known)), key=str)
        fr, en = [], []
        for extra in extras:
            guess_fr, guess_en = did_you_mean(extra, known)
            fr.append(f"Champ inconnu « {_plain(extra)} » (faute de frappe ?).{guess_fr}")
            en.append(f"Unknown field '{_plain(extra)}' (a typo?).{guess_en}")
        return (" ".join(fr) + f" Champs possibles : {', '.join(known)}.", " ".join(en) + f" Allowed fields: {', '.join(known)}.")
    if kind == "type" and schema["type"] == "integer":
        return whole_number_problem(error.instance)
    if kind == "type":
        fr, en = _TYPE_WORDS.get(schema["type"], (schema["type"], schema["type"]))
        return (f"Trouvé {found}, attendu {fr}.", f"Found {found}, expected {en}.")
    if kind == "enum":
        allowed = ", ".join(str(v) for v in schema["enum"])
        guess_fr, guess_en = did_you_mean(error.instance, [str(v) for v in schema["enum"]])
        return (f"Valeur {found} non reconnue.{guess_fr} Valeurs possibles : {allowed}.",
                f"Value {found} is not recognised.{guess_en} Allowed values: {allowed}.")
    if kind == "minLength" or (kind == "pattern" and schema["pattern"] == r"\S"):
        return ("Le texte est vide : écrivez-le.", "The text is empty: write it.")
    if kind == "pattern":
        fr, en = _pattern_hint(schema["pattern"])
        return (f"Trouvé {found}, qui n'a pas la forme attendue ({fr}).",
                f"Found {found}, which does not have the expected form ({en}).")
    if kind == "maxLength":
        return (f"Le texte fait {len(error.instance)} caractères : il en faut au plus {schema['maxLength']}.",
                f"The text is {len(error.instance)} characters long: it must be at most {schema['maxLength']}.")
    if kind == "minItems":
        return ("La liste est vide : elle doit contenir au moins un élément.", "The list is empty: it needs at least one item.")
    if kind == "uniqueItems":
        return (f"La liste {found} contient deux fois la même valeur.", f"The list {found} contains the same value twice.")
    if kind in ("minimum", "maximum"):
        return (f"La valeur {found} est hors des limites ({kind} {schema[kind]}).",
                f"The value {found} is out of range ({kind} {schema[kind]}).")
    if kind == "format":
        return (f"Trouvé {found}, qui n'est pas une adresse web valide (https://…).",
                f"Found {found}, which is not a valid web address (https://…).")
    if kind == "dependentRequired":
        return (f"Ce champ demande aussi : {error.message.split(' is a dependency')[0]}.",
                f"This field also needs: {error.message.split(' is a dependency')[0]}.")
    if kind == "minProperties":
        return ("Le bloc est vide.", "The block is empty.")
    return (f"Valeur incorrecte {found} ({error.message}).", f"Incorrect value {found} ({error.message}).")


def _plain(text: str) -> str:
    """A value from the data as a message quotes it: invisible characters shown as codes, and at most 60 characters."""
    shown = json.dumps(str(text), ensure_ascii=False)[1:-1]
    return shown if len(shown) <= 60 else shown[:57] + "…"


def closest(value, known, cutoff: float = 0.6) -> list[str]:
    """The known values nearest to `value`, best first, letter case ignored (`AFD` finds `afd`)."""
    if not isinstance(value, str) or len(value) > 200:
        return []
    by_lower = {}
    for item in known:
        by_lower.setdefault(str(item).lower(), str(item))
    if value.lower() in by_lower:  # the same but for letter case: no need for others
        return [by_lower[value.lower()]]
    return [by_lower[match] for match in difflib.get_close_matches(value.lower(), list(by_lower), n=3, cutoff=cutoff)]


def did_you_mean(value, known, form: str = "{}", cutoff: float = 0.6) -> tuple[str, str]:
    """ « Vouliez-vous dire « x » ? » / "Did you mean 'x'?" with the closest known values (each written as `form`
    says), or nothing."""
    matches = [form.format(match) for match in closest(value, known, cutoff)]
    if not matches:
        return "", ""
    return (" Vouliez-vous dire " + " ou ".join(f"« {m} »" for m in matches) + " ?",
            " Did you mean " + " or ".join(f"'{m}'" for m in matches) + "?")


def _pattern_hint(pattern: str) -> tuple[str, str]:
    hints = {
        "^[a-z0-9]+(-[a-z0-9]+)*$": ("identifiant en minuscules, chiffres et tirets, ex. phnom-penh",
                                     "an id of lowercase letters, digits and hyphens, e.g. phnom-penh"),
        "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": ("date AAAA-MM-JJ, AAAA-MM ou AAAA, entre guillemets",
                                                "a date YYYY-MM-DD, YYYY-MM or YYYY, in quotes"),
        "^([01][0-9]|2[0-3]):[0-5][0-9]$": ("heure HH:MM entre guillemets, ex. \"08:00\"", "a time HH:MM in quotes, e.g. \"08:00\""),
        r"^https://[^\s/$.?#][^\s]*$": ("adresse web commençant par https://", "a web address starting with https://"),
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": ("date complète AAAA-MM-JJ, entre guillemets", "a full date YYYY-MM-DD, in quotes"),
        "^[A-Za-z0-9][A-Za-z0-9.+-]*$": ("identifiant de licence, ex. CC-BY-4.0", "a licence identifier, e.g. CC-BY-4.0"),
        r"^[^\n\r\u2028\u2029]*$": ("une seule ligne, sans retour à la ligne : ce texte devient un titre ou une ligne "
                                    "d'agenda ; écrivez-le entre guillemets, sans « | » ni « > »",
                                    "one line, without a line break: this text becomes a title or a calendar line; "
                                    "write it in quotes, without '|' or '>'"),
    }
    return hints.get(pattern, (pattern, pattern))


def _leaf_errors(error):
    """For `oneOf` (e.g. text or null), report the branch that came closest, not the whole choice."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        not_null = [e for e in error.context if not (e.validator == "type" and e.schema.get("type") == "null")]
        if not_null:
            deepest = max(len(e.absolute_path) for e in not_null)
            return [leaf for e in not_null if len(e.absolute_path) == deepest for leaf in _leaf_errors(e)]
    return [error]


def check_schema(data, validator: Draft202012Validator, shown_as: str) -> list[Problem]:
    problems = []
    for error in validator.iter_errors(data):
        for leaf in _leaf_errors(error):
            path = list(leaf.absolute_path)
            fr, en = _explain(leaf)
            problems.append(Problem(shown_as, line_of(data, path), field_path(data, path), fr, en))
    return sorted(set(problems), key=lambda p: (p.line or 0, p.field, p.en))  # the same order at every run


# The longest text of the data, a news body, is about 5,000 characters.
MAX_TEXT_CHARS = 20_000
# The deepest value of the data (an action plan cell, a representative's local title) is six steps down.
MAX_DEPTH = 12
# Characters that have no place in a text: they are invisible, and XML (the Atom feed) refuses most of them.
# Tabs and line breaks are allowed (a news body has paragraphs); an id, a date or a time is held by its pattern.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def check_texts(data, shown_as: str) -> tuple[list[Problem], bool]:
    """Every text and field name of a file: no control character, no text longer than MAX_TEXT_CHARS, no value more
    than MAX_DEPTH levels down. Return the problems, and whether the data is too deep to go on checking."""
    problems, too_deep = [], []

    def check(text: str, path: list, what_fr: str, what_en: str):
        found = _CONTROL.search(text)
        if found:
            code = f"U+{ord(found.group()):04X}"
            problems.append(Problem(
                shown_as, line_of(data, path), field_path(data, path),
                f"{what_fr} contient un caractère de contrôle invisible ({code}, caractère n° {found.start() + 1}) : "
                "supprimez-le (il vient souvent d'un copier-coller, ou d'un code « \\ » entre guillemets doubles).",
                f"{what_en} holds an invisible control character ({code}, character {found.start() + 1}): delete it "
                "(it often comes from a copy and paste, or from a '\\' code inside double quotes)."))
        if len(text) > MAX_TEXT_CHARS:
            problems.append(Problem(
                shown_as, line_of(data, path), field_path(data, path),
                f"{what_fr} fait {len(text)} caractères, plus que la limite de {MAX_TEXT_CHARS} : raccourcissez-le.",
                f"{what_en} is {len(text)} characters long, over the limit of {MAX_TEXT_CHARS}: shorten it."))

    def walk(node, path: list):
        if len(path) > MAX_DEPTH:
            too_deep.append(path)
            problems.append(Problem(shown_as, line_of(data, path), field_path(data, path[:MAX_DEPTH]),
                                    f"Les blocs et les listes sont imbriqués sur plus de {MAX_DEPTH} niveaux.",
                                    f"Blocks and lists are nested more than {MAX_DEPTH} levels deep."))
        elif isinstance(node, str):
            check(node, path, "Le texte", "The text")
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str):
                    check(key, path + [key], "Le nom de champ", "The field name")
                else:
                    typed = getattr(node, "key_texts", {}).get(key, str(key))
                    problems.append(Problem(
                        shown_as, line_of(data, path + [key]), field_path(data, path + [typed]),
                        f"Le nom « {_plain(typed)} » n'est pas lu comme un texte (YAML y voit un nombre, vrai/faux ou "
                        f"vide) : mettez-le entre guillemets, \"{_plain(typed)}\":, ou choisissez un autre nom.",
                        f"The name '{_plain(typed)}' is not read as a text (YAML sees a number, true/false or empty): "
                        f"put it in quotes, \"{_plain(typed)}\":, or choose another name."))
                walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + [index])

    walk(data, [])
    return problems, bool(too_deep)


def read_document(path: Path, shown_as: str, validator) -> tuple[object, list[Problem]]:
    """Read and check one file on its own: (its data, or None if it cannot be read; every problem found in it)."""
    try:
        data, problems = read_located(path, shown_as)
    except DataError as error:
        return None, error.problems
    found, too_deep = check_texts(data, shown_as)
    problems += found
    if too_deep:
        return None, problems
    return data, problems + check_schema(data, validator, shown_as)


def load_data_files(data_dir: Path, shown_prefix: str = "data") -> tuple[dict, list[Problem]]:
    """Read and schema-check every data file: the documents read (even those with problems), and every problem."""
    documents, problems = {}, []
    for name in DATA_FILES:
        data, found = read_document(data_dir / f"{name}.yaml", f"{shown_prefix}/{name}.yaml",
                                    schema_validator(data_dir / "schema", name))
        problems += found
        if isinstance(data, dict):
            documents[name] = data
    return documents, problems


def _file_order(problem: Problem) -> tuple:
    name = problem.file.rsplit("/", 1)[-1].removesuffix(".yaml")
    return (DATA_FILES.index(name) if name in DATA_FILES else len(DATA_FILES), problem.file, problem.line or 0)


def validate_site_data(data_dir: Path, interface_file: Path, prefix: str = "data") -> tuple[dict, dict]:
    """Every check of every data file and of the interface words, every problem at once, by file and line: schema,
    texts, dates, ids, links, words. Return (documents, interface words), or raise DataError with every problem.

    A file or a record that is broken is still checked as far as it can be (its readable records, its valid fields),
    so a maintainer never fixes one round of problems only to be shown the next.
    """
    links = symbolic_links({prefix: data_dir, f"{prefix}/schema": data_dir / "schema", f"{prefix}/geo": data_dir / "geo",
                            "i18n": interface_file.parent})
    if links:
        raise DataError(links)  # nothing is read through a link
    documents, problems = load_data_files(data_dir, prefix)
    interface, interface_problems = read_interface(interface_file, data_dir / "schema")
    problems += _boundaries_problems(data_dir, prefix)
    problems += beyond_the_schemas(documents, prefix, problems)
    problems += check_records(documents, prefix, data_dir)
    problems += check_links(documents, prefix, interface if isinstance(interface, dict) else None)
    problems = sorted(dict.fromkeys(problems), key=_file_order) + interface_problems
    if problems:
        raise DataError(problems)
    return documents, interface


def _boundaries_problems(data_dir: Path, prefix: str) -> list[Problem]:
    try:
        load_boundaries(data_dir / "geo" / "countries.geojson", f"{prefix}/geo/countries.geojson")
    except DataError as error:
        return error.problems
    return []


def beyond_the_schemas(documents: dict, prefix: str, schema_problems: list[Problem]) -> list[Problem]:
    """What the build needs whatever the schemas say (rvase/checks/): ids that are names, web addresses that show the
    site they open, news bodies whose Markdown parses in proportion. Told only where the schema said nothing of the field."""
    check = _Checker(prefix)
    for name, steps in _ID_LISTS:
        holder = documents.get(name)
        for step in steps[:-1]:
            holder = holder.get(step) if isinstance(holder, dict) else None
        for index, record in _items(holder, steps[-1]):
            told = id_problem(record.get("id"))
            if told:
                check.add(name, documents[name], list(steps) + [index, "id"], *told)
    for name, data in documents.items():
        check.problems += misleading_addresses(data, f"{prefix}/{name}.yaml", field_path)
    check.problems += too_many_brackets(documents.get("news"), f"{prefix}/news.yaml", field_path)
    check.problems += broken_news_links(documents, f"{prefix}/news.yaml", field_path)
    check.problems += unsaid_hours(documents.get("events"), f"{prefix}/events.yaml", field_path)
    spoken = {(problem.file, problem.field) for problem in schema_problems}
    return [problem for problem in check.problems if (problem.file, problem.field) not in spoken]


class _Checker:
    """Collects the problems that need more than one field to see."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.problems: list[Problem] = []

    def add(self, name, data, path, fr, en):
        self.problems.append(Problem(f"{self.prefix}/{name}.yaml", line_of(data, path), field_path(data, path), fr, en))


def _items(node, key) -> list:
    """(index, record) of each block of fields in the list `node[key]`; nothing when the list itself is broken."""
    items = node.get(key) if isinstance(node, dict) else None
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def _is_text(value) -> bool:
    return isinstance(value, str)


# Record lists whose ids must be unique and stay clear of the pages' own anchors: (file, path to the list).
_ID_LISTS = (
    ("sources", ("sources",)), ("members", ("members",)), ("themes", ("themes",)), ("partners", ("partners",)),
    ("projects", ("projects",)), ("events", ("events",)), ("news", ("news",)), ("action_plan", ("axes",)),
    ("network", ("network", "modalities")), ("roadmap", ("thematic_plans",)),
)

# (file, list, field, the file whose ids it names)
_REFERENCES = (
    ("members", "members", "sources", "sources"), ("themes", "themes", "linked_themes", "themes"),
    ("projects", "projects", "themes", "themes"), ("projects", "projects", "members", "members"),
    ("projects", "projects", "partners", "partners"), ("projects", "projects", "related_projects", "projects"),
    ("projects", "projects", "sources", "sources"), ("events", "events", "members", "members"),
    ("events", "events", "themes", "themes"), ("events", "events", "projects", "projects"),
    ("events", "events", "sources", "sources"), ("news", "news", "members", "members"),
    ("news", "news", "themes", "themes"), ("news", "news", "events", "events"),
    ("news", "news", "projects", "projects"), ("news", "news", "sources", "sources"),
    ("events", "events", "organizer", "organizers"),
    ("roadmap", "thematic_plans", "theme", "themes"), ("roadmap", "partnership_targets", "partner", "partners"),
)


def check_links(documents: dict, prefix: str = "data", interface: dict | None = None) -> list[Problem]:
    """Unique ids clear of the pages' own anchors, and references to records that exist (with the closest ids).

    With the interface words, the anchor each page's title gets from its words (`Projets` → `projets`) is kept too.
    """
    check = _Checker(prefix)
    ids = {}
    for name, steps in _ID_LISTS:
        data = documents.get(name)
        holder = data
        for step in steps[:-1]:
            holder = holder.get(step) if isinstance(holder, dict) else None
        path_to_list = list(steps)
        seen = {}
        for index, record in _items(holder, steps[-1]):
            record_id = record.get("id")
            if not is_id(record_id):
                continue  # beyond_the_schemas says why
            path = path_to_list + [index, "id"]
            if record_id in seen:
                check.add(name, data, path,
                          f"L'identifiant « {_plain(record_id)} » est déjà utilisé (ligne {seen[record_id]}). "
                          "Chaque identifiant doit être unique.",
                          f"The id '{_plain(record_id)}' is already used (line {seen[record_id]}). Each id must be unique.")
            elif taken_by_the_site(name, record_id, interface):
                page = taken_by_the_site(name, record_id, interface)
                where_fr = "l'adresse d'une page" if page == "address" else f"un repère de la page « {page} »"
                where_en = "a page's address" if page == "address" else f"an anchor of the '{page}' page"
                check.add(name, data, path,
                          f"L'identifiant « {record_id} » est réservé : le site s'en sert déjà ({where_fr}). "
                          f"Choisissez-en un plus précis, par exemple « {record_id}-2027 » ou « ville-{record_id} ».",
                          f"The id '{record_id}' is reserved: the site already uses it ({where_en}). "
                          f"Choose a more precise one, for example '{record_id}-2027' or 'city-{record_id}'.")
            seen.setdefault(record_id, line_of(data, path_to_list + [index]))
        ids[name] = set(seen)
    ids["organizers"] = ids["partners"] | {"network"}  # an event's organizer: `network` (the RVASE) or a partner

    for name, key, field, target in _REFERENCES:
        if (target if target != "organizers" else "partners") not in documents:
            continue  # the file named could not be read: its own problem says why
        data = documents.get(name)
        known = ids[target]
        where_fr = "data/partners.yaml (ou « network »)" if target == "organizers" else f"data/{target}.yaml"
        where_en = "data/partners.yaml (or 'network')" if target == "organizers" else f"data/{target}.yaml"
        for index, record in _items(data, key):
            values = record.get(field)
            listed = [(None, values)] if _is_text(values) else list(enumerate(values)) if isinstance(values, list) else []
            for position, value in listed:
                if not _is_text(value) or value in known:
                    continue
                guess_fr, guess_en = _unknown_id_hint(value, known, where_fr, where_en)
                path = [key, index, field] + ([] if position is None else [position])
                check.add(name, data, path,
                          f"« {_plain(value)} » ne correspond à aucun enregistrement de {where_fr}.{guess_fr}",
                          f"'{_plain(value)}' matches no record in {where_en}.{guess_en}")

    if "sources" not in documents:
        return check.problems  # the sources file could not be read: its own problem says why
    known = ids["sources"]
    for name, path in (("network", ["network", "sources"]), ("action_plan", ["sources"]), ("roadmap", ["sources"])):
        data = documents.get(name)
        listed = data
        for step in path:
            listed = listed.get(step) if isinstance(listed, dict) else None
        for position, source in enumerate(listed if isinstance(listed, list) else []):
            if _is_text(source) and source not in known:
                _unknown_source(check, name, data, path + [position], source, known)
    for name, data in documents.items():
        for path, as_of in _as_of_fields(data):
            source = as_of.get("source")
            if _is_text(source) and source not in known:
                _unknown_source(check, name, data, path + ["source"], source, known)
    return check.problems


def _unknown_id_hint(value, known, where_fr: str, where_en: str) -> tuple[str, str]:
    """At most three close ids, or where the ids are: never the whole list (once per unknown id, that grew with the
    product of known and unknown ids)."""
    guess_fr, guess_en = did_you_mean(value, known)
    if guess_fr:
        return guess_fr, guess_en
    return (f" Les identifiants possibles sont les « id » de {where_fr}.", f" The possible ids are the 'id' fields of {where_en}.")


def _unknown_source(check, name, data, path, source, known):
    guess_fr, guess_en = _unknown_id_hint(source, known, "data/sources.yaml", "data/sources.yaml")
    check.add(name, data, path,
              f"« {_plain(source)} » ne correspond à aucune source de data/sources.yaml.{guess_fr}",
              f"'{_plain(source)}' matches no source in data/sources.yaml.{guess_en}")


def _as_of_fields(node, path=()):
    """(path, value) of every `as_of` in a document: a status or a plan, dated and sourced."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "as_of" and isinstance(value, dict):
                yield list(path) + [key], value
            else:
                yield from _as_of_fields(value, path + (key,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _as_of_fields(item, path + (index,))


_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]\Z")


# The years a date may have: the calendar and its feeds count days past a date's end, which the year 9999 does not have.
YEARS = range(1900, 2101)


def _date(value) -> PartialDate | None:
    """The date a field holds, or None when it is not one (the schema or check_records says why)."""
    if not _is_text(value) or not _DATE.match(value):
        return None
    try:
        date = PartialDate.parse(value)
    except ValueError:
        return None
    return date if date.year in YEARS else None


def _year(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check_records(documents: dict, prefix: str = "data", data_dir: Path | None = None) -> list[Problem]:
    """What one record's schema cannot say: possible dates, an end after its start, action numbers, places on the map."""
    check = _Checker(prefix)
    dated = [(name, documents.get(name), [key, index, field], record.get(field))
             for name, key, field in (("sources", "sources", "date"), ("news", "news", "date"), ("news", "news", "feed_date"),
                                      ("events", "events", "start"), ("events", "events", "end"))
             for index, record in _items(documents.get(name), key)]
    dated += [(name, data, path + ["date"], as_of.get("date"))
              for name, data in documents.items() for path, as_of in _as_of_fields(data)]
    for name, data, path, value in dated:
        if _is_text(value) and _DATE.match(value) and _date(value) is None:
            if int(value[:4]) not in YEARS:
                check.add(name, data, path,
                          f"L'année de la date « {value} » n'est pas plausible : elle doit être entre {YEARS[0]} et {YEARS[-1]}.",
                          f"The year of the date '{value}' is not plausible: it must be between {YEARS[0]} and {YEARS[-1]}.")
                continue
            check.add(name, data, path,
                      f"La date « {value} » n'existe pas dans le calendrier.",
                      f"The date '{value}' does not exist in the calendar.")
    _check_feed_dates(check, documents)

    events = documents.get("events")
    for index, event in _items(events, "events"):
        start = _date(event.get("start"))
        end = _date(event.get("end", event.get("start")))
        if start is None or end is None:
            continue
        if end.last_day() < start.first_day():
            check.add("events", events, ["events", index, "end"],
                      f"La fin ({end.iso()}) est avant le début ({start.iso()}).",
                      f"The end ({end.iso()}) is before the start ({start.iso()}).")
        if "start_time" in event and start.precision != "day":
            check.add("events", events, ["events", index, "start_time"],
                      "Une heure n'a de sens qu'avec une date complète (AAAA-MM-JJ).",
                      "A time only makes sense with a full date (YYYY-MM-DD).")
        start_time, end_time = event.get("start_time", "00:00"), event.get("end_time")
        if (end == start and _is_text(end_time) and _TIME.match(end_time) and _is_text(start_time)
                and _TIME.match(start_time) and end_time <= start_time):
            check.add("events", events, ["events", index, "end_time"],
                      f"L'heure de fin ({end_time}) n'est pas après l'heure de début ({start_time}).",
                      f"The end time ({end_time}) is not after the start time ({start_time}).")

    projects = documents.get("projects")
    for index, project in _items(projects, "projects"):
        period = project.get("period")
        if isinstance(period, dict):
            _whole_numbers(check, "projects", projects, ["projects", index, "period"], period, ("start_year", "end_year"))
        first, last = (_year(period.get("start_year")), _year(period.get("end_year"))) if isinstance(period, dict) else (None, None)
        if first and last and last < first:
            check.add("projects", projects, ["projects", index, "period", "end_year"],
                      f"L'année de fin ({last}) est avant l'année de début ({first}).",
                      f"The end year ({last}) is before the start year ({first}).")

    roadmap = documents.get("roadmap")
    for index, plan in _items(roadmap, "thematic_plans"):
        _whole_numbers(check, "roadmap", roadmap, ["thematic_plans", index], plan, ("start_year", "end_year"))
        first, last = _year(plan.get("start_year")), _year(plan.get("end_year"))
        if first and last and last < first:
            check.add("roadmap", roadmap, ["thematic_plans", index, "end_year"],
                      f"L'année de fin ({last}) est avant l'année de début ({first}).",
                      f"The end year ({last}) is before the start year ({first}).")

    plan = documents.get("action_plan")
    numbers = [(a_index, i, action.get("number")) for a_index, axis in _items(plan, "axes")
               for i, action in _items(axis, "actions")]
    for expected, (a_index, i, number) in enumerate(numbers, start=1):
        if not is_whole_number(number) or number != expected:
            check.add("action_plan", plan, ["axes", a_index, "actions", i, "number"],
                      f"Action numérotée {number}, attendu {expected} : les actions se suivent de 1 à {len(numbers)}.",
                      f"Action numbered {number}, expected {expected}: actions run from 1 to {len(numbers)}.")
            break

    if data_dir is not None:
        _check_places_on_map(documents, check, data_dir)
    return check.problems


def _whole_numbers(check: "_Checker", name: str, data, path: list, record: dict, fields: tuple) -> None:
    """The years the code compares and prints are whole numbers, whatever the schema says."""
    for field in fields:
        told = whole_number_problem(record[field]) if field in record else None
        if told:
            check.add(name, data, path + [field], *told)


def _check_feed_dates(check, documents):
    """A news item dated to the month or the year needs a `feed_date` (feeds want a day): inside its date, and never
    before the last day of an event it reports (a linked event that starts before the item's date is over)."""
    news = documents.get("news")
    events_by_id = {event.get("id"): event for _, event in _items(documents.get("events"), "events")}
    for index, item in _items(news, "news"):
        date = _date(item.get("date"))
        if date is None:
            continue  # the schema or the date check says why
        if "feed_date" not in item:
            if date.precision != "day":
                check.add("news", news, ["news", index, "date"],
                          "Cette actualité n'est datée qu'au mois ou à l'année : ajoutez `feed_date` (AAAA-MM-JJ), le jour que "
                          "donnera le flux Atom, jamais avant l'événement qu'elle rapporte, et dites pourquoi dans `note`.",
                          "This news item is dated only to the month or the year: add `feed_date` (YYYY-MM-DD), the day the "
                          "Atom feed will give, never before the event it reports, and say why in `note`.")
            continue
        day = _date(item["feed_date"])
        if day is None:
            continue
        if not date.first_day() <= day.first_day() <= date.last_day():
            check.add("news", news, ["news", index, "feed_date"],
                      f"Le jour du flux ({day.iso()}) doit tomber dans la date de l'actualité ({date.iso()}).",
                      f"The feed day ({day.iso()}) must fall within the news item's date ({date.iso()}).")
            continue
        events = item.get("events")
        for event_id in events if isinstance(events, list) else []:
            event = events_by_id.get(event_id) if _is_text(event_id) else None
            start = _date(event.get("start")) if event else None
            end = _date(event.get("end", event.get("start"))) if event else None
            if start and end and start.first_day() <= date.last_day() and day.first_day() < end.last_day():
                check.add("news", news, ["news", index, "feed_date"],
                          f"Le jour du flux ({day.iso()}) est avant la fin de l'événement rapporté « {event_id} » ({end.iso()}) : "
                          "une actualité ne peut pas être datée d'avant ce qu'elle raconte.",
                          f"The feed day ({day.iso()}) is before the end of the reported event '{event_id}' ({end.iso()}): "
                          "a news item cannot be dated before what it tells.")


def _check_places_on_map(documents: dict, check: _Checker, data_dir: Path):
    """Each member's coordinates inside the map's frame (data/geo/countries.geojson), where the map can draw it."""
    members = documents.get("members")
    placed = [(index, member["coordinates"]) for index, member in _items(members, "members")
              if isinstance(member.get("coordinates"), dict)]
    if not placed:
        return
    try:
        west, south, east, north = load_boundaries(data_dir / "geo" / "countries.geojson").frame
    except DataError:
        return  # _boundaries_problems says why
    for index, where in placed:
        lat, lon = where.get("lat"), where.get("lon")
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)):
            continue
        if not (west <= lon <= east and south <= lat <= north):
            check.add("members", members, ["members", index, "coordinates"],
                      f"Le point (lat {lat}, lon {lon}) est hors du cadre de la carte (lat {south} à {north}, lon {west} "
                      f"à {east}) : vérifiez les coordonnées (latitude et longitude inversées ?).",
                      f"The point (lat {lat}, lon {lon}) lies outside the map's frame (lat {south} to {north}, lon {west} "
                      f"to {east}): check the coordinates (latitude and longitude swapped?).")


# -- interface words -----------------------------------------------------------------------------------------------

def _enumerated_words(schema_dir: Path) -> dict[str, str]:
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
    """_enumerated_words, worked out again only when a schema or the map's boundaries change (`mkdocs serve`)."""
    words = {}
    for prefix, origins in interface_words.ENUMERATED.items():
        for origin in origins:
            if origin[0] == "list":
                values = origin[1]
            elif origin[0] == "schema":
                node = yaml.load((schema_dir / f"{origin[1]}.schema.yaml").read_text(encoding="utf-8"), Loader=SafeLoader)
                for step in origin[2]:
                    node = node[step]
                if "$ref" in node:
                    document, _, pointer = node["$ref"].partition("#")
                    node = yaml.load((schema_dir / f"{document}.schema.yaml").read_text(encoding="utf-8"), Loader=SafeLoader)
                    for step in pointer.strip("/").split("/"):
                        node = node[step]
                values = node["enum"]
            else:
                try:
                    boundaries = load_boundaries(schema_dir.parent / "geo" / "countries.geojson")
                except DataError:
                    continue  # _boundaries_problems says why
                values = [c.code for c in boundaries.countries if c.label_point and
                          c.is_member_country == (origin[1] == "member-country")]
            words.update({f"{prefix}{value}": prefix for value in values})
    return words


def _placeholders(text: str) -> tuple[set, str | None]:
    """The `{names}` of a text, or the reason it cannot be filled in (a lone brace, a format or position)."""
    names = set()
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
    declared = {**{word: () for word in _enumerated_words(schema_dir)}, **interface_words.WORDS}
    keys = [key for key in table if isinstance(key, str)]
    for word in declared:
        if word in table:
            continue
        # only a near twin: the file holds other words (calendar.upcoming is no typo of calendar.past)
        guesses = [key for key in closest(word, keys, cutoff=0.85) if key not in declared]
        near = guesses[0] if guesses else next((k for k in reversed(keys) if k.startswith(word.rsplit(".", 1)[0] + ".")), None)
        line = table.key_lines.get(near) if near and hasattr(table, "key_lines") else getattr(table, "line", None)
        guess_fr, guess_en = did_you_mean(word, guesses, cutoff=0.85)
        problems.append(Problem(
            shown_as, line or 1, word,
            f"Le mot d'interface « {word} » manque : le site l'utilise. Ajoutez-le avec sa traduction fr et en.{guess_fr}",
            f"The interface word '{word}' is missing: the site uses it. Add it with its fr and en translations.{guess_en}"))
    for key in keys:
        entry = table[key]
        if not isinstance(entry, dict) or not all(_is_text(entry.get(lang)) for lang in ("fr", "en")):
            continue  # the schema says what is wrong
        expected = set(declared[key]) if key in declared else None
        found = {}
        for lang in ("fr", "en"):
            names, wrong = _placeholders(entry[lang])
            path = [key, lang]
            if wrong is not None:
                told_fr, told_en = (
                    ("Une accolade « { » ou « } » est seule : chaque repère s'écrit entre deux accolades, comme {name}, "
                     "et une accolade ne peut pas servir de texte.",
                     "A brace '{' or '}' stands alone: each placeholder is written between two braces, like {name}, "
                     "and a brace cannot be used as text.") if wrong == "" else
                    (f"Le repère « {{{_plain(wrong)}…}} » n'est pas un simple nom : écrivez seulement {{nom}}, sans rien "
                     "d'autre entre les accolades.",
                     f"The placeholder '{{{_plain(wrong)}…}}' is not a plain name: write only {{name}}, with nothing "
                     "else between the braces."))
                problems.append(Problem(shown_as, line_of(table, path), f"{key} › {lang}", told_fr, told_en))
                continue
            found[lang] = names
            if expected is None:
                continue
            for name in sorted(names - expected):
                guess_fr, guess_en = did_you_mean(name, expected, form="{{{}}}")
                allowed = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "aucun / none"
                problems.append(Problem(
                    shown_as, line_of(table, path), f"{key} › {lang}",
                    f"Le repère {{{name}}} n'est pas rempli par le site.{guess_fr} "
                    f"Repères possibles pour ce mot : {allowed}.",
                    f"The placeholder {{{name}}} is not filled in by the site.{guess_en} "
                    f"Placeholders for this word: {allowed}."))
            for name in sorted(expected - names) if not names - expected else ():  # a misspelt one is told above
                problems.append(Problem(
                    shown_as, line_of(table, path), f"{key} › {lang}",
                    f"Le repère {{{name}}} manque : le site y met une valeur, écrivez-le dans le texte.",
                    f"The placeholder {{{name}}} is missing: the site fills it in, write it in the text."))
        if expected is None and len(found) == 2 and found["fr"] != found["en"]:
            problems.append(Problem(
                shown_as, line_of(table, [key]), key,
                f"Le français et l'anglais n'ont pas les mêmes repères ({sorted(found['fr'])} / {sorted(found['en'])}) : "
                "écrivez les mêmes {noms} dans les deux langues.",
                f"French and English do not have the same placeholders ({sorted(found['fr'])} / {sorted(found['en'])}): "
                "write the same {names} in both languages."))
    problems += _unused_words(table, keys, declared, shown_as)
    return problems


def _unused_words(table, keys: list[str], declared: dict, shown_as: str) -> list[Problem]:
    """A word of the file that the site does not ask for (rvase/interface_words.py, kept equal to the code's use by
    `python -m rvase.word_use --check`): translators would keep it for nothing. A misspelt word is told once, as the
    missing word it is a near twin of."""
    missing = [word for word in declared if word not in table]
    return [Problem(
        shown_as, line_of(table, [key]), key,
        f"Le mot d'interface « {key} » n'est utilisé par aucune page : supprimez-le (ou utilisez-le dans le code).",
        f"The interface word '{key}' is used by no page: remove it (or use it in the code).")
        for key in keys if key not in declared and not closest(key, missing, cutoff=0.85)]


def read_interface(path: Path, schema_dir: Path, shown_as: str = "i18n/interface.yaml") -> tuple[dict | None, list[Problem]]:
    """Read and check the interface words: (the table, every problem)."""
    table, problems = read_document(path, shown_as, schema_validator(schema_dir, "interface"))
    if table is not None:
        problems += check_interface(table, shown_as, schema_dir)
    return table, sorted(dict.fromkeys(problems), key=lambda p: p.line or 0)
