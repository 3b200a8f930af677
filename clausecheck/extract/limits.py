"""Resource limits for extraction (settings with sane defaults).

Every limit bounds the work or the memory one hostile file can cost. pdfium calls cannot be
interrupted in-process, so a PDF is bounded by its size, its page count, the decompressed size
of each stream (checked before pdfium sees the file) and the text of each page; the time limit
is checked between pages. `clausecheck scan` adds a hard per-document timeout
(`timeout_seconds`) and a memory rlimit (`memory_mb`) in its worker processes.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_file_bytes: int = Field(default=200 * 1024 * 1024, ge=1, description="Largest file read at all.")
    max_pages: int = Field(default=5000, ge=1, description="Most pages in a PDF.")
    max_text_chars: int = Field(
        default=20_000_000, ge=1, description="Most characters of extracted text (about 6,000 dense pages)."
    )
    max_page_chars: int = Field(default=200_000, ge=1, description="Most characters of text on one PDF page.")
    max_pdf_stream_bytes: int = Field(
        default=128 * 1024 * 1024, ge=1, description="Largest decompressed (Flate) stream in a PDF."
    )
    max_seconds: float = Field(
        default=120, gt=0, description="Time limit for extracting a PDF, checked during the stream check and between pages."
    )
    max_docx_uncompressed_bytes: int = Field(default=256 * 1024 * 1024, ge=1)
    max_docx_xml_bytes: int = Field(default=64 * 1024 * 1024, ge=1, description="Largest XML part of a DOCX.")
    max_docx_ratio: int = Field(default=200, ge=1, description="Largest compression ratio of a DOCX part.")
    max_docx_parts: int = Field(default=5000, ge=1)
    max_ocr_pages: int = Field(
        default=50, ge=0, description="Most scanned pages OCRed per PDF when Tesseract is installed (0: no OCR)."
    )
    timeout_seconds: float = Field(
        default=300, gt=0, description="`scan`: wall-clock limit per document; the worker is killed after it (E021)."
    )
    memory_mb: int = Field(
        default=1024, ge=64,
        description="Memory ceiling per document, in MB: how far a `scan` worker's address space may grow beyond "
        "its start-up size (RLIMIT_AS; E022 when exceeded). Inputs are bounded to stay under it.",
    )
