"""A problem found in the data, told in plain words to a maintainer, in both languages."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    fr: str
    en: str

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def describe(self) -> str:
        field = f" [{self.field}]" if self.field else ""
        return f"{self.location()}{field}\n    FR : {self.fr}\n    EN : {self.en}"

    def github_annotation(self) -> str:
        """The workflow command GitHub Actions shows on the line of the pull request's diff, encoded as GitHub's
        runner decodes it: in the message `%`, CR and LF; in a property also `:` and `,` (which end it)."""
        properties = {"file": self.file, "line": str(self.line) if self.line else None, "title": "Data error / Erreur de données"}
        listed = ",".join(f"{name}={encode_property(value)}" for name, value in properties.items() if value)
        return f"::error {listed}::{encode_data(f'{self.field}: {self.en} / {self.fr}' if self.field else f'{self.en} / {self.fr}')}"


def encode_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped, so that data cannot end the line or start a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def encode_property(text: str) -> str:
    """A workflow command's property value (file, title): as a message, and `:` and `,` escaped too."""
    return encode_data(text).replace(":", "%3A").replace(",", "%2C")


class DataError(Exception):
    """Raised with every problem of a run, so the maintainer sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = (
            f"{count} problème(s) dans les données : aucune page n'a été écrite.\n"
            f"{count} problem(s) in the data: no page was written.\n"
        )
        return head + "\n".join(p.describe() for p in self.problems)
