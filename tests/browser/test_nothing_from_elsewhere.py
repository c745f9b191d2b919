"""Every page loads from 127.0.0.1 alone, without a console error or a failed request, in every view."""

import pytest


def test_no_page_asks_another_host_for_anything(survey):
    assert [(r.url, url) for r in survey for url in r.foreign_requests] == []


def test_no_page_logs_a_console_error(survey, not_found_pages):
    """A missing address answers 404 by design (the bilingual 404 page): Chromium logs that status of the page
    itself, and only that is expected; any other error, on any page, fails."""
    missing = {url for _, url in not_found_pages}

    def expected(report, error: str) -> bool:
        return (
            report.url in missing
            and error
            == f"Failed to load resource: the server responded with a status of 404 (Not Found) ({report.url})"
        )

    assert [(r.url, error) for r in survey for error in r.console_errors if not expected(r, error)] == []
    assert all(r.console_errors for r in survey if r.url in missing), (
        "the 404 status of a missing address should be seen"
    )


def test_no_page_requests_an_address_that_does_not_exist(survey):
    """Material's language script looks for a sitemap beside every alternate address (hooks/sitemaps.py)."""
    assert [(r.url, failure) for r in survey for failure in r.failed] == []


LOADERS = {
    "image": "url => new Promise(done => { const i = new Image(); i.onload = () => done('loaded'); i.onerror = () => done('blocked'); i.src = url; })",
    "fetch": "url => fetch(url).then(() => 'loaded', () => 'blocked')",
}


@pytest.mark.parametrize("loader", LOADERS)
def test_the_watch_does_catch_a_request_to_another_host(page, served, loader):
    """The guard the survey relies on: a request elsewhere is aborted and recorded, never let through. On a page of
    the site the Content-Security-Policy stops it before it is made; on a document of the site without a policy (the
    sitemap), the guard catches it."""
    page.goto(served)
    assert page.evaluate(LOADERS[loader], "https://example.org/pixel.png") == "blocked"
    assert page.watch.foreign_requests == []
    page.goto(served + "sitemap.xml")
    assert page.evaluate(LOADERS[loader], "https://example.org/pixel.png") == "blocked"
    assert page.watch.foreign_requests == ["https://example.org/pixel.png"]


def test_no_page_violates_its_content_security_policy_in_any_view(survey, site):
    """Every page carries its policy (hooks/content_security_policy.py), and Chromium reports no violation of it —
    no inline script without its hash, no inline style, nothing from elsewhere — while loading, tabbing, switching
    palette and language."""
    assert all(page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) for _, _, page in site.every_page())
    assert [(r.url, violation) for r in survey for violation in r.csp_violations] == []
