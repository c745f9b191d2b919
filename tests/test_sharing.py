"""A link shared in a messaging app previews properly: Open Graph and Twitter meta on every page, in its language."""

import pytest
import yaml

from support.project import LANGUAGES, ROOT, SITE_URL

PROJECTS = yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"]


def meta(page, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_a_full_preview_in_its_language(site, lang):
    for page_address in site.pages(lang):
        address = site.address(lang, page_address)
        page = site.page(address)
        assert meta(page, "og:url") == SITE_URL + address, address
        assert meta(page, "og:title") and meta(page, "og:description") and meta(page, "twitter:description"), address
        assert meta(page, "og:locale") == {"fr": "fr_FR", "en": "en_GB"}[lang]
        assert meta(page, "og:image") == SITE_URL + "assets/social-card.png"
        assert meta(page, "twitter:card") == "summary_large_image"
        assert (
            page.find("link", rel="alternate", type="application/atom+xml")["href"]
            == SITE_URL + ("en/" if lang == "en" else "") + "feed.xml"
        )
    assert (site.path / "assets" / "social-card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_project_page_previews_with_its_own_summary(site, lang):
    project = PROJECTS[0]
    page = site.page(("en/" if lang == "en" else "") + f"projects/{project['id']}/")
    assert meta(page, "og:title") == project["name"][lang]
    assert meta(page, "og:description") == project["summary"][lang]
    assert meta(page, "description") == project["summary"][lang]
