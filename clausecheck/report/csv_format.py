"""Report -> CSV: one row per document with its key terms and findings, for spreadsheets.

Opens cleanly in Excel: UTF-8 with a byte-order mark, CRLF line ends, one line per cell (runs of
whitespace are collapsed), and a cell that starts with = + - @ (or a tab / carriage return) is
prefixed with a quote so that a contract's text can never run as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..models import ClauseType, DocumentReport, Report
from ..verdict import assess

COLUMNS = [
    "path", "format", "pages", "verdict", "exclusive", "territory", "term_months", "renewal",
    "minimum_commitment", "probation", "performance_trigger", "termination_for_convenience",
    "non_compete", "governing_law", "findings", "error",
]
_TERM_COLUMNS = {
    "territory": "territory", "renewal": "renewal", "minimum_commitment": "minimum_commitment",
    "probation": "probation", "performance_trigger": "performance_trigger",
    "termination_for_convenience": "termination_for_convenience", "non_compete": "non_compete",
    "governing_law": "governing_law",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """One spreadsheet cell: a single line, never interpreted as a formula."""
    text = " ".join(str(value).split()) if value is not None else ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _term_months(doc: DocumentReport) -> str:
    clauses = doc.clauses_of(ClauseType.term)
    for clause in clauses:
        months = clause.attributes.get("duration_months")
        if isinstance(months, (int, float)):
            return f"{months:g}"
    return "indefinite" if any(c.attributes.get("indefinite") for c in clauses) else ""


def document_row(doc: DocumentReport, max_probation_months: float = 6) -> list[str]:
    """The cells of one document's row, in COLUMNS order."""
    values: dict[str, object] = {column: "" for column in COLUMNS}
    seen = assess(doc, max_probation_months)
    values.update(path=doc.path, format=doc.format or "", pages=doc.pages if doc.pages is not None else "",
                  verdict=seen.verdict)
    if doc.error is not None:
        values["error"] = doc.error.code
    else:
        exclusivity = doc.clauses_of(ClauseType.exclusivity)
        values["exclusive"] = "yes" if seen.exclusive else (
            f"{exclusivity[0].attributes.get('kind', 'other')} only" if exclusivity else "no")
        values["term_months"] = _term_months(doc)
        for term in seen.terms:
            column = _TERM_COLUMNS.get(term.key)
            if column and term.status in ("present", "weak"):
                values[column] = term.value
        values["findings"] = " ".join(dict.fromkeys(f.rule for f in doc.findings))
    return [safe_cell(values[column]) for column in COLUMNS]


def table(rows: list[list[str]]) -> str:
    """A header plus the given rows, as Excel-friendly CSV text (BOM, CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def render(report: Report, *, max_probation_months: float = 6, **_: Any) -> str:
    return table([document_row(doc, max_probation_months) for doc in report.documents])
