"""Report -> text. One small module per output format, each exposing `render(report, **options)`."""

from __future__ import annotations

import importlib
from enum import Enum
from typing import Any

from ..models import Report


class Format(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


_MODULES = {Format.text: "text", Format.json: "json_format", Format.csv: "csv_format"}


def render(report: Report, fmt: Format | str, **options: Any) -> str:
    """Render a report in one of the output formats."""
    module = importlib.import_module(f"{__name__}.{_MODULES[Format(fmt)]}")
    return module.render(report, **options)


__all__ = ["Format", "render"]
