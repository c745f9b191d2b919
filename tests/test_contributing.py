"""A maintainer who follows CONTRIBUTING.md alone gets a valid record: every template builds as it is."""
import re

import pytest

from conftest import ROOT, build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
TARGET = {"event": "data/events.yaml", "project": "data/projects.yaml", "member": "data/members.yaml", "news": "data/news.yaml"}


def template(name: str) -> str:
    section = re.search(rf"<!-- --8<-- \[start:{name}\] -->\n```yaml\n(.*?)```\n<!-- --8<-- \[end:{name}\] -->", GUIDE, re.S)
    assert section, f"the {name} template is missing from CONTRIBUTING.md"
    return section.group(1)


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


@pytest.mark.parametrize("lang, address", [("fr", "contribute/"), ("en", "en/contribute/")])
def test_the_contribute_page_shows_the_same_templates_in_each_language(site, lang, address):
    blocks = [pre.get_text() for pre in site.page(address).select("article pre")]
    for name in TARGET:
        assert template(name) in blocks, name
