"""MkDocs hook added by bench/build_cost.py to a copy of the project: when each stage of a build starts.

A profiler distorts a build made of many small calls; wall-clock marks do not. Each mark is
(language pass, stage, seconds since $RVASE_BENCH_T0, the time the benchmark launched the build), written as
JSON to $RVASE_PHASES_FILE when the process ends.
"""

import atexit
import json
import os
import time

from mkdocs.plugins import event_priority

_T0 = float(os.environ.get("RVASE_BENCH_T0", time.time()))
_marks: list = []
_seen_pages: set = set()


def _mark(config, stage: str) -> None:
    _marks.append((config.theme["language"], stage, round(time.time() - _T0, 3)))


@event_priority(1000)
def on_config(config):
    _mark(config, "config (imports done)")
    return config


@event_priority(-1000)
def on_pre_build(config):
    _mark(config, "pre_build (data loaded, record pages written)")


@event_priority(-1000)
def on_nav(nav, config, files):
    _mark(config, "nav (files collected)")
    return nav


@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    if config.theme["language"] not in _seen_pages:
        _seen_pages.add(config.theme["language"])
        _mark(config, "first page rendered by the macros")
    return markdown


@event_priority(1000)
def on_post_build(config):
    _mark(config, "post_build (pages written)")


@atexit.register
def _write():
    _marks.append(("-", "exit", round(time.time() - _T0, 3)))
    if os.environ.get("RVASE_PHASES_FILE"):
        with open(os.environ["RVASE_PHASES_FILE"], "w", encoding="utf-8") as out:
            json.dump(_marks, out)
