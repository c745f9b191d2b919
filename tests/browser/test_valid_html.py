"""Every HTML file of the built site (both languages, the record pages, the 404 page) is valid HTML for the
Nu HTML Checker (vnu.jar from the vnu-jar package, run once with Java over all files)."""

import json
import shutil
import subprocess

from support.browser_tools import VNU_JAR

BROKEN = "<!doctype html><html lang=en><title>x</title><p><div>block in a paragraph</p>"


def run_vnu(files) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java not found: install a Java runtime (Debian: apt-get install default-jre-headless)"
    assert VNU_JAR.exists(), f"vnu.jar not found at {VNU_JAR}: run `make test` (it runs `npm ci`)"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(result.stderr)["messages"]


def test_the_nu_checker_finds_no_error_in_any_page(site, tmp_path):
    files = sorted(site.path.rglob("*.html"))
    assert site.path / "404.html" in files and len(files) > 40
    canary = tmp_path / "broken.html"  # proves the checker runs and reports: its errors, and only its, are expected
    canary.write_text(BROKEN, encoding="utf-8")
    messages = run_vnu(files + [canary])
    assert any(m["url"].endswith("/broken.html") for m in messages), (
        "the Nu checker did not report the broken canary page"
    )
    errors = [
        f"{m['url']}:{m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in messages
        if not m["url"].endswith("/broken.html")
    ]
    assert errors == [], "\n".join(errors)
