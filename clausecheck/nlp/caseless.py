"""Case-insensitive matching at case-sensitive speed: lower-case the text once, not each regex.

A regex compiled with re.IGNORECASE folds the case of every character it tries and loses the
engine's fast scans for its first characters; the analysers' regexes cost about twice as much
that way. Written in lower case without the flag, they match `fold(text)` at the same places as
they match `text` with it, so their offsets index `text` too (only for patterns whose letters are
ASCII and lower case: a pattern with a case-sensitive part, "(?-i:...)", still reads `text`).
"""

from __future__ import annotations

# The only characters where re.IGNORECASE and str.lower() disagree about ASCII letters, \w, \s or
# \d (every code point checked): "İ" lowers to two characters, and the flag matches "ı" as "i"
# and "ſ" as "s", where lower() keeps them.
_ODD_CASE = {"İ": "i", "ı": "i", "ſ": "s"}


def fold(text: str) -> str:
    """The text in lower case, every character at its offset, as re.IGNORECASE sees it."""
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        for odd, plain in _ODD_CASE.items():
            text = text.replace(odd, plain)
        low = text.lower()
    return low
