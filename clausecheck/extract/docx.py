"""DOCX: body paragraphs and tables in document order, tracked changes accepted, list numbers kept.

python-docx's `paragraph.text` drops runs inside `w:ins` (and `w:del`), so the paragraph XML is
walked directly: inserted text is kept, deleted text (`w:del`, `w:delText`, `w:moveFrom`) is not.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..errors import ClauseCheckError
from ..models import BlockKind, Document
from .assemble import assemble, clean_inline
from .limits import Limits
from .pdf import reflow
from .text import printed_furniture

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "delText", W + "instrText",
         W + "fldData", W + "footnoteReference", W + "commentReference"}


_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"),
                "<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be"))
_CHUNK = 1 << 20
_OVERLAP = 32  # longer than any marker, so one split across two chunks is still seen


def _declares_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the part has markup `<!DOCTYPE`/`<!ENTITY` anywhere (text would escape the `<`).

    The whole part is read in steps: comments or processing instructions may push a DTD past
    any fixed-size prolog. zipfile stops at the declared size, which is already within the limit.
    """
    tail = b""
    with zf.open(info) as part:
        while chunk := part.read(_CHUNK):
            window = tail + chunk
            if any(marker in window for marker in _DTD_MARKERS):
                return True
            tail = window[-_OVERLAP:]
    return False


def _check_zip(data: bytes, name: str, limits: Limits) -> None:
    """Refuse bombs and entity attacks before python-docx reads (and inflates) every part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_docx_parts:
                raise ClauseCheckError(
                    "E018", f"{name}: {len(infos):,} parts is over the {limits.max_docx_parts:,}-part limit"
                )
            total = sum(i.file_size for i in infos)
            if total > limits.max_docx_uncompressed_bytes:
                raise ClauseCheckError(
                    "E018", f"{name}: uncompressed size {total:,} bytes is over the "
                    f"{limits.max_docx_uncompressed_bytes:,}-byte limit (zip bomb?)"
                )
            for info in infos:
                ratio = info.file_size // max(info.compress_size, 1)
                if info.file_size > 1_000_000 and info.file_size > limits.max_docx_ratio * max(info.compress_size, 1):
                    raise ClauseCheckError("E018", f"{name}: part {info.filename} expands {ratio}x (zip bomb?)")
                if not info.filename.lower().endswith((".xml", ".rels")):
                    continue
                if info.file_size > limits.max_docx_xml_bytes:
                    raise ClauseCheckError(
                        "E018", f"{name}: XML part {info.filename} is {info.file_size:,} bytes, over the "
                        f"{limits.max_docx_xml_bytes:,}-byte limit"
                    )
                if _declares_dtd(zf, info):
                    raise ClauseCheckError("E026", f"{name}: part {info.filename} declares a DTD or entities")
    except ClauseCheckError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError, KeyError, zlib.error) as exc:
        raise ClauseCheckError("E014", f"{name}: corrupt or truncated DOCX ({exc})") from exc


def _run_text(element, out: list[str]) -> None:  # noqa: ANN001 - lxml element
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append(" ")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _run_text(child, out)


def _int(value: str | None, default: int) -> int:
    """A numbering attribute as Word reads it: garbage is the default, values stay in Word's range."""
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return min(max(number, 0), 32767)


class _Numbering:
    """Computes list labels ("1.", "1.2", "(a)") from numbering.xml, counting as Word does."""

    def __init__(self, docx_document) -> None:  # noqa: ANN001
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numpr: dict[str, tuple[str, int]] = {}
        try:
            numbering = docx_document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
            for an in numbering.findall(W + "abstractNum"):
                lvls = {}
                for lvl in an.findall(W + "lvl"):
                    fmt = lvl.find(W + "numFmt")
                    text = lvl.find(W + "lvlText")
                    start = lvl.find(W + "start")
                    lvls[_int(lvl.get(W + "ilvl"), 0)] = (
                        fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                        text.get(W + "val", "") if text is not None else "",
                        _int(start.get(W + "val"), 1) if start is not None else 1,
                    )
                abstract[an.get(W + "abstractNumId", "")] = lvls
            for num in numbering.findall(W + "num"):
                ref = num.find(W + "abstractNumId")
                if ref is not None:
                    self.levels[num.get(W + "numId", "")] = abstract.get(ref.get(W + "val", ""), {})
        try:
            for style in docx_document.styles.element.findall(W + "style"):
                numpr = style.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    num_id = numpr.find(W + "numId")
                    ilvl = numpr.find(W + "ilvl")
                    if num_id is not None:
                        self.style_numpr[style.get(W + "styleId", "")] = (
                            num_id.get(W + "val", ""),
                            _int(ilvl.get(W + "val"), 0) if ilvl is not None else 0,
                        )
        except (AttributeError, KeyError, NotImplementedError):
            pass

    def label(self, p) -> str:  # noqa: ANN001
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        numpr = ppr.find(W + "numPr")
        if numpr is not None and numpr.find(W + "numId") is not None:
            num_id = numpr.find(W + "numId").get(W + "val", "")
            ilvl_el = numpr.find(W + "ilvl")
            ilvl = _int(ilvl_el.get(W + "val"), 0) if ilvl_el is not None else 0
        else:
            style = ppr.find(W + "pStyle")
            found = self.style_numpr.get(style.get(W + "val", "")) if style is not None else None
            if not found:
                return ""
            num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels.get(ilvl, ("decimal", "", 1))[2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        if fmt == "bullet" or not text:
            return ""
        for level in range(ilvl + 1):
            lfmt = levels.get(level, ("decimal", "", 1))[0]
            value = counters.get(level, levels.get(level, ("decimal", "", 1))[2])
            text = text.replace(f"%{level + 1}", _format_number(value, lfmt))
        return text


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(97 + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and value < 4000:
        numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, n = "", value
        for number, numeral in numerals:
            while n >= number:
                out, n = out + numeral, n - number
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


def _hard_wrapped(parts: list[tuple[int, BlockKind, str]]) -> bool:
    """Whether the paragraphs are the lines of a hard-wrapped text, as a converter from PDF or a pasted e-mail leaves
    them (a paragraph mark at the end of every line): half or more of the long paragraphs stop mid-sentence, on a
    lower-case word or a comma (a list item's "; and" is no such stop, nor a table row). Word documents written as
    such stop there in a third at most (the fixture contracts saved one paragraph per line: 0-32%; hard-wrapped: 57-87%)."""
    long = [text for _page, kind, text in parts if kind == "paragraph" and len(text) >= _LONG_LINE and "|" not in text]
    return len(long) >= 20 and 2 * sum(bool(_MID_SENTENCE.search(text)) for text in long) >= len(long)


_LONG_LINE = 60
_MID_SENTENCE = re.compile(r"(?<!\band)(?<!\bor)[a-z,]$")


def _reflowed(parts: list[tuple[int, BlockKind, str]]) -> list[tuple[int, BlockKind, str]]:
    """The paragraphs of a hard-wrapped text joined as a PDF page's lines are; headings and table rows kept."""
    width = max(len(text) for _page, kind, text in parts if kind == "paragraph")
    # the footers and running headers of pages printed into the text, one paragraph each
    furniture = printed_furniture([text for _page, kind, text in parts if kind == "paragraph"])
    out: list[tuple[int, BlockKind, str]] = []
    run: list[str] = []
    for i, (page, kind, text) in enumerate(parts):
        if kind == "paragraph":
            run.append(text)
        else:
            out.append((page, kind, text))
        if run and (i + 1 == len(parts) or parts[i + 1][1] != "paragraph" or parts[i + 1][0] != page):
            out.extend((page, block_kind, block) for block_kind, block in reflow(run, furniture, width))
            run = []
    return out


def extract_docx(data: bytes, name: str, sha256: str, *, limits: Limits | None = None) -> Document:
    limits = limits or Limits()
    _check_zip(data, name, limits)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except (ClauseCheckError, MemoryError):  # out of memory is not a corrupt file
        raise
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ClauseCheckError("E014", f"{name}: corrupt DOCX ({type(exc).__name__}: {exc})") from exc
    numbering = _Numbering(document)
    rendered_breaks = body.find(f".//{W}lastRenderedPageBreak") is not None
    parts: list[tuple[int, BlockKind, str]] = []
    page = 1

    def page_breaks(element) -> int:  # noqa: ANN001
        if rendered_breaks:
            return len(element.findall(f".//{W}lastRenderedPageBreak"))
        return sum(1 for br in element.iter(W + "br") if br.get(W + "type") == "page")

    def visit(container) -> None:  # noqa: ANN001
        nonlocal page
        for child in container:
            tag = child.tag
            if tag == W + "p":
                page += page_breaks(child)
                out: list[str] = []
                _run_text(child, out)
                text = clean_inline("".join(out))
                if not text:
                    continue
                label = numbering.label(child)
                style = child.find(f"{W}pPr/{W}pStyle")
                style_name = style.get(W + "val", "") if style is not None else ""
                kind: BlockKind = "heading" if style_name.lower().startswith(("heading", "title")) else "paragraph"
                parts.append((page, kind, f"{label} {text}" if label else text))
            elif tag == W + "tbl":
                for row in child.iter(W + "tr"):
                    cells = []
                    for cell in row.findall(W + "tc"):
                        paragraphs = []
                        for cell_p in cell.iter(W + "p"):
                            out = []
                            _run_text(cell_p, out)
                            paragraphs.append("".join(out))
                        cells.append(clean_inline(" ".join(paragraphs)))
                    row_text = " | ".join(c for c in cells if c)
                    if row_text:
                        parts.append((page, "table_row", row_text))
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    visit(content)
            elif tag in (W + "ins", W + "moveTo", W + "customXml"):
                visit(child)

    visit(body)
    if _hard_wrapped(parts):
        parts = _reflowed(parts)
    if not parts:
        raise ClauseCheckError("E019", f"{name}: the DOCX contains no text")
    text, blocks = assemble(parts)
    if len(text) > limits.max_text_chars:
        raise ClauseCheckError(
            "E018", f"{name}: {len(text):,} characters of text is over the {limits.max_text_chars:,}-character limit"
        )
    return Document(path=name, sha256=sha256, format="docx", text=text, pages=page, blocks=blocks)
