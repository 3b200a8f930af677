"""Pattern files are validated on load; every error names the file and the line."""

from __future__ import annotations

import pytest

from clausecheck.errors import ClauseCheckError
from clausecheck.nlp.detect import Detector
from clausecheck.nlp.patterns import default_pattern_dirs, load_file

BAD = [
    ("not json", "invalid JSON"),
    ('["a list"]', "must be a JSON object"),
    ('{"label": "exclusivity", "pattern": "x"}', "missing 'id'"),
    ('{"label": "territory", "pattern": "x", "id": "a"}', "does not match the file's clause type"),
    ('{"label": "exclusivity/maybe", "pattern": "x", "id": "a"}', "unknown role"),
    ('{"label": "exclusivity", "pattern": "", "id": "a"}', "empty string"),
    ('{"label": "exclusivity", "pattern": [], "id": "a"}', "empty list"),
    ('{"label": "exclusivity", "pattern": 3, "id": "a"}', "must be a string"),
    ('{"label": "exclusivity", "pattern": [{"LOWR": "x"}], "id": "a"}', "unknown attribute 'LOWR'"),
    ('{"label": "exclusivity", "pattern": [{"LOWER": "x", "OP": "%"}], "id": "a"}', "OP must be"),
    ('{"label": "exclusivity", "pattern": [{"LOWER": {"REGEX": "("}}], "id": "a"}', "bad REGEX"),
    ('{"label": "exclusivity", "pattern": [{"LOWER": {"IN": "x"}}], "id": "a"}', "must be a list"),
    ('{"label": "exclusivity", "pattern": "x", "id": "a", "colour": 1}', "unknown key 'colour'"),
    ('{"label": "exclusivity/negation", "pattern": "x", "id": "a", "kind": "sentence"}', "a negation's kind must be"),
    ('{"label": "exclusivity", "pattern": "x", "id": "a", "party": "buyer"}', "party must be one of"),
    ('{"label": "exclusivity/negation", "pattern": "x", "id": "a", "party": "partner"}', "exclusivity triggers only"),
]


@pytest.mark.parametrize(("line", "message"), BAD)
def test_bad_pattern_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "exclusivity.jsonl"
    path.write_text('{"label": "exclusivity", "pattern": "sole agent", "id": "ok"}\n' + line + "\n")
    with pytest.raises(ClauseCheckError) as info:
        load_file(path)
    assert info.value.code == "E030"
    assert f"{path}:2" in info.value.message
    assert message in info.value.message


def test_file_name_must_be_a_clause_type(tmp_path):
    path = tmp_path / "exclusive.jsonl"
    path.write_text('{"label": "exclusive", "pattern": "x", "id": "a"}\n')
    with pytest.raises(ClauseCheckError, match="file name must be a clause type"):
        load_file(path)


def test_token_pattern_needs_a_literal_anchor(tmp_path):
    (tmp_path / "probation.jsonl").write_text(
        '{"label": "probation", "pattern": [{"IS_DIGIT": true, "OP": "+"}], "id": "digits"}\n'
    )
    with pytest.raises(ClauseCheckError, match="pre-filter"):
        Detector([tmp_path])


def test_an_id_used_twice_in_a_file_names_both_lines(tmp_path):
    path = tmp_path / "exclusivity.jsonl"
    line = '{"label": "exclusivity", "pattern": "sole agent", "id": "sole"}'
    path.write_text(f"{line}\n// a comment\n{line}\n", encoding="utf-8")
    with pytest.raises(ClauseCheckError) as info:
        load_file(path)
    assert info.value.code == "E030" and "exclusivity.jsonl:3" in info.value.message and "line 1" in info.value.message


def test_shipped_patterns_load():
    detector = Detector()
    assert len(detector.patterns) > 20
    types = {p.clause_type.value for p in detector.patterns}
    assert len(types) == 10


def test_user_pattern_folder_adds_phrasing(tmp_path):
    from clausecheck import Config, analyze_text

    text = "Distributor shall have the privilege of being the single authorised seller in the Territory."
    assert not analyze_text(text).documents[0].clauses_of("exclusivity")
    (tmp_path / "exclusivity.jsonl").write_text(
        '{"label": "exclusivity", "pattern": "single authorised seller", "id": "single-seller", "kind": "grant"}\n'
    )
    doc = analyze_text(text, Config(pattern_dirs=[tmp_path])).documents[0]
    assert doc.clauses_of("exclusivity")
    assert default_pattern_dirs()


@pytest.mark.parametrize(("label", "pattern", "found", "not_found"), [
    # a user writes "not" once; "won't" and "won’t" (spaCy: "wo" + "n't") match it too
    ("exclusivity", '[{"LOWER": "not"}, {"LOWER": "name"}, {"LOWER": "another"}, {"LOWER": "seller"}]',
     ("Acme will not name another seller in Peru.", "Acme won't name another seller in Peru.",
      "Acme won\u2019t name another seller in Peru."), "Acme will name another seller in Peru."),
    # a user writes "years" once; the "yrs" of a contract drafted without a lawyer matches it too
    ("term", '[{"LOWER": "sealed"}, {"LOWER": "for"}, {"LIKE_NUM": true}, {"LOWER": {"IN": ["years", "months"]}}]',
     ("This agreement is sealed for 3 years.", "This agreement is sealed for 3 yrs.",
      "This agreement is sealed for 3 mths."), "This agreement is sealed for 3 days."),
], ids=["not-and-its-contractions", "units-and-their-abbreviations"])
def test_a_users_word_matches_its_other_forms(tmp_path, label, pattern, found, not_found):
    from clausecheck import Config, analyze_text

    (tmp_path / f"{label}.jsonl").write_text(f'{{"label": "{label}", "id": "users-own", "pattern": {pattern}}}\n')
    config = Config(pattern_dirs=[tmp_path])
    for text in found:
        assert analyze_text(text, config).documents[0].clauses_of(label), text
    assert not analyze_text(not_found, config).documents[0].clauses_of(label)


def test_shipped_patterns_pass_spacys_validation():
    """Detector validates the patterns users add with spaCy's own schema; the shipped ones are
    validated here instead of at every start-up."""
    from spacy.matcher import Matcher

    detector = Detector()
    matcher = Matcher(detector.nlp.vocab, validate=True)
    for index, pattern in enumerate(detector.patterns):
        if not pattern.is_phrase:
            matcher.add(f"p{index}", [list(pattern.pattern)])  # raises on a pattern spaCy rejects


def test_spacy_rejects_a_users_pattern_at_load(tmp_path):
    (tmp_path / "exclusivity.jsonl").write_text(
        '{"label": "exclusivity", "pattern": [{"LOWER": "sole"}, {"LOWER": {"IN": [1, 2]}}], "id": "bad"}\n'
    )
    with pytest.raises(ClauseCheckError, match="spaCy rejects the pattern"):
        Detector([tmp_path])
