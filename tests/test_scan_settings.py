"""Resuming a scan with other settings would mix old and new results: refused with E047."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from clausecheck.cli import app

runner = CliRunner()
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "contracts" / "02_exclusive_no_protections.txt"


def test_resume_refuses_other_settings(tmp_path):
    out = tmp_path / "results.jsonl"
    args = ["scan", "--isolated", "--no-progress", "-j", "1", "--out", str(out), str(FIXTURE)]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0  # same settings: resumed
    assert len(out.read_text().splitlines()) == 1
    other = runner.invoke(app, [*args, "--select", "CC"])
    assert other.exit_code == 2
    assert "E047" in other.output
    assert len(out.read_text().splitlines()) == 1  # nothing written, nothing lost


def test_scan_exit_code_when_a_file_fails(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["scan", "--isolated", "--no-progress", "-j", "1", "--out",
                                 str(tmp_path / "r.jsonl"), str(FIXTURE), str(empty)])
    assert result.exit_code == 2
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) == 2
