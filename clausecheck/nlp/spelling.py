"""Key words spelt one letter wrong ("exlusive", "minimun", "teritory"): the patterns read words as written, so the
detector reads a copy of the text with such words spelt right (`corrected`), its clauses are quoted and placed in the
text as written, and the report names the words it read so (notice W021)."""

from __future__ import annotations

import re
import string
from bisect import bisect_right

from ..models import Clause, Document

# the words whose miss changes a verdict: the grant, the minimum, the probation, the trigger, the territory, the renewal
KEY_WORDS = ("exclusive", "exclusively", "exclusivity", "minimum", "minimums", "probation", "probationary", "evaluation",
             "territory", "terminate", "termination", "renewal", "quantity", "quantities", "purchase", "purchases",
             "distributor")
# real words one edit away from a key word, in English or in the other languages bilingual contracts carry
_REAL_WORDS = frozenset(("purchased", "purchaser", "purchasers", "proration", "evacuation", "quantify", "distributer",
                         "exclusiva", "exclusivo", "exclusivas", "exclusivos", "esclusiva", "esclusivo"))


def _one_edit_away(word: str) -> set[str]:
    """The spellings one edit from `word` inside it: a letter left out, changed, added or two swapped, never the first
    letter (another word: "inclusive") nor a letter added or left out at the end (an inflection: "purchased"; a word an
    accent cut short: "exclusivit" of "exclusivité")."""
    out = set()
    for i in range(1, len(word)):
        for letter in string.ascii_lowercase:
            out.add(word[:i] + letter + word[i + 1:])
            out.add(word[:i] + letter + word[i:])
        if i < len(word) - 1:
            out.add(word[:i] + word[i + 1:])
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    return out


# what OCR reads a letter as in a scanned page: a figure for a letter ("exc1usive", "territ0ry") or two letters for one
# ("minirnum", "provicled")
_OCR_READS = {"l": ("1",), "i": ("1",), "o": ("0",), "m": ("rn",), "d": ("cl",), "w": ("vv",), "h": ("li",)}


def _read_by_ocr(word: str) -> set[str]:
    """The word with one letter inside it read as OCR misreads it."""
    return {word[:i] + seen + word[i + 1:] for i in range(1, len(word)) for seen in _OCR_READS.get(word[i], ())}


# each misspelling (as bytes: the text is searched as ASCII) -> the key word it stands for
_MISSPELT = {variant.encode(): key for key in KEY_WORDS for variant in sorted(_one_edit_away(key) | _read_by_ocr(key))
             if variant not in KEY_WORDS and variant not in _REAL_WORDS}
# the text as ASCII (a letter outside it is "?") in lower case, everything but letters and figures a space: its words
_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def misspelt_key_words(text: str) -> list[tuple[str, str]]:
    """(word as written, key word it looks like) for each key word the text spells one letter wrong, in order of first
    appearance (the text's words as a set, in C: a few milliseconds for a long contract)."""
    folded = text.encode("ascii", "replace").translate(_FOLD)
    found = _MISSPELT.keys() & set(folded.split())
    return sorted(((word.decode(), _MISSPELT[word]) for word in found), key=lambda item: folded.find(item[0].encode()))


def _spelt_like(written: str, key: str) -> str:
    """The key word in the case the misspelling is written in: "EXLUSIVE" -> "EXCLUSIVE", "Minimun" -> "Minimum"."""
    if written.isupper():
        return key.upper()
    return key.capitalize() if written[0].isupper() else key


def corrected(doc: Document, misspelt: list[tuple[str, str]]) -> tuple[Document, list[int]]:
    """The document with each misspelt key word (as `misspelt_key_words` found them) spelt right, and where each of its
    offsets (to its length, included) was in the text as written. The blocks keep their places around the words."""
    fix = dict(misspelt)
    text = doc.text
    words = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, fix)) + r")(?![A-Za-z0-9])", re.IGNORECASE)
    pieces: list[str] = []
    origin: list[int] = []
    olds: list[int] = []  # the end, in the text as written, of each word replaced
    shifts: list[int] = []  # how much longer the text is after it
    done = 0
    for m in words.finditer(text):
        right = _spelt_like(m.group(0), fix[m.group(0).lower()])
        pieces += [text[done:m.start()], right]
        origin += range(done, m.start())
        origin += (m.start() + min(i, len(m.group(0)) - 1) for i in range(len(right)))
        olds.append(m.end())
        shifts.append((shifts[-1] if shifts else 0) + len(right) - len(m.group(0)))
        done = m.end()
    pieces.append(text[done:])
    origin += range(done, len(text) + 1)

    def moved(offset: int) -> int:
        i = bisect_right(olds, offset)
        return offset + (shifts[i - 1] if i else 0)

    blocks = [b.model_copy(update={"start": moved(b.start), "end": moved(b.end)}) for b in doc.blocks]
    return doc.model_copy(update={"text": "".join(pieces), "blocks": blocks}), origin


def as_written(clauses: list[Clause], text: str, read: str, origin: list[int]) -> list[Clause]:
    """The clauses found in the corrected text `read`, placed and quoted in the text as written, and so the attributes
    that quote it (a definition of the Territory)."""

    def quoted(value: object) -> object:
        if not isinstance(value, str) or len(value) <= 20:  # a number, a list of regions, a word
            return value
        at = read.find(value)
        return text[origin[at]:origin[at + len(value)]] if at >= 0 else value

    return [c.model_copy(update={"start": origin[c.start], "end": origin[c.end], "text": text[origin[c.start]:origin[c.end]],
                                 "attributes": {k: quoted(v) for k, v in c.attributes.items()}}) for c in clauses]
