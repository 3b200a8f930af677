"""Key words spelt one letter wrong are named in a notice (W021), real words near them are not."""

from __future__ import annotations

import pytest

from clausecheck import analyze_text
from clausecheck.nlp.spelling import misspelt_key_words


@pytest.mark.parametrize(("text", "expected"), [
    ("appoints the Distributor as its exlusive distributor", [("exlusive", "exclusive")]),
    ("a non-exlusive appointment in the TERITORY", [("exlusive", "exclusive"), ("teritory", "territory")]),
    ("Minimun purchases: 500 units a quarter", [("minimun", "minimum")]),
    ("the probaton period ends after six months", [("probaton", "probation")]),
    ("the Supplier may termiante this Agreement", [("termiante", "terminate")]),
])
def test_misspelt_key_words_are_named(text, expected):
    assert misspelt_key_words(text) == expected


@pytest.mark.parametrize("text", [
    "the goods purchased by the purchaser and other purchasers",
    "prices are inclusive of VAT; the determination of the proration",
    "el distribuidor exclusivo; la distribución exclusiva; la distribution exclusivité",
    "the terminated agreement terminates; renewals; quantify the distributors",
    "exclusive exclusively exclusivity minimum minimums probation probationary territory",
])
def test_real_words_and_inflections_are_not_misspellings(text):
    assert misspelt_key_words(text) == []


def test_a_misspelt_key_word_is_a_notice_of_the_report():
    text = ("The Supplier appoints the Distributor as its exlusive distributor of the Products in France.\n\n"
            "The Distributor shall buy at least 500 units in each quarter.")
    notices = analyze_text(text).documents[0].notices
    assert [n for n in notices if n.startswith("W021")] == [
        "W021 key words that look misspelt: 'exlusive' (exclusive?); a clause worded with them may be missed: "
        "check those sentences"]
    clean = analyze_text(text.replace("exlusive", "exclusive")).documents[0].notices
    assert not [n for n in clean if n.startswith("W021")]
