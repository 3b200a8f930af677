from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "contracts"
SHARED = ROOT.parent / "shared"
CUAD = SHARED / "cuad"
SCREENSHOTS = ROOT / "out" / "screenshots"
_STARTED = time.time()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # "no tests ran" must never pass as success in CI
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # the browser tests' screenshots for review, named once at the end (a test's own print is lost in an xdist worker)
    shots = [SCREENSHOTS / name for name in ("report-02.png", "index.png")]
    if all(p.exists() and p.stat().st_mtime >= _STARTED for p in shots):
        terminalreporter.write_line(f"HTML report screenshots: {shots[0]} and {shots[1]}")
