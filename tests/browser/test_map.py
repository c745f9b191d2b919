"""The members' map as a visitor meets it on a phone: links a screen reader can name, targets a finger can
tap, labels that do not cover one another, and nothing fetched from elsewhere."""

import pytest
import yaml

from support.project import LANGUAGES, ROOT

LOCATED = [
    m
    for m in yaml.safe_load((ROOT / "data" / "members.yaml").read_text(encoding="utf-8"))["members"]
    if m["coordinates"]
]


@pytest.fixture
def phone_page(page):
    page.set_viewport_size({"width": 360, "height": 740})
    return page


def overlap(a: dict, b: dict) -> float:
    width = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    height = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return width * height if width > 0 and height > 0 else 0.0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_every_member_on_the_map_is_a_named_link_big_enough_to_tap(phone_page, served, lang):
    phone_page.goto(served + ("en/" if lang == "en" else "") + "members/")
    svg = phone_page.locator("svg.rvase-map")
    assert 300 <= svg.bounding_box()["width"] <= 360
    for member in LOCATED:
        link = svg.get_by_role("link", name=member["name"][lang], exact=True)
        assert link.count() == 1, member["id"]
        target = link.locator("circle.rvase-map-target").bounding_box()
        assert target["width"] >= 24 and target["height"] >= 24, member["id"]
    assert phone_page.watch.foreign_requests == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_labels_cover_neither_one_another_nor_another_members_marker(phone_page, served, lang):
    phone_page.goto(served + ("en/" if lang == "en" else "") + "members/")
    links = phone_page.locator("svg.rvase-map a")
    labels = [links.nth(i).locator("text").bounding_box() for i in range(links.count())]
    markers = [links.nth(i).locator("circle.rvase-map-marker").bounding_box() for i in range(links.count())]
    names = [links.nth(i).get_attribute("aria-label") for i in range(links.count())]
    for i, label in enumerate(labels):
        for j in range(len(labels)):
            if j != i:
                # a pixel of anti-aliasing is tolerated, not a covered letter
                assert overlap(label, labels[j]) < 2, (names[i], names[j], label, labels[j])
                assert overlap(label, markers[j]) < 2, (names[i], "marker of " + names[j])


def test_a_map_link_opens_the_members_page(page, served):
    page.goto(served + "en/members/")
    member = LOCATED[0]
    page.locator("svg.rvase-map").get_by_role("link", name=member["name"]["en"], exact=True).click()
    assert page.locator("article h1").first.inner_text() == member["name"]["en"]
