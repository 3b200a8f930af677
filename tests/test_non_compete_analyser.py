"""The competing object of a non-compete: each way of naming one, and text that names none."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausecheck.nlp.attributes import _COMPETING_OBJECT, _COMPETING_WORDS, _NOT_COMPETING, _OBJECT_WORDS
from clausecheck.nlp.caseless import fold


@pytest.mark.parametrize("text", [
    "shall not sell any product that competes with the Goods",
    "a noncompeting line of business",
    "shall not deal with any rival of the Company",
    "goods similar to or derived from the Products",
    "any services which are in any respect comparable to the Services",
    "restaurants substantially similar to the Restaurant",
    "shall not promote another maker's bicycles",
    "stores sold by any other supplier",
    "shall not be interested in any other trade or business",
])
def test_competing_object_is_found(text):
    assert _found_with_a_word(_COMPETING_OBJECT, text, _OBJECT_WORDS)
    assert _found_with_a_word(_COMPETING_OBJECT, text, _COMPETING_WORDS)


@settings(max_examples=500, deadline=None)
@given(st.from_regex(_COMPETING_OBJECT.compiled(), fullmatch=True))
def test_every_competing_object_holds_a_word_looked_up_first(match):
    # the analyser searches the regex only in sentences that hold one of _COMPETING_WORDS: no match may lack them all
    assert any(word in match for word in _COMPETING_WORDS)


def _found_with_a_word(pattern, text, words):
    """The pattern matches the folded text, and its match holds one of the words the analyser looks for first."""
    found = pattern.search(fold(text))
    return bool(found) and any(word in found.group() for word in words)


@pytest.mark.parametrize("text", [
    "shall not sell the Products outside the Territory",
    "the arrival of the goods at the port",  # "rival" inside a word is no rival
    "similar terms apply. The services are listed in Schedule 2",
    "shall not engage in any activity that breaches this Agreement",
])
def test_no_competing_object(text):
    assert not _COMPETING_OBJECT.search(fold(text))


@pytest.mark.parametrize("text", [
    "to spare the Supplier competitive harm",
    "where its prices are not competitive",
    "a claim of unfair competition",
    "the competition authorities of the Territory",
    "the courts of competent jurisdiction",
    "any noncompete, nondisclosure or similar agreement",
    "subject to the covenant not to compete in Section 8.3 of the Purchase Agreement",
    "may not assign this Agreement to a competitor",
])
def test_words_naming_competition_without_a_restraint_hold_compet(text):
    assert _found_with_a_word(_NOT_COMPETING, text, ("compet",))


def _restraint(text, heading=""):
    from clausecheck.models import ClauseType
    from clausecheck.nlp.attributes import non_compete
    from clausecheck.nlp.detect import Hit
    from clausecheck.nlp.segment import Unit

    hits = [Hit(ClauseType.non_compete, "restraint", "not-act", 0, len(text))]
    return non_compete(text, Unit(0, len(text), 0, heading), hits)


@pytest.mark.parametrize("text, heading, restrains", [
    ("The Agent shall not distribute any golf carts in the Territory.", "", True),
    ("The Agent shall not distribute any golf carts.", "", False),  # no time or place
    ("The Agent shall not distribute any golf carts.", "12. Non-Competition", True),  # the title says it
    ("The Agent shall not sell any shares of the Company during the Term.", "", False),
    ("The Agent shall not market the Products outside the Territory during the Term.", "", False),  # its own products
    ("The Agent may sell anything it likes in the Territory.", "", False),  # nothing prohibited
])
def test_a_prohibited_act_restrains_only_for_a_time_or_a_place(text, heading, restrains):
    assert (_restraint(text, heading) is not None) == restrains
