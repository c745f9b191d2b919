"""`python -m rvase.check`: validate data/ and i18n/ without building; exit 1 with every problem."""
import os
import sys

from .catalog import load_catalog
from .problems import DataError


def main() -> int:
    try:
        catalog = load_catalog()
    except DataError as error:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(p.github_annotation() for p in error.problems))
        print(error.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(catalog.records(k))} {k}" for k in ("members", "themes", "projects", "events", "news", "partners"))
    print(f"Données valides / data valid: {counts}, {len(catalog.actions())} actions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
