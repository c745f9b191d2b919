"""A page per project and per member, in both languages, generated from data/ — adding a record adds its pages."""
from urllib.parse import urljoin

import pytest
import yaml

from conftest import LANGUAGES, ROOT, build

DATA = ROOT / "data"


def records(kind: str) -> list:
    return yaml.safe_load((DATA / f"{kind}.yaml").read_text(encoding="utf-8"))[kind]


PROJECTS, MEMBERS = records("projects"), records("members")
MEMBER_COUNTRY = {m["id"]: m["country"] for m in MEMBERS}


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def targets(article, address: str) -> list[str]:
    """Where the article's links lead, as site-relative paths (`projects/calu/`)."""
    return [urljoin("http://site/" + address, a["href"]).removeprefix("http://site/") for a in article.select("a[href]")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind, record", [("projects", p) for p in PROJECTS] + [("members", m) for m in MEMBERS],
                         ids=lambda value: value["id"] if isinstance(value, dict) else value)
def test_every_project_and_member_has_its_own_page_titled_in_each_language(site, lang, kind, record):
    page = site.page(f"{prefix(lang)}{kind}/{record['id']}/")
    assert page.html["lang"] == lang
    assert page.select_one("article h1").get_text(strip=True) == record["name"][lang]
    assert page.title.get_text().startswith(record["name"][lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_project_page_gives_status_as_of_when_themes_members_and_sources(site, lang):
    project = next(p for p in PROJECTS if p["id"] == "fsm-siem-reap")
    address = f"{prefix(lang)}projects/fsm-siem-reap/"
    article = site.page(address).select_one("article")
    text = article.get_text(" ", strip=True)
    assert project["summary"][lang] in text
    assert {"fr": "En cours (au 18 mai 2023, réunion annuelle)", "en": "Ongoing (as of 18 May 2023, annual meeting)"}[lang] in text
    assert f"{prefix(lang)}members/siem-reap/" in targets(article, address)
    assert f"{prefix(lang)}projects/siem-reap-sludge-grant-2019/" in targets(article, address)
    assert {"fr": "Sources et notes", "en": "Sources and notes"}[lang] == article.select_one("details.rvase-sources-notes summary").get_text(strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_member_page_lists_its_projects_events_and_news(site, lang):
    address = f"{prefix(lang)}members/siem-reap/"
    article = site.page(address).select_one("article")
    links = targets(article, address)
    for project in PROJECTS:
        linked = f"{prefix(lang)}projects/{project['id']}/" in links
        assert linked == ("siem-reap" in project["members"]), project["id"]
    headings = [h.get_text(strip=True) for h in article.select("h2")]
    assert {"fr": "Événements", "en": "Events"}[lang] in headings
    assert {"fr": "Actualités", "en": "News"}[lang] in headings
    assert {"fr": "Cambodge", "en": "Cambodia"}[lang] in article.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalog_lists_every_project_without_javascript(site, lang):
    page = site.page(f"{prefix(lang)}projects/")
    cards = page.select("article.rvase-project-card")
    assert sorted(card["id"] for card in cards) == sorted(p["id"] for p in PROJECTS)
    assert page.select_one("form.rvase-catalog-filters").has_attr("hidden")  # the filters need JavaScript
    for card in cards:
        project = next(p for p in PROJECTS if p["id"] == card["id"])
        assert card["data-themes"].split() == project["themes"]
        assert set(card["data-country"].split()) == {MEMBER_COUNTRY[m] for m in project["members"]}
        assert targets(card.h2, f"{prefix(lang)}projects/")[0] == f"{prefix(lang)}projects/{project['id']}/"


def test_adding_a_project_to_the_data_adds_its_pages_in_both_languages(project_copy, tmp_path):
    projects = project_copy / "data" / "projects.yaml"
    projects.write_text(projects.read_text(encoding="utf-8") + """
  - id: test-new-project
    name: {fr: "Projet ajouté pour l'essai", en: "Project added for the test"}
    themes: [urban-sanitation]
    members: [hue]
    status: under-discussion
    as_of: {date: "2023-05-18", source: slides-2023-fr}
    partners: []
    summary: {fr: "Résumé.", en: "Summary."}
    sources: [slides-2023-fr]
""", encoding="utf-8")
    out = tmp_path / "out"
    result = build(project_copy, out)
    assert result.returncode == 0, result.stderr
    assert "Projet ajouté pour l'essai" in (out / "projects" / "test-new-project" / "index.html").read_text(encoding="utf-8")
    assert "Project added for the test" in (out / "en" / "projects" / "test-new-project" / "index.html").read_text(encoding="utf-8")
    assert "projects/test-new-project/" in (out / "en" / "members" / "hue" / "index.html").read_text(encoding="utf-8")


def test_a_removed_record_loses_its_generated_page_and_unchanged_pages_are_not_rewritten(tmp_path):
    from rvase.record_pages import sync_record_pages

    docs = tmp_path / "docs"
    first = {"projects/a.md": "{## Generated from data/ x ##}\nA\n", "projects/b.md": "{## Generated from data/ x ##}\nB\n"}
    assert sorted(sync_record_pages(docs, first)) == ["projects/a.md", "projects/b.md"]
    (docs / "projects" / "hand-written.md").write_text("# Kept\n", encoding="utf-8")
    assert sync_record_pages(docs, first) == []  # nothing changed, nothing written (no serve reload loop)
    assert sync_record_pages(docs, {"projects/a.md": first["projects/a.md"]}) == ["projects/b.md"]
    assert sorted(p.name for p in (docs / "projects").iterdir()) == ["a.md", "hand-written.md"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_project_page_shows_its_located_members_on_the_map(site, lang):
    project = next(p for p in PROJECTS if p["id"] == "emr2-emergency-preparedness")
    located = [m for m in project["members"] if next(x for x in MEMBERS if x["id"] == m)["coordinates"]]
    address = f"{prefix(lang)}projects/{project['id']}/"
    svg = site.page(address).select_one("article figure.rvase-map-figure svg")
    assert svg is not None
    assert sorted(targets(svg, address)) == sorted(f"{prefix(lang)}members/{m}/" for m in located)
    assert located and len(located) < len(project["members"])  # ASAC has no single place: named beside the map
