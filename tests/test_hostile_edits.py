"""Hostile edits of data/ and i18n/ (tests/hostile/*.yaml, issue 13): each is either refused before any page is
written, or builds a site where nothing of it is live.

- A `rejected` case, applied alone to a fresh copy of the project, stops `python -m rvase.check` and the build
  (`make build`'s tools/build_site.py, which runs `mkdocs build --strict`) with a message naming the file, a line,
  the field, in French and English; the existing output folder is left exactly as it was.
- All `inert` cases, applied together to one copy, build once. Every page and feed is then parsed: no event-handler
  attribute, no `javascript:`/`data:`/`vbscript:` address, no element the data did not ask for (page by page, the
  multiset of tag names is that of a clean build of the same copy: a hostile text adds no element), every feed
  parses as XML, every JSON-LD block as JSON. Every page is then loaded in Chromium with an `alert` trap and a
  Content-Security-Policy violation listener, and the site's search is run for the payloads: both record nothing.
"""
import base64
import collections
import concurrent.futures
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, build_environment, free_port

CORPUS = sorted((ROOT / "tests" / "hostile").glob("*.yaml"))
CLASSES = range(1, 9)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "cite",
                  "srcset", "ping"}
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.I)
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20]+")


def load_corpus() -> list[dict]:
    cases, names = [], set()
    for file in CORPUS:
        for case in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            assert case["name"] not in names, f"{file.name}: the case name {case['name']!r} is used twice"
            assert case["expect"] in ("inert", "rejected"), f"{file.name}: {case['name']}: expect inert or rejected"
            assert case["class"] in CLASSES, f"{file.name}: {case['name']}: class 1 to 8"
            assert case["edits"], f"{file.name}: {case['name']}: no edit"
            names.add(case["name"])
            cases.append({**case, "corpus": file.name})
    return cases


CASES = load_corpus()
REJECTED = [case for case in CASES if case["expect"] == "rejected"]
INERT = [case for case in CASES if case["expect"] == "inert"]


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", "site", ".site-*", ".git", "__pycache__", ".pytest_cache", "node_modules", "bench"))
    return target


def apply_edits(project: Path, case: dict, key: str = "edits"):
    """Apply a case's `edits` (or its `baseline`: edits that set up what the case then attacks, such as a licence the
    data does not hold yet, applied to the clean build too, so that it adds no element the comparison would count)."""
    for edit in case.get(key, []):
        path = project / edit["file"]
        where = f"{case['corpus']}: {case['name']}: {edit['file']}"
        if "find" in edit:
            text = path.read_text(encoding="utf-8")
            count = text.count(edit["find"])
            assert count == 1, f"{where}: the text to find occurs {count} times (it must occur once): {edit['find']!r}"
            path.write_text(text.replace(edit["find"], edit["replace"]), encoding="utf-8")
        elif "append" in edit:
            with path.open("a", encoding="utf-8") as file:
                file.write(edit["append"])
        elif "write_bytes_b64" in edit:
            path.write_bytes(base64.b64decode(edit["write_bytes_b64"]))
        elif "symlink_to" in edit:
            path.unlink(missing_ok=True)
            path.symlink_to(edit["symlink_to"])
        else:
            raise AssertionError(f"{where}: unknown edit form {sorted(edit)}")


def run(project: Path, *command: str, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = build_environment()
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run([sys.executable, *command], cwd=project, env=env, capture_output=True, text=True)


def build_site(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    return run(project, "tools/build_site.py", "--site-dir", str(site_dir), "--builder",
               f"{sys.executable} -m mkdocs", site_url=site_url)


def listing(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


# --- rejected: one by one ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", REJECTED, ids=[case["name"] for case in REJECTED])
def test_a_rejected_edit_stops_check_and_build_naming_file_line_and_field_in_both_languages(case, tmp_path):
    project = copy_project(tmp_path / "project")
    apply_edits(project, case)
    named_file = case.get("file", case["edits"][-1]["file"])
    previous = tmp_path / "site"
    previous.mkdir()
    (previous / "index.html").write_text("<!doctype html><title>the site as it was</title>", encoding="utf-8")
    before = listing(previous)

    for what, result in (("python -m rvase.check", run(project, "-m", "rvase.check")),
                         ("the build", build_site(project, previous))):
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"{what} accepted the edit:\n{output[-3000:]}"
        assert re.search(re.escape(named_file) + r":\d+", output), f"{what}: no {named_file}:<line>:\n{output[-3000:]}"
        assert case["field"] in output, f"{what}: the field {case['field']!r} is not named:\n{output[-3000:]}"
        assert "FR :" in output and "EN :" in output, f"{what}: not in both languages:\n{output[-3000:]}"
        assert "Traceback" not in output, f"{what}: a traceback instead of a message:\n{output[-3000:]}"
    assert listing(previous) == before, "the failed build changed the existing output folder"
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".site-")], "the build left a folder behind"


# --- inert: all together, one build -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_builds(tmp_path_factory):
    """A clean build and the build with every inert case applied, of two copies of the project, at one address
    (a free port, where the browser test serves the hostile build)."""
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/rvase/"
    folder = tmp_path_factory.mktemp("hostile")
    clean = copy_project(folder / "clean")
    hostile = copy_project(folder / "hostile")
    for case in INERT:
        apply_edits(clean, case, "baseline")
        apply_edits(hostile, case, "baseline")
        apply_edits(hostile, case)
    sites = {}
    for name, project in (("clean", clean), ("hostile", hostile)):
        result = build_site(project, folder / f"{name}-site", site_url=site_url)
        assert result.returncode == 0, f"the {name} build failed:\n{result.stdout}{result.stderr}"
        sites[name] = folder / f"{name}-site"
    return sites["clean"], sites["hostile"], port


def html_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@functools.cache
def parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


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
    clean, hostile, _ = hostile_builds
    assert live_markup(parsed(clean / "index.html")) == []
    found = {page: live_markup(parsed(hostile / page)) for page in html_files(hostile)}
    assert {page: items for page, items in found.items() if items} == {}


def tag_names(page: BeautifulSoup) -> collections.Counter:
    """How many elements of each name the page has, outside news bodies: a body's Markdown asks for its links, lists and
    code (the allowed markup, CONTRIBUTING.md), which the other tests hold to safe addresses and no handler."""
    return collections.Counter(tag.name for tag in page.find_all(True)
                               if not tag.find_parent(class_="rvase-news-body"))


def test_the_inert_edits_add_no_element_to_any_page(hostile_builds):
    """Page by page, the tag names of the hostile build are those of the clean build: no element more."""
    clean, hostile, _ = hostile_builds
    assert html_files(hostile) == html_files(clean)
    added = {}
    for page in html_files(hostile):
        extra = tag_names(parsed(hostile / page)) - tag_names(parsed(clean / page))
        if extra:
            added[page] = dict(extra)
    assert added == {}


def test_every_feed_of_the_hostile_build_parses_as_xml_and_every_json_ld_block_as_json(hostile_builds):
    _, hostile, _ = hostile_builds
    feeds = sorted(hostile.rglob("*.xml"))
    assert any(feed.name == "feed.xml" for feed in feeds)
    for feed in feeds:
        ElementTree.parse(feed)  # raises on anything that is not well-formed XML
    blocks = [(page, script.string) for page in html_files(hostile)
              for script in parsed(hostile / page).find_all("script", type="application/ld+json")]
    assert blocks, "the calendar pages carry JSON-LD"
    for page, text in blocks:
        json.loads(text)
        assert "</" not in text and "<!--" not in text, f"{page}: JSON-LD that can close or comment its script"


def test_every_page_of_the_hostile_build_has_its_content_security_policy(hostile_builds):
    _, hostile, _ = hostile_builds
    missing = [page for page in html_files(hostile)
               if not parsed(hostile / page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})]
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
    from browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    _, hostile, port = hostile_builds
    handler = functools.partial(QuietHandler, directory=str(hostile))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}/rvase/"
    pages = [page.removesuffix("index.html") for page in html_files(hostile) if page.endswith("index.html")
             and not page.startswith("search/")] + ["404.html"]
    reports = []

    def visit():
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

    try:
        # In a thread of its own: in the whole suite the browser tests' Playwright is still running in this thread,
        # and a second synchronous Playwright refuses to start beside it.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(visit).result()
    finally:
        server.shutdown()
        server.server_close()
    assert len(pages) > 70
    assert reports == []


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        return super().translate_path("/" + path.removeprefix("/rvase/"))

    def log_message(self, *args):
        pass
