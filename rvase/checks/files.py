"""Only regular files are read: a symbolic link in a folder the build reads is refused, whatever it points to (a
missing file, another data file, a file outside the project)."""

import os
import stat
from pathlib import Path

from ..problems import Problem
from . import messages


def symbolic_links(folders: dict[str, Path]) -> list[Problem]:
    """A problem for each symbolic link among `folders` (shown name → folder) and their files, the folders included."""
    problems, told = [], set()
    for shown, folder in folders.items():
        entries = [(shown, folder)]
        if os.path.isdir(folder) and not os.path.islink(folder):
            with os.scandir(folder) as found:
                entries += sorted((f"{shown}/{entry.name}", Path(entry.path)) for entry in found)
        for name, path in entries:
            if name in told:
                continue  # a folder listed both in its parent and on its own
            told.add(name)
            try:
                is_link = stat.S_ISLNK(os.lstat(path).st_mode)
            except FileNotFoundError:
                continue  # a missing folder or file: the reader of that file says so
            if is_link:
                problems.append(Problem(name, 1, "", *messages.symbolic_link()))
    return problems
