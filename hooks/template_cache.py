"""MkDocs hook: Material's templates compiled once per process, not once per language and per `mkdocs serve` rebuild.

mkdocs-static-i18n runs a whole MkDocs build per language, and each build makes a new Jinja environment, which
compiled every theme template again (a quarter of a second per language, bench/REPORT.md). Jinja's bytecode cache
keeps the compiled code in memory; it checks each template's source, so an edited override is compiled again.
MkDocs imports a hook once per process, so the cache also serves every rebuild of `mkdocs serve`.
"""
import jinja2


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_CACHE = _MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _CACHE
    return env
