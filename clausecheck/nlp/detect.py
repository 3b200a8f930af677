"""Document -> Clauses: a literal pre-filter, spaCy matchers over candidate units, then code.

Most of a contract is boilerplate: one regex pass over the whole text (nlp/prefilter.py) finds
the units where all the required words of some pattern occur, and only those are tokenised and
matched, each by a Matcher holding just the patterns that can match it.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import ClauseCheckError
from ..models import Clause, ClauseType, Document
from .attributes import (
    ANALYSERS,
    CONTEXT,
    CURES_A_MISS,
    GOES_ON_FROM_A_MISS,
    NO_GROUND,
    READ_AFTER_ITS_SUBJECT,
    READ_WITH_ITS_CLAUSE,
    UNDONE_BY_CONTEXT,
    UNDONE_BY_LEAD_IN,
    asked_and_refused,
    commits_to_no_volume,
    defines_the_territory,
    deletes_a_clause,
    passed_down,
    resolve_document,
    stands_for_its_subject,
    struck_out,
    summary_only,
)
from .patterns import Pattern, default_pattern_dirs, load_patterns
from .prefilter import (
    PREFIX,
    Groups,
    Prefilter,
    literals,
    phrase_regex,
    required,
    token_counts,
    token_pattern_groups,
    token_pattern_regex,
    tokenizer_splits,
)
from .segment import Unit, ends_mid_sentence, is_title, item_style, last_word, list_end, runs_into_list, segment

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Span


_CHUNK = re.compile(r"\S+")  # spaCy splits text on whitespace first: a token never spans two chunks
_MAX_REACH = 60  # a pattern that can match more tokens is matched on the whole unit
# a sentence that leads into a list: "... Supplier may by notice:" + (a) ..., (b) ...; "... may, by written notice, either" + (a) ...
_LEADS_INTO_LIST = re.compile(r"(?::|\beither)$")
# the header row of a table drawn with bars, on a line of its own (as in text saved with a paragraph per line), with the
# header's rule on the next line (after a blank line in a PDF's text): "| Measured Quarter(s) | Minimum Purchase Commitment per Measured Quarter |" + "|---|---|"
_HEADER_ROW = re.compile(r"\s*\|[^\n]*\|\s*")
_RULE_BELOW = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?:\n|$)")  # (a blank line between in a PDF)


def _leads_into_list(doc: Document, text: str, end: int) -> bool:
    """The sentence `text`, ending at `end`, goes on in the list that follows: it ends in ':' or 'either', or stops on a
    comma before a lower-case first item; or it is a table's header row, read with the rows under it."""
    # its last characters only: a search of the whole sentence would try every ':' and 'e' in it
    return (bool(_LEADS_INTO_LIST.search(text.rstrip()[-8:])) or runs_into_list(doc, end)
            or bool(_HEADER_ROW.fullmatch(text) and _RULE_BELOW.match(doc.text, end)))


# The patterns are English, but a bilingual contract sets each clause beside its translation, and a translation can share
# words with them ("couvrant au minimum 1 500 000 euros par sinistre"): a sentence is in another language when its grammar
# words are another language's, not English's. Only words no English sentence uses (not "de", "die", "per", "in", "a", "no"),
# so an English clause that names "Banco de la Nación" or "Quinta da Ribeira" keeps its English majority.
_ENGLISH_GRAMMAR = frozenset("the of and to shall will is are be by for with any or this that each its from which not may must "
                             "has have at as than such all on it been upon within".split())
_OTHER_GRAMMAR = frozenset(
    "le la les des du une et est sont pour dans aux au sur ou qui que ne pas avec chaque ce cette ces leur sera "  # French
    "el los las del y por para con una se su sus es como cada este esta será "  # Spanish
    "il gli della delle dei di che non un nel nella alla sono ogni questo "  # Italian
    "os da das dos em com não um uma pela pelo ao "  # Portuguese
    "der das und ist von mit für dem des ein eine einer nicht zu auf im sich oder wird sind werden jede jeder "  # German
    "het een van voor niet wordt "  # Dutch
    "na nie się jest oraz lub przez dla od że "  # Polish
    "ve bir ile için bu olarak veya "  # Turkish
    "dan yang di ke dari untuk dengan atau ini tidak dalam akan oleh pada setiap".split())  # Indonesian
_LETTERS = re.compile(r"[^\W\d_]+")


def in_another_language(text: str) -> bool:
    """Whether the sentence `text` is written in another language than English (a translation beside the English)."""
    words = _LETTERS.findall(text.lower())
    other = sum(w in _OTHER_GRAMMAR for w in words)
    return other >= 3 and 4 * sum(w in _ENGLISH_GRAMMAR for w in words) <= other


@dataclass(frozen=True)
class Hit:
    """A surviving pattern match, in document offsets."""

    clause_type: ClauseType
    kind: str | None
    pattern_id: str
    start: int
    end: int
    party: str | None = None  # the pattern's `party`: whose promise or right it must be


class Detector:
    """Holds the spaCy pipeline and matchers; build once per process, reuse for every document."""

    def __init__(self, pattern_dirs: list[Path] | None = None, lang: str = "en") -> None:
        import spacy
        from spacy.matcher import Matcher, PhraseMatcher

        shipped = tuple(default_pattern_dirs(lang))
        dirs = tuple(pattern_dirs) if pattern_dirs else shipped
        self.patterns: tuple[Pattern, ...] = load_patterns(dirs)
        self.nlp = spacy.blank(lang)
        # validates every pattern a user adds, once; the shipped ones are validated by the test
        # suite (test_patterns), not at every start-up (spaCy's schema check and compilation of
        # ~250 patterns: about 0.04 s of Detector(), which a one-page `check` pays)
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        shipped_dirs = {str(d) for d in shipped}
        # a Matcher's cost is the patterns it holds times the tokens it reads, so each unit is read
        # only by the patterns the pre-filter says can match it: one Matcher per pattern, built on
        # demand (a Matcher per set of candidates cost more to build, ~1600 sets on 305 contracts,
        # than calling one per candidate saves)
        self._single: dict[int, Matcher] = {}
        self._heading_cache: dict[str, frozenset[int]] = {}
        self._scoped = [i for i, p in enumerate(self.patterns) if p.heading is not None]
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        groups: list[Groups] = []
        regexes: list[str | None] = []
        for index, pattern in enumerate(self.patterns):
            key = f"p{index}"
            if pattern.is_phrase:
                tokens = [t.lower_ for t in self.nlp.make_doc(str(pattern.pattern))]
                self.phrases.add(key, [self.nlp.make_doc(str(pattern.pattern))])
                groups.append(tuple((t,) for t in tokens if t.strip()))
                regexes.append(phrase_regex(tokens))
            else:
                try:
                    if os.path.dirname(pattern.source.rsplit(":", 1)[0]) not in shipped_dirs:
                        self.matcher.add(key, [list(pattern.tokens)])
                except (ValueError, KeyError) as exc:
                    raise ClauseCheckError("E030", f"{pattern.source}: spaCy rejects the pattern: {exc}") from exc
                word_groups = token_pattern_groups(pattern.tokens)
                if not word_groups:
                    raise ClauseCheckError(
                        "E030",
                        f"{pattern.source}: a token pattern needs at least one required token with a literal "
                        "LOWER/ORTH/TEXT value (or an IN list of them), used by the fast pre-filter",
                    )
                groups.append(word_groups)
                regexes.append(token_pattern_regex(pattern.tokens))
        # a negation only cancels triggers of its own type: it is looked for only in the units
        # where one of those can match (most of them cost a lot to look for and rarely matter)
        self._phrase_ids = frozenset(i for i, p in enumerate(self.patterns) if p.is_phrase)
        negations = [i for i, p in enumerate(self.patterns) if p.role == "negation"]
        self.prefilter = Prefilter(groups, regexes, deferred=negations, splits=tokenizer_splits(self.nlp.tokenizer))
        self._negations: dict[ClauseType, list[int]] = defaultdict(list)
        for i in negations:
            self._negations[self.patterns[i].clause_type].append(i)
        # spaCy expands a bounded gap {"OP": "{0,N}"} into N optional states and the matcher's cost
        # grows with them (a pattern set with such gaps ran 5x slower); the matchers that run use
        # "*" instead and the bound is checked on each match's alignment (see hits).
        self._fast = {i: _unbounded(p.tokens) for i, p in enumerate(self.patterns) if not p.is_phrase}
        # a match no longer than this keeps each gap within its bound whatever its alignment: spaCy is
        # not asked for alignments (a third of the matching's cost), only longer matches are checked
        self._within = {i: _surely_within(p.tokens, self._fast[i]) for i, p in enumerate(self.patterns) if not p.is_phrase}
        self._exact: dict[int, Matcher] = {}
        self._plans: dict[int, list[tuple[int, int, dict]] | Literal[False]] = {}
        # per token pattern: the words of one required group and how many tokens a match can have
        # before and after the token holding one of them, to match it only near those words; none
        # for patterns that can be long or read the token's place in the text (IS_SENT_START):
        # those see the whole unit
        self._reach: dict[int, tuple[int, int, tuple[str, ...]]] = {}
        for i, (_fast, _bounds, longest) in self._fast.items():
            entries = self.patterns[i].tokens
            if longest > _MAX_REACH or any(isinstance(t, dict) and "IS_SENT_START" in t for t in entries):
                continue
            keyed = [(len(words), j, words) for j, spec in enumerate(entries)
                     if isinstance(spec, dict) and required(spec) and (words := literals(spec))]
            _n, j, words = min(keyed)
            self._reach[i] = (sum(_most(t) for t in entries[:j]), sum(_most(t) for t in entries[j + 1:]),
                              tuple(w.lstrip(PREFIX) for w in words))

    def candidates(self, doc: Document, units: list[Unit]) -> dict[Unit, list[int]]:
        """The units some trigger pattern could match, with the indices of the patterns to run."""
        # a pattern scoped to a section title cannot count under another title: not looked for at all
        skip = (lambda i: self._off_heading(units[i].heading)) if self._scoped else None
        patterns = self.patterns

        def negations(i: int, kept: list[int]) -> list[int]:
            # the scan reports triggers only: then the negations of their types that could match here
            heading = units[i].heading
            return [j for t in {patterns[k].clause_type for k in kept} for j in self._negations.get(t, ())
                    if patterns[j].heading is None or self._under(j, heading)]

        found = self.prefilter.scan(doc.text, [(u.start, u.end) for u in units], skip,
                                    negations if self._negations else None)
        return {units[i]: kept for i, kept in sorted(found.items())}

    def _under(self, index: int, heading: str) -> bool:
        return index not in self._off_heading(heading)

    def _off_heading(self, heading: str) -> frozenset[int]:
        """The heading-scoped patterns that cannot count under this section title."""
        off = self._heading_cache.get(heading)
        if off is None:
            if len(self._heading_cache) > 65536:
                self._heading_cache.clear()
            off = self._heading_cache[heading] = frozenset(
                i for i in self._scoped if not self.patterns[i].heading.search(heading))  # type: ignore[union-attr]
        return off

    def _matcher_for(self, index: int) -> Matcher:
        """A Matcher holding only this token pattern (already validated), built once."""
        matcher = self._single.get(index)
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = self._single[index] = Matcher(self.nlp.vocab, validate=False)
            matcher.add(f"p{index}", [list(self._fast[index][0])])
        return matcher

    def _exact_match(self, index: int, span: Span) -> bool:
        """Whether the pattern as written (bounded gaps) matches exactly this span: the alignment
        spaCy returns is one of several, and another may keep every gap within its bound.

        spaCy runs a "{0,24}" gap as 24 optional tokens whose paths multiply (seconds and hundreds
        of MB on one 30-token span), so the span is read here as a regular expression over tokens:
        one Matcher of single-token patterns says which tokens each entry accepts, then the
        positions each entry can reach are followed, entry by entry, within its counts."""
        from spacy.matcher import Matcher

        plan = self._plans.get(index)
        if plan is None:
            plan = self._plans[index] = _plan(self.patterns[index].tokens)
        if plan is False:  # an operator not planned here ("!"): spaCy's own matcher
            matcher = self._exact.get(index)
            if matcher is None:
                matcher = self._exact[index] = Matcher(self.nlp.vocab, validate=False)
                matcher.add(f"p{index}", [list(self.patterns[index].tokens)])
            return any(s == 0 and e == len(span) for _k, s, e in matcher(span))
        matcher = self._exact.get(index)
        if matcher is None:
            matcher = self._exact[index] = Matcher(self.nlp.vocab, validate=False)
            for j, (_low, _high, spec) in enumerate(plan):
                if spec:
                    matcher.add(f"e{index}.{j}", [[spec]])
        n = len(span)
        accepts: dict[int, set[int]] = defaultdict(set)
        for k, s, _e in matcher(span) if len(matcher) else ():
            accepts[int(self.nlp.vocab.strings[k].rpartition(".")[2])].add(s)
        everything = range(n)
        reach = {0}
        for j, (low, high, spec) in enumerate(plan):
            ok = accepts[j] if spec else everything
            after = set()
            for t in reach:
                if low == 0:
                    after.add(t)
                pos, count = t, 0
                while pos < n and count < high and pos in ok:
                    pos += 1
                    count += 1
                    if count >= low:
                        after.add(pos)
            reach = after
            if not reach:
                return False
        return n in reach

    def _windows(self, text: str, indices: list[int]) -> list[tuple[int, int, list[int]]]:
        """The stretches of a unit's text that hold every match of these patterns, each with the
        patterns whose matches it can hold: around each occurrence of a pattern's key word, as
        many whitespace-delimited chunks before and after it as the pattern has tokens before and
        after that word's token (spaCy never makes a token across whitespace, so n tokens lie
        within n chunks), when the window holds the pattern's words in order (its pre-filter
        regex). The whole text, for every pattern, when a pattern has no such bound."""
        lower = text.lower()
        chunks = [(m.start(), m.end()) for m in _CHUNK.finditer(text)]
        if not chunks:
            return []
        starts = [c[0] for c in chunks]
        ranges: list[tuple[int, int, int]] = []
        for i in indices:
            window = self._reach.get(i)
            if window is None:
                return [(0, len(text), indices)]
            before, after, words = window
            # a window must itself hold the pattern's words in order (its regex): the match lies in it
            regex = self.prefilter.regexes[i] if len(lower) == len(text) else None
            for word in words:
                pos = lower.find(word)
                while pos >= 0:
                    c = bisect_right(starts, pos) - 1
                    a, b = max(c - before, 0), min(c + after, len(chunks) - 1)
                    if regex is None or regex.search(lower, chunks[a][0], chunks[b][1]) is not None:
                        ranges.append((a, b, i))
                    pos = lower.find(word, pos + 1)
        if not ranges:  # no window can hold a match (the unit's match, if any, is of another pattern)
            return []
        ranges.sort()
        # a match of a pattern lies in one of its own ranges: a merged window is read by those patterns only
        merged: list[tuple[int, int, set[int]]] = [(*ranges[0][:2], {ranges[0][2]})]
        for a, b, i in ranges[1:]:
            if a <= merged[-1][1] + 1:
                start, end, held = merged[-1]
                held.add(i)
                merged[-1] = (start, max(end, b), held)
            else:
                merged.append((a, b, {i}))
        return [(chunks[a][0], chunks[b][1], sorted(held)) for a, b, held in merged]

    def hits(self, doc: Document, units: list[Unit]) -> dict[Unit, list[Hit]]:
        picked = self.candidates(doc, units)
        # only the windows of each unit where a match can be are tokenised and matched (see _windows)
        pieces: list[tuple[Unit, list[int], int]] = []
        texts: list[str] = []
        origins: dict[Unit, list[int]] = {}
        for unit, indices in picked.items():
            text = doc.text[unit.start:unit.end].replace("\n", " ")
            if "  " in text:  # a sentence that goes on after a page break: see _one_space
                text, origins[unit] = _one_space(text)
            for ws, we, held in self._windows(text, indices):
                pieces.append((unit, held, ws))
                texts.append(text[ws:we])
        found_by_unit: dict[Unit, dict[tuple[int, int, int], None]] = {}
        for (unit, indices, offset), sdoc in zip(pieces, map(self.nlp.tokenizer, texts), strict=True):
            found = []
            for index in indices:
                if index in self._phrase_ids:
                    continue
                # the pattern's "{0,N}" gaps ran as "*": keep a match only if each gap is within N
                longest, within = self._fast[index][2], self._within[index]
                for _k, s, e in self._matcher_for(index)(sdoc):
                    if e - s > longest:
                        continue  # longer than the pattern as written can ever be
                    if e - s <= within or self._exact_match(index, sdoc[s:e]):
                        found.append((index, s, e))
            if not self._phrase_ids.isdisjoint(indices):
                found += [(int(self.nlp.vocab.strings[k][1:]), s, e) for k, s, e in self.phrases(sdoc)]
            into = found_by_unit.setdefault(unit, {})
            origin = origins.get(unit)
            for index, s, e in found:  # a match seen in two windows counts once
                cs, ce = offset + sdoc[s].idx, offset + sdoc[e - 1].idx + len(sdoc[e - 1])
                into[(index, origin[cs], origin[ce - 1] + 1) if origin else (index, cs, ce)] = None
        out: dict[Unit, list[Hit]] = {}
        for unit, unit_found in found_by_unit.items():
            triggers: list[tuple[Pattern, int, int]] = []
            negations: dict[ClauseType, list[tuple[int, int]]] = defaultdict(list)
            for index, cs, ce in unit_found:
                pattern = self.patterns[index]
                span = (cs, ce)
                if pattern.heading is not None and not pattern.heading.search(unit.heading):
                    continue
                if pattern.role == "negation":
                    negations[pattern.clause_type].append(_negated(pattern, doc.text, unit, span))
                else:
                    triggers.append((pattern, *span))
            kept = [
                Hit(p.clause_type, p.kind, p.id, unit.start + s, unit.start + e, p.party)
                for p, s, e in triggers
                if not any(ns < e and s < ne for ns, ne in negations.get(p.clause_type, ()))
            ]
            if kept:
                out[unit] = kept
        return out

    def detect(self, doc: Document) -> list[Clause]:
        units = segment(doc)
        found = self.hits(doc, units)
        drafts: list[tuple[ClauseType, Unit, list[Hit], dict]] = []
        deleted = struck_out(doc.text)
        place = {unit: i for i, unit in enumerate(units)}
        for unit, unit_hits in found.items():
            # a clause an amendment after it deletes, or the amendment's words naming it: no longer in force
            unit_hits = [h for h in unit_hits if not any(s <= h.start < e for s, e in deleted)]
            if not unit_hits or deletes_a_clause(doc.text[unit.start:unit.end]) or in_another_language(
                    doc.text[unit.start:unit.end]):
                continue
            refused = asked_and_refused(doc.text[unit.start:unit.end], doc.text[unit.end:unit.end + 300])
            if refused is not None:  # "we asked for a trial period of three months; refused": what was asked is no term
                unit_hits = [h for h in unit_hits if not refused[0] <= h.start - unit.start < refused[1]]
                if not unit_hits:
                    continue
            # what the partner must pass down to its sub-distributors binds them, not it: the sentence's terms for their
            # agreements ("Each dealer agreement shall require ..."), or every item of a list it leads into ("shall
            # include in each sub-distribution agreement:" + "(a) ...")
            lead = _lead_in(doc, unit.block)
            lead_text = _lead_text(doc, lead)
            if lead is not None and (passed_down(lead_text) or summary_only(lead_text)):
                continue  # ... or only sums up clauses set out in full elsewhere
            previous = units[place[unit] - 1] if place[unit] else None
            down = passed_down(doc.text[unit.start:unit.end], doc.text[previous.start:previous.end].rstrip()
                               if previous is not None and previous.block == unit.block else "")
            if down is not None:
                unit_hits = [h for h in unit_hits if not down[0] <= h.start - unit.start < down[1]]
                if not unit_hits:
                    continue
            own = doc.text[unit.start:unit.end]
            # the analysers read a sentence that goes on across a blank line (a page break in it: "for more" + "than three
            # months") with one space there, as the matchers do (see _one_space), its hits moved with its words
            text, read_as, read_hits = own, unit, unit_hits
            if "\n\n" in own:
                text, kept = _one_space(own.replace("\n\n", "  "))
                read_as = unit._replace(end=unit.start + len(text))
                read_hits = [Hit(h.clause_type, h.kind, h.pattern_id, unit.start + bisect_left(kept, h.start - unit.start),
                                 unit.start + bisect_left(kept, h.end - unit.start), h.party) for h in unit_hits]
            by_type: dict[ClauseType, list[Hit]] = defaultdict(list)
            for hit in read_hits:
                by_type[hit.clause_type].append(hit)
            # "... Supplier may by notice:" + (a) ..., (b) ... (or "... is entitled," + "(a) to remove ..."): read the list too
            if _leads_into_list(doc, own, unit.end):
                text += doc.text[unit.end:list_end(doc, unit.end)]
            for clause_type, type_hits in by_type.items():
                attributes = ANALYSERS[clause_type](text, read_as, type_hits)
                if attributes is None and clause_type in READ_WITH_ITS_CLAUSE and not NO_GROUND.search(text):
                    around = _with_its_clause(doc, units, unit, text)
                    if around != text:
                        attributes = ANALYSERS[clause_type](around, read_as, type_hits)
                if (attributes is None and clause_type in READ_AFTER_ITS_SUBJECT and previous is not None
                        and previous.block == unit.block
                        and stands_for_its_subject(before := doc.text[previous.start:unit.start], text)):
                    # "This agreement starts on the date it is signed." + "It continues for three (3) years": read together
                    attributes = ANALYSERS[clause_type](before + text, read_as._replace(start=previous.start), type_hits)
                undone = UNDONE_BY_CONTEXT.get(clause_type)
                if attributes is not None and undone is not None and undone(
                        _context_before(doc, unit, lead), text, doc.text[unit.end:unit.end + CONTEXT]):
                    attributes = None  # "... shall be agreed. Until so agreed, no target shall apply"
                undone_in_list = UNDONE_BY_LEAD_IN.get(clause_type)
                if attributes is not None and undone_in_list is not None and undone_in_list(text, read_as, type_hits,
                                                                                             lead_text):
                    attributes = None
                if attributes is not None:
                    drafts.append((clause_type, unit, [h for h in unit_hits if h.clause_type == clause_type], attributes))
        clauses = _merge(doc, sorted(_backed(doc.text, units, drafts), key=lambda d: (d[1].start, d[0].value)))
        resolve_document(clauses, doc.text)
        return clauses


def _backed(text: str, units: list[Unit], drafts: list[tuple[ClauseType, Unit, list[Hit], dict]]
            ) -> list[tuple[ClauseType, Unit, list[Hit], dict]]:
    """The drafts, less the performance triggers whose only condition points back at the duty stated before it ("If the
    Distributor fails to do so", "failing which", kind back_reference) when that duty is no minimum over time: the minimum
    must be found earlier in the trigger's sentence or in the sentence before it (section titles skipped), so "shall pay
    each invoice within 30 days. If it fails to do so, ..." stays a breach, not a missed target. A sentence before it that
    gives a time to cure a missed volume (CURES_A_MISS: "has ninety days after a Performance Notice to bring Net Sales back
    to the level of the preceding year") backs it too: the miss is in the notice clause before that one."""
    if not any(all(h.kind == "back_reference" for h in d[2]) for d in drafts):
        return drafts
    minimums = {unit: hits for clause_type, unit, hits, attributes in drafts
                if clause_type == ClauseType.minimum_commitment and not commits_to_no_volume(attributes)}

    def backed(unit: Unit, hits: list[Hit]) -> bool:
        first = min(h.start for h in hits)
        if any(h.start < first for h in minimums.get(unit, ())):
            return True
        i = bisect_right(units, unit.start, key=attrgetter("start")) - 2
        while i >= 0 and units[i].is_title:
            i -= 1
        return i >= 0 and (units[i] in minimums or CURES_A_MISS.search(text, units[i].start, units[i].end) is not None)

    return [d for d in drafts if d[0] != ClauseType.performance_trigger or not all(h.kind == "back_reference" for h in d[2])
            or backed(d[1], d[2])]


def _context_before(doc: Document, unit: Unit, lead: int | None) -> str:
    """The text before a unit that UNDONE_BY_CONTEXT reads, ending where the unit starts; for an item of a list, ending
    with the list's lead-in instead ("... The Manufacturer shall not be entitled, by reason of any such failure:" before
    "(b) to convert the appointment into a non-exclusive appointment"), the sentence the item completes (`lead`, the
    block _lead_in found for the unit, read once per unit by the caller)."""
    end = unit.start
    if lead is not None and list_end(doc, doc.blocks[lead].end) >= unit.end:
        end = doc.blocks[lead].end
    return doc.text[max(0, end - CONTEXT):end]


def _with_its_clause(doc: Document, units: list[Unit], unit: Unit, text: str) -> str:
    """The unit's `text` with what may state the rest of its clause (see READ_WITH_ITS_CLAUSE): before it, the lead-in of
    the list it is an item of; after it, the first of the next two sentences of its paragraph that goes on from it, with the
    list that sentence leads into."""
    before = after = ""
    lead = _lead_in(doc, unit.block)
    if lead is not None and list_end(doc, doc.blocks[lead].end) >= unit.end:
        start = doc.blocks[lead].start
        # a lead-in whose sentence a page break cut is read from that sentence's start on the page before ("6.1 If, during
        # any twelve (12) months, the" + "Distributor obtains no order, the Principal may either:")
        k = bisect_right(units, start, key=attrgetter("start")) - 1
        if k >= 0 and units[k].end > start:
            start = units[k].start
        before = doc.text[start:doc.blocks[lead].end] + "\n"
    # within its paragraph and numbered item: a paragraph run together with the next, its blank lines lost, goes on in
    # other clauses
    first = bisect_right(units, unit.start, key=attrgetter("start"))
    for later in islice(units, first, first + 2):
        sentence = doc.text[later.start:later.end]
        if later.block != unit.block or later.is_title or item_style(sentence) is not None:
            break
        if GOES_ON_FROM_A_MISS.search(sentence):
            end = list_end(doc, later.end) if _leads_into_list(doc, sentence, later.end) else later.end
            after = " " + doc.text[later.start:end]
            break
    return before + text + after


def _one_space(text: str) -> tuple[str, list[int]]:
    """The text with each run of spaces made one, and where each of its characters was: spaCy makes a token of the spaces
    after the first, so "any person other" + page break + "than the Distributor" would not match "other than"."""
    kept = [i for i, ch in enumerate(text) if ch != " " or not i or text[i - 1] != " "]
    return "".join(text[i] for i in kept), kept


# where the alternatives a negation governs end: "no obligation to buy any minimum quantity or to reach any minimum revenue,
# but shall ..." (a contrast, or a verb of its own, starts another statement)
_LIST_ENDS = re.compile(r"[;:]|\.(?!\d)|\b(?:but|however|although|except|save|provided|unless|whereas|shall|will|must|may|is|are|agrees?)\b",
                        re.IGNORECASE)


def _negated(pattern: Pattern, text: str, unit: Unit, span: tuple[int, int]) -> tuple[int, int]:
    """What a negation cancels, in the unit's offsets: the triggers it overlaps; for a negation of
    kind "clause" ("Nothing in this Agreement shall be construed as ..."), every trigger from its
    start to the end of its clause (the sentence, or up to the next ';'); of kind "list" ("does not undertake to achieve any
    minimum revenue, any minimum number of Customers or any minimum licence fees"), every trigger in the alternatives it
    governs, up to a word that starts another statement (_LIST_ENDS)."""
    start, end = span
    if pattern.kind == "list":
        stop = _LIST_ENDS.search(text, unit.start + end, unit.end)
        return start, (stop.start() - unit.start if stop else unit.end - unit.start)
    if pattern.kind != "clause":
        return span
    semicolon = text.find(";", unit.start + end, unit.end)
    return start, (semicolon - unit.start if semicolon >= 0 else unit.end - unit.start)


_UNBOUNDED = 10**9  # "as many tokens as there are"


def _plan(pattern: tuple) -> list[tuple[int, int, dict]] | Literal[False]:
    """Each entry of a token pattern as (fewest tokens, most tokens, its token spec without OP);
    False when an entry has an operator this does not plan ("!")."""
    plan = []
    for spec in pattern:
        counts = token_counts(spec)
        if counts is None or spec.get("OP") == "!":
            return False
        low, high = counts
        plan.append((low, _UNBOUNDED if high is None else high, {k: v for k, v in spec.items() if k != "OP"}))
    return plan


def _most(spec: object) -> int:
    """How many tokens one entry of a token pattern can match (10**6: unbounded)."""
    counts = token_counts(spec)
    return 10**6 if counts is None or counts[1] is None else max(counts[1], 1)


def _surely_within(pattern: tuple, unbounded: tuple[tuple, dict[int, int], int]) -> int:
    """The most tokens a match of the pattern can have with each "{0,N}" gap (see _unbounded, whose
    result for it is `unbounded`) sure to hold at most N of them: N plus the fewest tokens every
    other entry takes, for the tightest gap."""
    _specs, bounds, longest = unbounded
    fewest = [counts[0] if (counts := token_counts(spec)) else 0 for spec in pattern]
    return min((n + sum(fewest) - fewest[j] for j, n in bounds.items()), default=longest)


def _unbounded(pattern: tuple) -> tuple[tuple, dict[int, int], int]:
    """The pattern with each "{0,N}" token made "*", those tokens' bounds by position, and
    the most tokens the pattern as written can match."""
    specs, bounds, longest = [], {}, 0
    for j, spec in enumerate(pattern):
        longest += _most(spec)
        op = spec.get("OP") if isinstance(spec, dict) else None
        counts = token_counts(spec)
        if isinstance(op, str) and "," in op and counts is not None and counts[0] == 0 and counts[1] is not None:  # "{0,N}"
            specs.append({**spec, "OP": "*"})
            bounds[j] = counts[1]
            continue
        specs.append(spec)
    return tuple(specs), bounds, longest


MAX_PARAGRAPH = 2500  # a paragraph longer than this is reported by its matching sentences only
# "... other than the" | "Sponsor's uniform": a paragraph that a page break cut mid-sentence; "... until December" |
# "31, 2027": the next paragraph goes on with a number
_OPEN_END = re.compile(r"(?:\b[a-z][\w'’-]*|\b(?:OF|THE|AND|OR|TO|IN|FOR|WITH|BY|AN?|ON|AT|FROM|THAT)|[,(\-–])$")
_CAPITAL_END = re.compile(r"\b[A-Z][\w'’-]*$")
_PREAMBLE = re.compile(r"\bNOW,?\s+THEREFORE\b|\bWITNESSETH\b|\bagree\s+as\s+follows\s*:\s*$", re.IGNORECASE)
_TITLED = re.compile(r"^\s*\S+\s+(?:[A-Z][\w'’&-]*[\s,]+(?:(?:of|and|or|to|for|the|in|on|a|an)\s+)*){1,6}?[A-Z][\w'’&-]*\.\s")  # "(d) No Conflicting Grant of Rights. ..."
_FIRST_ITEM = re.compile(r"^\s*\(?(?:a|A|i|I|1|[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}\.1)[.)]?\s")  # "(a)", "1.", "17.1.1."
_LEAD_BACK = 12  # how many list items back a list's lead-in ("... shall not:") is looked for


# a mark that the clause commits to no volume holds only if every part of it says so: an advertising
# spend (or a mention of a minimum guarantee, or of one named target) next to a purchase floor is no longer the whole of
# the minimum; a territory named only by a defined name (resolve_document looks it up) is not when another part names a place
_EVERY_PART = ("marketing_spend", "guarantee_only", "target_only", "place_name")


def _join(attrs: dict, more: dict) -> None:
    """Add the attributes of one part of a clause to those of the rest (the first value of a key is kept)."""
    every = {key for key in _EVERY_PART if attrs.get(key) and attrs.get(key) == more.get(key)}
    # definitions run into one paragraph ('"Region" means ...' + '"Territory" means ...'): the Territory's own counts
    if "definition" in more and defines_the_territory(more["definition"]) and not defines_the_territory(
            attrs.get("definition", "")):
        attrs["definition"] = more["definition"]
    for key, value in more.items():
        attrs.setdefault(key, value)
    for key in _EVERY_PART:
        if key not in every:
            attrs.pop(key, None)


def _merge(doc: Document, drafts: list[tuple[ClauseType, Unit, list[Hit], dict]]) -> list[Clause]:
    """One clause per type and paragraph: a clause covers the whole paragraph (block) its
    sentences are in, as a lawyer quotes a numbered clause, and the list or table after a
    sentence ending in ':'. In a paragraph too long to quote whole, consecutive sentences of one
    type merge and the rest stay apart. A list item is quoted with its lead-in ("X shall not:"
    + (a), (b) ...), a paragraph cut by a page break with its continuation, and clauses of one type
    that overlap are reported as one."""
    merged: list[tuple[ClauseType, int, int, int, dict]] = []  # type, start, end, block, attrs
    last: dict[ClauseType, int] = {}
    for clause_type, unit, _hits, attributes in drafts:
        j = last.get(clause_type)
        if j is not None and merged[j][3] == unit.block and (
                merged[j][2] >= unit.start - 3 or _quotable(doc, unit.block)):
            t, s, e, b, attrs = merged[j]
            _join(attrs, attributes)
            merged[j] = (t, s, max(e, unit.end), b, attrs)
            continue
        merged.append((clause_type, unit.start, unit.end, unit.block, dict(attributes)))
        last[clause_type] = len(merged) - 1
    starts = [b.start for b in doc.blocks]
    for n, (clause_type, start, end, block, attributes) in enumerate(merged):
        if _quotable(doc, block):
            start, end = min(start, doc.blocks[block].start), max(end, doc.blocks[block].end)
            lead = _lead_in(doc, block)
            if lead is not None and list_end(doc, doc.blocks[lead].end) >= end:
                start = doc.blocks[lead].start
                end = list_end(doc, doc.blocks[lead].end)
            end = _continuation(doc, start, end, starts)
        # "... shall be as follows:" + a list or table, "... the Supplier may," + "(a) to remove ..." + "(b) ..."
        if _leads_into_list(doc, doc.text[start:end], end):
            end = list_end(doc, end)
        merged[n] = (clause_type, start, end, block, attributes)
    # a list quoted with its lead-in holds the clauses of its items, a paragraph continued across a page
    # break the clause of the next: clauses of one type that overlap are one, with the attributes of all
    merged.sort(key=lambda m: (m[0].value, m[1], -m[2]))
    kept: list[tuple[ClauseType, int, int, int, dict]] = []
    for item in merged:
        outer = kept[-1] if kept else None
        if outer is not None and outer[0] == item[0] and item[1] < outer[2]:
            _join(outer[4], item[4])
            kept[-1] = (outer[0], outer[1], max(outer[2], item[2]), outer[3], outer[4])
            continue
        kept.append(item)
    counters: dict[ClauseType, int] = defaultdict(int)
    clauses = []
    for clause_type, start, end, _block, attributes in sorted(kept, key=lambda m: (m[1], m[0].value)):
        counters[clause_type] += 1
        clauses.append(Clause(
            id=f"{clause_type.value}-{counters[clause_type]}", type=clause_type,
            text=doc.text[start:end], page=doc.page_at(start), start=start, end=end,
            attributes=attributes,
        ))
    return clauses


def _lead_in(doc: Document, block: int) -> int | None:
    """The block that introduces the list this list item belongs to: the nearest paragraph above,
    across the items of its list before it, that ends in ':' ("Distributor shall not, during the
    Term:"). A numbered section with its own title ("1. PRIMARY SPONSOR. ...") is no list item, and
    the parties' "agree as follows:" introduces the whole contract, not a list."""
    blocks = doc.blocks
    if block >= len(blocks):
        return None
    text = doc.text[blocks[block].start:blocks[block].end]
    style = item_style(text)
    if style is None or _TITLED.match(text):
        return None
    for i in range(block - 1, max(block - 1 - _LEAD_BACK, -1), -1):
        b = blocks[i]
        text = doc.text[b.start:b.end]
        if b.kind != "paragraph":
            return None
        if item_style(text) == style and not text.rstrip().endswith(":"):
            continue
        if (not text.rstrip().endswith(":") and i and blocks[i - 1].page != b.page
                and ends_mid_sentence(last_word(doc.text, blocks[i - 1].start, blocks[i - 1].end))):
            continue  # the rest of an item a page break cut ("(c) ... in accordance with the" + "Company's checklist ...")
        if not (text.rstrip().endswith(":") and _quotable(doc, i)) or _PREAMBLE.search(text):
            return None
        # the list starts at its first item ("(a)", "1."): "If to Maker:" + "F. Governing Law" is no lead-in
        first = blocks[i + 1]
        return i if _FIRST_ITEM.match(doc.text[first.start:first.end]) else None
    return None


def _lead_text(doc: Document, lead: int | None) -> str:
    """The text of a list's lead-in block, with the start of its sentence when a page break cut it ("... for convenience
    only (the text of Part B" + "prevails):": a block starting in lower case goes on from the paragraph before it)."""
    if lead is None:
        return ""
    blocks = doc.blocks
    start = blocks[lead].start
    if doc.text[start:start + 1].islower() and lead and blocks[lead - 1].kind == "paragraph" and (
            blocks[lead - 1].page != blocks[lead].page):
        start = blocks[lead - 1].start
    return doc.text[start:blocks[lead].end]


def _continuation(doc: Document, start: int, end: int, starts: list[int]) -> int:
    """The end of a paragraph that a page break cut mid-sentence ("... other than the" | "Logan's
    uniform ..."): the next paragraph is the rest of the sentence."""
    blocks = doc.blocks
    i = bisect_right(starts, end - 1) - 1
    for _ in range(2):
        if i + 1 >= len(blocks):
            break
        nxt = blocks[i + 1]
        if nxt.kind != "paragraph" or nxt.end - start > MAX_PARAGRAPH:
            break
        tail, head = doc.text[max(start, end - 40):end].rstrip(), doc.text[nxt.start:nxt.end].lstrip()[:1]
        if not (head.isalnum() and (_OPEN_END.search(tail) or (_CAPITAL_END.search(tail) and not head.isupper()))):
            break  # a sentence that ended, a "Field: Value" line, a rule of dashes
        if is_title(doc.text[nxt.start:nxt.end]):
            break
        end, i = nxt.end, i + 1
    return end


def _quotable(doc: Document, block: int) -> bool:
    """A paragraph short enough to report whole (tables are reported by their rows' units)."""
    b = doc.blocks[block] if block < len(doc.blocks) else None
    return b is not None and b.kind != "table_row" and b.end - b.start <= MAX_PARAGRAPH
