"""The terminal report: per contract, a verdict, the key terms with pages, the findings."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..models import DocumentReport, Report, Severity
from ..verdict import assess

_STATUS_STYLE = {"present": "green", "missing": "red", "weak": "yellow", "n/a": "dim"}
_SEVERITY_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def _snippet(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _indented(console: Console, indent: int, markup: str) -> None:
    console.print(Padding(Text.from_markup(markup), (0, 0, 0, indent), expand=False))


def _document(console: Console, doc: DocumentReport, max_probation_months: float) -> None:
    console.print(f"[bold]{escape(doc.path)}[/bold]")
    if doc.error:
        _indented(console, 2, f"[bold red]error {doc.error.code}[/] {escape(doc.error.message)}")
        if doc.error.hint:
            _indented(console, 2, f"[dim]hint: {escape(doc.error.hint)}[/]")
        console.print()
        return
    seen = assess(doc, max_probation_months)
    style = "red" if seen.gaps else ("green" if seen.exclusive else "default")
    console.print(f"  {doc.format}, {doc.pages} page(s) · verdict: [{style}]{escape(seen.verdict)}[/]")
    for notice in doc.notices:
        _indented(console, 2, f"[yellow]notice[/] {escape(notice)}")
    table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=False)
    table.add_column("term", style="bold", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("value", overflow="fold")
    table.add_column("page", justify="right", no_wrap=True)
    for term in seen.terms:
        page = f"p.{term.clause.page}" if term.clause else ""
        table.add_row("  " + term.label, f"[{_STATUS_STYLE[term.status]}]{term.status}[/]", escape(term.value), page)
    console.print(table)
    if doc.findings:
        console.print()
    for f in doc.findings:
        # a text file has real lines; a PDF or DOCX has pages
        where = f"line {f.line} " if f.line else (f"p.{f.page} " if f.page else "")
        _indented(console, 2, f"[{_SEVERITY_STYLE[f.severity]}]{f.rule} {f.severity.value}[/] {where}{escape(f.message)}")
        if f.text:
            _indented(console, 4, f"[dim]clause:[/] “{escape(_snippet(f.text))}”")
        fix, _, clause = f.recommendation.partition("\n\nSuggested clause: ")
        _indented(console, 4, f"[dim]fix:[/] {escape(fix)}")
        if clause:
            _indented(console, 4, f"[dim]propose:[/] [italic]{escape(clause)}[/]")
    console.print()


def render(report: Report, *, color: bool = False, width: int = 100, max_probation_months: float = 6,
           **_: Any) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, soft_wrap=False)
    for doc in report.documents:
        _document(console, doc, max_probation_months)
    s = report.summary
    parts = [f"{s.documents} document(s)", f"{s.findings} finding(s)"]
    if s.errors:
        parts.append(f"{s.errors} error(s)")
    if s.exclusive_documents:
        parts.append(f"{s.unprotected_exclusive_documents} of {s.exclusive_documents} exclusive contract(s) unprotected")
    console.print("[bold]Summary:[/] " + ", ".join(parts))
    out = buffer.getvalue()
    # rich pads table cells and wrapped lines to the width; plain text should not carry that
    return out if color else "\n".join(line.rstrip() for line in out.split("\n"))
