"""MkDocs hook: the site's own stylesheets (stylesheets/*.css) are written without comments (rvase/compact.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, where rvase/ lives

from rvase.compact import compact_css  # noqa: E402


def on_post_build(config):
    for stylesheet in sorted((Path(config.site_dir) / "stylesheets").glob("*.css")):
        text = stylesheet.read_text(encoding="utf-8")
        compacted = compact_css(text)
        if compacted != text:
            stylesheet.write_text(compacted, encoding="utf-8")
