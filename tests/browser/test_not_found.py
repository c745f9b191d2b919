"""A reader who follows a broken link is answered in the language of the address asked for: the one 404 page of the
site puts English first, as its main heading, under the English folder, and French first everywhere else."""

import pytest
import yaml

from support.project import ROOT

WORDS = yaml.safe_load((ROOT / "i18n" / "interface.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("missing", "lang", "other"),
    [("en/no-such-page/", "en", "fr"), ("no-such-page/", "fr", "en"), ("en/projects/no-such-project/", "en", "fr")],
)
def test_the_missing_page_answers_first_in_the_language_of_the_address(page, served, missing, lang, other):
    response = page.goto(served + missing)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    first, second = page.locator(".rvase-not-found > div").all()
    assert (first.get_attribute("lang"), second.get_attribute("lang")) == (lang, other)
    assert page.locator("h1").all_inner_texts() == [WORDS["notfound.title"][lang]]
    assert first.locator("h1").get_attribute("id") == "not-found"  # the skip link's target is the main heading
    assert second.locator("h2").inner_text() == WORDS["notfound.title"][other]
    assert WORDS["notfound.title"][lang] in page.title()
