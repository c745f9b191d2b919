"""A built folder served over HTTP on 127.0.0.1 under a sub-path, as GitHub Pages serves the site; polling an address."""

import contextlib
import functools
import http.server
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .project import SITE_PATH


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under `base` (SITE_PATH unless told), as the public server does; anything else is 404.

    Like GitHub Pages, a missing address inside the site answers 404 with the site's own 404.html.
    """

    def __init__(self, *args, base: str = SITE_PATH, **kwargs):
        self.base = base
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.base):
            return "/nonexistent/outside-the-site"
        return super().translate_path("/" + path[len(self.base) :])

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not self.path.startswith(self.base) or not not_found_page.exists():
            return super().send_error(code, message, explain)
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder: Path, port: int, base: str = SITE_PATH):
    """`folder` served at http://127.0.0.1:<port><base> while the block runs; yields that address."""
    handler = functools.partial(SiteHandler, directory=str(folder), base=base)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}{base}"
    finally:
        server.shutdown()
        server.server_close()


def poll(url: str, wanted, deadline_seconds: float = 300) -> tuple[int, str]:
    """GET url until `wanted(status, body)` holds; a bound against a hung process, not a timing assertion."""
    deadline = time.monotonic() + deadline_seconds
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                last = (response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            last = (error.code, error.read().decode("utf-8", "replace"))
        except OSError:
            last = None
        if last and wanted(*last):
            return last
        time.sleep(0.25)
    raise AssertionError(f"{url} never answered as expected; last answer: {last and (last[0], last[1][:500])}")
