"""The GitHub issue forms (.github/ISSUE_TEMPLATE/) by kind of record: the options of each drop-down are the values the
record's schema allows, each labelled with its interface word in English and French (i18n/interface.yaml)."""

from pathlib import Path
from typing import NamedTuple

import yaml

from ..schema_values import allowed_values
from .regions import Region, yaml_region

FORMS_FOLDER = Path(".github") / "ISSUE_TEMPLATE"


class Dropdown(NamedTuple):
    """A drop-down of a form: the record's field it asks for (a path from the record) and the prefix of the interface
    words that name its values (`event.kind.` + `meeting`)."""

    field: tuple[str, ...]
    words: str


class IssueForm(NamedTuple):
    """A form that proposes a record of data/<kind>.yaml."""

    file: str
    kind: str
    dropdowns: tuple[Dropdown, ...]


ISSUE_FORMS = (
    IssueForm("new-event.yml", "events", (Dropdown(("kind",), "event.kind."),)),
    IssueForm("new-project.yml", "projects", (Dropdown(("status",), "project.status."),)),
    IssueForm(
        "new-member.yml",
        "members",
        (
            Dropdown(("country",), "country."),
            Dropdown(("kind",), "member.kind."),
            Dropdown(("focal_point",), "member.focal_point."),
        ),
    ),
    IssueForm("new-partner.yml", "partners", (Dropdown(("kind",), "partner.kind."),)),
    IssueForm("new-news.yml", "news", (Dropdown(("source_language",), "news.language."),)),
    IssueForm("new-source.yml", "sources", (Dropdown(("language",), "news.language."),)),
)


def option(word: dict) -> str:
    """A value as the form shows it: English first, as the forms' labels are ("Meeting / Réunion")."""
    return word["en"] if word["en"] == word["fr"] else f"{word['en']} / {word['fr']}"


def dropdown_region(form: IssueForm, dropdown: Dropdown, schema_dir: Path, words: dict) -> Region:
    values = allowed_values(form.kind, schema_dir)[dropdown.field]
    options = [option(words[dropdown.words + value]) for value in values]
    body = yaml.safe_dump(
        {"options": options}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )
    source = f"data/schema/{form.kind}.schema.yaml ({' › '.join(dropdown.field)}) and i18n/interface.yaml ({dropdown.words}…)"
    return yaml_region(source, body)


def issue_form_regions(schema_dir: Path, words: dict) -> dict[Path, list[Region]]:
    """Each issue form's file (from the project's folder) → its generated regions."""
    return {
        FORMS_FOLDER / form.file: [dropdown_region(form, d, schema_dir, words) for d in form.dropdowns]
        for form in ISSUE_FORMS
    }
