"""JUnit XML for GitLab and Jenkins test reports: one testsuite per contract, one testcase per
rule run on it, one <failure> per finding; a contract that could not be analysed is an <error>."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from ..config import Config
from ..models import Report
from ._common import all_rules, display_path, fix_and_clause, one_line, where

# XML 1.0 forbids most control characters (a form feed between PDF pages would make the file unparsable)
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _safe(text: str) -> str:
    return _INVALID_XML.sub(" ", text)


def render(report: Report, *, root: Any = None, config: Config | None = None, **_: Any) -> str:
    config = config or Config()
    suites = ET.Element("testsuites", name=report.tool.name)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for doc in report.documents:
        path = display_path(doc.path, root)
        path = _safe(path)
        suite = ET.SubElement(suites, "testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if doc.error:
            case = ET.SubElement(suite, "testcase", classname=path, name="analysis", file=path)
            error = ET.SubElement(case, "error", type=doc.error.code, message=_safe(f"{doc.error.code} {doc.error.message}"))
            error.text = _safe(f"{doc.error.code} {doc.error.message}\nhint: {doc.error.hint or ''}")
            counts["tests"] += 1
            counts["errors"] += 1
        else:
            for meta in all_rules():
                if not config.rule_enabled(meta.code, doc.path):
                    continue
                case = ET.SubElement(suite, "testcase", classname=path, name=f"{meta.code} {meta.slug}", file=path)
                counts["tests"] += 1
                findings = [f for f in doc.findings if f.rule == meta.code]
                for f in findings:
                    failure = ET.SubElement(case, "failure", type=f.severity.value, message=_safe(f.message))
                    fix, clause = fix_and_clause(f)
                    lines = [f"{f.rule} {f.severity.value} at {path}" + (f", {where(doc, f)}" if where(doc, f) else ""),
                             f.message]
                    if f.text:
                        lines.append(f"clause: \"{one_line(f.text)}\"")
                    lines.append(f"fix: {fix}")
                    if clause:
                        lines.append(f"propose: {clause}")
                    failure.text = _safe("\n".join(lines))
                counts["failures"] += bool(findings)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("skipped", "0")
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
