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
