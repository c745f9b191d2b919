"""Search that ignores accents: "Hue" finds Hué, "evenement" finds événement, in both languages.

Material's search (lunr, in a web worker) matches the words typed against the words of the index as they are, so an
unaccented query missed accented words. Material builds its index from the fields that search_index.json's config
lists; the index gets two more: for each entry, the words of its title and of its text that have accents, written
without them (`folded_title`, `folded_text`, weighted as the title and the text). A query typed with accents still
matches the original words; one typed without matches the folded copies. Material shows only the title and the text
of a result, so the copies are never seen.
"""

import html
import re
import unicodedata

# Letters that are not a base letter plus a combining accent, so that decomposing them does not fold them.
_LIGATURES = str.maketrans({"đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})
_TAG = re.compile(r"<[^>]*>")
FOLDED_FIELDS = {"title": "folded_title", "text": "folded_text"}


def fold(text: str) -> str:
    """`text` without its accents: "Hué" → "Hue", "Đà Nẵng" → "Da Nang", "œuvre" → "oeuvre"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LIGATURES))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def folded_words(text: str, separator: re.Pattern) -> str:
    """The words of `text` (HTML, as in the index) that change when folded, folded, each once, in order."""
    words = separator.split(html.unescape(_TAG.sub(" ", text)))
    seen: dict[str, None] = {}
    for word in words:
        folded = fold(word)
        if folded != word and folded.lower() not in seen:
            seen[folded.lower()] = None
    return " ".join(seen)


def add_folded_fields(index: dict) -> dict:
    """The index (search_index.json's content) with the folded copies added as fields Material's worker indexes."""
    separator = re.compile(index["config"]["separator"])
    fields = dict(index["config"]["fields"])
    for field, folded_field in FOLDED_FIELDS.items():
        fields[folded_field] = dict(fields[field])
    docs = []
    for entry in index["docs"]:
        entry = dict(entry)
        for field, folded_field in FOLDED_FIELDS.items():
            words = folded_words(entry.get(field) or "", separator)
            if words:
                entry[folded_field] = words
        docs.append(entry)
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}
