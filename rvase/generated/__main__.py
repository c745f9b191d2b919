"""`python -m rvase.generated` writes the generated parts of the project's files anew; with `--check`, writes
nothing and exits 1 naming every file that is out of date (the suite runs it)."""

import argparse
import sys
from pathlib import Path

from . import expected_files
from .regions import COMMAND, MissingMarkers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is out of date")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project's folder (the current one)")
    args = parser.parse_args(argv)
    try:
        files = expected_files(args.root)
    except MissingMarkers as error:
        print(error.message(), file=sys.stderr)
        return 1
    stale = [file for file, (now, expected) in files.items() if now != expected]
    if args.check:
        for file in stale:
            print(
                f"FR : « {file.as_posix()} » n'est pas à jour de data/schema/ ou i18n/interface.yaml : lancez `{COMMAND}`.\n"
                f"EN : '{file.as_posix()}' is out of date with data/schema/ or i18n/interface.yaml: run `{COMMAND}`.",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for file in stale:
        (args.root / file).write_text(files[file][1], encoding="utf-8")
        print(f"écrit / written: {file.as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
