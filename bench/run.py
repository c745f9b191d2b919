"""`make bench`: every measurement of issue 7, written to bench/REPORT.md (figures) and bench/results.json (raw).

    python bench/run.py                      # everything (about 30 minutes on 2 cores)
    python bench/run.py --only weight build  # some sections; the others are kept from results.json
    python bench/run.py --only               # REPORT.md written again from results.json

Sections: weight (page weight, search index), lighthouse, build (build cost against bare Material, profile),
scaling (1×, 10×, 100× data), preview (mkdocs serve loop), open_data (what the exports add to the build, 10×, 100×). Work files go to --work (outside the repository).
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import time
from importlib import metadata
from pathlib import Path

import build_cost
import lighthouse
import open_data
import page_weight
import preview
import report
import scaling
from common import ROOT, copy_project, mkdocs_build

HERE = Path(__file__).resolve().parent

RESULTS = HERE / "results.json"
SECTIONS = ("weight", "lighthouse", "build", "scaling", "preview", "open_data")
SITE_URL = "http://127.0.0.1:8000/"


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )

    def version(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "not found"

    packages = {
        name: metadata.version(name)
        for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-macros-plugin")
    }
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 2**20, 1),
        "python": platform.python_version(),
        "node": version(["node", "--version"]),
        "chromium": version([lighthouse.CHROME_PATH, "--version"]),
        "packages": packages,
        "commit": version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
    }


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def weights(work: Path) -> dict:
    """Page weight of every page of both languages, and the search index (built like the tests' site)."""
    site = work / "weight-site"
    mkdocs_build(copy_project(work / "weight-project"), site, {"SITE_URL": SITE_URL})
    pages = [page_weight.page_weight(site, p, SITE_URL) for p in page_weight.site_pages(site)]

    def kind(path: str) -> str:
        suffix = path.rsplit(".", 1)[-1].lower()
        return {"html": "html", "css": "css", "js": "js"}.get(suffix, "images and fonts")

    rows = []
    for w in pages:
        parts = {"html": 0, "css": 0, "js": 0, "images and fonts": 0}
        for path, size in w.resources.items():
            parts[kind(path)] += size
        rows.append({"page": "/" + w.page, "total": w.total, **parts, "missing": w.missing})
    return {"budget": page_weight.BUDGET, "pages": rows, "search_index": page_weight.search_index(site)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        nargs="*",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="these sections (none: write REPORT.md again from results.json)",
    )
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("RVASE_BENCH_WORK", "/tmp/rvase-bench")))
    parser.add_argument("--pairs", type=int, default=5, help="real/bare build pairs (median)")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--scaling-runs", type=int, default=1)
    parser.add_argument("--preview-rounds", type=int, default=5)
    parser.add_argument("--open-data-scales", type=int, nargs="+", default=[10, 100])
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    steps = {
        "weight": lambda: weights(args.work),
        "lighthouse": lambda: lighthouse.measure(args.work, runs=args.lighthouse_runs),
        "build": lambda: {
            "compare": build_cost.compare(args.work / "build-cost", pairs=args.pairs),
            "phases": build_cost.phases(args.work / "build-cost"),
            "profile": build_cost.profile(args.work / "build-cost"),
        },
        "scaling": lambda: scaling.measure(args.work / "scaling", tuple(args.scales), runs=args.scaling_runs),
        "preview": lambda: preview.measure(args.work / "preview", rounds=args.preview_rounds),
        "open_data": lambda: open_data.measure(args.work / "open-data", tuple(args.open_data_scales)),
    }
    for section in SECTIONS:
        if section not in args.only:
            continue
        print(f"[bench] {section}…", flush=True)
        started, load_before = time.time(), load_average()
        value = steps[section]()
        results[section] = {
            "result": value,
            "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "minutes": round((time.time() - started) / 60, 1),
            "load_before": load_before,
            "load_after": load_average(),
        }
        results["machine"] = machine()
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (HERE / "REPORT.md").write_text(report.render(results), encoding="utf-8")
        print(f"[bench] {section} done in {results[section]['minutes']} min", flush=True)
    (HERE / "REPORT.md").write_text(report.render(results), encoding="utf-8")
    print(f"[bench] wrote {HERE / 'REPORT.md'} and {RESULTS}")


if __name__ == "__main__":
    main()
