"""Small, escaping HTML helpers: every text from data goes through `esc`."""
import collections
import html
import re

import markdown as python_markdown


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def attrs(**values) -> str:
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{esc(value)}"')
    return (" " + " ".join(parts)) if parts else ""


def el(tag: str, inner: str = "", **values) -> str:
    """An element whose `inner` is already-safe HTML."""
    return f"<{tag}{attrs(**values)}>{inner}</{tag}>"


def void(tag: str, **values) -> str:
    """An element without content or end tag (input, img…)."""
    return f"<{tag}{attrs(**values)}>"


def filter_select(name: str, label: str, any_label: str, options: list, attribute: str, records: list[dict]) -> str:
    """A labelled drop-down of a filter form; `attribute` names the data attribute of the records it filters.
    Each option shows how many of `records` (their data attributes) it matches with no other filter chosen, as
    filters.js counts after each change: the script need not count when the page opens unfiltered."""
    key = attribute.replace("-", "_")
    counts = collections.Counter(value for record in records for value in (record.get(key) or "").split())
    choices = el("option", esc(any_label), value="") + "".join(
        el("option", f"{esc(text)} ({counts[value]})", value=value, data_label=text) for value, text in options)
    return el("div", el("label", esc(label), for_=f"filter-{name}") + el("select", choices, id=f"filter-{name}", name=name),
              class_="rvase-filter", data_attribute=attribute)


def link(href: str, text: str, **values) -> str:
    return el("a", esc(text), href=href, **values)


def items(values, tag="ul", **values_attrs) -> str:
    return el(tag, "".join(el("li", v) for v in values), **values_attrs)


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_heading(level: int, text: str, anchor: str | None = None) -> str:
    """A Markdown heading (so it enters the table of contents) whose text cannot become markup."""
    safe = _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))
    suffix = f" {{ #{anchor} }}" if anchor else ""
    return f"\n\n{'#' * level} {safe}{suffix}\n\n"


def shown_where_scripts_run(hidden_element: str) -> str:
    """A `hidden` element (the filter forms) followed by a one-line script that shows it as the browser reads it, before
    the page is first drawn. Without scripts it stays hidden. Shown later by filters.js, it pushed everything below it
    down while the page was being read (Lighthouse: layout shift 0.2 on the calendar, bench/REPORT.md)."""
    return hidden_element + "<script>document.currentScript.previousElementSibling.hidden = false;</script>"


def block(inner: str) -> str:
    """Raw HTML set apart by blank lines, so Markdown leaves it whole."""
    return f"\n\n{inner}\n\n"


_MARKDOWN = python_markdown.Markdown(output_format="html")  # made once: setting up a converter costs more than a news body


def markdown_text(text: str) -> str:
    """Render a Markdown field; any HTML typed into it is shown as text, not run."""
    neutralised = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN.reset().convert(neutralised)


def table(caption: str, head: list[str], rows: list[list[str]], row_ids: list | None = None, **values) -> str:
    """A captioned table with header cells, inside a container that scrolls on small screens."""
    thead = el("thead", el("tr", "".join(el("th", esc(h), scope="col") for h in head)))
    body_rows = []
    for index, row in enumerate(rows):
        cells = el("th", row[0], scope="row") + "".join(el("td", cell) for cell in row[1:])
        body_rows.append(el("tr", cells, id=row_ids[index] if row_ids else None))
    inner = el("caption", esc(caption)) + thead + el("tbody", "".join(body_rows))
    values["class_"] = " ".join(filter(None, ["rvase-data-table", values.get("class_")]))
    return el("div", el("table", inner, **values), class_="rvase-table", role="region",
              aria_label=caption, tabindex="0")
