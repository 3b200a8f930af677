"""Property-based tests of the text pipeline: any input gives a valid report with true offsets."""

from __future__ import annotations

import hostile_corpus as hc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clausecheck.engine import analyse_document, analyze_text
from clausecheck.errors import ClauseCheckError
from clausecheck.extract import extract_bytes, extract_str
from clausecheck.models import Report

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SENTENCES = [*hc.CONTRACT, "Distributor shall purchase not less than 5,000 units in each Contract Quarter.",
             "The first four (4) months shall constitute a probationary period.",
             "If Distributor fails to meet the minimum, Supplier may terminate this Agreement.", "\n\n", "\f"]
# contract sentences mixed with arbitrary Unicode (controls, surrogates, RTL, zero-width, combining marks)
contract_like = st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(max_size=40)), max_size=25).map(" ".join)


def assert_offsets_true(text: str) -> None:
    try:
        doc = extract_str(text, "prop.txt")
    except ClauseCheckError as exc:
        assert exc.code in ("E019",)  # only "no text" may stop a string
        return
    for block in doc.blocks:
        piece = doc.text[block.start:block.end]
        assert piece and piece == piece.strip()
        assert 1 <= block.page <= doc.pages
    report = analyse_document(doc)
    for clause in report.clauses:
        assert doc.text[clause.start:clause.end] == clause.text
        assert 1 <= clause.page <= doc.pages
    for finding in report.findings:
        if finding.start is not None:
            assert doc.text[finding.start:finding.end] == finding.text


@SETTINGS
@given(st.one_of(st.text(), st.text(alphabet=st.characters(exclude_categories=())), contract_like))
def test_any_unicode_text_gives_a_valid_report(text):
    """Any str, lone surrogates included (st.characters excludes them unless told not to)."""
    report = analyze_text(text)
    document = report.documents[0]
    assert document.error is None or document.error.code == "E019", document.error
    Report.model_validate_json(report.model_dump_json())  # lone surrogates included: serialisable


@SETTINGS
@given(contract_like)
def test_offsets_slice_the_text_to_the_clause(text):
    assert_offsets_true(text)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300).map(str.upper))
def test_all_caps_text(text):
    assert_offsets_true(hc.CONTRACT_TEXT.upper() + text)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.pdf", "a.docx", "noext"]))
def test_any_bytes_give_a_document_or_a_coded_error(data, name):
    try:
        doc = extract_bytes(data, name)
    except ClauseCheckError as exc:
        assert exc.hint
        return
    for block in doc.blocks:
        assert doc.text[block.start:block.end].strip()


def test_exclusivity_found_in_all_caps():
    report = analyze_text(hc.CONTRACT_TEXT.upper())
    assert report.documents[0].clauses_of("exclusivity")


def test_lone_surrogate_from_the_api():
    report = analyze_text(hc.CONTRACT_TEXT.rstrip("\n") + " \ud800 tail \udfff")  # in the governing-law clause
    assert report.documents[0].error is None
    assert "\ufffd" in report.model_dump_json() or "\\ufffd" in report.model_dump_json()
    Report.model_validate_json(report.model_dump_json())
