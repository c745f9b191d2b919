"""The finishing step over a built site folder, whatever built it (MkDocs, ProperDocs, a trial of another builder).

    python -m rvase.finish SITE_DIR [--project .] [--site-url URL] [--theme-dir DIR …]

It writes what is made from the built pages or once for the whole site, after every language is built:
- the site's own stylesheets without their comments (rvase/compact.py);
- the open data under data/ (rvase/exports.py), from the same catalog as the pages;
- a sitemap in every folder Material's language script looks in (rvase/sitemaps.py);
- last, the Content-Security-Policy of every page (rvase/content_security_policy.py), which hashes the inline scripts
  of the final HTML. The site's own scripts are recognised by a mark known only to the process that built the pages:
  run in another process, give it the same RVASE_SCRIPT_MARK as the build.
An inline script that neither the theme nor the site writes is left without a hash (browsers will not run it) and
reported: the command exits 1; the MkDocs hook (hooks/finish.py) stops the strict build, naming the page's source.
"""

import argparse
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

from .cache import current_catalog
from .compact import compact_css
from .content_security_policy import known_script_patterns, with_policy
from .exports import EXPORTS_FOLDER, current_open_data
from .problems import DataError
from .sitemaps import alternate_folders, write_folder_sitemaps


@dataclass(frozen=True)
class UnknownScript:
    page: str  # the built file, relative to the site folder: "contribute/index.html", "404.html"
    text: str


def compact_stylesheets(site_dir: Path) -> None:
    for stylesheet in sorted((site_dir / "stylesheets").glob("*.css")):
        text = stylesheet.read_text(encoding="utf-8")
        compacted = compact_css(text)
        if compacted != text:
            stylesheet.write_text(compacted, encoding="utf-8")


def write_open_data(site_dir: Path, project: Path, site_url: str) -> None:
    folder = site_dir / EXPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in current_open_data(current_catalog(project), site_url).files.items():
        (folder / name).write_bytes(content)


def page_address(site_url: str, relative: str) -> str:
    """The address a built file is served at: `members/index.html` → `<site_url>members/`."""
    folder, _, name = relative.rpartition("/")
    return site_url + (folder + "/" if folder else "") + ("" if name == "index.html" else name)


def finish_site(site_dir: Path, project: Path, site_url: str, theme_dirs: list[Path]) -> list[UnknownScript]:
    """Finish the site in `site_dir`, built from the project in `project` for `site_url`, with the theme's templates in
    `theme_dirs` (overrides first); return the inline scripts left out of the pages' policies."""
    compact_stylesheets(site_dir)
    write_open_data(site_dir, project, site_url)
    known = known_script_patterns(theme_dirs)
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    folders: set[str] = set()
    unknown: list[UnknownScript] = []
    for page in pages:
        path = site_dir / page
        text = path.read_text(encoding="utf-8")
        folders |= alternate_folders(text, page_address(site_url, page))
        try:
            finished, left_out = with_policy(text, known)
        except ValueError as error:
            raise ValueError(f"{page}: {error}") from None
        unknown += [UnknownScript(page, script) for script in left_out]
        path.write_text(finished, encoding="utf-8")
    write_folder_sitemaps(site_dir, site_url, folders)
    return unknown


def _material_templates() -> list[Path]:
    spec = importlib.util.find_spec("material")
    return [Path(spec.origin).parent / "templates"] if spec and spec.origin else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--project", type=Path, default=Path(), help="the project folder (data/, i18n/): here")
    parser.add_argument("--site-url", default="/", help="the site's public address, as in mkdocs.yml")
    parser.add_argument(
        "--theme-dir",
        type=Path,
        action="append",
        help="a folder of the theme's templates, overrides first (default: overrides/ and Material's)",
    )
    arguments = parser.parse_args(argv)
    theme_dirs = arguments.theme_dir or [arguments.project / "overrides", *_material_templates()]
    try:
        unknown = finish_site(arguments.site_dir, arguments.project, arguments.site_url, theme_dirs)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"rvase.finish: {error}", file=sys.stderr)
        return 1
    for script in unknown:
        print(
            f"{script.page}: an inline script that neither the theme nor the site writes, left out of the page's "
            f"Content-Security-Policy (browsers will not run it): {script.text!r:.120}",
            file=sys.stderr,
        )
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
