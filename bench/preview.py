"""The preview loop: from saving a data file to the rebuilt page in `mkdocs serve`, as a maintainer lives it.

In a copy of the project, `mkdocs serve` runs on a free 127.0.0.1 port. Each round writes a new word into a
project's summary in data/projects.yaml and polls that project's page (every 20 ms) until the word is there;
the time from the write to the first answer that holds it is the loop's time. The server's log, read as it
comes, splits each round into its stages and counts the rebuilds a save caused.
"""

import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import PYTHON, build_environment, copy_project, free_port, median

POLL_SECONDS = 0.02
# (stage, the log line that ends it): MkDocs' live-reload server and mkdocs-static-i18n announce each step.
STAGES = (
    ("change noticed (MkDocs polls the files every 0.5 s)", "Detected file changes"),
    ("configuration loaded again, plugins and hooks set up", "Building 'fr' documentation"),
    ("French build", "Building 'en' documentation"),
    ("English build, search index, feeds", "Reloading browsers"),
)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, timeout: float) -> float | None:
    """Seconds until `url` answers with `needle` in it, or None after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        text = _get(url)
        if text is not None and needle in text:
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    return None


class _Log:
    """The server's log lines, each with the time it arrived."""

    def __init__(self, stream):
        self.lines: list[tuple[float, str]] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.lines.append((time.perf_counter(), line))

    def first_after(self, start: float, text: str) -> float | None:
        return next((at for at, line in list(self.lines) if at >= start and text in line), None)

    def count_between(self, start: float, end: float, text: str) -> int:
        return sum(1 for at, line in list(self.lines) if start <= at <= end and text in line)


def measure(work: Path, rounds: int = 5, data_dir: Path | None = None) -> dict:
    """Median seconds from a data file saved to its page served with the change (`data_dir`: other data)."""
    project = copy_project(work / "preview")
    if data_dir:
        subprocess.run(["rm", "-rf", str(project / "data")], check=True)
        subprocess.run(["cp", "-r", str(data_dir), str(project / "data")], check=True)
    data_file = project / "data" / "projects.yaml"
    text = data_file.read_text(encoding="utf-8")
    project_id = re.search(r"^  - id: (\S+)", text, re.M).group(1)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = build_environment({"SITE_URL": base})
    server = subprocess.Popen(
        [str(PYTHON), "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    log = _Log(server.stderr)
    try:
        started = _wait_for(base, "</html>", timeout=600)
        if started is None:
            raise RuntimeError(f"mkdocs serve did not answer {base}")
        page = f"{base}projects/{project_id}/"
        if _get(page) is None:
            page = f"{base}projects/"  # without record pages, the list shows the summary
        rounds_found = []
        for round_number in range(1, rounds + 1):
            word = f"Benchmarkword{round_number}x{port}"
            changed = re.sub(r'(summary:\n\s+fr: ")', rf"\1{word} ", text, count=1)
            time.sleep(1.0)  # let the previous rebuild settle, as a maintainer between two edits
            start = time.perf_counter()
            data_file.write_text(changed, encoding="utf-8")
            seen = _wait_for(page, word, timeout=300)
            if seen is None:
                raise RuntimeError(f"the change to {data_file.name} never reached {page}")
            time.sleep(2.0)  # a second rebuild, if the first one triggered it, would be announced by now
            stages, previous = {}, start
            for stage, line in STAGES:
                at = log.first_after(previous, line)
                stages[stage] = round(at - previous, 2) if at else None
                previous = at or previous
            stages["page served"] = round(start + seen - previous, 2)
            rounds_found.append(
                {
                    "seconds": round(seen, 2),
                    "stages": stages,
                    "rebuilds": log.count_between(start, time.perf_counter(), "Detected file changes"),
                }
            )
        times = [r["seconds"] for r in rounds_found]
        return {
            "page": page.removeprefix(base),
            "first_build_seconds": round(started, 2),
            "seconds": times,
            "median": round(median(times), 2),
            "rounds": rounds_found,
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
