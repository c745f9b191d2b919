"""On a 360×640 phone no page scrolls sideways, wide tables scroll inside their own container, and every tap
target is at least 24×24 px or spaced as WCAG 2.5.8 allows (axe-core's target-size rule, measured in Chromium)."""

PHONE_WIDTH = 360


def test_no_page_scrolls_sideways_on_a_360_px_phone(survey):
    assert {r.phone["viewport_width"] for r in survey} == {PHONE_WIDTH}
    assert [(r.url, r.phone["page_width"]) for r in survey if r.phone["page_width"] > PHONE_WIDTH] == []


def test_wide_tables_scroll_inside_their_own_container_that_the_keyboard_can_reach(survey):
    wide = [(r.url, table) for r in survey for table in r.phone["wide_tables"]]
    assert wide, "some tables (action plan, roadmap, partners) are wider than a phone: the check would be empty"
    assert [(url, table) for url, table in wide if not (
        table["container_scrolls"] and table["container_right"] <= PHONE_WIDTH and table["container_focusable"])] == []


def test_every_tap_target_is_big_enough_or_spaced_enough(survey):
    assert all(r.phone["targets_measured"] > 10 for r in survey), "axe measured no tap target: the check would be empty"
    assert [f"{r.url}\n    {line}" for r in survey for line in r.axe["phone"]] == []
