"""Which patterns could match a unit, decided from its literal words, before spaCy sees it.

Tokenising and matching are the expensive steps, and most of a contract is boilerplate. A token
pattern can only match a sentence that contains, for *every* required token with a literal value
(LOWER/ORTH/TEXT, or an IN list of them), one of those words; a phrase pattern needs all of its
words. So each pattern becomes a list of word groups, and a unit is tokenised only when some
pattern has all of its groups present, in order and close enough (a regex derived from the
pattern: literal words separated by at most as many whitespace-delimited chunks as the pattern
allows tokens between them), and then only those patterns' matchers run on it.

The test is a necessary condition, never stricter than spaCy: a word of four or more letters and
digits is looked up among the unit's `[a-z0-9]+` runs (spaCy never splits such a run into a
shorter token of four or more characters, except in a handful of slang exceptions), a shorter word
or one with punctuation ("n't", "u.s.") is looked for as a plain substring. NORM values are not
literals here: a token's norm can differ from its text ("n't" -> "not").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

_WORD = re.compile(r"[a-z0-9]+")
_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT")
Groups = tuple[tuple[str, ...], ...]  # every group must have one of its words present


def _required(spec: dict) -> bool:
    op = spec.get("OP")
    if op is None or op == "+":
        return True
    if isinstance(op, str) and op.startswith("{"):
        low = op.strip("{}").split(",")[0].strip()
        return low.isdigit() and int(low) >= 1
    return False


def _literals(spec: dict) -> tuple[str, ...] | None:
    for key in _LITERAL_KEYS:
        value = spec.get(key)
        if isinstance(value, str):
            return (value.lower(),)
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and value["IN"]:
            if all(isinstance(w, str) for w in value["IN"]):
                return tuple(w.lower() for w in value["IN"])
    return None


def token_pattern_groups(pattern: Sequence[dict]) -> Groups:
    """The word groups of a Matcher pattern: one per required token with a literal value."""
    groups = []
    for spec in pattern:
        if isinstance(spec, dict) and _required(spec):
            words = _literals(spec)
            if words:
                groups.append(words)
    return tuple(groups)


def _max_tokens(spec: dict) -> int | None:
    """How many tokens a pattern entry can consume (None: unbounded)."""
    op = spec.get("OP")
    if op is None or op == "?":
        return 1
    if op == "!":
        return 0
    if isinstance(op, str) and op.startswith("{"):
        bounds = op.strip("{}").split(",")
        high = bounds[-1].strip()
        return int(high) if high.isdigit() else None
    return None  # "+" and "*"


def _gap(tokens: int | None) -> str:
    """Text between two tokens with at most `tokens` tokens in between: whitespace and that many chunks."""
    if tokens is None:
        return r"[\s\S]*?"
    if tokens == 0:
        return r"\s*"
    # unambiguous (no catastrophic backtracking): each chunk starts after whitespace
    return rf"\S*(?:\s+\S+){{0,{tokens}}}\s*"


def _alternatives(words: Sequence[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def token_pattern_regex(pattern: Sequence[dict]) -> str | None:
    """A regex over the lower-cased text that every match of the token pattern satisfies.

    Required literal tokens appear in order, separated by no more whitespace-delimited chunks than
    the tokens allowed between them; literals are plain substrings, so the test stays necessary.
    """
    parts: list[str] = []
    pending: int | None = 0
    for spec in pattern:
        if not isinstance(spec, dict):
            return None
        most = _max_tokens(spec)
        words = _literals(spec) if _required(spec) else None
        if words:
            if parts:
                parts.append(_gap(pending))
            parts.append(_alternatives(words))
            pending = None if most is None else most - 1
        elif pending is not None:
            pending = None if most is None else pending + most
    return "".join(parts) if parts else None


def phrase_regex(tokens: Sequence[str]) -> str | None:
    words = [t for t in tokens if t.strip()]
    return r"\s*".join(re.escape(w) for w in words) if words else None


def _is_word(w: str) -> bool:
    return len(w) >= 4 and _WORD.fullmatch(w) is not None


class Prefilter:
    """Maps a unit's text to the indices of the patterns that could match it."""

    def __init__(self, groups: Sequence[Groups], regexes: Sequence[str | None] | None = None) -> None:
        self.groups = [tuple(g for g in gs if g) for gs in groups]
        self.regexes = [re.compile(r) if r else None for r in (regexes or [None] * len(self.groups))]
        # each group split once into (words looked up in the word set, fragments searched as substrings)
        self._checks = [
            tuple((frozenset(w for w in g if _is_word(w)), tuple(w for w in g if not _is_word(w))) for g in gs)
            for gs in self.groups
        ]
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._unkeyed: list[int] = []  # patterns with no all-word group: checked on every unit
        for index, gs in enumerate(self.groups):
            keyable = [g for g in gs if all(_is_word(w) for w in g)]
            if not keyable:
                self._unkeyed.append(index)
                continue
            # index under the group that is rarest in practice: the one with the longest short word
            key = max(keyable, key=lambda g: (min(map(len, g)), -len(g)))
            for w in key:
                self._by_word[w].append(index)
        self._keys = frozenset(self._by_word)

    def patterns_for(self, text: str) -> list[int]:
        """Indices (ascending) of the patterns whose every word group occurs in `text`."""
        lower = text.lower()
        words = set(_WORD.findall(lower))
        candidates = set(self._unkeyed)
        for w in words & self._keys:
            candidates.update(self._by_word[w])
        return [i for i in sorted(candidates) if self._satisfied(i, lower, words)]

    def _satisfied(self, index: int, lower: str, words: set[str]) -> bool:
        for whole, fragments in self._checks[index]:
            if whole.isdisjoint(words) and not any(f in lower for f in fragments):
                return False
        regex = self.regexes[index]
        return regex is None or regex.search(lower) is not None
