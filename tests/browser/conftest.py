"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

A missing browser is a failure, never a skip: `.ci/run` installs Debian's `chromium`.
"""
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SITE_PATH, SITE_PORT, SITE_URL
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("RVASE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps"]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under SITE_PATH, as the public server does; anything else is 404."""

    def translate_path(self, path):
        if not path.startswith(SITE_PATH):
            return "/nonexistent/outside-the-site"
        return super().translate_path("/" + path[len(SITE_PATH):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(site) -> str:
    """The built site served over HTTP at its own site_url (SITE_URL: 127.0.0.1, a free port, /rvase/)."""
    handler = functools.partial(SiteHandler, directory=str(site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", SITE_PORT), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SITE_URL
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium)"
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
    page.on("response", lambda response: response.status >= 400 and page.watch.failed.append(f"{response.status} {response.url}"))
    yield page
    page.close()
