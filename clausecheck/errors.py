"""Errors a user can meet: each carries a code, a one-line message and a hint."""

from __future__ import annotations

from .models import ErrorInfo

OCR_HINT = (
    "install OCR (`pip install 'clausecheck[ocr]'` and the system package `tesseract-ocr`), "
    "or run `ocrmypdf in.pdf out.pdf` first"
)

# code -> (what it means, default hint). Codes are never reused.
ERROR_CODES: dict[str, tuple[str, str]] = {
    "E001": ("file not found", "check the path"),
    "E002": ("file cannot be read", "check the file's permissions"),
    "E003": ("file is empty", "export the contract again"),
    "E010": ("unsupported format", "save it as PDF, DOCX, TXT or Markdown"),
    "E011": ("corrupt or truncated PDF", "open it in a PDF viewer and export it again"),
    "E012": (
        "scanned PDF without a text layer",
        OCR_HINT,
    ),
    "E013": ("encrypted PDF", "pass --password, or remove the password protection"),
    "E014": ("corrupt or truncated DOCX", "open it in Word and save it again as .docx"),
    "E015": ("legacy Word .doc", "save it as .docx (File > Save As > Word Document)"),
    "E016": ("Git LFS pointer, not the file", "run `git lfs pull` to fetch the real file"),
    "E017": ("binary data, not text", "save it as PDF, DOCX or TXT"),
    "E018": ("file exceeds a size limit", "raise the limit in the configuration if it is legitimate"),
    "E019": ("no text found", "the file has no extractable text; export it again or run OCR"),
    "E020": ("analysis failed", "report this as a bug with the file if you can share it"),
    "E021": (
        "time limit exceeded",
        "raise the per-document limit (`scan --timeout`, limits.timeout_seconds) or split the file",
    ),
    "E022": (
        "worker process crashed or ran out of memory",
        "the file crashes a native library or exceeds the memory ceiling (`scan --memory-mb`, limits.memory_mb); "
        "report it if you can share the file",
    ),
    "E025": ("time limit exceeded", "raise limits.max_seconds if the document is legitimate, or split it"),
    "E026": (
        "unsafe DOCX: XML with a document type declaration (entity or external-entity attack?)",
        "Word never writes one: open the file in Word and save it again as .docx",
    ),
    "E027": (
        "symbolic link to outside the scanned folder, not followed",
        "scan the folder it points to directly if you trust it",
    ),
    "E028": (
        "password-protected Office document",
        "remove the password in Word (File > Info > Protect Document) and save it again as .docx",
    ),
    "E030": ("invalid pattern file", "fix the line named in the message"),
    "E040": ("invalid configuration", "fix the key named in the message"),
    "E041": ("unknown rule code", "run `clausecheck rules` for the list of codes"),
    "E042": ("invalid baseline file", "write it again with `clausecheck check --write-baseline FILE ...`"),
    "E043": ("cannot write an output file", "check the folder exists and is writable"),
    "E045": ("Dask is not installed", "install the extra: pip install 'clausecheck[distributed]'"),
    "E046": ("cannot reach the Dask scheduler", "check the address (tcp://HOST:PORT) and that the scheduler runs"),
    "E047": ("results file written with other settings", "resume with the same settings, or give a new --out file"),
    "E050": ("invalid labels file", "give a CSV in CUAD's shape: pdf_file/txt_file plus <Category> and <Category>-Answer columns"),
    "E051": ("documents folder not found", "pass --docs with the folder holding the files named in the labels file"),
}


class ClauseCheckError(Exception):
    """An error with a stable code, a message and a hint for the user."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"undeclared error code {code}")
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
        self.hint = hint if hint is not None else ERROR_CODES[code][1]

    def info(self) -> ErrorInfo:
        return ErrorInfo(code=self.code, message=self.message, hint=self.hint)

    def __str__(self) -> str:
        return f"{self.code} {self.message} (hint: {self.hint})"
