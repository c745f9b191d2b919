"""Jinja's compiled code of templates, kept in memory for the whole process (Jinja's documented bytecode cache).

mkdocs-static-i18n runs a whole build per language, and `mkdocs serve` one per save; each build makes a new Jinja
environment for the theme, which compiled every theme template again. Given to such an environment (its
`bytecode_cache`), this cache hands back the code compiled by an earlier build of the same process. Jinja checks each
template's source against the checksum it keeps, so an edited override is compiled again; and the code is kept per
compiling settings of the environment (syntax, autoescaping, extensions, the names of its filters and tests, which
the compiler checks), so an environment set up differently never gets another's code.
"""

import jinja2
import jinja2.bccache


def compiling_settings(env: jinja2.Environment) -> tuple:
    """What Jinja's compiler reads from the environment."""
    return (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        repr(env.autoescape),
        env.optimized,
        env.is_async,
        env.code_generator_class,
        tuple(sorted(env.extensions)),
        tuple(sorted(env.filters)),
        tuple(sorted(env.tests)),
    )


class CompiledTemplates(jinja2.BytecodeCache):
    """In memory: (template, compiling settings) → the bytecode and the checksum of the source it was compiled from."""

    def __init__(self) -> None:
        self.compiled: dict[tuple, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get((bucket.key, compiling_settings(bucket.environment)))
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the checksum of the source differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[(bucket.key, compiling_settings(bucket.environment))] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.compiled.clear()
