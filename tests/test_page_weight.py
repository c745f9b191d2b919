"""Every page loads light on a slow mobile network: at most 80 KB on first load, compressed.

Bytes are deterministic, so the budget is held here; timings live in the benchmark report (bench/REPORT.md).
The counting (HTML + same-origin CSS, JS, images, icons and the fonts/images of those stylesheets, gzip) is
bench/page_weight.py, shared with `make bench`.
"""

import pytest

from bench.page_weight import BUDGET, page_weight
from support.project import LANGUAGES, SITE_URL


@pytest.fixture(scope="module")
def weights(site) -> list:
    """The first-load weight of every page of both languages, found in the built site (new pages are counted too)."""
    return [
        page_weight(site.path, site.address(lang, page), SITE_URL) for lang in LANGUAGES for page in site.pages(lang)
    ]


def test_every_page_of_both_languages_loads_within_80_kb(weights):
    assert len(weights) > 20
    over = [f"{w.page or '/'}: {w.total:,} bytes ({w.total / 1024:.1f} KB)" for w in weights if w.total > BUDGET]
    assert not over, f"{len(over)} page(s) over the {BUDGET // 1024} KB first-load budget:\n" + "\n".join(over)


def test_every_resource_a_page_references_exists(weights):
    missing = {w.page or "/": w.missing for w in weights if w.missing}
    assert not missing, missing


def test_the_weight_counts_the_theme_bundle_and_stylesheets(site):
    """The counting itself: the home page's total includes Material's script and stylesheet, compressed."""
    weight = page_weight(site.path, "", SITE_URL)
    kinds = {path.rsplit(".", 1)[-1] for path in weight.resources}
    assert {"html", "css", "js"} <= kinds
    assert any("bundle" in path for path in weight.resources)
    html = (site.path / "index.html").stat().st_size
    assert weight.resources["index.html"] < html  # compressed
