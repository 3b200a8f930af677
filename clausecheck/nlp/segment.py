"""Split a Document into units (sentences, or whole tables) with offsets into its text."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter
from typing import NamedTuple

from ..models import Block, Document
from ..wordlists import NEVER_LAST
from .quantities import MONTH

# a sentence's end; or a definition's (";", "; and", ":" at a line's end) when the next line defines another term, as
# a list of definitions run together without blank lines has them ('... in Annex 2;' + '"Contract Year" means ...')
# (one class first: a regex that opens on a single set of characters is scanned for it at C speed, an alternation is not)
_BOUNDARY = re.compile(r"[.!?;:](?:(?<=[.!?])[\"”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9(])"
                       r"|(?<=[;:])(?:[ \t]+(?:and|or))?[ \t]*\n(?=[ \t]*[\"“][A-Z]))")
_DEFINITION_START = re.compile(r"[ \t]*[\"“][A-Z][^\"”\n]{0,80}[\"”][ \t]+(?:means|shall\s+mean|has\s+the\s+meaning|"
                               r"includes|shall\s+include|refers\s+to)\b")
_ABBREV = {
    "inc", "ltd", "co", "corp", "no", "nos", "sec", "art", "para", "u.s", "u.k", "e.g", "i.e",
    "etc", "mr", "mrs", "ms", "dr", "st", "vs", "v", "approx", "dept", "fig", "n.v", "b.v", "s.a",
    "l.p", "llc", "plc", "gmbh", "ag", "jr", "sr", "cf", "viz", "sect", "pp", "p", "ch", "cl", "rs",
}
MAX_UNIT = 1500
_ITEM_START = re.compile(r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s")
# a numbered section on a new line, after a sentence that ends on a section number ("... under Section 4.01." + "Section 4.04
# Distributor shall ...", "4.04 The Distributor ...")
_SECTION_START = re.compile(r"(?:(?:Section|SECTION|Article|ARTICLE|Clause|CLAUSE)\s+\d{1,3}(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})+)\.?[ \t]")
# a paragraph's number with its Part's letter ("C1. Term.", "B3. Exclusivity."): no sentence of its own
_LETTERED_NUMBER = re.compile(r"[a-z]\d{1,2}(?:\.\d{1,2})*")


class Unit(NamedTuple):
    """A sentence (or a table) of the document: text[start:end].

    A named tuple: a contract makes hundreds and detection keys dictionaries by them, which
    a frozen dataclass made and hashed in Python code at three times the cost."""

    start: int
    end: int
    block: int  # index of the first block it belongs to
    heading: str  # the nearest section title above it (heading line or paragraph lead-in), for context
    is_title: bool = False  # the unit is itself a heading or a short section title


def _sentence_spans(text: str, base: int) -> list[tuple[int, int]]:
    if len(text) <= MAX_UNIT and not _BOUNDARY.search(text):  # two blocks in three: one short sentence
        return [(base, base + len(text))] if text and not text.isspace() else []
    spans = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        before = text[pos:m.start()].rsplit(None, 1)
        word = before[-1].lower().rstrip(".").lstrip("([\"“") if before else ""  # "(Rs. 90,00,000)", "(e.g. a"
        # no split after abbreviations, initials ("J."), or section numbers ("Section 2."), but
        # always before a list item on a new line ("... June 30, 2025.\n  4. "Trial Period" means")
        if m.group(0)[0] in ";:":
            if not _DEFINITION_START.match(text, m.end()):
                continue
            new_item = True
        else:
            new_item = "\n" in m.group(0) and (_ITEM_START.match(text, m.end()) is not None
                                                or _SECTION_START.match(text, m.end()) is not None)
        if not new_item and (word in _ABBREV or (len(word) == 1 and word.isalpha())
                             or word.replace(".", "").isdigit() or (pos == 0 and len(before) == 1 and _LETTERED_NUMBER.fullmatch(word))):
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
    # a span is blank only if it starts with a space (most start with a word)
    return [(base + s, base + e) for s, e in out if not text[s].isspace() or text[s:e].strip()]


_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_NUMBER = re.compile(r"^\s*(?:(?:article|section|clause)\s+)?(?:[a-z](?=\d))?[\dIVXivx]+(?:\.\d+)*\.?\s+|^\s*\(?[a-z]\)\s+",
                           re.IGNORECASE)


_LIST_JOINT = re.compile(r"[;,]\s*(?:or|and|and/or)$", re.IGNORECASE)  # "(d) Termination by Owner under 4.1; or"


def is_title(text: str) -> bool:
    """A short section title: "2.7 Exclusivity.", "EXCLUSIVITY", "Section 5 Minimum Purchases"."""
    text = text.strip()
    if not text or len(text) > 80 or text.endswith((",", ";")) or _LIST_JOINT.search(text):
        return False
    words = _TITLE_WORD.findall(_TITLE_NUMBER.sub("", text))
    if not words or len(words) > 7:
        return False
    # titles capitalise their content words; sentences are mostly lower case
    long = [w for w in words if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long)
    return capitalised >= max(1, len(long) - (len(long) >= 4))


# a numbered heading on a line of its own in sentence case, as letters and UK drafts write them:
# "2. Exclusive import rights", "5 Duration and renewal", "Clause 7. Duration and termination" (is_title wants its words
# capitalised)
_NUMBERED_HEADING = re.compile(r"\s*(?:(?:Clause|Section|Article|Part|CLAUSE|SECTION|ARTICLE|PART)\s+)?\d{1,2}\.?\s+[A-Z][a-z'’-]+(?:\s+[a-z][a-z'’-]*){1,3}\s*"
                               # or all in lower case, as some drafts set every heading: "9. non-competition", "16. term and
                               # renewal" (not an item that starts a phrase or has a verb: "2. the products", "3. we may ...")
                               r"|\s*\d{1,2}\.?\s+(?!(?:the|a|an|to|if|any|all|each|no|not|for|in|on|of|by|with|and|or)\b)"
                               r"[a-z][a-z'’-]+(?:\s+(?!(?:shall|will|may|must|is|are|be|has|have|can)\b)[a-z][a-z'’-]*){0,3}\s*")
# the same as the lead-in of a numbered paragraph, in plain-language letters and emails (quoted in a reply with ">"):
# "6. How long. Two years from ..."
# a question on a line of its own titles its answer in plain-language agreements: "Can you sell competing products?"
_QUESTION_HEADING = re.compile(r"\s*(?:\d{1,2}\.?\s+)?[A-Z][\w'’ ,/-]{2,80}\?\s*")
# a German-style section title after a paragraph sign, in any case: "§ 1 Subject matter of the Agreement",
# "§ 3 Orders, minimum order value" (no sentence punctuation: "§ 3 The Distributor shall pay." is a clause)
_PARAGRAPH_SIGN_HEADING = re.compile(r"\s*§{1,2}\s*\d{1,3}[a-z]?\.?\s+[A-Z][^\n.;:!?]{0,70}[^\s,.;:!?]\s*")
# a clause's number and its title in brackets, as translations from Portuguese, Spanish or Italian set them, in any case and
# with the ordinal sign after the number (a letter once a PDF or Word text is normalised): "Clause 2.ª (Absence of
# exclusivity)", "Article 5 (Period of proof)", "Art. 7.º (Resolution for breach)"
_BRACKETED_HEADING = re.compile(r"\s*(?:article|art\.|clause|section)\s+\d{1,3}(?:\.\d{1,2})*\.?\s?(?:[ªº°]|[ao](?=\s*\())?\.?\s*"
                                r"\([A-Za-z][^()\n.;:!?]{1,70}\)\s*", re.IGNORECASE)
# the recitals' title in sentence case, unnumbered, on a line of its own: "Preliminary statements", "Preliminary remarks"
# (is_title wants every long word capitalised)
RECITALS_TITLES = r"preliminary\s+(?:statements?|remarks)|recitals|preamble"
_RECITALS_TITLE = re.compile(rf"\s*(?:{RECITALS_TITLES})\s*:?\s*", re.IGNORECASE)
# the words that end the recitals and open the operative clauses, in a paragraph with the first clauses ("NOW THEREFORE
# the parties agree as follows: 1. ...", "IT IS HEREBY AGREED that ...")
# (or the title over them in plain-English deeds: "Operative provisions", "Agreed terms"; or the plain sentence closing a
# "Background" paragraph: "The parties agree as follows.", "We therefore agree as follows:")
_OPERATIVE_LEAD = re.compile(r"\W*(?:now,?\s+therefore|now,?\s+this\s+agreement|it\s+is\s+(?:hereby\s+)?agreed|"
                             r"operative\s+(?:provisions|part|clauses|terms)|agreed\s+terms|"
                             r"(?:the|both)\s+parties\s+(?:hereto\s+)?(?:(?:therefore|hereby|now)\s+)?agree\s+as\s+follows|"
                             r"we\s+(?:(?:therefore|hereby|now)\s+)?agree\s+as\s+follows)\b", re.IGNORECASE)
# a lead-in that denies what its items name: "shall not:", "undertakes that during the Term it will not:", "shall not, without
# the Supplier's consent:" (a clause of its own after 'not' at most, no sentence end)
_NEGATED_LEAD = re.compile(r"\b(?:not|never)\b[^.;:]{0,50}:[ \t]*$")
_NUMBERED_LEAD = re.compile(r"\s*(?:>+\s*)*[A-Z]?\d{1,2}\.\s+[A-Z][a-z'’-]+(?:\s+[a-z][a-z'’-]*){1,2}\.\s*")


# a table of contents run into one paragraph ("Contents: 1 Background; 2 Appointment; 5 Sales Targets; 6 Orders ...",
# "TABLE OF CONTENTS  1. Term ...... 2  2. Minimum Purchases ...... 4") names sections, it states none of them
_CONTENTS_LABEL = re.compile(r"\W*(?:[A-Za-z]+\s+){0,3}?(?:table\s+of\s+)?contents\b\W*", re.IGNORECASE)
_CONTENTS_ENTRY = re.compile(r"(?:^|[\s;:|.])(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]")
_SENTENCE_WORD = re.compile(r"\b(?:shall|will|must|may|means|is|are)\b")  # lower case: a title capitalises its words


def _is_contents(text: str, heading: str) -> bool:
    """A table of contents in one block, after its label or under a "Contents" heading: three entries or more."""
    label = _CONTENTS_LABEL.match(text)
    if label is None and not _CONTENTS_LABEL.fullmatch(heading):
        return False
    return len(_CONTENTS_ENTRY.findall(text, label.end() if label else 0, 3000)) >= 3 and not _SENTENCE_WORD.search(text)


# a heading on a line of its own inside a paragraph, as plain text saved without blank lines has them ("CLAUSE 7 - MARKETING
# AND SALES OBJECTIVES" + "7.1 The Distributor shall ..."): numbered as an article, clause or section, or in capitals, and a
# title (is_title), after a line that ends a sentence and before one that is no continuation of a sentence in capitals; or the
# recitals' title in any case ("Background" + "A. The Supplier makes ..."); or after a paragraph sign, as German-style
# contracts number them ("§ 7 Inactivity" + "If the Partner ...")
_HEADING_LINE = re.compile(rf"(?:ARTICLE|CLAUSE|SECTION|Article|Clause|Section)\s+[\dIVX]+\b|§{{1,2}}\s*\d{{1,3}}[a-z]?\s|[^a-z]+$|(?i:background|{RECITALS_TITLES})\s*:?\s*$")
_ENDS_SENTENCE = tuple('.:;!?])"”')
_LINE_TEXT = re.compile(r"[^\n]+")


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """The spans of `text` (a paragraph of several lines) that are headings on lines of their own (see _HEADING_LINE)."""
    out: list[tuple[int, int]] = []
    lines = list(_LINE_TEXT.finditer(text))
    for k, line in enumerate(lines[:-1]):
        words = line.group().strip()
        # a heading of two lines, its number above its title in capitals ("ARTICLE 2" + "APPOINTMENT" + "2.1 ..."): the
        # first goes on in a heading line, the second comes after one
        if (words and (k == 0 or lines[k - 1].group().rstrip().endswith(_ENDS_SENTENCE)
                       or (out and out[-1] == lines[k - 1].span()))
                and _HEADING_LINE.match(words) and _text_follows(lines, k) and is_title(words)):
            out.append(line.span())
    return out


def _text_follows(lines: list[re.Match[str]], k: int) -> bool:
    """Whether the line after line k is text (lower case near its start), or a title in capitals with text after it."""
    after = lines[k + 1].group()
    return any(ch.islower() for ch in after[:40]) or (
        k + 2 < len(lines) and after.strip().isupper() and is_title(after)
        and any(ch.islower() for ch in lines[k + 2].group()[:40]))


def _around_headings(text: str, block: Block, titled: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence spans of a block with headings on lines of their own (`titled`, in document offsets), each heading a
    span of its own."""
    spans: list[tuple[int, int]] = []
    cut = block.start
    for start, end in [*titled, (block.end, block.end)]:
        piece = text[cut:start]
        stripped = piece.strip()
        if stripped:
            spans += _sentence_spans(stripped, cut + piece.index(stripped[0]))
        if start < block.end:
            spans.append((start, end))
        cut = end
    return spans


# a table row of two cells, a label (its item number allowed) and a value: "| 6. Commencement Date | 1 July 2025 |" (not a
# header's rule "| --- | --- |", nor a label cell that is only a number or a date, a row of figures)
_LABEL_AND_VALUE = re.compile(r"\|\s*(?:\d+[.)]?\s+)?[A-Za-z][^|\n]{0,60}\|[^|\n]*[A-Za-z0-9][^|\n]*\|\s*")


def segment(doc: Document) -> list[Unit]:
    units: list[Unit] = []
    heading = ""
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        j = _bullet_run(doc, i) if doc.text[block.start:block.start + 1] in _BULLET_FIRST else i
        if block.kind == "table_row" or j >= i + 2:
            # (a table drawn with bars ends at its last barred row: a short line after it that a PDF's layout also made a
            # row, "Part 3 - Products and planning assumptions", is read on its own)
            barred = doc.text[block.start:block.end].lstrip().startswith("|")
            while j + 1 < len(blocks) and blocks[j + 1].kind == "table_row" and not (
                    barred and not doc.text[blocks[j + 1].start:blocks[j + 1].end].lstrip().startswith("|")):
                j += 1
            # a whole table (or a run of short bulleted lines, "o Approved Videos" + "§ Minimum 3 videos" +
            # "· 60 seconds each") is one unit, so its header row gives meaning to its numbers; but rows that are each a
            # label and its value ("| 7. Initial Term | Three (3) years from the Commencement Date |") need no header:
            # each is a unit, as the same rows are where a PDF's lines made paragraphs of them
            if j > i and all(_LABEL_AND_VALUE.fullmatch(doc.text[b.start:b.end]) for b in blocks[i:j + 1]):
                units.extend(Unit(b.start, b.end, n, heading) for n, b in enumerate(blocks[i:j + 1], i))
                i = j + 1
                continue
            for s in range(block.start, blocks[j].end, MAX_UNIT * 4):
                units.append(Unit(s, min(blocks[j].end, s + MAX_UNIT * 4), i, heading))
            i = j + 1
            continue
        text = doc.text[block.start:block.end]
        if _is_contents(text, heading):
            i += 1
            continue
        # (the first block of a page after one stopping on a word no sentence ends on goes on with it, even one that would
        # read as a title on its own: "... must reach in each" + page break + "Quarter at least the Floor Volume."; on one
        # page a title after "... 30 to 90 seconds each" is one)
        if (block.kind == "heading" or is_title(text) or _NUMBERED_HEADING.fullmatch(text) or _QUESTION_HEADING.fullmatch(text)
                or _PARAGRAPH_SIGN_HEADING.fullmatch(text) or _BRACKETED_HEADING.fullmatch(text) or _RECITALS_TITLE.fullmatch(text)) and not (
                units and i and blocks[i - 1].page != block.page and not units[-1].is_title
                and last_word(doc.text, units[-1].start, units[-1].end).lower() in NEVER_LAST):
            heading = text.strip()[:200]
            units.extend(Unit(s, e, i, heading, True) for s, e in _sentence_spans(text, block.start))
            i += 1
            continue
        titled = [(block.start + s, block.start + e) for s, e in _heading_lines(text)] if "\n" in text else []
        for n, (s, e) in enumerate(_around_headings(doc.text, block, titled) if titled else _sentence_spans(text, block.start)):
            if (s, e) in titled:  # "CLAUSE 7 - SALES OBJECTIVES" on a line of its own titles the sentences after it
                heading = doc.text[s:e].strip()[:200]
                units.append(Unit(s, e, i, heading, True))
                continue
            if _OPERATIVE_LEAD.match(doc.text, s, e):
                # the recitals' "WHEREAS:" title above heads none of the clauses after it, also when the operative clauses
                # go on in the recitals' paragraph, as in text saved with no blank line between paragraphs
                heading = ""
            if n == 0 and units and _continues(doc, units[-1], s, e):
                # a sentence broken by a page break (or a footer) goes on in the next block, even in words that
                # would read as a title on their own ("governed by the laws of the" + "Abu Dhabi Global Market.")
                prev = units.pop()
                units.append(Unit(prev.start, e, prev.block, prev.heading))
                continue
            lead = n == 0 and e < block.end - 2 and (is_title(doc.text[s:e]) or bool(_NUMBERED_LEAD.fullmatch(doc.text[s:e])))
            if lead:  # "2.7 Exclusivity. During the Term, ..." titles what follows
                heading = doc.text[s:e].strip()[:200]
            elif e >= block.end - 2 and _NEGATED_LEAD.search(doc.text, max(s, e - 60), e):
                # "Supplier shall not:" + "(a) appoint any other distributor ..." + "(b) sell ...": each item is a
                # prohibition only with its lead-in's "not", so the lead-in is read with the list it leads into
                e = list_end(doc, e)
            units.append(Unit(s, e, i, heading, lead))
        i += 1
    return units


MAX_BULLET = 160  # a bulleted line longer than this is a paragraph of its own


def _bullet_run(doc: Document, i: int) -> int:
    """The last block of the run of short bulleted lines that starts at block i (i itself if none)."""
    j = i
    while j < len(doc.blocks):
        b = doc.blocks[j]
        if (b.kind == "heading" or b.end - b.start > MAX_BULLET or doc.text[b.start:b.start + 1] not in _BULLET_FIRST
                or not _BULLET.match(doc.text[b.start:b.end])):
            break
        j += 1
    return max(i, j - 1)


_OPEN_END = re.compile(r"[A-Za-z0-9,(\-–)\]%'’]$")  # "... a period of twelve (12)" + page break; "... the Buyers'" + page break
# a paragraph that stops on a word no sentence ends on (NEVER_LAST) goes on in the next whatever starts it, as a document
# saved with a paragraph mark at the end of every line has it ("purchased less than the" + "Monthly Minimum in ..."), or
# a page break in a sentence's first word ("... from the Territory. If" + "Distributor's Net Purchases fall short ...")
_NUMERAL_AGAIN = re.compile(r"\(\d[\d,.]*(?:st|nd|rd|th)?\)\s+[a-z]")
# the rest of a date whose day ends the page before ("from 1 August 2027 to 31" + "December 2027, a period of ...")
_MONTH_AND_YEAR = re.compile(rf"{MONTH}\s+\d{{4}}\b", re.IGNORECASE)


# the words a clause's or an annex's number follows, never a sentence's last ("Sections" + "6.1 and 6.2")
_NUMBER_NEXT = frozenset("section sections clause clauses article articles paragraph paragraphs part parts schedule schedules "
                         "exhibit exhibits annex annexes appendix appendices".split())


def last_word(text: str, start: int, end: int) -> str:
    """The last word of text[start:end] (read from its last 40 characters)."""
    return text[max(start, end - 40):end].rstrip().rpartition(" ")[2]


def ends_mid_sentence(word: str) -> bool:
    """A block's last word in lower case ("... in accordance with the"): across a page break, the next page goes on with it."""
    return word.isalpha() and word.islower()


def _continues(doc: Document, prev: Unit, start: int, end: int) -> bool:
    """The previous unit stops mid-sentence and this one goes on with it: in lower case, or after a page break."""
    if prev.is_title or end - prev.start > MAX_UNIT:
        return False
    first = doc.text[start]  # units start with a word, nearly all: no copy of the sentence to strip
    if first.isspace():
        first = doc.text[start:end].lstrip()[:1]
    if not first.islower():
        # across a page break, a page ending in a lower-case word goes on whatever starts the next one ("Nothing in
        # this" + "Agreement shall ...", "an initial term of three" + "(3) years"), as a wrapped line does in a page
        last = last_word(doc.text, prev.start, prev.end)
        if last.lower() in NEVER_LAST or ends_mid_sentence(last) and _NUMERAL_AGAIN.match(doc.text, start):
            return True  # "... at least twelve" + "(12) months before ...": the figure again, in brackets
        if last.lower() in _NUMBER_NEXT and first.isdigit():
            return True  # "... comprising Sections" + "6.1 and 6.2, ... are deleted": the number it names, no clause of its own
        if doc.page_at(start) == doc.page_at(prev.end - 1):
            return False
        # so does one stopping on a capitalised word or a comma ("... short of the Minimum Purchase Quantity in a Calendar"
        # + "Year by more than ...", "... falls below the Annual Booking Floor," + "Principal may ..."), unless the next
        # page starts an item or a definition of its own ("(b) ...", "5.2 ...", '"Territory" means ...')
        if ends_mid_sentence(last):
            return True
        # (a word after an opening quote or bracket too: '... (the "Effective' + 'Date") and remains in force ...')
        return (last.lstrip("(\"“'‘[").isalpha() or last.endswith(",")) and not (
            first in "\"“'‘" or _LIST_ITEM.match(doc.text[start:end])) or (
            last.isdecimal() and len(last) <= 2 and bool(_MONTH_AND_YEAR.match(doc.text, start)))
    # the last character only: a "...$" search would try every position of the sentence
    return bool(_OPEN_END.search(doc.text[prev.start:prev.end].rstrip()[-1:]))


# bullets as PDFs render them: "●", "◦", a lone "." or "o" ("o Approved Images"), "§" not before a section number
_BULLET_MARKS = "•·*●○◦▪."
_BULLETS = rf"[{_BULLET_MARKS}]|o(?=\s+[A-Z\[])|§(?=\s+\D)"
_BULLET = re.compile(rf"^\s*(?:{_BULLETS})\s")
# what a bullet can start with: blocks start with their first visible character, so the regex runs only there
_BULLET_FIRST = frozenset(_BULLET_MARKS + "o§")
# "(a)", "1.", "iv)", "-", bullets, and numbered sub-clauses "17.1.1." / "19.3.1" (a list of a clause's parts)
_LIST_ITEM = re.compile(
    r"^\s*(?:(?:[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}\.?|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z]{1,3}[.)]|[-–]|\(?[ivx]{1,5}[.)]"
    rf"|{_BULLETS})\s"
    r"|[A-Z][.)](?=[a-z]))")  # "A.give the right ...": a PDF lost the space after the letter
_SUB_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)+")
MAX_LIST = 1500
_START = attrgetter("start")


def _item_style(marker: str) -> str:
    """The numbering style of a list item's marker: "(a)" and "(b)" share one, "6." has another."""
    marker = marker.strip()
    if marker == "o":  # a bullet, not an item lettered "o"
        return "-"
    core = marker.strip("().")
    if _SUB_NUMBER.fullmatch(core):  # "17.1.1." and "17.1.2" are items of one list, "17.2." is not
        return f"1.{core.count('.') + 1}"
    if core.isdigit():
        kind = "1"
    elif core.isalpha():  # roman numerals count as letters: "(i)" is both
        kind = "a" if core.islower() else "A"
    else:
        return "-"
    return ("(" if marker.startswith("(") else "") + kind + marker[-1:]


def item_style(text: str) -> str | None:
    """The numbering style of the list item the text opens with ("(a) ...", "2. ...", "17.1.1. ..."), or None."""
    item = _LIST_ITEM.match(text)
    return _item_style(item.group(0)) if item else None


# a table row's look: an amount near its start ("Seven  $5,000,000"), or two figures ("2027  1,200")
_FIGURE_ROW = re.compile(r"^[^.\n]{0,40}?(?:[$€£¥]|\b(?:USD|EUR|GBP|CHF|JPY)\b)\s?\d|^\s*\d[\d,]*\s+[$€£¥]?\d")
# a row of a table drawn with bars in plain text: "| Each Quarter of FY 2027-28 | 40 |"
_BARRED_ROW = re.compile(r"(?:[ \t]*\|[^\n]*\|[ \t]*\n?)+")


def _table_line(doc: Document, text: str, after: Block | None) -> bool:
    """A title-like line that belongs to a table: a row itself (its figures or its bars), or its header ("Contract Year
    Minimum Royalty  Due Date") when the block after it is a table row or reads like one."""
    if _FIGURE_ROW.search(text) or _BARRED_ROW.fullmatch(text):
        return True
    return after is not None and (after.kind == "table_row" or bool(_FIGURE_ROW.search(doc.text[after.start:after.end])))


# a sentence that a lettered list goes on: "... the Manufacturer is entitled, by notice," + "(a) to remove ..., or" + "(b) ..."
_GOES_ON_IN_ITEMS = re.compile(r"\s*\(?(?:a|i|1)[.)]\s+[a-z]")


def runs_into_list(doc: Document, end: int) -> bool:
    """The sentence ending at `end` stops on a comma and goes on in the first item of a list, in lower case, as a
    lead-in ending in ':' does."""
    if not doc.text[max(0, end - 3):end].rstrip().endswith(","):
        return False
    i = bisect_left(doc.blocks, end, key=_START)
    return i < len(doc.blocks) and bool(_GOES_ON_IN_ITEMS.match(doc.text, doc.blocks[i].start, doc.blocks[i].end))


def list_end(doc: Document, end: int) -> int:
    """Where the list or table that follows a sentence ending in ':' ends ("as follows:").
    An item numbered in another style than the list's first ("6." after "(a)", "(b)") starts a
    new clause, not another item."""
    i = bisect_left(doc.blocks, end, key=_START)  # no list of every block's start per call
    limit = end + MAX_LIST
    style = None
    barred = False
    blocks = doc.blocks[i:i + 12]
    for n, block in enumerate(blocks):
        text = doc.text[block.start:block.end]
        if block.end > limit or block.kind == "heading":
            break
        # a table drawn with bars ends at its last row: the numbered paragraph after it is the next clause, no item
        row = bool(_BARRED_ROW.fullmatch(text))
        if barred and not row:
            break
        barred = barred or row
        if is_title(text) and not _table_line(doc, text, blocks[n + 1] if n + 1 < len(blocks) else None):
            break
        this = item_style(text) if block.kind != "table_row" else None
        if this is not None:
            style = style or this
            if this != style:
                break
        elif not (block.kind == "table_row" or len(text) < 160):
            break
        end = block.end
    return end
