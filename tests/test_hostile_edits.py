"""Hostile edits of data/ and i18n/ (tests/hostile/*.yaml, issue 13): each is either refused before any page is
written, or builds a site where nothing of it is live.

- A `rejected` case, applied alone to a fresh copy of the project, stops `python -m rvase.check` with a message naming
  the file, a line, the field, in French and English. The build (`make build`'s tools/build_site.py, which runs
  `mkdocs build --strict`) runs that check first: applied together, the cases of different files stop it with the
  check's report, each case told, and the existing output folder is left exactly as it was.
- All `inert` cases, applied together to one copy, build once. Every page and feed is then parsed: no event-handler
  attribute, no `javascript:`/`data:`/`vbscript:` address, no element the data did not ask for (page by page, the
  multiset of tag names is that of a clean build of the same copy: a hostile text adds no element), every feed
  parses as XML, every JSON-LD block as JSON. Every page is then loaded in Chromium with an `alert` trap and a
  Content-Security-Policy violation listener, and the site's search is run for the payloads: both record nothing.
"""

import collections
import concurrent.futures
import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from support.browser_tools import CHROMIUM, CHROMIUM_ARGS
from support.edits import edit_at, find_place
from support.hostile_corpus import INERT, REJECTED, apply_case
from support.project import LANGUAGES, ROOT, build_site, check, copy_project, listing
from support.serving import serving

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",
    "background",
    "cite",
    "srcset",
    "ping",
}
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.I)
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20]+")


def told(output: str, case: dict) -> list[str]:
    """What a report lacks of a rejected case's message: its file and a line, its field, both languages, no traceback."""
    named_file = case.get("file", case["edits"][-1]["file"])
    lacks = []
    if not re.search(re.escape(named_file) + r":\d+", output):
        lacks.append(f"{case['name']}: no {named_file}:<line>")
    if case["field"] not in output:
        lacks.append(f"{case['name']}: the field {case['field']!r} is not named")
    if "FR :" not in output or "EN :" not in output:
        lacks.append(f"{case['name']}: not in both languages")
    if "Traceback" in output:
        lacks.append(f"{case['name']}: a traceback instead of a message")
    return lacks


# --- rejected: each alone to the check, together by file to the build ----------------------------------------------


@pytest.mark.parametrize("case", REJECTED, ids=[case["name"] for case in REJECTED])
def test_a_rejected_edit_stops_the_check_naming_file_line_and_field_in_both_languages(case, project_copy):
    apply_case(project_copy, case)
    result = check(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"the check accepted the edit:\n{output[-3000:]}"
    assert told(output, case) == [], output[-3000:]


def breaks_its_file(text: str) -> bool:
    """Whether a YAML text no longer reads, or reads through anchors: the check then stops at the file, telling no other."""
    try:
        return (
            any(isinstance(token, (yaml.AnchorToken, yaml.AliasToken)) for token in yaml.scan(text))
            or yaml.safe_load(text) is None
            or len(text.encode()) > 1_000_000
        )
    except yaml.YAMLError:
        return True


def records_touched(case: dict) -> set[tuple] | None:
    """The records (file, list, position; or file, key) a case's edits fall in, read in the files as they are; None
    for a case that breaks a file or a schema (which concerns every file), or edits anything but a value (`at`) or a
    text found once in a data or words file that still reads as YAML after it."""
    touched = set()
    for edit in case["edits"]:
        if not (
            (edit.keys() >= {"find", "replace"} or "at" in edit)
            and edit["file"].endswith(".yaml")
            and not edit["file"].startswith("data/schema/")
        ):
            return None
        text = (ROOT / edit["file"]).read_text(encoding="utf-8")
        if "at" in edit:
            edited, where = edit_at(text, edit)[0], find_place(text, edit["at"]).value.start_mark.index
        elif text.count(edit["find"]) == 1:
            edited = text.replace(edit["find"], edit["replace"])
            find = edit["find"]
            where = text.index(find) + len(find) - len(find.lstrip(" -\n"))  # `  - id: x`: in the record of x
        else:
            return None
        if breaks_its_file(edited):
            return None
        for key, value in yaml.compose(text, Loader=yaml.SafeLoader).value:
            if key.start_mark.index <= where < value.end_mark.index:
                items = value.value if isinstance(value, yaml.SequenceNode) else []
                touched.add(
                    (
                        edit["file"],
                        key.value,
                        next(
                            (n for n, item in enumerate(items) if item.start_mark.index <= where < item.end_mark.index),
                            None,
                        ),
                    )
                )
    return touched


def build_groups(cases: list[dict]) -> list[list[dict]]:
    """Rejected cases in groups that one copy can hold side by side, each case still told: cases that edit texts of
    different records; any other case is built alone."""
    groups: list[tuple[set | None, list]] = []  # (the records the group's cases touch, or None for a case alone; cases)
    for case in cases:
        touched = records_touched(case)
        group = next((g for g in groups if touched is not None and g[0] is not None and not g[0] & touched), None)
        if group is None:
            groups.append((touched, [case]))
        else:
            group[0].update(touched)
            group[1].append(case)
    return [group for _, group in groups]


BUILD_GROUPS = build_groups(REJECTED)


@pytest.mark.parametrize("cases", BUILD_GROUPS, ids=[f"group-{n + 1}" for n in range(len(BUILD_GROUPS))])
def test_rejected_edits_stop_the_build_with_the_check_s_report_and_leave_the_output_folder_as_it_was(cases, tmp_path):
    """`make build` runs the check first: it stops with the check's report, word for word, telling every case of the
    group; the existing output folder is left exactly as it was and no temporary folder stays behind."""
    project = copy_project(tmp_path / "project")
    for case in cases:
        apply_case(project, case)
    previous = tmp_path / "site"
    previous.mkdir()
    (previous / "index.html").write_text("<!doctype html><title>the site as it was</title>", encoding="utf-8")
    before = listing(previous)
    checked, built = check(project), build_site(project, previous)
    output = built.stdout + built.stderr
    assert built.returncode != 0, f"the build accepted the edits:\n{output[-3000:]}"
    assert checked.stderr in output, f"the build's report is not the check's:\n{output[-3000:]}"
    assert [lack for case in cases for lack in told(output, case)] == [], output[-3000:]
    assert listing(previous) == before, "the failed build changed the existing output folder"
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".site-")], "the build left a folder behind"


# --- inert: all together, one build (conftest.py's hostile_builds) ----------------------------------------------


def live_markup(soup: BeautifulSoup) -> list[str]:
    """Event-handler attributes and addresses with a dangerous scheme, on any element of the page."""
    found = []
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if attribute.lower().startswith("on"):
                found.append(f"<{element.name} {attribute}={value!r}>")
            elif attribute.lower() in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(CONTROL_AND_SPACE.sub("", value)):
                found.append(f"<{element.name} {attribute}={value[:80]!r}>")
        if element.name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"<meta http-equiv=refresh content={element.get('content')!r}>")
    return found


def test_the_corpus_has_inert_and_rejected_cases_of_both_languages():
    assert INERT and REJECTED
    assert any(":" in edit.get("find", "") for case in INERT for edit in case["edits"])


def test_the_inert_edits_build_to_pages_without_live_markup(hostile_builds):
    clean, hostile = hostile_builds.clean, hostile_builds.hostile
    assert live_markup(clean.page("index.html")) == []
    found = {page: live_markup(hostile.page(page)) for page in hostile.html_files()}
    assert {page: items for page, items in found.items() if items} == {}


def tag_names(page: BeautifulSoup) -> collections.Counter:
    """How many elements of each name the page has, outside news bodies: a body's Markdown asks for its links, lists and
    code (the allowed markup, CONTRIBUTING.md), which the other tests hold to safe addresses and no handler."""
    return collections.Counter(tag.name for tag in page.find_all(True) if not tag.find_parent(class_="rvase-news-body"))


def test_the_inert_edits_add_no_element_to_any_page(hostile_builds):
    """Page by page, the tag names of the hostile build are those of the clean build: no element more."""
    clean, hostile = hostile_builds.clean, hostile_builds.hostile
    assert hostile.html_files() == clean.html_files()
    added = {}
    for page in hostile.html_files():
        extra = tag_names(hostile.page(page)) - tag_names(clean.page(page))
        if extra:
            added[page] = dict(extra)
    assert added == {}


def test_every_feed_of_the_hostile_build_parses_as_xml_and_every_json_ld_block_as_json(hostile_builds):
    hostile = hostile_builds.hostile
    feeds = sorted(hostile.path.rglob("*.xml"))
    assert any(feed.name == "feed.xml" for feed in feeds)
    for feed in feeds:
        ElementTree.parse(feed)  # raises on anything that is not well-formed XML
    blocks = [
        (page, script.string)
        for page in hostile.html_files()
        for script in hostile.page(page).find_all("script", type="application/ld+json")
    ]
    assert blocks, "the calendar pages carry JSON-LD"
    for page, text in blocks:
        json.loads(text)
        assert "</" not in text and "<!--" not in text, f"{page}: JSON-LD that can close or comment its script"


def test_every_page_of_the_hostile_build_has_its_content_security_policy(hostile_builds):
    hostile = hostile_builds.hostile
    missing = [
        page
        for page in hostile.html_files()
        if not hostile.page(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    ]
    assert missing == []


CSP_AND_ALERT_TRAP = """
document.addEventListener('securitypolicyviolation', e => window.rvaseReport(
  `CSP ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`));
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => window.rvaseReport(`${name}(${args.join(', ')})`);
}
"""


def test_no_page_of_the_hostile_build_runs_anything_in_chromium(hostile_builds):
    """Every page of both languages, the 404 page and a search for the payloads: the `alert` trap and the policy
    violation listener (both set before any script of the page) record nothing, nor does the dialog handler."""
    from playwright.sync_api import sync_playwright

    pages = [
        page.removesuffix("index.html")
        for page in hostile_builds.hostile.html_files()
        if page.endswith("index.html") and not page.startswith("search/")
    ] + ["404.html"]
    reports = []

    def visit(base: str):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.expose_binding("rvaseReport", lambda source, text: reports.append(f"{source['page'].url}: {text}"))
            context.add_init_script(CSP_AND_ALERT_TRAP)
            tab = context.new_page()
            tab.on("dialog", lambda dialog: (reports.append(f"{tab.url}: dialog {dialog.message}"), dialog.dismiss()))
            tab.on("pageerror", lambda error: reports.append(f"{tab.url}: {error}"))
            for page in pages:
                tab.goto(base + page, wait_until="load")
                tab.keyboard.press("Tab")  # autofocus/onfocus payloads would fire on focus
                tab.hover("body")
            for lang in LANGUAGES:
                tab.goto(base + ("en/" if lang == "en" else ""), wait_until="load")
                tab.locator("input[data-md-component='search-query']").fill("alert")
                tab.wait_for_selector(".md-search-result__meta:not(:empty)")
            tab.goto(base + "index.html", wait_until="load")  # flushes the last page's reports
            browser.close()

    # In a thread of its own: in the whole suite the browser tests' Playwright is still running in this thread,
    # and a second synchronous Playwright refuses to start beside it.
    with (
        serving(hostile_builds.hostile.path, hostile_builds.port) as base,
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool,
    ):
        pool.submit(visit, base).result()
    assert len(pages) > 70
    assert reports == []
