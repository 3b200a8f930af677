"""File bytes -> Document. Nothing above this package knows about file formats."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import ClauseCheckError
from ..models import Document
from .detect import detect_format
from .limits import Limits

__all__ = ["Limits", "detect_format", "extract", "extract_bytes", "extract_str"]


def extract(path: str | Path, *, password: str | None = None, limits: Limits | None = None) -> Document:
    """Read a file and return its text with pages and offsets."""
    limits = limits or Limits()
    p = Path(path)
    try:
        if not p.exists():
            raise ClauseCheckError("E001", f"{p}: file not found")
        if p.is_dir():
            raise ClauseCheckError("E002", f"{p}: is a directory", "pass files, or use `clausecheck scan`")
        if not p.is_file():  # reading a FIFO or a device would block or never end
            raise ClauseCheckError("E002", f"{p}: not a regular file (a pipe, socket or device)")
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            raise ClauseCheckError(
                "E018", f"{p}: {size:,} bytes is over the {limits.max_file_bytes:,}-byte limit"
            )
        data = p.read_bytes()
    except PermissionError as exc:
        raise ClauseCheckError("E002", f"{p}: permission denied") from exc
    except OSError as exc:
        if isinstance(exc, ClauseCheckError):
            raise
        raise ClauseCheckError("E002", f"{p}: {exc.strerror or exc}") from exc
    return extract_bytes(data, str(path), password=password, limits=limits)


def extract_bytes(
    data: bytes, name: str = "<bytes>", *, password: str | None = None, limits: Limits | None = None
) -> Document:
    """Extract text from a file's bytes; `name` is only used for messages and the extension."""
    limits = limits or Limits()
    if not data:
        raise ClauseCheckError("E003", f"{name}: file is empty")
    fmt = detect_format(data, name)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "pdf":
        from .pdf import extract_pdf

        return extract_pdf(data, name, sha, password=password, limits=limits)
    if fmt == "docx":
        from .docx import extract_docx

        return extract_docx(data, name, sha, limits=limits)
    from .text import extract_text

    return extract_text(data, name, sha, fmt=fmt, limits=limits)


def extract_str(text: str, name: str = "<text>", *, limits: Limits | None = None) -> Document:
    """A Document from text given as a string (any str: lone surrogates become U+FFFD)."""
    from .text import clean_text, text_document

    sha = hashlib.sha256(clean_text(text).encode("utf-8")).hexdigest()
    return text_document(text, name, sha, "md" if name.lower().endswith((".md", ".markdown")) else "txt",
                         limits=limits)
