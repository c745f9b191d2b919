"""Scaling: the build at 1×, 10× and 100× the real records (bench/synth.py), time and peak memory each.

Each size gets its own copy of the project with generated data; it is built once untimed (the record pages
are written, as after a first `make build`), then timed `runs` times (median). The cost per record compares
sizes: if the 100× build costs no more per record than 1.5× the 10× build, no step grows quadratically.
"""

import shutil
from pathlib import Path

import synth
from common import ROOT, copy_project, median, mkdocs_build


def measure(work: Path, scales: tuple[int, ...] = (1, 10, 100), runs: int = 1) -> dict:
    results = {}
    for scale in scales:
        project = copy_project(work / f"scale-{scale}")
        shutil.rmtree(project / "data")
        documents = synth.generate(scale, ROOT / "data")
        synth.write(documents, ROOT / "data", project / "data")
        counts = synth.counts(documents)
        site = work / f"scale-{scale}-site"
        mkdocs_build(project, site)  # untimed: writes the record pages
        timed = [mkdocs_build(project, site) for _ in range(runs)]
        records = sum(counts.values())
        seconds = median([r.seconds for r in timed])
        results[str(scale)] = {  # string keys, as results.json gives them back to the report
            "records": records,
            "counts": counts,
            "pages": sum(1 for _ in site.rglob("index.html")),
            "seconds": round(seconds, 2),
            "runs": [round(r.seconds, 2) for r in timed],
            "cpu_seconds": round(median([r.cpu_seconds for r in timed]), 2),
            "peak_mb": round(max(r.peak_mb for r in timed), 1),
            "ms_per_record": round(1000 * seconds / records, 2),
            "site_mb": round(sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 2**20, 1),
        }
        shutil.rmtree(site)  # the 100× site is large; keep the disk for the next size
    return results
