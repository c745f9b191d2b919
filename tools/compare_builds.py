"""What a pull request changes on the site: the pages added, removed and changed, per language, between the base
branch's build and the pull request's, compared on the text a reader sees in each page's content (`<article>`),
not on the bytes (addresses, hashes and build stamps differ between any two builds). Written as Markdown for the
job summary of the pull request's checks ($GITHUB_STEP_SUMMARY), with the data problems if there are any.

Plain Python (standard library only), so that it runs in CI before anything else is installed:

    python tools/compare_builds.py BASE_SITE PR_SITE [--problems check-output.txt] >> "$GITHUB_STEP_SUMMARY"

A missing build folder counts as a build with no page (the base branch's build may fail; the pull request's does
when its data has problems, which are then listed).
"""

import argparse
import html.parser
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = {"fr": "Français", "en": "English"}  # the first is the default language, at the site's root
DEFAULT_LANGUAGE = next(iter(LANGUAGES))


class ContentText(html.parser.HTMLParser):
    """The text inside the page's `<article>` (Material's content), whitespace collapsed; scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.skipping, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag == "article"
        if self.depth and tag in ("script", "style"):
            self.skipping += 1

    def handle_endtag(self, tag):
        if self.depth and tag in ("script", "style") and self.skipping:
            self.skipping -= 1
        elif tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        # joined as the page has them: a link's text and the colon after it stay together ("issues:", not "issues :")
        return " ".join("".join(self.parts).split())


def content_text(page: Path) -> str:
    parser = ContentText()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.text()


def pages(site: Path, lang: str) -> dict[str, Path]:
    """The pages of one language: address relative to the language's root → file."""
    root = site if lang == DEFAULT_LANGUAGE else site / lang
    if not root.is_dir():
        return {}
    others = [name for name in LANGUAGES if name != DEFAULT_LANGUAGE]
    found = {}
    for file in root.rglob("index.html"):
        relative = file.parent.relative_to(root).as_posix()
        if lang == DEFAULT_LANGUAGE and relative.split("/")[0] in others:
            continue
        found["" if relative == "." else relative + "/"] = file
    return found


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def compare(base: Path, head: Path) -> dict[str, Changes]:
    result = {}
    for lang in LANGUAGES:
        before, after = pages(base, lang), pages(head, lang)
        result[lang] = Changes(
            added=sorted(set(after) - set(before)),
            removed=sorted(set(before) - set(after)),
            changed=sorted(
                page for page in set(before) & set(after) if content_text(before[page]) != content_text(after[page])
            ),
        )
    return result


def code(text: str) -> str:
    """A Markdown code span that no backtick in the text can close."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def address(lang: str, page: str) -> str:
    return ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + page or "/"


def summary(changes: dict[str, Changes], problems: str = "", head_built: bool = True) -> str:
    lines = ["## Aperçu du site / Site preview", ""]
    if problems.strip():
        lines += [
            "### Problèmes dans les données / Data problems",
            "",
            "```text",
            problems.strip().replace("```", "ʼʼʼ"),
            "```",
            "",
        ]
    if not head_built:
        lines += ["Le site n'a pas pu être construit / The site could not be built.", ""]
        return "\n".join(lines) + "\n"
    for lang, name in LANGUAGES.items():
        found = changes[lang]
        lines += [f"### {name}", ""]
        if not (found.added or found.removed or found.changed):
            lines += ["Aucune page modifiée / No page changed.", ""]
            continue
        for title, items in (
            ("Pages ajoutées / added", found.added),
            ("Pages supprimées / removed", found.removed),
            ("Pages modifiées / changed", found.changed),
        ):
            if items:
                lines.append(f"**{title}** ({len(items)})")
                lines += [f"- {code(address(lang, page))}" for page in items]
                lines.append("")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the base branch's built site")
    parser.add_argument("head", type=Path, help="the pull request's built site")
    parser.add_argument("--problems", type=Path, help="the output of `make check`, shown when it is not empty")
    args = parser.parse_args(argv)
    problems = (
        args.problems.read_text(encoding="utf-8", errors="replace") if args.problems and args.problems.exists() else ""
    )
    head_built = (args.head / "index.html").is_file()
    sys.stdout.write(summary(compare(args.base, args.head), problems, head_built))
    return 0


if __name__ == "__main__":
    sys.exit(main())
