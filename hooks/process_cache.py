"""MkDocs hook: work that gives the same result in every build of the process, done once per process.

mkdocs-static-i18n runs a whole MkDocs build per language, and `mkdocs serve` one per save. Each build
- made a new Jinja environment for the theme, which compiled every theme template again (a quarter of a second
  per language, bench/REPORT.md). Jinja's bytecode cache keeps the compiled code in memory; it checks each
  template's source, so an edited override is compiled again;
- listed the theme's 14,500 files and matched each against MkDocs' patterns of files not to copy, to find the
  40 it copies. 14,300 of them are Material's icons, in `.icons/`, and MkDocs copies nothing under a folder
  whose name starts with a dot (patterns `.*` and `*/.*`): the listing no longer enters such folders. The list
  of an installed theme folder cannot change while the process runs, so it is kept; the project's own folders
  (overrides/) are listed at every build, so a file added there during `mkdocs serve` is copied;
- made a new mkdocs-macros environment, which compiled each page's Markdown again, the same text in every
  language (one .md per page). The compiled code is kept per text and per kind of environment (its syntax,
  filters and tests: what compiling depends on); rendering, with the page's variables, happens at every build;
- had mkdocs-macros ask git thirteen questions (commit, tag, author, date…) for its `git` variable, one
  program started per question. The site uses none of them; they are asked once per process, so a commit
  made while `mkdocs serve` runs shows in `git` after a restart.
MkDocs imports a hook once per process, before any build starts, so these caches also serve every rebuild of
`mkdocs serve`.
"""
import fnmatch
import functools
import os
import sysconfig
from pathlib import Path

import jinja2
import mkdocs_macros.context

_ask_git = functools.cache(mkdocs_macros.context.get_git_info)
mkdocs_macros.context.get_git_info = lambda: dict(_ask_git())  # read by mkdocs-macros' define_env at each build


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _MemoryBytecodeCache()
# (installed theme folder, theme's static templates) → the folder's files that pass MkDocs' filter
_LISTED: dict[tuple, list[str]] = {}
_INSTALLED = {Path(sysconfig.get_paths()[kind]).resolve() for kind in ("purelib", "platlib")}
_MKDOCS_FILTER = "Files.add_files_from_theme.<locals>.filter"  # its only setting: the theme's static templates


def _installed(folder: str) -> bool:
    return any(Path(folder).resolve().is_relative_to(packages) for packages in _INSTALLED)


def _listing(folder: str) -> list[str]:
    """The files under `folder` ("assets/images/favicon.png"), except inside folders whose name starts with a dot."""
    found = []
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = os.path.relpath(directory, folder).replace(os.sep, "/")
        found += [name if relative == "." else f"{relative}/{name}" for name in files]
    return found


# (page text, what compiling depends on) → the code mkdocs-macros' Jinja environment compiled from it
_PAGE_CODE: dict[tuple, object] = {}


def _compiling_settings(env: jinja2.Environment) -> tuple:
    """What Jinja's compiler reads from the environment: syntax, autoescaping, and the names it checks."""
    return (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.autoescape,
            env.optimized, env.code_generator_class, tuple(sorted(env.extensions)), tuple(sorted(env.filters)),
            tuple(sorted(env.tests)))


def _keep_page_code(env: jinja2.Environment) -> None:
    """mkdocs-macros renders each page with `env.from_string(markdown)`, which calls `env.compile(markdown)`."""
    compile_source, settings = env.compile, _compiling_settings(env)

    def compile(source, name=None, filename=None, raw=False, defer_init=False):
        if name is not None or filename is not None or raw or defer_init:
            return compile_source(source, name, filename, raw, defer_init)
        key = (source, settings)
        if key not in _PAGE_CODE:
            _PAGE_CODE[key] = compile_source(source)
        return _PAGE_CODE[key]

    env.compile = compile


def on_config(config):
    macros = config.plugins.get("macros")
    if macros is not None and "compile" not in vars(macros.env):  # its on_config has made this build's environment
        _keep_page_code(macros.env)
    theme = config.theme
    if "get_env" in vars(theme):  # this configuration's theme is already wrapped (the next language's build)
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = _COMPILED
        list_all = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            # Only MkDocs' listing of the theme's static files is kept; any other is answered by Jinja as usual.
            if extensions is not None or getattr(filter_func, "__qualname__", None) != _MKDOCS_FILTER:
                return list_all(extensions, filter_func)
            found = set()
            for folder in env.loader.searchpath:
                if not _installed(folder):
                    found.update(name for name in _listing(folder) if filter_func(name))
                    continue
                # MkDocs never copies a theme's .html files (pattern '*.html'): static templates that are .html
                # files (404.html, built by one language only: hooks/not_found_page.py) change nothing here.
                key = (folder, frozenset(name for name in theme.static_templates if not fnmatch.fnmatch(name.lower(), "*.html")))
                if key not in _LISTED:
                    _LISTED[key] = [name for name in _listing(folder) if filter_func(name)]
                found.update(_LISTED[key])
            return sorted(found)

        env.list_templates = list_templates
        return env

    theme.get_env = get_env
