"""`make serve` (tools/serve_site.py, issue 24, class 6): the preview reloads after a save although the page's
Content-Security-Policy blocks MkDocs' inline reload script, a rebuild that fails on the data shows its error in
the browser instead of leaving requests waiting, and the server ends with the script on any signal, leaving no
process behind. Real processes on 127.0.0.1, every wait bounded."""

import contextlib
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support.edits import replace_once
from support.project import build_environment, free_port
from support.serving import poll

PARTNERS = ('page.partners: {fr: "Partenaires", en: "Partners"}', 'page.partners: {fr: "Partenaires", en: "Partners!"}')


def processes_naming(text: str) -> list[str]:
    """The command lines of the running processes that hold `text` (the preview's unique address)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
                if text in command and "pytest" not in command:
                    found.append(f"{entry.name}: {command}")
    return found


def gone(address: str, deadline_seconds: float = 60) -> list[str]:
    """Wait (bounded) until no process names the address; what is still there then."""
    end = time.monotonic() + deadline_seconds
    while (left := processes_naming(address)) and time.monotonic() < end:
        time.sleep(0.2)
    return left


@contextlib.contextmanager
def preview(project, tmp_path):
    """tools/serve_site.py on a free port of 127.0.0.1; stopped (SIGTERM) and checked gone on the way out."""
    port = free_port()
    address = f"127.0.0.1:{port}"
    env = {**build_environment(), "SITE_URL": f"http://{address}/"}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "tools/serve_site.py", "--dev-addr", address, "--builder", f"{sys.executable} -m mkdocs"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        poll(f"http://{address}/en/", lambda status, body: status == 200)
        yield process, f"http://{address}"
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=60)
        log.close()
        assert gone(address) == []


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_make_serve_s_server_ends_with_its_parent_on_sigterm_and_sighup(project_copy, tmp_path, sent):
    with preview(project_copy, tmp_path) as (process, url):
        address = url.removeprefix("http://")
        assert any("mkdocs serve" in command for command in processes_naming(address))
        process.send_signal(sent)
        process.wait(timeout=60)
        assert gone(address) == [], "the server outlived the script"
        with pytest.raises(OSError):
            urllib.request.urlopen(url + "/en/", timeout=5)


def test_make_serve_s_server_ends_even_when_its_parent_is_killed_outright(project_copy, tmp_path):
    with preview(project_copy, tmp_path) as (process, url):
        process.kill()
        process.wait(timeout=60)
        assert gone(url.removeprefix("http://")) == []


def test_a_rebuild_that_fails_on_the_data_shows_its_error_in_the_browser_then_the_preview_comes_back(
    project_copy, tmp_path
):
    with preview(project_copy, tmp_path) as (process, url):
        replace_once(project_copy, "i18n/interface.yaml", PARTNERS[0], 'page.partners: {fr: "Partenaires"}')
        _, body = poll(url + "/en/", lambda status, body: status == 503, deadline_seconds=120)
        assert "page.partners" in body and "FR :" in body and "EN :" in body
        assert process.poll() is None
        replace_once(project_copy, "i18n/interface.yaml", 'page.partners: {fr: "Partenaires"}', PARTNERS[0])
        poll(url + "/en/", lambda status, body: status == 200 and 'class="md-header' in body)


def test_the_preview_reloads_after_a_save(project_copy, tmp_path):
    """The page loads the reload script file (allowed by its policy); MkDocs' reload address, asked as that script
    asks it, answers a newer build once the save is built, and the page then shows the change."""
    with preview(project_copy, tmp_path) as (_, url):
        page = urllib.request.urlopen(url + "/en/partners/", timeout=30).read().decode("utf-8")
        assert '<script src="/_preview/reload.js" defer></script>' in page
        script = urllib.request.urlopen(url + "/_preview/reload.js", timeout=30)
        assert script.status == 200 and "/livereload/" in script.read().decode("utf-8")
        build = int(urllib.request.urlopen(url + "/livereload/0/0", timeout=30).read())
        replace_once(project_copy, "i18n/interface.yaml", *PARTNERS)
        newer = int(urllib.request.urlopen(f"{url}/livereload/{build}/1", timeout=120).read())
        assert newer > build
        assert "Partners!" in urllib.request.urlopen(url + "/en/partners/", timeout=30).read().decode("utf-8")


def test_the_built_site_has_no_reload_script(site):
    assert not (site.path / "_preview").exists()
    assert all("_preview/reload.js" not in page.read_text(encoding="utf-8") for page in site.path.rglob("*.html"))
