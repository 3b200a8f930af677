"""Detect a file's format from its content (magic bytes), the extension only as a tie-breaker."""

from __future__ import annotations

import io
import zipfile

from ..errors import ClauseCheckError

_LFS = b"version https://git-lfs.github.com/spec/"


def detect_format(data: bytes, name: str = "") -> str:
    """Return 'pdf', 'docx', 'txt' or 'md', or raise ClauseCheckError for what cannot be read."""
    head = data[:1024]
    lower = name.lower()
    if data.startswith(_LFS):
        raise ClauseCheckError("E016", f"{name}: this is a Git LFS pointer file, not the contract")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ClauseCheckError("E015", f"{name}: legacy Word/OLE document (.doc) is not supported")
    if head.startswith(b"{\\rtf"):
        raise ClauseCheckError("E010", f"{name}: RTF is not supported", "save it as DOCX or PDF")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data, name)
    if lower.endswith((".pdf",)):
        raise ClauseCheckError("E011", f"{name}: has a .pdf name but no PDF header")
    if lower.endswith(".docx"):
        raise ClauseCheckError("E014", f"{name}: has a .docx name but is not a DOCX (zip) file")
    if lower.endswith((".doc",)):
        raise ClauseCheckError("E015", f"{name}: legacy Word .doc is not supported")
    sample = data[:8192]
    if sample.count(b"\x00") > len(sample) // 10 and not _is_utf16(sample):
        raise ClauseCheckError("E017", f"{name}: binary data, not text")
    return "md" if lower.endswith((".md", ".markdown")) else "txt"


def _is_utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ClauseCheckError("E014", f"{name}: corrupt or truncated zip/DOCX ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "opendocument.text" in mimetype:
        raise ClauseCheckError("E010", f"{name}: OpenDocument (.odt) is not supported", "save it as DOCX or PDF")
    if any(n.startswith("index.") or n.endswith(".iwa") for n in names):
        raise ClauseCheckError("E010", f"{name}: Apple Pages is not supported", "export it as DOCX or PDF")
    raise ClauseCheckError("E010", f"{name}: a zip archive that is not a DOCX", "save it as DOCX or PDF")
