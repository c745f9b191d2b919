"""`make serve`: the live preview, which a data or rendering error never ends.

`mkdocs serve` exits when its very first build fails, and when a later rebuild fails it keeps every request waiting
for a build that never comes (MkDocs 1.6: "the server will appear stuck"). Then this script stops it, shows the
error — in the terminal, and in the browser at the preview's own address, a page that reloads itself (an open page
reloads onto it: hooks/preview_reload.py) — waits for a file of the project to change, and starts the preview
again. Ctrl+C, SIGTERM, SIGHUP (a closed terminal) or any other end of this script takes the server down with it:
it runs in a process group of its own, which is stopped on the way out, and on Linux it is also told to stop if
this script is killed outright. Plain Python: the builder is a command (`mkdocs`, or `properdocs`).

    python tools/serve_site.py [--dev-addr 127.0.0.1:8000] [--builder mkdocs]
"""

import argparse
import ctypes
import html
import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the preview depends on: a change to any of these may fix the error (mkdocs.yml's `watch` and the theme).
WATCHED = ("data", "i18n", "docs", "rvase", "macros", "hooks", "overrides", "mkdocs.yml", "CONTRIBUTING.md")
POLL_SECONDS = 0.5
# What MkDocs prints when a rebuild fails (mkdocs/livereload), and when a rebuild starts.
REBUILD_FAILED = "An error happened during the rebuild"
REBUILD_STARTED = "Detected file changes"
STOP_SECONDS = 10
ERROR_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Erreur de construction / Build error</title></head>
<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem">
<h1>Le site n'a pas pu être construit</h1>
<p>Corrigez le problème ci-dessous et enregistrez le fichier : la prévisualisation reprendra d'elle-même.</p>
<h2 lang="en">The site could not be built</h2>
<p lang="en">Fix the problem below and save the file: the preview starts again by itself.</p>
<pre style="white-space:pre-wrap">{log}</pre>
</body></html>
"""


def snapshot(project: Path) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every watched file, to notice an edit without a watcher library."""
    state = {}
    for name in WATCHED:
        path = project / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            state[str(file)] = (stat.st_mtime_ns, stat.st_size)
    return state


def _stop_with_parent() -> None:
    """In the server's process, before it starts (Linux): a SIGTERM when this script dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def stop(process: subprocess.Popen) -> None:
    """The server and everything it started (its process group): SIGTERM, then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=STOP_SECONDS)
            return
        except subprocess.TimeoutExpired:
            continue


def run_preview(command: list[str], project: Path) -> tuple[int, str]:
    """Run `mkdocs serve` until it exits or a rebuild fails, echoing its output; return its exit code (1 for a failed
    rebuild) and its last lines since the last rebuild started."""
    tail: deque[str] = deque(maxlen=200)
    process = subprocess.Popen(
        command,
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        preexec_fn=_stop_with_parent,
    )
    assert process.stdout is not None  # stdout=PIPE
    try:
        for line in process.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if REBUILD_STARTED in line:
                tail.clear()
            tail.append(line)
            if REBUILD_FAILED in line:
                return 1, "".join(tail)
        return process.wait(), "".join(tail)
    finally:
        stop(process)


def serve_error(host: str, port: int, log: str) -> http.server.ThreadingHTTPServer:
    page = ERROR_PAGE.format(log=html.escape(log)).encode("utf-8")

    class ErrorPage(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(503)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((host, port), ErrorPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait_for_change(project: Path) -> None:
    before = snapshot(project)
    while snapshot(project) == before:
        time.sleep(POLL_SECONDS)


def _leave(signum, frame):
    """SIGTERM or SIGHUP: leave as on Ctrl+C, through every `finally` (the server is stopped there)."""
    raise KeyboardInterrupt


def main(argv=None) -> int:
    signal.signal(signal.SIGTERM, _leave)
    signal.signal(signal.SIGHUP, _leave)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    parser.add_argument("--builder", default=str(Path(sys.executable).parent / "mkdocs"))
    args = parser.parse_args(argv)
    host, port = args.dev_addr.rsplit(":", 1)
    command = [*args.builder.split(), "serve", "--dev-addr", args.dev_addr]
    try:
        while True:
            code, log = run_preview(command, Path.cwd())
            if code == 0:
                return 0
            print(
                f"\nFR : le site n'a pas pu être construit ; l'erreur est ci-dessus et sur http://{args.dev_addr}/. "
                "La prévisualisation redémarrera dès qu'un fichier du projet sera enregistré.\n"
                f"EN : the site could not be built; the error is above and at http://{args.dev_addr}/. "
                "The preview starts again as soon as a file of the project is saved.\n",
                flush=True,
            )
            try:
                server = serve_error(host, int(port), log)
            except OSError as error:  # the address is taken (another preview?): nothing to wait for
                print(
                    f"FR : l'adresse {args.dev_addr} est indisponible ({error}).\n"
                    f"EN : the address {args.dev_addr} is not available ({error}).",
                    file=sys.stderr,
                )
                return code
            try:
                wait_for_change(Path.cwd())
            finally:
                server.shutdown()
                server.server_close()
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
