"""On a 360×640 phone no page scrolls sideways, data tables become one card per row and other wide tables scroll
inside their own container, every tap target is at least 24×24 px or spaced as WCAG 2.5.8 allows (axe-core's
target-size rule, measured in Chromium), and nothing is cut off by its container, on the phone or at 1280 px."""

PHONE_WIDTH = 360


def test_no_page_scrolls_sideways_on_a_360_px_phone(survey):
    assert {r.phone["viewport_width"] for r in survey} == {PHONE_WIDTH}
    assert [(r.url, r.phone["page_width"]) for r in survey if r.phone["page_width"] > PHONE_WIDTH] == []


def test_on_a_phone_the_data_tables_show_one_card_per_row_each_cell_labelled(survey):
    """Action plan, roadmap, partners: no sideways scrolling; each row a card, each cell with its column's name
    (data-label shown by the stylesheet). That they still read as tables: tests/browser/test_identity.py."""
    tables = [(r.url, table) for r in survey for table in r.phone["data_tables"]]
    assert {url.split("/")[-2] for url, _ in tables} >= {"action-plan", "roadmap", "partners"}
    assert [
        (url, t) for url, t in tables if not (t["fits"] and t["rows_as_cards"] and t["unlabelled_cells"] == 0)
    ] == []


def test_any_other_table_wider_than_a_phone_scrolls_inside_its_own_container_that_the_keyboard_can_reach(survey):
    wide = [(r.url, table) for r in survey for table in r.phone["wide_tables"]]
    assert [
        (url, table)
        for url, table in wide
        if not (table["container_scrolls"] and table["container_right"] <= PHONE_WIDTH and table["container_focusable"])
    ] == []


def test_every_tap_target_is_big_enough_or_spaced_enough(survey):
    assert all(r.phone["targets_measured"] > 10 for r in survey), "axe measured no tap target: the check would be empty"
    assert [f"{r.url}\n    {line}" for r in survey for line in r.axe["phone"]] == []


def test_nothing_is_cut_off_by_its_container_on_a_phone_or_a_1280_px_screen(survey):
    """An element whose overflow is hidden while its content is wider: what lies beyond its edge cannot be reached."""
    assert {view for r in survey for view in r.clipped} == {"light", "phone"}
    assert [
        f"{r.url} ({view})\n    {line}" for r in survey for view, lines in r.clipped.items() for line in lines
    ] == []
