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
        """The form GitHub Actions shows on the line of the pull request's diff."""
        line = f",line={self.line}" if self.line else ""
        text = f"{self.field}: {self.en} / {self.fr}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.file}{line},title=Data error::{text}"


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
