"""The package type-checks with mypy, as configured in pyproject.toml (cheap to keep, expensive to regain)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_type_checks(tmp_path):
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run([str(ROOT / "clausecheck"), "--config-file", str(ROOT / "pyproject.toml"),
                                "--cache-dir", str(tmp_path)])
    assert status == 0, out + err
