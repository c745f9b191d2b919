"""First-load transfer of every page of a built site: bytes, not seconds, so a test can hold the budget.

A page's first load is its HTML plus every same-origin stylesheet, script, image and icon it references,
and the fonts and images those stylesheets reference with url(…). Text is counted gzip-compressed (zlib
level 6, the usual server default, and what bench/serve.py sends); already-compressed formats (PNG, JPEG,
WebP, WOFF/WOFF2…) are counted as they are, as a server sends them. The search index is left out: Material
fetches it once the page is shown, for its search worker; it holds up nothing (see `search_index`).

Usable alone: `python bench/page_weight.py SITE_DIR` prints the heaviest pages.
"""

import gzip
import json
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

BUDGET = 80 * 1024  # bytes per page, first load, compressed
# Formats a server sends as they are (compressing them again gains nothing).
PRECOMPRESSED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2"}
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")


@dataclass
class PageWeight:
    page: str  # the page's address relative to the site root: "", "members/", "en/members/"
    resources: dict = field(default_factory=dict)  # address relative to the site root → bytes sent
    missing: list = field(default_factory=list)  # same-origin references with no file behind them

    @property
    def total(self) -> int:
        return sum(self.resources.values())


@cache
def sent_bytes(file: Path) -> int:
    """What a gzip-compressing server sends for `file`."""
    data = file.read_bytes()
    if file.suffix.lower() in PRECOMPRESSED:
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _local_target(site_dir: Path, base: PurePosixPath, reference: str, site_url: str | None) -> str | None:
    """The site-relative path `reference` points to, or None when it is another origin or inline data."""
    reference = reference.strip()
    if not reference or reference.startswith(("data:", "#", "mailto:", "javascript:")):
        return None
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        if not site_url or not reference.startswith(site_url):
            return None
        path = PurePosixPath(unquote(urlsplit(reference[len(site_url) :]).path))
    elif parts.path.startswith("/"):
        # Root-absolute: the site may live under a sub-path (site_url); strip it.
        prefix = urlsplit(site_url).path if site_url else "/"
        path = PurePosixPath(unquote(parts.path[len(prefix) :] if parts.path.startswith(prefix) else parts.path))
    else:
        path = base / unquote(parts.path)
    normal = []
    for part in path.parts:
        if part == "..":
            if normal:
                normal.pop()
        elif part not in (".", ""):
            normal.append(part)
    target = "/".join(normal)
    if (site_dir / target).is_dir():
        target = (target + "/index.html").lstrip("/")
    return target


@cache
def _css_references(file: Path) -> tuple[str, ...]:
    text = file.read_text(encoding="utf-8", errors="replace")
    return tuple(next(g for g in match.groups() if g is not None) for match in _CSS_URL.finditer(text))


def page_weight(site_dir: Path, page: str, site_url: str | None = None) -> PageWeight:
    """The first-load transfer of the page at `page` ("", "members/", "en/", "404.html")."""
    html_file = site_dir / page / "index.html" if not page.endswith(".html") else site_dir / page
    html_path = html_file.relative_to(site_dir).as_posix()
    weight = PageWeight(page, {html_path: sent_bytes(html_file)})
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    base = PurePosixPath(html_path).parent
    references = [
        tag.get("href")
        for tag in soup.select("link[href]")
        if {"stylesheet", "icon", "apple-touch-icon"} & set(tag.get("rel") or [])
    ]
    references += [tag.get("src") for tag in soup.select("script[src], img[src]")]
    pending = [(base, r) for r in references if r]
    while pending:
        base, reference = pending.pop(0)
        target = _local_target(site_dir, base, reference, site_url)
        if target is None or target in weight.resources:
            continue
        file = site_dir / target
        if not file.is_file():
            weight.missing.append(target)
            continue
        weight.resources[target] = sent_bytes(file)
        if file.suffix == ".css":
            css_base = PurePosixPath(target).parent
            pending += [(css_base, r) for r in _css_references(file)]
    return weight


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, both languages: the folders holding an index.html, and 404.html."""
    pages = sorted(
        "" if f.parent == site_dir else f.parent.relative_to(site_dir).as_posix() + "/"
        for f in site_dir.rglob("index.html")
    )
    return pages + (["404.html"] if (site_dir / "404.html").exists() else [])


def search_index(site_dir: Path) -> dict[str, dict]:
    """The search index of each language (hooks/search_by_language.py): French at search/, English at en/search/;
    a page fetches its own language's. Returned: `file → bytes sent, raw bytes, entries`."""
    found = {}
    for file in sorted(site_dir.rglob("search_index.json")):
        documents = json.loads(file.read_text(encoding="utf-8"))
        found[file.relative_to(site_dir).as_posix()] = {
            "bytes": sent_bytes(file),
            "raw": file.stat().st_size,
            "entries": len(documents["docs"]),
            "lang": documents["config"]["lang"],
        }
    return found


def main(site_dir: str, site_url: str | None = None) -> None:
    weights = sorted(
        (page_weight(Path(site_dir), p, site_url) for p in site_pages(Path(site_dir))), key=lambda w: -w.total
    )
    for w in weights[:15]:
        print(f"{w.total / 1024:7.1f} KB  {w.page or '/'}" + (f"  (missing: {w.missing})" if w.missing else ""))
    print(f"{len(weights)} pages; over {BUDGET // 1024} KB: {sum(w.total > BUDGET for w in weights)}")


if __name__ == "__main__":
    main(*sys.argv[1:])
