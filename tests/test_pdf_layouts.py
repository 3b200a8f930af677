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


def _summed_up(lead_start: str, lead_rest: str) -> Document:
    return _document([
        (1, "A2.2 The renewed term shall be thirty-six (36) months from the Renewal Date."),
        (1, lead_start),
        (2, lead_rest),
        (2, "(a) the Territory is extended to the Republic of Namibia (clause 1.1);"),
        (2, "(b) the Agreement renews for successive periods of six (6) months unless either party gives notice of "
            "non-renewal at least twelve (12) months before the end of the then-current term (clause 15.2)."),
    ])


def test_a_lead_in_a_page_break_cut_keeps_the_start_of_its_sentence():
    report = analyse_document(_summed_up("The principal changes made by the Restated Agreement are, for convenience only (the "
                                         "text of Part B", "prevails):"))
    assert report.clauses_of("renewal") == []  # a summary for convenience only: the clauses are read where set out


def test_a_list_after_a_lead_in_without_that_caveat_is_read():
    report = analyse_document(_summed_up("The principal changes made by the Restated Agreement, which the parties agree, are "
                                         "as", "follows:"))
    assert [c.attributes.get("renewal_months") for c in report.clauses_of("renewal")] == [6]


def test_a_definitions_list_line_ending_on_and_does_not_run_into_the_next_definition():
    from clausecheck.extract.pdf import reflow

    long = '"Term" means the Initial Term and any Renewal Term as defined in Clause 21 of this Agreement; and'
    blocks = reflow([long, '"Year" means each period of twelve (12) months commencing on the Effective Date.'], set(), len(long))
    assert [text for _kind, text in blocks] == [long, '"Year" means each period of twelve (12) months commencing on the '
                                                      'Effective Date.']
    # a sentence that goes on after "and" in the same line still does
    blocks = reflow([long[:-5] + " and the", '"Year" as defined in Clause 1.'], set(), len(long))
    assert len(blocks) == 1


def test_a_table_row_a_page_break_cut_ends_at_its_closing_bar():
    from clausecheck.extract.pdf import reflow

    rest = '"Trial Period"). At the end of the Trial Period Lumivista may confirm the exclusive appointment (clause 4). |'
    row = "| 10 | Initial Term | Thirty-six (36) months from the Commencement Date. |"
    blocks = reflow([rest, row], set(), len(rest))
    assert [text for _kind, text in blocks][-1] == row


def test_a_header_row_a_blank_line_separates_from_its_rule_is_read_with_the_rows():
    text = ("Net Purchase Value to be purchased in each Measured Quarter is set out below.\n\n"
            "| Measured Quarter(s) | Minimum Purchase Commitment per Measured Quarter |\n\n"
            "|---------------------|--------------------------------------------------|\n\n"
            "| Quarter ending 30 September 2026 | AUD 280,000 |\n| Quarter ending 31 December 2026 | AUD 320,000 |\n")
    from clausecheck import analyze_text

    doc = analyze_text(text).documents[0]
    assert [c.attributes.get("amount_value") for c in doc.clauses_of("minimum_commitment")] == [280000]


def test_a_grid_table_row_whose_cells_run_over_several_lines_is_one_row():
    from clausecheck.extract.pdf import reflow

    lines = ["| Item | What we have agreed |", "+---------------------+-------------------------------------------+",
             "| Missing the minimum | If you miss the minimum in two Quarters in a row, we may, by written |",
             "| | notice, end your exclusivity or end this agreement on 30 days' notice. |",
             "| Renewal | Twelve months at a time. |"]
    blocks = [text for _kind, text in reflow(lines, set(), len(lines[2]))]
    assert blocks[1] == ("| Missing the minimum | If you miss the minimum in two Quarters in a row, we may, by written notice, "
                         "end your exclusivity or end this agreement on 30 days' notice. |")
    assert blocks[2] == "| Renewal | Twelve months at a time. |"


def test_a_barred_table_ends_at_its_last_barred_row():
    rows = ["| Commencement Date | 1 May 2027 |", "| Trial Period | Three (3) months from the Commencement Date |",
            "| Initial Term | Two (2) years from the Commencement Date |",
            "Part 3 - Products and planning assumptions (not binding, see clause 4.1)"]
    report = analyse_document(_document([(1, row) for row in rows], kind="table_row"))
    assert [c.attributes.get("duration_months") for c in report.clauses_of("term")] == [24]


def test_a_paragraph_in_capitals_goes_on_after_a_joining_word():
    from clausecheck.extract.pdf import reflow
    lines = ["4.1 Distributor shall purchase the Products only from Supplier and shall keep the stock it needs for the year.",
             "3.2 IMPORTER'S APPOINTMENT AS EXCLUSIVE IMPORTER IS UNCONDITIONAL FROM THE",
             "EFFECTIVE DATE AND IS NOT SUBJECT TO ANY TRIAL, PROBATIONARY OR",
             "EVALUATION PERIOD. SUPPLIER SHALL HAVE NO RIGHT TO REVIEW, CONFIRM OR",
             "WITHDRAW THE EXCLUSIVITY AT OR AFTER THE END OF THE LAUNCH PERIOD.",
             "ARTICLE 4. PURCHASE VOLUMES; ORDERS"]
    blocks = [text for _kind, text in reflow(lines, set(), len(lines[0]))]
    assert blocks[1].startswith("3.2 IMPORTER'S") and blocks[1].endswith("THE LAUNCH PERIOD.")
    assert blocks[2] == "ARTICLE 4. PURCHASE VOLUMES; ORDERS"


def test_a_line_starting_with_the_day_of_a_date_is_no_item():
    from clausecheck.extract.pdf import reflow
    lines = ['"Contract Quarter" means each period of three (3) consecutive calendar months beginning on 1 January,',
             "1 April, 1 July or 1 October, the first Contract Quarter beginning after the end of the Trial Period.",
             "1 Definitions apply throughout this Agreement."]
    blocks = [text for _kind, text in reflow(lines, set(), len(lines[0]))]
    assert len(blocks) == 2 and blocks[0].endswith("end of the Trial Period.")


def test_a_full_line_ending_on_a_semicolon_goes_on_into_the_next_quoted_definition():
    from clausecheck.extract.pdf import reflow
    lines = ['1.1 In this Agreement: "Contract Quarter" means each period of three (3) months, the first Contract Quarter being',
             'the one in which the Trial Period ends; "Contract Year" means each period of twelve (12) months from the Date;',
             '"Effective Date" means 1 April 2027; "Trial Period" has the meaning given in Article 3.1.',
             "1.2 References to Articles are to the articles of this Agreement."]
    blocks = [text for _kind, text in reflow(lines, set(), len(lines[0]))]
    assert len(blocks) == 2 and blocks[0].endswith("Article 3.1.")
