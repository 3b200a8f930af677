"""The pipeline: file -> Document -> Clauses -> Findings -> Report."""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import __version__
from .config import Config
from .errors import ClauseCheckError
from .extract import extract, extract_str
from .models import (
    Document,
    DocumentReport,
    ErrorInfo,
    Finding,
    Report,
    Summary,
    ToolInfo,
)
from .nlp.detect import Detector
from .nlp.patterns import default_pattern_dirs
from .nlp.spelling import as_written, corrected, misspelt_key_words
from .rules import RULES, RuleContext
from .verdict import is_exclusive, protection_gaps

_NORMALISE = re.compile(r"[^a-z0-9]+")
_FR_WORDS = frozenset("le la les des du et est une pour par dans qui sur contrat".split())
_EN_WORDS = frozenset("the and of to shall this agreement any for with by".split())
_COUNTED = re.compile(rf"\b(?:{'|'.join(sorted(_FR_WORDS | _EN_WORDS, key=len, reverse=True))})\b")


@lru_cache(maxsize=4)
def _detector(pattern_dirs: tuple[Path, ...], lang: str) -> Detector:
    return Detector(list(pattern_dirs), lang)


@lru_cache(maxsize=8)
def _shipped_patterns(lang: str) -> tuple[Path, ...]:
    return tuple(default_pattern_dirs(lang))  # resolves paths on disk: once per process, not per document


def get_detector(config: Config) -> Detector:
    """One Detector per process and pattern set: building the matchers is the slow part."""
    dirs = (*_shipped_patterns(config.language), *(Path(p) for p in config.pattern_dirs))
    return _detector(tuple(dirs), config.language)


def quiet_gc() -> None:
    """End start-up for the cyclic garbage collector: freeze what it made, then collect rarely.

    `check` and `scan` turn the collector off while they import spaCy and build the pipeline
    and the matchers: long-lived objects and no garbage, which every collection walked (a quarter
    of a one-page check). Frozen, a full collection no longer walks them; a document allocates
    hundreds of thousands of short-lived objects, nearly all freed by reference counting, so the
    collector runs less often (about 5% of a scan worker's CPU time over the CUAD PDFs)."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    gc.enable()


def fingerprint(rule: str, clause_text: str | None) -> str:
    """Stable across runs and re-layouts: the rule and the clause's normalised words."""
    norm = _NORMALISE.sub(" ", (clause_text or "").lower()).strip()
    return hashlib.sha256(f"{rule}\x00{norm}".encode()).hexdigest()[:32]


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of an offset into text whose line breaks are \\n."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _text_position(doc: Document, start: int | None, end: int | None) -> dict[str, int]:
    # only TXT/MD text is the file's own text (newlines normalised), so only there do
    # offsets map to lines a user can open; PDF/DOCX text is a reconstruction
    if doc.format not in ("txt", "md") or start is None or end is None:
        return {}
    line, column = line_column(doc.text, start)
    end_line, end_column = line_column(doc.text, end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def guess_language(text: str) -> str:
    # only the words counted, whole words (as a \w+ split finds them), in one pass over the lower-cased
    # text: two case-insensitive alternations cost 3x more, listing every word a third more
    words = _COUNTED.findall(text[:20000].lower())
    fr = sum(map(_FR_WORDS.__contains__, words))
    en = len(words) - fr
    return "fr" if fr > en * 1.5 and fr > 20 else "en"


def analyse_document(doc: Document, config: Config | None = None, keep_source: bool = False) -> DocumentReport:
    """Detect clauses in an extracted Document and run the enabled rules on them.

    `keep_source` attaches the extracted text to the report (`DocumentReport.source`, which the
    HTML page shows); a batch leaves it off so that no contract's text outlives its analysis.
    """
    config = config or Config()
    misspelt = misspelt_key_words(doc.text)
    if misspelt:  # "as its exlusive distributor": read as spelt right, quoted and placed as written
        read, origin = corrected(doc, misspelt)
        clauses = as_written(get_detector(config).detect(read), doc.text, read.text, origin)
    else:
        clauses = get_detector(config).detect(doc)
    ctx = RuleContext(tuple(clauses), config)
    findings: list[Finding] = []
    for rule in RULES:
        if not config.rule_enabled(rule.code, doc.path):
            continue
        severity = config.severity.get(rule.code, rule.meta.severity)
        for violation in rule.check(ctx):
            clause = violation.clause
            ids = [c.id for c in (clause, *violation.related) if c is not None]
            findings.append(Finding(
                rule=rule.code, severity=severity, message=violation.message,
                clause_ids=list(dict.fromkeys(ids)),
                page=clause.page if clause else None, start=clause.start if clause else None,
                end=clause.end if clause else None, text=clause.text if clause else None,
                **_text_position(doc, clause.start if clause else None, clause.end if clause else None),
                recommendation=f"{rule.meta.fix}\n\nSuggested clause: {rule.meta.fallback_clause}",
                fingerprint=fingerprint(rule.code, clause.text if clause else doc.path),
            ))
    language = guess_language(doc.text)
    notices = list(doc.notices)
    if language != "en":
        notices.append(f"W020 the text looks like {language!r}; only English patterns exist, results may be incomplete")
    if misspelt:
        words = ", ".join(f"{word!r} ({key}?)" for word, key in misspelt)
        notices.append(f"W021 key words that look misspelt: {words}; read as the words they look like: check those "
                       "sentences")
    return DocumentReport(
        path=doc.path, sha256=doc.sha256, format=doc.format, language=language, pages=doc.pages,
        clauses=clauses, findings=findings, notices=notices, source=doc if keep_source else None,
    )


def analyse_path(path: str | Path, config: Config | None = None, keep_source: bool = False) -> DocumentReport:
    """Analyse one file; a file that cannot be analysed becomes an error entry, never an exception."""
    config = config or Config()
    try:
        doc = extract(path, password=config.password, limits=config.limits)
        return analyse_document(doc, config, keep_source)
    except Exception as exc:  # one bad file never stops a batch
        return _error_report(str(path), exc)


def _error_report(path: str, exc: Exception) -> DocumentReport:
    if isinstance(exc, ClauseCheckError):
        return DocumentReport(path=path, error=exc.info())
    if isinstance(exc, MemoryError):
        return DocumentReport(path=path, error=ClauseCheckError("E022", f"{path}: ran out of memory").info())
    return DocumentReport(
        path=path,
        error=ErrorInfo(code="E020", message=f"analysis failed: {type(exc).__name__}: {exc}",
                        hint="report this as a bug with the file if you can share it"),
    )


def with_source(doc: DocumentReport, config: Config | None = None) -> DocumentReport:
    """The report with its extracted text attached again (one read from JSON has none), for the HTML report.

    The file is extracted again, not analysed; when it changed since (another sha256) or cannot
    be read any more, the report is returned as it was and renderers fall back to the clauses.
    """
    if doc.source is not None or doc.error is not None:
        return doc
    config = config or Config()
    try:
        source = extract(doc.path, password=config.password, limits=config.limits)
    except Exception:  # the report is still worth showing without its text
        return doc
    if doc.sha256 is not None and source.sha256 != doc.sha256:
        return doc  # offsets would point into other text
    return doc.model_copy(update={"source": source})


def summarise(documents: list[DocumentReport], config: Config | None = None) -> Summary:
    by_rule: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    exclusive = unprotected = 0
    for d in documents:
        by_rule.update(f.rule for f in d.findings)
        by_severity.update(f.severity.value for f in d.findings)
        if is_exclusive(d):
            exclusive += 1
            unprotected += bool(protection_gaps(d, (config or Config()).max_probation_months))
    errors = sum(d.error is not None for d in documents)
    return Summary(
        documents=len(documents), analysed=len(documents) - errors, errors=errors,
        findings=sum(by_rule.values()), findings_by_rule=dict(sorted(by_rule.items())),
        findings_by_severity=dict(by_severity), exclusive_documents=exclusive,
        unprotected_exclusive_documents=unprotected,
    )


def build_report(documents: list[DocumentReport], config: Config | None = None) -> Report:
    return Report(tool=ToolInfo(version=__version__), documents=documents, summary=summarise(documents, config))


def analyze(path: str | Path, config: Config | None = None) -> Report:
    """Analyse one file and return a Report (errors are reported in it, not raised)."""
    return build_report([analyse_path(path, config, keep_source=True)], config)


def analyze_text(text: str, config: Config | None = None, name: str = "<text>") -> Report:
    """Analyse contract text given as a string (errors are reported in the Report, not raised)."""
    config = config or Config()
    try:
        doc = extract_str(text, name, limits=config.limits)
        report = analyse_document(doc, config, keep_source=True)
    except Exception as exc:  # noqa: BLE001 - same contract as analyse_path
        report = _error_report(name, exc)
    return build_report([report], config)
