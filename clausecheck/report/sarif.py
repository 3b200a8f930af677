"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

TXT/Markdown findings carry a real line/column region (columns count characters, declared with
`columnKind: unicodeCodePoints`). PDF and DOCX have no lines: their findings point at the file,
with the clause in `region.snippet` and the page and text offsets in `properties`. The schema
requires a region to have a start, so theirs is `charOffset`/`charLength` into the extracted
text (the same offsets as `properties`), never an invented line: code scanning shows them as
file-level alerts.
`partialFingerprints` is the finding's fingerprint (rule + normalised clause text), so an alert
survives re-flowed lines and re-exported PDFs.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..models import DocumentReport, Finding, Report, RuleMeta, Severity
from ._common import all_rules, display_path, fix_and_clause

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "clausecheck/v1"
LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def _help_markdown(m: RuleMeta) -> str:
    return (
        f"**{m.title}** ({m.code}, `{m.slug}`)\n\n"
        f"## What it checks\n{m.what}\n\n## Why it matters\n{m.why}\n\n"
        f"## Example\n> {m.example}\n\n## Suggested fix\n{m.fix}\n\n## Sample clause\n> {m.fallback_clause}\n"
    )


def _help_text(m: RuleMeta) -> str:
    return (f"{m.title}\n\nWhat it checks: {m.what}\n\nWhy it matters: {m.why}\n\nExample: {m.example}\n\n"
            f"Suggested fix: {m.fix}\n\nSample clause: {m.fallback_clause}")


def _rule(m: RuleMeta) -> dict[str, Any]:
    return {
        "id": m.code,
        "name": "".join(part.capitalize() for part in m.slug.split("-")),
        "shortDescription": {"text": m.summary},
        "fullDescription": {"text": m.what},
        "help": {"text": _help_text(m), "markdown": _help_markdown(m)},
        "defaultConfiguration": {"level": LEVEL[m.severity]},
        "properties": {"tags": ["contract", "distribution-agreement", "exclusivity"], "slug": m.slug},
    }


def _uri(doc: DocumentReport, root: Any) -> str:
    return quote(display_path(doc.path, root), safe="/")


def _location(doc: DocumentReport, f: Finding, root: Any) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(doc, root)}}
    region: dict[str, Any] = {}
    if f.line is not None:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    elif f.start is not None and f.end is not None:
        region = {"charOffset": f.start, "charLength": f.end - f.start}
    if f.text:
        region["snippet"] = {"text": f.text}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(doc: DocumentReport, f: Finding, rule_index: dict[str, int], root: Any) -> dict[str, Any]:
    fix, clause = fix_and_clause(f)
    message = f.message + (f" Suggested fix: {fix}" if fix else "")
    properties: dict[str, Any] = {"clauseIds": f.clause_ids, "documentFormat": doc.format}
    if f.page is not None:
        properties["page"] = f.page
    if f.start is not None:
        properties.update(startOffset=f.start, endOffset=f.end)
    if clause:
        properties["suggestedClause"] = clause
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity],
        "message": {"text": message},
        "locations": [_location(doc, f, root)],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": properties,
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    return result


def build_sarif(report: Report, root: Any = None) -> dict[str, Any]:
    rules = all_rules()
    rule_index = {m.code: i for i, m in enumerate(rules)}
    results = [_result(d, f, rule_index, root) for d in report.documents for f in d.findings]
    notifications = [
        {
            "descriptor": {"id": d.error.code},
            "level": "error",
            "message": {"text": f"{d.error.message}" + (f" (hint: {d.error.hint})" if d.error.hint else "")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d, root)}}}],
        }
        for d in report.documents if d.error
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "rules": [_rule(m) for m in rules],
            }},
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report: Report, *, root: Any = None, **_: Any) -> str:
    return json.dumps(build_sarif(report, root), indent=2, ensure_ascii=False) + "\n"
