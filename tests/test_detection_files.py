"""Per-type phrasings from real contracts (paraphrased): tests/detection/<clause type>.yml.

Each file names its clause type; each case is a text, whether clausecheck must report that type
in it, and optionally attribute values the reported clause must carry (`attributes`) or must
not (`absent`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clausecheck import analyze_text
from clausecheck.models import ClauseType

FILES = sorted((Path(__file__).parent / "detection").glob("*.yml"))
CASES = [
    (path.stem, case)
    for path in FILES
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
]


def test_each_file_is_a_clause_type_with_both_outcomes():
    assert FILES
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["type"] == path.stem and ClauseType(path.stem)
        assert {c["found"] for c in data["cases"]} == {True, False}, path.name


@pytest.mark.parametrize(("clause_type", "case"), CASES, ids=[f"{t}:{c['name']}" for t, c in CASES])
def test_detection(clause_type, case):
    doc = analyze_text(case["text"]).documents[0]
    clauses = doc.clauses_of(clause_type)
    assert bool(clauses) == case["found"], [(c.type.value, c.attributes, c.text) for c in doc.clauses]
    for key, value in (case.get("attributes") or {}).items():
        assert any(c.attributes.get(key) == value for c in clauses), (key, value, [c.attributes for c in clauses])
    for key in case.get("absent") or ():  # an attribute that must not be read into the clause
        assert all(key not in c.attributes for c in clauses), (key, [c.attributes for c in clauses])
