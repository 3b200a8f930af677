"""Key words spelt one letter wrong ("exlusive", "minimun", "teritory"): the patterns read words as written, so a clause
worded with such a word may be missed, and the report says so (notice W021) instead of staying silent."""

from __future__ import annotations

import re
import string

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


# each misspelling (as bytes: the text is searched as ASCII) -> the key word it stands for
_MISSPELT = {variant.encode(): key for key in KEY_WORDS for variant in sorted(_one_edit_away(key))
             if variant not in KEY_WORDS and variant not in _REAL_WORDS}
# a word of as many letters as a misspelling can have, in the lower-cased text as ASCII (a letter outside it is "?")
_WORD = re.compile(rb"(?<![a-z])[a-z]{6,13}(?![a-z])")


def misspelt_key_words(text: str) -> list[tuple[str, str]]:
    """(word as written, key word it looks like) for each key word the text spells one letter wrong, in order of first
    appearance (one regex pass over the text as bytes: a millisecond for a long contract)."""
    lower = text.lower()
    found = _MISSPELT.keys() & set(_WORD.findall(lower.encode("ascii", "replace")))
    return sorted(((word.decode(), _MISSPELT[word]) for word in found), key=lambda item: lower.find(item[0]))
