"""One visit of every page in each way a visitor may see it, recording what the quality tests judge.

Three tabs of the suite's one browser, each in its own context, load every page side by side:
- `light`: a 1280×900 screen in the light palette — the full axe-core run, the page language, tables and the
  skip link; then the palette toggle (dark palette, axe's contrast rules again) and the language selector;
- `dark`: the same screen with `prefers-color-scheme: dark` — the palette chosen by the system, and contrast;
- `phone`: a 360×640 touch screen — horizontal scroll, tables (one card per row), and axe's target-size rule
  (WCAG 2.5.8: 24×24 px, or spaced so that a 24 px circle around each touches no other).
On the 1280 px screen and on the phone, content cut off by its container is recorded (CLIPPED_SCRIPT).
Every request to another host is aborted and recorded; console errors and HTTP errors are recorded, and so is every
Content-Security-Policy violation the page reports (a `securitypolicyviolation` listener set before any script of
the page runs). axe-core is run through the DevTools protocol, which the page's policy does not govern: an inline
<script> tag of ours would itself be a violation.
The tabs load and run axe at the same time (each page runs its own axe), so the survey uses both cores.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Reports each violation of the page's Content-Security-Policy to the test, as the browser dispatches it.
CSP_LISTENER = """document.addEventListener('securitypolicyviolation', e => window.rvaseCspViolation(
  `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`));"""

# WCAG 2.1 levels A and AA, plus axe's best practices (the search dialog's name is one of them).
AXE_WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
AXE_CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
AXE_TARGET_SIZE = {"runOnly": {"type": "rule", "values": ["target-size"]}}
VIEWS = {
    "light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
    "phone": {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True, "color_scheme": "light"},
}


@dataclass
class PageReport:
    lang: str
    url: str
    status: dict[str, int] = field(default_factory=dict)
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    axe: dict[str, list[str]] = field(default_factory=dict)  # view → one line per violating element
    html_lang: str = ""
    palette: dict[str, str] = field(default_factory=dict)  # view → data-md-color-scheme seen
    tables: list[dict] = field(default_factory=list)
    skip_link: dict = field(default_factory=dict)
    language_switch: dict[str, str] = field(default_factory=dict)  # language chosen → address landed on
    phone: dict = field(default_factory=dict)
    csp_violations: list[str] = field(default_factory=list)
    clipped: dict[str, list[str]] = field(default_factory=dict)  # view → elements cut off by their container


class Tab:
    """A page in its own context whose requests elsewhere are aborted, and whose problems go to `report`."""

    def __init__(self, browser, host: str, options: dict, axe_source: str):
        self.context = browser.new_context(**options)
        self.context.route("**/*", self._guard(host))
        self.context.expose_binding("rvaseCspViolation", lambda source, text: self.report.csp_violations.append(text))
        self.context.add_init_script(CSP_LISTENER)
        self.page = self.context.new_page()
        self.axe_source, self.report = axe_source, None
        self.page.on(
            "console",
            lambda m: m.type == "error" and self.report.console_errors.append(f"{m.text} ({m.location.get('url')})"),
        )
        self.page.on(
            "response",
            lambda r: r.status >= 400 and r.url != self.report.url and self.report.failed.append(f"{r.status} {r.url}"),
        )

    def _guard(self, host):
        def guard(route):
            url = route.request.url
            if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == host:
                route.continue_()
            else:
                self.report.foreign_requests.append(url)
                route.abort()

        return guard

    def start_axe(self, options: dict):
        """Start axe-core in the page without waiting for it: the other tabs work meanwhile. It starts once the page's
        transitions have ended: a colour caught half-way (the header's title fading in after the skip link scrolled the
        page, or the palette being switched) is not the page's colour, and judged so it failed the run now and then."""
        self.page.wait_for_function(SETTLED_SCRIPT)
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.evaluate(self.axe_source)
        self.page.evaluate("options => { window.rvaseAxe = axe.run(document, options); }", options)

    def axe_result(self) -> tuple[list[str], int]:
        """The violations of the axe run started last (one line per element), and how many elements it judged."""
        result = self.page.evaluate("() => window.rvaseAxe")
        lines = [
            f"{v['id']} ({v['impact']}): {' '.join(map(str, node['target']))} — {node['failureSummary'].splitlines()[-1].strip()}"
            for v in result["violations"]
            for node in v["nodes"]
        ]
        return lines, sum(len(rule["nodes"]) for rule in result["violations"] + result["passes"])

    def close(self):
        self.context.close()


TABLES_SCRIPT = """() => [...document.querySelectorAll('article table')].map(t => ({
  caption: (t.caption ? t.caption.textContent : '').trim(),
  header_cells: t.querySelectorAll('th').length,
  first_row_headers: t.rows.length ? t.rows[0].querySelectorAll('th').length : 0,
}))"""

PHONE_SCRIPT = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('article table')].filter(t => t.scrollWidth > root.clientWidth);
  return {
    page_width: root.scrollWidth, viewport_width: root.clientWidth,
    wide_tables: wide.map(t => {
      const box = t.parentElement;
      const style = getComputedStyle(box);
      return {
        caption: t.caption ? t.caption.textContent.trim() : t.outerHTML.slice(0, 60),
        container_scrolls: ['auto', 'scroll'].includes(style.overflowX) && box.scrollWidth > box.clientWidth,
        container_right: box.getBoundingClientRect().right,
        container_focusable: box.tabIndex >= 0,
      };
    }),
    data_tables: [...document.querySelectorAll('article table.rvase-data-table')].map(t => ({
      caption: t.caption ? t.caption.textContent.trim() : '',
      fits: t.getBoundingClientRect().right <= root.clientWidth && t.scrollWidth <= t.clientWidth + 1,
      rows_as_cards: [...t.tBodies[0].rows].every(r => getComputedStyle(r).display === 'block'),
      unlabelled_cells: [...t.tBodies[0].querySelectorAll('th, td')].filter(c =>
        c.textContent.trim() && !(c.getAttribute('data-label') && getComputedStyle(c, '::before').content.includes(c.getAttribute('data-label')))
      ).length,
    })),
  };
}"""


# Content cut off by its container with no way to reach it: a shown element whose overflow is hidden (or clipped) while
# its content is wider than it, so the part beyond its edge can be neither seen nor scrolled to. Not counted: a text
# cut with an ellipsis (a visible cue; Material's header title, whose full text is the page's heading), a visually
# hidden element of 1 px (text for screen readers only), and what lies wholly outside the screen (the closed drawer,
# whose panels slide in as the reader moves through it).
CLIPPED_SCRIPT = """() => [...document.body.querySelectorAll('*')].filter(e => {
  const style = getComputedStyle(e);
  if (!['hidden', 'clip'].includes(style.overflowX) || e.scrollWidth <= e.clientWidth + 1) return false;
  if (style.textOverflow === 'ellipsis') return false;
  const box = e.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1 || box.right <= 0 || box.left >= innerWidth) return false;
  return e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
}).map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> shows ${e.clientWidth} of ${e.scrollWidth} px: `
            + e.textContent.trim().slice(0, 60))"""


# True once no finite animation or transition of the page is still running (an endless one would never end).
SETTLED_SCRIPT = """() => document.getAnimations().every(a => a.playState !== 'running'
  || a.effect === null || a.effect.getComputedTiming().endTime === Infinity)"""


def check_skip_link(page) -> dict:
    """Tab once from the top: the skip link takes focus; Enter moves to the content, and the next Tab goes on from there.

    The starting state is waited for, not timed: the page scrolled to the top and the back-to-top button (which
    Material shows while one scrolls up, and which comes after the article) hidden. "The next stop is in the content"
    means: when the article has something to tab to after the skip link's target, the next Tab lands there; when it
    has nothing, the next Tab goes on after the target (the back-to-top button, the footer) or leaves the page for the
    browser's own controls, or wraps round to the top, as browsers do.
    """
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.wait_for_function("() => window.scrollY === 0 && !document.querySelector('.md-top:not([hidden])')")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => ({cls: document.activeElement.className, href: document.activeElement.getAttribute('href'),"
        " visible: document.activeElement.getBoundingClientRect().height > 0})"
    )
    result = {"first_focus": first}
    if "md-skip" not in (first["cls"] or ""):
        return result
    page.keyboard.press("Enter")
    page.wait_for_function("href => location.hash === href", arg=first["href"])
    page.keyboard.press("Tab")
    result["after"] = page.evaluate(
        """href => {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      const focused = document.activeElement;
      const article = target && target.closest('article.md-content__inner');
      const tabbable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      const follows = e => !!(target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
      const inContent = article ? [...article.querySelectorAll(tabbable)].filter(e =>
        follows(e) && e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) : [];
      return {
        target_in_content: !!article,
        content_tabbable_after_target: inContent.length,
        next_focus_in_content_after_target: !!(article && article.contains(focused) && follows(focused)),
        next_focus_follows_target: !!(target && follows(focused)),
        next_focus_wrapped: focused === document.body || focused.classList.contains('md-skip'),
        next_focus: focused.outerHTML.slice(0, 80),
      };
    }""",
        first["href"],
    )
    return result


def toggle_palette(page, report: PageReport):
    """The visitor's own choice: the palette toggle in the header switches to the dark palette."""
    page.locator("form[data-rvase-palette] label:visible").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    report.palette["toggled"] = page.get_attribute("body", "data-md-color-scheme")


def switch_language(page, report: PageReport, lang: str):
    """Follow the header's link to the other language `lang` (named in words, no menu); record where it lands."""
    page.evaluate("() => localStorage.clear()")  # forget the palette chosen, for the next page
    with page.expect_navigation(wait_until="load"):
        page.locator(f'a.rvase-language__link[hreflang="{lang}"]').click()
    report.language_switch[lang] = page.url
    report.language_switch["html_lang"] = page.get_attribute("html", "lang")


def survey_site(browser, host: str, addresses: list[tuple[str, str]], axe_source: str) -> list[PageReport]:
    reports = [PageReport(lang, url) for lang, url in addresses]
    tabs = {view: Tab(browser, host, options, axe_source) for view, options in VIEWS.items()}
    light, phone = tabs["light"].page, tabs["phone"].page
    try:
        for report in reports:
            for view, tab in tabs.items():
                tab.report = report
                report.status[view] = tab.page.goto(
                    report.url, wait_until="commit"
                ).status  # the three load side by side
            for tab in tabs.values():
                tab.page.wait_for_load_state("load")
            report.html_lang = light.get_attribute("html", "lang") or ""
            report.tables = light.evaluate(TABLES_SCRIPT)
            report.phone = phone.evaluate(PHONE_SCRIPT)
            report.clipped = {"light": light.evaluate(CLIPPED_SCRIPT), "phone": phone.evaluate(CLIPPED_SCRIPT)}
            report.palette = {
                view: tabs[view].page.get_attribute("body", "data-md-color-scheme") for view in ("light", "dark")
            }
            tabs["light"].start_axe(AXE_WCAG21_AA)
            tabs["dark"].start_axe(AXE_CONTRAST)
            tabs["phone"].start_axe(AXE_TARGET_SIZE)
            report.axe["light"], _ = tabs["light"].axe_result()
            report.axe["dark"], _ = tabs["dark"].axe_result()
            report.axe["phone"], report.phone["targets_measured"] = tabs["phone"].axe_result()
            report.skip_link = check_skip_link(light)
            toggle_palette(light, report)
            tabs["light"].start_axe(AXE_CONTRAST)
            report.axe["toggled"], _ = tabs["light"].axe_result()
            switch_language(light, report, "en" if report.lang == "fr" else "fr")
    finally:
        for tab in tabs.values():
            tab.close()
    return reports
