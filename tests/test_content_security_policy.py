"""Every built page carries its Content-Security-Policy first in <head>, allowing exactly the inline scripts it holds
(by their SHA-256) and nothing from elsewhere; an inline script that neither theme nor site writes stops the build.
(Chromium's view of the same policy: tests/browser/test_nothing_from_elsewhere.py.)"""
import base64
import hashlib

from conftest import build

from rvase.content_security_policy import inline_scripts


def policy_of(page) -> dict[str, list[str]]:
    meta = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None
    return {part.split()[0]: part.split()[1:] for part in meta["content"].split(";") if part.strip()}


def test_every_page_s_policy_comes_first_and_hashes_exactly_its_inline_scripts(site):
    checked = 0
    for _, address, page in site.every_page():
        head = [element for element in page.head.children if getattr(element, "name", None)]
        assert head[0].name == "meta" and head[0].get("charset") == "utf-8", address
        assert head[1].get("http-equiv") == "Content-Security-Policy", address
        policy = policy_of(page)
        html = (site.path / (address if address.endswith(".html") else address + "index.html")).read_text(encoding="utf-8")
        expected = {"'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
                    for text in inline_scripts(html)}
        assert set(policy["script-src"]) == {"'self'"} | expected, address
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], address
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"], address
        assert policy["style-src"] == ["'self'"], address  # no 'unsafe-inline': the site has no inline style
        assert "frame-ancestors" not in policy  # ignored in a meta element
        checked += bool(expected)
    assert checked > 70, "every page has the theme's inline scripts"


def test_an_inline_script_that_theme_and_site_do_not_write_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "contribute.fr.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "an inline script that neither the theme nor the site writes" in result.stdout + result.stderr
