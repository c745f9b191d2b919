"""Build cost: the full bilingual build against a bare Material build of the very same rendered content.

The bare project is made from the real one: a copy of the project is built once with bench/capture_markdown.py
as an extra hook, which writes the Markdown of every page of both languages after the macros ran. Those files
become the docs/ of a project with the same theme settings, stylesheets, scripts, Markdown extensions and
navigation, and nothing else: no macros, no i18n plugin, no hooks, no data. French pages at /, English at /en/.

The two builds are then timed alternately (real, bare, real, bare…), after one untimed build of each, so that
a change of load on the machine hits both alike; the ratio of the medians is reported. A cProfile of one real
build says where the time goes.
"""

import json
import pstats
import shutil
import subprocess
import time
from pathlib import Path

import yaml
from common import PYTHON, ROOT, build_environment, copy_project, median, mkdocs_build

HERE = Path(__file__).resolve().parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` gives the default (the bare build sets no variable)."""


_ConfigLoader.add_constructor(
    "!ENV",
    lambda loader, node: (loader.construct_sequence(node) + [None])[1] if isinstance(node, yaml.SequenceNode) else None,
)


def capture_markdown(work: Path, site_url: str) -> Path:
    """Build a copy of the project with the capture hook; return the folder of rendered Markdown pages."""
    project = copy_project(work / "capture")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\nhooks:\n", f"\nhooks:\n  - {HERE / 'capture_markdown.py'}\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    captured = work / "captured"
    shutil.rmtree(captured, ignore_errors=True)
    mkdocs_build(project, work / "capture-site", {"SITE_URL": site_url, "RVASE_CAPTURE_DIR": str(captured)})
    return captured


def make_bare_project(work: Path, captured: Path, site_url: str) -> Path:
    """A plain Material project whose pages are the captured Markdown of both languages."""
    bare = work / "bare"
    shutil.rmtree(bare, ignore_errors=True)
    real = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    # The stylesheets, scripts and images of docs/ (not its pages: those are the captured ones).
    shutil.copytree(
        ROOT / "docs",
        bare / "docs",
        ignore=lambda d, names: [n for n in names if n.endswith(".md") or n in ("projects", "members")],
    )
    shutil.copytree(captured, bare / "docs", dirs_exist_ok=True)
    for snippet_source in ROOT.glob("*.md"):  # pymdownx.snippets includes (CONTRIBUTING.md) run at conversion
        shutil.copy(snippet_source, bare / snippet_source.name)
    theme = {
        key: real["theme"][key] for key in ("name", "language", "font", "palette", "features") if key in real["theme"]
    }
    config = {
        "site_name": real["site_name"],
        "site_url": site_url,
        "docs_dir": "docs",
        "theme": theme,
        "extra_css": real.get("extra_css", []),
        "extra_javascript": real.get("extra_javascript", []),
        "markdown_extensions": real.get("markdown_extensions", []),
        "plugins": ["search"],
        # The same navigation as each language of the real site (the French one); the English pages and the
        # record pages are reached from the content, as on the real site.
        "nav": real["nav"],
        "not_in_nav": (real.get("not_in_nav") or "") + "/en/\n",
    }
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return bare


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def compare(work: Path, pairs: int = 5, site_url: str = "http://127.0.0.1:8000/") -> dict:
    """Time the real and the bare build alternately, `pairs` times each after one untimed build of each."""
    work.mkdir(parents=True, exist_ok=True)
    real = copy_project(work / "real")
    bare = make_bare_project(work, capture_markdown(work, site_url), site_url)
    env = {"SITE_URL": site_url}
    real_site, bare_site = work / "real-site", work / "bare-site"
    mkdocs_build(real, real_site, env)  # untimed: writes the record pages, fills the disk cache
    mkdocs_build(bare, bare_site, env, strict=False)
    runs = {"real": [], "bare": []}
    for _ in range(pairs):
        runs["real"].append(mkdocs_build(real, real_site, env))
        runs["bare"].append(mkdocs_build(bare, bare_site, env, strict=False))
    result = {
        kind: {
            "seconds": [round(r.seconds, 3) for r in found],
            "median": round(median([r.seconds for r in found]), 3),
            "cpu_median": round(median([r.cpu_seconds for r in found]), 3),
            "peak_mb": round(max(r.peak_mb for r in found), 1),
        }
        for kind, found in runs.items()
    }
    result["pages"] = {"real": page_count(real_site), "bare": page_count(bare_site)}
    result["ratio"] = round(result["real"]["median"] / result["bare"]["median"], 3)
    result["cpu_ratio"] = round(result["real"]["cpu_median"] / result["bare"]["cpu_median"], 3)
    return result


def phases(work: Path, runs: int = 3, site_url: str = "http://127.0.0.1:8000/") -> list[dict]:
    """Wall-clock stages of a real build (bench/phase_timer.py), the median of `runs` builds."""
    project = copy_project(work / "phased")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("\nhooks:\n", f"\nhooks:\n  - {HERE / 'phase_timer.py'}\n", 1), encoding="utf-8"
    )
    marks_file = work / "phases.json"
    mkdocs_build(project, work / "phased-site", {"SITE_URL": site_url})  # untimed: record pages written
    all_marks = []
    for _ in range(runs):
        mkdocs_build(
            project,
            work / "phased-site",
            {"SITE_URL": site_url, "RVASE_PHASES_FILE": str(marks_file), "RVASE_BENCH_T0": repr(time.time())},
        )
        all_marks.append(json.loads(marks_file.read_text(encoding="utf-8")))
    stages, previous = [], 0.0
    for index, (lang, stage, _) in enumerate(all_marks[0]):
        at = median([marks[index][2] for marks in all_marks])
        stages.append(
            {
                "until": f"{lang}: {stage}" if lang != "-" else stage,
                "at": round(at, 2),
                "seconds": round(at - previous, 2),
            }
        )
        previous = at
    return stages


# Where the time of a real build goes: inclusive times of the functions that stand for each stage.
STAGES = [
    ("data: read, validate, link (rvase.catalog.load_catalog)", "rvase/catalog.py", "load_catalog"),
    ("catalog look-ups per page (rvase.cache.current_catalog)", "rvase/cache.py", "current_catalog"),
    ("macros: mkdocs-macros on_page_markdown (Jinja + our renderers)", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("  of which our renderers: render_page", "macros/__init__.py", "render_page"),
    ("  of which our renderers: render_record", "macros/__init__.py", "render_record"),
    ("  of which the members' map (rvase.render.map.members_map_view)", "rvase/render/map.py", "members_map_view"),
    ("Markdown to HTML (markdown.Markdown.convert)", "markdown/core.py", "convert"),
    ("Jinja templates: the theme, and the macros' page templates", "jinja2/environment.py", "render"),
    ("search index (Material search plugin, on_page_context)", "material/plugins/search/plugin.py", "on_page_context"),
    ("record pages written (hooks/record_pages.py)", "hooks/record_pages.py", "on_pre_build"),
    ("theme markup corrections (hooks/theme_markup.py)", "hooks/theme_markup.py", "on_post_page"),
    (
        "theme files listed, per language (MkDocs' Files.add_files_from_theme)",
        "mkdocs/structure/files.py",
        "add_files_from_theme",
    ),
    ("calendar and news feeds (hooks/feeds.py)", "hooks/feeds.py", "on_post_build"),
    (
        "finishing step: stylesheets, open data, sitemaps, Content-Security-Policy (rvase/finish.py)",
        "rvase/finish.py",
        "finish_site",
    ),
]


def profile(work: Path, project: Path | None = None, site_url: str = "http://127.0.0.1:8000/") -> dict:
    """cProfile one real build (of `project`, else a fresh copy); the inclusive time and calls of each stage."""
    project = project or copy_project(work / "profiled")
    output = work / "build.prof"
    env = build_environment({"SITE_URL": site_url})
    site = work / "profiled-site"
    subprocess.run(
        [str(PYTHON), "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )  # untimed: record pages written
    subprocess.run(
        [str(PYTHON), "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    profiled = pstats.Stats(str(output))
    stats, total = profiled.stats, profiled.total_tt
    found = {"total_seconds": round(total, 2), "stages": []}
    for label, file_part, function in STAGES:
        calls, cumulative = 0, 0.0
        for (file, _, name), (primitive, _, _, cumtime, _) in stats.items():
            if name == function and file.endswith(file_part):
                calls += primitive
                cumulative += cumtime
        found["stages"].append(
            {
                "stage": label,
                "calls": calls,
                "seconds": round(cumulative, 2),
                "share": round(cumulative / total, 3) if total else 0,
            }
        )
    return found
