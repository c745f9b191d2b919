"""The hostile corpus (tests/hostile/*.yaml, issue 13): edits that try to make data or words live on the site.

Each case is `rejected` (the data check refuses it) or `inert` (the site builds and nothing of it is live). All inert
cases together break one copy of the project, built once per session for every test that reads it
(tests/test_hostile_edits.py, test_markup_from_data.py, test_record_pages.py), beside a clean copy that gets the
same `baseline` edits (what a case needs in place first, such as a licence the data does not hold yet).
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

from .edits import apply_edits
from .project import ROOT, build_site, copy_project, free_port
from .site import Site

CORPUS = sorted((ROOT / "tests" / "hostile").glob("*.yaml"))
CLASSES = range(1, 9)


def load_corpus() -> list[dict]:
    cases, names = [], set()
    for file in CORPUS:
        for case in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            assert case["name"] not in names, f"{file.name}: the case name {case['name']!r} is used twice"
            assert case["expect"] in ("inert", "rejected"), f"{file.name}: {case['name']}: expect inert or rejected"
            assert case["class"] in CLASSES, f"{file.name}: {case['name']}: class 1 to 8"
            assert case["edits"], f"{file.name}: {case['name']}: no edit"
            names.add(case["name"])
            cases.append({**case, "corpus": file.name})
    return cases


CASES = load_corpus()
REJECTED = [case for case in CASES if case["expect"] == "rejected"]
INERT = [case for case in CASES if case["expect"] == "inert"]


def apply_case(project: Path, case: dict, key: str = "edits") -> None:
    """Apply a case's `edits` (or its `baseline`)."""
    apply_edits(project, case.get(key, []), f"{case['corpus']}: {case['name']}")


@dataclass
class HostileBuilds:
    """The clean and the hostile copy of the project and their sites, built for one address (`port`, /rvase/)."""

    clean_project: Path
    hostile_project: Path
    clean: Site
    hostile: Site
    port: int

    def data(self, name: str) -> dict:
        """A data file of the hostile copy, as YAML."""
        return yaml.safe_load((self.hostile_project / "data" / name).read_text(encoding="utf-8"))


def build_hostile_sites(folder: Path) -> HostileBuilds:
    """Copy the project twice, apply every inert case to one (the baselines to both), and build both with `make build`
    at one free port, where the browser test serves the hostile build."""
    port = free_port()
    clean, hostile = copy_project(folder / "clean"), copy_project(folder / "hostile")
    for case in INERT:
        apply_case(clean, case, "baseline")
        apply_case(hostile, case, "baseline")
        apply_case(hostile, case)
    sites = {}
    for name, project in (("clean", clean), ("hostile", hostile)):
        result = build_site(project, folder / f"{name}-site", site_url=f"http://127.0.0.1:{port}/rvase/")
        assert result.returncode == 0, f"the {name} build failed:\n{result.stdout}{result.stderr}"
        sites[name] = Site(folder / f"{name}-site", result.stdout + result.stderr)
    return HostileBuilds(clean, hostile, sites["clean"], sites["hostile"], port)
