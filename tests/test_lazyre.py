"""Regexes compiled on first use behave as compiled ones and cost nothing until then."""

import re

from clausecheck.nlp import attributes, geo
from clausecheck.nlp.lazyre import LazyPattern, lazy

TEXT = "The Distributor shall purchase not less than 1,000 Units per Contract Year. the distributor"


def test_lazy_matches_as_compiled():
    for pattern, flags in ((r"\bdistributor\b", re.IGNORECASE), (r"(?P<n>[\d,]+)\s+Units", 0), (r"\s+", 0)):
        made, compiled = lazy(pattern, flags), re.compile(pattern, flags)
        assert made.search(TEXT).span() == compiled.search(TEXT).span()
        assert [m.span() for m in made.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
        assert made.findall(TEXT) == compiled.findall(TEXT)
        assert made.sub("_", TEXT) == compiled.sub("_", TEXT)
        assert made.split(TEXT) == compiled.split(TEXT)
        assert bool(made.match(TEXT)) == bool(compiled.match(TEXT))
        assert made.groupindex == compiled.groupindex  # what is not bound comes from the compiled pattern


def test_compiled_once_on_first_use_only():
    made = lazy(r"\bterm\b")
    assert "search" not in vars(made)  # nothing compiled yet
    assert made.pattern == r"\bterm\b" and made.flags == 0  # readable without compiling
    assert made.search("the term of this Agreement")
    assert "search" in vars(made) and made.compiled() is made.compiled()


def test_module_regexes_wait_for_use():
    lazies = [v for module in (attributes, geo) for v in vars(module).values() if isinstance(v, LazyPattern)]
    assert len(lazies) > 300
    assert "lazy(" in repr(lazies[0])
