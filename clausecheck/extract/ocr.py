"""Optional OCR of scanned PDF pages: pdfium renders the page, Tesseract reads it.

Enabled when the `ocr` extra (pytesseract) and the Tesseract program (Debian/Ubuntu:
`apt-get install tesseract-ocr`) are both installed; otherwise scanned pages get a notice
whose hint says how to enable it. Each page has a time limit (Tesseract is killed after it).
"""

from __future__ import annotations

from functools import lru_cache

DPI = 300


@lru_cache(maxsize=1)
def available() -> bool:
    """True when pytesseract is importable and finds the tesseract program."""
    try:
        import pytesseract

        pytesseract.get_tesseract_version()
    except Exception:  # noqa: BLE001 - missing module, missing binary, broken install: all mean "no OCR"
        return False
    return True


def ocr_page(page, timeout: float, lang: str = "eng") -> str:  # noqa: ANN001 - pypdfium2 PdfPage
    """The text of one page image; '' when Tesseract fails or runs out of time."""
    import pytesseract

    width, height = page.get_size()
    # a huge page box must not become a huge bitmap: cap the longest side at 6,000 pixels
    scale = min(DPI / 72, 6000 / max(width, height, 1))
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
        return pytesseract.image_to_string(image, lang=lang, timeout=max(timeout, 1))
    except RuntimeError:  # pytesseract's timeout
        return ""
    except pytesseract.TesseractError:
        return ""
    finally:
        bitmap.close()
