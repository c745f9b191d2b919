"""MkDocs hook, `mkdocs serve` only: the preview reloads after a save, with the page's Content-Security-Policy as it
is built.

MkDocs' live reload writes an inline script into every page it serves, which the policy (rvase/
content_security_policy.py) blocks, as it blocks every inline script the templates do not write: the page never
reloaded. This hook adds, only when serving, a script file of the site (`preview_reload.js`, allowed by the
policy's 'self') that asks MkDocs' reload address for a newer build and reloads the page. `mkdocs build` writes
neither the file nor its tag.
"""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

SCRIPT = Path(__file__).with_suffix(".js")
ADDRESS = "_preview/reload.js"
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _address(config) -> str:
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/" + ADDRESS


def on_post_page(output: str, page, config) -> str:
    if not _serving or "</body>" not in output:
        return output
    tag = f'<script src="{_address(config)}" defer></script>'
    head, _, tail = output.rpartition("</body>")
    return f"{head}{tag}</body>{tail}"


def on_post_build(config) -> None:
    if _serving:
        target = Path(config.site_dir) / ADDRESS
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCRIPT, target)
