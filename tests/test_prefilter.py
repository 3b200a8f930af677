"""The literal pre-filter must never hide a sentence that the spaCy matchers would match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausecheck.config import Config
from clausecheck.engine import get_detector
from clausecheck.extract import extract_bytes
from clausecheck.nlp.detect import Detector
from clausecheck.nlp.prefilter import PREFIX
from clausecheck.nlp.segment import segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contracts"


_ALL: dict[int, object] = {}


def _matched_patterns(detector, text: str) -> set[int]:
    """Reference: every pattern that matches anywhere in `text`, all patterns run on the whole text.

    Not detector.matcher: spaCy expands a "{0,24}" gap into 24 optional tokens whose paths
    multiply (gigabytes on some sentences); the gaps run as "*" and each match is checked against
    the bounds as written (the exact check is itself tested against spaCy in test_windows.py)."""
    from spacy.matcher import Matcher

    matcher = _ALL.get(id(detector))
    if matcher is None:
        matcher = _ALL[id(detector)] = Matcher(detector.nlp.vocab, validate=False)
        for i, (fast, _bounds, _longest) in detector._fast.items():
            matcher.add(f"p{i}", [list(fast)])
    sdoc = detector.nlp.make_doc(text.replace("\n", " "))
    found = set()
    for k, s, e, alignment in matcher(sdoc, with_alignments=True):
        i = int(detector.nlp.vocab.strings[k][1:])
        _fast, bounds, longest = detector._fast[i]
        if e - s <= longest and (all(alignment.count(j) <= n for j, n in bounds.items())
                                 or detector._exact_match(i, sdoc[s:e])):
            found.add(i)
    found |= {int(detector.nlp.vocab.strings[k][1:]) for k, _, _ in detector.phrases(sdoc)}
    return found


def _pattern_words(detector) -> list[str]:
    words: set[str] = set()
    for groups in detector.prefilter.groups:
        for group in groups:
            for word in group:
                if word.startswith(PREFIX):  # the start of a token matched by a REGEX: try it with endings
                    word = word.lstrip(PREFIX)
                    words.update({word + "ing", word + "ition", word + "s"})
                words.add(word)
    return sorted(words)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_prefilter_keeps_every_matching_sentence_of_the_fixtures(path):
    detector = get_detector(Config())
    doc = extract_bytes(path.read_bytes(), path.name)
    units = segment(doc)
    for unit in units:
        text = doc.text[unit.start:unit.end]
        assert _matched_patterns(detector, text) <= set(detector.prefilter.patterns_for(text)), text


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_deferred_patterns_named_for_a_sentence_are_kept_wherever_they_could_match(path):
    """`scan` tests a deferred pattern only where its words are: it keeps every one `check` passes."""
    prefilter = get_detector(Config()).prefilter
    doc = extract_bytes(path.read_bytes(), path.name)
    spans = [(u.start, u.end) for u in segment(doc)]
    deferred = sorted(prefilter.deferred)
    triggers = prefilter.scan(doc.text, spans)
    found = prefilter.scan(doc.text, spans, then=lambda _i, _found: deferred)
    assert found.keys() == triggers.keys()
    for i, kept in triggers.items():
        s, e = spans[i]
        assert found[i] == sorted(kept + [j for j in deferred if prefilter.check(j, doc.text, s, e)]), doc.text[s:e]


def test_prefilter_passes_only_sentences_with_the_pattern_words_in_order(tmp_path):
    pattern = {"label": "exclusivity", "id": "t", "pattern": [{"LOWER": "exclusive"}, {"OP": "{0,2}"},
                                                               {"LOWER": "distributor"}]}
    (tmp_path / "exclusivity.jsonl").write_text(json.dumps(pattern) + "\n", encoding="utf-8")
    prefilter = Detector([tmp_path]).prefilter
    assert prefilter.patterns_for("Each notice shall be delivered by hand or by courier.") == []
    assert prefilter.patterns_for("The Distributor is not exclusive.") == []  # wrong order
    assert prefilter.patterns_for("Exclusive rights are granted to the Distributor.") == []  # too far apart
    assert prefilter.patterns_for("Supplier appoints an EXCLUSIVE, independent distributor.") == [0]


_WORDS = st.sampled_from(["the", "of", "and", "shall", "Distributor", "Supplier", "in", "a", ",", "(3)", "years",
                          "cannot", "gonna", "5km", "10am", "30days"])  # runs spaCy cuts into tokens


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_prefilter_is_a_necessary_condition(data):
    detector = get_detector(Config())
    vocabulary = _pattern_words(detector)
    words = data.draw(st.lists(st.one_of(st.sampled_from(vocabulary), _WORDS), min_size=1, max_size=25))
    upper = data.draw(st.booleans())
    separators = data.draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", "", "-", " (", '" ', ". ", ", "]),
                                    min_size=len(words), max_size=len(words)))
    text = "".join(sep + (w.upper() if upper else w) for sep, w in zip(separators, words, strict=True)) + "."
    assert _matched_patterns(detector, text) <= set(detector.prefilter.patterns_for(text)), text


def test_prefilter_knows_the_tokens_a_run_of_letters_can_split_into(tmp_path):
    """Short words are looked up among a sentence's runs of letters and digits, plus the tokens
    spaCy cuts out of a run: its special cases ("cannot" -> "can" "not") and units ("5km")."""
    patterns = [{"label": "non_compete", "id": "n", "pattern": [{"LOWER": "not"}, {"LOWER": "compete"}]},
                {"label": "territory", "id": "k", "pattern": [{"LOWER": "within"}, {"LIKE_NUM": True},
                                                              {"LOWER": "km"}]}]
    for p in patterns:
        (tmp_path / f"{p['label']}.jsonl").write_text(json.dumps(p) + "\n", encoding="utf-8")
    detector = Detector([tmp_path])
    prefilter = detector.prefilter
    for text, expected in [("The Distributor cannot compete.", [0]), ("The Distributor CANNOT compete.", [0]),
                           ("It shall not compete.", [0]), ("A notice to compete.", []),
                           ("Stores within 5km of the site.", [1]), ("Stores within 5 km of the site.", [1]),
                           ("Stores within 5KM of the site.", [1])]:
        assert _matched_patterns(detector, text) <= set(prefilter.patterns_for(text)), text
        assert prefilter.patterns_for(text) == expected, text


@pytest.mark.parametrize("spec, counts", [
    ({"LOWER": "a"}, (1, 1)), ({"OP": "?"}, (0, 1)), ({"OP": "!"}, (0, 0)), ({"OP": "*"}, (0, None)),
    ({"OP": "+"}, (1, None)), ({"OP": "{3}"}, (3, 3)), ({"OP": "{0,24}"}, (0, 24)), ({"OP": "{,5}"}, (0, 5)),
    ({"OP": "{2,}"}, (2, None)), ({"OP": "{x,3}"}, None), ({"OP": "{}"}, None), ("not a spec", None),
])
def test_token_counts_read_every_operator_once_for_all_callers(spec, counts):
    from clausecheck.nlp.prefilter import required, token_counts

    assert token_counts(spec) == counts
    if isinstance(spec, dict):
        assert required(spec) == (counts is not None and counts[0] >= 1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abzAZ09 \t\n-.,'’éİßK\u00a0\u2028x")), max_size=60), st.data())
def test_word_text_splits_into_the_runs_a_regex_finds(text, data):
    from clausecheck.nlp.prefilter import _WORD, _word_text

    lower = text.lower()
    start = data.draw(st.integers(0, len(lower)))
    end = data.draw(st.integers(start, len(lower)))
    spaced = _word_text(lower)
    assert len(spaced) == len(lower)
    assert spaced[start:end].split() == _WORD.findall(lower, start, end)
