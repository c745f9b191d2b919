"""Settings that matter, declared once."""
import datetime
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
INTERFACE_FILE = ROOT / "i18n" / "interface.yaml"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def today() -> datetime.date:
    """The day the build calls "today": RVASE_TODAY (tests), else SOURCE_DATE_EPOCH (reproducible builds), else the clock."""
    if os.environ.get("RVASE_TODAY"):
        return datetime.date.fromisoformat(os.environ["RVASE_TODAY"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.UTC).date()
    return datetime.date.today()
