"""The finishing step (rvase/finish.py) belongs to the site, not to MkDocs: run as `python -m rvase.finish` after a
build that leaves it out, as ProperDocs or another builder's trial would, it gives the very site MkDocs' build gives."""

import re
import subprocess
import sys

from support.project import REPO_URL, ROOT, SITE_URL, build_environment


def files(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_the_finishing_step_run_after_another_build_gives_the_same_site(project_copy, tmp_path):
    env = {**build_environment(repo_url=REPO_URL), "RVASE_SCRIPT_MARK": "a-mark-shared-by-build-and-finish"}

    def run(*command: str) -> None:
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=project_copy, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout + result.stderr

    run("mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "mkdocs"))
    config = project_copy / "mkdocs.yml"
    config.write_text(
        re.sub(r"(?m)^  - hooks/finish\.py.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    run("mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "unfinished"))
    run("rvase.finish", str(tmp_path / "unfinished"), "--site-url", SITE_URL)
    finished, built = files(tmp_path / "unfinished"), files(tmp_path / "mkdocs")
    assert sorted(finished) == sorted(built)
    assert [name for name in built if finished[name] != built[name]] == []


def test_the_finishing_step_refuses_an_inline_script_nobody_wrote(tmp_path):
    page = tmp_path / "site" / "page" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"></head><body><script>alert(1)</script></body></html>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "rvase.finish", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "page/index.html: an inline script that neither the theme nor the site writes" in result.stderr
    assert "'alert(1)'" in result.stderr
