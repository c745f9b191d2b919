"""A maintainer who follows CONTRIBUTING.md alone gets a valid record: every template builds as it is."""

import json
import re

import pytest
import yaml

from support.project import ROOT, build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
TARGET = {
    "event": "data/events.yaml",
    "project": "data/projects.yaml",
    "member": "data/members.yaml",
    "news": "data/news.yaml",
    "source": "data/sources.yaml",
    "partner": "data/partners.yaml",
    "theme": "data/themes.yaml",
}
# data file → its list of records in the schema, whose fields the templates must show
SCHEMA_LIST = {
    "events": "events",
    "projects": "projects",
    "members": "members",
    "news": "news",
    "sources": "sources",
    "partners": "partners",
    "themes": "themes",
}


def template(name: str) -> str:
    section = re.search(
        rf"<!-- --8<-- \[start:{name}\] -->\n```yaml\n(.*?)```\n<!-- --8<-- \[end:{name}\] -->", GUIDE, re.S
    )
    assert section, f"the {name} template is missing from CONTRIBUTING.md"
    return section.group(1)


def test_there_is_a_template_for_every_kind_of_record_with_every_field_it_may_have():
    for name, file in TARGET.items():
        kind = file.removeprefix("data/").removesuffix(".yaml")
        schema = yaml.safe_load((ROOT / "data" / "schema" / f"{kind}.schema.yaml").read_text(encoding="utf-8"))
        fields = set(schema["properties"][SCHEMA_LIST[kind]]["items"]["properties"])
        shown = set(re.findall(r"^ {2,4}(?:- |# )?([a-z_]+):", template(name), re.M))
        assert fields <= shown, (name, fields - shown)


def test_pasting_every_template_at_the_end_of_its_file_builds_a_site_that_shows_them(project_copy, tmp_path):
    for name, file in TARGET.items():
        path = project_copy / file
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + template(name), encoding="utf-8")
    out = tmp_path / "out"
    result = build(project_copy, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Réunion annuelle 2027 du réseau" in (out / "calendar" / "index.html").read_text(encoding="utf-8")
    assert "2027 annual meeting of the network" in (out / "en" / "calendar" / "index.html").read_text(encoding="utf-8")
    assert (out / "en" / "projects" / "hue-new-project" / "index.html").exists()
    assert (out / "members" / "da-nang" / "index.html").exists()
    assert "Titre" in (out / "news" / "index.html").read_text(encoding="utf-8")
    assert "Name of the organisation" in (out / "en" / "partners" / "index.html").read_text(encoding="utf-8")
    assert "Nom de la thématique" in (out / "themes" / "index.html").read_text(encoding="utf-8")
    assert "Prénom NOM" in (out / "members" / "da-nang" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, address", [("fr", "contribute/"), ("en", "en/contribute/")])
def test_the_contribute_page_shows_the_same_templates_in_each_language(site, lang, address):
    page = site.page(address)
    blocks = [pre.get_text() for pre in page.select("article pre")]
    for name in TARGET:
        assert template(name) in blocks, name
    # Material draws a copy button on each code block when its configuration, in the page, asks for it
    assert "content.code.copy" in json.loads(page.select_one("script#__config").string)["features"]


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "docs/contribute.en.md", "docs/contribute.fr.md"])
def test_the_issue_forms_the_guide_offers_exist(guide):
    """The guide's easiest path names GitHub's issue forms as GitHub lists them: one for each kind of record."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    section = re.search(r"^## (The easiest path|Le plus simple).*?(?=^## )", text, re.M | re.S).group()
    offered = set(re.findall(r"\*\*([^*]+)\*\*", section)) - {"Issues", "New issue"}
    forms = {
        half.strip()
        for form in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")
        if form.name != "config.yml"
        for half in yaml.safe_load(form.read_text(encoding="utf-8"))["name"].split(" / ")
    }
    assert len(offered) == 7 and offered <= forms, offered - forms
