"""A keyboard user on a phone or a tablet always sees where focus is: Tab never walks into the closed navigation drawer
(its links sit off-screen), and every stop is on the screen. On the blue header the focus ring is drawn in the
header's own text colour."""

import pytest

STOPS = 80  # more than a page's header, drawer and first screen hold

WHERE_FOCUS_IS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // Material's palette option is a 0×0 radio whose label shows the focus (`.md-option:focus-visible + label`)
  const shown = e.matches('.md-option') && e.nextElementSibling ? e.nextElementSibling : e;
  const r = shown.getBoundingClientRect();
  return {
    html: e.outerHTML.slice(0, 120),
    in_drawer: Boolean(e.closest('.md-sidebar--primary')),
    in_search_panel: Boolean(e.closest('.md-search__output')),
    on_screen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
  };
}"""


@pytest.mark.parametrize("width", [360, 768])
@pytest.mark.parametrize("address", ["members/", "en/projects/"])
def test_tab_never_walks_into_the_closed_drawer_and_every_stop_is_on_screen(page, served, address, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(served + address)
    stops = []
    for _ in range(STOPS):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(WHERE_FOCUS_IS))
    stops = [stop for stop in stops if stop]  # none: focus left the page for the browser's own controls
    assert len(stops) > STOPS // 2  # the walk really went through the page
    assert not [stop["html"] for stop in stops if stop["in_drawer"]]
    # Material's search results panel, closed, still takes one Tab stop of no size: left to Material (noted)
    assert not [stop["html"] for stop in stops if not stop["on_screen"] and not stop["in_search_panel"]]


def test_the_drawer_opened_on_a_phone_shows_its_links(page, served):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(served + "members/")
    page.click('header label[for="__drawer"]')
    link = page.locator(".md-sidebar--primary .md-nav__link").first
    link.wait_for(state="visible")
    # on screen once the drawer has slid in (a quarter of a second)
    page.wait_for_function("e => e.getBoundingClientRect().left >= 0", arg=link.element_handle(), timeout=5000)
    link.focus()
    assert link.evaluate("e => document.activeElement === e")


def test_the_focus_ring_on_the_header_is_drawn_in_the_header_s_text_colour(page, served):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(served + "members/")
    language = page.locator("header .rvase-language__link")
    language.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so that :focus-visible applies
    ring = language.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
    )
    text = page.locator("header").evaluate("e => getComputedStyle(e).color")
    assert ring[0] == "solid" and float(ring[1].removesuffix("px")) >= 2 and ring[2] == text
