"""The site's own stylesheets as sent: without their comments and indentation, which are for maintainers.

Every page's first load counts them (80 KB budget, tests/test_page_weight.py); the comments explain each rule in
docs/stylesheets/, and cost nothing there. A plain pass, enough for these files: no comment marker in a string.
"""

import re

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SPACE_AROUND = re.compile(r"\s*([{};,>])\s*")


def compact_css(text: str) -> str:
    if re.search(r"""["'][^"'\n]*/\*""", text):
        raise ValueError("a comment marker inside a string: this simple compaction would break it")
    text = _COMMENT.sub("", text)
    lines = (line.strip() for line in text.splitlines())
    return _SPACE_AROUND.sub(r"\1", " ".join(line for line in lines if line)) + "\n"
