"""An amendment that deletes a clause: every sentence the deletion regex reads passes the words looked up before it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausecheck.nlp.attributes import _DELETED_CLAUSE, deletes_a_clause


@pytest.mark.parametrize("text", [
    "Clause 9.3 (the Supplier's right to terminate for missed targets) is deleted.",
    "SECTION 4(b) OF THE AGREEMENT IS HEREBY DELETED IN ITS ENTIRETY.",
    "Article 12 shall be Struck Out.",
    "Paragraph 3 is repealed with effect from 1 May.",
    "Clause 6.2 is omitted.",
    "Section 8 is removed from the Agreement.",
])
def test_a_deleted_clause_is_found(text):
    assert deletes_a_clause(text)


@pytest.mark.parametrize("text", [
    "Clause 2.1 is deleted and replaced by the following: the Dealer is the exclusive dealer in Chile.",
    "The deleted files are not backed up.",  # a deletion verb, no clause deleted
    "Clause 4 applies to every order.",
])
def test_no_deleted_clause(text):
    assert not deletes_a_clause(text)


@settings(max_examples=500, deadline=None)
@given(st.from_regex(_DELETED_CLAUSE.compiled(), fullmatch=True))
def test_every_match_passes_the_verbs_looked_up_first(match):
    # the verbs are looked up in lower case before the regex (caseless) runs: no match of it may be missed
    assert deletes_a_clause(match)
