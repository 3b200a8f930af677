"""GitLab Code Quality report (the CodeClimate subset GitLab reads): a JSON array of issues with
description, check_name, fingerprint, severity and location.path / location.lines.begin."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..models import Report, Severity
from ._common import display_path

SEVERITY = {Severity.error: "critical", Severity.warning: "major", Severity.info: "info"}


def _fingerprint(*parts: str) -> str:
    # GitLab wants one fingerprint per issue in a report: the finding's own (rule + clause) plus the file
    return hashlib.md5("\x00".join(parts).encode(), usedforsecurity=False).hexdigest()


def render(report: Report, *, root: Any = None, **_: Any) -> str:
    issues: list[dict[str, Any]] = []
    for doc in report.documents:
        path = display_path(doc.path, root)
        if doc.error:
            issues.append({
                "type": "issue",
                "description": f"{doc.error.code} {doc.error.message} (hint: {doc.error.hint})",
                "check_name": doc.error.code,
                "fingerprint": _fingerprint(path, doc.error.code),
                "severity": "blocker",
                "location": {"path": path, "lines": {"begin": 1}},
            })
            continue
        for f in doc.findings:
            description = f"{f.rule}: {f.message}" + (f" (page {f.page})" if f.line is None and f.page else "")
            issues.append({
                "type": "issue",
                "description": description,
                "check_name": f.rule,
                "fingerprint": _fingerprint(path, f.fingerprint),
                "severity": SEVERITY[f.severity],
                # PDF/DOCX have no lines: GitLab requires one, so the finding sits on line 1 of the file
                "location": {"path": path, "lines": {"begin": f.line or 1, **({"end": f.end_line} if f.end_line else {})}},
                "categories": ["Bug Risk"],
            })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
