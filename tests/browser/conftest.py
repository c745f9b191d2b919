"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

A missing browser or tool is a failure, never a skip: `.ci/run` installs Debian's `chromium` and a Java
runtime, and `make test` installs axe-core and the Nu HTML Checker from package-lock.json (`npm ci`).
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from support.browser_tools import AXE_SCRIPT, CHROMIUM, CHROMIUM_ARGS
from support.project import LANGUAGES, SITE_PORT, SITE_URL
from support.serving import serving

from .survey import PageReport, survey_site


@pytest.fixture(scope="session")
def served(site) -> str:
    """The built site served over HTTP at its own site_url (SITE_URL: 127.0.0.1, a free port, /rvase/)."""
    with serving(site.path, SITE_PORT) as address:
        assert address == SITE_URL
        yield address


@pytest.fixture(scope="session")
def site_pages(site, served) -> list[tuple[str, str]]:
    """Every page of both languages, found in the built site (so pages added later are checked too): (lang, address)."""
    return [(lang, served + site.address(lang, page)) for lang in LANGUAGES for page in site.pages(lang)]


# Missing addresses, answered by the one bilingual 404.html: French first, the site's default language, but under
# the English folder, where its script puts English first (docs/javascripts/not-found.js).
NOT_FOUND_ADDRESSES = ["no-such-page/", "en/no-such-page/", "en/members/no-such-member/"]


@pytest.fixture(scope="session")
def not_found_pages(served) -> list[tuple[str, str]]:
    return [("en" if address.startswith("en/") else "fr", served + address) for address in NOT_FOUND_ADDRESSES]


@pytest.fixture(scope="session")
def survey(browser, served, site_pages, not_found_pages, axe_source) -> list[PageReport]:
    """Every page (and the 404 page) visited once on a light screen, a dark screen and a phone: see survey.py."""
    return survey_site(browser, urlsplit(served).netloc, site_pages + not_found_pages, axe_source)


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE_SCRIPT.exists(), f"axe-core not found at {AXE_SCRIPT}: run `make test` (it runs `npm ci`)"
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), (
        f"Chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium)"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What a page did that it should not: requests to other hosts, console errors, failed requests."""

    def __init__(self):
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []


@pytest.fixture
def context(browser, served):
    """A fresh browser context; any request to a host other than the test server is aborted and recorded."""
    host = urlsplit(served).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = PageWatch()

    def guard(route):
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == host:
            route.continue_()
        else:
            watch.foreign_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    context.watch = watch
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page in a fresh context; `page.watch` lists foreign requests, console errors and HTTP errors."""
    page = context.new_page()
    page.watch = context.watch
    page.on("console", lambda message: message.type == "error" and page.watch.console_errors.append(message.text))
    page.on(
        "response",
        lambda response: response.status >= 400 and page.watch.failed.append(f"{response.status} {response.url}"),
    )
    yield page
    page.close()
