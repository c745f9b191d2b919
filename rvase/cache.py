"""Load the catalog once per build: both language builds share it while the files are unchanged."""
from pathlib import Path

from . import settings
from .catalog import Catalog, load_catalog

_last: tuple[tuple, Catalog] | None = None


def _fingerprint(data_dir: Path, interface_file: Path) -> tuple:
    files = sorted(data_dir.rglob("*.yaml")) + [interface_file]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def current_catalog(data_dir: Path = settings.DATA_DIR, interface_file: Path = settings.INTERFACE_FILE) -> Catalog:
    global _last
    key = _fingerprint(data_dir, interface_file)
    if _last is None or _last[0] != key:
        _last = (key, load_catalog(data_dir, interface_file))
    return _last[1]
