"""The wheel ships the pattern files, so an installed clausecheck finds them from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_patterns(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("clausecheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "patterns" / "en").glob("*.jsonl")}
    assert shipped and {f"clausecheck/patterns/en/{n}" for n in shipped} <= names
    # the HTML report reads its stylesheet and scripts from the package
    assert {f"clausecheck/report/assets/{n}" for n in ("report.css", "report.js", "index.js")} <= names
