"""Check every data file against its schema, then the links between records: the checks of rvase/checks/, in order.

All problems of a run are collected, each with file, line and field, so a maintainer
fixes them in one go. Nothing here renders anything.
"""

from pathlib import Path

from .checks.action_numbers import action_numbers
from .checks.addresses import misleading_addresses
from .checks.dates import event_times, feed_dates, periods, possible_dates
from .checks.event_hours import unsaid_hours
from .checks.fields import Problems, field_path
from .checks.files import symbolic_links
from .checks.ids import id_problem
from .checks.interface import check_interface
from .checks.map_places import places_on_the_map
from .checks.markdown_cost import too_many_brackets
from .checks.news_links import broken_news_links
from .checks.references import unknown_references
from .checks.schema_errors import check_schema
from .checks.texts import check_texts
from .checks.unique_ids import ID_LISTS, records_with_ids, unique_ids
from .geo import load_boundaries
from .problems import DataError, Problem
from .schemas import SCHEMA_DIR, schema_validator
from .source import read_located

# One file per kind of thing, read in this order.
DATA_FILES = (
    "sources",
    "network",
    "members",
    "themes",
    "partners",
    "projects",
    "events",
    "news",
    "action_plan",
    "roadmap",
)


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
        data, found = read_document(
            data_dir / f"{name}.yaml", f"{shown_prefix}/{name}.yaml", schema_validator(data_dir / "schema", name)
        )
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
    links = symbolic_links(
        {
            prefix: data_dir,
            f"{prefix}/schema": data_dir / "schema",
            f"{prefix}/geo": data_dir / "geo",
            "i18n": interface_file.parent,
        }
    )
    if links:
        raise DataError(links)  # nothing is read through a link
    documents, problems = load_data_files(data_dir, prefix)
    interface, interface_problems = read_interface(interface_file, data_dir / "schema")
    problems += _boundaries_problems(data_dir, prefix)
    problems += beyond_the_schemas(documents, prefix, problems)
    problems += check_records(documents, prefix, data_dir)
    problems += check_links(documents, prefix, interface, data_dir / "schema")
    problems = sorted(dict.fromkeys(problems), key=_file_order) + interface_problems
    if problems:
        raise DataError(problems)
    return documents, interface or {}


def _boundaries_problems(data_dir: Path, prefix: str) -> list[Problem]:
    try:
        load_boundaries(data_dir / "geo" / "countries.geojson", f"{prefix}/geo/countries.geojson")
    except DataError as error:
        return error.problems
    return []


def beyond_the_schemas(documents: dict, prefix: str, schema_problems: list[Problem]) -> list[Problem]:
    """What the build needs whatever the schemas say (rvase/checks/): ids that are names, web addresses that show the
    site they open, news bodies whose Markdown parses in proportion. Told only where the schema said nothing of the field."""
    problems = Problems(prefix)
    for name, steps in ID_LISTS:
        for index, record in records_with_ids(documents, name, steps):
            told = id_problem(record.get("id"))
            if told:
                problems.add(name, documents[name], list(steps) + [index, "id"], told)
    for name, data in documents.items():
        problems.found += misleading_addresses(data, f"{prefix}/{name}.yaml", field_path)
    problems.found += too_many_brackets(documents.get("news"), f"{prefix}/news.yaml", field_path)
    problems.found += broken_news_links(documents, f"{prefix}/news.yaml", field_path)
    problems.found += unsaid_hours(documents.get("events"), f"{prefix}/events.yaml", field_path)
    spoken = {(problem.file, problem.field) for problem in schema_problems}
    return [problem for problem in problems.found if (problem.file, problem.field) not in spoken]


def check_links(
    documents: dict, prefix: str = "data", interface: dict | None = None, schema_dir: Path = SCHEMA_DIR
) -> list[Problem]:
    """Unique ids clear of the pages' own anchors, and references to records that exist (with the closest ids).

    With the interface words, the anchor each page's title gets from its words (`Projets` → `projets`) is kept too.
    """
    problems, ids = unique_ids(documents, prefix, interface if isinstance(interface, dict) else None)
    return problems + unknown_references(documents, prefix, ids, schema_dir, DATA_FILES)


def check_records(documents: dict, prefix: str = "data", data_dir: Path | None = None) -> list[Problem]:
    """What one record's schema cannot say: possible dates, an end after its start, action numbers, places on the map."""
    problems = Problems(prefix)
    possible_dates(documents, problems)
    feed_dates(documents, problems)
    event_times(documents, problems)
    periods(documents, problems)
    action_numbers(documents, problems)
    if data_dir is not None:
        places_on_the_map(documents, problems, data_dir)
    return problems.found


def read_interface(
    path: Path, schema_dir: Path, shown_as: str = "i18n/interface.yaml"
) -> tuple[dict | None, list[Problem]]:
    """Read and check the interface words: (the table, every problem)."""
    table, problems = read_document(path, shown_as, schema_validator(schema_dir, "interface"))
    if table is not None:
        problems += check_interface(table, shown_as, schema_dir)
    return table if isinstance(table, dict) else None, sorted(dict.fromkeys(problems), key=lambda p: p.line or 0)
