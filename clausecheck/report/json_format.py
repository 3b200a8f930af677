"""The JSON report: exactly one document, the schema `clausecheck schema` prints."""

from __future__ import annotations

from typing import Any

from ..models import Report


def render(report: Report, **_: Any) -> str:
    return report.model_dump_json(indent=2) + "\n"
