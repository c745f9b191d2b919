"""A writer links a news item to a page of the site as the Contribute page shows, and `make check` says, with file, line
and field, which link would land on no page (a news body is shown on the item's own page, `news/<id>/`)."""

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from rvase.catalog import load_catalog
from rvase.problems import DataError
from support.project import ROOT, SITE_URL

EXAMPLE = re.compile(r"\[[^\]]+\]\(([^)\s]+)\)")  # a Markdown link in an inline code span of the guide


def project_copy(tmp_path: Path) -> Path:
    for folder in ("data", "i18n"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def with_body(project: Path, text: str) -> tuple[str, int]:
    """The first news item's French body set to `text`; its id and the line of the body's French text."""
    path = project / "data" / "news.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["news"][0]["body"]["fr"] = text
    written = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(written, encoding="utf-8")
    line = next(number for number, content in enumerate(written.splitlines(), 1) if text in content)
    return document["news"][0]["id"], line


def check(project: Path) -> list:
    try:
        load_catalog(project / "data", project / "i18n" / "interface.yaml")
    except DataError as error:
        return error.problems
    return []


def guide_examples(site) -> dict[str, list[str]]:
    """The relative link examples each guide gives (the built Contribute pages, CONTRIBUTING.md), `<id>` as written."""
    texts = {
        lang: " ".join(code.get_text() for code in site.page(prefix).select("code"))
        for lang, prefix in (("fr", "contribute/"), ("en", "en/contribute/"))
    }
    texts["CONTRIBUTING.md"] = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return {
        name: [address for address in EXAMPLE.findall(text) if address.startswith(("../", "#"))]
        for name, text in texts.items()
    }


def test_the_guides_link_examples_pass_the_check_and_land_on_pages_of_the_built_site(site, tmp_path):
    examples = guide_examples(site)
    assert all(len(found) >= 2 for found in examples.values()), examples
    project_id = yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"][0]["id"]
    pasted = sorted({address.replace("<id>", project_id) for found in examples.values() for address in found})
    project = project_copy(tmp_path)
    news_id, _ = with_body(project, " ".join(f"[link {n}]({address})" for n, address in enumerate(pasted)))
    assert check(project) == []
    for lang, root in (("fr", ""), ("en", "en/")):
        page = f"{SITE_URL}{root}news/{news_id}/"
        for address in pasted:
            landing = urljoin(page, address).split("#")[0].removeprefix(SITE_URL)
            assert (site.path / landing / "index.html").is_file(), (lang, address, landing)


@pytest.mark.parametrize(
    "address",
    ["../calendar/", "../../calendrier/", "../../projects/no-such-project/", "../../../../index.html", "nowhere/"],
)
def test_a_news_link_that_lands_on_no_page_stops_the_check_naming_file_line_and_field(tmp_path, address):
    project = project_copy(tmp_path)
    news_id, line = with_body(project, f"See [the page]({address}).")
    problems = check(project)
    assert len(problems) == 1, [p.describe() for p in problems]
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == ("data/news.yaml", line, f"news › {news_id} › body › fr")
    assert address in problem.fr and address in problem.en
    assert "../../calendar/" in problem.fr and "../../calendar/" in problem.en
