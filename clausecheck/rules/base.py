"""What a rule is: declared metadata plus a small generator over a document's clauses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..config import Config
from ..models import Clause, ClauseType, RuleMeta


@dataclass(frozen=True)
class Violation:
    """What a rule yields; the engine stamps code, severity, recommendation and fingerprint."""

    message: str
    clause: Clause | None = None
    related: tuple[Clause, ...] = ()


_AGREEMENT_NAME = re.compile(r"\W*(?:this |the )?exclusive [\w ,-]{0,40}?\b(?:agreement|contract)\b", re.IGNORECASE)


@dataclass(frozen=True)
class RuleContext:
    clauses: tuple[Clause, ...]
    config: Config

    def of(self, clause_type: ClauseType) -> list[Clause]:
        return [c for c in self.clauses if c.type == clause_type]

    def exclusive_grants(self) -> list[Clause]:
        """Exclusivity given away: a grant, or exclusive dealing; not the distributor's exclusive purchasing.

        Exclusive dealing ("Supplier shall work exclusively with Distributor", "no similar deal with
        any other company", "will exclusively endorse") ties the supplier as much as a territorial grant
        does; measured on CUAD against "Exclusivity = Yes and Minimum Commitment = No", the documents
        where dealing is the only exclusivity found are right 4 times out of 5. Exclusive purchasing binds
        the distributor and protects the supplier; on CUAD it is the only exclusivity of a single
        document, which has a minimum anyway, so leaving it out costs nothing measurable.
        """
        grants = [c for c in self.of(ClauseType.exclusivity) if c.binds_supplier]
        # a finding points at the operative grant first, not at the title or preamble that names the
        # agreement ("EXCLUSIVE DISTRIBUTION CONTRACT ENTERED INTO ...")
        return sorted(grants, key=lambda c: bool(_AGREEMENT_NAME.match(c.text)))


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    check: Callable[[RuleContext], Iterator[Violation]]

    @property
    def code(self) -> str:
        return self.meta.code
