"""The browser fixtures work: a page loads from the local server in Debian's Chromium, nothing else is fetched."""


def test_home_page_loads_in_chromium_from_the_local_server_only(page, served):
    page.goto(served)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.watch.foreign_requests == []
