"""Join extracted blocks into one text, remembering each block's page and offsets."""

from __future__ import annotations

import re
import unicodedata

from ..models import Block, BlockKind

# control, zero-width and bidi-control characters: invisible, and they would split words for the matchers
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\ufffe]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")


def clean_inline(text: str) -> str:
    """Normalise a block's text: NFKC, no control or zero-width characters, single spaces."""
    if not text.isascii():  # NFKC leaves ASCII unchanged
        # a no-break space, NFKC's space, is most PDFs' only non-ASCII character: replaced by hand,
        # the text is ASCII again and skips the normalisation (a third of the blocks of CUAD's PDFs)
        text = text.replace("\xa0", " ")
        if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
    # every character the two substitutions below change is non-printable, except a double space
    if text.isprintable() and "  " not in text:  # the common case: nothing to clean
        return text.strip()
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text).strip()


def assemble(parts: list[tuple[int, BlockKind, str]]) -> tuple[str, list[Block]]:
    """Join (page, kind, text) parts with blank lines; return the text and its blocks."""
    chunks: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for page, kind, text in parts:
        if not text:
            continue
        if chunks:
            # table rows of one table stay on consecutive lines; everything else is a paragraph
            sep = "\n" if kind == "table_row" and blocks and blocks[-1].kind == "table_row" else "\n\n"
            chunks.append(sep)
            offset += len(sep)
        chunks.append(text)
        # validated: pydantic-core builds a Block in compiled code, faster than model_construct's
        # Python (the values, computed here, always pass)
        blocks.append(Block(page=page, start=offset, end=offset + len(text), kind=kind))
        offset += len(text)
    return "".join(chunks), blocks
