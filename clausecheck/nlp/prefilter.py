"""Which patterns could match a unit, decided from its literal words, before spaCy sees it.

Tokenising and matching are the expensive steps, and most of a contract is boilerplate. A token
pattern can only match a sentence that contains, for *every* required token with a literal value
(LOWER/ORTH/TEXT, or an IN list of them), one of those words; a phrase pattern needs all of its
words. So each pattern becomes a list of word groups, and a unit is tokenised only when some
pattern has all of its groups present, in order and close enough (a regex derived from the
pattern: literal words separated by at most as many whitespace-delimited chunks as the pattern
allows tokens between them), and then only those patterns' matchers run on it.

The test is a necessary condition, never stricter than spaCy: a word of letters and digits is
looked up among the unit's `[a-z0-9]+` runs, plus the words the tokenizer can cut out of a run
(its special cases: "cannot" -> "can" "not"; see Splits); a word the tokenizer's affix rules can
cut off a run ("km" in "5km"), one ending in a digit, or one with punctuation ("n't", "u.s.") is
looked for as a plain substring. Without Splits, only words of four or more letters and digits
are looked up as words. NORM values are not literals here: a token's norm can differ from its
text ("n't" -> "not").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence, Set
from functools import lru_cache, reduce
from operator import or_
from typing import NamedTuple

_WORD = re.compile(r"[a-z0-9]+")
# every byte that is not [a-z0-9] -> a space (see _word_text)
_NOT_WORD = bytes(b if 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256))
_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT")
Groups = tuple[tuple[str, ...], ...]  # every group must have one of its words present


_FIXED_COUNTS: dict[str | None, tuple[int, int | None]] = {
    None: (1, 1), "?": (0, 1), "!": (0, 0), "*": (0, None), "+": (1, None)}


def token_counts(spec: object) -> tuple[int, int | None] | None:
    """How many tokens one entry of a token pattern matches, from its OP: (fewest, most), most
    None when unbounded ("*", "+", "{2,}"); None for an entry or operator this does not read."""
    if not isinstance(spec, dict):
        return None
    op = spec.get("OP")
    if op is None or (isinstance(op, str) and op in _FIXED_COUNTS):
        return _FIXED_COUNTS[op]
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        low, comma, high = (part.strip() for part in op[1:-1].partition(","))
        if (low and not low.isdigit()) or (high and not high.isdigit()) or not (comma or low):
            return None
        fewest = int(low) if low else 0
        return fewest, ((int(high) if high else None) if comma else fewest)
    return None


def required(spec: dict) -> bool:
    """Whether a token spec must match at least once (no OP, "+", or a {n,m} with n >= 1)."""
    counts = token_counts(spec)
    return counts is not None and counts[0] >= 1


# marks a literal that is only the start of a token (from an anchored REGEX): tested as a substring
PREFIX = "\x00"


@lru_cache(maxsize=4096)  # read for the groups, the regex and the windows of each pattern
def _regex_prefixes(regex: str) -> tuple[str, ...] | None:
    """The literal starts of every token an anchored REGEX accepts: "^(compet|rival)" -> compet, rival."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        items = list(parser.parse(regex))
    except Exception:  # noqa: BLE001 - spaCy validated it; anything unusual just gives no literal
        return None
    if not items or items[0] != (c.AT, c.AT_BEGINNING):
        return None

    def lead(seq: list) -> str:
        out = []
        for op, av in seq:
            if op is not c.LITERAL:
                break
            out.append(chr(av))
        return "".join(out)

    rest = items[1:]
    if rest and rest[0][0] is c.SUBPATTERN:  # "(a|b)..." (a quantified group would be a REPEAT)
        rest = list(rest[0][1][-1])
    branches = [list(b) for b in rest[0][1][1]] if rest and rest[0][0] is c.BRANCH else [rest]
    prefixes = [lead(b).lower() for b in branches]
    return tuple(prefixes) if all(prefixes) else None


def literals(spec: dict) -> tuple[str, ...] | None:
    for key in _LITERAL_KEYS:
        value = spec.get(key)
        if isinstance(value, str):
            return (value.lower(),)
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and value["IN"]:
            if all(isinstance(w, str) for w in value["IN"]):
                return tuple(w.lower() for w in value["IN"])
        if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            prefixes = _regex_prefixes(value["REGEX"])
            if prefixes:
                return tuple(PREFIX + p for p in prefixes)
    return None


def token_pattern_groups(pattern: Sequence[dict]) -> Groups:
    """The word groups of a Matcher pattern: one per required token with a literal value."""
    groups = []
    for spec in pattern:
        if isinstance(spec, dict) and required(spec):
            words = literals(spec)
            if words:
                groups.append(words)
    return tuple(groups)


def _gap(tokens: int | None) -> str:
    """Text between two tokens with at most `tokens` tokens in between: whitespace and that many chunks."""
    if tokens is None:
        return r"[\s\S]*?"
    if tokens == 0:
        return r"\s*"
    # unambiguous (no catastrophic backtracking): each chunk starts after whitespace
    return rf"\S*(?:\s+\S+){{0,{tokens}}}\s*"


def _alternatives(words: Sequence[str]) -> str:
    bare = {w.lstrip(PREFIX) for w in words}
    return "(?:" + "|".join(re.escape(w) for w in sorted(bare, key=len, reverse=True)) + ")"


def token_pattern_regex(pattern: Sequence[dict]) -> str | None:
    """A regex over the lower-cased text that every match of the token pattern satisfies.

    Required literal tokens appear in order, separated by no more whitespace-delimited chunks than
    the tokens allowed between them; literals are plain substrings, so the test stays necessary.
    """
    parts: list[str] = []
    pending: int | None = 0
    after_prefix = False
    for spec in pattern:
        if not isinstance(spec, dict):
            return None
        counts = token_counts(spec)
        most = counts[1] if counts else None  # how many tokens the entry can consume (None: unbounded)
        words = literals(spec) if required(spec) else None
        if words:
            if parts:
                # after a token known only by its start, the rest of that token comes first
                parts.append(r"\S*\s*" if after_prefix and pending == 0 else _gap(pending))
            parts.append(_alternatives(words))
            pending = None if most is None else most - 1
            after_prefix = any(w.startswith(PREFIX) for w in words)
        elif pending is not None:
            pending = None if most is None else pending + most
    return "".join(parts) if parts else None


def phrase_regex(tokens: Sequence[str]) -> str | None:
    words = [t for t in tokens if t.strip()]
    return r"\s*".join(re.escape(w) for w in words) if words else None


# How many sentences of a contract hold a word, on average (measured on CUAD contracts; unknown words
# count 1): a pattern is indexed under its group that is cheapest by these tables, so that as few
# sentences as possible are checked for it. Only speed depends on them, never results.
_FREQUENCY = {  # whole words (a [a-z0-9]+ run)
    "licensee": 13, "licensor": 10, "years": 6, "orders": 6, "sales": 6, "distributor": 5, "supplier": 5,
    "including": 10, "provided": 10,
    'shall': 83, 'agreement': 71, 'this': 67, 'with': 57, 'that': 52, 'such': 51, 'other': 46, 'will': 45,
    'party': 36, 'under': 28, 'parties': 26, 'which': 25, 'from': 24, 'each': 23, 'have': 23, 'date': 19,
    'company': 17, 'information': 16, 'business': 15, 'written': 15, 'applicable': 14, 'product': 14,
    'right': 14, 'rights': 14, 'services': 14, 'term': 14, 'upon': 14, 'without': 14, 'means': 13,
    'products': 13, 'terms': 13, 'time': 13, 'notice': 12, 'obligations': 12, 'prior': 12, 'provide': 12,
    'termination': 12, 'within': 12, 'otherwise': 11, 'required': 11, 'after': 10, 'agree': 10, 'days': 10,
    'during': 10, 'following': 10, 'reasonable': 10, 'than': 10, 'agrees': 9, 'effective': 9, 'except': 9,
    'period': 9, 'property': 9, 'third': 9, 'between': 8, 'service': 8, 'their': 8, 'data': 7, 'laws': 7,
    'license': 7, 'necessary': 7, 'payment': 7, 'conditions': 6, 'deemed': 6, 'effect': 6, 'fees': 6,
    'interest': 6, 'liability': 6, 'make': 6, 'marketing': 6, 'only': 6, 'order': 6, 'perform': 6,
    'performance': 6, 'additional': 5, 'amount': 5, 'approved': 5, 'authority': 5, 'authorized': 5,
    'contract': 5, 'control': 5, 'first': 5, 'licensed': 5, 'mean': 5, 'meaning': 5, 'obligation': 5,
    'person': 5, 'purchase': 5, 'regulatory': 5, 'relating': 5, 'request': 5, 'requirements': 5,
    'responsible': 5, 'same': 5, 'sole': 5, 'territory': 5, 'through': 5, 'title': 5, 'unless': 5, 'used': 5,
    'work': 5, 'your': 5, 'arising': 4, 'below': 4, 'failure': 4, 'franchisee': 4, 'full': 4, 'insurance': 4,
    'payments': 4, 'plan': 4, 'similar': 4, 'terminate': 4, 'year': 4,
    # short words, looked up as words when the tokenizer's splits are known
    'the': 170, 'of': 147, 'to': 131, 'and': 129, 'in': 101, 'or': 88, 'a': 71, 'any': 69, 'by': 65, 'be': 63,
    'for': 61, 'as': 50, 'is': 36, 'not': 36, 'all': 36, 'its': 30, 'on': 29, 'may': 25, 'at': 23, 'if': 20,
    'an': 18, 'are': 17, 'use': 16, 'has': 15, 'no': 14, 'it': 13, 'set': 13, 'law': 8, 'but': 7, 'one': 7,
    'non': 6, 'pay': 5, 'act': 5, 'day': 4, 'our': 4, 'own': 3, 'end': 3, 'fee': 3, 'do': 3, 'per': 3,
    'who': 3, 'nor': 3, 'two': 2,
}
_FRAGMENTS = {  # substrings
    'a': 328, '.': 282, 'in': 234, 'on': 234, 'an': 230, 'at': 211, 'or': 206, 'the': 205, 'it': 187,
    'to': 178, 'of': 172, ',': 160, 'is': 160, 'and': 153, 'as': 125, 'all': 121, 'for': 117, 'be': 111,
    'no': 98, ')': 94, '1': 89, 'any': 89, '(': 88, 'x': 85, 'by': 78, 'his': 77, 'per': 68, 'not': 63,
    '2': 59, 'if': 58, '3': 46, 'act': 46, 'term': 46, '-': 43, 'its': 39, ':': 38, 'are': 38, 'use': 38,
    'min': 37, 'age': 36, '4': 35, 'end': 35, '“': 30, '”': 30, 'do': 28, 'may': 28, '’': 26, 'has': 24,
    'our': 23, '*': 21, '[': 20, 'set': 20, 'pay': 18, 'law': 17, 'one': 17, 'own': 16, "'": 14, 'day': 14,
    '"': 11, 'fee': 10, 'provision': 10, 'non': 8, 'met': 7, 'sue': 7, 'two': 7, 'non-': 6, 'continu': 5,
    'nor': 5,
}


def _cost(group: tuple[str, ...], whole: Callable[[str], bool]) -> tuple[int, int]:
    # a short fragment not in the table is found as a substring, inside many words: it costs like a frequent word
    return sum(_FREQUENCY.get(w, 1 if len(w) >= 4 else 30) if whole(w)
               else _FRAGMENTS.get(w.lstrip(PREFIX), 30 if len(w.lstrip(PREFIX)) <= 3 else 3)
               for w in group), len(group)


def _is_word(w: str) -> bool:
    return len(w) >= 4 and _WORD.fullmatch(w) is not None


class Splits:
    """What a tokenizer can make of a run of letters and digits other than one token: the runs
    its special cases cut into tokens ("cannot" -> "can" "not"), and the words its affix rules can
    cut off such a run ("5km" -> "5" "km"). With it, any word of letters and digits is looked up
    among a unit's runs (plus the words those runs can yield), not searched as a substring."""

    def __init__(self, special_cases: dict[str, list[str]] | None = None,
                 affix: Callable[[str], bool] | None = None) -> None:
        """`special_cases`: each string the tokenizer cuts by rule -> the texts of its tokens."""
        self.implied: dict[str, set[str]] = defaultdict(set)  # run -> words it can yield as tokens
        for key, pieces in (special_cases or {}).items():
            words = [p.lower() for p in pieces]
            runs = _WORD.findall(key.lower())
            for word in words:
                if _WORD.fullmatch(word):
                    for run in runs:
                        if run != word:
                            self.implied[run].add(word)
        self.runs = frozenset(self.implied)
        self._affix = affix
        self._whole: dict[str, bool] = {}

    def whole(self, word: str) -> bool:
        """Whether `word` can be looked up among runs: letters and digits, not ending in a digit
        (a number can be cut off a run: "5km"), and no affix rule cuts it off a longer run."""
        known = self._whole.get(word)
        if known is None:
            known = self._whole[word] = (_WORD.fullmatch(word) is not None and not word[-1].isdigit()
                                         and (self._affix is None or not self._affix(word)))
        return known

    def words(self, runs: set[str]) -> set[str]:
        """The words a unit with these runs can hold as whole tokens."""
        if self.runs.isdisjoint(runs):
            return runs
        out = set(runs)
        for run in self.runs.intersection(runs):
            out |= self.implied[run]
        return out


def tokenizer_splits(tokenizer) -> Splits:  # noqa: ANN001 - a spaCy Tokenizer
    """The Splits of a spaCy tokenizer: its special cases, and a test of its affix rules.

    The test tries a word of up to four letters and digits (spaCy's longest unit of ASCII
    letters is "mbar"; no rule cuts a longer word off a run) in every upper/lower-case form after
    a digit with the suffix rules (units: "5km", "5hPa"), and after and before a letter with the
    suffix, prefix and infix rules (in English none cuts letters off letters). It runs for every
    pattern word at start-up (a `check` pays it), so it stays at a few regex calls per word."""
    suffix, prefix, infix = tokenizer.suffix_search, tokenizer.prefix_search, tokenizer.infix_finditer

    def cased(word: str) -> set[str]:
        forms = {""}  # every upper/lower-case form of a short word (units such as "hPa", "MB")
        for ch in word:
            forms = {f + c for f in forms for c in {ch, ch.upper()}}
        return forms

    def affix(word: str) -> bool:
        if len(word) > 4:
            return False
        if suffix:
            for form in cased(word):
                m = suffix("1" + form)
                if m and m.start() > 0:
                    return True
        for form in (word, word.upper()):
            m = suffix("a" + form) if suffix else None
            if m and m.start() > 0:
                return True
            m = prefix(form + "a") if prefix else None
            if m and m.end() <= len(form):
                return True
            if infix and any(True for _ in infix("a" + form + "1")):
                return True
        return False

    from spacy.attrs import ORTH

    return Splits({key: [str(p.get(ORTH, p.get("ORTH", ""))) for p in pieces]
                   for key, pieces in tokenizer.rules.items()}, affix)


def _word_text(lower: str) -> str:
    """`lower` with every character but [a-z0-9] made a space, offsets kept (a character outside
    ASCII is one byte, "?", before it becomes a space): its words are the [a-z0-9]+ runs, which
    str.split reads in half the time a regex pass per span took."""
    return lower.encode("ascii", "replace").translate(_NOT_WORD).decode("ascii")


class _LazyRegexes:
    """A list of regular expressions (or None), each compiled when first asked for."""

    def __init__(self, sources: Sequence[str | None]) -> None:
        self._sources = list(sources)
        self._compiled: list[re.Pattern[str] | None | bool] = [False] * len(self._sources)

    def __getitem__(self, index: int) -> re.Pattern[str] | None:
        regex = self._compiled[index]
        if regex is False:
            source = self._sources[index]
            regex = self._compiled[index] = re.compile(source) if source else None
        return regex  # type: ignore[return-value]


class _WordBits(NamedTuple):
    """Patterns found by bit arithmetic (see Prefilter._bits): the words, each word's bits, the lowest bits, the guard
    bits and the pattern of each guard bit (by its bit_length())."""

    vocabulary: frozenset[str]
    masks: dict[str, int]
    low: int
    guard: int
    guard_of: dict[int, int]

    def add_passing(self, known: Set[str], into: set[int]) -> None:
        """Adds to `into` the patterns each of whose groups has a word among `known` (words of the vocabulary)."""
        passed = (reduce(or_, map(self.masks.__getitem__, known)) + self.low) & self.guard
        while passed:
            top = passed & -passed
            into.add(self.guard_of[top.bit_length()])
            passed ^= top


class Prefilter:
    """Maps spans of text to the indices of the patterns that could match them.

    Each pattern is indexed under one of its word groups (its key). Each span's runs of letters
    and digits are read once (one `findall` per span) and looked up among the pattern words: a
    pattern keyed by words is a candidate when each of its groups of words has one there (all
    patterns at once, by bit arithmetic); key fragments (punctuation, number-like words, a
    REGEX's start) are found by plain substring search over the whole document. Candidates are
    then checked against every group of the pattern and the pattern's regex.

    `deferred` patterns (negations: they only matter where a trigger of their type matches) are
    not looked for by `scan` unless its `then` names them for a span; `check` tests one of them
    on one span. `splits` (see Splits) lets short words be looked up as words; without it, only
    words of four or more letters and digits are, and shorter ones are searched as substrings.
    """

    def __init__(self, groups: Sequence[Groups], regexes: Sequence[str | None] | None = None,
                 deferred: Iterable[int] = (), splits: Splits | None = None) -> None:
        self.groups = [tuple(g for g in gs if g) for gs in groups]
        self.deferred = frozenset(deferred)
        self.splits = splits
        whole = splits.whole if splits is not None else _is_word
        # compiled on first use: a one-page check needs a handful of ~200 (0.13 s of start-up saved)
        self.regexes = _LazyRegexes(regexes or [None] * len(self.groups))
        # each group split once into (words looked up in the word set, fragments searched as substrings)
        self._checks = [
            tuple((frozenset(w for w in g if whole(w)), tuple(w.lstrip(PREFIX) for w in g if not whole(w)))
                  for g in gs)
            for gs in self.groups
        ]
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._by_fragment: dict[str, list[int]] = defaultdict(list)
        self._always: list[int] = []  # patterns without any literal word: candidates everywhere
        by_bits: list[int] = []  # trigger patterns whose key is all words
        for index, gs in enumerate(self.groups):
            if index in self.deferred:
                continue
            if not gs:
                self._always.append(index)
                continue
            key = min(gs, key=lambda g: _cost(g, whole))
            if all(whole(w) for w in key):
                by_bits.append(index)
                continue
            for w in key:
                if whole(w):
                    self._by_word[w].append(index)
                else:
                    self._by_fragment[w.lstrip(PREFIX)].append(index)
        self._triggers = self._bits(by_bits)
        self._keys = frozenset(self._by_word)
        # a deferred pattern `then` names is tested only if its groups of words have a word in the span (most do not):
        # those with no such group always are
        self._deferred_always = frozenset(j for j in self.deferred if all(fragments for _w, fragments in self._checks[j]))
        self._deferred_bits = self._bits(sorted(self.deferred - self._deferred_always))

    def _bits(self, indices: Sequence[int]) -> _WordBits:
        """These patterns, found by bit arithmetic: each of their groups made of words only has a bit,
        set by any of its words, and one guard bit above them; adding a one at the lowest bit carries
        into the guard bit only when every group has a word."""
        masks: dict[str, int] = defaultdict(int)
        low = guard = bit = 0
        guard_of: dict[int, int] = {}
        for index in indices:
            pure = [words for words, fragments in self._checks[index] if not fragments]
            low |= 1 << bit
            for g, words in enumerate(pure):
                for w in words:
                    masks[w] |= 1 << (bit + g)
            bit += len(pure)
            guard |= 1 << bit
            guard_of[bit + 1] = index
            bit += 1
        return _WordBits(frozenset(masks), dict(masks), low, guard, guard_of)

    def _deferred_possible(self, words: set[str]) -> frozenset[int] | set[int]:
        """The deferred patterns whose groups of words all have a word among these."""
        known = self._deferred_bits.vocabulary.intersection(words)
        if not known:
            return self._deferred_always
        possible = set(self._deferred_always)
        self._deferred_bits.add_passing(known, possible)
        return possible

    def patterns_for(self, text: str) -> list[int]:
        """Indices (ascending) of the patterns that could match `text` (deferred ones included)."""
        found = self.scan(text, [(0, len(text))]).get(0, [])
        return sorted([*found, *(j for j in self.deferred if self.check(j, text))])

    def _words(self, spaced: str, start: int = 0, end: int | None = None) -> set[str]:
        """The words of spaced[start:end], a _word_text."""
        runs = set(spaced[start:end].split())
        return self.splits.words(runs) if self.splits is not None else runs

    def check(self, index: int, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether pattern `index` could match text[start:end] (the same necessary condition as `scan`)."""
        lower = text[start:end].lower()
        return self._satisfied(index, lower, self._words(_word_text(lower)))

    def scan(self, text: str, spans: Sequence[tuple[int, int]],
             skip: Callable[[int], frozenset[int]] | None = None,
             then: Callable[[int, list[int]], Iterable[int]] | None = None) -> dict[int, list[int]]:
        """For each span (start, end) of `text` some pattern could match: span index -> pattern indices.

        `skip(i)`, when given, names patterns that cannot count in span i (not looked for there);
        `then(i, found)` names deferred patterns to test in span i once `found` (not empty) is known:
        those that pass are added (the list stays ascending)."""
        lower = text.lower()
        if len(lower) != len(text):  # lower-casing changed offsets (rare letters such as "İ"): span by span
            lowers = [text[s:e].lower() for s, e in spans]
            spans = [(0, len(piece)) for piece in lowers]
        else:
            lowers = None
        spaced = _word_text(lower) if lowers is None else ""
        keyed: dict[int, set[int]] = defaultdict(set)
        if self._by_fragment:
            starts = [s for s, _ in spans]
            for fragment, indices in self._by_fragment.items():
                if lowers is not None:
                    for i, piece in enumerate(lowers):
                        if fragment in piece:
                            keyed[i].update(indices)
                    continue
                pos = lower.find(fragment)
                while pos >= 0:
                    i = bisect_right(starts, pos) - 1
                    if i >= 0 and pos + len(fragment) <= spans[i][1]:
                        keyed[i].update(indices)
                        if i + 1 < len(starts):  # the span is in: go on from the next one
                            pos = lower.find(fragment, max(pos + 1, starts[i + 1]))
                            continue
                        break
                    pos = lower.find(fragment, pos + 1)
        out: dict[int, list[int]] = {}
        keys, by_word, always = self._keys, self._by_word, self._always
        triggers = self._triggers
        vocabulary = triggers.vocabulary
        for i, (s, e) in enumerate(spans):
            piece = lower if lowers is None else lowers[i]
            # a span's own runs (one cut inside a word counts its part only, like the span on its own)
            words = self._words(spaced if lowers is None else _word_text(piece), s, e)
            known = vocabulary.intersection(words)
            hits = keys.intersection(words) if keys else ()
            if not known and not hits and i not in keyed and not always:
                continue
            candidates = keyed.get(i, set())
            if known:
                triggers.add_passing(known, candidates)
            for w in hits:
                candidates.update(by_word[w])
            candidates.update(always)
            if skip:
                candidates -= skip(i)
            if not candidates:
                continue
            sub = piece[s:e]
            found = self._check(sub, candidates, words)
            if found and then is not None:
                possible = self._deferred_possible(words)
                extra = [j for j in then(i, found) if j in possible and self._satisfied(j, sub, words)]
                if extra:
                    found = sorted(found + extra)
            if found:
                out[i] = found
        return out

    def _check(self, lower: str, candidates: set[int], words: set[str] | None = None) -> list[int]:
        """_satisfied for each candidate, inlined: it runs for tens of thousands of spans and patterns."""
        if words is None:
            words = self._words(_word_text(lower))
        found = []
        checks, regexes = self._checks, self.regexes
        for i in sorted(candidates):
            for whole, fragments in checks[i]:
                if whole.isdisjoint(words):
                    for f in fragments:
                        if f in lower:
                            break
                    else:
                        break  # no word of this group: the pattern cannot match
            else:
                regex = regexes[i]
                if regex is None or regex.search(lower) is not None:
                    found.append(i)
        return found

    def _satisfied(self, index: int, lower: str, words: set[str]) -> bool:
        for whole, fragments in self._checks[index]:
            if whole.isdisjoint(words) and not any(f in lower for f in fragments):
                return False
        regex = self.regexes[index]
        return regex is None or regex.search(lower) is not None

