"""The exclusivity analyser's context checks that patterns cannot express."""

from __future__ import annotations

from clausecheck.models import ClauseType
from clausecheck.nlp.attributes import exclusivity
from clausecheck.nlp.detect import Hit
from clausecheck.nlp.segment import Unit

GRANT = "Owner holds the exclusive right to all advertising inside the Stadium."
HITS = [Hit(ClauseType.exclusivity, "grant", "exclusive-right", 12, 27)]


def test_recital_under_a_letter_spaced_heading_is_not_a_clause():
    # PDFs often space out the letters of a heading: "R E C I T A L S"
    assert exclusivity(GRANT, Unit(0, len(GRANT), 0, "R E C I T A L S"), HITS) is None
    assert exclusivity(GRANT, Unit(0, len(GRANT), 0, "RECITALS"), HITS) is None


def test_operative_grant_is_a_clause():
    assert exclusivity(GRANT, Unit(0, len(GRANT), 0, "2. A P P O I N T M E N T"), HITS) == {"kind": "grant"}
