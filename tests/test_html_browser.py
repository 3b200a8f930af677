"""The HTML report in a real browser: headless Chromium from the system packages, driven by Playwright.

Skipped (with the reason) when Playwright or /usr/bin/chromium is missing; `.ci/run` installs
Chromium so CI always runs these. Never `playwright install`: it downloads a browser.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import clausecheck
from clausecheck.engine import analyse_path, build_report
from clausecheck.report import render
from clausecheck.report.html import write_site

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "out" / "screenshots"
XSS = Path(__file__).resolve().parent / "fixtures" / "xss_contract.txt"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

REQUIRED = os.environ.get("CLAUSECHECK_REQUIRE_BROWSER") == "1"  # set by .ci/run
MISSING = "browser tests need Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does it)"

if REQUIRED:
    from playwright import sync_api
    assert CHROMIUM.exists(), MISSING
else:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install -e '.[dev]'")
    if not CHROMIUM.exists():
        pytest.skip(MISSING, allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page that records console errors, uncaught exceptions, dialogs and every request."""

    def __init__(self, browser, **context) -> None:
        self.context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **context})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path: Path) -> Watched:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory, fixtures_dir) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    out.write_text(render(clausecheck.analyze(fixtures_dir / "02_exclusive_no_protections.pdf"), "html"), encoding="utf-8")
    return out


def _in_view(page, selector: str) -> bool:
    return page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight; }""", selector)


def test_loads_with_no_console_errors_and_no_network_requests(browser, report_file):
    w = Watched(browser).open(report_file)
    page = w.page
    assert page.get_by_role("heading", name="Exclusive, but unprotected").is_visible()
    # exercise every script path: a jump, the legend toggle, a copy button
    page.locator("a.jump").first.click()
    legend = page.locator("button.legend-item").first
    legend.click()
    assert legend.get_attribute("aria-pressed") == "false"
    second = page.locator("li.finding").nth(1)
    second.locator("summary").click()  # opens: why it matters and the clause to propose
    assert second.get_by_text("Why it matters.").is_visible()
    second.locator("button.copy").click()
    page.wait_for_function("document.querySelectorAll('button.copy')[1].textContent !== 'Copy clause'")
    w.close()
    # a Content-Security-Policy violation (a wrong hash) would show up as a console error here
    assert w.errors == []
    assert w.requests == [report_file.as_uri()]


def test_clicking_a_finding_scrolls_to_its_clause_and_flashes_it(browser, report_file):
    w = Watched(browser, reduced_motion="reduce").open(report_file)
    page = w.page
    clause = "#d0-c-exclusivity-1"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert not _in_view(page, clause)
    page.locator("a.jump").first.click()
    page.wait_for_function("""() => { const r = document.querySelector('#d0-c-exclusivity-1').getBoundingClientRect();
                                      return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    assert page.locator('mark.flash[data-c~="exclusivity-1"]').count() >= 1
    assert page.evaluate("document.activeElement.id") == "d0-c-exclusivity-1"
    assert page.locator("li.finding.current details.more").get_attribute("open") is not None
    w.close()
    assert w.errors == []


def test_findings_are_reachable_by_keyboard(browser, report_file):
    w = Watched(browser, reduced_motion="reduce").open(report_file)
    page = w.page
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator("a.jump").first.focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('li.finding').id") == "d0-f-1"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'd0-c-exclusivity-1'")
    assert _in_view(page, "#d0-c-exclusivity-1")
    w.close()


def test_hostile_contract_executes_nothing(browser, tmp_path):
    hostile = tmp_path / "x\"><img src=x onerror=\"window.__xss='name'\">.txt"
    shutil.copyfile(XSS, hostile)
    out = tmp_path / "xss.html"
    out.write_text(render(clausecheck.analyze(hostile), "html"), encoding="utf-8")
    w = Watched(browser).open(out)
    page = w.page
    for link in page.locator("a.jump, a.goto, a.pin").all():
        link.click()
    page.locator("mark").first.hover()
    page.keyboard.press("Tab")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.title() != "pwned" and page.locator("body").is_visible()
    assert page.locator("img, svg, iframe, b, textarea").count() == 0
    assert page.locator("script").count() == 1
    body = page.locator("body").inner_text()
    assert "<script>window.__xss = \"script\"" in body and "</style><script>" in body
    w.close()
    assert w.dialogs == [] and w.requests == [out.as_uri()]


def test_index_sorts_and_links_to_each_contract(browser, tmp_path, fixtures_dir):
    names = ("07_non_exclusive.txt", "02_exclusive_no_protections.txt", "06_exclusive_weak_probation.txt")
    index = write_site(build_report([analyse_path(fixtures_dir / n) for n in names]), tmp_path / "site")
    w = Watched(browser).open(index)
    page = w.page
    page.get_by_role("button", name="Findings").click()
    page.get_by_role("button", name="Findings").click()  # second click: most findings first
    first = page.locator("tbody tr").first.locator("a").inner_text()
    assert first == "02_exclusive_no_protections.txt"
    assert page.locator("th[aria-sort=descending]").count() == 1
    page.locator("tbody tr").first.locator("a").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", name="Exclusive, but unprotected").is_visible()
    w.close()
    assert w.errors == []


def test_screenshot_for_review(browser, fixtures_dir):
    """Not a pixel comparison: produces the pictures a reviewer looks at (paths printed at the end of the run: conftest.py)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report = clausecheck.analyze(fixtures_dir / "02_exclusive_no_protections.pdf")
    site = write_site(build_report([*report.documents,
                                    *(analyse_path(fixtures_dir / n) for n in ("01_exclusive_fully_protected.txt",
                                                                               "07_non_exclusive.txt"))]),
                      SCREENSHOTS / "site")
    w = Watched(browser, viewport={"width": 1400, "height": 900}).open(site.parent / "001-02_exclusive_no_protections.html")
    shot = SCREENSHOTS / "report-02.png"
    w.page.screenshot(path=str(shot))
    w.page.goto(site.as_uri())
    w.page.screenshot(path=str(SCREENSHOTS / "index.png"))
    w.close()
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert w.errors == []


def test_prints_to_pdf_with_every_finding_in_full(browser, report_file, tmp_path):
    import pypdfium2

    from clausecheck.rules import RULES_BY_CODE

    w = Watched(browser).open(report_file)
    pdf_path = tmp_path / "report.pdf"
    w.page.pdf(path=str(pdf_path), format="A4", print_background=True)
    w.close()
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    pages = [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    assert "Exclusive, but unprotected" in pages[0]
    text = " ".join(pages)
    for code in ("CC101", "CC102", "CC103"):  # collapsed on screen, printed in full
        assert " ".join(RULES_BY_CODE[code].meta.fallback_clause.split()[:12]) in text
    assert "Copy clause" not in text and text.index("CC101") < text.index("The contract")
    assert w.errors == []


# WCAG 2 contrast of every badge, label and highlighted span against its own background
_CONTRAST = """sel => Array.from(document.querySelectorAll(sel)).map(el => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let node = el, bg = null;
  while (node && !bg) { const c = getComputedStyle(node).backgroundColor;
                        if (c && !c.startsWith("rgba(0, 0, 0, 0")) { bg = rgb(c); } node = node.parentElement; }
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg || [255, 255, 255]);
  return [el.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
})"""


def test_text_has_sufficient_contrast(browser, report_file, tmp_path, fixtures_dir):
    site = write_site(build_report([analyse_path(fixtures_dir / n) for n in
                                    ("02_exclusive_no_protections.txt", "06_exclusive_weak_probation.txt",
                                     "07_non_exclusive.txt")]), tmp_path / "site")
    w = Watched(browser)
    low = []
    for page_file in sorted(site.parent.glob("*.html")):
        w.open(page_file)
        for selector in (".tag", ".pin", ".sev", ".status", "mark.hl", ".value", ".msg", ".where", ".pill",
                         ".kbd-help", ".page-marker", ".legend-item", ".group", "h1", "h2", ".facts"):
            low += [(page_file.name, selector, c, round(r, 2)) for c, r in w.page.evaluate(_CONTRAST, selector) if r < 4.5]
    w.close()
    assert low == []
