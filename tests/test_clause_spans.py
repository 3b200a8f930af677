"""What a reported clause covers: its whole paragraph (as a lawyer quotes a numbered clause),
one clause per type and paragraph, and the list after a sentence ending in ':'."""

from __future__ import annotations

from clausecheck import analyze_text
from clausecheck.nlp.detect import MAX_PARAGRAPH

PARAGRAPH = (
    "4.1 Appointment. Subject to the terms of this Agreement, Supplier hereby appoints Distributor as "
    "its exclusive distributor of the Products in the Territory. Distributor accepts the appointment and "
    "shall keep adequate stocks of the Products at its premises. Supplier shall not appoint any other "
    "distributor, agent or reseller of the Products in the Territory during the Term.\n\n"
    "4.2 Samples. Supplier shall provide reasonable quantities of samples free of charge.\n"
)


def _clauses(text, clause_type):
    return analyze_text(text).documents[0].clauses_of(clause_type)


def test_a_clause_covers_its_whole_paragraph_once():
    clauses = _clauses(PARAGRAPH, "exclusivity")
    assert len(clauses) == 1  # two matching sentences, not consecutive, in one paragraph
    text = clauses[0].text
    assert text.startswith("4.1 Appointment.")
    assert "keep adequate stocks" in text  # the sentence between, which matched nothing
    assert text.rstrip().endswith("during the Term.")
    assert "Samples" not in text  # the next paragraph is another clause
    assert PARAGRAPH[clauses[0].start:clauses[0].end] == text


def test_a_paragraph_too_long_to_quote_is_reported_by_its_sentences():
    filler = "Distributor shall keep records of its sales in reasonable detail. " * (MAX_PARAGRAPH // 60)
    text = ("Supplier appoints Distributor as its exclusive distributor of the Products in the Territory. "
            + filler + "Supplier shall not appoint any other distributor of the Products in the Territory.\n")
    clauses = _clauses(text, "exclusivity")
    assert len(clauses) == 2
    assert all(len(c.text) < 200 for c in clauses)


def test_a_sentence_ending_in_a_colon_takes_its_list():
    text = (
        "5.1 Minimum Purchases. Distributor shall purchase from Supplier the following minimum "
        "quantities of Products in each Contract Year:\n\n"
        "(a) first Contract Year: 1,000 units;\n\n"
        "(b) second Contract Year: 1,500 units.\n\n"
        "6. Prices. Prices are set out in Schedule B.\n"
    )
    clauses = _clauses(text, "minimum_commitment")
    assert len(clauses) == 1
    # "6." is numbered in another style than "(a)", "(b)": the next section, not a third item
    assert "1,500 units" in clauses[0].text and "Schedule B" not in clauses[0].text


def test_a_sentence_stopping_on_a_comma_goes_on_in_its_lettered_items():
    text = (
        "7.2 If the Dealer's orders in a Season fall short of the Target by more than a third, the Maker may, by notice,\n\n"
        "(a) to withdraw one or more counties from the Territory, or\n\n"
        "(b) to terminate this Agreement on sixty days' notice.\n\n"
        "8. Prices. Prices are set out in Schedule B.\n"
    )
    clauses = _clauses(text, "performance_trigger")
    assert len(clauses) == 1
    assert clauses[0].attributes["consequence"] == "reduce_scope"
    assert "sixty days" in clauses[0].text and "Schedule B" not in clauses[0].text


def test_a_list_item_ending_in_or_is_an_item_not_a_title():
    text = (
        "12.1 This Agreement may be terminated:\n\n"
        "(a) by mutual written agreement of the parties;\n\n"
        "(b) Termination by Owner pursuant to Section 4.1; or\n\n"
        "(c) by either party at any time, without cause, on ninety (90) days' written notice.\n\n"
        "13. Notices. Notices shall be in writing.\n"
    )
    clauses = _clauses(text, "termination_for_convenience")
    assert len(clauses) == 1
    assert "ninety (90) days" in clauses[0].text and "Notices shall" not in clauses[0].text


def test_a_list_item_is_quoted_with_its_lead_in():
    text = (
        "14. Restrictive Covenants\n\n"
        "You agree with the Company that, to protect its goodwill, you will not during the Restricted Period:\n\n"
        "(a) solicit any Restricted Customer for the supply of Restricted Services;\n\n"
        "(b) in the Restricted Territory, compete with the business of the Company by being employed by any "
        "firm which carries on a Restricted Business.\n\n"
        "15. Notices\n\n"
        "Notices must be in writing.\n"
    )
    clauses = _clauses(text, "non_compete")
    assert len(clauses) == 1  # the lead-in and its items are one covenant
    assert clauses[0].text.startswith("You agree with the Company")
    assert "Restricted Customer" in clauses[0].text and "compete with the business" in clauses[0].text
    assert "Notices" not in clauses[0].text


def test_a_paragraph_cut_by_a_page_break_goes_on_in_the_next():
    text = (
        "(E) Uniforms. The Sponsor is the exclusive sponsor of the Team, and the Driver shall not appear in a "
        "race uniform or driving suit other than the\n\n"
        "Sponsor's uniform in connection with any racing, whether or not used in advertising.\n\n"
        "(F) Tickets. The Team shall provide ten tickets for each race.\n"
    )
    clauses = _clauses(text, "exclusivity")
    assert len(clauses) == 1
    assert clauses[0].text.rstrip().endswith("whether or not used in advertising.")
    assert "Tickets" not in clauses[0].text


def test_a_titled_section_after_the_preamble_is_not_a_list_item():
    text = (
        "NOW, THEREFORE, in consideration of the promises set forth herein, the parties agree as follows:\n\n"
        "1. PRIMARY SPONSOR. For the 2026 season, Maker shall be the exclusive sponsor of the Team.\n\n"
        "2. TERM. This Agreement ends on December 31, 2026.\n"
    )
    clauses = _clauses(text, "exclusivity")
    assert len(clauses) == 1
    assert clauses[0].text.startswith("1. PRIMARY SPONSOR.") and "TERM" not in clauses[0].text


def test_a_field_line_is_not_continued_into_the_next():
    text = (
        "Supplier appoints Acme as its exclusive distributor for the period ending December 2027\n\n"
        "Calculation Agent: Beta Bank plc, acting through its London branch\n"
    )
    clauses = _clauses(text, "exclusivity")
    assert len(clauses) == 1 and "Calculation Agent" not in clauses[0].text


def test_a_list_whose_markers_lost_their_space_is_still_a_list():
    text = (
        "4. EXCLUSIVITY OF ENDORSEMENT\n\n"
        "During the term of this Agreement, the GOLFER shall not:\n\n"
        "A.give the right to use the GOLFER'S name or likeness to any other maker or seller of CLUBS, whether "
        "in print, on television, online or at any golf event held anywhere in the world;\n\n"
        "B.sponsor or endorse CLUBS made or sold by any other maker or seller.\n\n"
        "5. FEES\n\nThe Maker shall pay the fees in Schedule 1.\n"
    )
    clauses = _clauses(text, "exclusivity")
    assert len(clauses) == 1
    assert "B.sponsor" in clauses[0].text and "FEES" not in clauses[0].text


def test_a_table_whose_header_reads_like_a_title_is_quoted_with_its_rows():
    text = (
        "4.1 During each Contract Year the Distributor shall purchase Products of not less than the "
        "following amounts:\n\n"
        "Contract Year Minimum Amount Due Date\n\n"
        "First $1,000,000 December 31\n\n"
        "Second $1,500,000 December 31\n\n"
        "5. Term\n\n"
        "5.1 This Agreement shall continue for three years.\n"
    )
    (clause,) = _clauses(text, "minimum_commitment")
    assert "Contract Year Minimum Amount" in clause.text and clause.text.rstrip().endswith("Second $1,500,000 December 31")
    assert "Term" not in clause.text.replace("Contract Year", "")  # the next section is not a row


def test_a_table_drawn_with_bars_is_quoted_to_its_last_row_and_no_further():
    text = (
        "6.1 The Stockist shall aim to reach the following sales targets:\n\n"
        "| Quarter | Target (cases) |\n|---|---|\n| Q1 2027 | 300 |\n| Q2 2027 | 350 |\n"
        "| Each Quarter of 2028 | 400 |\n\n"
        "6.2 Results are compared with the targets at a quarterly review.\n"
        "6.3 The Stockist earns a rebate of 1% in each Quarter in which its target is met.\n"
    )
    (clause,) = _clauses(text, "minimum_commitment")
    assert clause.text.rstrip().endswith("| Each Quarter of 2028 | 400 |")  # a title-cased row is still a row
    assert "6.2" not in clause.text and "rebate" not in clause.text  # the numbered paragraph after it is no row


def test_a_list_with_pdf_bullets_is_quoted_with_its_lead_in():
    # bullets as PDFs render them: a lone "." or "o", "§", "●"; "§ 12" is a section number, not a bullet
    for bullet in (".", "o", "§", "●"):
        text = (
            "Schedule 2\n\n"
            "Partner will use reasonable efforts to keep the site traffic at a monthly minimum of:\n\n"
            f"{bullet} [*] page views three (3) months after the launch of the joint site, rising as the "
            f"audience of the joint site grows through the promotion set out in Schedule 1; {bullet} [*] page "
            f"views six (6) months after the launch; and {bullet} [*] page views twelve (12) months after the launch.\n\n"
            "[*] = certain information on this page has been omitted and filed separately with the Commission, "
            "and confidential treatment has been requested for the omitted portions.\n"
        )
        (clause,) = _clauses(text, "minimum_commitment")
        assert "twelve (12) months" in clause.text and "omitted" not in clause.text, bullet


def test_a_section_sign_before_a_number_is_no_bullet():
    from clausecheck.nlp.segment import item_style

    assert item_style("§ 541(b)(1) at any time following the Closing;") is None
    assert item_style("o Approved Images") == item_style("§ Minimum 5 images") == "-"


def test_a_run_of_short_bulleted_lines_is_quoted_whole():
    text = (
        "Schedule 2\n\nMarketing Support Each Month\n\n"
        "o Approved Photos\n\n§ Minimum 4 photos of the presenter\n\n· Studio or outdoor shots\n\n"
        "o Approved Videos\n\n§ Minimum 2 promotional videos\n\n· 30 to 90 seconds each\n\n"
        "Schedule 3\n\nThe Licensee shall pay the fees within thirty days of each invoice, without set-off or "
        "deduction, to the account the Licensor names in writing from time to time.\n"
    )
    (clause,) = _clauses(text, "minimum_commitment")  # one clause for the list, not one per minimum
    assert clause.text.startswith("o Approved Photos") and clause.text.rstrip().endswith("30 to 90 seconds each")
