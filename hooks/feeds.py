"""MkDocs hook: write the calendar and news feeds of the language being built.

/calendar.ics (French) and /en/calendar.ics, one .ics per event under calendar/, one per member and per theme
under calendar/members/ and calendar/themes/ (the events that involve it), and /feed.xml and
/en/feed.xml (Atom). mkdocs-static-i18n runs the build once per language, into site_dir for French
and site_dir/en for English, with the language in theme.language.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from rvase import settings
from rvase.cache import current_catalog
from rvase.calendar_feed import calendar_files, member_and_theme_calendars
from rvase.news_feed import atom_bytes
from rvase.site_map import Addresses


def write_if_changed(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != content:
        path.write_bytes(content)


def on_post_build(config):
    lang = config.theme["language"]
    catalog, today = current_catalog(Path(config.config_file_path).parent), settings.today()
    at = Addresses(config.site_url or "/")
    out = Path(config.site_dir) / at.folder(lang)

    def page_of(kind: str):
        def address(record) -> str:
            path = at.record(kind, record["id"])
            if path is None:  # the site map gives events and news pages of their own
                raise PluginError(f"hooks/feeds.py: the site map gives {kind} no page for a feed to link to")
            return at.full(path, lang)

        return address

    selections = member_and_theme_calendars(catalog, lang)
    every_event, each_event, selected = calendar_files(
        catalog, lang, catalog.events, page_of("events"), today, selections
    )
    write_if_changed(out / at.feed("calendar"), every_event)
    for event_id, content in each_event.items():
        write_if_changed(out / at.calendar("events", event_id), content)
    for name, content in selected.items():
        write_if_changed(out / name, content)
    write_if_changed(
        out / at.feed("news"), atom_bytes(catalog, lang, at.root(lang), page_of("news"), at.full(at.feed("news"), lang))
    )
