"""Plain text and Markdown: UTF-8 (with BOM / UTF-16 detection), falling back to cp1252/latin-1."""

from __future__ import annotations

import re

from ..errors import ClauseCheckError
from ..models import Block, Document

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def extract_text(data: bytes, name: str, sha256: str, fmt: str = "txt") -> Document:
    """Decode a text file. The text keeps its lines so that offsets map to line and column."""
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise ClauseCheckError("E019", f"{name}: the file contains no text")
    blocks: list[Block] = []
    page = 1
    pos = 0
    for match in list(_PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        # a form feed (as pdftotext writes) starts a new page
        page += chunk.count("\f") if blocks else 0
        stripped_start = pos + (len(chunk) - len(chunk.lstrip()))
        stripped_end = pos + len(chunk.rstrip())
        if stripped_end > stripped_start:
            kind = "heading" if fmt == "md" and chunk.lstrip().startswith("#") else "paragraph"
            blocks.append(Block(page=page, start=stripped_start, end=stripped_end, kind=kind))
        if match:
            pos = match.end()
    pages = max((b.page for b in blocks), default=1)
    return Document(path=name, sha256=sha256, format=fmt, text=text, pages=pages, blocks=blocks)  # type: ignore[arg-type]
