"""Resource limits for extraction (settings with sane defaults)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Limits(BaseModel):
    max_file_bytes: int = Field(default=200 * 1024 * 1024, ge=1)
    max_pages: int = Field(default=5000, ge=1)
    max_docx_uncompressed_bytes: int = Field(default=512 * 1024 * 1024, ge=1)
    max_docx_ratio: int = Field(default=200, ge=1, description="Largest compression ratio of a DOCX part.")
    max_docx_parts: int = Field(default=5000, ge=1)
    timeout_seconds: float = Field(
        default=300, gt=0, description="`scan`: wall-clock limit per document; the worker is killed after it (E021)."
    )
    memory_mb: int = Field(
        default=2048, ge=64,
        description="`scan`: how far a worker's address space may grow beyond its start-up size (E022 when exceeded).",
    )
