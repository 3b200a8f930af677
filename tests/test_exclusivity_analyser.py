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


def _party_hit(text: str, words: str, party: str | None) -> list[Hit]:
    start = text.index(words)
    return [Hit(ClauseType.exclusivity, "grant", "user-pattern", start, start + len(words), party)]


def test_a_pattern_party_drops_the_wrong_partys_promise_or_right():
    unit = lambda text: Unit(0, len(text), 0, "Appointment")  # noqa: E731
    kept = "Supplier reserves the exclusive right to sell to the Key Accounts."
    assert exclusivity(kept, unit(kept), _party_hit(kept, "exclusive right", None)) == {"kind": "grant"}
    assert exclusivity(kept, unit(kept), _party_hit(kept, "exclusive right", "not-supplier")) is None
    promise = "The Distributor shall not supply the Products to any third party for resale."
    assert exclusivity(promise, unit(promise), _party_hit(promise, "not supply", "not-partner")) is None
    promise = "The Supplier shall not supply the Products to any third party for resale."
    assert exclusivity(promise, unit(promise), _party_hit(promise, "not supply", "not-partner")) == {"kind": "grant"}
    held = "The Supplier shall have the sole right to sell the Products in Malaysia."
    assert exclusivity(held, unit(held), _party_hit(held, "sole right", "partner")) is None
    held = "The Distributor shall have the sole right to sell the Products in Malaysia."
    assert exclusivity(held, unit(held), _party_hit(held, "sole right", "partner")) == {"kind": "grant"}
