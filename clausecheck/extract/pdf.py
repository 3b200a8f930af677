"""PDF: pypdfium2 reads the text layer (fast); lines are reflowed into paragraphs, page by page.

pdfplumber's layout engine is about 50x slower on real contracts and is not needed for
reading order of single-column text; table rows come out of pdfium one line per row.
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import ClauseCheckError
from ..models import BlockKind, Document
from .assemble import assemble, clean_inline
from .limits import Limits

_ENUMERATOR = re.compile(
    r"^(\(?[0-9]{1,3}(\.[0-9]{1,3})*\.?\)?|\([a-zA-Z]{1,4}\)|[a-z]\)|[ivxIVX]{1,5}\.|"
    r"article\b|section\s+\d|schedule\b|exhibit\b|annex\b|appendix\b|whereas\b|now,? therefore\b)",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-\u2013\u2014 ]*\d{1,4}[-\u2013\u2014 ]*(\s*(of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_TERMINAL = (".", ":", ";", "!", "?")


def _open(data: bytes, name: str, password: str | None):  # noqa: ANN202 - pdfium type
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text:
            if password:
                raise ClauseCheckError("E013", f"{name}: the password given does not open this PDF") from exc
            raise ClauseCheckError("E013", f"{name}: the PDF is encrypted with a password") from exc
        if "security" in text:
            raise ClauseCheckError("E013", f"{name}: unsupported PDF encryption") from exc
        raise ClauseCheckError("E011", f"{name}: corrupt or truncated PDF ({exc})") from exc


def _page_lines(pdf, index: int) -> list[str]:  # noqa: ANN001
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in raw.split("\n")]


def _furniture(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        kept = [line.strip() for line in lines if line.strip()]
        edge = set(kept[:2] + kept[-2:])
        counts.update(_DIGITS.sub("#", line) for line in edge)
    threshold = max(3, int(len(pages) * 0.5))
    return {line for line, n in counts.items() if n >= threshold}


def _reflow(lines: list[str], furniture: set[str]) -> list[tuple[BlockKind, str]]:
    # a line can only be furniture if its first character (a digit counting as "#") starts one:
    # this spares a regex substitution on nearly every line
    heads = {f[:1] for f in furniture}
    kept = []
    for line in lines:
        text = line.strip()
        if _PAGE_NUMBER.match(text):
            continue
        if heads and ("#" if text[:1].isdecimal() else text[:1]) in heads and _DIGITS.sub("#", text) in furniture:
            continue
        kept.append(text)
    lengths = sorted(len(line) for line in kept if line)
    # a robust "full line" width: long outliers (headers, URLs) must not set it
    width = lengths[int(len(lengths) * 0.8)] if lengths else 0
    blocks: list[tuple[BlockKind, str]] = []
    current: list[str] = []
    prev = ""

    def flush() -> None:
        if current:
            text = clean_inline(" ".join(current))
            if text:
                kind: BlockKind = "heading" if _is_heading(text) else "paragraph"
                blocks.append((kind, text))
            current.clear()

    for line in kept:
        if not line:
            flush()
            prev = ""
            continue
        wrapped = prev and len(prev) >= 0.7 * width and not prev.endswith(_TERMINAL)
        if current and wrapped and not _ENUMERATOR.match(line):
            if prev.endswith(("-", "\ufffe", "\x02")) and line[:1].islower():
                current[-1] = current[-1].rstrip("-\ufffe\x02")
                current[-1] += line
            else:
                current.append(line)
        elif current and prev and prev.endswith(("\ufffe", "\x02")):
            current[-1] = current[-1].rstrip("\ufffe\x02") + line
        else:
            flush()
            current.append(line)
        prev = line
    flush()
    return blocks


def _is_heading(text: str) -> bool:
    if len(text) >= 80:  # checked first: counting letters of every long paragraph is wasted work
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def extract_pdf(
    data: bytes, name: str, sha256: str, *, password: str | None = None, limits: Limits | None = None
) -> Document:
    limits = limits or Limits()
    pdf = _open(data, name, password)
    try:
        count = len(pdf)
        if count == 0:
            raise ClauseCheckError("E011", f"{name}: the PDF has no pages")
        if count > limits.max_pages:
            raise ClauseCheckError("E018", f"{name}: {count:,} pages is over the {limits.max_pages:,}-page limit")
        pages: list[list[str]] = []
        for i in range(count):
            try:
                pages.append(_page_lines(pdf, i))
            except Exception:  # a broken page must not lose the others
                pages.append([])
    finally:
        pdf.close()
    furniture = _furniture(pages)
    parts: list[tuple[int, BlockKind, str]] = []
    empty_pages: list[int] = []
    for number, lines in enumerate(pages, start=1):
        page_blocks = _reflow(lines, furniture)
        if not page_blocks:
            empty_pages.append(number)
        parts.extend((number, kind, text) for kind, text in page_blocks)
    if len(empty_pages) == count:
        raise ClauseCheckError("E012", f"{name}: no page has a text layer (scanned PDF?)")
    text, blocks = assemble(parts)
    notices = []
    if empty_pages:
        listed = ", ".join(str(n) for n in empty_pages[:10]) + ("…" if len(empty_pages) > 10 else "")
        notices.append(
            f"W012 {len(empty_pages)} page(s) without a text layer were not analysed: {listed} "
            "(scanned? run OCR to include them)"
        )
    return Document(
        path=name, sha256=sha256, format="pdf", text=text, pages=count, blocks=blocks, notices=notices
    )
