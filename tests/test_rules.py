"""Rule cases are data (tests/rules/<CODE>.yml); one runner checks them all."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clausecheck import Config, analyze_text
from clausecheck.rules import RULES

CASES_DIR = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, data.get("select"), id=f"{data['rule']}: {case['name']}")


@pytest.mark.parametrize(("code", "case", "select"), list(_cases()))
def test_rule_case(code, case, select):
    report = analyze_text(case["text"], Config(select=select) if select else None)
    doc = report.documents[0]
    assert doc.error is None
    findings = [f for f in doc.findings if f.rule == code]
    assert bool(findings) == case["fails"], [c.model_dump() for c in doc.clauses]
    if findings and "clause" in case:
        assert case["clause"].lower() in (findings[0].text or "").lower()
        assert doc.clauses and findings[0].clause_ids
    if findings and "message" in case:
        assert case["message"] in findings[0].message


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_pass_and_fail_cases(rule):
    path = CASES_DIR / f"{rule.code}.yml"
    assert path.exists(), f"missing {path.name}"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c["fails"] for c in cases) and any(not c["fails"] for c in cases)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_documents_itself(rule):
    m = rule.meta
    for section in (m.title, m.summary, m.what, m.why, m.example, m.fix, m.fallback_clause):
        assert section and len(section.split()) >= 5 or section == m.title
    # the documented example must really trigger the rule
    report = analyze_text(m.example, Config(select=["CC"]))
    assert rule.code in {f.rule for f in report.documents[0].findings}


def test_opt_in_rules_are_off_by_default():
    text = 'Supplier appoints Distributor as its exclusive distributor. "Territory" means worldwide.'
    assert "CC201" not in {f.rule for f in analyze_text(text).documents[0].findings}
    assert "CC201" in {f.rule for f in analyze_text(text, Config(select=["CC"])).documents[0].findings}
