"""Upcoming or past is decided in the reader's browser: a site built on 2025-06-01 is right in December 2026."""
import datetime

import pytest


def section_of(page, event_id: str) -> str:
    return page.eval_on_selector(f"#{event_id}", "e => e.closest('[data-section]').getAttribute('data-section')")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_event_moves_from_upcoming_to_past_as_the_reader_s_clock_passes_it(context, served, lang):
    address = served + ("en/" if lang == "en" else "") + "calendar/"
    before = context.new_page()
    before.clock.set_fixed_time(datetime.datetime(2026, 11, 16, 10, 0))  # last day of the summit: still upcoming
    before.goto(address)
    assert section_of(before, "francophonie-summit-xx-2026") == "upcoming"
    after = context.new_page()
    after.clock.set_fixed_time(datetime.datetime(2026, 12, 1, 10, 0))
    after.goto(address)
    assert section_of(after, "francophonie-summit-xx-2026") == "past"
    assert section_of(after, "monthly-focal-points-meeting") == "upcoming"  # a recurring meeting never ends
    # in its month group, newest first among past events, and the emptied upcoming group is gone
    past_months = after.eval_on_selector_all('[data-section="past"] .rvase-month', "gs => gs.map(g => g.dataset.month)")
    assert past_months[0] == "2026-11"
    assert after.locator('[data-section="upcoming"] .rvase-month[data-month="2026-11"]').count() == 0


def test_before_the_build_day_a_past_event_comes_back_to_upcoming(context, served):
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2023, 5, 10, 9, 0))
    page.goto(served + "en/calendar/")
    assert section_of(page, "annual-meeting-2023") == "upcoming"
    upcoming = page.eval_on_selector_all('[data-section="upcoming"] .rvase-event', "es => es.map(e => e.id)")
    assert upcoming.index("annual-meeting-2023") < upcoming.index("francophonie-summit-xx-2026")  # earliest first


def test_the_home_page_shows_only_events_not_over_for_the_reader(context, served):
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 1, 10, 0))
    page.goto(served)
    shown = page.eval_on_selector_all(".rvase-next-events > li", "ls => ls.filter(l => !l.hidden).map(l => l.textContent)")
    assert shown and not any("Sommet de la Francophonie" in text for text in shown)
    early = context.new_page()
    early.clock.set_fixed_time(datetime.datetime(2025, 6, 2, 10, 0))
    early.goto(served)
    shown = early.eval_on_selector_all(".rvase-next-events > li", "ls => ls.filter(l => !l.hidden).map(l => l.textContent)")
    assert len(shown) == 3


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_calendar_filters_by_country_and_hide_empty_months(context, served, lang):
    page = context.new_page()
    page.goto(served + ("en/" if lang == "en" else "") + "calendar/?country=LA")
    visible = page.eval_on_selector_all(".rvase-event", "es => es.filter(e => e.offsetParent !== null).map(e => e.dataset.country)")
    assert visible and all("LA" in countries.split() for countries in visible)
    assert page.locator('.rvase-month[data-month="2026-11"]').is_hidden()
