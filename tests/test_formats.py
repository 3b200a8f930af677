"""The CI formats, checked against what their consumers require: SARIF against the official schema
and GitHub code scanning's rules, JUnit parsed as XML, GitLab Code Quality's field list, GitHub
workflow-command escaping, Markdown that shows untrusted contract text as text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from clausecheck.config import Config
from clausecheck.engine import analyse_path, build_report
from clausecheck.models import DocumentReport, ErrorInfo, Finding, Report, Severity
from clausecheck.report import Format, render

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
FIXTURES = ROOT / "fixtures" / "contracts"

GRANT = "Supplier appoints Distributor as its sole and exclusive distributor of the Products in the Territory."


@pytest.fixture()
def report(tmp_path, monkeypatch) -> Report:
    """Two contracts in a repository-like folder: a TXT with CRLF line ends and a PDF fixture."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "draft one.txt").write_bytes(
        ("DISTRIBUTION AGREEMENT\r\n\r\n1. Appointment\r\n\r\n    " + GRANT + "\r\n").encode())
    pdf = tmp_path / "contracts" / "signed.pdf"
    pdf.write_bytes((FIXTURES / "02_exclusive_no_protections.pdf").read_bytes())
    docs = [analyse_path(p) for p in ("contracts/draft one.txt", "contracts/signed.pdf")]
    return build_report(docs)


def sarif(report: Report, **options) -> dict:
    return json.loads(render(report, Format.sarif, **options))


# --- SARIF -----------------------------------------------------------------------------------

@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="../shared/schemas/sarif-schema-2.1.0.json is absent")
def test_sarif_is_valid_against_the_official_schema(report):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(sarif(report)))
    assert not errors, [e.message for e in errors[:5]]


def test_sarif_meets_github_code_scanning_requirements(report):
    run = sarif(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids[:3] == ["CC101", "CC102", "CC103"] and len(ids) == len(set(ids))  # every rule, opt-in ones too
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "Why it matters" in rule["help"]["markdown"] and rule["help"]["text"]
    assert len(run["results"]) == 6
    for result in run["results"]:
        assert result["ruleId"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == "warning" and result["message"]["text"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri in ("contracts/draft%20one.txt", "contracts/signed.pdf")  # relative to cwd, URI-encoded
        assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["clausecheck/v1"])


def test_sarif_text_findings_have_real_line_and_column(report, tmp_path):
    run = sarif(report)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    txt = next(r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt"))
    region = txt["locations"][0]["physicalLocation"]["region"]
    lines = (tmp_path / "contracts" / "draft one.txt").read_text().splitlines()
    assert region["startLine"] == 5 and region["startColumn"] == 5  # after four spaces of indent
    assert lines[region["startLine"] - 1][region["startColumn"] - 1:].startswith("Supplier appoints")
    assert lines[region["endLine"] - 1][: region["endColumn"] - 1].endswith("in the Territory.")
    assert region["snippet"]["text"] == GRANT


def test_sarif_pdf_findings_point_at_the_file_with_page_and_clause(report):
    run = sarif(report)["runs"][0]
    pdf = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".pdf")]
    assert len(pdf) == 3
    for result in pdf:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert "startLine" not in region  # a PDF has no lines; never invent one
        assert region["charLength"] == result["properties"]["endOffset"] - result["properties"]["startOffset"]
        assert "sole and exclusive distributor" in region["snippet"]["text"]
        props = result["properties"]
        assert props["page"] == 1 and props["endOffset"] > props["startOffset"] >= 0


def test_sarif_fingerprint_ignores_line_numbers_and_reflow(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(GRANT + "\n")
    Path("b.txt").write_text("\n\n\nGeneral.\n\n" + GRANT.replace(" of the ", "\nof the ") + "\n")
    first, second = (sarif(build_report([analyse_path(p)]))["runs"][0]["results"] for p in ("a.txt", "b.txt"))
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (first[0], second[0])] == [1, 6]
    assert [r["partialFingerprints"] for r in first] == [r["partialFingerprints"] for r in second]


def test_sarif_reports_unreadable_files_as_tool_notifications(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("pointer.pdf").write_text("version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n")
    invocation = sarif(build_report([analyse_path("pointer.pdf")]))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["descriptor"]["id"] == "E016" and "git lfs pull" in note["message"]["text"]


# --- JUnit -----------------------------------------------------------------------------------

def test_junit_one_testcase_per_document_and_rule(report):
    root = ET.fromstring(render(report, Format.junit, config=Config()))
    assert root.tag == "testsuites" and root.get("tests") == "6" and root.get("failures") == "6"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["contracts/draft one.txt", "contracts/signed.pdf"]
    cases = suites[0].findall("testcase")
    assert [c.get("name").split()[0] for c in cases] == ["CC101", "CC102", "CC103"]
    assert all(c.get("file") == "contracts/draft one.txt" for c in cases)
    failure = cases[0].find("failure")
    assert failure.get("type") == "warning" and "line 5" in failure.text and "propose:" in failure.text


def test_junit_follows_the_rule_selection_and_passes_protected_contracts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(GRANT + "\n")
    config = Config(ignore=["CC102"])
    root = ET.fromstring(render(build_report([analyse_path("a.txt", config)]), Format.junit, config=config))
    assert [c.get("name").split()[0] for c in root.iter("testcase")] == ["CC101", "CC103"]
    Path("b.txt").write_text("This agreement sets no exclusivity.\n")
    root = ET.fromstring(render(build_report([analyse_path("b.txt")]), Format.junit))
    assert root.get("tests") == "3" and root.get("failures") == "0" and not list(root.iter("failure"))


def test_junit_error_and_control_characters_stay_parsable():
    doc = DocumentReport(path="x.pdf", error=ErrorInfo(code="E012", message="scanned \x0c PDF", hint="run OCR"))
    finding = Finding(rule="CC101", severity=Severity.warning, message="m", text="page one\x0cpage two",
                      recommendation="fix")
    ok = DocumentReport(path="y.txt", format="txt", findings=[finding])
    root = ET.fromstring(render(build_report([doc, ok]), Format.junit))
    assert root.get("errors") == "1" and root.find("testsuite/testcase/error").get("type") == "E012"


# --- GitLab Code Quality ---------------------------------------------------------------------

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_code_quality_fields(report):
    issues = json.loads(render(report, Format.gitlab))
    assert len(issues) == 6
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"] in ("CC101", "CC102", "CC103")
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["location"]["path"] in ("contracts/draft one.txt", "contracts/signed.pdf")
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == 6  # GitLab drops issues whose fingerprint repeats
    txt = [i for i in issues if i["location"]["path"].endswith(".txt")]
    assert {i["location"]["lines"]["begin"] for i in txt} == {5}
    assert all("(page 1)" in i["description"] for i in issues if i["location"]["path"].endswith(".pdf"))


# --- GitHub workflow commands ----------------------------------------------------------------

def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_annotations_are_escaped():
    finding = Finding(rule="CC101", severity=Severity.error, message="50% sure,\nsecond line: yes",
                      line=3, column=2, end_line=4, end_column=9, recommendation="fix")
    doc = DocumentReport(path="deals/a,b:c.txt", format="txt", findings=[finding])
    (line,) = render(build_report([doc]), Format.github).splitlines()
    m = re.fullmatch(r"::error (?P<props>[^:]*)::(?P<msg>.*)", line)
    assert m, line
    props = dict(p.split("=", 1) for p in m["props"].split(","))
    assert _unescape(props["file"]) == "deals/a,b:c.txt"
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == ("3", "2", "4", "9")
    assert _unescape(m["msg"]) == "50% sure,\nsecond line: yes"


def test_github_levels_and_pdf_annotations(report):
    lines = render(report, Format.github).splitlines()
    assert len(lines) == 6 and all(line.startswith("::warning file=contracts/") for line in lines)
    pdf = [line for line in lines if "signed.pdf" in line]
    assert all("line=" not in line and line.endswith("(page 1)") for line in pdf)
    info = Finding(rule="CC102", severity=Severity.info, message="m", recommendation="r")
    assert render(build_report([DocumentReport(path="a.txt", findings=[info])]), Format.github).startswith("::notice ")


# --- Markdown --------------------------------------------------------------------------------

def test_markdown_summary_shows_untrusted_text_as_text():
    evil = "<script>alert(1)</script> | [click](javascript:alert(1)) **bold**"
    finding = Finding(rule="CC101", severity=Severity.warning, message="m", text=evil, page=2, recommendation="r")
    doc = DocumentReport(path="a|b.pdf", format="pdf", findings=[finding])
    out = render(build_report([doc]), Format.markdown)
    quote = next(line for line in out.splitlines() if line.startswith("  > "))[4:]
    assert not re.search(r"(?<!\\)[<>]|(?<!\\)\]\(|(?<!\\)\*\*", quote), quote
    assert r"\<script\>" in out
    assert r"a\|b.pdf" in out and "page 2" in out
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert all(len(re.split(r"(?<!\\)\|", row)) == 6 for row in table)


def test_markdown_lists_every_contract(report):
    out = render(report, Format.markdown)
    assert out.startswith("## clausecheck: 2 contract(s), 6 finding(s)")
    assert "draft one.txt" in out and "signed.pdf" in out and "line 5" in out and "page 1" in out


# --- JSON Lines ------------------------------------------------------------------------------

def test_json_lines_one_document_per_line(report):
    lines = render(report, Format.json_lines).splitlines()
    assert len(lines) == 2
    docs = [DocumentReport.model_validate_json(line) for line in lines]
    assert [d.model_dump() for d in docs] == [d.model_dump() for d in report.documents]


def test_markdown_stays_within_a_pull_request_comment():
    findings = [Finding(rule="CC101", severity=Severity.warning, message="m " * 50, text="clause " * 200,
                        recommendation="fix " * 100)]
    docs = [DocumentReport(path=f"contracts/{i:03}.pdf", format="pdf", findings=findings) for i in range(300)]
    out = render(build_report(docs), Format.markdown)
    assert len(out) < 65536
    assert out.count("| ❌ |") == 300  # every contract stays in the table
    assert "more contract(s) left out" in out


def test_github_says_when_annotations_exceed_what_a_step_shows():
    finding = Finding(rule="CC101", severity=Severity.warning, message="m", recommendation="r")
    docs = [DocumentReport(path=f"c{i}.txt", findings=[finding]) for i in range(12)]
    lines = render(build_report(docs), Format.github).splitlines()
    assert len(lines) == 13 and lines[-1].startswith("::notice title=clausecheck::12 annotations")
    assert len(render(build_report(docs[:10]), Format.github).splitlines()) == 10


def test_every_format_gives_the_verdict_of_the_probation_threshold_in_force():
    """With max-probation-months = 3, a four-month probation is weak in every report, not only in text."""
    from clausecheck import analyze_text
    from clausecheck.report import Format, render

    text = (
        "Supplier appoints Distributor as its sole and exclusive distributor of the Products in the Territory.\n\n"
        "Distributor shall purchase not less than 5,000 units in each Contract Quarter.\n\n"
        "The first four (4) months shall constitute a probationary period.\n\n"
        "If Distributor fails to meet the minimum purchase commitment, Supplier may convert the "
        "appointment to non-exclusive.\n"
    )
    config = Config(max_probation_months=3)
    report = analyze_text(text, config)
    lenient = analyze_text(text)
    weak = "exclusive grant, unprotected: weak probation"
    assert report.summary.unprotected_exclusive_documents == 1
    assert lenient.summary.unprotected_exclusive_documents == 0
    assert weak in render(report, Format.text, color=False, max_probation_months=3)
    assert weak not in render(lenient, Format.text, color=False)
    for fmt, marker in ((Format.markdown, weak), (Format.csv, weak), (Format.html, "Exclusive, but unprotected")):
        assert marker in render(report, fmt, max_probation_months=3, config=config), fmt
        assert marker not in render(lenient, fmt), fmt
