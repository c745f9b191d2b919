"""`make serve`: the live preview, which a data or rendering error never ends.

`mkdocs serve` keeps running when a rebuild fails (it prints the error and serves the last good site, MkDocs ≥ 1.5),
but it exits when the very first build fails. Then this script shows the error — in the terminal, and in the browser
at the preview's own address, a page that reloads itself — and waits for a file of the project to change, then starts
the preview again. Ctrl+C stops it. Plain Python: the builder is a command (`mkdocs`, or `properdocs`).

    python tools/serve_site.py [--dev-addr 127.0.0.1:8000] [--builder mkdocs]
"""
import argparse
import html
import http.server
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


def run_preview(command: list[str], project: Path) -> tuple[int, str]:
    """Run `mkdocs serve` until it exits, echoing its output; return its exit code and its last lines."""
    tail: deque[str] = deque(maxlen=200)
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in process.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            tail.append(line)
        return process.wait(), "".join(tail)
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        raise


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


def main(argv=None) -> int:
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
            print(f"\nFR : la prévisualisation n'a pas pu démarrer ; l'erreur est ci-dessus et sur http://{args.dev_addr}/. "
                  "Elle redémarrera dès qu'un fichier du projet sera enregistré.\n"
                  f"EN : the preview could not start; the error is above and at http://{args.dev_addr}/. "
                  "It starts again as soon as a file of the project is saved.\n", flush=True)
            try:
                server = serve_error(host, int(port), log)
            except OSError as error:  # the address is taken (another preview?): nothing to wait for
                print(f"FR : l'adresse {args.dev_addr} est indisponible ({error}).\n"
                      f"EN : the address {args.dev_addr} is not available ({error}).", file=sys.stderr)
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
