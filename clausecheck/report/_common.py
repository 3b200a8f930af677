"""Small helpers shared by the CI output formats."""

from __future__ import annotations

import os
from pathlib import Path

from ..models import DocumentReport, Finding, RuleMeta
from ..rules import RULES, RULES_BY_CODE


def display_path(path: str, root: str | os.PathLike[str] | None = None) -> str:
    """`path` relative to `root` (default: the working directory) with `/` separators; as given
    when it lies outside (CI annotations and code scanning want repository-relative paths)."""
    base = os.path.abspath(root or Path.cwd())
    absolute = os.path.abspath(path)
    if absolute == base or absolute.startswith(base.rstrip(os.sep) + os.sep):
        return Path(os.path.relpath(absolute, base)).as_posix()
    return Path(path).as_posix()


def rule_meta(code: str) -> RuleMeta | None:
    rule = RULES_BY_CODE.get(code)
    return rule.meta if rule else None


def all_rules() -> list[RuleMeta]:
    return [rule.meta for rule in RULES]


def one_line(text: str | None, width: int | None = None) -> str:
    text = " ".join((text or "").split())
    if width and len(text) > width:
        return text[: width - 1] + "…"
    return text


def where(doc: DocumentReport, finding: Finding) -> str:
    """A human location: `line 12` for text files, `page 3` for PDF/DOCX, '' when unknown."""
    if finding.line is not None:
        return f"line {finding.line}"
    if finding.page is not None:
        return f"page {finding.page}"
    return ""


def fix_and_clause(finding: Finding) -> tuple[str, str]:
    """The recommendation's two parts: the fix in prose and the sample clause (may be '')."""
    fix, _, clause = finding.recommendation.partition("\n\nSuggested clause: ")
    return fix, clause
