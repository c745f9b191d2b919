"""Interface words: one file, both languages side by side."""

from .problems import DataError, Problem


class Words:
    """The interface words of one language; a missing key stops the build and names it."""

    def __init__(self, table: dict, lang: str, shown_as: str):
        self.table, self.lang, self.shown_as = table, lang, shown_as

    def __call__(self, key: str, **values) -> str:
        if key not in self.table:
            raise DataError(
                [
                    Problem(
                        self.shown_as,
                        None,
                        key,
                        f"Le mot d'interface « {key} » manque : ajoutez-le avec sa traduction fr et en.",
                        f"The interface word '{key}' is missing: add it with its fr and en translations.",
                    )
                ]
            )
        text = self.table[key][self.lang]
        return text.format(**values) if values else text
