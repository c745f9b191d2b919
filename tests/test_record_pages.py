"""A page per project, member, news item and event, in both languages, generated from data/ — adding a record adds its
pages; every list that names a record links to its page."""

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml

from rvase.site_map import Addresses
from support.project import BUILD_TODAY, LANGUAGES, ROOT, SITE_URL, build

ADDRESSES = Addresses()
DATA = ROOT / "data"


def records(kind: str) -> list:
    return yaml.safe_load((DATA / f"{kind}.yaml").read_text(encoding="utf-8"))[kind]


PROJECTS, MEMBERS = records("projects"), records("members")
MEMBER_COUNTRY = {m["id"]: m["country"] for m in MEMBERS}


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def targets(article, address: str) -> list[str]:
    """Where the article's links lead, as site-relative paths (`projects/calu/`)."""
    return [
        urljoin("http://site/" + address, a["href"]).removeprefix("http://site/") for a in article.select("a[href]")
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "kind, record",
    [("projects", p) for p in PROJECTS] + [("members", m) for m in MEMBERS],
    ids=lambda value: value["id"] if isinstance(value, dict) else value,
)
def test_every_project_and_member_has_its_own_page_titled_in_each_language(site, lang, kind, record):
    page = site.page(f"{prefix(lang)}{kind}/{record['id']}/")
    assert page.html["lang"] == lang
    assert page.select_one("article h1").get_text(strip=True) == record["name"][lang]
    assert page.title.get_text().startswith(record["name"][lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_project_page_gives_status_as_of_when_themes_members_and_sources(site, lang):
    project = next(p for p in PROJECTS if p["id"] == "fsm-siem-reap")
    address = f"{prefix(lang)}projects/fsm-siem-reap/"
    article = site.page(address).select_one("article")
    text = article.get_text(" ", strip=True)
    assert project["summary"][lang] in text
    assert {"fr": "En cours (au 18 mai 2023, réunion annuelle)", "en": "Ongoing (as of 18 May 2023, annual meeting)"}[
        lang
    ] in text
    assert f"{prefix(lang)}members/siem-reap/" in targets(article, address)
    assert f"{prefix(lang)}projects/siem-reap-sludge-grant-2019/" in targets(article, address)
    assert {"fr": "Sources et notes", "en": "Sources and notes"}[lang] == article.select_one(
        "details.rvase-sources-notes summary"
    ).get_text(strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_member_page_lists_its_projects_events_and_news(site, lang):
    address = f"{prefix(lang)}members/siem-reap/"
    article = site.page(address).select_one("article")
    links = targets(article, address)
    for project in PROJECTS:
        linked = f"{prefix(lang)}projects/{project['id']}/" in links
        assert linked == ("siem-reap" in project["members"]), project["id"]
    headings = [h.get_text(strip=True) for h in article.select("h2")]
    assert {"fr": "Événements", "en": "Events"}[lang] in headings
    assert {"fr": "Actualités", "en": "News"}[lang] in headings
    assert {"fr": "Cambodge", "en": "Cambodia"}[lang] in article.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalog_lists_every_project_without_javascript(site, lang):
    page = site.page(f"{prefix(lang)}projects/")
    cards = page.select("article.rvase-project-card")
    assert sorted(card["id"] for card in cards) == sorted(p["id"] for p in PROJECTS)
    assert page.select_one("form.rvase-catalog-filters").has_attr("hidden")  # the filters need JavaScript
    for card in cards:
        project = next(p for p in PROJECTS if p["id"] == card["id"])
        assert card["data-themes"].split() == project["themes"]
        assert set(card["data-country"].split()) == {MEMBER_COUNTRY[m] for m in project["members"]}
        assert targets(card.h2, f"{prefix(lang)}projects/")[0] == f"{prefix(lang)}projects/{project['id']}/"


def test_adding_a_project_to_the_data_adds_its_pages_in_both_languages(project_copy, tmp_path):
    projects = project_copy / "data" / "projects.yaml"
    projects.write_text(
        projects.read_text(encoding="utf-8")
        + """
  - id: test-new-project
    name: {fr: "Projet ajouté pour l'essai", en: "Project added for the test"}
    themes: [urban-sanitation]
    members: [hue]
    status: under-discussion
    as_of: {date: "2023-05-18", source: slides-2023-fr}
    partners: []
    summary: {fr: "Résumé.", en: "Summary."}
    sources: [slides-2023-fr]
""",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build(project_copy, out)
    assert result.returncode == 0, result.stderr
    assert "Projet ajouté pour l'essai" in (out / "projects" / "test-new-project" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Project added for the test" in (out / "en" / "projects" / "test-new-project" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "projects/test-new-project/" in (out / "en" / "members" / "hue" / "index.html").read_text(encoding="utf-8")


def test_a_removed_record_loses_its_generated_page_and_unchanged_pages_are_not_rewritten(tmp_path):
    from rvase.record_pages import sync_record_pages

    docs = tmp_path / "docs"
    first = {
        "projects/a.md": "{## Generated from data/ x ##}\nA\n",
        "projects/b.md": "{## Generated from data/ x ##}\nB\n",
    }
    assert sorted(sync_record_pages(docs, first)) == ["projects/a.md", "projects/b.md"]
    (docs / "projects" / "hand-written.md").write_text("# Kept\n", encoding="utf-8")
    assert sync_record_pages(docs, first) == []  # nothing changed, nothing written (no serve reload loop)
    assert sync_record_pages(docs, {"projects/a.md": first["projects/a.md"]}) == ["projects/b.md"]
    assert sorted(p.name for p in (docs / "projects").iterdir()) == ["a.md", "hand-written.md"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_project_page_shows_its_located_members_on_the_map(site, lang):
    project = next(p for p in PROJECTS if p["id"] == "emr2-emergency-preparedness")
    located = [m for m in project["members"] if next(x for x in MEMBERS if x["id"] == m)["coordinates"]]
    address = f"{prefix(lang)}projects/{project['id']}/"
    svg = site.page(address).select_one("article figure.rvase-map-figure svg")
    assert svg is not None
    assert sorted(targets(svg, address)) == sorted(f"{prefix(lang)}members/{m}/" for m in located)
    assert located and len(located) < len(project["members"])  # ASAC has no single place: named beside the map


# -- news items and events: a page each, linked from every list that names them -----------------------------------
NEWS, EVENTS, SOURCES = records("news"), records("events"), {s["id"]: s for s in records("sources")}
THEMES = {t["id"]: t for t in records("themes")}


def record_page(kind: str, record_id: str, lang: str) -> str:
    return prefix(lang) + ADDRESSES.record(kind, record_id)


def facts(article) -> dict:
    """The first facts list of an article: label → its value (the <dd> element)."""
    dl = article.select_one("dl.rvase-facts")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in dl.select("dt")}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("news", NEWS, ids=lambda news: news["id"])
def test_every_news_item_has_its_page_with_title_date_summary_body_source_and_original_language(site, lang, news):
    address = record_page("news", news["id"], lang)
    page = site.page(address)
    article = page.select_one("article")
    assert page.html["lang"] == lang
    assert [h.get_text(strip=True) for h in page.select("h1")] == [news["title"][lang]]
    assert page.title.get_text().startswith(news["title"][lang])
    assert page.find("meta", attrs={"name": "description"})["content"] == news["summary"][lang]
    assert article.select_one(".rvase-lead").get_text(strip=True) == news["summary"][lang]
    found = facts(article)
    assert found[{"fr": "Date", "en": "Date"}[lang]].time["datetime"] == news["date"]
    original = found[{"fr": "Langue d'origine", "en": "Original language"}[lang]].get_text(" ", strip=True)
    assert original.startswith(
        {("fr", "fr"): "français", ("fr", "en"): "anglais", ("en", "fr"): "French", ("en", "en"): "English"}[
            lang, news["source_language"]
        ]
    )
    assert ("Tradu" in original or "Transl" in original) == (news["source_language"] != lang)
    source = found["Source"].get_text(" ", strip=True)
    assert news["sources"] and all(SOURCES[s]["title"][lang] in source for s in news["sources"])
    body = article.select_one(".rvase-news-body").get_text(" ", strip=True)
    assert plain_passage(news["body"][lang]) in " ".join(body.split())
    for kind in ("events", "projects", "members"):
        for record_id in news[kind]:
            assert record_page(kind, record_id, lang) in targets(article, address), (kind, record_id)
    for theme in news["themes"]:
        assert f"{prefix(lang)}themes/#{theme}" in targets(article, address)


def plain_passage(body: str) -> str:
    """The start of the body's longest paragraph without Markdown: a passage of the article that no summary repeats."""
    paragraphs = [p for p in body.split("\n\n") if not re.search(r"[*_\[\]#`]|^\s*(-|\d+\.)\s", p)]
    return " ".join(max(paragraphs, key=len).split())[:80]


WORDS = yaml.safe_load((ROOT / "i18n" / "interface.yaml").read_text(encoding="utf-8"))


def still_to_come(event: dict) -> bool:
    """Whether the event's last day (a partial date counts to its last day) is on or after the test build's day."""
    last = event.get("end", event["start"])
    return event["status"] != "decided" and (last + "-99-99"[len(last) - 4 :]) >= BUILD_TODAY


def event_place(event: dict, lang: str) -> list[str]:
    """Where an event is: its venue and city, or, when the sources do not give it, "to be decided" for an event still to
    come and "not given" for one that is over or only decided."""
    place = event["place"]
    if place:
        return [place[k][lang] for k in ("venue", "city") if k in place]
    return [WORDS["calendar.place_tbd" if still_to_come(event) else "calendar.place_unknown"][lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("event", EVENTS, ids=lambda event: event["id"])
def test_every_event_has_its_page_with_dates_place_members_themes_projects_and_structured_data(site, lang, event):
    address = record_page("events", event["id"], lang)
    page = site.page(address)
    article = page.select_one("article")
    assert page.html["lang"] == lang
    assert [h.get_text(strip=True) for h in page.select("h1")] == [event["title"][lang]]
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith(event["title"][lang] + " — ")
    found = facts(article)
    when = found[{"fr": "Date", "en": "Date"}[lang]]
    if "recurrence" not in event:
        assert when.time["datetime"] == event["start"]
        assert description.endswith(when.get_text(strip=True).split(",")[0])
    if event.get("start_time"):
        assert event["start_time"] in when.get_text() and ("heure" in when.get_text() or "time" in when.get_text())
    place = found[{"fr": "Lieu", "en": "Place"}[lang]].get_text(" ", strip=True)
    assert all(part in place for part in event_place(event, lang))
    links = targets(article, address)
    assert all(f"{prefix(lang)}members/{m}/" in links for m in event["members"])
    assert all(f"{prefix(lang)}projects/{p}/" in links for p in event["projects"])
    assert all(f"{prefix(lang)}themes/#{t}" in links for t in event["themes"])
    blocks = page.select('script[type="application/ld+json"]')
    if event["status"] == "decided":  # a decision, not an event: no schema.org Event says it takes place
        assert not blocks
        return
    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == event["title"][lang] and data["inLanguage"] == lang
    assert data["url"] == data["@id"] == SITE_URL + address
    assert data["startDate"].startswith(event["start"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_event_page_offers_its_own_ics_and_google_and_outlook_links_when_its_day_is_known(site, lang):
    for event in EVENTS:
        address = record_page("events", event["id"], lang)
        article = site.page(address).select_one("article")
        download = article.select_one("a[download]")
        day_known = len(event["start"].split("-")) == 3 and len(event.get("end", event["start"]).split("-")) == 3
        if not day_known:
            assert download is None and not article.select("a[href^='https://calendar.google.com/']"), event["id"]
            continue
        ics = urljoin("http://site/" + address, download["href"]).removeprefix("http://site/")
        assert ics == f"{prefix(lang)}calendar/{event['id']}.ics" and (site.path / ics).is_file()
        google = article.select_one("a[href^='https://calendar.google.com/calendar/render?']")["href"]
        outlook = article.select_one("a[href^='https://outlook.live.com/calendar/']")["href"]
        assert parse_qs(urlsplit(google).query)["text"] == [event["title"][lang]]
        assert parse_qs(urlsplit(outlook).query)["subject"] == [event["title"][lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_news_page_lists_cards_that_link_to_each_item_and_prints_no_body(site, lang):
    address = f"{prefix(lang)}news/"
    page = site.page(address)
    cards = page.select(".grid.cards > ul > li")
    assert [card["id"] for card in cards] == [n["id"] for n in sorted(NEWS, key=lambda n: n["date"], reverse=True)]
    for card in cards:  # the old anchors (news/#<id>) still land on the item's card
        news = next(n for n in NEWS if n["id"] == card["id"])
        assert targets(card, address) == [record_page("news", news["id"], lang)]
        assert card.select_one("h2 a").get_text(strip=True) == news["title"][lang]
        assert card.time["datetime"] == news["date"] and news["summary"][lang] in card.get_text(" ", strip=True)
    assert page.select(".rvase-news-body") == []
    text = " ".join(page.select_one("article").get_text(" ", strip=True).split())
    for news in NEWS:
        assert plain_passage(news["body"][lang]) not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_named_after_a_news_item_or_an_event_leads_to_its_page(site, lang):
    """On every page of the language: the calendar, the home page, member, project, news and event pages' lists."""
    by_title = {n["title"][lang]: record_page("news", n["id"], lang) for n in NEWS}
    by_title |= {e["title"][lang]: record_page("events", e["id"], lang) for e in EVENTS}
    assert len(by_title) == len(NEWS) + len(EVENTS)  # no title shared: a link's text says which record it names
    named = set()
    for page_address in site.pages(lang):
        address = site.address(lang, page_address)
        for a in site.page(address).select("article a[href]"):
            text = a.get_text(" ", strip=True)
            if text in by_title:
                assert urljoin("http://site/" + address, a["href"]).removeprefix("http://site/") == by_title[text], (
                    address,
                    text,
                )
                named.add((address, text))
    calendar = f"{prefix(lang)}calendar/"
    assert {(calendar, e["title"][lang]) for e in EVENTS} <= named
    assert {(f"{prefix(lang)}news/", n["title"][lang]) for n in NEWS} <= named
    for member in ("siem-reap", "phnom-penh"):
        address = f"{prefix(lang)}members/{member}/"
        assert {(address, e["title"][lang]) for e in EVENTS if member in e["members"]} <= named
        assert {(address, n["title"][lang]) for n in NEWS if member in n["members"]} <= named
    address = f"{prefix(lang)}projects/siem-reap-sludge-grant-2019/"
    assert {(address, e["title"][lang]) for e in EVENTS if "siem-reap-sludge-grant-2019" in e["projects"]} <= named
    assert {(address, n["title"][lang]) for n in NEWS if "siem-reap-sludge-grant-2019" in n["projects"]} <= named
    home = prefix(lang)
    assert {(home, n["title"][lang]) for n in sorted(NEWS, key=lambda n: n["date"], reverse=True)[:3]} <= named


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "address",
    ["members/siem-reap/", "members/hue/", "projects/fsm-siem-reap/", "projects/siem-reap-sludge-grant-2019/"],
)
def test_member_and_project_pages_lead_with_their_facts_and_show_a_small_map_after_their_lists(site, lang, address):
    article = site.page(prefix(lang) + address).select_one("article")
    order = [element for element in article.find_all(True) if element.name in ("dl", "figure", "ul", "h2")]
    facts_at = order.index(article.select_one("dl.rvase-facts"))
    map_at = order.index(article.select_one("figure.rvase-map-figure"))
    assert facts_at < map_at
    lists = [h for h in order if h.name == "h2" and h.get("id") in ("projects", "events", "news", "representatives")]
    assert lists and all(order.index(h) < map_at for h in lists)
    svg = article.select_one("figure.rvase-map-figure svg")
    assert float(svg["height"]) <= 320 and svg["viewbox"].split()[2:] == [svg["width"], svg["height"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_is_a_landing_page_with_paths_figures_map_and_cards_for_events_and_news(site, lang):
    address = prefix(lang)
    page = site.page(address)
    article = page.select_one("article")
    assert page.select_one(".md-sidebar--primary").has_attr("hidden") and page.select_one(
        ".md-sidebar--secondary"
    ).has_attr("hidden")
    assert len(article.select("h1")) == 1
    paths = article.select(".grid.cards.rvase-paths > ul > li h3 a")
    assert targets(article.select_one(".rvase-paths"), address) == [
        f"{prefix(lang)}{p}/" for p in ("network", "projects", "contribute")
    ]
    assert len(paths) == 3
    assert len(article.select("ul.rvase-figures > li")) == 6
    assert article.select_one("figure.rvase-map-figure svg a.rvase-map-member") is not None
    events = article.select(".grid.cards > ul.rvase-next-events > li")
    assert events and all(li.select_one("h3 a")["href"].rstrip("/").rsplit("/", 2)[-2] == "calendar" for li in events)
    news = article.select(".grid.cards.rvase-news-cards > ul > li")
    latest = sorted(NEWS, key=lambda n: n["date"], reverse=True)[:3]
    assert [targets(li, address)[0] for li in news] == [record_page("news", n["id"], lang) for n in latest]


@pytest.mark.parametrize(
    "address, field",
    [
        ("en/news/aimf-cmf-kigali-2025/", "title"),
        ("news/aimf-cmf-kigali-2025/", "summary"),
        ("calendar/aimf-congress-2019/", "title"),
    ],
)
def test_a_record_s_title_and_summary_stay_text_in_its_page_s_title_heading_and_description(
    hostile_builds, address, field
):
    """On the site built from the copy broken by every inert case of the hostile corpus (tests/hostile/records.yaml
    attacks these titles and summaries)."""
    project, site = hostile_builds.hostile_project, hostile_builds.hostile
    lang = "en" if address.startswith("en/") else "fr"
    kind, record_id = address.removeprefix("en/").split("/")[:2]
    kind = "events" if kind == "calendar" else kind
    record = next(
        r
        for r in yaml.safe_load((project / "data" / f"{kind}.yaml").read_text(encoding="utf-8"))[kind]
        if r["id"] == record_id
    )
    text = record[field][lang]
    page = site.page(address)
    assert not page.select("img:not(.rvase-eu-emblem), meta[x]") and not page.find_all(onerror=True)
    assert all(
        "alert(" not in (s.string or "") for s in page.find_all("script") if s.get("type") != "application/ld+json"
    )
    assert not page.select("a[href^='javascript']")
    if field == "title":
        assert page.title.get_text() == f"{text} - RVASE"
        assert page.select_one("article h1").get_text() == text
    else:
        assert page.find("meta", attrs={"name": "description"})["content"] == text
        assert page.select_one("article .rvase-lead").get_text() == text
