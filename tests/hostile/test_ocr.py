"""OCR of scanned pages (optional: runs where the tesseract program and pytesseract are installed)."""

from __future__ import annotations

import hostile_corpus as hc
import pytest

from clausecheck.config import Config
from clausecheck.engine import analyse_path
from clausecheck.extract import ocr

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="tesseract (OCR) is not installed")


@needs_tesseract
def test_scanned_contract_is_read_with_ocr(tmp_path):
    path = tmp_path / "scanned_contract.pdf"
    path.write_bytes(hc.make_pdf([hc.scan_image(hc.CONTRACT_TEXT)]))
    report = analyse_path(path)
    assert report.error is None, report.error
    assert any(n.startswith("W013") for n in report.notices)
    assert {"exclusivity", "governing_law"} <= {c.type.value for c in report.clauses}


@needs_tesseract
def test_only_the_scanned_page_is_ocred(tmp_path):
    path = tmp_path / "mixed.pdf"
    cover = hc.wrap("Schedule of signatures. Each party signs below by its authorised officer.")
    path.write_bytes(hc.make_pdf([cover, hc.scan_image(hc.CONTRACT[2])]))
    report = analyse_path(path)
    assert report.error is None
    assert any(n.startswith("W013 1 scanned page(s)") and ": 2 " in n for n in report.notices)
    assert report.clauses_of("exclusivity")[0].page == 2
    off = analyse_path(path, Config(limits={"max_ocr_pages": 0}))
    assert not off.clauses_of("exclusivity") and any(n.startswith("W012") for n in off.notices)


def test_without_tesseract_the_notice_says_how_to_enable_ocr(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / "signed.pdf"
    path.write_bytes(hc.make_pdf([hc.wrap(hc.CONTRACT_TEXT), hc.scan_image(None)]))
    report = analyse_path(path)
    assert report.error is None and report.clauses_of("exclusivity")
    notice = next(n for n in report.notices if n.startswith("W012"))
    assert "tesseract-ocr" in notice and "clausecheck[ocr]" in notice
    path.write_bytes(hc.make_pdf([hc.scan_image(hc.CONTRACT_TEXT)]))
    error = analyse_path(path).error
    assert error.code == "E012" and "tesseract-ocr" in error.hint
