"""Debian's Chromium, as every browser test launches it, and the checkers the browser tests run in it or beside it."""

import os
import shutil

from .project import ROOT

CHROMIUM = os.environ.get("RVASE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
# The checkers, pinned in package-lock.json and installed by `make test` (npm ci).
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
