"""Measure detection against a labelled set of contracts (CUAD's CSV shape).

A labels CSV has one row per contract: `pdf_file` and/or `txt_file`, then per category a
context column (a Python list literal of the clause texts the annotators marked) and an
`<category>-Answer` column (`Yes`/`No` or a value). Every document is run through the real
pipeline; a document is predicted positive for a clause type when its report holds at least
one clause of that type, and for CC101 when it holds a CC101 finding.
"""

from __future__ import annotations

import ast
import csv
import multiprocessing
import os
import re
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from .errors import ClauseCheckError
from .models import ClauseType

Positive = Literal["yes", "context"]


@dataclass(frozen=True)
class Target:
    """What a labels column means for one clausecheck clause type."""

    clause_type: str
    category: str
    positive: Positive  # "yes": the answer is Yes; "context": the context list is not empty


TARGETS: tuple[Target, ...] = (
    Target(ClauseType.exclusivity.value, "Exclusivity", "yes"),
    Target(ClauseType.minimum_commitment.value, "Minimum Commitment", "yes"),
    Target(ClauseType.term.value, "Expiration Date", "context"),
    Target(ClauseType.renewal.value, "Renewal Term", "context"),
    Target(ClauseType.termination_for_convenience.value, "Termination For Convenience", "yes"),
    Target(ClauseType.non_compete.value, "Non-Compete", "yes"),
    Target(ClauseType.governing_law.value, "Governing Law", "context"),
)
CC101 = "CC101"

_WORD = re.compile(r"[a-z0-9]+")
_COLUMN = re.compile(r"[^a-z0-9]+")


# ---------------------------------------------------------------- labels


class LabelledDocument(BaseModel):
    """One row of the labels file: where the contract is and what the annotators marked."""

    row: int
    pdf_file: str = ""
    txt_file: str = ""
    positive: dict[str, bool] = Field(default_factory=dict, description="clause type (or CC101) -> label")
    spans: dict[str, list[str]] = Field(default_factory=dict, description="clause type -> labelled texts")


def _column_key(name: str) -> str:
    """'Notice Period To Terminate Renewal- Answer' and '...-Answer' compare equal."""
    return _COLUMN.sub("", name.lower())


def _parse_context(value: str) -> list[str]:
    value = (value or "").strip()
    if not value or value in ("[]", "nan", "None"):
        return []
    if value.startswith("["):
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            parsed = None
        if isinstance(parsed, list):
            return [str(x) for x in parsed if str(x).strip()]
    return [value]


def load_labels(path: str | Path, targets: Iterable[Target] = TARGETS) -> list[LabelledDocument]:
    """Read a labels CSV in CUAD's shape; columns are matched ignoring case, spaces and dashes."""
    targets = tuple(targets)
    path = Path(path)
    csv.field_size_limit(1 << 30)
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            columns = {_column_key(c): c for c in (reader.fieldnames or [])}
            rows = list(reader)
    except FileNotFoundError as exc:
        raise ClauseCheckError("E001", f"{path}: labels file not found") from exc
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ClauseCheckError("E050", f"{path}: cannot read the labels file ({exc})") from exc
    if "pdffile" not in columns and "txtfile" not in columns:
        raise ClauseCheckError("E050", f"{path}: no `pdf_file` or `txt_file` column")
    found = [t for t in targets if _column_key(t.category) in columns]
    if not found:
        raise ClauseCheckError(
            "E050", f"{path}: none of the category columns ({', '.join(t.category for t in targets)}) is present"
        )
    docs = []
    for number, row in enumerate(rows, start=2):
        doc = LabelledDocument(
            row=number,
            pdf_file=(row.get(columns.get("pdffile", ""), "") or "").strip(),
            txt_file=(row.get(columns.get("txtfile", ""), "") or "").strip(),
        )
        if not doc.pdf_file and not doc.txt_file:
            continue
        for t in found:
            texts = _parse_context(row.get(columns[_column_key(t.category)], ""))
            answer_col = columns.get(_column_key(t.category) + "answer")
            answer = (row.get(answer_col, "") if answer_col else "").strip().lower()
            if t.positive == "yes" and answer_col:
                positive = answer == "yes"
            else:
                positive = bool(texts)
            doc.positive[t.clause_type] = positive
            doc.spans[t.clause_type] = texts if positive else []
        excl, minimum = ClauseType.exclusivity.value, ClauseType.minimum_commitment.value
        if excl in doc.positive and minimum in doc.positive:
            doc.positive[CC101] = doc.positive[excl] and not doc.positive[minimum]
        docs.append(doc)
    return docs


def resolve_document(doc: LabelledDocument, docs_dir: Path, prefer: str = "pdf") -> Path | None:
    """The file to analyse: the preferred format first, in DIR or its pdf/ or txt/ subfolder."""
    names = [doc.pdf_file, doc.txt_file] if prefer == "pdf" else [doc.txt_file, doc.pdf_file]
    for name in filter(None, names):
        for folder in (docs_dir, docs_dir / "pdf", docs_dir / "txt"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


# ---------------------------------------------------------------- running


class DocumentOutcome(BaseModel):
    """What the pipeline reported for one labelled document (only what scoring needs)."""

    row: int
    path: str
    clauses: dict[str, list[str]] = Field(default_factory=dict, description="clause type -> clause texts")
    findings: list[str] = Field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


def _analyse(job: tuple[int, str]) -> DocumentOutcome:
    from .engine import analyse_path

    row, path = job
    started = time.perf_counter()
    report = analyse_path(path)
    clauses: dict[str, list[str]] = {}
    for clause in report.clauses:
        clauses.setdefault(clause.type.value, []).append(clause.text)
    return DocumentOutcome(
        row=row, path=path, clauses=clauses, findings=sorted({f.rule for f in report.findings}),
        error=f"{report.error.code} {report.error.message}" if report.error else None,
        seconds=round(time.perf_counter() - started, 3),
    )


def _warm() -> None:
    from .config import Config
    from .engine import get_detector

    get_detector(Config())


def run_documents(jobs: list[tuple[int, str]], workers: int | None = None) -> list[DocumentOutcome]:
    """Analyse documents in a process pool (one Detector per worker); results in input order."""
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1 or len(jobs) <= 1:
        return [_analyse(job) for job in jobs]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context, initializer=_warm) as pool:
        return list(pool.map(_analyse, jobs, chunksize=1))


# ---------------------------------------------------------------- scoring


def words(text: str) -> list[str]:
    """Lower-case word tokens: case, whitespace, punctuation and hyphenation do not matter."""
    return _WORD.findall(text.lower().replace("-\n", ""))


def trigrams(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    if len(w) < 3:
        return {tuple(w)} if w else set()
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def span_found(label: str, clause_texts: Iterable[str], clause_grams: list[set] | None = None) -> bool:
    """At least half of the labelled text's word trigrams appear in ONE reported clause."""
    wanted = trigrams(label)
    if not wanted:
        return True
    grams = clause_grams if clause_grams is not None else [trigrams(t) for t in clause_texts]
    need = len(wanted) / 2
    return any(len(wanted & g) >= need for g in grams)


class Score(BaseModel):
    """Document-level confusion counts and span recall for one clause type (or CC101)."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    spans: int = 0
    spans_found: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_recall(self) -> float | None:
        return self.spans_found / self.spans if self.spans else None

    def as_dict(self) -> dict:
        return {
            "name": self.name, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "spans": self.spans, "spans_found": self.spans_found,
            "span_recall": None if self.span_recall is None else round(self.span_recall, 4),
        }


class Miss(BaseModel):
    """A false positive, a false negative, or a labelled span no reported clause covers."""

    name: str
    kind: Literal["false_positive", "false_negative", "span_missed"]
    path: str
    labelled: list[str] = Field(default_factory=list)
    reported: list[str] = Field(default_factory=list)


class Evaluation(BaseModel):
    """The result of `clausecheck eval`."""

    labels: str
    documents: int
    errors: int
    seconds: float
    workers: int
    scores: list[Score]
    misses: list[Miss] = Field(default_factory=list)
    error_paths: list[str] = Field(default_factory=list)
    slowest: list[tuple[str, float]] = Field(default_factory=list)

    def score(self, name: str) -> Score:
        return next(s for s in self.scores if s.name == name)

    def as_dict(self) -> dict:
        return {
            "labels": self.labels, "documents": self.documents, "errors": self.errors,
            "seconds": self.seconds, "workers": self.workers,
            "scores": {s.name: s.as_dict() for s in self.scores},
            "error_paths": self.error_paths, "slowest": self.slowest,
            "misses": [m.model_dump() for m in self.misses],
        }


def score_documents(
    labelled: list[LabelledDocument], outcomes: list[DocumentOutcome], names: Iterable[str]
) -> tuple[list[Score], list[Miss]]:
    """Compare labels with what the pipeline reported; documents that failed are skipped."""
    scores = {n: Score(name=n) for n in names}
    misses: list[Miss] = []
    by_row = {o.row: o for o in outcomes}
    for doc in labelled:
        outcome = by_row.get(doc.row)
        if outcome is None or outcome.error:
            continue
        for name, score in scores.items():
            if name not in doc.positive:
                continue
            truth = doc.positive[name]
            reported = outcome.clauses.get(name, []) if name != CC101 else []
            predicted = CC101 in outcome.findings if name == CC101 else bool(reported)
            labels = doc.spans.get(name, [])
            if truth and predicted:
                score.tp += 1
            elif predicted:
                score.fp += 1
                misses.append(Miss(name=name, kind="false_positive", path=outcome.path,
                                   labelled=labels, reported=reported))
            elif truth:
                score.fn += 1
                misses.append(Miss(name=name, kind="false_negative", path=outcome.path,
                                   labelled=labels, reported=reported))
            else:
                score.tn += 1
            if name == CC101 or not truth:
                continue
            grams = [trigrams(t) for t in reported]
            for label in labels:
                score.spans += 1
                if span_found(label, reported, grams):
                    score.spans_found += 1
                elif predicted:
                    misses.append(Miss(name=name, kind="span_missed", path=outcome.path,
                                       labelled=[label], reported=reported))
    return list(scores.values()), misses


def evaluate(
    labels: str | Path,
    docs_dir: str | Path,
    workers: int | None = None,
    limit: int | None = None,
    prefer: str = "pdf",
) -> Evaluation:
    """Run the pipeline on every labelled document and score it per clause type and for CC101."""
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        raise ClauseCheckError("E051", f"{docs_dir}: documents folder not found")
    labelled = load_labels(labels)
    if limit is not None:
        labelled = labelled[:limit]
    jobs: list[tuple[int, str]] = []
    missing: list[DocumentOutcome] = []
    for doc in labelled:
        path = resolve_document(doc, docs_dir, prefer)
        if path is None:
            name = doc.pdf_file or doc.txt_file
            missing.append(DocumentOutcome(row=doc.row, path=str(docs_dir / name), error="E001 file not found"))
        else:
            jobs.append((doc.row, str(path)))
    started = time.perf_counter()
    workers = max(1, workers or os.cpu_count() or 1)
    outcomes = run_documents(jobs, workers) + missing
    seconds = round(time.perf_counter() - started, 2)
    names = [t.clause_type for t in TARGETS] + [CC101]
    present = [n for n in names if any(n in d.positive for d in labelled)]
    scores, misses = score_documents(labelled, outcomes, present)
    slowest = sorted(((o.path, o.seconds) for o in outcomes), key=lambda x: -x[1])[:5]
    return Evaluation(
        labels=str(labels), documents=len(labelled), errors=sum(o.error is not None for o in outcomes),
        seconds=seconds, workers=workers, scores=scores, misses=misses,
        error_paths=[f"{o.path}: {o.error}" for o in outcomes if o.error], slowest=slowest,
    )
