"""Two builds of the same commit give byte-identical files: reviewers can diff a deployment, caches stay warm."""

import filecmp


def test_two_builds_of_the_same_commit_are_byte_identical(site, site_again):
    again = site_again.path
    first = sorted(p.relative_to(site.path).as_posix() for p in site.path.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert first == second
    assert len(first) > 50
    different = [name for name in first if not filecmp.cmp(site.path / name, again / name, shallow=False)]
    assert different == []
