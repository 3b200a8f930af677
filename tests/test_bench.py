"""The speed benchmark still runs against the code it measures (it wraps functions by name)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted(str(p) for p in (ROOT / "fixtures" / "contracts").glob("*.pdf"))[:3]


def _bench(*args: str) -> str:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "speed.py"), *args, *PDFS],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_stages_profile_names_every_stage():
    out = _bench("--stages")
    assert f"{len(PDFS)} PDFs in one process" in out
    for label in ("extraction, all of it", "pypdfium2: each page's text", "extract: reflow", "detection, all of it",
                  "pre-filter", "spaCy tokenizer and Matcher", "clause analysers", "total per document"):
        assert label in out, label


def test_benchmark_table_on_named_pdfs():
    out = _bench("--rounds", "1", "--cold-reps", "1", "--plumber-files", "1")
    assert f"{len(PDFS)} PDFs, " in out
    for measure in ("scan --workers 1", "--workers 2", "peak memory per worker", "cold start", "pdfplumber"):
        assert measure in out, measure
