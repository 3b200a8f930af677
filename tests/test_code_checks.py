"""The code passes the checks configured in pyproject.toml: ruff's lint and mypy's types (cheap to keep, expensive to
regain)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_type_checks(tmp_path):
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run([str(ROOT / "clausecheck"), "--config-file", str(ROOT / "pyproject.toml"),
                                "--cache-dir", str(tmp_path)])
    assert status == 0, out + err


def test_the_code_passes_ruff():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[dev]')")
    done = subprocess.run([ruff, "check", "--no-cache", "."], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
