"""Every message the checks tell a maintainer, named, in French and English: one function per message, returning
(French, English). The checks decide what is wrong and where; the words are here, for a translator or a reviewer to
read and change in one place. Values quoted from the data arrive already shown (fields.plain, fields.shown).
"""

Words = tuple[str, str]

# -- what the schema refuses (schema_errors.py) ---------------------------------------------------------------------

# The types a schema asks for, in words.
TYPE_WORDS: dict[str, Words] = {
    "string": ("un texte", "a text"),
    "object": ("un bloc de champs (clé: valeur)", "a block of fields (key: value)"),
    "array": ("une liste (lignes commençant par « - » ou [a, b])", "a list (lines starting with '- ' or [a, b])"),
    "integer": ("un nombre entier", "a whole number"),
    "number": ("un nombre", "a number"),
    "null": ("vide (null)", "empty (null)"),
    "boolean": ("vrai ou faux", "true or false"),
}


def required_field_missing(missing: str) -> Words:
    return (f"Le champ obligatoire « {missing} » manque.", f"The required field '{missing}' is missing.")


def unknown_fields(extras: list[tuple[str, Words]], known: list[str]) -> Words:
    """`extras`: each unknown field's name and the known one it may be a typo of (did_you_mean)."""
    fr = " ".join(f"Champ inconnu « {extra} » (faute de frappe ?).{guess[0]}" for extra, guess in extras)
    en = " ".join(f"Unknown field '{extra}' (a typo?).{guess[1]}" for extra, guess in extras)
    return (fr + f" Champs possibles : {', '.join(known)}.", en + f" Allowed fields: {', '.join(known)}.")


def wrong_type(found: str, expected: Words) -> Words:
    return (f"Trouvé {found}, attendu {expected[0]}.", f"Found {found}, expected {expected[1]}.")


def value_not_allowed(found: str, guess: Words, allowed: str) -> Words:
    return (
        f"Valeur {found} non reconnue.{guess[0]} Valeurs possibles : {allowed}.",
        f"Value {found} is not recognised.{guess[1]} Allowed values: {allowed}.",
    )


def empty_text() -> Words:
    return ("Le texte est vide : écrivez-le.", "The text is empty: write it.")


def unexpected_form(found: str, hint: Words) -> Words:
    return (
        f"Trouvé {found}, qui n'a pas la forme attendue ({hint[0]}).",
        f"Found {found}, which does not have the expected form ({hint[1]}).",
    )


def text_over_schema_length(length: int, maximum: int) -> Words:
    return (
        f"Le texte fait {length} caractères : il en faut au plus {maximum}.",
        f"The text is {length} characters long: it must be at most {maximum}.",
    )


def empty_list() -> Words:
    return (
        "La liste est vide : elle doit contenir au moins un élément.",
        "The list is empty: it needs at least one item.",
    )


def same_value_twice(found: str) -> Words:
    return (f"La liste {found} contient deux fois la même valeur.", f"The list {found} contains the same value twice.")


def out_of_range(found: str, limit_kind: str, limit: object) -> Words:
    return (
        f"La valeur {found} est hors des limites ({limit_kind} {limit}).",
        f"The value {found} is out of range ({limit_kind} {limit}).",
    )


def not_a_web_address(found: str) -> Words:
    return (
        f"Trouvé {found}, qui n'est pas une adresse web valide (https://…).",
        f"Found {found}, which is not a valid web address (https://…).",
    )


def also_needs(fields: str) -> Words:
    return (f"Ce champ demande aussi : {fields}.", f"This field also needs: {fields}.")


def empty_block() -> Words:
    return ("Le bloc est vide.", "The block is empty.")


def incorrect_value(found: str, detail: str) -> Words:
    return (f"Valeur incorrecte {found} ({detail}).", f"Incorrect value {found} ({detail}).")


# -- suggestions (suggestions.py) -----------------------------------------------------------------------------------


def did_you_mean(matches: list[str]) -> Words:
    return (
        " Vouliez-vous dire " + " ou ".join(f"« {m} »" for m in matches) + " ?",
        " Did you mean " + " or ".join(f"'{m}'" for m in matches) + "?",
    )


# -- every text of a file (texts.py) --------------------------------------------------------------------------------

TEXT: Words = ("Le texte", "The text")
FIELD_NAME: Words = ("Le nom de champ", "The field name")


def control_character(what: Words, code: str, position: int) -> Words:
    return (
        f"{what[0]} contient un caractère de contrôle invisible ({code}, caractère n° {position}) : "
        "supprimez-le (il vient souvent d'un copier-coller, ou d'un code « \\ » entre guillemets doubles).",
        f"{what[1]} holds an invisible control character ({code}, character {position}): delete it "
        "(it often comes from a copy and paste, or from a '\\' code inside double quotes).",
    )


def text_too_long(what: Words, length: int, maximum: int) -> Words:
    return (
        f"{what[0]} fait {length} caractères, plus que la limite de {maximum} : raccourcissez-le.",
        f"{what[1]} is {length} characters long, over the limit of {maximum}: shorten it.",
    )


def nested_too_deep(maximum: int) -> Words:
    return (
        f"Les blocs et les listes sont imbriqués sur plus de {maximum} niveaux.",
        f"Blocks and lists are nested more than {maximum} levels deep.",
    )


def name_not_a_text(typed: str) -> Words:
    return (
        f"Le nom « {typed} » n'est pas lu comme un texte (YAML y voit un nombre, vrai/faux ou "
        f'vide) : mettez-le entre guillemets, "{typed}":, ou choisissez un autre nom.',
        f"The name '{typed}' is not read as a text (YAML sees a number, true/false or empty): "
        f'put it in quotes, "{typed}":, or choose another name.',
    )


# -- ids and references (ids.py, unique_ids.py, references.py) ------------------------------------------------------


def _id_rule(max_chars: int) -> Words:
    return (
        f"un identifiant ne contient que des lettres minuscules sans accent, des chiffres et des tirets (au plus "
        f"{max_chars} caractères), comme « phnom-penh » : il nomme des fichiers et des adresses.",
        f"an id holds only lowercase letters without accents, digits and hyphens (at most {max_chars} "
        "characters), like 'phnom-penh': it names files and addresses.",
    )


def id_missing(max_chars: int) -> Words:
    rule_fr, rule_en = _id_rule(max_chars)
    return f"L'identifiant manque : {rule_fr}", f"The id is missing: {rule_en}"


def not_an_id(shown: str, max_chars: int) -> Words:
    rule_fr, rule_en = _id_rule(max_chars)
    return (f"« {shown} » n'est pas un identifiant : {rule_fr}", f"'{shown}' is not an id: {rule_en}")


def id_used_twice(record_id: str, first_line: int | None) -> Words:
    return (
        f"L'identifiant « {record_id} » est déjà utilisé (ligne {first_line}). Chaque identifiant doit être unique.",
        f"The id '{record_id}' is already used (line {first_line}). Each id must be unique.",
    )


def id_reserved(record_id: str, page: str) -> Words:
    """`page`: "address" when the id is a page's address, else the page whose anchor it is."""
    where_fr = "l'adresse d'une page" if page == "address" else f"un repère de la page « {page} »"
    where_en = "a page's address" if page == "address" else f"an anchor of the '{page}' page"
    return (
        f"L'identifiant « {record_id} » est réservé : le site s'en sert déjà ({where_fr}). "
        f"Choisissez-en un plus précis, par exemple « {record_id}-2027 » ou « ville-{record_id} ».",
        f"The id '{record_id}' is reserved: the site already uses it ({where_en}). "
        f"Choose a more precise one, for example '{record_id}-2027' or 'city-{record_id}'.",
    )


def ids_of(kind: str, also_accepts: tuple[str, ...] = ()) -> Words:
    """Where the ids of a kind are: `data/partners.yaml (ou « network »)`."""
    if not also_accepts:
        return f"data/{kind}.yaml", f"data/{kind}.yaml"
    return (
        f"data/{kind}.yaml (ou " + " ou ".join(f"« {value} »" for value in also_accepts) + ")",
        f"data/{kind}.yaml (or " + " or ".join(f"'{value}'" for value in also_accepts) + ")",
    )


def where_the_ids_are(where: Words) -> Words:
    return (
        f" Les identifiants possibles sont les « id » de {where[0]}.",
        f" The possible ids are the 'id' fields of {where[1]}.",
    )


def unknown_record(value: str, where: Words, hint: Words) -> Words:
    return (
        f"« {value} » ne correspond à aucun enregistrement de {where[0]}.{hint[0]}",
        f"'{value}' matches no record in {where[1]}.{hint[1]}",
    )


def unknown_source(value: str, hint: Words) -> Words:
    return (
        f"« {value} » ne correspond à aucune source de data/sources.yaml.{hint[0]}",
        f"'{value}' matches no source in data/sources.yaml.{hint[1]}",
    )


# -- dates, periods and numbers (dates.py, action_numbers.py, whole_numbers.py) -------------------------------------


def implausible_year(value: str, first: int, last: int) -> Words:
    return (
        f"L'année de la date « {value} » n'est pas plausible : elle doit être entre {first} et {last}.",
        f"The year of the date '{value}' is not plausible: it must be between {first} and {last}.",
    )


def no_such_date(value: str) -> Words:
    return (
        f"La date « {value} » n'existe pas dans le calendrier.",
        f"The date '{value}' does not exist in the calendar.",
    )


def feed_date_needed() -> Words:
    return (
        "Cette actualité n'est datée qu'au mois ou à l'année : ajoutez `feed_date` (AAAA-MM-JJ), le jour que "
        "donnera le flux Atom, jamais avant l'événement qu'elle rapporte, et dites pourquoi dans `note`.",
        "This news item is dated only to the month or the year: add `feed_date` (YYYY-MM-DD), the day the "
        "Atom feed will give, never before the event it reports, and say why in `note`.",
    )


def feed_day_outside_date(day: str, date: str) -> Words:
    return (
        f"Le jour du flux ({day}) doit tomber dans la date de l'actualité ({date}).",
        f"The feed day ({day}) must fall within the news item's date ({date}).",
    )


def feed_day_before_event(day: str, event_id: str, end: str) -> Words:
    return (
        f"Le jour du flux ({day}) est avant la fin de l'événement rapporté « {event_id} » ({end}) : "
        "une actualité ne peut pas être datée d'avant ce qu'elle raconte.",
        f"The feed day ({day}) is before the end of the reported event '{event_id}' ({end}): "
        "a news item cannot be dated before what it tells.",
    )


def end_before_start(end: str, start: str) -> Words:
    return (f"La fin ({end}) est avant le début ({start}).", f"The end ({end}) is before the start ({start}).")


def time_needs_a_full_date() -> Words:
    return (
        "Une heure n'a de sens qu'avec une date complète (AAAA-MM-JJ).",
        "A time only makes sense with a full date (YYYY-MM-DD).",
    )


def end_time_not_after_start(end_time: str, start_time: str) -> Words:
    return (
        f"L'heure de fin ({end_time}) n'est pas après l'heure de début ({start_time}).",
        f"The end time ({end_time}) is not after the start time ({start_time}).",
    )


def end_year_before_start(last: int, first: int) -> Words:
    return (
        f"L'année de fin ({last}) est avant l'année de début ({first}).",
        f"The end year ({last}) is before the start year ({first}).",
    )


def action_out_of_order(number: object, expected: int, count: int) -> Words:
    return (
        f"Action numérotée {number}, attendu {expected} : les actions se suivent de 1 à {count}.",
        f"Action numbered {number}, expected {expected}: actions run from 1 to {count}.",
    )


def not_a_whole_number(shown: str) -> Words:
    return (
        f"Trouvé « {shown} », attendu un nombre entier, écrit sans virgule ni point (par exemple 2030, pas 2030.0).",
        f"Found '{shown}', expected a whole number, written without a decimal point (for example 2030, not 2030.0).",
    )


# -- places on the map (map_places.py) ------------------------------------------------------------------------------


def outside_the_map(lat: float, lon: float, frame: tuple[float, float, float, float]) -> Words:
    west, south, east, north = frame
    return (
        f"Le point (lat {lat}, lon {lon}) est hors du cadre de la carte (lat {south} à {north}, lon {west} "
        f"à {east}) : vérifiez les coordonnées (latitude et longitude inversées ?).",
        f"The point (lat {lat}, lon {lon}) lies outside the map's frame (lat {south} to {north}, lon {west} "
        f"to {east}): check the coordinates (latitude and longitude swapped?).",
    )


# -- what the build needs of texts (addresses.py, markdown_cost.py, files.py) ---------------------------------------


def address_with_a_backslash() -> Words:
    return (
        "L'adresse contient une barre oblique inverse « \\ » : un navigateur la lit comme « / » et ouvrirait un "
        "autre site que celui affiché. Écrivez l'adresse telle que la barre d'adresse du navigateur la montre.",
        "The address holds a backslash '\\': a browser reads it as '/' and would open another site than the one "
        "shown. Write the address as the browser's address bar shows it.",
    )


def address_with_a_user_name() -> Words:
    return (
        "L'adresse contient « @ » avant le nom du site (un nom d'utilisateur) : le site ouvert serait celui après "
        "« @ », pas celui qu'on lit d'abord. Retirez tout ce qui va de « https:// » à « @ » compris.",
        "The address holds '@' before the site's name (a user name): the site opened would be the one after "
        "'@', not the one read first. Remove everything from 'https://' to '@' included.",
    )


def too_many_brackets(count: int, maximum: int) -> Words:
    return (
        f"Le texte contient {count} crochets « [ », plus que la limite de {maximum} (chaque lien en "
        "demande un) : retirez ceux qui ne servent pas à un lien.",
        f"The text holds {count} brackets '[', over the limit of {maximum} (each link needs one): "
        "remove those that are not part of a link.",
    )


def symbolic_link() -> Words:
    return (
        "Le fichier est un lien symbolique : il n'est pas lu (le site ne lit que des fichiers et dossiers "
        "ordinaires). Remplacez-le par le fichier lui-même, ou supprimez-le.",
        "The file is a symbolic link: it is not read (the site reads only regular files and folders). "
        "Replace it with the file itself, or delete it.",
    )


# -- interface words (interface.py) ---------------------------------------------------------------------------------


def word_missing(word: str, guess: Words) -> Words:
    return (
        f"Le mot d'interface « {word} » manque : le site l'utilise. Ajoutez-le avec sa traduction fr et en.{guess[0]}",
        f"The interface word '{word}' is missing: the site uses it. Add it with its fr and en translations.{guess[1]}",
    )


def lone_brace() -> Words:
    return (
        "Une accolade « { » ou « } » est seule : chaque repère s'écrit entre deux accolades, comme {name}, "
        "et une accolade ne peut pas servir de texte.",
        "A brace '{' or '}' stands alone: each placeholder is written between two braces, like {name}, "
        "and a brace cannot be used as text.",
    )


def placeholder_not_plain(wrong: str) -> Words:
    return (
        f"Le repère « {{{wrong}…}} » n'est pas un simple nom : écrivez seulement {{nom}}, sans rien "
        "d'autre entre les accolades.",
        f"The placeholder '{{{wrong}…}}' is not a plain name: write only {{name}}, with nothing "
        "else between the braces.",
    )


def placeholder_not_filled(name: str, guess: Words, allowed: str) -> Words:
    return (
        f"Le repère {{{name}}} n'est pas rempli par le site.{guess[0]} Repères possibles pour ce mot : {allowed}.",
        f"The placeholder {{{name}}} is not filled in by the site.{guess[1]} Placeholders for this word: {allowed}.",
    )


def placeholder_missing(name: str) -> Words:
    return (
        f"Le repère {{{name}}} manque : le site y met une valeur, écrivez-le dans le texte.",
        f"The placeholder {{{name}}} is missing: the site fills it in, write it in the text.",
    )


def placeholders_differ(fr: list[str], en: list[str]) -> Words:
    return (
        f"Le français et l'anglais n'ont pas les mêmes repères ({fr} / {en}) : "
        "écrivez les mêmes {noms} dans les deux langues.",
        f"French and English do not have the same placeholders ({fr} / {en}): "
        "write the same {names} in both languages.",
    )


def word_unused(key: str) -> Words:
    return (
        f"Le mot d'interface « {key} » n'est utilisé par aucune page : supprimez-le. S'il sert dans le code, "
        "déclarez-le dans rvase/interface_words.py (`python -m rvase.word_use --check` nomme les mots à déclarer).",
        f"The interface word '{key}' is used by no page: remove it. If the code uses it, declare it in "
        "rvase/interface_words.py (`python -m rvase.word_use --check` names the words to declare).",
    )


# -- links in news bodies (news_links.py) -----------------------------------------------------------------------------


def link_lands_on_no_page(href: str, page: str) -> Words:
    return (
        f"Le lien « {href} » ne mène à aucune page du site : le texte d'une actualité est affiché sur sa page, "
        f"« {page} » ; de là, « ../../calendar/ » mène au calendrier, « ../../projects/<id>/ » à un projet.",
        f"The link '{href}' leads to no page of the site: a news item's text is shown on its own page, '{page}'; "
        "from there '../../calendar/' leads to the calendar, '../../projects/<id>/' to a project.",
    )


# -- hours of events over several days (event_hours.py) ---------------------------------------------------------------


def hours_not_said() -> Words:
    return (
        "L'événement dure plusieurs jours et donne des heures : dites lesquelles, « hours: each-day » (ses heures "
        "chaque jour) ou « hours: throughout » (il commence le premier jour à start_time et finit le dernier à "
        "end_time).",
        "The event lasts several days and gives hours: say which, 'hours: each-day' (its hours on each day) or "
        "'hours: throughout' (it starts on its first day at start_time and ends on its last at end_time).",
    )
