"""No internal link of any page leads nowhere."""

from urllib.parse import urljoin, urlparse

import pytest

from support.project import LANGUAGES, SITE_PATH, SITE_URL


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_internal_link_is_broken(site, lang):
    broken = []
    for page in site.pages(lang):
        address = site.address(lang, page)
        for anchor in site.page(address).select("a[href]"):
            target = urlparse(urljoin(SITE_URL + address, anchor["href"]))
            if target.netloc != urlparse(SITE_URL).netloc:
                continue
            if not target.path.startswith(SITE_PATH):  # a root-absolute link that ignores the site's path
                broken.append((address, anchor["href"]))
                continue
            path = target.path[len(SITE_PATH) :]
            file = site.path / path / "index.html" if path.endswith("/") or not path else site.path / path
            if not file.exists():
                broken.append((address, anchor["href"]))
            elif target.fragment and file.name == "index.html":
                if site.page(path).find(id=target.fragment) is None:
                    broken.append((address, anchor["href"]))
    assert broken == []
