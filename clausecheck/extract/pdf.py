"""PDF: pypdfium2 reads the text layer (fast); lines are reflowed into paragraphs, page by page.

pdfplumber's layout engine is about 50x slower on real contracts and is not needed for
reading order of single-column text; table rows come out of pdfium one line per row.
"""

from __future__ import annotations

import codecs
import ctypes
import re
import time
import zlib
from collections import Counter
from contextlib import closing

from ..errors import OCR_HINT, ClauseCheckError
from ..models import BlockKind, Document
from ..wordlists import NEVER_LAST, NUMBER_WORDS, ORDINALS
from .assemble import assemble, clean_inline
from .limits import Limits
from .text import furniture_key, printed_furniture

_ORDINALS = tuple(word.upper() for word in ORDINALS)
_ENUMERATOR = re.compile(
    # (a day of a date is no item: "... beginning on 1 January," + "1 April, 1 July or 1 October")
    r"^(\(?[0-9]{1,3}(\.[0-9]{1,3})*\.?\)?(?![0-9]|,[0-9]|\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b)|\([a-zA-Z]{1,4}\)|[a-z]\)|[ivxIVX]{1,5}\.|"
    r"article\b|(?:section|clause|part)\s+\d|item\s+\d|schedule\b|exhibit\b|annex\b|appendix\b|whereas\b|now,? therefore\b|[-–•·●▪◦]\s|"
    # clauses numbered by an ordinal word in capitals, as older agreements do: "SIXTH: MINIMUM PURCHASES."
    rf"(?-i:(?:TWENTY-|THIRTY-)?(?:{'|'.join(_ORDINALS)})[:.]\s))",
    re.IGNORECASE,
)
# "Initial Term: two (2) years", "Governing law: State of Ohio": a label of one to five words, the first capitalised (in
# Markdown bold too: "**Territory:** Ontario")
_LABELLED = re.compile(r"^(?:\*\*|__)?[A-Z][\w'’()/&-]*(?: [\w'’()/&-]+){0,4}:(?:\*\*|__)? \S")
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-\u2013\u2014 ]*\d{1,4}[-\u2013\u2014 ]*(\s*(of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$",
    re.IGNORECASE,
)
_TERMINAL = (".", ":", ";", "!", "?")
# within a page a line break, unlike a blank line between paragraphs, cannot come after these either (a list's "; and"
# goes on only into a line that is not an item: see _cut_short)
_CANNOT_END = NEVER_LAST | frozenset("onto without that which who our your this these those shall will may must is are be not "
                                     "when as but".split())
# an item of a list can end on these before the next item's lead-in ("(b) ... at its sole cost and" + "The Distributor
# shall, at its own expense:"): a short line ending on one goes on only in lower case
_JOINING = frozenset(("and", "or", "nor"))
# a number in words and its figure in brackets ("AT LEAST SIXTY" + "(60) DAYS", "the fifteenth" + "(15th) anniversary"):
# a line starting with the figure goes on after the words, in capitals too, and is no item "(60)"
_NUMBERS = NUMBER_WORDS.keys() | ORDINALS.keys()
_FIGURE = re.compile(r"\(\d[\d,.]*(?:st|nd|rd|th)?\)\s", re.IGNORECASE)


# a row of a table drawn with bars, and a line of one whose first cell is empty (the rest of a row above)
_GRID_ROW = re.compile(r"\|[^\n]*\|")
_GRID_BORDER = re.compile(r"\+[-=:+]{3,}\+")
_GRID_CONTINUATION = re.compile(r"\|\s*\|[^\n]*\|")
# an item of a list that ends on "; and" / "; or", and a line that starts a definition: '"Year" means', '“Net Sales” shall mean'
_ITEM_JOINED = re.compile(r";\s*(?:and|or|and/or)$", re.IGNORECASE)
_DEFINITION_START = re.compile(r"[\"“][A-Z][^\"”]{0,80}[\"”]\s+(?:means|shall\s+mean|has\s+the\s+meaning|includes|refers)\b")


def _figure_again(prev: str, line: str) -> bool:
    return line.startswith("(") and prev.rsplit(None, 1)[-1].lower() in _NUMBERS and bool(_FIGURE.match(line))


def _cut_short(prev: str, line: str, continued: bool) -> bool:
    """Whether a line shorter than a full one still goes on into the next: a hard-wrapped text typeset on a narrower page
    (or a paragraph mark at each of its lines) wraps each line again and leaves a short piece ("... in this document are
    for the" + "negotiation only and" + "do not form part of the agreement."). It does when it ends on a word no
    paragraph ends on, or the next line goes on in lower case (not a list item: "(a) the Territory"), or the piece
    itself went on from a line before and stops on a word ("... SoftGrunts" + "shall notify" + "Fjordleik in writing",
    "... lower than its" + "Net" + "Purchases in the same Quarters") before a line that is not a new item, heading,
    label or definition ('"Trade Marks" means')."""
    if prev.endswith(_TERMINAL) or prev.startswith("|"):
        return False
    if _ENUMERATOR.match(line):
        return _figure_again(prev, line)
    last = prev.rsplit(None, 1)[-1]
    if last.lower() in _CANNOT_END:
        return True
    if line[:1].islower():
        return last[-1:].isalnum() or last.endswith(",")
    # a paragraph in capitals that went on over a line has no lower case to tell its next line by, and its lines hold fewer
    # letters than a full line of text: it goes on after a word ("... IS NOT SUBJECT TO ANY TRIAL, PROBATIONARY OR" +
    # "EVALUATION PERIOD. SUPPLIER SHALL ...") into a line in capitals that is not an item or a label
    if continued and _in_capitals(prev) and _in_capitals(line) and last[-1:].isalnum() and line[:1].isalnum():
        return not _LABELLED.match(line)
    # (a line starting with a mark is an item: ">> Food News: 180,000 subscribers per month")
    return continued and last[-1:].isalnum() and line[:1].isalnum() and last.lower() not in _JOINING and not (
        _LABELLED.match(line) or _is_heading(line))


# "endstream" is skipped in the loop: a lookbehind first in the pattern would stop `re` from
# jumping between occurrences of the literal (0.6 s -> 0.03 s over CUAD's 59 MB of PDF)
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_INFLATE_STEP = 1 << 20
# Deflate cannot expand more than 1032:1 (a 258-byte copy in 2 bits), plus a few bytes: a stream
# starting with fewer bytes than limit / _MAX_RATIO left in the file cannot break the limit
_MAX_RATIO = 1100


def _check_streams(data: bytes, name: str, limits: Limits, deadline: float) -> None:
    """Inflate every Flate stream (bounded, in steps) before pdfium does it without a bound.

    pdfium decompresses a page's streams in one piece and cannot be interrupted: a 1 MB stream
    that inflates to 100 GB would take the memory and the time. Other filters are left to pdfium.
    """
    total = 0
    view = memoryview(data)  # a stream's first 64 KB read in place, not copied
    for match in _STREAM.finditer(data):
        if data[max(match.start() - 3, 0):match.start()] == b"end":
            continue
        left = (len(data) - match.end()) * _MAX_RATIO
        if left <= limits.max_pdf_stream_bytes and total + left <= 32 * limits.max_pdf_stream_bytes:
            break  # neither this stream nor the ones after it can inflate past a limit: not inflated
        inflater = zlib.decompressobj()
        size = 0
        pos = match.end()
        pending: bytes | memoryview = view[pos:pos + 65536]
        pos += len(pending)
        try:
            while pending and not inflater.eof:
                size += len(inflater.decompress(pending, _INFLATE_STEP))
                if size > limits.max_pdf_stream_bytes:
                    raise ClauseCheckError(
                        "E018", f"{name}: a stream inflates past the {limits.max_pdf_stream_bytes:,}-byte "
                        "limit (PDF bomb?)"
                    )
                if inflater.unconsumed_tail:
                    pending = inflater.unconsumed_tail
                else:
                    pending = view[pos:pos + 65536]
                    pos += len(pending)
                if time.monotonic() > deadline:
                    raise ClauseCheckError("E025", f"{name}: over the {limits.max_seconds:g}-second time limit "
                                           "while checking its streams")
        except zlib.error:
            pass  # not Flate data (or broken): pdfium decides what to do with it
        total += size
        if total > 32 * limits.max_pdf_stream_bytes:
            raise ClauseCheckError("E018", f"{name}: its streams inflate past {total:,} bytes in all (PDF bomb?)")


def _open(data: bytes, name: str, password: str | None):  # noqa: ANN202 - pdfium type
    import pypdfium2 as pdfium

    try:
        # pdfium reads the bytes in place: an empty password is tried first by pdfium itself
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


def _page_lines(pdfium_c, page, name: str, number: int, limits: Limits) -> list[str]:  # noqa: ANN001
    """A page's text lines, as pypdfium2's `get_textpage().get_text_range()` reads them, through
    pdfium's own calls: its helper objects (each with a finalizer, closed through their parent)
    cost a twentieth of extraction time."""
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        chars = pdfium_c.FPDFText_CountChars(textpage)
        if chars > limits.max_page_chars:
            raise ClauseCheckError(
                "E018", f"{name}: page {number} has {chars:,} characters, over the "
                f"{limits.max_page_chars:,}-character page limit"
            )
        raw = _text_range(pdfium_c, textpage, chars)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in raw.split("\n")]


def _text_range(pdfium_c, textpage, chars: int) -> str:  # noqa: ANN001
    # chars pdfium leaves out of the text at either end are skipped first, as pypdfium2 does: with
    # them pdfium would read past the range (https://crbug.com/pdfium/2079)
    first, last = 0, chars - 1
    while first <= last and pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, first) == -1:
        first += 1
    while first <= last and pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, last) == -1:
        last -= 1
    if first > last:
        return ""
    size = (pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, last) + 2
            - pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, first))  # with the closing NUL
    buffer = (ctypes.c_ushort * size)()
    written = pdfium_c.FPDFText_GetText(textpage, first, last - first + 1, buffer)
    return codecs.decode(memoryview(buffer)[:written - 1], "utf-16-le", "ignore")


def _furniture(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        kept = [line.strip() for line in lines if line.strip()]
        edge = set(kept[:2] + kept[-2:])
        counts.update(furniture_key(line) for line in edge)
    threshold = max(3, int(len(pages) * 0.5))
    return {line for line, n in counts.items() if n >= threshold}


def _line_width(pages: list[list[str]]) -> int:
    """A robust "full line" width for the whole document: long outliers must not set it, and a
    page of short lines (a schedule, a table) must not make every line look full."""
    lengths = sorted(len(line.strip()) for lines in pages for line in lines if line.strip())
    return lengths[int(len(lengths) * 0.8)] if lengths else 0


_REFERENCE_WORDS = frozenset(("section", "sections", "clause", "clauses", "part", "parts", "article", "articles", "paragraph",
                              "paragraphs", "§", "§§", "schedule", "annex", "exhibit", "appendix"))


def reflow(lines: list[str], furniture: set[str], width: int) -> list[tuple[BlockKind, str]]:
    """A page's lines (the longest about `width` characters) joined into paragraphs, page numbers and the running
    `furniture` left out; also the paragraphs of a Word document that are a hard-wrapped text's lines."""
    # a line can only be furniture if its first character (a digit counting as "#") starts one:
    # this spares a regex substitution on nearly every line
    heads = {f[:1] for f in furniture}
    kept = []
    for line in lines:
        text = line.strip()
        if _PAGE_NUMBER.match(text):
            continue
        if heads and ("#" if text[:1].isdecimal() else text[:1]) in heads and furniture_key(text) in furniture:
            continue
        kept.append(text)
    blocks: list[tuple[BlockKind, str]] = []
    single: list[bool] = []  # whether each block is one short line (a table row candidate)
    current: list[str] = []
    prev = ""
    full, wide = 0.7 * width, 0.9 * width  # a full line, a very full one

    def flush() -> None:
        if current:
            text = clean_inline(" ".join(current))
            if text:
                kind: BlockKind = "heading" if _is_heading(text) else "paragraph"
                blocks.append((kind, text))
                single.append(len(current) == 1 and len(text) < full and not text.endswith(_TERMINAL))
            current.clear()

    for line in kept:
        if not line or _GRID_BORDER.fullmatch(line):  # (a grid table's border, "+------+------+", parts rows as a blank line)
            flush()
            prev = ""
            continue
        if current and len(current) == 1 and _GRID_ROW.fullmatch(current[0]) and _GRID_CONTINUATION.fullmatch(line):
            # a row of a grid table whose cells run over several lines: a line with its first cell empty ("|   | can make up
            # the shortfall ... |") goes on in the row above, cell by cell
            above, more = current[0].strip("|").split("|"), line.strip("|").split("|")
            if len(above) == len(more):
                current[0] = "| " + " | ".join(f"{a.strip()} {b.strip()}".strip() for a, b in zip(above, more, strict=True)) + " |"
                prev = current[0]
                continue
        if prev and len(prev) >= full:
            # a full-width line ending in a full stop is a sentence ending mid-paragraph, not the
            # paragraph's end: the next sentence goes on in the same block
            # (and a line starting in lower case after one ending in ";" or "." goes on: "... Year;" + "provided, however")
            # (but a heading in capitals after a line of text starts a block: '... of 45 Brisbane Road ("Dealer")' +
            # "BACKGROUND")
            wrapped = not prev.endswith(_TERMINAL) and not (
                _is_heading(line) and not _in_capitals(prev) and prev.rsplit(None, 1)[-1].lower() not in _CANNOT_END
            ) or (line[:1].islower() and not _ENUMERATOR.match(line)) or (
                # (or a defined word's opening quote after a ";": "... from the Effective Date;" + '"Effective Date" means
                # ...', a definitions paragraph going on; after a full stop a definition may start a paragraph of its own)
                len(prev) >= wide and (line[:1].isupper() or prev.endswith(";") and line.lstrip("\"“‘'")[:1].isupper())
                and not _ENUMERATOR.match(line)
                and not _is_heading(line) and not _is_title_line(line, width))
        else:
            wrapped = bool(prev) and _cut_short(prev, line, len(current) > 1)
        if wrapped and _ITEM_JOINED.search(prev) and _DEFINITION_START.match(line):
            wrapped = False  # a definitions list: '"Term" means ...; and' + '"Year" means ...' (the next definition)
        if current and (current[0].startswith("|") or line.startswith("|")) and prev.endswith("|"):
            wrapped = False  # a row of a table drawn with bars ends at its closing bar (the rest of one a page break cut too)
        elif current and current[0].startswith("|") and line.endswith("|") and not line.startswith("|"):
            wrapped = True  # and goes on to it: "| Morocco | None | Year 2:" + "180 machines |"
        if current and wrapped and _LABELLED.match(line) and _LABELLED.match(current[0]):
            # a key-terms list, one "Label: value" line after another ("Supply commitment: ... (see Section 3)" +
            # "Initial Term: two (2) years ..."): each line is an item, however long the one before
            wrapped = False
        if current and wrapped:
            # a wrapped line ending in a lower-case word ("... set out in") goes on, even into
            # "Section 2.1" or "(i)": a new paragraph would follow punctuation
            last = prev.rsplit(None, 1)[-1].replace("-", "")  # "forty-five" | "(45) days": a hyphenated word too
            # so does one ending in a word that names a clause by its number ("the amount in Section" + "5.1, Vendor may"),
            # or in a comma before a clause named so ("... in a Program Year," + "Section 2 falls away on ...")
            wrapped = (last.isalpha() and last.islower()) or last.lower() in _REFERENCE_WORDS or not _ENUMERATOR.match(line) or (
                last.endswith(",") and line.split(None, 1)[0].lower() in _REFERENCE_WORDS) or _figure_again(prev, line)
        if current and wrapped:
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
    return _mark_tables(blocks, single)


_SECTION = re.compile(r"^(\d{1,3}(\.\d{1,3})*\.?|article|section|schedule|exhibit|annex)\s+\w", re.IGNORECASE)


def _is_row(text: str) -> bool:
    return any(map(str.isdigit, text)) and not _SECTION.match(text) and ":" not in text


def _mark_tables(blocks: list[tuple[BlockKind, str]], single: list[bool]) -> list[tuple[BlockKind, str]]:
    """Runs of short one-line blocks with figures are table rows (a quota schedule, a price list);
    the short line just above such a run is its header row."""
    out = list(blocks)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and single[j] and _is_row(blocks[j][1]):
            j += 1
        if j - i >= 2:
            header = i > 0 and single[i - 1] and blocks[i - 1][0] != "heading" and not _SECTION.match(blocks[i - 1][1])
            start = i - 1 if header else i
            for k in range(start, j):
                out[k] = ("table_row", blocks[k][1])
            i = j
        else:
            i += 1
    return out


def _is_title_line(line: str, width: int) -> bool:
    """A short Title Case line with no closing punctuation ("Recitals", "Minimum Purchase Targets")."""
    words = line.split()
    return (len(line) < 0.5 * width and 0 < len(words) <= 6 and not line.endswith((*_TERMINAL, ","))
            and all(w[:1].isupper() or len(w) <= 3 for w in words) and words[-1].lower() not in _CANNOT_END)


def _is_heading(text: str) -> bool:
    # the length checked first: counting letters of every long paragraph is wasted work
    return len(text) < 80 and _in_capitals(text)


def _in_capitals(text: str) -> bool:
    letters = list(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8


def extract_pdf(
    data: bytes, name: str, sha256: str, *, password: str | None = None, limits: Limits | None = None
) -> Document:
    import pypdfium2.raw as pdfium_c

    from . import ocr

    limits = limits or Limits()
    deadline = time.monotonic() + limits.max_seconds
    _check_streams(data, name, limits, deadline)
    pdf = _open(data, name, password)
    use_ocr = limits.max_ocr_pages > 0 and ocr.available()
    ocred: list[int] = []
    over_ocr_limit = False
    chars = 0
    try:
        count = len(pdf)
        if count == 0:
            raise ClauseCheckError("E011", f"{name}: the PDF has no pages")
        if count > limits.max_pages:
            raise ClauseCheckError("E018", f"{name}: {count:,} pages is over the {limits.max_pages:,}-page limit")
        pages: list[list[str]] = []
        for i in range(count):
            if time.monotonic() > deadline:
                raise ClauseCheckError(
                    "E025", f"{name}: over the {limits.max_seconds:g}-second time limit at page {i + 1} of {count}"
                )
            page = pdfium_c.FPDF_LoadPage(pdf.raw, i)
            if not page:  # a broken page must not lose the others
                pages.append([])
                continue
            try:
                try:
                    lines = _page_lines(pdfium_c, page, name, i + 1, limits)
                except (ClauseCheckError, MemoryError):
                    raise
                except Exception:  # noqa: BLE001 - a broken page must not lose the others
                    lines = []
            finally:
                pdfium_c.FPDF_ClosePage(page)
            if not any(line.strip() for line in lines):
                if use_ocr and len(ocred) < limits.max_ocr_pages:
                    with closing(pdf[i]) as helper_page:
                        text = ocr.ocr_page(helper_page, timeout=max(deadline - time.monotonic(), 1))
                    lines = text.replace("\r", "\n").split("\n")[: limits.max_page_chars]
                    ocred.append(i + 1)
                elif use_ocr:
                    over_ocr_limit = True
            chars += sum(len(line) for line in lines)
            if chars > limits.max_text_chars:
                raise ClauseCheckError(
                    "E018", f"{name}: over {limits.max_text_chars:,} characters of text by page {i + 1}"
                )
            pages.append(lines)
    finally:
        pdf.close()
    # and the footers a filing printed to text kept, wherever the pages of this PDF break
    furniture = _furniture(pages) | printed_furniture([line for lines in pages for line in lines])
    width = _line_width(pages)
    parts: list[tuple[int, BlockKind, str]] = []
    empty_pages: list[int] = []
    for number, lines in enumerate(pages, start=1):
        page_blocks = reflow(lines, furniture, width)
        if not page_blocks:
            empty_pages.append(number)
        parts.extend((number, kind, text) for kind, text in page_blocks)
    if len(empty_pages) == count:
        if ocred:
            raise ClauseCheckError("E012", f"{name}: no page has a text layer and OCR read no text from "
                                   f"{len(ocred)} page(s)", "check the scan: is it legible, upright and in English?")
        if over_ocr_limit:
            raise ClauseCheckError("E012", f"{name}: no page has a text layer", "raise limits.max_ocr_pages")
        raise ClauseCheckError("E012", f"{name}: no page has a text layer (scanned PDF?)")
    text, blocks = assemble(parts)
    notices = []
    if ocred:
        notices.append(f"W013 {len(ocred)} scanned page(s) were read with OCR: {_listed(ocred)} "
                       "(check clauses found there against the scan)")
    missing = [n for n in empty_pages if n not in ocred]
    if missing:
        why = ("over the OCR page limit (limits.max_ocr_pages)" if over_ocr_limit
               else "scanned? to include them, " + OCR_HINT)
        notices.append(f"W012 {len(missing)} page(s) without a text layer were not analysed: {_listed(missing)} "
                       f"({why})")
    return Document(
        path=name, sha256=sha256, format="pdf", text=text, pages=count, blocks=blocks, notices=notices
    )


def _listed(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:10]) + ("…" if len(numbers) > 10 else "")
