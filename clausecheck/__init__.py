"""clausecheck: find who holds the power in a distribution agreement."""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config  # noqa: E402
from .engine import analyze, analyze_text  # noqa: E402
from .models import Report  # noqa: E402

__all__ = ["Config", "Report", "__version__", "analyze", "analyze_text"]
