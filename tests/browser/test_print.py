"""Printed on A4 from Debian's Chromium, the identity document, the action plan, a project page and the
members' map are documents: their content whole, table rows never cut, no navigation, link targets written out."""

import io
import re
import unicodedata

import pytest
import yaml
from pypdf import PdfReader

from support.project import LANGUAGES, ROOT

PLAN = yaml.safe_load((ROOT / "data" / "action_plan.yaml").read_text(encoding="utf-8"))
PROJECT = yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"][0]
MEMBERS = yaml.safe_load((ROOT / "data" / "members.yaml").read_text(encoding="utf-8"))["members"]
WORDS = yaml.safe_load((ROOT / "i18n" / "interface.yaml").read_text(encoding="utf-8"))
A4_POINTS = (595.3, 841.9)  # 210 × 297 mm

# page → the range of A4 pages it should print on
PRINTED = {"network/": (1, 6), "action-plan/": (2, 8), f"projects/{PROJECT['id']}/": (1, 3), "members/": (2, 12)}


def squash(text: str) -> str:
    """Text without any white space, ligatures unfolded: PDF line breaks fall anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def says(text: str, words: str) -> bool:
    """`words` stand in `text` as whole words (`Partners` is not in `Partnership`), line breaks ignored."""
    spaced = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    return re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", spaced) is not None


def print_to_pdf(page, served: str, lang: str, address: str) -> list[str]:
    """The text of each A4 page of `address` printed by Chromium."""
    page.goto(served + ("en/" if lang == "en" else "") + address)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    for sheet in reader.pages:
        width, height = (float(v) for v in sheet.mediabox.upper_right)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (width, height)
    return [unicodedata.normalize("NFKC", sheet.extract_text()) for sheet in reader.pages]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("address", PRINTED)
def test_a_printed_page_is_its_content_alone_on_a_few_a4_pages(site, page, served, lang, address):
    sheets = print_to_pdf(page, served, lang, address)
    fewest, most = PRINTED[address]
    assert fewest <= len(sheets) <= most
    printed = squash(" ".join(sheets))
    article = site.page(("en/" if lang == "en" else "") + address).select_one("article")
    content = article.get_text(" ", strip=True)
    assert squash(article.h1.get_text()) in printed
    # the navigation's labels (its tabs, as built) are not printed, unless the page's own content says them
    tabs = [
        tab.get_text(" ", strip=True)
        for tab in site.page(("en/" if lang == "en" else "") + address).select(".md-tabs__link")
    ]
    assert len(tabs) >= 9, tabs
    absent = [label for label in tabs if not says(content, label)]
    absent.append({"fr": "English", "en": "Français"}[lang])  # the language switch
    assert len(absent) >= 3
    for label in absent:
        assert not says(" ".join(sheets), label), label
    assert "edit/main" not in printed  # the edit button
    assert squash(WORDS["footer.cofunded"][lang]) in printed  # the EU co-funding mention stays on paper, readable
    red, green, blue = (
        int(v)
        for v in re.findall(
            r"\d+", page.locator(".md-copyright__highlight").evaluate("element => getComputedStyle(element).color")
        )[:3]
    )
    assert 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128
    assert page.watch.foreign_requests == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_printed_action_plan_keeps_every_row_whole_on_one_page(page, served, lang):
    sheets = [squash(s) for s in print_to_pdf(page, served, lang, "action-plan/")]
    printed = "".join(sheets)
    for axis in PLAN["axes"]:
        assert squash(WORDS["plan.axis"][lang].format(number=axis["number"], title=axis["title"][lang])) in printed
        for action in axis["actions"]:
            cells = [squash(action[k][lang]) for k in ("activities", "achieved", "planned", "suggestions") if action[k]]
            assert any(all(cell in sheet for cell in cells) for sheet in sheets), f"action {action['number']} is cut"
    assert sum(len(axis["actions"]) for axis in PLAN["axes"]) == 15
    first_sheet = next(sheet for sheet in sheets if squash(PLAN["axes"][0]["actions"][0]["activities"][lang]) in sheet)
    for header in (
        "plan.number",
        "plan.activities",
        "plan.achieved",
        "plan.planned",
        "plan.suggestions",
    ):  # no column cut off
        assert squash(WORDS[header][lang]) in first_sheet, header


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_printed_project_page_gives_its_summary(page, served, lang):
    printed = squash(" ".join(print_to_pdf(page, served, lang, f"projects/{PROJECT['id']}/")))
    assert squash(PROJECT["name"][lang]) in printed
    assert squash(PROJECT["summary"][lang]) in printed


def test_the_map_prints_with_every_located_member_on_the_first_page(page, served):
    first = squash(print_to_pdf(page, served, "en", "members/")[0])
    for member in MEMBERS:
        if member["coordinates"]:
            assert squash(member["name"]["en"]) in first, member["id"]


def test_on_paper_links_to_other_sites_show_their_address_and_links_inside_the_site_do_not(page, served):
    page.goto(served + "en/network/")
    page.evaluate("""() => {
        const paragraph = document.querySelector('article p');
        paragraph.insertAdjacentHTML('beforeend',
            ' <a href="https://www.example.org/aimf-report">report</a> <a href="../members/">members</a> <a href="#values">values</a>');
    }""")
    page.emulate_media(media="print")
    printed = squash(" ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages))
    assert "report(https://www.example.org/aimf-report)" in printed
    assert "../members/" not in printed and "(#values)" not in printed
