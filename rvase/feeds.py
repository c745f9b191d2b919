"""Where the feeds live, declared once: the hook writes them there, the pages link to them."""
from . import settings
from .record_pages import RECORD_PAGE_FOLDERS

FEED_FILES = {"calendar": "calendar.ics", "event": "calendar/{id}.ics", "member": "calendar/members/{id}.ics",
              "theme": "calendar/themes/{id}.ics", "news": "feed.xml"}


def language_root(site_url: str, lang: str) -> str:
    """The full address of a language's home: site_url for French, site_url + 'en/' for English."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if lang == settings.DEFAULT_LANGUAGE else f"{base}{lang}/"


def record_address(root: str, kind: str, record_id: str) -> str:
    """The full address of an event's or a news item's own page, from its language's `root`: feeds and structured data
    link there."""
    return f"{root}{RECORD_PAGE_FOLDERS[kind]}/{record_id}/"
