"""Nothing holds up the first paint of a page on a slow phone: every script is deferred, the site's own scripts are
loaded only by the pages whose parts use them, and Material's palette component (which made the browser work out the
style of the whole page twice at load) is not mounted: the palette is driven by
overrides/partials/javascripts/palette.html (its behaviour: tests/browser/test_working_parts.py).
Timings are the benchmark's (bench/REPORT.md, Lighthouse); this holds the markup that gives them."""


def test_every_script_a_page_loads_is_deferred(site):
    blocking = {}
    for _, address, html in site.every_page():
        scripts = html.select("script[src]")
        assert any("assets/javascripts/bundle." in s["src"] for s in scripts), address  # Material's script is there
        blocking.update(
            {f"{address}: {s['src']}": True for s in scripts if not s.has_attr("defer") and not s.has_attr("async")}
        )
    assert blocking == {}


def test_the_palette_toggles_are_ours_not_materials_component(site):
    for _, address, html in site.every_page():
        assert html.select("[data-md-component=palette]") == [], address
        form = html.select_one("form[data-rvase-palette]")
        assert form is not None and len(form.select("input[name=__palette]")) == 2, address
        assert '__md_set("__palette"' in form.find_next_sibling("script").string, address


def test_the_site_scripts_are_loaded_by_the_pages_that_use_them_and_only_those(site):
    """calendar.js where events are sorted at view time (the calendar, the next events), filters.js where a filter form is; calendar.js
    first where both are, as it moves events before the filters count them; code-nav.js where code blocks are (their
    copy buttons' containers); language.js where the language link leads to the page's twin (every page but the 404
    page), last; not-found.js on the 404 page, which it puts in the language of the address asked for."""
    seen = {"calendar": 0, "filters": 0}
    for _, address, html in site.every_page():
        loaded = [
            s["src"].rsplit("/", 1)[-1]
            for s in html.select("script[src]")
            if "/javascripts/" in "/" + s["src"] and "assets/" not in s["src"]
        ]
        needed = [
            name
            for name, present in (
                ("calendar.js", html.select("[data-end], .rvase-next-events, .rvase-calendar")),
                ("filters.js", html.select("form[data-items]")),
                ("code-nav.js", html.select("pre > code")),
                ("language.js", html.select("a[data-rvase-twin]")),
                ("not-found.js", html.select(".rvase-not-found")),
            )
            if present
        ]
        assert loaded == needed, f"{address}: loads {loaded}, its parts use {needed}"
        for name in seen:
            seen[name] += f"{name}.js" in loaded
    assert seen["calendar"] >= 4 and seen["filters"] >= 4, (
        seen
    )  # home and calendar, catalog and calendar, two languages
