"""A problem found in the data, told in plain words to a maintainer, in both languages."""

from dataclasses import dataclass

from .ci_log import error_command, inert_text, one_line


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    fr: str
    en: str

    def location(self) -> str:
        return f"{one_line(self.file)}:{self.line}" if self.line else one_line(self.file)

    def describe(self) -> str:
        """The problem as the report prints it; the file and the field (which hold data: a key, an id) on their line."""
        field = f" [{one_line(self.field)}]" if self.field else ""
        return f"{self.location()}{field}\n    FR : {self.fr}\n    EN : {self.en}"

    def github_annotation(self) -> str:
        """The workflow command GitHub Actions shows on the line of the pull request's diff, encoded as GitHub's
        runner decodes it: in the message `%`, CR and LF; in a property also `:` and `,` (which end it)."""
        return error_command(
            f"{self.field}: {self.en} / {self.fr}" if self.field else f"{self.en} / {self.fr}",
            file=self.file,
            line=str(self.line) if self.line else None,
            title="Data error / Erreur de données",
        )


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
        # A message quotes data, which may hold a line break: no line of the report can be read as a workflow command.
        return inert_text(head + "\n".join(p.describe() for p in self.problems))
