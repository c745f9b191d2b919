"""MkDocs hook: the theme's templates compiled once per process, not once per language and per `mkdocs serve` rebuild.

MkDocs makes a new Jinja environment for the theme at every build (mkdocs-static-i18n runs one build per language),
which compiled every theme template again. At on_env, MkDocs' documented point for changing the environment, it gets
Jinja's documented bytecode cache, kept for the process (rvase/compiled_templates.py).
"""

from rvase.compiled_templates import CompiledTemplates

_COMPILED = CompiledTemplates()  # MkDocs imports a hook once per process: every build and rebuild shares it


def on_env(env, config, files):
    env.bytecode_cache = _COMPILED
    return env
