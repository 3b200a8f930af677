"""Which clause the key terms show when a contract has several of a type."""

from clausecheck import analyze_text
from clausecheck.verdict import key_terms

GRANT = "Supplier appoints Distributor as its exclusive distributor of the Products in the Territory.\n\n"


def _shown_minimum(text: str):
    terms = {t.key: t for t in key_terms(analyze_text(GRANT + text).documents[0])}
    return terms["minimum_commitment"]


def test_a_quarterly_quota_is_shown_before_an_advertising_spend():
    term = _shown_minimum(
        "Distributor shall purchase in each Quarter Products of a value not less than the Sales Quota in Annex A.\n\n"
        "Distributor shall spend on advertising not less than six per cent (6%) of its net sales in each year.")
    assert (term.status, term.value) == ("present", "per quarter")


def test_a_floor_per_period_is_shown_before_a_share_of_it_in_a_trigger():
    term = _shown_minimum(
        "Distributor shall take in each Quarter goods of a value not less than the Minimum Offtake in Annex A.\n\n"
        "If the offtake falls below seventy per cent (70%) of the Minimum Offtake, the Company may terminate.")
    assert term.value == "per quarter"


def test_an_advertising_spend_alone_is_a_weak_minimum():
    term = _shown_minimum("The Reseller shall spend a minimum of USD 9,000 in each year on advertising the Software.")
    assert (term.status, term.value) == ("weak", "USD 9,000 per year on advertising, no purchase volume")


def test_an_order_size_alone_is_a_weak_minimum():
    term = _shown_minimum("Each order shall be for a minimum order value of USD 20,000.")
    assert (term.status, term.value) == ("weak", "USD 20,000 per order, no volume over time")


def test_a_section_title_read_as_a_clause_is_not_what_is_shown():
    doc = analyze_text(GRANT + "NINTH: NON-COMPETITION.\n\nDuring the term the Distributor shall not sell any "
                               "products that compete with the Products in the Territory.").documents[0]
    assert [len(c.text.split()) for c in doc.clauses_of("non_compete")][0] <= 6  # the title is a clause of its own
    shown = {t.key: t for t in key_terms(doc)}["non_compete"]
    assert shown.value.startswith("“During the term the Distributor shall not sell")



def _shown(text: str, key: str):
    return {t.key: t for t in key_terms(analyze_text(GRANT + text).documents[0])}[key]


KEY_TERMS_PAGE = ("KEY TERMS PAGE (Clause 1 says what happens if this page and a clause differ)\n"
                  "Supplier: Acme Tools Ltd, a company registered in England, 4 Quay Street, Brixham TQ5 8AW\n"
                  "Contract Term: four (4) years; renews automatically for one (1) year at a time\n"
                  "Governing law: England and Wales\n\nBACKGROUND:\nWe make hand tools in Devon and you sell hardware "
                  "to builders' merchants in Scotland.\n\n")
TERM_CLAUSE = "7. TERM:\n7.1 This Agreement runs for an initial term of six (6) years.\n"


def test_a_key_terms_row_is_corrected_by_the_clause_that_states_the_term():
    assert _shown(KEY_TERMS_PAGE + TERM_CLAUSE + "7.2 It then renews automatically for one (1) year at a time unless either "
                  "party gives ninety (90) days' notice.", "renewal").clause.attributes["notice_days"] == 90
    assert _shown(KEY_TERMS_PAGE + TERM_CLAUSE + "\n9. PRECEDENCE:\nThe numbered clauses prevail over that page.",
                  "term").value == "6 years"


def test_a_key_terms_row_said_to_prevail_keeps_its_length():
    assert _shown(KEY_TERMS_PAGE + TERM_CLAUSE + "\n9. PRECEDENCE:\nIf they differ, the Key Terms prevail over the "
                  "numbered clauses.", "term").value == "4 years"


def test_the_territory_shown_is_the_territorys_own_definition_not_an_area_defined_before_it():
    text = ('"Region" means the counties of Nakuru and Kiambu in the Republic of Kenya;\n\n'
            '"Territory" means the whole of the Republic of Kenya.\n\n')
    terms = {t.key: t for t in key_terms(analyze_text(text + GRANT).documents[0])}
    assert (terms["territory"].status, terms["territory"].value) == ("weak", "the whole of the Republic of Kenya (broad)")


def test_a_floor_for_the_exclusive_territory_is_shown_before_a_non_exclusive_country_floor():
    term = _shown_minimum(
        "Distributor shall purchase in each Contract Year not less than the Annual Quantity in Annex B for the Exclusive "
        "Territory.\n\nFor Slovakia, appointed non-exclusively, Distributor shall purchase not less than EUR 20,000 in each "
        "calendar quarter.")
    assert term.value == "per year"


def test_a_floor_with_an_amount_is_shown_before_one_without_when_neither_names_the_exclusive_part():
    term = _shown_minimum(
        "Distributor shall purchase in each Contract Year not less than the Annual Quantity in Annex B.\n\n"
        "Distributor shall purchase not less than EUR 20,000 in each calendar quarter.")
    assert term.value == "EUR 20,000 per quarter"


def test_a_schedule_item_of_the_renewal_is_corrected_by_the_clause_it_names():
    text = ("SCHEDULE OF PARTICULARS\nItem 4 - Initial Term: three (3) years.\nItem 5 - Renewal Term: one (1) year, repeating "
            "(clause 12.2).\n\n12. TERM\n\n12.1 This Agreement continues for an initial term of three (3) years.\n\n12.2 It then "
            "renews automatically for one (1) year at a time unless either party gives ninety (90) days' notice.")
    attributes = _shown(text, "renewal").clause.attributes
    assert (attributes["automatic"], attributes["notice_days"]) == (True, 90)


def test_a_renewal_takes_the_notice_the_next_paragraph_sets_for_stopping_it():
    text = ("3.1 The initial term is three (3) years.\n\n3.2 This Agreement then renews automatically for successive "
            "periods of one (1) year, provided that the annual target was met.\n\n3.3 Either party may prevent a renewal "
            "under clause 3.2 by written notice given at least four (4) months before the end of the current term.")
    attributes = _shown(text, "renewal").clause.attributes
    assert (attributes["automatic"], attributes["renewal_months"], attributes.get("notice_days")) == (True, 12, 120)


def test_a_renewal_takes_no_notice_from_a_next_paragraph_about_termination():
    text = ("3.1 The initial term is three (3) years.\n\n3.2 This Agreement then renews automatically for successive "
            "periods of one (1) year.\n\n3.3 Either party may terminate this Agreement on sixty (60) days' notice if the "
            "other is in material breach.")
    assert "notice_days" not in _shown(text, "renewal").clause.attributes


def test_a_key_terms_row_takes_the_clause_it_names_not_an_earlier_one_of_the_same_type():
    text = ("KEY TERMS\nDistributor: Tintas del Sur SpA, Santiago\nInitial Term: three (3) years (Section 9.1)\n"
            "Renewal: renews automatically for one (1) year at a time (Section 9.2)\nGoverning law: New York\n\n"
            "4. LAUNCH\n\n4.3 The Company may extend the launch support to the Distributor for a further six (6) months.\n\n"
            "9.1 This Agreement continues for an initial term of three (3) years.\n\n"
            "9.2 Thereafter it renews automatically for successive one (1) year terms unless either Party gives notice of "
            "non-renewal at least sixty (60) days before the end of the then-current term.")
    attributes = _shown(text, "renewal").clause.attributes
    assert (attributes["automatic"], attributes.get("notice_days")) == (True, 60)


def test_a_trial_period_an_amendment_shortens_is_shown_with_its_new_length_also_through_its_definition():
    # the definitions list points to the clause that names the period; the clause's sentence on one line, as a PDF reflows it
    text = ('1.2 "Trial Period" has the meaning given in Section 2.1.\n\n'
            '2.1 The first eight (8) months after signature shall be a trial period (the "Trial Period"), during which the '
            "Supplier shall weigh the Distributor's sales.\n\n"
            "2.2 At the end of the Trial Period the Supplier may end the exclusivity.\n\n"
            "AMENDMENT No. 1\n\n"
            '1. Section 2.1 of the Agreement is amended by deleting the words "The first eight (8) months" and substituting '
            'the words "The first three (3) months".')
    shown = _shown(text, "probation")
    assert (shown.status, shown.value) == ("present", "3 months")
