"""Check every data file against its schema, then the links between records.

All problems of a run are collected, each with file, line and field, so a maintainer
fixes them in one go. Nothing here renders anything.
"""
import json
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .dates import PartialDate
from .problems import DataError, Problem
from .source import SafeLoader, line_of, read_yaml

# One file per kind of thing, read in this order.
DATA_FILES = (
    "sources", "network", "members", "themes", "partners",
    "projects", "events", "news", "action_plan", "roadmap",
)


# (schema text, common.schema.yaml text) → its validator: made once, not at every build of `mkdocs serve`.
_validators: dict[tuple[str, str], Draft202012Validator] = {}


def schema_validator(schema_dir: Path, name: str) -> Draft202012Validator:
    """The validator of `<schema_dir>/<name>.schema.yaml`, which may refer to common.schema.yaml."""
    texts = tuple((schema_dir / f"{file}.schema.yaml").read_text(encoding="utf-8") for file in (name, "common"))
    if texts not in _validators:
        schema, common = (yaml.load(text, Loader=SafeLoader) for text in texts)
        registry = Registry().with_resource("common", Resource.from_contents(common, default_specification=DRAFT202012))
        schema = inline_references(schema, {"": schema, "common": common})
        _validators[texts] = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
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
            words.append(str(record_id) if isinstance(record_id, str) else f"#{step + 1}")
        else:
            words.append(str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return " › ".join(words)


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
        allowed = ", ".join(sorted(schema.get("properties", {})))
        extra = ", ".join(sorted(set(error.instance) - set(schema.get("properties", {}))))
        return (f"Champ inconnu « {extra} » (faute de frappe ?). Champs possibles : {allowed}.",
                f"Unknown field '{extra}' (a typo?). Allowed fields: {allowed}.")
    if kind == "type":
        fr, en = _TYPE_WORDS.get(schema["type"], (schema["type"], schema["type"]))
        return (f"Trouvé {found}, attendu {fr}.", f"Found {found}, expected {en}.")
    if kind == "enum":
        allowed = ", ".join(str(v) for v in schema["enum"])
        return (f"Valeur {found} non reconnue. Valeurs possibles : {allowed}.",
                f"Value {found} is not recognised. Allowed values: {allowed}.")
    if kind == "minLength" or (kind == "pattern" and schema["pattern"] == r"\S"):
        return ("Le texte est vide : écrivez-le.", "The text is empty: write it.")
    if kind == "pattern":
        fr, en = _pattern_hint(schema["pattern"])
        return (f"Trouvé {found}, qui n'a pas la forme attendue ({fr}).",
                f"Found {found}, which does not have the expected form ({en}).")
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


def _pattern_hint(pattern: str) -> tuple[str, str]:
    hints = {
        "^[a-z0-9]+(-[a-z0-9]+)*$": ("identifiant en minuscules, chiffres et tirets, ex. phnom-penh",
                                     "an id of lowercase letters, digits and hyphens, e.g. phnom-penh"),
        "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": ("date AAAA-MM-JJ, AAAA-MM ou AAAA, entre guillemets",
                                                "a date YYYY-MM-DD, YYYY-MM or YYYY, in quotes"),
        "^([01][0-9]|2[0-3]):[0-5][0-9]$": ("heure HH:MM entre guillemets, ex. \"08:00\"", "a time HH:MM in quotes, e.g. \"08:00\""),
        r"^https://[^\s/$.?#][^\s]*$": ("adresse web commençant par https://", "a web address starting with https://"),
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
    return sorted(set(problems), key=lambda p: (p.line or 0, p.field))


def load_data_files(data_dir: Path, shown_prefix: str = "data") -> tuple[dict, list[Problem]]:
    """Read and schema-check every data file: the documents that passed, and the problems of the others."""
    documents, problems = {}, []
    for name in DATA_FILES:
        shown_as = f"{shown_prefix}/{name}.yaml"
        path = data_dir / f"{name}.yaml"
        if not path.exists():
            problems.append(Problem(shown_as, None, "", "Le fichier manque.", "The file is missing."))
            continue
        try:
            data = read_yaml(path, shown_as)
        except DataError as error:
            problems.extend(error.problems)
            continue
        found = check_schema(data, schema_validator(data_dir / "schema", name), shown_as)
        problems.extend(found)
        if not found:
            documents[name] = data
    return documents, problems


def validate(data_dir: Path, prefix: str = "data") -> dict:
    """Every check, every problem at once: schema, dates within each file, then links between files."""
    documents, problems = load_data_files(data_dir, prefix)
    problems += check_records(documents, prefix)
    if not problems:
        problems += check_links(documents, prefix)
    if problems:
        raise DataError(problems)
    return documents


class _Checker:
    """Collects the problems that need more than one field to see."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.problems: list[Problem] = []

    def add(self, name, data, path, fr, en):
        self.problems.append(Problem(f"{self.prefix}/{name}.yaml", line_of(data, path), field_path(data, path), fr, en))


def check_links(documents: dict, prefix: str = "data") -> list[Problem]:
    """Unique ids and references to existing records."""
    check = _Checker(prefix)
    ids = {}
    for name, key in (("sources", "sources"), ("members", "members"), ("themes", "themes"), ("partners", "partners"),
                      ("projects", "projects"), ("events", "events"), ("news", "news")):
        data, seen = documents[name], {}
        for index, record in enumerate(data[key]):
            if record["id"] in seen:
                check.add(name, data, [key, index, "id"],
                          f"L'identifiant « {record['id']} » est déjà utilisé (ligne {seen[record['id']]}). Chaque identifiant doit être unique.",
                          f"The id '{record['id']}' is already used (line {seen[record['id']]}). Each id must be unique.")
            seen.setdefault(record["id"], line_of(data, [key, index]))
        ids[name] = set(seen)

    def refs(name, key, field, target):
        data = documents[name]
        for index, record in enumerate(data[key]):
            values = record.get(field) or []
            for position, value in enumerate([values] if isinstance(values, str) else values):
                if value not in ids[target]:
                    path = [key, index, field] + ([] if isinstance(values, str) else [position])
                    known = ", ".join(sorted(ids[target]))
                    where = "data/partners.yaml (ou « network »)" if target == "organizers" else f"data/{target}.yaml"
                    where_en = "data/partners.yaml (or 'network')" if target == "organizers" else f"data/{target}.yaml"
                    check.add(name, data, path,
                              f"« {value} » ne correspond à aucun enregistrement de {where}. Identifiants connus : {known}.",
                              f"'{value}' matches no record in {where_en}. Known ids: {known}.")

    for name, field, target in (("members", "sources", "sources"), ("themes", "linked_themes", "themes"),
                                ("projects", "themes", "themes"), ("projects", "members", "members"),
                                ("projects", "partners", "partners"), ("projects", "related_projects", "projects"),
                                ("projects", "sources", "sources"), ("events", "members", "members"),
                                ("events", "themes", "themes"), ("events", "projects", "projects"),
                                ("events", "sources", "sources"), ("news", "members", "members"),
                                ("news", "themes", "themes"), ("news", "events", "events"),
                                ("news", "projects", "projects"), ("news", "sources", "sources")):
        refs(name, name, field, target)
    ids["organizers"] = ids["partners"] | {"network"}  # an event's organizer: `network` (the RVASE) or a partner
    refs("events", "events", "organizer", "organizers")
    refs("roadmap", "thematic_plans", "theme", "themes")
    refs("roadmap", "partnership_targets", "partner", "partners")
    return check.problems


def check_records(documents: dict, prefix: str = "data") -> list[Problem]:
    """What one record's schema cannot say: possible dates, an end after its start, action numbers."""
    check = _Checker(prefix)
    for name, key, field in (("sources", "sources", "date"), ("news", "news", "date"), ("events", "events", "start"), ("events", "events", "end")):
        data = documents.get(name, {key: []})
        for index, record in enumerate(data[key]):
            if field in record:
                _check_date(check, name, data, [key, index, field], record[field])

    events = documents.get("events", {"events": []})
    for index, event in enumerate(events["events"]):
        try:
            start = PartialDate.parse(event["start"])
            end = PartialDate.parse(event.get("end", event["start"]))
        except ValueError:
            continue
        if end.last_day() < start.first_day():
            check.add("events", events, ["events", index, "end"],
                      f"La fin ({end.iso()}) est avant le début ({start.iso()}).",
                      f"The end ({end.iso()}) is before the start ({start.iso()}).")
        if "start_time" in event and start.precision != "day":
            check.add("events", events, ["events", index, "start_time"],
                      "Une heure n'a de sens qu'avec une date complète (AAAA-MM-JJ).",
                      "A time only makes sense with a full date (YYYY-MM-DD).")
        if "end_time" in event and end == start and event["end_time"] <= event.get("start_time", "00:00"):
            check.add("events", events, ["events", index, "end_time"],
                      f"L'heure de fin ({event['end_time']}) n'est pas après l'heure de début ({event['start_time']}).",
                      f"The end time ({event['end_time']}) is not after the start time ({event['start_time']}).")

    projects = documents.get("projects", {"projects": []})
    for index, project in enumerate(projects["projects"]):
        period = project.get("period", {})
        if period.get("end_year", 9999) < period.get("start_year", 0):
            check.add("projects", projects, ["projects", index, "period", "end_year"],
                      f"L'année de fin ({period['end_year']}) est avant l'année de début ({period['start_year']}).",
                      f"The end year ({period['end_year']}) is before the start year ({period['start_year']}).")

    plan = documents.get("action_plan", {"axes": []})
    numbers = [(a_index, i, action["number"]) for a_index, axis in enumerate(plan["axes"])
               for i, action in enumerate(axis["actions"])]
    for expected, (a_index, i, number) in enumerate(numbers, start=1):
        if number != expected:
            check.add("action_plan", plan, ["axes", a_index, "actions", i, "number"],
                      f"Action numérotée {number}, attendu {expected} : les actions se suivent de 1 à {len(numbers)}.",
                      f"Action numbered {number}, expected {expected}: actions run from 1 to {len(numbers)}.")
            break
    return check.problems


def _check_date(check, name, data, path, text):
    try:
        PartialDate.parse(text)
    except ValueError:
        check.add(name, data, path,
                  f"La date « {text} » n'existe pas dans le calendrier.",
                  f"The date '{text}' does not exist in the calendar.")
