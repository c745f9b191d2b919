"""Open data: what the exports (rvase/exports.py) and the member and theme calendars add to a build, at 10× and 100×.

For each size, a copy of the project with synthetic data (bench/synth.py) is built once untimed, then timed (median of
`runs`). In another process, on the same data, the work the open data adds to such a build is timed (best of
`runs`, as it is CPU work that only other load can slow down): making every CSV, JSON and datapackage.json (done
once per build, both languages sharing it), writing them, and the calendars of every member and every theme in both
languages (the feed's work with those calendars less its work without them). The rest — a list of links on four
pages and a calendar link per member and theme — is a few lines of template. Target: at most 10 % of the build.
"""

import json
import shutil
import subprocess
from pathlib import Path

import synth
from common import PYTHON, ROOT, build_environment, copy_project, median, mkdocs_build

TARGET = 0.10

# Run in the copy of the project: the added work, timed with the build's own functions on the build's own data.
_ADDED_WORK = r"""
import json, sys, time
from pathlib import Path
from rvase import settings
from rvase.cache import current_catalog
from rvase.calendar_feed import calendar_files, member_and_theme_calendars
from rvase.exports import OpenData

runs, site_url, out = int(sys.argv[1]), "http://127.0.0.1:8000/", Path(sys.argv[2])
catalog = current_catalog(Path())  # run in the copy of the project
today = settings.today()

def best(work):
    times = []
    for _ in range(runs):
        start = time.perf_counter(); result = work(); times.append(time.perf_counter() - start)
    return min(times), result

def write(files):
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_bytes(content)

make, data = best(lambda: OpenData(catalog, site_url))
written, _ = best(lambda: write(data.files))
def feeds(with_selections: bool):
    return [calendar_files(catalog, lang, catalog.events, lambda e: site_url, today,
                           member_and_theme_calendars(catalog, lang) if with_selections else {})
            for lang in settings.LANGUAGES]
feeds(False)  # the time zones, worked out once per process as in a build
without, _ = best(lambda: feeds(False))
with_selections, _ = best(lambda: feeds(True))
print(json.dumps({"make_s": make, "write_s": written, "calendars_s": max(0.0, with_selections - without),
                  "files": len(data.files), "bytes": sum(len(c) for c in data.files.values()),
                  "calendars": 2 * len(member_and_theme_calendars(catalog, "fr"))}))
"""


def measure(work: Path, scales: tuple[int, ...] = (10, 100), runs: int = 3) -> dict:
    results = {}
    for scale in scales:
        project = copy_project(work / f"scale-{scale}")
        shutil.rmtree(project / "data")
        synth.write(synth.generate(scale, ROOT / "data"), ROOT / "data", project / "data")
        site = work / f"scale-{scale}-site"
        mkdocs_build(project, site)  # untimed: writes the record pages
        builds = [mkdocs_build(project, site).seconds for _ in range(runs)]
        shutil.rmtree(site)
        added = subprocess.run(
            [str(PYTHON), "-c", _ADDED_WORK, str(runs), str(work / f"scale-{scale}-data")],
            cwd=project,
            env=build_environment(),
            capture_output=True,
            text=True,
            check=True,
        )
        shutil.rmtree(work / f"scale-{scale}-data")
        found = json.loads(added.stdout)
        total = found["make_s"] + found["write_s"] + found["calendars_s"]
        build = median(builds)
        results[str(scale)] = {
            **{k: round(v, 3) if isinstance(v, float) else v for k, v in found.items()},
            "added_s": round(total, 3),
            "build_s": round(build, 2),
            "builds": [round(b, 2) for b in builds],
            "share": round(total / (build - total), 4),
        }  # of the build without the open data
    return results
