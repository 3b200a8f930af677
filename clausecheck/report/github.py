"""GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` per finding,
shown as annotations on the pull request's files."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..models import Report, Severity
from ._common import display_path, rule_meta

ANNOTATIONS_PER_KIND = 10
COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    """The message part: %, CR and LF are encoded (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: additionally `:` and `,`, which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, properties: dict[str, Any], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{kind} {props}::{escape_data(message)}"


def render(report: Report, *, root: Any = None, **_: Any) -> str:
    lines = []
    for doc in report.documents:
        path = display_path(doc.path, root)
        if doc.error:
            lines.append(_command("error", {"file": path, "title": f"clausecheck {doc.error.code}"},
                                  f"{doc.error.message} (hint: {doc.error.hint})"))
            continue
        for f in doc.findings:
            meta = rule_meta(f.rule)
            title = f"{f.rule} {meta.slug}" if meta else f.rule
            message = f.message
            if f.line is None and f.page is not None:
                message += f" (page {f.page})"  # PDF/DOCX: no line to annotate
            lines.append(_command(COMMAND[f.severity], {
                "file": path, "line": f.line, "col": f.column, "endLine": f.end_line,
                "endColumn": f.end_column, "title": title,
            }, message))
    per_kind = Counter(line[2:].split(" ", 1)[0] for line in lines)
    if max(per_kind.values(), default=0) > ANNOTATIONS_PER_KIND:
        # GitHub drops annotations past 10 of a kind per step, silently: say so where it shows
        total = sum(per_kind.values())
        lines.append(_command("notice", {"title": "clausecheck"}, f"{total} annotations; GitHub shows "
                              f"{ANNOTATIONS_PER_KIND} of each kind per step: the full list is in the job log "
                              "or in a SARIF / Markdown report of the same run."))
    return "".join(line + "\n" for line in lines)
