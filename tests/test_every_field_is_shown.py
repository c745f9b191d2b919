"""Every field a data file accepts reaches the reader: an event's `url`, a partner's or a member's `website`, a
source's `url`, date and language are links or text where a reader can use them, in both languages.

The real data holds no address yet: a copy of the project gets some (one with a quote and an ampersand, which must
stay inside its attribute), and the site built from it is checked."""

import pytest
import yaml

from support.project import build, copy_project
from support.site import Site

PREFIX = {"fr": "", "en": "en/"}
EVENT_URL = "https://example.org/events/kigali?year=2025&lang=fr"
PARTNER_WEBSITE = 'https://european-union.example.org/"onmouseover=alert(1)'
MEMBER_WEBSITE = "https://phnompenh.example.gov.kh/"
SOURCE_URL = "https://example.org/slides-2023-fr.pdf"
EDITS = [
    ("data/events.yaml", "  - id: cmf-46-kigali-2025\n", f'  - id: cmf-46-kigali-2025\n    url: "{EVENT_URL}"\n'),
    ("data/partners.yaml", "  - id: european-union\n", f"  - id: european-union\n    website: '{PARTNER_WEBSITE}'\n"),
    ("data/members.yaml", "  - id: phnom-penh\n", f'  - id: phnom-penh\n    website: "{MEMBER_WEBSITE}"\n'),
    ("data/sources.yaml", "  - id: slides-2023-fr\n", f'  - id: slides-2023-fr\n    url: "{SOURCE_URL}"\n'),
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("every-field") / "project")
    for file, find, replace in EDITS:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert text.count(find) == 1, (file, find)
        path.write_text(text.replace(find, replace), encoding="utf-8")
    out = project.parent / "site"
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, Site(out, result.stdout + result.stderr)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_event_s_address_is_a_link_on_the_calendar(broken, lang):
    article = broken[1].page(PREFIX[lang] + "calendar/").find("article", id="cmf-46-kigali-2025")
    links = article.select(".rvase-event-website a")
    assert [(a["href"], a.get_text()) for a in links] == [(EVENT_URL, "example.org")]
    assert len(broken[1].page(PREFIX[lang] + "calendar/").select(".rvase-event-website")) == 1  # only where given


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_partner_s_website_is_the_link_of_its_name_and_stays_inside_its_attribute(broken, lang):
    row = broken[1].page(PREFIX[lang] + "partners/").find("tr", id="european-union")
    link = row.select_one("th a")
    assert link["href"] == PARTNER_WEBSITE and not link.has_attr("onmouseover")
    partners = yaml.safe_load((broken[0] / "data" / "partners.yaml").read_text(encoding="utf-8"))["partners"]
    assert link.get_text() == next(p for p in partners if p["id"] == "european-union")["name"][lang]
    assert len(broken[1].page(PREFIX[lang] + "partners/").select("tbody th a")) == 1  # only where given


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_member_s_website_is_a_link_among_its_facts(broken, lang):
    facts = broken[1].page(PREFIX[lang] + "members/phnom-penh/").select_one("dl.rvase-facts")
    assert [(a["href"], a.get_text()) for a in facts.select("dd a")] == [(MEMBER_WEBSITE, "phnompenh.example.gov.kh")]
    assert not broken[1].page(PREFIX[lang] + "members/hue/").select("dl.rvase-facts dd a")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_record_s_sources_show_their_link_date_and_language(broken, lang):
    sources = {
        s["id"]: s for s in yaml.safe_load((broken[0] / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    }
    for page in ("projects/calu/", "members/phnom-penh/"):
        items = broken[1].page(PREFIX[lang] + page).select("ul.rvase-sources li")
        by_title = {
            li.select_one("a").get_text() if li.select_one("a") else li.get_text().rsplit(" (", 1)[0]: li
            for li in items
        }
        online = by_title[sources["slides-2023-fr"]["title"][lang]]
        assert online.select_one("a")["href"] == SOURCE_URL and online.select_one("a")["hreflang"] == "fr"
        assert online.select_one("time")["datetime"] == sources["slides-2023-fr"]["date"]
        offline = by_title[sources["slides-2023-en"]["title"][lang]]
        assert (
            offline.select_one("a") is None
            and offline.select_one("time")["datetime"] == sources["slides-2023-en"]["date"]
        )
        assert ("in English" if lang == "en" else "en anglais") in offline.get_text()
