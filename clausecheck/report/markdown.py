"""A Markdown summary ready to post as a pull-request comment (GitHub or GitLab flavoured)."""

from __future__ import annotations

import re
from typing import Any

from ..models import DocumentReport, Report, Severity
from ..verdict import is_exclusive, verdict
from ._common import display_path, fix_and_clause, one_line, rule_meta, where

ICON = {Severity.error: "🔴", Severity.warning: "🟠", Severity.info: "🔵"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")


def md(text: str) -> str:
    """Contract text is untrusted: escape everything Markdown or HTML would interpret, on one line."""
    return _SPECIAL.sub(r"\\\1", one_line(text).replace("&", "&amp;"))


def _status(doc: DocumentReport) -> str:
    if doc.error:
        return "⛔"
    if doc.findings:
        return "❌"
    return "✅" if is_exclusive(doc) else "➖"


def _document(doc: DocumentReport, root: Any, verdict_text: str) -> list[str]:
    out = [f"### {_status(doc)} {md(display_path(doc.path, root))}", ""]
    if doc.error:
        out += [f"**{doc.error.code}** {md(doc.error.message)}", "", f"Hint: {md(doc.error.hint or '')}", ""]
        return out
    out += [f"Verdict: {md(verdict_text)}", ""]
    for notice in doc.notices:
        out += [f"> ℹ️ {md(notice)}", ""]
    for f in doc.findings:
        meta = rule_meta(f.rule)
        name = f" `{meta.slug}`" if meta else ""
        loc = where(doc, f)
        out.append(f"- {ICON[f.severity]} **{f.rule}**{name} ({f.severity.value}{', ' + loc if loc else ''}): {md(f.message)}")
        if f.text:
            out.append(f"  > {md(one_line(f.text, 300))}")
        fix, clause = fix_and_clause(f)
        out.append("")
        out.append(f"  <details><summary>Suggested fix</summary>\n\n  {md(fix)}")
        if clause:
            out.append(f"\n  Propose: *{md(clause)}*")
        out.append("\n  </details>")
        out.append("")
    return out


def render(report: Report, *, root: Any = None, max_chars: int = 60000, max_probation_months: float = 6,
           **_: Any) -> str:
    s = report.summary
    title = f"## clausecheck: {s.documents} contract(s), {s.findings} finding(s)"
    if s.errors:
        title += f", {s.errors} not analysed"
    lines = [title, ""]
    if s.exclusive_documents:
        lines += [f"**{s.unprotected_exclusive_documents} of {s.exclusive_documents}** exclusive contract(s) "
                  "grant exclusivity without the supplier's protections.", ""]
    lines += ["| | Contract | Verdict | Findings |", "|---|---|---|---|"]
    verdicts = [verdict(doc, max_probation_months) for doc in report.documents]
    for doc, said in zip(report.documents, verdicts, strict=True):
        codes = ", ".join(dict.fromkeys(f.rule for f in doc.findings)) or ("—" if not doc.error else doc.error.code)
        lines.append(f"| {_status(doc)} | {md(display_path(doc.path, root))} | {md(said)} | {codes} |")
    lines.append("")
    detailed = [(doc, said) for doc, said in zip(report.documents, verdicts, strict=True) if doc.error or doc.findings]
    size = sum(len(line) + 1 for line in lines)
    for i, (doc, said) in enumerate(detailed):
        section = _document(doc, root, said)
        section_size = sum(len(line) + 1 for line in section)
        if size + section_size > max_chars:
            # GitHub rejects comments over 65,536 characters: keep the table, cut the details
            lines += [f"_Details of {len(detailed) - i} more contract(s) left out to fit a comment; "
                      "see the full report._", ""]
            break
        lines += section
        size += section_size
    lines.append(f"<sub>clausecheck {md(report.tool.version)}</sub>")
    return "\n".join(lines) + "\n"
