"""ScanResult -> the few lines `clausecheck scan` ends with."""

from __future__ import annotations

from typing import Any

from ..scan import ScanResult


def render(result: ScanResult, **_: Any) -> str:
    s = result.summary
    lines = [f"Scanned {s.documents} document(s) in {result.seconds:.1f} s"
             + (f" ({result.analysed / result.seconds:.1f} files/s)" if result.analysed and result.seconds else "")
             + (" — interrupted: run the same command again to resume" if result.interrupted else "")]
    parts = [f"{result.analysed} analysed now"]
    if result.resumed:
        parts.append(f"{result.resumed} already in the results file")
    if result.copied:
        parts.append(f"{result.copied} identical to a document already analysed")
    lines.append("  " + ", ".join(parts))
    lines.append(f"  errors: {s.errors}" + (" (see the `error` of their lines)" if s.errors else ""))
    if s.findings_by_rule:
        lines.append("  findings: " + ", ".join(f"{rule} {n}" for rule, n in s.findings_by_rule.items()))
    else:
        lines.append("  findings: none")
    lines.append(f"  exclusive contracts: {s.exclusive_documents}, "
                 f"without protection: {s.unprotected_exclusive_documents}")
    if result.skipped:
        lines.append("  not contracts, skipped: " + ", ".join(f"{n} {kind}" for kind, n in sorted(result.skipped.items())))
    if result.peak_worker_mb:
        lines.append(f"  peak worker memory: {result.peak_worker_mb:.0f} MB")
    return "\n".join(lines) + "\n"
