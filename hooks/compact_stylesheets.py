"""MkDocs hook: the site's own stylesheets (stylesheets/*.css) are written without comments (rvase/compact.py)."""
from pathlib import Path

from rvase.compact import compact_css


def on_post_build(config):
    for stylesheet in sorted((Path(config.site_dir) / "stylesheets").glob("*.css")):
        text = stylesheet.read_text(encoding="utf-8")
        compacted = compact_css(text)
        if compacted != text:
            stylesheet.write_text(compacted, encoding="utf-8")
