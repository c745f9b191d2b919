"""MkDocs hook: mkdocs-static-i18n's removal of duplicate search entries, in linear time.

After the last language, mkdocs-static-i18n (reconfigure_search: true) removes from the one search index each entry
of another language that repeats an entry of the default language: same title, same text, same page under the
language's folder. Its version compares every default-language entry with every other-language entry: 35 thousand
comparisons at the real size, 3 million at 10 times the data, 300 million at 100 times (bench/REPORT.md, scaling).
This one files the other-language entries by title and text, and removes the same entries.
"""
from mkdocs.exceptions import PluginError


def remove_search_duplicates(entries: list, languages: list[str]) -> None:
    """Remove in place each entry under `<language>/` whose title and text are those of a default-language entry whose
    location it ends with; every other entry stays, in its order."""
    prefixes = tuple(f"{language}/" for language in languages)
    other_language = {}
    for index, entry in enumerate(entries):
        if entry["location"].startswith(prefixes):
            other_language.setdefault((entry["title"], entry["text"]), []).append(index)
    duplicates = set()
    for entry in entries:
        if not entry["location"].startswith(prefixes):
            duplicates.update(index for index in other_language.get((entry["title"], entry["text"]), ())
                              if entries[index]["location"].endswith(entry["location"]))
    entries[:] = [entry for index, entry in enumerate(entries) if index not in duplicates]


def on_config(config):
    i18n = config.plugins["i18n"]
    if not callable(getattr(type(i18n), "reconfigure_search_duplicates", None)):
        raise PluginError("hooks/search_duplicates.py: mkdocs-static-i18n no longer has reconfigure_search_duplicates. "
                          "Has the plugin changed? Check its search de-duplication, then update or remove this hook.")
    i18n.reconfigure_search_duplicates = lambda entries: remove_search_duplicates(entries, i18n.build_languages)
    return config
