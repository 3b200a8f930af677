"""The HTML report without a browser: what it shows, that it is self-contained, that it escapes."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import clausecheck
from clausecheck.cli import app
from clausecheck.engine import build_report
from clausecheck.models import ClauseType, DocumentReport, ErrorInfo, Report
from clausecheck.report import Format, render
from clausecheck.report import html as html_report
from clausecheck.rules import RULES_BY_CODE

HERE = Path(__file__).resolve().parent
XSS = HERE / "fixtures" / "xss_contract.txt"


class Page(HTMLParser):
    """Every tag with its attributes, the contents of <script>/<style>, and the visible text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]

    def visible(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def report_02(fixtures_dir) -> Report:
    return clausecheck.analyze(fixtures_dir / "02_exclusive_no_protections.pdf")


@pytest.fixture(scope="module")
def page_02(report_02) -> str:
    return render(report_02, Format.html)


def test_verdict_card_says_what_is_wrong(page_02):
    page = Page(page_02)
    text = " ".join(page.visible().split())
    assert "Exclusive, but unprotected" in text
    assert "lacks: minimum commitment (missing), probation (missing), performance trigger (missing)" in text
    for label in ("Exclusive", "Territory", "Initial term", "Renewal", "Minimum commitment", "Probation",
                  "Performance trigger"):
        assert label in text
    card = page_02.split('class="verdict', 1)[1].split("</section>", 1)[0]
    assert card.count("✗ Missing") >= 3 and "2 years" in card


def test_every_finding_is_pinned_to_its_clause_and_links_both_ways(report_02, page_02):
    page = Page(page_02)
    ids = set(page.ids())
    assert len(ids) == len(page.ids()), "duplicate ids"
    jumps = [a for tag, a in page.tags if tag == "a" and "jump" in (a.get("class") or "")]
    assert len(jumps) == len(report_02.documents[0].findings) == 3
    for a in jumps:
        assert a["href"][1:] in ids
    pins = [a for tag, a in page.tags if tag == "a" and "pin" in (a.get("class") or "")]
    assert {p["href"][1:] for p in pins} == {"d0-f-0", "d0-f-1", "d0-f-2"}
    for code in ("CC101", "CC102", "CC103"):  # why it matters and the fallback clause: the rule's own docs
        meta = RULES_BY_CODE[code].meta
        assert meta.why in page.visible() and meta.fallback_clause in page.visible()
    assert page_02.count('class="copy"') == 3


def test_full_text_with_page_markers_and_labelled_highlights(report_02, page_02):
    page = Page(page_02)
    text = page.visible()
    doc = report_02.documents[0]
    for n in range(1, doc.pages + 1):
        assert f"Page {n}" in text
    marks = [a for tag, a in page.tags if tag == "mark"]
    assert {m["class"].split()[1] for m in marks} >= {"t-exclusivity", "t-territory", "t-term"}
    tags = [a for tag, a in page.tags if tag == "span" and (a.get("class") or "").startswith("tag ")]
    assert len(tags) == len(doc.clauses)  # every clause carries a text label, not colour alone
    assert "Exclusivity" in text and "Governing law" in text  # labels and legend
    assert " ".join(doc.source.text.split()[:40]) in " ".join(text.split())


def test_protected_and_non_exclusive_verdicts(fixtures_dir):
    good = Page(render(clausecheck.analyze(fixtures_dir / "01_exclusive_fully_protected.txt"), "html")).visible()
    assert "Exclusive, and protected" in good and "No findings." in good
    neutral = Page(render(clausecheck.analyze(fixtures_dir / "07_non_exclusive.txt"), "html")).visible()
    assert "No exclusive grant" in neutral


def test_self_contained_with_a_strict_content_security_policy(page_02):
    page = Page(page_02)
    assert not [t for t, _ in page.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for _, a in page.tags if "src" in a]
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", page_02.split("<body>", 1)[1])
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "connect-src 'none'" in csp
    for kind in ("style", "script"):
        assert len(page.raw[kind]) == 1
        digest = base64.b64encode(hashlib.sha256(page.raw[kind][0].encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in csp
    assert not [a for _, a in page.tags if "style" in a]  # inline style attributes would be blocked


def _xss_report(tmp_path: Path) -> Report:
    hostile = tmp_path / "x\"><img src=x onerror=\"window.__xss='name'\">.txt"
    hostile.write_bytes(XSS.read_bytes())
    return clausecheck.analyze(hostile)


def test_hostile_contract_renders_as_text(tmp_path):
    report = _xss_report(tmp_path)
    assert report.documents[0].findings, "the fixture should exercise the findings panel too"
    source = render(report, "html")
    page = Page(source)
    assert not [t for t, _ in page.tags if t in ("img", "svg", "iframe", "b", "textarea")]
    assert len(page.raw["script"]) == 1 and "__xss" not in page.raw["script"][0]
    assert len(page.raw["style"]) == 1 and "display:none" not in page.raw["style"][0]
    for _, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on") or k == "autofocus"]
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    visible = page.visible()
    assert "<script>window.__xss = \"script\"" in visible and "<img src=x onerror=" in visible
    assert "</style><script>" in visible


def test_json_report_unchanged(report_02):
    data = json.loads(render(report_02, "json"))
    assert "source" not in data["documents"][0]
    assert "source" not in json.dumps(Report.model_json_schema())
    assert report_02.documents[0].source is not None


def test_report_without_text_still_renders(report_02):
    loaded = Report.model_validate_json(render(report_02, "json"))  # e.g. a saved JSON report
    page = Page(render(loaded, "html"))
    assert loaded.documents[0].source is None
    assert "The full text is not available" in page.visible()
    assert "Exclusive, but unprotected" in page.visible()
    jumps = [a["href"][1:] for t, a in page.tags if t == "a" and "jump" in (a.get("class") or "")]
    assert jumps and set(jumps) <= set(page.ids())


def test_unreadable_file_shows_the_error_and_its_hint():
    report = build_report([DocumentReport(path="scan.pdf", error=ErrorInfo(
        code="E012", message="scanned PDF without a text layer", hint="run OCR first"))])
    text = Page(render(report, "html")).visible()
    assert "Not analysed" in text and "E012 scanned PDF without a text layer" in text and "run OCR first" in text


def test_every_clause_type_has_a_label_and_a_colour():
    css = html_report._asset("report.css")
    for t in ClauseType:
        assert t in html_report.CLAUSE_LABELS
        assert f".t-{t.value} {{ --c:" in css and f".hide-{t.value} .hl.t-{t.value}" in css


def test_several_files_on_one_page_keep_ids_unique(fixtures_dir):
    report = build_report([clausecheck.engine.analyse_path(fixtures_dir / n) for n in
                           ("02_exclusive_no_protections.txt", "06_exclusive_weak_probation.txt")])
    page = Page(render(report, "html"))
    assert len(page.ids()) == len(set(page.ids()))
    assert "! Weak" in page.visible()


def test_site_has_an_index_linking_every_contract(fixtures_dir, tmp_path):
    paths = [fixtures_dir / "02_exclusive_no_protections.txt", fixtures_dir / "07_non_exclusive.txt",
             fixtures_dir / "02_exclusive_no_protections.pdf", tmp_path / "missing.pdf"]
    report = build_report([clausecheck.engine.analyse_path(p) for p in paths])
    index = html_report.write_site(report, tmp_path / "site")
    assert index.name == "index.html"
    page = Page(index.read_text())
    links = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").endswith(".html")]
    assert len(links) == len(set(links)) == 4  # the two 02 contracts do not overwrite each other
    for link in links:
        target = Page((index.parent / link).read_text())
        assert any(a.get("href") == "index.html" for t, a in target.tags if t == "a")
    text = page.visible()
    assert "exclusive grant, unprotected: no minimum commitment, no probation, no performance trigger" in text and "no exclusive grant found" in text
    assert "not analysed: E001" in text
    assert sum(1 for t, a in page.tags if t == "button" and "sort" in (a.get("class") or "")) >= 5


def test_cli_writes_the_html_report(fixtures_dir, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["check", str(fixtures_dir / "02_exclusive_no_protections.txt"),
                                      "--format", "html", "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert "Exclusive, but unprotected" in out.read_text(encoding="utf-8")


def test_opt_in_rules_show_up_only_when_they_fire(fixtures_dir):
    plain = build_report([clausecheck.engine.analyse_path(fixtures_dir / "10_broad_territory_best_efforts.txt")])
    assert "CC201" not in Page(html_report.render_index(plain)).visible()
    config = clausecheck.Config(extend_select=["CC2"])
    report = build_report([clausecheck.engine.analyse_path(fixtures_dir / "10_broad_territory_best_efforts.txt", config)])
    assert "CC201" in {f.rule for f in report.documents[0].findings}
    page = Page(render(report, "html")).visible()
    assert RULES_BY_CODE["CC201"].meta.title in page and RULES_BY_CODE["CC201"].meta.fallback_clause in page
    assert "! Weak" in page  # the broad territory in the verdict card
    assert "CC201" in Page(html_report.render_index(report)).visible()


_ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "script", "a", "header", "span", "button", "main",
                 "article", "h1", "h2", "h3", "h4", "p", "section", "dl", "div", "dt", "dd", "ul", "ol", "li", "aside",
                 "mark", "details", "summary", "strong", "q", "figure", "figcaption", "blockquote"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.sampled_from(list("<>&\"'/=;:() \u2028\u2029abcdefghijklmnopqrstuvwxyz")),
                        min_size=1, max_size=60).filter(str.strip), min_size=1, max_size=5))
def test_any_text_comes_out_as_the_same_text_and_no_markup(paragraphs):
    text = "\n\n".join(p.strip() for p in paragraphs)
    report = clausecheck.analyze_text(
        "The Supplier appoints the Distributor as its exclusive distributor in the Territory.\n\n" + text)
    page = Page(render(report, "html"))
    assert {t for t, _ in page.tags} <= _ALLOWED_TAGS
    assert not [k for _, a in page.tags for k in a if k.startswith("on")]
    doc = report.documents[0]
    visible = page.visible()
    for block in doc.source.blocks:
        if not any(c.start < block.end and c.end > block.start for c in doc.clauses):  # labels go inside those
            assert doc.source.text[block.start:block.end] in visible


@pytest.fixture()
def scan_folder(fixtures_dir, tmp_path):
    folder = tmp_path / "contracts"
    folder.mkdir()
    for name in ("02_exclusive_no_protections.pdf", "07_non_exclusive.txt"):
        (folder / name).write_bytes((fixtures_dir / name).read_bytes())
    return folder


def _site_pages(index: Path) -> dict[str, str]:
    links = [a["href"] for t, a in Page(index.read_text()).tags if t == "a" and a.get("href", "").endswith(".html")]
    return {link: (index.parent / link).read_text() for link in links}


def test_scan_html_writes_a_site_with_the_full_text_and_again_on_resume(scan_folder, tmp_path):
    site, out = scan_folder / "report", tmp_path / "results.jsonl"  # the site inside the scanned folder
    args = ["scan", str(scan_folder), "--out", str(out), "--html", str(site), "--workers", "1", "--no-progress"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    pages = _site_pages(site / "index.html")
    assert len(pages) == 2
    unprotected = next(p for p in pages.values() if "Exclusive, but unprotected" in p)
    assert "Page 5" in Page(unprotected).visible() and "full text is not available" not in unprotected
    for page in pages.values():  # the scan's results carry no text: it is read again from each file
        assert "full text is not available" not in page
    (site / "index.html").unlink()
    again = CliRunner().invoke(app, args)  # everything resumed from the results file
    assert again.exit_code == 0 and "already in the results file" in again.output
    assert _site_pages(site / "index.html").keys() == pages.keys()
    assert "other text (.html)" not in again.output  # its own pages are not taken for contracts


def test_scan_html_with_results_on_stdout(scan_folder, tmp_path):
    result = CliRunner().invoke(app, ["scan", str(scan_folder), "--html", str(tmp_path / "site"), "--workers", "1",
                                      "--no-progress"])
    assert result.exit_code == 0
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == 2
    assert len(_site_pages(tmp_path / "site" / "index.html")) == 2


def test_a_file_changed_since_the_scan_is_shown_without_its_text(scan_folder):
    path = scan_folder / "07_non_exclusive.txt"
    saved = Report.model_validate_json(render(clausecheck.analyze(path), "json")).documents[0]
    assert clausecheck.engine.with_source(saved).source is not None
    path.write_text("Something else entirely.\n")
    assert clausecheck.engine.with_source(saved).source is None  # offsets would point into other text


def test_scan_html_into_a_file_is_a_clear_error(scan_folder, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = CliRunner().invoke(app, ["scan", str(scan_folder), "--html", str(blocker), "--workers", "1",
                                      "--no-progress"])
    assert result.exit_code == 2 and "E043" in result.output
