"""Settings that matter, declared once."""

import datetime
import os
from pathlib import Path

# The project's files, relative to the project folder: the folder of mkdocs.yml in a build (the hooks join them to
# it), the current folder for the command-line tools (`python -m rvase.check`). Never found from this package's own
# place: an installed core builds any copy of the project, each from its own data.
DATA_DIR = Path("data")
INTERFACE_FILE = Path("i18n") / "interface.yaml"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def today() -> datetime.date:
    """The day the build calls "today": RVASE_TODAY (tests), else SOURCE_DATE_EPOCH (reproducible builds), else the clock."""
    if os.environ.get("RVASE_TODAY"):
        return datetime.date.fromisoformat(os.environ["RVASE_TODAY"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.UTC).date()
    return datetime.date.today()
