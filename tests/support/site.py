"""A built site's pages, parsed once each."""

import functools
from pathlib import Path

from bs4 import BeautifulSoup

from .project import LANGUAGES


class Site:
    def __init__(self, path: Path, log: str):
        self.path, self.log = path, log

    @functools.cache  # noqa: B019 (one Site per build: its cache lives as long as it does)
    def page(self, relative: str) -> BeautifulSoup:
        """`members/` or `en/members/` → the parsed index.html there."""
        file = self.path / relative / "index.html" if not relative.endswith(".html") else self.path / relative
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def pages(self, lang: str) -> list[str]:
        """Page addresses of one language, relative to its root (`""`, `members/`, …)."""
        root = self.path / "en" if lang == "en" else self.path
        found = []
        for file in root.rglob("index.html"):
            relative = file.parent.relative_to(root).as_posix()
            if lang == "fr" and relative.split("/")[0] == "en":
                continue
            found.append("" if relative == "." else relative + "/")
        return sorted(found)

    @staticmethod
    def address(lang: str, page: str) -> str:
        return ("en/" if lang == "en" else "") + page

    def every_page(self):
        """(language, address, parsed page) of every page of both languages, then the bilingual 404.html (French first)."""
        for lang in LANGUAGES:
            for page in self.pages(lang):
                yield lang, self.address(lang, page), self.page(self.address(lang, page))
        yield "fr", "404.html", self.page("404.html")

    def html_files(self) -> list[str]:
        """Every HTML file of the site, relative to it."""
        return sorted(path.relative_to(self.path).as_posix() for path in self.path.rglob("*.html"))
