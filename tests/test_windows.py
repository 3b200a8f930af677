"""Matching only windows around each pattern's key words must find exactly what matching whole
sentences finds (detect.Detector._windows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausecheck.config import Config
from clausecheck.engine import get_detector
from clausecheck.extract import extract_bytes, extract_str
from clausecheck.nlp.prefilter import PREFIX
from clausecheck.nlp.segment import segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contracts"


def _both(detector, doc):
    units = segment(doc)
    windowed = detector.hits(doc, units)
    reach, detector._reach = detector._reach, {}  # no pattern has a bound: every unit is read whole
    try:
        whole = detector.hits(doc, units)
    finally:
        detector._reach = reach
    return ({u: sorted(h, key=repr) for u, h in windowed.items()},
            {u: sorted(h, key=repr) for u, h in whole.items()})


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.iterdir() if p.suffix in (".pdf", ".docx", ".txt")), ids=lambda p: p.name)
def test_windows_find_what_whole_sentences_find_in_the_fixtures(path):
    detector = get_detector(Config())
    doc = extract_bytes(path.read_bytes(), path.name)
    windowed, whole = _both(detector, doc)
    assert windowed == whole


def _vocabulary(detector) -> list[str]:
    words: set[str] = set()
    for groups in detector.prefilter.groups:
        for group in groups:
            for word in group:
                if word.startswith(PREFIX):
                    word = word.lstrip(PREFIX)
                    words.update({word + "ing", word + "s"})
                words.add(word)
    return sorted(words)


_FILLER = st.sampled_from(["the", "of", "and", "shall", "Distributor", "Supplier", "in", "a", ",", "(3)", "years",
                           "not", "thirty", "30", "days", "any", "-", "party"])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_windows_find_what_whole_sentences_find(data):
    detector = get_detector(Config())
    words = data.draw(st.lists(st.one_of(st.sampled_from(_vocabulary(detector)), _FILLER), min_size=1, max_size=60))
    separators = data.draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", "", "-", " (", '" ', ", "]),
                                    min_size=len(words), max_size=len(words)))
    text = "".join(sep + w for sep, w in zip(separators, words, strict=True)) + "."
    windowed, whole = _both(detector, extract_str(text))
    assert windowed == whole, text


_GAPS = st.sampled_from([None, "?", "*", "+", "{0,2}", "{1,3}", "{2}", "{0,5}", "{1,}"])


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_exact_match_agrees_with_spacy(data):
    """The bounded-gap check reads a span as a regular expression over tokens; spaCy's own Matcher
    with the pattern as written must say the same."""
    from spacy.matcher import Matcher

    from clausecheck.nlp.detect import _plan

    detector = get_detector(Config())
    words = ["a", "b", "c", "the", "of"]
    pattern = []
    for _ in range(data.draw(st.integers(1, 4))):
        spec = data.draw(st.sampled_from([{}, {"LOWER": "a"}, {"LOWER": {"IN": ["b", "c"]}}, {"LOWER": {"NOT_IN": ["a"]}}]))
        op = data.draw(_GAPS)
        pattern.append({**spec, **({"OP": op} if op else {})})
    if not any(s.get("OP") in (None, "+") or s.get("OP", "").startswith("{1") or s.get("OP") == "{2}"
               for s in pattern):
        pattern.append({"LOWER": "a"})  # spaCy needs a pattern that cannot match nothing
    text = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=9)))
    span = detector.nlp.make_doc(text)[:]
    reference = Matcher(detector.nlp.vocab, validate=False)
    reference.add("x", [pattern])
    expected = any(s == 0 and e == len(span) for _k, s, e in reference(span))
    index = len(detector.patterns) + 10_000  # a slot no real pattern uses
    detector._plans[index] = _plan(tuple(pattern))
    detector._exact.pop(index, None)
    try:
        assert detector._exact_match(index, span) is expected, (pattern, text)
    finally:
        detector._plans.pop(index, None)
        detector._exact.pop(index, None)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_match_surely_within_its_bounds_holds_each_gap_within_its_bound(data):
    """Matches no longer than _surely_within are kept without asking spaCy for alignments: every
    alignment of such a match must keep each "{0,N}" gap within N tokens."""
    from spacy.matcher import Matcher

    from clausecheck.nlp.detect import _surely_within, _unbounded

    detector = get_detector(Config())
    pattern = []
    for _ in range(data.draw(st.integers(1, 4))):
        spec = data.draw(st.sampled_from([{}, {"LOWER": "a"}, {"LOWER": {"IN": ["b", "c"]}}]))
        op = data.draw(st.sampled_from([None, "?", "+", "{0,1}", "{0,2}", "{0,4}", "{1,3}", "{2}"]))
        pattern.append({**spec, **({"OP": op} if op else {})})
    pattern.append({"LOWER": "a"})  # spaCy needs a pattern that cannot match nothing
    fast, bounds, _longest = _unbounded(tuple(pattern))
    within = _surely_within(tuple(pattern), _unbounded(tuple(pattern)))
    text = " ".join(data.draw(st.lists(st.sampled_from(["a", "b", "c", "the"]), min_size=1, max_size=12)))
    matcher = Matcher(detector.nlp.vocab, validate=False)
    matcher.add("x", [list(fast)])
    for _k, s, e, alignment in matcher(detector.nlp.make_doc(text), with_alignments=True):
        if e - s <= within:
            assert all(alignment.count(j) <= n for j, n in bounds.items()), (pattern, text, s, e)


def test_a_long_match_is_checked_against_the_bounds(tmp_path):
    """A gap run as "*" can match more tokens than its bound: such a match is dropped."""
    (tmp_path / "exclusivity.jsonl").write_text(
        '{"label": "exclusivity", "id": "x", "pattern": [{"LOWER": "exclusive"}, {"OP": "{0,2}"}, '
        '{"LOWER": "rights"}]}\n', encoding="utf-8")
    from clausecheck.nlp.detect import Detector

    detector = Detector([tmp_path])
    assert detector._within[0] == 4
    near = extract_str("Supplier grants exclusive distribution rights here.")
    far = extract_str("Supplier grants exclusive and very broad distribution rights here.")
    assert [h.pattern_id for hs in detector.hits(near, segment(near)).values() for h in hs] == ["x"]
    assert detector.hits(far, segment(far)) == {}
