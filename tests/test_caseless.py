"""Regexes written in lower case and matched on fold(text) find what re.IGNORECASE finds in text."""

import re

import pytest

from clausecheck.nlp import attributes, quantities
from clausecheck.nlp.caseless import fold

# the analysers' regexes that read folded text, by module
FOLDED = [
    *(getattr(attributes, name) for name in (
        "_COMPETING_OBJECT", "_NOT_COMPETING", "_PERMISSION", "_REPRESENTATION", "_COVENANT", "_PROHIBITION",
        "_FUTURE_COVENANT", "_CONFIDENTIAL_USE", "_NOT_COMPETITION", "_RESTRAINT_SCOPE", "_CARVE_OUT",
        "_RIGHT", "_NO_RIGHT", "_EXCEPTION", "_INDEFINITE", "_DURATION_WORDS", "_AGREEMENT_WORD", "_NOT_THE_AGREEMENT",
        "_AUTOMATIC", "_MUTUAL_RENEWAL", "_RENEW_VERB", "_APPROVED_CONTINUANCE", "_OTHER_PERIOD", "_AGREEMENT_RENEWS",
        "_NON_RENEWAL", "_RENEWISH")),
    *(getattr(quantities, name) for name in ("_DURATION", "_MONEY", "_VOLUME", "_PERCENT")),
]

TEXTS = [
    "The Distributor SHALL NOT, directly or indirectly, sell Products that Compete with the Goods.",
    "Nothing in this Agreement shall PREVENT the Supplier from appointing others Outside the Territory.",
    "Agent Represents and Warrants that it is not bound by any Non-Competition Agreement.",
    "Either Party MAY TERMINATE this Agreement at any time upon Ninety (90) Days' prior written notice.",
    "The Reseller may not terminate this Agreement UNLESS the Supplier is in breach.",
    "Minimum purchases of USD 150,000 per Contract Year, or 1,200 UNITS, or 15 Percent of sales.",
    "a fee of US$ 2.5 Million, 40 U.S. Dollars per case and EUR 300 per Quarter",
    "PROVIDED THAT NOTHING herein restricts holding Shares; Three (3) YEARS after Termination",
    "This Agreement SHALL Automatically RENEW for successive terms unless Either Party gives Non-Renewal notice",
    "The Warranty Period may be Extended as Agreed in Writing by Both Parties; its Continuation was Approved",
    "The Term of this Contract is Perpetual and remains in Force; Confidentiality obligations Survive",
    "Agent shall not USE the Company's Confidential Information to develop a Competing product",
    # the characters where str.lower() and re.IGNORECASE part ways: "İ" (two characters in lower
    # case), dotless "ı" and long "ſ" (the flag reads them as "i" and "s")
    "İf the Dıstributor ſhall not ſell any product that competes, ſix (6) monthſ after the Term ends",
    "The Supplıer may termınate thıs Agreement for convenıence; İTS RİGHT to terminate; 10 ſhares",
]


def test_fold_keeps_every_offset():
    for text in TEXTS:
        assert len(fold(text)) == len(text)
    assert fold("ſix İtems, Dıstributor") == "six items, distributor"


@pytest.mark.parametrize("pattern", FOLDED, ids=lambda p: p.pattern[:40])
def test_folded_text_matches_where_the_case_insensitive_regex_does(pattern):
    assert not pattern.flags & re.IGNORECASE
    caseless = re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)
    for text in TEXTS:
        assert [m.span() for m in pattern.finditer(fold(text))] == [m.span() for m in caseless.finditer(text)]


def test_amounts_and_durations_quote_the_text_as_written():
    assert [a["text"] for a in quantities.amounts("USD 150,000 and 1,200 UNITS")] == ["USD 150,000", "1,200 UNITS"]
    assert quantities.amounts("40 U.S. Dollars")[0]["unit"] == "USD"
    assert [d["text"] for d in quantities.durations("Three (3) YEARS")] == ["Three (3) YEARS"]
