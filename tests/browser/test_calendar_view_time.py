"""Upcoming or past is decided in the reader's browser: a site built on 2025-06-01 is right in December 2026."""

import datetime

import pytest

PREFIX = {"fr": "", "en": "en/"}


def at(context, moment: datetime.datetime, address: str):
    """A page opened with the reader's clock fixed at `moment`, recording the errors its scripts throw."""
    page = context.new_page()
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    page.clock.set_fixed_time(moment)
    page.goto(address)
    return page


def section_of(page, event_id: str) -> str:
    return page.eval_on_selector(f"#{event_id}", "e => e.closest('[data-section]').getAttribute('data-section')")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_event_moves_from_upcoming_to_past_as_the_reader_s_clock_passes_it(context, served, lang):
    address = served + PREFIX[lang] + "calendar/"
    before = at(context, datetime.datetime(2026, 11, 16, 10, 0), address)  # last day of the summit: still upcoming
    assert section_of(before, "francophonie-summit-xx-2026") == "upcoming"
    after = at(context, datetime.datetime(2026, 12, 1, 10, 0), address)
    assert section_of(after, "francophonie-summit-xx-2026") == "past"
    assert section_of(after, "monthly-focal-points-meeting") == "decided"  # a decision: neither upcoming nor past
    # in its month group, newest first among past events, and the emptied upcoming group is gone
    past_months = after.eval_on_selector_all('[data-section="past"] .rvase-month', "gs => gs.map(g => g.dataset.month)")
    assert past_months[0] == "2026-11"
    assert after.locator('[data-section="upcoming"] .rvase-month[data-month="2026-11"]').count() == 0
    assert before.script_errors == after.script_errors == [] and context.watch.foreign_requests == []


def test_before_the_build_day_a_past_event_comes_back_to_upcoming(context, served):
    page = at(context, datetime.datetime(2023, 5, 10, 9, 0), served + "en/calendar/")
    assert section_of(page, "annual-meeting-2023") == "upcoming"
    # decided for 2023 but never reported as taking place: not upcoming in 2023 either, when its year is not over
    assert section_of(page, "monthly-focal-points-meeting") == "decided"
    upcoming = page.eval_on_selector_all('[data-section="upcoming"] .rvase-event', "es => es.map(e => e.id)")
    assert upcoming.index("annual-meeting-2023") < upcoming.index("francophonie-summit-xx-2026")  # earliest first


def test_the_home_page_shows_only_events_not_over_for_the_reader(context, served):
    shown_items = ".rvase-next-events > li"
    late = at(context, datetime.datetime(2026, 12, 1, 10, 0), served)
    shown = late.eval_on_selector_all(shown_items, "ls => ls.filter(l => !l.hidden).map(l => l.textContent)")
    # nothing is upcoming then (the monthly meeting was only decided, never upcoming): the page says so
    assert shown == [] and late.locator('[data-none-for="next"]').is_visible()
    early = at(context, datetime.datetime(2025, 6, 2, 10, 0), served)
    shown = early.eval_on_selector_all(shown_items, "ls => ls.filter(l => !l.hidden).map(l => l.textContent)")
    assert len(shown) == 2 and any("Sommet de la Francophonie" in text for text in shown)
    assert not early.locator('[data-none-for="next"]').is_visible()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_calendar_filters_by_country_and_hides_empty_months_after_events_moved(context, served, lang):
    page = at(context, datetime.datetime(2026, 12, 1, 10, 0), served + PREFIX[lang] + "calendar/")
    summit_month = page.locator('[data-section="past"] .rvase-month[data-month="2026-11"]')  # made by calendar.js
    assert summit_month.is_visible()
    page.select_option("select[name=country]", "LA")
    visible = page.eval_on_selector_all(
        ".rvase-event", "es => es.filter(e => e.offsetParent !== null).map(e => e.dataset.country)"
    )
    assert visible and all("LA" in countries.split() for countries in visible)
    assert summit_month.is_hidden()
    assert "country=LA" in page.url
    assert page.script_errors == [] and context.watch.foreign_requests == []
