"""Key words spelt one letter wrong are read as spelt right and named in a notice (W021); real words near them are not."""

from __future__ import annotations

import pytest

from clausecheck import analyze_text
from clausecheck.models import Block, Document
from clausecheck.nlp.spelling import corrected, misspelt_key_words
from clausecheck.verdict import key_terms


@pytest.mark.parametrize(("text", "expected"), [
    ("appoints the Distributor as its exlusive distributor", [("exlusive", "exclusive")]),
    ("a non-exlusive appointment in the TERITORY", [("exlusive", "exclusive"), ("teritory", "territory")]),
    ("Minimun purchases: 500 units a quarter", [("minimun", "minimum")]),
    ("the probaton period ends after six months", [("probaton", "probation")]),
    ("the Supplier may termiante this Agreement", [("termiante", "terminate")]),
    # as OCR reads a scanned page: a figure for a letter, two letters for one
    ("appoints the Distributor as its EXC1USIVE distributor in the Territ0ry",
     [("exc1usive", "exclusive"), ("territ0ry", "territory")]),
    ("shall purchase a minirnum of 500 units", [("minirnum", "minimum")]),
])
def test_misspelt_key_words_are_named(text, expected):
    assert misspelt_key_words(text) == expected


@pytest.mark.parametrize("text", [
    "the goods purchased by the purchaser and other purchasers",
    "prices are inclusive of VAT; the determination of the proration",
    "el distribuidor exclusivo; la distribución exclusiva; la distribution exclusivité",
    "the terminated agreement terminates; renewals; quantify the distributors",
    "exclusive exclusively exclusivity minimum minimums probation probationary territory",
    "Section 10.1 of the 2016 agreement; model X1000 and part 0000123; 1,000,000 units",
])
def test_real_words_and_inflections_are_not_misspellings(text):
    assert misspelt_key_words(text) == []


def test_a_misspelt_key_word_is_a_notice_of_the_report():
    text = ("The Supplier appoints the Distributor as its exlusive distributor of the Products in France.\n\n"
            "The Distributor shall buy at least 500 units in each quarter.")
    notices = analyze_text(text).documents[0].notices
    assert [n for n in notices if n.startswith("W021")] == [
        "W021 key words that look misspelt: 'exlusive' (exclusive?); read as the words they look like: "
        "check those sentences"]
    clean = analyze_text(text.replace("exlusive", "exclusive")).documents[0].notices
    assert not [n for n in clean if n.startswith("W021")]


def test_a_clause_worded_with_a_misspelt_key_word_is_read_and_quoted_as_written():
    text = ("DISTRIBUTION AGREEMENT\n\n1. The Supplier appoints the Distributor as its EXLUSIVE distributor of the Products "
            "in Ontario.\n\n2. The Distributor shall purchase a minimun of 500 units in each quarter.\n\n"
            "3. The first four months are a probaton period.")
    doc = analyze_text(text).documents[0]
    clauses = {c.type.value: c for c in doc.clauses}
    assert clauses["exclusivity"].attributes["kind"] == "grant"
    assert clauses["minimum_commitment"].attributes["period"] == "quarter"
    assert clauses["probation"].attributes["duration_months"] == 4
    for clause in doc.clauses:  # quoted from the text as written, at its place there
        assert text[clause.start:clause.end] == clause.text
    assert "EXLUSIVE" in clauses["exclusivity"].text and "probaton" in clauses["probation"].text
    assert [f.rule for f in doc.findings] == ["CC103"]
    assert (doc.findings[0].start, doc.findings[0].end) == (clauses["exclusivity"].start, clauses["exclusivity"].end)


def test_a_key_word_as_ocr_misreads_it_is_read():
    text = "1. The Supplier appoints the Distributor as its exc1usive distributor in Ontario, Canada."
    doc = analyze_text(text).documents[0]
    assert [c.text for c in doc.clauses_of("exclusivity")] == [text]
    assert [f.rule for f in doc.findings] == ["CC101", "CC102", "CC103"]


def test_an_attribute_that_quotes_the_contract_quotes_it_as_written():
    text = ('1. The Supplier appoints the Distributor as its exclusive distributor in the Teritory.\n\n'
            '2. "Teritory" means the Province of Ontario, Canada.')
    territory = analyze_text(text).documents[0].clauses_of("territory")
    assert territory and all(c.attributes["definition"] == '2. "Teritory" means the Province of Ontario, Canada.'
                             for c in territory)
    summary = next(k for k in key_terms(analyze_text(text).documents[0]) if k.key == "territory")
    assert summary.value == "the Province of Ontario, Canada"


def test_the_corrected_text_keeps_every_offset_and_block_in_place():
    text = "Exlusive grant.\nThe TERITORY is Peru; the teritory.\nA minimun order."
    blocks = [Block(page=1, start=0, end=15), Block(page=2, start=16, end=51), Block(page=2, start=52, end=68)]
    doc = Document(path="x.txt", sha256="0", format="txt", text=text, pages=2, blocks=blocks)
    read, origin = corrected(doc, misspelt_key_words(text))
    assert read.text == "Exclusive grant.\nThe TERRITORY is Peru; the territory.\nA minimum order."
    assert [read.text[b.start:b.end] for b in read.blocks] == read.text.split("\n")
    assert [b.page for b in read.blocks] == [1, 2, 2]
    assert len(origin) == len(read.text) + 1 and origin[-1] == len(text)
    for word in ("grant", "is Peru", "order"):  # the words around the corrections map back to themselves
        at = read.text.index(word)
        assert text[origin[at]:origin[at + len(word) - 1] + 1] == word
    assert text[origin[read.text.index("TERRITORY")]:origin[read.text.index(" is Peru")]] == "TERITORY"
