"""bench/results.json → bench/REPORT.md: the figures as Markdown tables, with their targets and how they were taken."""

from common import median

TARGETS = {
    "weight_kb": 80,
    "performance": 95,
    "other_scores": 100,
    "build_ratio": 1.5,
    "scaling_ratio": 1.5,
    "preview": 3.0,
    "open_data_share": 0.10,
}
REPRODUCE = """```sh
sudo apt-get install chromium nodejs npm   # Debian's browser (CHROME_PATH to use another), Node.js 18+ for Lighthouse
make bench                                 # npm ci --prefix bench, then python bench/run.py: every section, ~30 min
.venv/bin/python bench/run.py --only weight lighthouse   # some sections again; the others stay as they were
.venv/bin/python -m pytest tests/test_page_weight.py     # the page-weight budget alone, as `make test` holds it
```"""


# What was found and done, per section: the figures themselves come from results.json.
LIGHTHOUSE_FINDINGS = (
    "The calendar and the project catalog used to shift by 0.2 (CLS) as their filter form appeared when filters.js ran, "
    "after the first paint; each form is now shown by a one-line script right after it, as the browser reads it "
    "(rvase/templates/partials/filters.html, still hidden without scripts). The site is built for the benchmark with today's date, as "
    "the nightly deployment is, so the calendar's view-time correction has nothing to move. The print stylesheet is "
    'linked with media="print" (it held up the first paint), and the filters\' counts of an unfiltered page are '
    "written by the build, so filters.js does no work when a page opens without filters in its address. "
    "Then, from Lighthouse's traces (long tasks, render-blocking resources): nothing was drawn until Material's "
    "script, parser-blocking at the end of the page, had been fetched and run (first paint 1.6 s); it is now deferred "
    "(hooks/theme_markup.py), as the site's scripts are, which are loaded only by the pages that use them "
    "(first paint 1.05 s). Material's palette component set an attribute on the page's body at load and read the "
    "header's style back, so the browser worked out the style of every element inside the script's task, and again "
    "when the attribute was removed; the same toggles are driven by a small script of ours that does nothing at load "
    "but show the right toggle (overrides/partials/javascripts/palette.html). Each page fetches its own language's "
    "search index, half the size (hooks/search_by_language.py). On the four pages compared before and after, four "
    "runs each, interleaved: median 92–96 → 97–99. What blocks the main thread now is Material's script itself "
    "(evaluating it and setting up its components), about 100–200 ms with the 4× CPU slowdown."
)
BUILD_FINDINGS = (
    "Found and fixed since the first report (2.54×, 3.75 s against 1.48 s): the data was read by PyYAML's pure-Python "
    "parser (now libyaml's, with the same lines, about ten times faster); every schema validator was built again at "
    "every build (now once per schema content) and looked up each `$ref` again for every record (now inlined when the "
    "validator is made, rvase.schemas.inline_references: validation about twice as fast, the same errors, "
    "tests/test_schema_references.py); every page's macro call walked data/ to see whether the catalog was current "
    "(now a few stat calls); icalendar worked out the same time zone for every event's file (now once), and wrote each "
    "event twice, in the full calendar and in its own file (now once per language); each language's build compiled "
    "Material's templates again, listed and filtered the theme's 14,500 files again, and compiled the same page texts "
    "again (hooks/process_cache.py keeps all three for the process, which also serves every `mkdocs serve` rebuild; "
    "overrides/ is still listed at every build), and the listing itself walked Material's 14,300 icons in `.icons/`, "
    "where MkDocs copies nothing (now not entered: the first listing takes a tenth of the time); mkdocs-macros started 13 git programs per build for a `git` variable "
    "the site does not use (now once per process); the folder sitemaps were written by both languages' builds, each "
    "through ElementTree (now once, each entry written out once); mkdocs-static-i18n's search de-duplication compared "
    "every pair of entries (quadratic; now not needed: hooks/search_by_language.py writes one index per language). "
    "The benchmark's builds run with Python's bytecode cache on (bench/common.py): this sandbox sets "
    "PYTHONDONTWRITEBYTECODE, which made the full build alone compile its own modules (rvase/, hooks/, macros/) at "
    "every run. What remains above bare Material is the cost of what the site does: importing what the features need "
    "(mkdocs-macros, which imports requests; mkdocs-static-i18n; jsonschema; icalendar), validating the data, the "
    "English pass's configuration and navigation, the macros' work on each page, and writing the calendar and news "
    "feeds."
)
SCALING_FINDINGS = (
    "Super-linear steps found: mkdocs-static-i18n's search de-duplication (every French entry against every English "
    "one: gone with one search index per language, hooks/search_by_language.py); the members' map, whose label placement compares each label with the "
    'labels near it, and at 100× the map holds 1,200 members in the same 400 units, so "near" grows with the members '
    "(a candidate now stops adding overlaps once it cannot win; still quadratic in the density, a few seconds at 100×); "
    "and hooks/sitemaps.py, which filtered every URL of the root sitemap for every folder it writes a sitemap into "
    "(folders × URLs: about a quarter of the 100× build under cProfile; now each URL is filed under the folders above "
    "it, linear, same files: 346 s → 117 s at 100×). The rest grows with "
    "the pages: Markdown parsing our HTML blocks, Material's page template, the search index, one Markdown converter "
    "per page (MkDocs), and the feeds."
)
PREVIEW_FINDINGS = (
    "A save causes one rebuild (the generated record pages are rewritten only when their text changes; no file under "
    "a watched folder is written by the build). `mkdocs serve` notices changes by polling every 0.5 s, waits 0.1 s for "
    "the writes to settle, loads the configuration again (plugins, then our on_config: the catalog of the changed "
    "data), and serves no page until both languages are built: mkdocs-static-i18n builds English inside the French "
    "build's last step, and `--dirty` does not help it. What is ours in a rebuild is small (data, macros, feeds); "
    "the rest is MkDocs and Material building 74 pages twice over."
)


def _kb(value: float) -> str:
    return f"{value / 1024:.1f}"


def _ok(held: bool) -> str:
    return "✅" if held else "❌"


def _taken(section: dict) -> str:
    return (
        f"Taken {section['when']} in {section['minutes']} min; load average (1, 5, 15 min) "
        f"{section['load_before']} before, {section['load_after']} after."
    )


def weight_section(section: dict) -> list[str]:
    found = section["result"]
    budget = found["budget"]
    pages = sorted(found["pages"], key=lambda p: -p["total"])
    over = [p for p in pages if p["total"] > budget]
    out = [
        "## 1. Page weight (first load, gzip)",
        "",
        "Every page of both languages: its HTML plus the same-origin CSS, JS, images and icons it references and "
        "the fonts/images their stylesheets reference, compressed as the server sends them (bench/page_weight.py; "
        "the same counting holds the budget in `tests/test_page_weight.py`).",
        "",
        f"**{len(pages)} pages; heaviest {_kb(pages[0]['total'])} KB ({pages[0]['page']}), lightest "
        f"{_kb(pages[-1]['total'])} KB; budget {budget // 1024} KB: {_ok(not over)} "
        f"{'held by every page' if not over else f'{len(over)} over'}.**",
        "",
        "| page | total KB | HTML | CSS | JS | images, fonts |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    shown = pages[:12] + [None] + pages[-2:] if len(pages) > 14 else pages
    out += [_weight_row(p) if p else "| … | | | | | |" for p in shown]
    out += [
        "",
        "The search index is not part of any first load: Material's search worker fetches it after the page "
        "(it is not render-blocking, but Lighthouse counts it in the bytes transferred).",
        "",
        "| search index | language | entries | sent (gzip) KB | raw KB |",
        "|---|---|---:|---:|---:|",
    ]
    for path, index in found["search_index"].items():
        out.append(
            f"| {path} | {', '.join(index['lang'])} | {index['entries']} | {_kb(index['bytes'])} | {_kb(index['raw'])} |"
        )
    out += [
        "",
        "One index per language (hooks/search_by_language.py): a page fetches only its own language's, and "
        "search offers only pages of that language (mkdocs-static-i18n alone writes one index of both, 41.6 KB "
        "sent to every page).",
        "",
        _taken(section),
        "",
    ]
    return out


def _weight_row(p: dict) -> str:
    return (
        f"| {p['page']} | {_kb(p['total'])} | {_kb(p['html'])} | {_kb(p['css'])} | {_kb(p['js'])} | "
        f"{_kb(p['images and fonts'])} |"
    )


def all_pages_appendix(section: dict) -> list[str]:
    pages = sorted(section["result"]["pages"], key=lambda p: p["page"])
    return (
        [
            "## Appendix: first-load weight of every page",
            "",
            "<details><summary>All pages, by address</summary>",
            "",
            "| page | total KB | HTML | CSS | JS | images, fonts |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        + [_weight_row(p) for p in pages]
        + ["", "</details>", ""]
    )


def lighthouse_section(section: dict) -> list[str]:
    found = section["result"]
    first = next(iter(found.values()))
    out = [
        "## 2. Lighthouse (mobile profile)",
        "",
        f"Lighthouse {first['lighthouse']} (npm, bench/package-lock.json), Debian Chromium {first['chrome']}, default "
        "mobile profile (simulated slow 4G, 4× CPU slowdown), the site served with gzip under /rvase/ by "
        "bench/serve.py. Target: performance ≥ 95, the other three 100.",
        "",
        "| page | perf. | a11y | best pr. | SEO | LCP s | TBT ms | CLS | FCP s | KB sent | perf. of each run |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in found.items():
        s, m = r["scores"], r["metrics"]
        held = s["performance"] >= TARGETS["performance"] and all(
            s[c] == 100 for c in ("accessibility", "best-practices", "seo")
        )
        out.append(
            f"| {_ok(held)} {name} `/{r['address']}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} | "
            f"{s['seo']} | {m['LCP'] / 1000:.2f} | {m['TBT']:.0f} | {m['CLS']:.3f} | {m['FCP'] / 1000:.2f} | "
            f"{r['transfer_kb']} | {', '.join(map(str, r['performance_runs']))} |"
        )
    failing = sorted({f for r in found.values() for f in r["failing"]})
    out += [
        "",
        "Audits below 100 outside performance: " + (", ".join(f"`{f}`" for f in failing) if failing else "none."),
        "",
        f"Lighthouse's CPU benchmark index on this machine: {first['benchmark_index']:.0f} (Lighthouse calibrates its "
        "simulated phone on a desktop of about 1,000 to 2,000; a busy machine lowers it and raises TBT). "
        + LIGHTHOUSE_FINDINGS
        + " "
        + _taken(section),
        "",
    ]
    return out


def build_section(section: dict) -> list[str]:
    found = section["result"]
    c = found["compare"]
    held = c["ratio"] <= TARGETS["build_ratio"]
    out = [
        "## 3. Build cost against bare Material",
        "",
        "The full bilingual build (`mkdocs build --strict`, data validated, macros, i18n, hooks) against a bare "
        "Material build of the very same rendered content: each page's Markdown captured after the macros "
        "(bench/capture_markdown.py), in a project with the same theme settings, CSS, JS, Markdown extensions and "
        "navigation, and no macros, i18n, hooks or data (bench/build_cost.py). Timed alternately, "
        f"{len(c['real']['seconds'])} pairs after one untimed build of each; wall clock of the whole command.",
        "",
        "| build | pages | median s | each run s | median CPU s | peak MB |",
        "|---|---:|---:|---|---:|---:|",
        f"| full bilingual | {c['pages']['real']} | {c['real']['median']:.2f} | {', '.join(f'{s:.2f}' for s in c['real']['seconds'])} | {c['real']['cpu_median']:.2f} | {c['real']['peak_mb']} |",
        f"| bare Material | {c['pages']['bare']} | {c['bare']['median']:.2f} | {', '.join(f'{s:.2f}' for s in c['bare']['seconds'])} | {c['bare']['cpu_median']:.2f} | {c['bare']['peak_mb']} |",
        "",
        f"**Ratio {c['ratio']:.2f}× (target ≤ {TARGETS['build_ratio']}×): {_ok(held)}.** In CPU time (user + system, "
        f"as the kernel counts it, less sensitive to other work on the machine): {c['cpu_ratio']:.2f}×.",
        "",
        "Where the time goes, wall clock (bench/phase_timer.py marks, median of 3 builds):",
        "",
        "| until | at s | stage s |",
        "|---|---:|---:|",
    ]
    out += [f"| {p['until']} | {p['at']:.2f} | {p['seconds']:.2f} |" for p in found["phases"]]
    prof = found["profile"]
    out += [
        "",
        f"Under cProfile (which slows small calls, so only the shares matter; total {prof['total_seconds']} s), "
        "inclusive time of the functions that stand for each stage (nested rows are part of the row above):",
        "",
        "| stage | calls | s | share |",
        "|---|---:|---:|---:|",
    ]
    out += [f"| {s['stage']} | {s['calls']} | {s['seconds']:.2f} | {s['share']:.0%} |" for s in prof["stages"]]
    out += ["", BUILD_FINDINGS, "", _taken(section), ""]
    return out


def scaling_section(section: dict) -> list[str]:
    found = section["result"]
    scales = sorted(found, key=int)
    out = [
        "## 4. Scaling",
        "",
        "Synthetic data from bench/synth.py (deterministic, seed 7): the real records copied N times with unique "
        "ids and references inside each copy, members moved a little, each copied project linked to a member of "
        "another copy; themes stay 7. Validated by the same checks as the real data. One untimed build, then timed.",
        "",
        "| size | members | projects | events | actions | news | partners | pages | build s | CPU s | peak MB | ms per record | site MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale in scales:
        r, n = found[scale], found[scale]["counts"]
        out.append(
            f"| {scale}× | {n['members']} | {n['projects']} | {n['events']} | {n['actions']} | {n['news']} | {n['partners']} | "
            f"{r['pages']} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | {r['peak_mb']:.0f} | {r['ms_per_record']:.1f} | {r['site_mb']} |"
        )
    if "10" in found and "100" in found:
        ten, hundred = found["10"], found["100"]
        ratio = hundred["ms_per_record"] / ten["ms_per_record"]
        marginal = []
        if "1" in found:
            one = found["1"]
            low = (ten["seconds"] - one["seconds"]) / (ten["records"] - one["records"])
            high = (hundred["seconds"] - ten["seconds"]) / (hundred["records"] - ten["records"])
            marginal = [
                f"Marginal cost, without the fixed start-up: {1000 * low:.1f} ms per added record from 1× to 10×, "
                f"{1000 * high:.1f} ms from 10× to 100× ({high / low:.2f}×)."
            ]
        out += [
            "",
            f"**Cost per record at 100× / at 10×: {ratio:.2f} (target ≤ {TARGETS['scaling_ratio']}): "
            f"{_ok(ratio <= TARGETS['scaling_ratio'])}.** " + " ".join(marginal),
        ]
    out += ["", SCALING_FINDINGS, "", _taken(section), ""]
    return out


def preview_section(section: dict) -> list[str]:
    r = section["result"]
    held = r["median"] <= TARGETS["preview"]
    return (
        [
            "## 5. Preview loop (`mkdocs serve`)",
            "",
            "In a copy of the project at the real data size, `mkdocs serve` on a free port; each round writes a new word "
            f"into a project's summary in data/projects.yaml and polls `/{r['page']}` every 20 ms until the word is "
            "served (bench/preview.py).",
            "",
            f"**Median {r['median']:.2f} s from saving the file to the rebuilt page (target ≤ {TARGETS['preview']:.0f} s): "
            f"{_ok(held)}.** Rounds: {', '.join(f'{s:.2f}' for s in r['seconds'])} s. First start of `mkdocs serve` "
            f"(build and first page): {r['first_build_seconds']:.1f} s. Rebuilds per save: "
            f"{', '.join(str(x['rebuilds']) for x in r['rounds'])}.",
            "",
            "Where a round's time goes, from the server's log (median of the rounds, s):",
            "",
            "| stage | s |",
            "|---|---:|",
        ]
        + [
            f"| {stage} | {median([x['stages'][stage] for x in r['rounds'] if x['stages'][stage] is not None]):.2f} |"
            for stage in r["rounds"][0]["stages"]
        ]
        + ["", PREVIEW_FINDINGS, "", _taken(section), ""]
    )


def open_data_section(section: dict) -> list[str]:
    found = section["result"]
    out = [
        "## 6. Open data",
        "",
        "What the open data adds to a build (bench/open_data.py): every CSV, JSON and datapackage.json made once per "
        "build and written, and the calendar of every member and every theme in both languages; timed in a separate "
        "process with the build's own functions on the same synthetic data as section 4 (best of 3), against the "
        "median of 3 full builds. Share = added time / (build − added time), the build without the open data.",
        "",
        "| size | files | MB | make s | write s | calendars | calendars s | added s | build s | share |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale in sorted(found, key=int):
        r = found[scale]
        out.append(
            f"| {scale}× | {r['files']} | {r['bytes'] / 1e6:.1f} | {r['make_s']:.2f} | {r['write_s']:.2f} | {r['calendars']} | "
            f"{r['calendars_s']:.2f} | {r['added_s']:.2f} | {r['build_s']:.1f} | {100 * r['share']:.1f} % |"
        )
    worst = max(found, key=lambda scale: found[scale]["share"])
    out += [
        "",
        f"**Largest share: {100 * found[worst]['share']:.1f} % at {worst}× (target ≤ {100 * TARGETS['open_data_share']:.0f} %): "
        f"{_ok(found[worst]['share'] <= TARGETS['open_data_share'])}.**",
        "",
        _taken(section),
        "",
    ]
    return out


def render(results: dict) -> str:
    m = results.get("machine", {})
    out = [
        "# Performance report (issue 7)",
        "",
        "Written by `make bench` (bench/run.py) from bench/results.json; do not edit by hand.",
        "",
        f"Machine: {m.get('cpu')}, {m.get('cores')} cores, {m.get('memory_gb')} GB; Python {m.get('python')}, "
        f"Node {m.get('node')}, {m.get('chromium')}; "
        + ", ".join(f"{k} {v}" for k, v in m.get("packages", {}).items())
        + f"; commit {m.get('commit')}.",
        "",
        "Timings are wall clock on a shared 2-core machine where other builds may run at the same time: each "
        "section says when it was taken and the load average around it. Bytes and scores do not depend on load; "
        "seconds do, so compare them within a section (taken together), not across reports.",
        "",
    ]
    out += ["## Summary", "", "| measure | figure | target | held |", "|---|---|---|---|"]
    if "weight" in results:
        pages = results["weight"]["result"]["pages"]
        heaviest = max(pages, key=lambda p: p["total"])
        out.append(
            f"| heaviest first load ({len(pages)} pages) | {_kb(heaviest['total'])} KB {heaviest['page']} | ≤ 80 KB | "
            f"{_ok(heaviest['total'] <= results['weight']['result']['budget'])} |"
        )
    if "lighthouse" in results:
        found = results["lighthouse"]["result"].values()
        worst = {
            c: min(r["scores"][c] for r in found) for c in ("performance", "accessibility", "best-practices", "seo")
        }
        out.append(
            f"| Lighthouse lowest perf. / a11y / best pr. / SEO | {' / '.join(str(v) for v in worst.values())} | "
            f"≥ 95 / 100 / 100 / 100 | {_ok(worst['performance'] >= 95 and min(list(worst.values())[1:]) == 100)} |"
        )
    if "build" in results:
        c = results["build"]["result"]["compare"]
        out.append(
            f"| build vs bare Material | {c['ratio']:.2f}× ({c['real']['median']:.2f} s / {c['bare']['median']:.2f} s) | "
            f"≤ 1.5× | {_ok(c['ratio'] <= 1.5)} |"
        )
    if "scaling" in results and "10" in results["scaling"]["result"] and "100" in results["scaling"]["result"]:
        s = results["scaling"]["result"]
        ratio = s["100"]["ms_per_record"] / s["10"]["ms_per_record"]
        out.append(
            f"| cost per record 100× / 10× | {ratio:.2f} (100×: {s['100']['seconds']:.0f} s, {s['100']['peak_mb']:.0f} MB) | "
            f"≤ 1.5 | {_ok(ratio <= 1.5)} |"
        )
    if "preview" in results:
        p = results["preview"]["result"]
        out.append(f"| preview loop (`mkdocs serve`) | {p['median']:.2f} s | ≤ 3 s | {_ok(p['median'] <= 3)} |")
    if "open_data" in results:
        o = results["open_data"]["result"]
        worst = max(o, key=lambda scale: o[scale]["share"])
        out.append(
            f"| open data added to the build | {100 * o[worst]['share']:.1f} % at {worst}× | ≤ 10 % | "
            f"{_ok(o[worst]['share'] <= TARGETS['open_data_share'])} |"
        )
    out += ["", "To reproduce:", "", REPRODUCE, ""]
    for name, writer in (
        ("weight", weight_section),
        ("lighthouse", lighthouse_section),
        ("build", build_section),
        ("scaling", scaling_section),
        ("preview", preview_section),
        ("open_data", open_data_section),
    ):
        if name in results:
            out += writer(results[name])
    if "weight" in results:
        out += all_pages_appendix(results["weight"])
    return "\n".join(out).rstrip() + "\n"
