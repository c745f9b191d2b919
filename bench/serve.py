"""A small static server that compresses, as a real host does: the site under its path, gzip for text.

Lighthouse measures what a reader receives, so the site is served the way GitHub Pages serves it: under its
sub-path, text compressed with gzip when the browser asks for it, the site's own 404.html for a missing page.

`python bench/serve.py SITE_DIR PORT [/path/]` serves until interrupted.
"""

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

from page_weight import PRECOMPRESSED


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    site_path = "/"
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host

    def translate_path(self, path):
        if not path.startswith(self.site_path):
            return "/nonexistent/outside-the-site"
        return super().translate_path("/" + path[len(self.site_path) :])

    def send_head(self):
        local = Path(self.translate_path(self.path.split("?")[0].split("#")[0]))
        if local.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            local = local / "index.html"
        status = 200
        if not local.is_file():
            local, status = Path(self.directory) / "404.html", 404
            if not local.is_file():
                self.send_error(404)
                return None
        body = local.read_bytes()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and local.suffix.lower() not in PRECOMPRESSED
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        self._body = body
        return None

    def do_GET(self):
        self._body = None
        self.send_head()
        if self._body is not None:
            self.wfile.write(self._body)

    def do_HEAD(self):
        self._body = None
        self.send_head()

    def log_message(self, *args):
        pass


def start(site_dir: Path, port: int, site_path: str = "/") -> http.server.ThreadingHTTPServer:
    """Serve `site_dir` at http://127.0.0.1:port{site_path} in a background thread; call .shutdown() to stop."""
    handler = functools.partial(
        type("Handler", (CompressingHandler,), {"site_path": site_path}), directory=str(site_dir)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    site, port, path = sys.argv[1], int(sys.argv[2]), (sys.argv[3] if len(sys.argv) > 3 else "/")
    start(Path(site), port, path)
    print(f"Serving {site} at http://127.0.0.1:{port}{path} (Ctrl-C to stop)")
    threading.Event().wait()
