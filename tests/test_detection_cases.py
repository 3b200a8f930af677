"""Phrasings from real contracts (paraphrased) that detection must get right: tests/detection_cases.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clausecheck import analyze_text

CASES = yaml.safe_load((Path(__file__).parent / "detection_cases.yml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_detection_case(case):
    doc = analyze_text(case["text"]).documents[0]
    clauses = doc.clauses_of(case["type"])
    assert bool(clauses) == case["found"], [(c.type.value, c.attributes, c.text) for c in doc.clauses]
    if case.get("kind"):
        assert case["kind"] in {c.attributes.get("kind") for c in clauses}, [c.attributes for c in clauses]


def test_cases_cover_both_outcomes_for_each_type():
    for clause_type in {c["type"] for c in CASES}:
        outcomes = {c["found"] for c in CASES if c["type"] == clause_type}
        assert outcomes == {True, False}, clause_type
