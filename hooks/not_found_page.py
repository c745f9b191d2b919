"""MkDocs hook: the one bilingual 404.html is written by the default language's build only.

mkdocs-static-i18n runs a whole MkDocs build per language into the same folder, and each build writes the
theme's static templates at the root: the last language's 404.html won, in English, with the language
selector of the last page built. Written once, by the French build, before any page: `<html lang="fr">`,
French navigation, the English half marked `lang="en"`, and a language selector leading to both home pages.
"""


def on_pre_build(config):
    i18n = config.plugins["i18n"]
    if i18n.current_language == i18n.default_language:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
