"""Golden files: every output format rendered from the same report of one small contract
(tests/golden/contract.txt and its DOCX twin). Regenerate after an intended change with

    CLAUSECHECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py

and review the diff: it is exactly what users of that format will see change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clausecheck.config import Config
from clausecheck.engine import analyse_path, build_report
from clausecheck.models import Report, ToolInfo
from clausecheck.report import Format, render

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = GOLDEN / "expected"
UPDATE = os.environ.get("CLAUSECHECK_UPDATE_GOLDEN") == "1"
EXTENSION = {
    Format.text: "txt", Format.json: "json", Format.json_lines: "jsonl", Format.sarif: "sarif",
    Format.junit: "xml", Format.github: "github.txt", Format.gitlab: "gitlab.json", Format.markdown: "md",
    Format.html: "html",
}


@pytest.fixture(scope="module")
def golden_report() -> Report:
    # paths as a user in the repository root would type them, version masked so goldens survive releases
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        docs = [analyse_path(p, Config(), keep_source=True) for p in ("tests/golden/contract.txt", "tests/golden/contract.docx")]
    finally:
        os.chdir(cwd)
    report = build_report(docs)
    return report.model_copy(update={"tool": ToolInfo(version="0.0.0-golden")})


@pytest.mark.parametrize("fmt", [f for f in Format if f in EXTENSION], ids=lambda f: f.value)
def test_golden_output(golden_report: Report, fmt: Format) -> None:
    rendered = render(golden_report, fmt, root=ROOT, config=Config(), color=False)
    path = EXPECTED / f"contract.{EXTENSION[fmt]}"
    if UPDATE or not path.exists():
        path.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path} did not exist and was written: review it and commit it")
    assert rendered == path.read_text(encoding="utf-8"), (
        f"{fmt.value} output changed; if intended: CLAUSECHECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py")


def test_every_format_has_a_golden_file() -> None:
    # a new format (html, csv from other branches) should get a golden file too; this lists what is covered
    missing = {f.value for f in Format} - {f.value for f in EXTENSION} - {"csv"}
    assert not missing, f"formats without a golden file: {missing}"


def test_golden_contract_is_the_one_the_docs_describe(golden_report: Report) -> None:
    txt, docx = golden_report.documents
    assert [f.rule for f in txt.findings] == ["CC101", "CC102", "CC103"]
    assert [f.rule for f in docx.findings] == ["CC101", "CC102", "CC103"]
    # the TXT finding points at the real lines of the grant clause in the file
    lines = (GOLDEN / "contract.txt").read_text(encoding="utf-8").split("\n")
    f = txt.findings[0]
    assert lines[f.line - 1][f.column - 1:].startswith("2.1 Supplier appoints Distributor")
    assert lines[f.end_line - 1][: f.end_column - 1].endswith("distributor there.")
    assert docx.findings[0].line is None and docx.findings[0].page == 1
