"""Every built page carries its Content-Security-Policy first in <head>, allowing exactly the inline scripts it holds
(by their SHA-256) and nothing from elsewhere; an inline script that neither theme nor site writes stops the build.
(Chromium's view of the same policy: tests/browser/test_nothing_from_elsewhere.py.)"""

import base64
import hashlib
from pathlib import Path

import material

from rvase.content_security_policy import inline_scripts, script_hash
from support.project import ROOT, build


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
        html = (site.path / (address if address.endswith(".html") else address + "index.html")).read_text(
            encoding="utf-8"
        )
        expected = {
            "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
            for text in inline_scripts(html)
        }
        assert set(policy["script-src"]) == {"'self'"} | expected, address
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], address
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"], address
        assert policy["style-src"] == ["'self'"], address  # no 'unsafe-inline': the site has no inline style
        assert "frame-ancestors" not in policy  # ignored in a meta element
        checked += bool(expected)
    assert checked > 70, "every page has the theme's inline scripts"


def test_an_inline_script_that_theme_and_site_do_not_write_stops_the_build(project_copy, tmp_path):
    """Raw HTML in a page: a plain script, one opened without a space, and one shaped like the site's own."""
    page = project_copy / "docs" / "contribute.fr.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n\n<p hidden>x</p><script/x>alert(2)"
        "</script>\n\n<p hidden>y</p><script>document.currentScript.previousElementSibling.hidden = false;"
        "</script>\n",
        encoding="utf-8",
    )
    result = build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    reports = [
        line for line in output.splitlines() if "an inline script that neither the theme nor the site writes" in line
    ]
    assert len(reports) == 3 and all("contribute.fr.md" in line for line in reports), output
    assert "'alert(2)'" in output and "'document.currentScript.previousElementSibling.hidden = false;'" in output
    assert (
        "FR : un script dans la page que ni le thème ni le site n'écrivent" in output
        and "EN : a script in the page" in output
    )


# --- which scripts get a hash: those the templates write, found by parsing (issue 24, class 1) ----------------------


def theme_patterns():
    from rvase.content_security_policy import known_script_patterns

    return known_script_patterns([ROOT / "overrides", Path(material.__file__).parent / "templates"])


def page_with(*bodies: str) -> str:
    """A page with the theme's base script, as Material writes it at the root, and then `bodies`."""
    base = next(
        script
        for script in inline_scripts(
            (Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html").read_text(
                encoding="utf-8"
            )
        )
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8"><script>'
        + base.replace("{{ config.extra.scope | d(base_url) }}", ".")
        + "</script></head><body>"
        + "".join(bodies)
        + "</body></html>"
    )


def test_a_script_opened_without_a_space_is_found_and_left_without_a_hash():
    from rvase.content_security_policy import policy_for

    for opening in ("<script/x>", "<SCRIPT/x>", "<script\tx>", "<script\n>", "<svg><script>"):
        policy, unknown = policy_for(page_with(f"<p>hi</p>{opening}alert(1)</script>"), theme_patterns())
        assert unknown == ["alert(1)"], opening
        assert script_hash("alert(1)") not in policy, opening
    assert inline_scripts('<!-- <script>alert(1)</script> --><script type="application/ld+json">{}</script>') == []


def test_a_script_shaped_like_the_theme_s_own_gets_no_hash_of_its_own():
    """The theme writes its base script once per page: a second one, whatever its address, came from the text."""
    from rvase.content_security_policy import policy_for

    page = page_with()
    shaped = page.split("<script>")[1].split("</script>")[0].replace('URL("."', 'URL("..//evil.example/x"')
    policy, unknown = policy_for(page_with(f"<script>{shaped}</script>"), theme_patterns())
    assert unknown == [shaped] and script_hash(shaped) not in policy
    assert policy_for(page, theme_patterns())[1] == []


def test_the_site_s_own_script_is_known_only_by_the_build_s_secret_mark_which_the_page_does_not_keep():
    from rvase.content_security_policy import SCRIPT_MARK, SITE_SCRIPTS, policy_for, with_policy

    text = SITE_SCRIPTS[0]
    for forged in (
        f"<script>{text}</script>",
        f'<script data-rvase-script="0123">{text}</script>',
        f'<script/data-rvase-script="{SCRIPT_MARK}">alert(1)</script>',
    ):
        policy, unknown = policy_for(page_with(forged), theme_patterns())
        assert len(unknown) == 1 and script_hash(unknown[0]) not in policy, forged
    marked = f'<form hidden></form><script data-rvase-script="{SCRIPT_MARK}">{text}</script>'
    page, unknown = with_policy(page_with(marked, marked), theme_patterns())
    assert unknown == [] and script_hash(text) in page and SCRIPT_MARK not in page and "data-rvase-script" not in page


def test_no_built_page_keeps_the_mark_of_the_site_s_scripts(site):
    marked = [
        page.relative_to(site.path).as_posix()
        for page in site.path.rglob("*.html")
        if "data-rvase-script" in page.read_text(encoding="utf-8")
    ]
    assert marked == []
    projects = site.page("projects/")
    assert "document.currentScript.previousElementSibling.hidden = false;" in [
        s.string for s in projects.find_all("script")
    ]
