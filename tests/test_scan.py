"""`clausecheck scan`: one line per input file, isolation of crashing / hanging / bloating documents,
resume after an interruption, the summary and the CSV."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clausecheck.cli import app
from clausecheck.config import Config
from clausecheck.engine import analyse_path, summarise
from clausecheck.scan import FAULT_ENV, ResultsFile, discover, run_scan

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contracts"
runner = CliRunner()

UNPROTECTED = "Supplier appoints Distributor as its sole and exclusive distributor of the Products in the Territory.\n"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "contracts"
    (root / "sub").mkdir(parents=True)
    for name in ("02_exclusive_no_protections.pdf", "01_exclusive_fully_protected.docx",
                 "07_non_exclusive.txt", "14_markdown_no_probation.md"):
        shutil.copy(FIXTURES / name, root / ("sub" if name.endswith(".md") else "") / name)
    (root / "empty.pdf").write_bytes(b"")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    (root / "notes.json").write_text('{"not": "a contract"}')
    (root / "renamed_pdf.bin").write_bytes((FIXTURES / "07_non_exclusive.pdf").read_bytes())
    return root


def test_discover_picks_contracts_by_content_and_counts_the_rest(folder):
    inputs = discover([folder])
    names = sorted(Path(f).name for f in inputs.files)
    assert names == ["01_exclusive_fully_protected.docx", "02_exclusive_no_protections.pdf",
                     "07_non_exclusive.txt", "14_markdown_no_probation.md", "empty.pdf", "renamed_pdf.bin"]
    assert sum(inputs.skipped.values()) == 2
    assert discover([str(folder / "**" / "*.md")]).files == [str(folder / "sub" / "14_markdown_no_probation.md")]


def test_scan_writes_one_line_per_file_and_a_correct_summary(folder, tmp_path):
    out = tmp_path / "results.jsonl"
    result = runner.invoke(app, ["scan", str(folder), "--out", str(out), "--workers", "2", "--no-progress"])
    assert result.exit_code == 2, result.output  # as `check`: empty.pdf could not be analysed
    lines = _lines(out)
    inputs = discover([folder]).files
    assert sorted(line["path"] for line in lines) == sorted(inputs)
    by_path = {line["path"]: line for line in lines}
    assert by_path[str(folder / "empty.pdf")]["error"]["code"] == "E003"
    assert {f["rule"] for f in by_path[str(folder / "02_exclusive_no_protections.pdf")]["findings"]} == {
        "CC101", "CC102", "CC103"}
    # the same figures as analysing each file with the library, one by one
    expected = summarise([analyse_path(p, Config()) for p in inputs])
    assert f"errors: {expected.errors}" in result.stdout
    assert "findings: " + ", ".join(f"{r} {n}" for r, n in expected.findings_by_rule.items()) in result.stdout
    assert (f"exclusive contracts: {expected.exclusive_documents}, without protection: "
            f"{expected.unprotected_exclusive_documents}") in result.stdout
    assert "not contracts, skipped: " in result.stdout


def test_scan_to_stdout_is_json_lines_with_the_report_schema(folder):
    result = runner.invoke(app, ["scan", str(folder / "07_non_exclusive.txt"), "--no-progress"])
    assert result.exit_code == 0
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert set(line) >= {"path", "sha256", "clauses", "findings", "error"}
    assert "Scanned 1 document(s)" in result.stderr


def test_crashing_hanging_and_bloating_documents_cost_only_themselves(tmp_path, monkeypatch):
    """A worker that aborts, hangs past the time limit or exceeds its memory ceiling becomes an error line."""
    for name in ("crash.txt", "slow.txt", "big.txt", "a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(UNPROTECTED)
    monkeypatch.setenv(FAULT_ENV, "abort:crash.txt,hang:slow.txt,oom:big.txt")
    config = Config()
    config = config.model_copy(update={"limits": config.limits.model_copy(update={"timeout_seconds": 5, "memory_mb": 256})})
    out = tmp_path / "out.jsonl"
    files = [str(tmp_path / n) for n in ("crash.txt", "a.txt", "slow.txt", "b.txt", "big.txt", "c.txt")]
    result = run_scan(files, config, ResultsFile(out), workers=2)
    lines = {Path(x["path"]).name: x for x in _lines(out)}
    assert sorted(lines) == sorted(Path(f).name for f in files)
    assert lines["crash.txt"]["error"]["code"] == "E022" and "SIGABRT" in lines["crash.txt"]["error"]["message"]
    assert lines["slow.txt"]["error"]["code"] == "E021"
    assert lines["big.txt"]["error"]["code"] == "E022"
    for name in ("a.txt", "b.txt", "c.txt"):
        assert lines[name]["error"] is None and lines[name]["findings"], name
    assert lines["crash.txt"]["sha256"] == lines["a.txt"]["sha256"]  # error lines carry the content hash too
    assert result.summary.errors == 3 and result.summary.documents == 6


def test_interrupted_scan_keeps_what_it_wrote_and_resumes(tmp_path):
    files = []
    for i in range(5):
        path = tmp_path / f"c{i}.txt"
        path.write_text(UNPROTECTED + f"\nThis Agreement is number {i}.\n")
        files.append(str(path))
    out = tmp_path / "out.jsonl"

    def interrupted(paths):
        from clausecheck.scan import analyse_to_line

        for path in paths[:2]:
            yield path, analyse_to_line(path, Config()), None
        raise KeyboardInterrupt

    first = run_scan(files, Config(), ResultsFile(out), backend=interrupted)
    assert first.interrupted and len(_lines(out)) == 2
    # a kill while writing leaves half a line: it is dropped and that document redone
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"path": "' + files[2] + '", "sha256": "trunc')
    second = run_scan(files, Config(), ResultsFile(out), workers=2)
    assert not second.interrupted
    assert (second.resumed, second.analysed) == (2, 3)
    lines = _lines(out)
    assert sorted(x["path"] for x in lines) == sorted(files)
    assert second.summary.documents == 5 and second.summary.findings_by_rule == {"CC101": 5, "CC102": 5, "CC103": 5}


def test_resume_keys_on_content(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(UNPROTECTED)
    out = tmp_path / "out.jsonl"
    run_scan([str(a)], Config(), ResultsFile(out), workers=1)
    copy = tmp_path / "renamed.txt"
    copy.write_text(UNPROTECTED)
    again = run_scan([str(a), str(copy)], Config(), ResultsFile(out), workers=1)
    assert (again.resumed, again.copied, again.analysed) == (1, 1, 0)
    lines = _lines(out)
    assert [x["path"] for x in lines] == [str(a), str(copy)]
    assert lines[1]["findings"] == lines[0]["findings"]
    a.write_text(UNPROTECTED + "\nThe first three (3) months shall constitute a probationary period.\n")
    changed = run_scan([str(a)], Config(), ResultsFile(out), workers=1)
    assert changed.analysed == 1  # same path, new content: analysed again


def test_scan_csv_is_excel_friendly(folder, tmp_path):
    (folder / "=HYPERLINK(evil).txt").write_text(UNPROTECTED)
    out, table = tmp_path / "r.jsonl", tmp_path / "summary.csv"
    result = runner.invoke(app, ["scan", str(folder), "-o", str(out), "--csv", str(table), "--no-progress"])
    assert result.exit_code == 2, result.output  # empty.pdf is an error line
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    import csv

    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == len(discover([folder]).files)
    evil = next(r for r in rows if "HYPERLINK" in r["path"])
    assert not evil["path"].startswith("=")
    bad = next(r for r in rows if r["path"].endswith("02_exclusive_no_protections.pdf"))
    assert bad["exclusive"] == "yes" and bad["findings"] == "CC101 CC102 CC103"
    assert next(r for r in rows if r["path"].endswith("empty.pdf"))["error"] == "E003"


def test_check_format_csv(folder):
    result = runner.invoke(app, ["check", "-f", "csv", str(folder / "01_exclusive_fully_protected.docx")])
    assert result.exit_code == 0
    header, row = result.stdout_bytes.decode("utf-8-sig").split("\r\n")[:2]
    assert header.startswith("path,format,pages,verdict,exclusive")
    assert ",docx," in row and "protected" in row
