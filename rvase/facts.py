"""Facts of data/ quoted by the prose pages (Contact, Legal notice, Privacy…), by name, in one language.

A prose page is written per language, but the facts it mentions (the network's name, the coordinator's role, the
publisher) stay in data/: the page names the fact (`{{ site_fact('coordinator.role') }}`), never copies it.
"""

from .catalog import Catalog
from .problems import DataError, Problem
from .render.templating import markdown_literal

# fact name → where it lives in the catalog (a bilingual field, or plain text)
FACTS = {
    "network.name": lambda c: c.network["name"],
    "network.acronym": lambda c: c.network["acronym"],
    "coordinator.role": lambda c: c.network["coordinator"]["role"],
    "publisher.name": lambda c: c.by_id["partners"]["aimf"]["name"],
    "cofunder.name": lambda c: c.by_id["partners"]["european-union"]["name"],
}


def fact_text(catalog: Catalog, name: str, lang: str) -> str:
    """The fact `name` in `lang`, safe to place in Markdown text (HTML-escaped, Markdown's specials backslashed)."""
    try:
        value = FACTS[name](catalog)
    except KeyError:
        raise DataError(
            [
                Problem(
                    "docs/",
                    None,
                    name,
                    f"Le fait « {name} » n'existe pas dans data/ ; faits connus : {', '.join(FACTS)}.",
                    f"The fact '{name}' is not in data/; known facts: {', '.join(FACTS)}.",
                )
            ]
        ) from None
    return markdown_literal(value[lang] if isinstance(value, dict) else value)
