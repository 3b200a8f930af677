"""The command line: exit codes, JSON output and its schema, rules and explain."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from clausecheck.cli import app
from clausecheck.models import Report

runner = CliRunner()

UNPROTECTED = (
    "Supplier appoints Distributor as its sole and exclusive distributor of the Products in the Territory.\n"
)
PROTECTED = UNPROTECTED + (
    "\nDistributor shall purchase not less than 5,000 units in each Contract Quarter.\n"
    "\nThe first four (4) months shall constitute a probationary period.\n"
    "\nIf Distributor fails to meet the minimum purchase commitment, Supplier may convert the "
    "appointment to non-exclusive.\n"
)


@pytest.fixture()
def contracts(tmp_path):
    (tmp_path / "bad.txt").write_text(UNPROTECTED)
    (tmp_path / "good.txt").write_text(PROTECTED)
    (tmp_path / "empty.pdf").write_bytes(b"")
    return tmp_path


def test_exit_1_on_findings(contracts):
    result = runner.invoke(app, ["check", str(contracts / "bad.txt")])
    assert result.exit_code == 1
    assert "CC101" in result.stdout and "propose:" in result.stdout


def test_check_turns_the_garbage_collector_back_on_after_start_up(contracts):
    import gc

    gc.set_threshold(700, 10, 10)
    try:
        runner.invoke(app, ["check", str(contracts / "bad.txt")])
        assert gc.isenabled() and gc.get_threshold() == (50_000, 20, 100)
    finally:
        gc.unfreeze()
        gc.set_threshold(700, 10, 10)
        gc.enable()


def test_exit_0_when_protected(contracts):
    result = runner.invoke(app, ["check", str(contracts / "good.txt")])
    assert result.exit_code == 0, result.stdout


def test_fail_on_error_and_exit_zero(contracts):
    bad = str(contracts / "bad.txt")
    assert runner.invoke(app, ["check", "--fail-on", "error", bad]).exit_code == 0
    assert runner.invoke(app, ["check", "--fail-on", "never", bad]).exit_code == 0
    assert runner.invoke(app, ["check", "--exit-zero", bad]).exit_code == 0


def test_exit_2_on_unreadable_file_but_others_reported(contracts):
    result = runner.invoke(app, ["check", "--format", "json", str(contracts / "empty.pdf"),
                                 str(contracts / "bad.txt")])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["documents"][0]["error"]["code"] == "E003"
    assert report["documents"][1]["findings"]


def test_json_is_one_document_valid_against_schema(contracts):
    result = runner.invoke(app, ["check", "-f", "json", str(contracts / "bad.txt"), str(contracts / "good.txt")])
    report = json.loads(result.stdout)
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.validate(report, schema)
    assert report["tool"]["name"] == "clausecheck"
    doc = report["documents"][0]
    text = (contracts / "bad.txt").read_text()
    for clause in doc["clauses"]:
        assert text[clause["start"]:clause["end"]] == clause["text"]
    assert {f["rule"] for f in doc["findings"]} == {"CC101", "CC102", "CC103"}
    assert report["summary"]["exclusive_documents"] == 2
    assert Report.model_validate(report)


def test_output_file(contracts, tmp_path):
    out = tmp_path / "r.json"
    result = runner.invoke(app, ["check", "-f", "json", "-o", str(out), str(contracts / "good.txt")])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["documents"][0]["error"] is None


def test_usage_errors_exit_2(contracts):
    assert runner.invoke(app, ["check", "-f", "yaml", str(contracts / "bad.txt")]).exit_code == 2
    assert runner.invoke(app, ["check", "--select", "XX9", str(contracts / "bad.txt")]).exit_code == 2
    assert runner.invoke(app, ["check"]).exit_code == 2


def test_select_and_ignore(contracts):
    result = runner.invoke(app, ["check", "-f", "json", "--ignore", "CC102", str(contracts / "bad.txt")])
    assert {f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]} == {"CC101", "CC103"}


def test_rules_and_explain():
    listing = runner.invoke(app, ["rules"]).stdout
    assert all(code in listing for code in ("CC101", "CC102", "CC103"))
    doc = runner.invoke(app, ["explain", "cc102"])
    assert doc.exit_code == 0
    for heading in ("What it checks", "Why it matters", "Example", "Suggested fix", "Sample clause"):
        assert heading in doc.stdout
    assert runner.invoke(app, ["explain", "CC999"]).exit_code == 2


def test_verdict_does_not_depend_on_which_rules_run(contracts):
    """Switching rules off hides findings; it does not make an exclusive contract protected."""
    result = runner.invoke(app, ["check", "--isolated", "--ignore", "CC1", "-f", "json", str(contracts / "bad.txt")])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["documents"][0]["findings"] == []
    assert report["summary"]["unprotected_exclusive_documents"] == 1
    text = runner.invoke(app, ["check", "--isolated", "--ignore", "CC1", str(contracts / "bad.txt")]).stdout
    assert "unprotected: no minimum commitment, no probation, no performance trigger" in " ".join(text.split())


def test_check_searches_folders(contracts):
    result = runner.invoke(app, ["check", "--isolated", "-f", "json", str(contracts)])
    report = json.loads(result.stdout)
    assert sorted(d["path"].rsplit("/", 1)[-1] for d in report["documents"]) == ["bad.txt", "empty.pdf", "good.txt"]
    assert result.exit_code == 2  # empty.pdf cannot be analysed


def test_bad_option_value_is_a_usage_error(contracts):
    result = runner.invoke(app, ["check", "--isolated", "--max-probation-months", "-1", str(contracts / "bad.txt")])
    assert result.exit_code == 2
    assert "E040" in result.output and "Traceback" not in result.output


def test_every_error_code_is_documented_in_the_readme():
    from pathlib import Path

    from clausecheck.errors import ERROR_CODES

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert [code for code in ERROR_CODES if f"| {code} |" not in readme] == []


@pytest.mark.parametrize("fmt, kept", [("json", False), ("html", True)])
def test_check_keeps_contract_text_only_for_the_html_page(contracts, monkeypatch, tmp_path, fmt, kept):
    """`check` on thousands of files must not hold every contract's text unless a page shows it."""
    import clausecheck.engine as engine

    seen = []
    real = engine.build_report

    def spy(documents, config=None):
        seen.extend(documents)
        return real(documents, config)

    monkeypatch.setattr(engine, "build_report", spy)
    out = tmp_path / f"report.{fmt}"
    runner.invoke(app, ["check", str(contracts / "bad.txt"), str(contracts / "good.txt"), "-f", fmt, "-o", str(out)])
    assert out.exists() and len(seen) >= 2
    assert all((d.source is not None) == kept for d in seen)


def test_the_engine_attaches_contract_text_only_when_asked(contracts):
    """A batch (scan, eval, Dask) gets reports without the text; the one-document API keeps it."""
    import clausecheck
    from clausecheck.engine import analyse_path

    path = contracts / "bad.txt"
    assert analyse_path(path).source is None
    assert analyse_path(path, keep_source=True).source is not None
    assert clausecheck.analyze(path).documents[0].source is not None
    assert clausecheck.analyze_text(path.read_text()).documents[0].source is not None


def test_a_long_notice_or_error_wraps_under_its_indent():
    from clausecheck import analyze_text
    from clausecheck.report.text import render

    text = ("The Supplier appoints the Distributor as its exlusive distributor in the Teritory, with a minimun of 500 "
            "units a quarter and a probaton of four months.")
    out = render(analyze_text(text), width=60)
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "notice W021" in line)
    notice = lines[start:next(i for i in range(start, len(lines)) if "Exclusive" in lines[i])]
    assert len(notice) > 1 and all(line.startswith("  ") for line in notice)
