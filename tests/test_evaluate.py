"""`clausecheck eval`: labels in CUAD's CSV shape, scored per clause type and for CC101."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clausecheck.cli import app
from clausecheck.errors import ClauseCheckError
from clausecheck.evaluate import evaluate, load_labels, span_found

CUAD = Path(__file__).resolve().parent.parent.parent / "shared" / "cuad"

runner = CliRunner()

EXCLUSIVE_BARE = (
    "DISTRIBUTION AGREEMENT\n\n"
    "1. Appointment. Supplier hereby appoints Distributor as its sole and exclusive distributor of the "
    "Products in the Territory.\n\n"
    "2. Governing Law. This Agreement shall be governed by the laws of the State of New York.\n"
)
EXCLUSIVE_WITH_MINIMUM = (
    "SUPPLY AGREEMENT\n\n"
    "1. Appointment. Supplier grants Distributor the exclusive right to sell the Products in Canada.\n\n"
    "2. Minimum Purchases. Distributor shall purchase not less than 10,000 units in each calendar year.\n"
)
PLAIN = (
    "SERVICES AGREEMENT\n\n"
    "1. Services. Provider shall provide the consulting services described in Exhibit A.\n\n"
    "2. Fees. Customer shall pay the fees within thirty days of each invoice.\n"
)

FIELDS = ["Contract Type", "pdf_file", "txt_file", "Exclusivity", "Exclusivity-Answer",
          "Minimum Commitment", "Minimum Commitment-Answer", "Governing Law", "Governing Law-Answer",
          "Notice Period To Terminate Renewal", "Notice Period To Terminate Renewal- Answer"]


def _row(name: str, excl: list[str], minimum: list[str], law: list[str]) -> dict[str, str]:
    return {
        "Contract Type": "Distributor", "pdf_file": "", "txt_file": name,
        "Exclusivity": repr(excl), "Exclusivity-Answer": "Yes" if excl else "No",
        "Minimum Commitment": repr(minimum), "Minimum Commitment-Answer": "Yes" if minimum else "No",
        "Governing Law": repr(law), "Governing Law-Answer": "New York" if law else "",
        "Notice Period To Terminate Renewal": "[]", "Notice Period To Terminate Renewal- Answer": "",
    }


@pytest.fixture()
def labelled(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bare.txt").write_text(EXCLUSIVE_BARE)
    (docs / "minimum.txt").write_text(EXCLUSIVE_WITH_MINIMUM)
    (docs / "plain.txt").write_text(PLAIN)
    rows = [
        _row("bare.txt", ["Supplier hereby appoints Distributor as its sole and exclusive distributor of the "
                          "Products in the Territory."], [],
             ["This Agreement shall be governed by the laws of the State of New York."]),
        _row("minimum.txt", ["Supplier grants Distributor the exclusive right to sell the Products in Canada."],
             ["Distributor shall purchase not less than 10,000 units in each calendar year."], []),
        # the annotator marked a governing-law clause the plain contract does not have: a false negative
        _row("plain.txt", [], [], ["This Agreement is governed by the laws of Delaware."]),
    ]
    labels = tmp_path / "labels.csv"
    with labels.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return labels, docs


def test_labels_are_read_with_cuads_column_quirks(labelled):
    labels, _ = labelled
    docs = load_labels(labels)
    assert [d.txt_file for d in docs] == ["bare.txt", "minimum.txt", "plain.txt"]
    assert docs[0].positive["exclusivity"] and not docs[0].positive["minimum_commitment"]
    assert docs[0].positive["CC101"] and not docs[1].positive["CC101"]
    assert docs[1].spans["minimum_commitment"] == ["Distributor shall purchase not less than 10,000 units in each calendar year."]
    assert "term" not in docs[0].positive  # no Expiration Date column: the type is not scored


def test_eval_scores_each_type_and_cc101(labelled):
    labels, docs = labelled
    result = evaluate(labels, docs, workers=1)
    assert result.documents == 3 and result.errors == 0
    excl = result.score("exclusivity")
    assert (excl.tp, excl.fp, excl.fn, excl.tn) == (2, 0, 0, 1)
    assert excl.span_recall == 1.0
    cc101 = result.score("CC101")
    assert (cc101.tp, cc101.fp, cc101.fn) == (1, 0, 0)
    law = result.score("governing_law")
    assert (law.tp, law.fn) == (1, 1) and law.recall == 0.5 and law.precision == 1.0
    assert [m.kind for m in result.misses if m.name == "governing_law"] == ["false_negative"]


def test_eval_cli_formats_and_misses(labelled):
    labels, docs = labelled
    text = runner.invoke(app, ["eval", str(labels), "--docs", str(docs), "-j", "2", "--misses", "governing_law"])
    assert text.exit_code == 0, text.output
    assert "exclusivity" in text.stdout and "3 documents, 0 errors" in text.stdout
    assert "FALSE_NEGATIVE governing_law" in text.stdout and "laws of Delaware" in text.stdout
    md = runner.invoke(app, ["eval", str(labels), "--docs", str(docs), "-f", "markdown", "-j", "1"])
    assert md.stdout.startswith("| type | TP | FP | FN |")
    assert "| CC101 | 1 | 0 | 0 | 1.00 | 1.00 | 1.00 | - |" in md.stdout
    data = json.loads(runner.invoke(app, ["eval", str(labels), "--docs", str(docs), "-f", "json", "-j", "1"]).stdout)
    assert data["scores"]["minimum_commitment"]["f1"] == 1.0 and data["documents"] == 3


def test_missing_document_is_an_error_not_a_crash(labelled, tmp_path):
    labels, docs = labelled
    (docs / "plain.txt").unlink()
    result = evaluate(labels, docs, workers=1)
    assert result.errors == 1 and "plain.txt" in result.error_paths[0]
    assert result.score("exclusivity").tn == 0  # the missing document is not scored


def test_bad_labels_file_has_a_code(tmp_path):
    bad = tmp_path / "labels.csv"
    bad.write_text("name,value\na,b\n")
    with pytest.raises(ClauseCheckError) as info:
        load_labels(bad)
    assert info.value.code == "E050"
    result = runner.invoke(app, ["eval", str(bad), "--docs", str(tmp_path)])
    assert result.exit_code == 2 and "E050" in result.output


def test_span_found_needs_half_the_trigrams_in_one_clause():
    label = "The Distributor shall purchase at least 500 units per quarter from the Supplier."
    assert span_found(label, ["distributor SHALL purchase at least 500 units per-quarter, from"])
    # half of the words split across two clauses is not enough
    assert not span_found(label, ["The Distributor shall purchase", "500 units per quarter from the Supplier"])
    assert not span_found(label, ["The Supplier shall deliver the goods."])


@pytest.mark.skipif(not (CUAD / "labels.csv").is_file(), reason="../shared/cuad is not available")
def test_eval_runs_on_a_few_real_contracts():
    result = evaluate(CUAD / "labels.csv", CUAD, workers=2, limit=6)
    assert result.documents == 6 and result.errors == 0
    law = result.score("governing_law")
    assert law.tp + law.fn >= 4 and law.recall >= 0.75  # nearly every contract names its governing law
