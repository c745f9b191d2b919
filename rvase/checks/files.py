"""Only regular files are read: a symbolic link in a folder the build reads is refused, whatever it points to (a
missing file, another data file, a file outside the project)."""
import os
import stat
from pathlib import Path

from ..problems import Problem


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
                problems.append(Problem(
                    name, 1, "",
                    "Le fichier est un lien symbolique : il n'est pas lu (le site ne lit que des fichiers et dossiers "
                    "ordinaires). Remplacez-le par le fichier lui-même, ou supprimez-le.",
                    "The file is a symbolic link: it is not read (the site reads only regular files and folders). "
                    "Replace it with the file itself, or delete it."))
    return problems
