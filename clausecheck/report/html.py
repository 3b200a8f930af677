"""Report -> one self-contained HTML page: verdict card, the contract with its clauses
highlighted, and the findings pinned where they live. `render_site` adds a sortable index
for many contracts.

Contract text is untrusted: every piece of it goes through `html.escape`, the page carries
no data in <script>, and a Content-Security-Policy that only allows this module's own inline
style and script (by hash) is the second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import Config
from ..models import Block, Clause, ClauseType, DocumentReport, Finding, Report, RuleMeta, Severity
from ..rules import RULES_BY_CODE
from ..verdict import PROTECTIONS, Assessment, KeyTerm, assess

CLAUSE_LABELS: dict[ClauseType, str] = {
    ClauseType.exclusivity: "Exclusivity",
    ClauseType.territory: "Territory",
    ClauseType.term: "Term",
    ClauseType.renewal: "Renewal",
    ClauseType.minimum_commitment: "Minimum commitment",
    ClauseType.probation: "Probation",
    ClauseType.performance_trigger: "Performance trigger",
    ClauseType.termination_for_convenience: "Termination for convenience",
    ClauseType.non_compete: "Non-compete",
    ClauseType.governing_law: "Governing law",
}
# When clauses overlap, the colour of the text is the first type in this order.
_PRIORITY = list(CLAUSE_LABELS)
_CARD_KEYS = ("exclusivity", "territory", "term", "renewal", "minimum_commitment", "probation", "performance_trigger")
_STATUS_TEXT = {"present": "✓ Present", "missing": "✗ Missing", "weak": "! Weak", "n/a": "– n/a"}
_SEVERITY_TEXT = {Severity.error: "Error", Severity.warning: "Warning", Severity.info: "Info"}
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _asset(name: str) -> str:
    return (files(__package__) / "assets" / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _page(title: str, body: str, *, script: str) -> str:
    """Wrap a body in the page shell: inline CSS and JS allowed by hash, nothing else."""
    css = _asset("report.css")
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(script)}; "
           "img-src 'none'; connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_e(csp)}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"clausecheck {_e(__version__)}\">\n"
        f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _safe_id(value: str) -> str:
    return _SAFE_ID.sub("_", value)


def _name(path: str) -> str:
    return Path(path).name or path


def _snippet(text: str | None, width: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _meta(rule: str) -> RuleMeta | None:
    rule_obj = RULES_BY_CODE.get(rule)
    return rule_obj.meta if rule_obj else None


def _headline(doc: DocumentReport, seen: Assessment) -> tuple[str, str]:
    if seen.kind == "error":
        return "Not analysed", f"{doc.error.code} {doc.error.message}" if doc.error else ""
    if seen.kind == "neutral":
        return "No exclusive grant", "The supplier keeps the right to sell and appoint others; the exclusivity rules do not apply."
    if seen.kind == "good":
        return "Exclusive, and protected", "The exclusivity is tied to a minimum commitment, a probation period and a performance trigger."
    gaps = [f"{t.label.lower()} ({'weak' if t.status == 'weak' else 'missing'})" for t in seen.gaps]
    n = len(doc.findings)
    detail = "The distributor gets exclusivity, but the contract lacks: " + ", ".join(gaps) + "." if gaps else (
        f"{n} finding{'s' if n != 1 else ''} about the exclusivity this contract grants.")
    return "Exclusive, but unprotected", detail


class _Page:
    """Renders one DocumentReport; `prefix` keeps ids unique when a page holds several."""

    def __init__(self, doc: DocumentReport, prefix: str, max_probation_months: float) -> None:
        self.doc = doc
        self.prefix = prefix
        self.seen = assess(doc, max_probation_months)
        self.terms = self.seen.terms
        self.findings = sorted(enumerate(doc.findings), key=lambda p: (-p[1].severity.rank, p[0]))
        self.finding_ids = {i: f"{prefix}-f-{i}" for i, _ in enumerate(doc.findings)}
        self.pins: dict[str, list[tuple[int, Finding]]] = {}
        for i, f in enumerate(doc.findings):
            if f.clause_ids:
                self.pins.setdefault(f.clause_ids[0], []).append((i, f))

    def clause_anchor(self, clause_id: str) -> str:
        return f"{self.prefix}-c-{_safe_id(clause_id)}"

    # ---- verdict card -------------------------------------------------------------------------
    def _term(self, t: KeyTerm) -> str:
        status = t.status
        tone: str = status
        if status == "missing" and t.key not in PROTECTIONS:
            tone = "absent"  # a missing renewal is information, not a defect
        link = ""
        if t.clause is not None:
            link = (f' <a class="goto" href="#{_e(self.clause_anchor(t.clause.id))}" data-clause="{_e(_safe_id(t.clause.id))}">'
                    f"p.{t.clause.page}<span class=\"sr\"> – show the {_e(t.label.lower())} clause</span></a>")
        return (f'<div class="term tone-{tone}"><dt>{_e(t.label)}</dt>'
                f'<dd><span class="status">{_e(_STATUS_TEXT[status])}</span> '
                f'<span class="value">{_e(t.value)}</span>{link}</dd></div>')

    def _other(self, t: KeyTerm) -> str:
        tone = "present" if t.status == "present" else "absent"
        value = f'<span class="value">{_e(t.value)}</span>' if t.status == "present" and t.value != "found" else ""
        link = ""
        if t.clause is not None:
            link = (f'<a class="goto" href="#{_e(self.clause_anchor(t.clause.id))}" data-clause="{_e(_safe_id(t.clause.id))}">'
                    f"p.{t.clause.page}<span class=\"sr\"> – show the {_e(t.label.lower())} clause</span></a>")
        return (f'<div class="tone-{tone}"><dt>{_e(t.label)}</dt><dd><span class="status">{_e(_STATUS_TEXT[t.status])}</span> '
                f"{value} {link}</dd></div>")

    def verdict_card(self) -> str:
        kind = self.seen.kind
        title, detail = _headline(self.doc, self.seen)
        icon = {"bad": "⚠", "good": "✓", "neutral": "○", "error": "✗"}[kind]
        out = [f'<section class="verdict v-{kind}" aria-labelledby="{self.prefix}-verdict">',
               f'<h2 id="{self.prefix}-verdict" class="headline"><span aria-hidden="true">{icon}</span> {_e(title)}</h2>',
               f'<p class="detail">{_e(detail)}</p>']
        if self.doc.error and self.doc.error.hint:
            out.append(f'<p class="detail">Hint: {_e(self.doc.error.hint)}</p>')
        if self.terms:
            main = [t for t in self.terms if t.key in _CARD_KEYS]
            other = [t for t in self.terms if t.key not in _CARD_KEYS]
            out.append('<dl class="terms">' + "".join(self._term(t) for t in main) + "</dl>")
            if other:
                out.append('<dl class="others" aria-label="Other clauses">' + "".join(self._other(t) for t in other) + "</dl>")
        out.append("</section>")
        return "\n".join(out)

    # ---- findings panel -----------------------------------------------------------------------
    def _finding(self, index: int, f: Finding, open_details: bool = False) -> str:
        fid = self.finding_ids[index]
        meta = _meta(f.rule)
        title = meta.title if meta else f.rule
        sev = f.severity.value
        label = f'<span class="sev sev-{sev}">{_e(_SEVERITY_TEXT[f.severity])}</span> <span class="code">{_e(f.rule)}</span> {_e(title)}'
        if f.clause_ids:
            target = f.clause_ids[0]
            head = (f'<a class="jump" href="#{_e(self.clause_anchor(target))}" data-clause="{_e(_safe_id(target))}">'
                    f"{label}</a>")
        else:
            head = label
        out = [f'<li class="finding sev-{sev}" id="{fid}">', f"<h4>{head}</h4>", f'<p class="msg">{_e(f.message)}</p>']
        if f.text:
            where = f"Page {f.page}: " if f.page else ""
            out.append(f'<p class="where">{_e(where)}<q>{_e(_snippet(f.text, 70))}</q></p>')
        fix, _, clause = f.recommendation.partition("\n\nSuggested clause: ")
        more = []
        if meta:
            fix, clause = meta.fix, meta.fallback_clause
            more.append(f'<p><strong>Why it matters.</strong> {_e(meta.why)}</p>')
        more.append(f'<p><strong>Suggested fix.</strong> {_e(fix)}</p>')
        if clause:
            cid = f"{fid}-clause"
            more.append(f'<figure class="fallback"><figcaption id="{cid}-cap">Clause to propose</figcaption>'
                        f'<blockquote id="{cid}">{_e(clause)}</blockquote>'
                        f'<button type="button" class="copy" data-copy="{cid}" aria-describedby="{cid}-cap">Copy clause</button>'
                        "</figure>")
        summary = "Why it matters and the clause to propose" if meta else "Suggested fix"
        out.append(f'<details class="more"{" open" if open_details else ""}><summary>{summary}</summary>' + "\n".join(more) + "</details>")
        out.append("</li>")
        return "\n".join(out)

    def findings_panel(self) -> str:
        n = len(self.doc.findings)
        out = [f'<aside class="findings" aria-labelledby="{self.prefix}-findings">',
               f'<h2 id="{self.prefix}-findings">Findings <span class="count">{n}</span></h2>']
        if not n:
            out.append('<p class="none">No findings.</p>')
        else:
            out.append('<p class="kbd-help">Select a finding to see its clause in the contract '
                       "(↑ ↓ move between findings).</p>")
        for severity in (Severity.error, Severity.warning, Severity.info):
            group = [(i, f) for i, f in self.findings if f.severity == severity]
            if not group:
                continue
            plural = "s" if len(group) != 1 else ""
            out.append(f'<h3 class="group">{_e(_SEVERITY_TEXT[severity])}{plural} ({len(group)})</h3>')
            out.append('<ol class="finding-list">' + "\n".join(self._finding(i, f, len(self.findings) == 1) for i, f in group) + "</ol>")
        if self.doc.notices:
            out.append('<h3 class="group">Notices</h3><ul class="notices">'
                       + "".join(f"<li>{_e(n)}</li>" for n in self.doc.notices) + "</ul>")
        out.append("</aside>")
        return "\n".join(out)

    # ---- contract text ------------------------------------------------------------------------
    def _tag(self, clause: Clause) -> str:
        anchor = self.clause_anchor(clause.id)
        return f'<span class="tag t-{clause.type.value}" id="{_e(anchor)}" tabindex="-1">{_e(CLAUSE_LABELS[clause.type])}</span>'

    def _pins(self, clause: Clause) -> str:
        out = ""
        for i, f in self.pins.get(clause.id, []):
            out += (f'<a class="pin sev-{f.severity.value}" href="#{self.finding_ids[i]}">'
                    f'<span aria-hidden="true">⚠</span> {_e(f.rule)}<span class="sr"> finding</span></a>')
        return out

    def _block(self, text: str, block: Block, clauses: list[Clause], labelled: set[str]) -> str:
        inside = [c for c in clauses if c.start < block.end and c.end > block.start]
        cuts = {block.start, block.end}
        for c in inside:
            cuts.update((max(c.start, block.start), min(c.end, block.end)))
        points = sorted(cuts)
        parts: list[str] = []
        for a, b in zip(points, points[1:], strict=False):
            starting = sorted((c for c in inside if c.id not in labelled and c.start <= a and c.end > a),
                              key=lambda c: _PRIORITY.index(c.type))
            labelled.update(c.id for c in starting)
            parts += [self._tag(c) for c in starting] + [self._pins(c) for c in starting]
            covering = sorted((c for c in inside if c.start <= a and c.end >= b), key=lambda c: _PRIORITY.index(c.type))
            piece = _e(text[a:b])
            if covering:
                ids = " ".join(_safe_id(c.id) for c in covering)
                flagged = " flagged" if any(c.id in self.pins for c in covering) else ""
                parts.append(f'<mark class="hl t-{covering[0].type.value}{flagged}" data-c="{_e(ids)}">{piece}</mark>')
            else:
                parts.append(piece)
        tag = {"heading": "h3", "table_row": "p"}.get(block.kind, "p")
        cls = {"heading": "c-heading", "table_row": "c-row"}.get(block.kind, "c-para")
        return f'<{tag} class="{cls}">{"".join(parts)}</{tag}>'

    def contract_text(self) -> str:
        out = [f'<section class="contract" aria-labelledby="{self.prefix}-text">',
               f'<h2 id="{self.prefix}-text">The contract</h2>', self.legend()]
        source = self.doc.source
        if source is None:
            out.append('<p class="none">The full text is not available in this report; '
                       "the clauses found are listed here.</p>")
            out.append(self._clause_excerpts())
        else:
            blocks = source.blocks or _paragraph_blocks(source.text)
            clauses = sorted(self.doc.clauses, key=lambda c: (c.start, -c.end))
            labelled: set[str] = set()
            page = 0
            multi_page = (source.pages or 1) > 1
            out.append('<div class="text">')
            for block in blocks:
                if multi_page and block.page != page:
                    out.append(f'<div class="page-marker" id="{self.prefix}-page-{block.page}" role="note">'
                               f"<span>Page {block.page}</span></div>")
                page = block.page
                out.append(self._block(source.text, block, clauses, labelled))
            out.append("</div>")
        out.append("</section>")
        return "\n".join(out)

    def _clause_excerpts(self) -> str:
        items = []
        for c in self.doc.clauses:
            items.append(f'<p class="c-para">{self._tag(c)}{self._pins(c)}<mark class="hl t-{c.type.value}" '
                         f'data-c="{_e(_safe_id(c.id))}">{_e(c.text)}</mark> <span class="page-ref">p.{c.page}</span></p>')
        return '<div class="text">' + "\n".join(items) + "</div>"

    def legend(self) -> str:
        present = {c.type for c in self.doc.clauses}
        items = []
        for t, label in CLAUSE_LABELS.items():
            if t not in present:
                continue
            count = sum(1 for c in self.doc.clauses if c.type == t)
            items.append(f'<li><button type="button" class="legend-item t-{t.value}" data-type="{t.value}" '
                         f'aria-pressed="true" title="Show or hide the highlighting of {_e(label.lower())} clauses">'
                         f'<span class="swatch" aria-hidden="true"></span>{_e(label)} <span class="n">{count}</span></button></li>')
        if not items:
            return '<p class="legend none">No key clauses were found in this text.</p>'
        return ('<div class="legend"><h3 class="legend-title">Highlighted clauses</h3><ul>' + "".join(items)
                + "</ul></div>")

    def render(self, heading_level_title: str) -> str:
        doc = self.doc
        facts = [x for x in (doc.format and doc.format.upper(), doc.pages and f"{doc.pages} page{'s' if doc.pages != 1 else ''}",
                             f"{len(doc.clauses)} clauses found" if not doc.error else None) if x]
        head = (f'<header class="doc-head"><h1 id="{self.prefix}-title">{_e(heading_level_title)}</h1>'
                f'<p class="facts">{_e(" · ".join(facts))}<span class="path"> {_e(doc.path)}</span></p></header>')
        parts = [f'<article class="doc" id="{self.prefix}" aria-labelledby="{self.prefix}-title">', head, self.verdict_card()]
        if not doc.error:
            parts.append('<div class="layout">')
            parts.append(self.contract_text())
            parts.append(self.findings_panel())
            parts.append("</div>")
        parts.append("</article>")
        return "\n".join(parts)


def _paragraph_blocks(text: str) -> list[Block]:
    """Blank-line paragraphs, when a Document carries no blocks."""
    blocks, start = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if m.start() > start:
            blocks.append(Block(page=1, start=start, end=m.start()))
        start = m.end()
    if start < len(text):
        blocks.append(Block(page=1, start=start, end=len(text)))
    return blocks


def _top_bar(report: Report, back_href: str | None) -> str:
    back = f'<a class="back" href="{_e(back_href)}">← All contracts</a>' if back_href else ""
    return (f'<a class="skip" href="#main">Skip to the report</a>'
            f'<header class="top" role="banner"><span class="brand">clausecheck</span>{back}'
            f'<span class="gen">report generated by clausecheck {_e(report.tool.version)}</span>'
            '<button type="button" class="print">Print or save as PDF</button></header>')


def render(report: Report, *, max_probation_months: float = 6, back_href: str | None = None, **_: Any) -> str:
    """The whole report as one self-contained HTML page (every document of the report)."""
    pages = [_Page(doc, f"d{i}", max_probation_months) for i, doc in enumerate(report.documents)]
    body = [_top_bar(report, back_href), '<main id="main" tabindex="-1">']
    body += [p.render(_name(p.doc.path)) for p in pages]
    body.append("</main>")
    names = ", ".join(_name(d.path) for d in report.documents) or "no documents"
    return _page(f"clausecheck: {names}", "\n".join(body), script=_asset("report.js"))


# ---- many contracts: index.html + one page each ------------------------------------------------
def page_name(index: int, doc: DocumentReport) -> str:
    """The file name of a contract's page in a site: numbered, so equal names never collide."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(doc.path).stem).strip("-.") or "contract"
    return f"{index + 1:03d}-{stem[:60]}.html"


def _folder(path: str) -> str:
    parent = str(Path(path).parent)
    return "" if parent == "." else parent + "/"


def _index_row(index: int, doc: DocumentReport, codes: list[str], max_probation_months: float) -> str:
    seen = assess(doc, max_probation_months)
    kind = seen.kind
    rank = {"error": 0, "bad": 1, "good": 2, "neutral": 3}[kind]
    worst = max((f.severity.rank for f in doc.findings), default=0)
    cells = [
        f'<td data-sort="{_e(_name(doc.path).lower())}"><a href="{_e(page_name(index, doc))}">{_e(_name(doc.path))}</a>'
        f'<span class="path">{_e(_folder(doc.path))}</span></td>',
        f'<td data-sort="{rank}"><span class="pill v-{kind}">{_e(seen.verdict)}</span></td>',
        f'<td data-sort="{int(seen.exclusive)}">{"yes" if seen.exclusive else "no"}</td>',
        f'<td data-sort="{len(doc.findings) * 10 + worst}" class="num">{len(doc.findings)}</td>',
    ]
    fired = {f.rule: f.severity for f in sorted(doc.findings, key=lambda f: f.severity.rank)}
    for code in codes:
        mark = (f'<span class="sev sev-{fired[code].value}">✗ fires</span>' if code in fired
                else '<span class="ok">–<span class="sr"> no</span></span>')
        cells.append(f'<td data-sort="{fired[code].rank if code in fired else 0}" class="rule">{mark}</td>')
    cells.append(f'<td data-sort="{doc.pages or 0}" class="num">{doc.pages or ""}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def render_index(report: Report, max_probation_months: float = 6) -> str:
    """The index page of a site: every contract with its verdict, sortable, linking to its page."""
    defaults = Config()  # one column per rule on by default, plus any opt-in rule that fired
    codes = sorted({*(c for c in RULES_BY_CODE if defaults.rule_enabled(c)),
                    *(f.rule for d in report.documents for f in d.findings)})
    s = report.summary
    stats = [(s.documents, "contracts"), (s.exclusive_documents, "grant exclusivity"),
             (s.unprotected_exclusive_documents, "exclusive but unprotected"), (s.errors, "could not be analysed")]
    cards = "".join(f'<li><span class="big">{n}</span> {_e(label)}</li>' for n, label in stats)
    heads = ["Contract", "Verdict", "Exclusive", "Findings", *codes, "Pages"]
    types = ["text", "num", "num", "num", *(["num"] * len(codes)), "num"]
    ths = "".join(
        f'<th scope="col" aria-sort="none"><button type="button" class="sort" data-col="{i}" data-type="{t}">'
        f'{_e(h)}<span class="arrow" aria-hidden="true"></span></button></th>' for i, (h, t) in enumerate(zip(heads, types, strict=True)))
    rows = "\n".join(_index_row(i, d, codes, max_probation_months) for i, d in enumerate(report.documents))
    titles = "".join(f"<li><strong>{_e(c)}</strong> {_e(m.title)}</li>" for c in codes if (m := _meta(c)))
    body = (f'{_top_bar(report, None)}<main id="main" tabindex="-1" class="index">'
            f'<h1>Contracts ({s.documents})</h1><ul class="stats">{cards}</ul>'
            '<p class="kbd-help">Select a column heading to sort; select a contract to open its report.</p>'
            f'<table class="contracts"><caption class="sr">Contracts and their verdicts</caption><thead><tr>{ths}</tr></thead>'
            f'<tbody>\n{rows}\n</tbody></table><h2>Rules</h2><ul class="rules">{titles}</ul></main>')
    return _page(f"clausecheck: {s.documents} contracts", body, script=_asset("index.js"))


def render_site(report: Report, **options: Any) -> dict[str, str]:
    """File name -> HTML for `index.html` and one page per contract."""
    site = {"index.html": render_index(report, options.get("max_probation_months", 6))}
    for i, doc in enumerate(report.documents):
        site[page_name(i, doc)] = _contract_page(report, doc, options)
    return site


def _contract_page(report: Report, doc: DocumentReport, options: dict[str, Any]) -> str:
    single = Report(tool=report.tool, documents=[doc], summary=report.summary)
    return render(single, **{**options, "back_href": "index.html"})


def write_site(report: Report, directory: str | Path, *,
               load_source: Callable[[DocumentReport], DocumentReport] | None = None, **options: Any) -> Path:
    """Write `index.html` and one page per contract into a folder (created if needed); returns index.html.

    Pages are rendered and written one at a time. `load_source` gives a document its text when
    the report has none (e.g. read back from JSON lines); see `engine.with_source`.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for i, doc in enumerate(report.documents):
        if load_source is not None and doc.source is None:
            doc = load_source(doc)
        (out / page_name(i, doc)).write_text(_contract_page(report, doc, options), encoding="utf-8")
    index = out / "index.html"
    index.write_text(render_index(report, options.get("max_probation_months", 6)), encoding="utf-8")
    return index
