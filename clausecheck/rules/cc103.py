"""CC103: exclusivity granted without a termination trigger tied to performance."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ClauseType, RuleMeta, Severity
from .base import Rule, RuleContext, Violation

META = RuleMeta(
    code="CC103",
    slug="exclusivity-without-performance-trigger",
    title="Exclusivity without a performance trigger",
    severity=Severity.warning,
    summary="Nothing happens if the distributor misses its targets: no termination or loss of exclusivity.",
    what=(
        "Finds an exclusive appointment in a contract with no clause that lets the supplier terminate, "
        "convert the appointment to non-exclusive, or reduce the territory or products when the "
        "distributor fails to meet its minimum or performance targets."
    ),
    why=(
        "A quota without a consequence is only a wish. The supplier needs a contractual exit when the "
        "minimum is missed; better still, the right to make the appointment non-exclusive while keeping "
        "the relationship."
    ),
    example=(
        "Supplier appoints Distributor as its exclusive distributor in the Territory. Distributor shall "
        "purchase at least 10,000 units per Contract Year. This Agreement may be terminated by either "
        "party only for material breach."
    ),
    fix=(
        "Add a clause that gives the supplier, when a minimum is missed, the right to convert the "
        "appointment to non-exclusive, reduce the territory or products, or terminate on short notice."
    ),
    fallback_clause=(
        "Failure to Meet Minimums. If Distributor fails to meet the Minimum Purchase Commitment for any "
        "Contract Quarter, Supplier may, by thirty (30) days' written notice, (a) convert Distributor's "
        "appointment to a non-exclusive appointment, (b) remove any part of the Territory, or "
        "(c) terminate this Agreement."
    ),
)


def check(ctx: RuleContext) -> Iterator[Violation]:
    grants = ctx.exclusive_grants()
    if grants and not ctx.of(ClauseType.performance_trigger):
        yield Violation(
            "Exclusivity is granted but nothing lets the supplier terminate or withdraw exclusivity "
            "when the distributor under-performs.",
            grants[0], tuple(grants),
        )


RULE = Rule(META, check)
