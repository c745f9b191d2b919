"""Load the catalog once per build: both language builds share it while the files are unchanged."""

import os
from pathlib import Path

from . import settings
from .catalog import Catalog, load_catalog

_last: tuple[tuple, Catalog] | None = None


def _fingerprint(data_dir: Path, interface_file: Path) -> tuple:
    """Path, modification time and size of every file the catalog is read from: data/*.yaml, data/schema/*.yaml and
    the interface words. Every page's macros ask, so it costs a few system calls, not a walk of data/."""
    paths = [str(interface_file)]
    for folder in (data_dir, data_dir / "schema"):
        if folder.is_dir():
            with os.scandir(folder) as entries:
                paths += [entry.path for entry in entries if entry.name.endswith(".yaml")]
    return tuple((path, *_stamp(path)) for path in sorted(paths))


def _stamp(path: str) -> tuple[int, int]:
    """Modification time and size of the file itself (a link is refused by validation, never followed); (0, 0) when it
    is missing, which validation tells."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return 0, 0
    return found.st_mtime_ns, found.st_size


def current_catalog(project: Path) -> Catalog:
    """The catalog of the project in folder `project` (its data/ and interface words), read again only when they changed."""
    global _last
    data_dir, interface_file = project / settings.DATA_DIR, project / settings.INTERFACE_FILE
    key = _fingerprint(data_dir, interface_file)
    if _last is None or _last[0] != key:
        _last = (key, load_catalog(data_dir, interface_file))
    return _last[1]
