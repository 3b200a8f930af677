"""Regexes compiled when first used, not when their module is imported.

The analysers hold a few hundred large regexes; compiling them all at import took about 130 ms,
a sixth of `clausecheck check`'s cold start, though a short text uses few of them. `lazy()` takes
what `re.compile` takes and returns an object that compiles on its first search and then binds
the compiled pattern's methods on itself, so every later call costs what a compiled pattern's does.
`pattern` and `flags` (as given) are there without compiling, for regexes built from others.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A stand-in for `re.compile(pattern, flags)` that compiles on first use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet), its methods bound on self."""
        regex = re.compile(self.pattern, self.flags)
        for name in _METHODS:
            setattr(self, name, getattr(regex, name))
        self.compiled = lambda: regex  # type: ignore[method-assign]
        return regex

    def __getattr__(self, name: str) -> Any:  # only reached for what is not bound yet
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"


def lazy(pattern: str, flags: int = 0) -> Any:
    """`re.compile(pattern, flags)`, compiled when first used (typed Any: used as a re.Pattern)."""
    return LazyPattern(pattern, flags)
