"""`python -m rvase.check`: validate data/ and i18n/ without building; exit 1 with every problem.

Everything it prints may reach a CI log: the problems' annotations are encoded workflow commands, and the report,
as any other text it prints, holds no line GitHub would read as a command (rvase/ci_log.py).
"""

import os
import sys
import traceback

from .catalog import load_catalog
from .ci_log import inert_text
from .problems import DataError


def main() -> int:
    try:
        catalog = load_catalog()
    except DataError as error:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(p.github_annotation() for p in error.problems))
        print(error.report(), file=sys.stderr)
        return 1
    except Exception:  # a defect, not a data problem: its traceback may quote the data that caused it
        print(inert_text(traceback.format_exc()), file=sys.stderr)
        print(
            "FR : la vérification s'est arrêtée sur une erreur du programme (ci-dessus), pas sur un problème signalé "
            "dans les données.\nEN : the check stopped on an error of the program (above), not on a problem it "
            "reports in the data.",
            file=sys.stderr,
        )
        return 2
    counts = ", ".join(
        f"{len(catalog.records(k))} {k}" for k in ("members", "themes", "projects", "events", "news", "partners")
    )
    print(f"Données valides / data valid: {counts}, {len(catalog.actions())} actions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
