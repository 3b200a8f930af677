"""Baselines: accept today's findings, report only new ones (a PDF cannot carry an inline suppression).

A finding is keyed by its fingerprint (rule + normalised clause text, stable across re-layouts
and line moves) and the contract's path relative to the baseline file's folder, so the same
baseline works from any working directory. Keys are counted: if a contract gains a second
identical finding, the second one is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from . import __version__
from .errors import ClauseCheckError
from .models import DocumentReport, Report

BASELINE_FORMAT = 1


def _key_path(path: str, folder: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def baseline_json(report: Report, baseline_path: Path) -> str:
    """The baseline file's content for every finding in `report`."""
    folder = Path(os.path.abspath(baseline_path)).parent
    entries = sorted(
        ({"path": _key_path(d.path, folder), "rule": f.rule, "fingerprint": f.fingerprint, "message": f.message}
         for d in report.documents for f in d.findings),
        key=lambda e: (e["path"], e["rule"], e["fingerprint"]),
    )
    data = {"clausecheck_baseline": BASELINE_FORMAT, "tool_version": __version__, "findings": entries}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_baseline(report: Report, baseline_path: Path) -> int:
    """Record the report's findings as accepted; return how many."""
    baseline_path.write_text(baseline_json(report, baseline_path), encoding="utf-8")
    return sum(len(d.findings) for d in report.documents)


class Baseline:
    """Accepted findings; `filter` drops them from a document's report."""

    def __init__(self, path: Path, accepted: Counter[tuple[str, str]]) -> None:
        self.path = path
        self.folder = Path(os.path.abspath(path)).parent
        self.accepted = accepted

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ClauseCheckError("E042", f"{path}: baseline file not found",
                                   "create it with `clausecheck check --write-baseline FILE ...`") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ClauseCheckError("E042", f"{path}: not a clausecheck baseline ({exc})") from None
        if not isinstance(data, dict) or data.get("clausecheck_baseline") != BASELINE_FORMAT:
            raise ClauseCheckError("E042", f"{path}: not a clausecheck baseline (format {BASELINE_FORMAT} expected)")
        accepted: Counter[tuple[str, str]] = Counter()
        for i, entry in enumerate(data.get("findings", [])):
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) \
                    or not isinstance(entry.get("fingerprint"), str):
                raise ClauseCheckError("E042", f"{path}: findings[{i}] needs a path and a fingerprint")
            accepted[(entry["path"], entry["fingerprint"])] += 1
        return cls(path, accepted)

    def filter(self, doc: DocumentReport) -> DocumentReport:
        """The document without its accepted findings (each accepted entry hides one finding)."""
        if not doc.findings:
            return doc
        path = _key_path(doc.path, self.folder)
        kept = []
        for f in doc.findings:
            key = (path, f.fingerprint)
            if self.accepted[key] > 0:
                self.accepted[key] -= 1
            else:
                kept.append(f)
        hidden = len(doc.findings) - len(kept)
        if not hidden:
            return doc
        notice = f"{hidden} finding(s) accepted in the baseline {self.path.name} not shown"
        return doc.model_copy(update={"findings": kept, "notices": [*doc.notices, notice]})
