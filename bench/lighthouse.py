"""Lighthouse (npm package, bench/package-lock.json) with Debian's chromium on four pages, mobile profile.

The site is built for its own address (SITE_URL = http://127.0.0.1:PORT/rvase/, a sub-path as on GitHub
Pages) and served by bench/serve.py, which compresses as a real host does. Each page is audited `runs` times
(Lighthouse's default mobile profile: a mid-range phone, simulated slow 4G, 4× CPU slowdown); the run with
the median performance score is kept, as Lighthouse's own documentation recommends. The site is built with the
machine's date as "today", as the nightly deployment is: the calendar's view-time correction then has nothing to move.
"""

import datetime
import json
import os
import subprocess
from pathlib import Path

from common import copy_project, free_port, mkdocs_build
from serve import start

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# No network beyond the registries here: Chromium's own background connections stay off.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run --disable-quic"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "FCP": "first-contentful-paint",
    "SI": "speed-index",
}
SITE_PATH = "/rvase/"


def audited_pages(site: Path) -> list[tuple[str, str]]:
    """(name, address): the home page, the action plan, the calendar, a project, an event and a news item, in both
    languages."""

    def first_page(folder: str) -> str:
        records = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
        return f"{folder}/{records[0]}/" if records else f"{folder}/"

    pages = [
        ("home", ""),
        ("action plan", "action-plan/"),
        ("calendar", "calendar/"),
        ("project", first_page("projects")),
        ("event", first_page("calendar")),
        ("news item", first_page("news")),
    ]
    return [
        (f"{name} ({lang})", ("en/" if lang == "en" else "") + address)
        for lang in ("fr", "en")
        for name, address in pages
    ]


def audit(url: str, output: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        check=True,
        capture_output=True,
        timeout=300,
    )
    report = json.loads(output.read_text(encoding="utf-8"))
    failing = sorted(
        f"{category}: {ref['id']}"
        for category, found in report["categories"].items()
        for ref in found["auditRefs"]
        if ref["weight"] > 0
        and report["audits"][ref["id"]]["score"] is not None
        and report["audits"][ref["id"]]["score"] < 1
        and category != "performance"
    )
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "metrics": {name: report["audits"][audit_id]["numericValue"] for name, audit_id in METRICS.items()},
        "transfer_kb": round(report["audits"]["total-byte-weight"]["numericValue"] / 1024, 1),
        "requests": len(report["audits"]["network-requests"]["details"]["items"]),
        "failing": failing,
        "lighthouse": report["lighthouseVersion"],
        "chrome": report["environment"]["hostUserAgent"].split("Chrome/")[-1].split(" ")[0],
        "benchmark_index": report["environment"]["benchmarkIndex"],
    }


def measure(work: Path, runs: int = 3) -> dict:
    if not LIGHTHOUSE.exists():
        raise RuntimeError("Lighthouse is not installed: run `npm ci --prefix bench` (make bench does).")
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}{SITE_PATH}"
    site = work / "lighthouse-site"
    mkdocs_build(
        copy_project(work / "lighthouse-project"),
        site,
        {"SITE_URL": site_url, "RVASE_TODAY": datetime.date.today().isoformat()},
    )
    server = start(site, port, SITE_PATH)
    results = {}
    try:
        for name, address in audited_pages(site):
            found = [audit(site_url + address, work / f"lighthouse-{len(results)}-{run}.json") for run in range(runs)]
            found.sort(key=lambda r: r["scores"]["performance"])
            results[name] = {
                "address": address,
                **found[len(found) // 2],
                "performance_runs": [r["scores"]["performance"] for r in found],
            }
    finally:
        server.shutdown()
    return results
