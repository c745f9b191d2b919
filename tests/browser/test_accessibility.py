"""Every page, in both languages, is usable with assistive technology: axe-core finds no WCAG 2.1 A/AA violation
(nor a best-practice one) in the light palette, contrast holds in the dark palette whether the system or the
visitor chose it, languages are declared, tables are described, and the skip link leads to the content.

The pages come from the built site (tests/browser/survey.py visits each once per view), so new pages are checked too.
"""

from support.project import LANGUAGES


def findings(survey, view: str) -> list[str]:
    return [f"{report.url}\n    {line}" for report in survey for line in report.axe[view]]


def test_the_survey_covers_every_built_page_of_both_languages_and_the_404_page(survey, site, not_found_pages):
    surveyed = {report.url for report in survey}
    assert len(surveyed) == sum(len(site.pages(lang)) for lang in LANGUAGES) + len(not_found_pages)
    assert all(
        set(report.status.values()) == {200} for report in survey if (report.lang, report.url) not in not_found_pages
    )
    assert all(
        set(report.status.values()) == {404} for report in survey if (report.lang, report.url) in not_found_pages
    )


def test_axe_finds_no_violation_on_any_page_in_the_light_palette(survey):
    assert {r.palette["light"] for r in survey} == {"default"}
    assert findings(survey, "light") == []


def test_contrast_holds_in_the_dark_palette_chosen_by_the_system(survey):
    assert {r.palette["dark"] for r in survey} == {"slate"}, "prefers-color-scheme: dark should select the dark palette"
    assert findings(survey, "dark") == []


def test_contrast_holds_in_the_dark_palette_chosen_with_the_header_toggle(survey):
    assert {r.palette["toggled"] for r in survey} == {"slate"}
    assert findings(survey, "toggled") == []


def test_every_page_declares_its_language_and_the_404_page_both(survey, not_found_pages, site):
    wrong = [(r.url, r.html_lang) for r in survey if r.html_lang != r.lang]
    assert wrong == []
    not_found = site.page("404.html")
    assert [block.get("lang") for block in not_found.select("article [lang]")] == ["fr", "en"]


def test_the_language_link_names_the_other_language_in_that_language(site):
    for lang, page, html in site.every_page():
        other = "en" if lang == "fr" else "fr"
        links = html.select("header a.rvase-language__link")
        assert [(a["hreflang"], a.get("lang"), a.get_text(strip=True)) for a in links] == [
            (other, other, {"en": "English", "fr": "Français"}[other])
        ], page


def test_every_table_has_a_caption_and_header_cells(survey):
    tables = [(r.url, t) for r in survey for t in r.tables]
    assert tables, "the survey should have met tables (action plan, roadmap, partners)"
    assert [
        (url, t) for url, t in tables if not t["caption"] or not t["header_cells"] or not t["first_row_headers"]
    ] == []


def test_the_skip_link_is_the_first_stop_and_the_next_one_is_in_the_content(survey):
    broken = []
    for report in survey:
        link = report.skip_link
        if "md-skip" not in (link["first_focus"]["cls"] or "") or not link["first_focus"]["visible"]:
            broken.append(f"{report.url}: first Tab goes to {link['first_focus']}")
        elif not link["after"]["target_in_content"]:
            broken.append(f"{report.url}: the skip link leads outside the content {link['after']}")
        elif link["after"]["content_tabbable_after_target"] and not link["after"]["next_focus_in_content_after_target"]:
            broken.append(f"{report.url}: after the skip link {link['after']}")
        elif not link["after"]["content_tabbable_after_target"] and not (
            link["after"]["next_focus_follows_target"] or link["after"]["next_focus_wrapped"]
        ):
            broken.append(f"{report.url}: after the skip link {link['after']}")
    assert (
        sum(bool(r.skip_link.get("after", {}).get("content_tabbable_after_target")) for r in survey) > len(survey) / 2
    ), "most pages have links after their title: the check that the next Tab stays in the content would be empty"
    assert broken == []
