"""Which patterns could match a unit, decided from its literal words, before spaCy sees it.

Tokenising and matching are the expensive steps, and most of a contract is boilerplate. A token
pattern can only match a sentence that contains, for *every* required token with a literal value
(LOWER/ORTH/TEXT, or an IN list of them), one of those words; a phrase pattern needs all of its
words. So each pattern becomes a list of word groups, and a unit is tokenised only when some
pattern has all of its groups present, and then only those patterns' matchers run on it.

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


def _is_word(w: str) -> bool:
    return len(w) >= 4 and _WORD.fullmatch(w) is not None


class Prefilter:
    """Maps a unit's text to the indices of the patterns that could match it."""

    def __init__(self, groups: Sequence[Groups]) -> None:
        self.groups = [tuple(g for g in gs if g) for gs in groups]
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
        return True
