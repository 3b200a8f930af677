"""JSON Lines: one document report per line (the `documents[]` objects of the JSON report), written
as each contract is analysed, so a consumer can stream them."""

from __future__ import annotations

from typing import Any

from ..models import DocumentReport, Report


def render_document(doc: DocumentReport) -> str:
    return doc.model_dump_json() + "\n"


def render(report: Report, **_: Any) -> str:
    return "".join(render_document(doc) for doc in report.documents)
