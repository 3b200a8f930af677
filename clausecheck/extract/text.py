"""Plain text and Markdown: UTF-8 (with BOM / UTF-16 detection), line by line cp1252 fallback.

Invisible characters that would split words for the matchers (zero-width spaces and joiners,
bidi controls, soft hyphens, NUL and other control bytes) are removed; the offsets of the
report point into the cleaned text, which is what `Document.text` holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from ..errors import ClauseCheckError
from ..models import Block, BlockKind, Document
from .detect import utf16_variant
from .limits import Limits

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_LINE = re.compile(r"[^\n]+")
# a line this long is no hard-wrapped line (those stop at 65-100 characters): it holds a paragraph
_PARAGRAPH_LINE = 120
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe]"
)

_SURROGATE = re.compile("[\ud800-\udfff]")  # only an API caller's str can hold a lone one

# a page's footer or header line as filings printed to text keep them, inside paragraphs ("CONFIDENTIAL   Page 2 of 5
# Exhibit 10.18", "- 7 -", "Page 3"): a page count with its total anywhere on a short line, or a page number alone
_PAGE_LINE = re.compile(r"[^\S\n]*(?:[^\n]{0,60}\bpage\s+\d{1,4}\s+of\s+\d{1,4}\b[^\n]{0,60}|page\s+\d{1,4}"
                        r"|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014])[^\S\n]*$", re.IGNORECASE | re.MULTILINE)
# where such a line can be: "page" and a figure (read in the text lower-cased: a caseless regex, or one opening on a word
# boundary, tries every character, 0.5 CPU s over CUAD), or a line opening on a dash and a figure
_PAGE_WORD = re.compile(r"page\s+\d")
_PAGE_WORD_CASELESS = re.compile(r"page\s+\d", re.IGNORECASE)
_DASH_LINE = re.compile(r"^[^\S\n]*[-\u2013\u2014][^\S\n]*\d", re.MULTILINE)
_DIGITS = re.compile(r"\d+")


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    variant = utf16_variant(data[:8192])
    if variant:
        return data.decode(variant, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # mixed encodings happen (a UTF-8 file pasted into a cp1252 one): decide line by line
    return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def clean_text(text: str) -> str:
    """Normalise line ends and drop invisible characters; keeps every visible character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _SURROGATE.sub("\ufffd", _INVISIBLE.sub("", text))


def extract_text(
    data: bytes, name: str, sha256: str, fmt: str = "txt", *, limits: Limits | None = None
) -> Document:
    """Decode a text file. The text keeps its lines so that offsets map to line and column."""
    return text_document(decode_text(data), name, sha256, fmt, limits=limits)


def _paragraph_per_line(text: str) -> bool:
    """Whether each line holds a paragraph, as a word processor saves plain text (no blank line
    between paragraphs, a heading or a list item on a line of its own), rather than paragraphs
    hard-wrapped into lines and parted by blank lines: a fifth of the lines are too long to be
    wrapped lines. Then every line is a block of its own."""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    return sum(n > _PARAGRAPH_LINE for n in lengths) * 5 >= len(lengths) > 0


def furniture_key(line: str) -> str:
    """A line as page furniture is compared: its words with single spaces, its figures as "#"."""
    return _DIGITS.sub("#", " ".join(line.split()))


def _page_words(text: str) -> list[int]:
    """Where a page's footer or header line could be in `text` (offsets): "page" and a figure as a word of its own, a line
    opening on a dash and a figure."""
    low = text.lower()
    words = _PAGE_WORD.finditer(low) if len(low) == len(text) else _PAGE_WORD_CASELESS.finditer(text)  # "İ" is two
    return [m.start() for m in words if not (low[m.start() - 1:m.start()].isalnum() or low[m.start() - 1:m.start()] == "_")
            ] + [m.start() for m in _DASH_LINE.finditer(text)]


def printed_furniture(lines: list[str]) -> set[str]:
    """The furniture of pages printed into a document's lines (furniture_key of each), not the contract's text: a page's
    footer or header line with its page number, and the lines next to those that repeat at most page breaks
    ("Confidential - Exhibit 10.18", "CONFIDENTIAL TREATMENT REQUESTED"). A filing printed to text, or typeset again
    from it, has them between the halves of a paragraph, wherever its own pages break."""
    joined = "\n".join(lines)
    found = _page_words(joined)
    if not found:
        return set()
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    marks = {i for i in {bisect_right(starts, at) - 1 for at in found} if _PAGE_LINE.fullmatch(lines[i])}
    if not marks:
        return set()
    counts: Counter[str] = Counter()
    for i in marks:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines) and j not in marks:
                counts[furniture_key(lines[j])] += 1
    # a line beside the page number is furniture if it is at half the page breaks (two at least): the text that a
    # page ends or starts with changes from page to page
    threshold = max(2, len(marks) // 2)
    return {furniture_key(lines[i]) for i in marks} | {
        key for key, n in counts.items() if n >= threshold and len(key) <= _PARAGRAPH_LINE}


def text_document(
    text: str, name: str, sha256: str, fmt: str = "txt", *, limits: Limits | None = None
) -> Document:
    """A Document from already decoded text (a file's, or text given to the API)."""
    limits = limits or Limits()
    text = clean_text(text)
    if len(text) > limits.max_text_chars:
        raise ClauseCheckError(
            "E018", f"{name}: {len(text):,} characters of text is over the {limits.max_text_chars:,}-character limit"
        )
    if not text.strip():
        raise ClauseCheckError("E019", f"{name}: the file contains no text")
    blocks: list[Block] = []
    page = 1
    pos = 0
    # the furniture's characters become spaces: the offsets and lines stay those of the file, the paragraph around it
    # is two blocks that segmentation joins again as it does across a page break, and no matcher reads its words
    furniture = printed_furniture(text.split("\n"))
    if furniture:
        text = "\n".join(" " * len(line) if furniture_key(line) in furniture else line for line in text.split("\n"))
    by_line = _paragraph_per_line(text)
    for match in list(_PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        # a form feed (as pdftotext writes) starts a new page
        page += text.count("\f", pos, end) if blocks else 0
        pieces = [(m.start(), m.end()) for m in _LINE.finditer(text, pos, end)] if by_line else [(pos, end)]
        for start, stop in pieces:
            chunk = text[start:stop]
            stripped_start = start + (len(chunk) - len(chunk.lstrip()))
            stripped_end = start + len(chunk.rstrip())
            if stripped_end > stripped_start:
                kind: BlockKind = "heading" if fmt == "md" and chunk.lstrip().startswith("#") else "paragraph"
                blocks.append(Block(page=page, start=stripped_start, end=stripped_end, kind=kind))
        if match:
            pos = match.end()
    pages = max((b.page for b in blocks), default=1)
    return Document(path=name, sha256=sha256, format=fmt, text=text, pages=pages, blocks=blocks)  # type: ignore[arg-type]
