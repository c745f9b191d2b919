"""Every package the project installs is locked: its exact version and its hashes (requirements*.txt, written by
`make lock` from requirements*.in), so that pip installs in hash-checking mode what was tested and nothing else."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ("requirements", "requirements-dev", "requirements-properdocs")
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", re.M)


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(text: str) -> list[str]:
    """The requirements of a lock, each with its continuation lines (hashes) joined."""
    joined = re.sub(r"\\\n\s*", " ", text)
    return [line for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_of_a_lock_has_its_exact_version_and_its_hashes(lock):
    lines = requirements((ROOT / f"{lock}.txt").read_text(encoding="utf-8"))
    assert lines
    for line in lines:
        assert PIN.match(line), f"{lock}.txt: not pinned with ==: {line[:80]}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", line), f"{lock}.txt: no hash: {line[:80]}"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_the_project_asks_for_is_locked_at_the_version_asked(lock):
    asked = {}
    for source in [f"{lock}.in", *re.findall(r"^-r (\S+)", (ROOT / f"{lock}.in").read_text(encoding="utf-8"), re.M)]:
        asked.update(
            {normalised(name): version for name, version in PIN.findall((ROOT / source).read_text(encoding="utf-8"))}
        )
    locked = {
        normalised(name): version for name, version in PIN.findall((ROOT / f"{lock}.txt").read_text(encoding="utf-8"))
    }
    assert asked and {name: locked.get(name) for name in asked} == asked
