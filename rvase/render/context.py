"""What every view of a page needs, in one language: its words, links to pages and records, dates in words, "as of"
lines, sources and notes, the open-data downloads, the members' map. The views (rvase/render/pages.py, projects.py,
calendar.py) are handed one `PageContext` and ask it for these pieces."""

import collections
import datetime
from collections.abc import Callable

from ..catalog import Catalog
from ..dates import PartialDate
from ..exports import EXPORTS_FOLDER, PACKAGE_FILE, current_open_data
from ..geo import load_boundaries
from ..site_map import Addresses
from .map import Place, members_map_view
from .views import Choice, Dated, Link, in_language, web_address


class PageContext:
    """One page being built in one language. `link(path)` gives the address of a path of the site map (from this
    language's home: "members/", "themes/#water") relative to the page being built; `addresses` knows the site's own
    address (full addresses, for feeds, sharing, structured data and the open data); `site_file(path)` gives the
    address, relative to the page being built, of a file at the site's root (scripts, open data)."""

    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        link: Callable[[str], str],
        today: datetime.date,
        addresses: Addresses,
        site_file: Callable[[str], str],
    ):
        self.catalog, self.lang, self.link, self.today, self.addresses = catalog, lang, link, today, addresses
        self.root, self.site_file = addresses.root(lang), site_file
        self.w = catalog.words(lang)

    # -- links ---------------------------------------------------------------------------------
    def local(self, value):
        return in_language(value, self.lang)

    def url(self, page: str, anchor: str | None = None) -> str:
        """The address of a section page (at an element of it), relative to the page being built."""
        return self.link(self.addresses.page(page, anchor))

    def record_path(self, kind: str, record_id: str) -> str:
        """A record's path from this language's home: its own page, else its place on its list."""
        path = self.addresses.record(kind, record_id)
        assert path is not None, (
            f"the site map gives the records of {kind} no address"
        )  # every kind a page links to has one
        return path

    def record_url(self, kind: str, record_id: str) -> str:
        """The address of a record (its own page, else its place on its list), relative to the page being built."""
        return self.link(self.record_path(kind, record_id))

    def list_url(self, kind: str, record_id: str) -> str:
        """The address of a record on the page that lists its kind, relative to the page being built."""
        return self.link(self.addresses.list_anchor(kind, record_id))

    def ref(self, kind: str, record_id: str) -> Link:
        """A link to a record, labelled with its name or title."""
        record = self.catalog.by_id[kind][record_id]
        label = record["title" if kind in ("events", "news") else "name"][self.lang]
        return Link(self.record_url(kind, record_id), label)

    def refs(self, kind: str, ids: list) -> list[Link]:
        return [self.ref(kind, i) for i in ids]

    def scripts(self, *names: str) -> list[str]:
        """The site's scripts a page needs (docs/javascripts/), in the order given: only the pages whose parts use them
        load them (calendar.js: events upcoming or past at view time; filters.js: the filter forms), so the other
        pages are lighter on first load."""
        return [self.site_file(f"javascripts/{name}.js") for name in names]

    # -- dates ---------------------------------------------------------------------------------
    def date(self, date: PartialDate) -> str:
        month = self.w(f"month.{date.month}") if date.month else ""
        if date.precision == "year":
            return str(date.year)
        if date.precision == "month":
            return f"{month} {date.year}"
        return (
            f"{date.day} {month} {date.year}" if self.lang == "fr" else f"{date.day} {month.capitalize()} {date.year}"
        )

    def date_range(self, start: PartialDate, end: PartialDate) -> str:
        if start == end:
            return self.date(start)
        if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
            return f"{start.day}{self.w('date.range_sep')}{self.date(end)}"
        return f"{self.date(start)} {self.w('date.range_sep')} {self.date(end)}"

    def dated(self, date: PartialDate) -> Dated:
        return Dated(date.iso(), self.date(date))

    # -- as of when, from which source; maintainers' notes -------------------------------------
    def as_of_words(self, as_of: dict, phrase: str) -> str:
        """`as_of`'s date in a phrase of the language: `as_of` ("au 18 mai 2023", "en décembre 2022") or `on`
        ("le 18 mai 2023", "en mai 2023")."""
        date = PartialDate.parse(as_of["date"])
        return self.w(f"as_of.{phrase}.{date.precision}", date=self.date(date))

    def source_short(self, as_of: dict) -> str:
        return self.catalog.by_id["sources"][as_of["source"]]["short"][self.lang]

    def status_as_of(self, status_key: str, as_of: dict) -> dict:
        """A status and, beside it, as of when and which source: « En cours » « (au 18 mai 2023, réunion annuelle) »."""
        return {
            "text": self.w(status_key),
            "as_of": self.w("as_of.status", when=self.as_of_words(as_of, "as_of"), source=self.source_short(as_of)),
        }

    def as_of_line(self, as_of: dict, kind: str = "stated") -> str:
        """When a state (`stated`) or a decision (`decided`) was stated, by which source, and that nothing later is known."""
        phrase = "as_of" if kind == "stated" else "on"
        return self.w(f"as_of.{kind}", when=self.as_of_words(as_of, phrase), source=self.source_short(as_of))

    def as_of_lines(self, records: list, kind: str = "stated") -> list[str]:
        """One line for records that share one `as_of` (a table, a list); one per distinct `as_of` otherwise."""
        return list(dict.fromkeys(self.as_of_line(r["as_of"], kind) for r in records))

    def sources_and_notes(self, source_ids: list, noted: list, compact: bool = False) -> dict:
        """The record's discreet "Sources and notes" part (closed until opened): its sources, with those of the `as_of`
        of each of `noted` ((label or None, record) pairs), and the maintainers' `note` of each record and source.
        Notes appear nowhere else on the site. `compact`: the sources' short names on one line (the calendar)."""
        ids = list(dict.fromkeys(list(source_ids) + [r["as_of"]["source"] for _, r in noted if r.get("as_of")]))
        sources = [self.catalog.by_id["sources"][i] for i in ids]
        notes = [(label, r["note"][self.lang]) for label, r in noted if r.get("note")]
        notes += [(s["title"][self.lang], s["note"][self.lang]) for s in sources if s.get("note")]
        return {
            "sources": [] if compact else [self.source_view(i) for i in ids],
            "shorts": ", ".join(dict.fromkeys(s["short"][self.lang] for s in sources)) if compact else None,
            "notes": notes,
        }

    def source_view(self, source_id: str) -> dict:
        """A source document: its title, date, language and, when it is online, its address."""
        source = self.catalog.by_id["sources"][source_id]
        return {
            "title": source["title"][self.lang],
            "date": self.dated(PartialDate.parse(source["date"])),
            "language": source["language"],
            "url": web_address(source.get("url")),
        }

    # -- pieces several pages show -------------------------------------------------------------
    @staticmethod
    def choices(options: list, attribute: str, items: list[dict]) -> list[Choice]:
        """Each option of a filter with how many of `items` (their data attributes) it matches with no other filter
        chosen, as filters.js counts after each change: the script need not count when the page opens unfiltered."""
        counts = collections.Counter(value for item in items for value in (item.get(attribute) or "").split())
        return [Choice(value, text, counts[value]) for value, text in options]

    @classmethod
    def filter_select(cls, name: str, label: str, attribute: str, options: list, items: list[dict]) -> dict:
        """A drop-down of a filter form (partials/filters.html): its name, label, the data attribute it filters by, and
        its choices counted over `items`."""
        return {"name": name, "label": label, "attribute": attribute, "choices": cls.choices(options, attribute, items)}

    def file_size(self, size: int) -> str:
        """A file's size in this language's words and decimal mark, in SI units (1 KB = 1,000 bytes): "9.4 KB", « 9,4 Ko »."""
        for unit, factor in (("mb", 1_000_000), ("kb", 1_000)):
            if size >= factor:
                amount = size / factor
                number = f"{amount:.1f}" if amount < 10 else f"{amount:.0f}"
                return self.w(f"opendata.size.{unit}", n=number.replace(".", self.w("number.decimal_mark")))
        return self.w("opendata.size.bytes", n=size)

    def downloads(self, *tables: str) -> dict:
        """The open-data files of a page's records (rvase/exports.py), each with its format and its size in this
        language, the data package that describes them all, and the licence."""
        files = current_open_data(self.catalog, self.addresses.site_url).files

        def download(file: str, what: str, file_format: str, mediatype: str) -> dict:
            return {
                "href": self.site_file(f"{EXPORTS_FOLDER}/{file}"),
                "type": mediatype,
                "file": file,
                "text": self.w("opendata.file", what=what, format=file_format, size=self.file_size(len(files[file]))),
            }

        listed = [
            download(f"{table}.{extension}", self.w(f"opendata.what.{table}"), file_format, mediatype)
            for table in tables
            for extension, file_format, mediatype in (("csv", "CSV", "text/csv"), ("json", "JSON", "application/json"))
            if f"{table}.{extension}" in files
        ]
        listed.append(download(PACKAGE_FILE, self.w("opendata.what.package"), "JSON", "application/json"))
        licence = self.catalog.network.get("data_licence")
        return {"files": listed, "licence": Link(licence["path"], licence["title"]) if licence else None}

    def news_teaser(self, news: dict) -> dict:
        """A news item as every list shows it: its title linked to its page, its date, its summary."""
        return {
            "id": news["id"],
            "link": self.ref("news", news["id"]),
            "date": self.dated(PartialDate.parse(news["date"])),
            "summary": news["summary"][self.lang],
        }

    def members_map(self, members: list, height: float | None = None) -> dict:
        """The map of `members` that have coordinates; its caption points to the list, which also names the others.
        With a `height` (CSS pixels), a small map drawn to that height."""
        w, boundaries = self.w, load_boundaries()
        places = [
            Place(
                m["id"],
                m["name"][self.lang],
                self.record_url("members", m["id"]),
                m["coordinates"]["lon"],
                m["coordinates"]["lat"],
            )
            for m in members
            if m["coordinates"]
        ]
        country_names = {
            country.code: w(("country." if country.is_member_country else "map.country.") + country.code)
            for country in boundaries.countries
            if country.label_point
        }
        return {
            "map": members_map_view(boundaries, places, country_names, w("map.label"), height),
            "caption": w("map.caption" if len(places) != 1 else "map.caption_one", count=len(places)),
            "list_link": Link(
                self.url("members", f"country-{self.catalog.countries()[0].lower()}"), w("map.list_link")
            ),
            "unplaced": self.refs("members", [m["id"] for m in members if not m["coordinates"]]),
        }
