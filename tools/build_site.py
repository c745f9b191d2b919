"""`make build`: the strict build of both languages into a new folder next to the site folder, swapped in only when
the whole build succeeded — a failed build leaves the previous site as it was, never empty or half-built (French
without English).

On success it prints a few lines (pages per language, time); on failure, or when the build warns, the builder's whole
output is shown. Plain Python: it runs the builder as a command (`mkdocs`, or `properdocs` with --builder).

    python tools/build_site.py [--site-dir site] [--builder mkdocs]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rvase.ci_log import inert_line, inert_text
from rvase.settings import DEFAULT_LANGUAGE, LANGUAGES
from rvase.site_map import Addresses

ROOT = Path(__file__).resolve().parent.parent

# The builder's routine chatter: lines at these levels are shown only when the build fails.
_QUIET_LEVELS = ("INFO", "DEBUG")


def language_folder(site: Path, lang: str) -> Path:
    return site / Addresses.folder(lang)


def pages_per_language(site: Path) -> dict[str, int]:
    """The pages (index.html) of each language; the default language's are those outside the other languages' folders."""
    others = {lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE}
    counts = {}
    for lang in LANGUAGES:
        folder = language_folder(site, lang)
        files = folder.rglob("index.html") if folder.is_dir() else []
        counts[lang] = sum(
            1 for file in files if lang != DEFAULT_LANGUAGE or file.relative_to(site).parts[0] not in others
        )
    return counts


def missing_languages(site: Path) -> list[str]:
    """The languages whose home page was not written (a build that stopped between two languages)."""
    return [lang for lang in LANGUAGES if not (language_folder(site, lang) / "index.html").is_file()]


def noisy_lines(output: str) -> list[str]:
    """What the builder said that is not routine: warnings, errors, anything not at INFO or DEBUG level, each with its
    indented continuation lines."""
    kept, keeping = [], False
    for line in output.splitlines():
        if line[:1].isspace() and line.strip():
            if keeping:
                kept.append(line)
            continue
        keeping = bool(line.strip()) and not line.startswith(_QUIET_LEVELS)
        if keeping:
            kept.append(line)
    return kept


def build(site_dir: Path, builder: list[str], project: Path = ROOT) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    new = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        # The builder's output is shown as text (a traceback may quote data): no line of it is a workflow command on
        # GitHub. The data's annotations come from `make check`, which every workflow runs before it builds.
        env = {name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"}
        result = subprocess.run(
            [*builder, "build", "--strict", "--clean", "--site-dir", str(new)],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**env, "NO_MKDOCS_2_WARNING": "1"},
        )
        missing = missing_languages(new) if result.returncode == 0 else []
        if result.returncode != 0 or missing:
            sys.stdout.write(inert_text(result.stdout))
            if missing:
                print(f"The build wrote no home page for: {', '.join(missing)}.")
            print(
                f"FR : la construction a échoué ; {site_dir.name}/ n'a pas été modifié.\n"
                f"EN : the build failed; {site_dir.name}/ was left as it was."
            )
            return result.returncode or 1
        for line in noisy_lines(result.stdout):
            print(inert_line(line))
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-previous-", dir=site_dir.parent))
            os.replace(site_dir, old / site_dir.name)
        os.replace(new, site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)
    counts = pages_per_language(site_dir)
    print(
        "Built "
        + ", ".join(f"{counts[lang]} pages in {lang.upper()}" for lang in LANGUAGES)
        + f" into {site_dir.name}/ in {time.monotonic() - started:.1f} s."
    )
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument(
        "--builder",
        default=str(Path(sys.executable).parent / "mkdocs"),
        help="the builder's command (mkdocs, properdocs)",
    )
    args = parser.parse_args(argv)
    return build(args.site_dir, args.builder.split())


if __name__ == "__main__":
    sys.exit(main())
