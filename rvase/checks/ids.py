"""An id names a record in addresses, file names and iCalendar UIDs: a name, never a path, whatever the schema says."""
import re

MAX_ID_CHARS = 64
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


def is_id(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_ID_CHARS and bool(_SLUG.match(value))


def id_problem(value) -> tuple[str, str] | None:
    """Why `value` cannot be a record's id (in French, in English), or None when it can."""
    if is_id(value):
        return None
    rule_fr = (f"un identifiant ne contient que des lettres minuscules sans accent, des chiffres et des tirets (au plus "
               f"{MAX_ID_CHARS} caractères), comme « phnom-penh » : il nomme des fichiers et des adresses.")
    rule_en = (f"an id holds only lowercase letters without accents, digits and hyphens (at most {MAX_ID_CHARS} "
               "characters), like 'phnom-penh': it names files and addresses.")
    if value is None:
        return f"L'identifiant manque : {rule_fr}", f"The id is missing: {rule_en}"
    shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "…"
    return (f"« {shown} » n'est pas un identifiant : {rule_fr}", f"'{shown}' is not an id: {rule_en}")

