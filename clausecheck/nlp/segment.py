"""Split a Document into units (sentences, or whole tables) with offsets into its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Document

_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9(])")
_ABBREV = {
    "inc", "ltd", "co", "corp", "no", "nos", "sec", "art", "para", "u.s", "u.k", "e.g", "i.e",
    "etc", "mr", "mrs", "ms", "dr", "st", "vs", "v", "approx", "dept", "fig", "n.v", "b.v", "s.a",
    "l.p", "llc", "plc", "gmbh", "ag", "jr", "sr", "cf", "viz", "sect", "pp", "p", "ch", "cl",
}
MAX_UNIT = 1500


@dataclass(frozen=True)
class Unit:
    """A sentence (or a table) of the document: text[start:end]."""

    start: int
    end: int
    block: int  # index of the first block it belongs to
    heading: str  # the nearest heading above it, for context


def _sentence_spans(text: str, base: int) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        before = text[pos:m.start()].rsplit(None, 1)
        word = before[-1].lower().rstrip(".") if before else ""
        # no split after abbreviations, initials ("J."), or section numbers ("Section 2.")
        if word in _ABBREV or (len(word) == 1 and word.isalpha()) or word.replace(".", "").isdigit():
            continue
        end = m.start() + 1
        spans.append((pos, end))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while e - s > MAX_UNIT:  # a very long run-on: cut at a semicolon, else at a space
            cut = text.rfind("; ", s, s + MAX_UNIT) + 1 or text.rfind(" ", s, s + MAX_UNIT)
            if cut <= s:
                cut = s + MAX_UNIT
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return [(base + s, base + e) for s, e in out if text[s:e].strip()]


def segment(doc: Document) -> list[Unit]:
    units: list[Unit] = []
    heading = ""
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "table_row":
            j = i
            while j + 1 < len(blocks) and blocks[j + 1].kind == "table_row":
                j += 1
            # a whole table is one unit, so its header row gives meaning to its numbers
            for s in range(block.start, blocks[j].end, MAX_UNIT * 4):
                units.append(Unit(s, min(blocks[j].end, s + MAX_UNIT * 4), i, heading))
            i = j + 1
            continue
        text = doc.text[block.start:block.end]
        if block.kind == "heading":
            heading = text.strip()[:200]
        for s, e in _sentence_spans(text, block.start):
            units.append(Unit(s, e, i, heading))
        i += 1
    return units
