"""MkDocs hook added by bench/build_cost.py to a copy of the project: keeps each page's Markdown as rendered.

It runs after every other handler of on_page_markdown (lowest priority), so what it writes is the Markdown
MkDocs is about to convert: macros already replaced by the data's content, in the page's language. Written
to $RVASE_CAPTURE_DIR/<page url>.md ("en/members/" → en/members.md), the bare project's docs/ layout.
"""

import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-1000)
def on_page_markdown(markdown: str, page, config, files) -> str:
    url = page.url.removesuffix(".html").rstrip("/")
    home = page.file.src_uri.split("/")[-1].startswith("index.")  # "" and "en/": a folder's index page
    target = Path(os.environ["RVASE_CAPTURE_DIR"]) / (f"{url}/index.md" if home else f"{url}.md").lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
