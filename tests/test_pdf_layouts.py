"""What a PDF's layout does to the text: a list a page break cuts in two, key-term rows its short lines make a table of."""

from __future__ import annotations

import hashlib

from clausecheck.engine import analyse_document
from clausecheck.models import Block, Document


def _document(paragraphs: list[tuple[int, str]], kind: str = "paragraph") -> Document:
    """A PDF-like document: one block per paragraph (or table row), on the page given with it."""
    text, blocks, offset = "", [], 0
    for page, paragraph in paragraphs:
        if text:
            sep = "\n" if kind == "table_row" else "\n\n"
            text += sep
            offset += len(sep)
        blocks.append(Block(page=page, start=offset, end=offset + len(paragraph), kind=kind))
        text += paragraph
        offset += len(paragraph)
    return Document(path="cut.pdf", sha256=hashlib.sha256(text.encode()).hexdigest(), format="pdf", text=text,
                    pages=max(p for p, _ in paragraphs), blocks=blocks)


def _duties(last_item: str) -> Document:
    return _document([
        (1, "7.1 The Distributor shall:"),
        (1, "(a) promote the sale of the Products throughout the Territory with due diligence;"),
        (1, "(b) ensure that every bicycle is assembled and checked by the Retailer in accordance with the"),
        (2, "Company's pre-delivery checklist and torque specifications;"),
        (2, "(c) keep a stock of spare parts for all Model Years of the last five years;"),
        (2, last_item),
    ])


def test_an_item_after_a_page_break_inside_the_list_keeps_the_lists_lead_in():
    report = analyse_document(_duties(
        "(d) participate in at least two cycling events in the Territory each year, with the Company's display material."))
    assert report.clauses_of("minimum_commitment") == []  # events the partner attends: a marketing duty


def test_a_purchase_floor_after_the_same_page_break_stays_a_minimum():
    report = analyse_document(_duties("(d) purchase at least five hundred (500) bicycles in each Contract Year."))
    assert report.clauses_of("minimum_commitment")


def test_key_term_rows_a_pdf_makes_a_table_of_are_read_one_by_one():
    rows = ["| 6. Commencement Date | 1 July 2025 |", "| 7. Initial Term | Three (3) years from the Commencement Date |",
            "| 8. Probationary Period | Five (5) months from the Commencement Date |"]
    report = analyse_document(_document([(1, row) for row in rows], kind="table_row"))
    assert [c.attributes.get("duration_months") for c in report.clauses_of("term")] == [36]
    assert [c.attributes.get("duration_months") for c in report.clauses_of("probation")] == [5]
