"""Detect a file's format from its content (magic bytes), the extension only as a tie-breaker."""

from __future__ import annotations

import io
import zipfile

from ..errors import ClauseCheckError

_LFS = b"version https://git-lfs.github.com/spec/"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}
_ARCHIVES = {
    b"\x1f\x8b": "gzip",
    b"7z\xbc\xaf\x27\x1c": "7-Zip",
    b"Rar!\x1a\x07": "RAR",
    b"\x7fELF": "executable",
    b"MZ": "executable",
}
_CONVERT = "save it as PDF, DOCX, TXT or Markdown"
# bytes that never occur in a text file (tab, newlines, form feed and ESC aside)
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# how much of a zip entry is read to recognise it: enough for a mimetype, never a whole bomb
_SNIFF = 256


def detect_format(data: bytes, name: str = "") -> str:
    """Return 'pdf', 'docx', 'txt' or 'md', or raise ClauseCheckError for what cannot be read."""
    head = data[:1024]
    lower = name.lower()
    if data.startswith(_LFS):
        raise ClauseCheckError("E016", f"{name}: this is a Git LFS pointer file, not the contract")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000] or lower.endswith(".docx"):
            raise ClauseCheckError("E028", f"{name}: a password-protected Office document")
        raise ClauseCheckError("E015", f"{name}: legacy Word/OLE document (.doc) is not supported")
    if head.startswith(b"{\\rtf"):
        raise ClauseCheckError("E010", f"{name}: RTF is not supported", "save it as DOCX or PDF")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, name)
    for magic, kind in _IMAGES.items():
        if head.startswith(magic):
            raise ClauseCheckError(
                "E010", f"{name}: a {kind} image, not a document", "convert it to PDF and run OCR (ocrmypdf)"
            )
    for magic, kind in _ARCHIVES.items():
        if head.startswith(magic):
            raise ClauseCheckError("E010", f"{name}: {kind} data, not a document", _CONVERT)
    if lower.endswith(".pdf"):
        raise ClauseCheckError("E011", f"{name}: has a .pdf name but no PDF header")
    if lower.endswith(".docx"):
        raise ClauseCheckError("E014", f"{name}: has a .docx name but is not a DOCX (zip) file")
    if lower.endswith(".doc"):
        raise ClauseCheckError("E015", f"{name}: legacy Word .doc is not supported")
    if lower.endswith((".odt", ".pages", ".rtf", ".wpd", ".xls", ".xlsx", ".ppt", ".pptx")):
        raise ClauseCheckError("E010", f"{name}: this format is not supported (and the file is not one)", _CONVERT)
    sample = data[:8192]
    if not _is_utf16(sample) and sum(sample.count(bytes([b])) for b in _BINARY_BYTES) > len(sample) // 20:
        raise ClauseCheckError("E017", f"{name}: binary data, not text")
    return "md" if lower.endswith((".md", ".markdown")) else "txt"


def utf16_variant(sample: bytes) -> str | None:
    """'utf-16' when the text has a BOM, 'utf-16-le'/'-be' when NULs alternate as in ASCII text, else None."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    even, odd = sample[0:2000:2], sample[1:2000:2]
    if len(sample) >= 8:
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    return None


def _is_utf16(sample: bytes) -> bool:
    return utf16_variant(sample) is not None


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = ""
            if "mimetype" in names:
                with zf.open("mimetype") as entry:  # never read a whole (possibly bombed) entry here
                    mimetype = entry.read(_SNIFF).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError, KeyError) as exc:
        raise ClauseCheckError("E014", f"{name}: corrupt or truncated zip/DOCX ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "opendocument.text" in mimetype:
        raise ClauseCheckError("E010", f"{name}: OpenDocument (.odt) is not supported", "save it as DOCX or PDF")
    if any(n.startswith("index.") or n.endswith(".iwa") for n in names):
        raise ClauseCheckError("E010", f"{name}: Apple Pages is not supported", "export it as DOCX or PDF")
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        raise ClauseCheckError("E010", f"{name}: a spreadsheet or presentation, not a contract document", _CONVERT)
    raise ClauseCheckError("E010", f"{name}: a zip archive that is not a DOCX", "save it as DOCX or PDF")
