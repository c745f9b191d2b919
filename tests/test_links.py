"""No internal link of any page leads nowhere."""
from urllib.parse import urljoin, urlparse

import pytest

from conftest import LANGUAGES

SITE_URL = "http://127.0.0.1:8000/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_internal_link_is_broken(site, lang):
    broken = []
    for page in site.pages(lang):
        address = site.address(lang, page)
        for anchor in site.page(address).select("a[href]"):
            target = urlparse(urljoin(SITE_URL + address, anchor["href"]))
            if f"{target.scheme}://{target.netloc}/" != SITE_URL:
                continue
            path = target.path.lstrip("/")
            file = site.path / path / "index.html" if path.endswith("/") or not path else site.path / path
            if not file.exists():
                broken.append((address, anchor["href"]))
            elif target.fragment and file.name == "index.html":
                if site.page(path).find(id=target.fragment) is None:
                    broken.append((address, anchor["href"]))
    assert broken == []
