"""Every fixture contract, in every format it ships in, gives its expected clauses and findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clausecheck import analyze
from clausecheck.models import ClauseType
from clausecheck.verdict import key_terms

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contracts"
EXTENSIONS = {"txt": ".txt", "docx": ".docx", "pdf": ".pdf", "md": ".md"}


def _cases():
    for expected_path in sorted(FIXTURES.glob("*.expected.json")):
        stem = expected_path.name.removesuffix(".expected.json")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        formats = list(expected["formats"]) + (["md"] if (FIXTURES / f"{stem}.md").exists() else [])
        for fmt in dict.fromkeys(formats):
            yield pytest.param(FIXTURES / f"{stem}{EXTENSIONS[fmt]}", expected, id=f"{stem}.{fmt}")


CASES = list(_cases())


def test_there_are_enough_fixtures():
    stems = {p.name.split(".")[0] for p in FIXTURES.glob("*.expected.json")}
    assert len(stems) >= 10
    assert {c.values[0].suffix for c in CASES} >= {".pdf", ".docx", ".txt"}


@pytest.mark.parametrize(("path", "expected"), CASES)
def test_fixture(path, expected):
    doc = analyze(path).documents[0]
    assert doc.error is None, doc.error
    found = {c.type.value for c in doc.clauses}
    assert sorted(t for t in expected["present"] if t not in found) == [], "clause types not found"
    assert sorted(t for t in expected["absent"] if t in found) == [], [
        (c.type.value, c.text[:120]) for c in doc.clauses if c.type.value in expected["absent"]
    ]
    assert sorted({f.rule for f in doc.findings}) == sorted(expected["findings"])
    kinds = {c.attributes.get("kind") for c in doc.clauses_of(ClauseType.exclusivity)}
    if expected["exclusivity_kind"]:
        assert expected["exclusivity_kind"] in kinds
    if expected["exclusivity_kind"] == "purchasing":
        assert "grant" not in kinds
    shown = {t.key: t for t in key_terms(doc)}
    for clause_type, attributes in expected.get("attributes", {}).items():
        clause = shown[clause_type].clause
        assert clause is not None, f"{clause_type}: no clause shown"
        for key, value in attributes.items():
            if key == "broad":
                assert bool(clause.attributes.get("broad")) == value, (clause_type, clause.attributes)
            else:
                assert clause.attributes.get(key) == value, (clause_type, key, clause.attributes)
    for finding in doc.findings:
        clause = next(c for c in doc.clauses if c.id == finding.clause_ids[0])
        assert clause.type == ClauseType.exclusivity
        assert (finding.page, finding.start, finding.end) == (clause.page, clause.start, clause.end)
