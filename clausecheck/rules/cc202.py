"""CC202 (opt-in): exclusivity locked in for long, with no early exit."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ClauseType, RuleMeta, Severity
from .base import Rule, RuleContext, Violation

META = RuleMeta(
    code="CC202",
    slug="exclusivity-long-lock-in",
    title="Exclusivity locked in for a long term",
    severity=Severity.info,
    summary="A long initial term or automatic renewal keeps the exclusivity with no performance exit.",
    what=(
        "Finds an exclusive grant with no performance trigger and no termination for convenience whose "
        "initial term is longer than `max_initial_term_months` (24 by default), or that renews "
        "automatically."
    ),
    why=(
        "Without an exit tied to performance, a long or self-renewing term keeps the supplier locked out "
        "of its territory for years, whatever the distributor sells."
    ),
    example=(
        "Supplier appoints Distributor as its exclusive distributor in the Territory. This Agreement has an "
        "initial term of five (5) years and renews automatically for successive one (1) year periods."
    ),
    fix=(
        "Shorten the initial term to one or two years, make renewal of the exclusivity conditional on the "
        "minimum commitment being met, or add a right to terminate on notice."
    ),
    fallback_clause=(
        "Renewal. This Agreement shall renew for successive one (1) year periods only if Distributor has met "
        "the Minimum Purchase Commitment for the preceding Contract Year; otherwise it shall expire at the "
        "end of the then-current term unless Supplier elects in writing to renew it on a non-exclusive basis."
    ),
)


def check(ctx: RuleContext) -> Iterator[Violation]:
    grants = ctx.exclusive_grants()
    if not grants or ctx.of(ClauseType.performance_trigger) or ctx.of(ClauseType.termination_for_convenience):
        return
    limit = ctx.config.max_initial_term_months
    terms = [t for t in ctx.of(ClauseType.term) if isinstance(t.attributes.get("duration_months"), (int, float))]
    long_terms = [t for t in terms if t.attributes["duration_months"] > limit]
    automatic = [r for r in ctx.of(ClauseType.renewal) if r.attributes.get("automatic")]
    if long_terms:
        months = long_terms[0].attributes["duration_months"]
        yield Violation(
            f"The initial term ({months:g} months) is longer than {limit:g} months and nothing ends the "
            "exclusivity early when the distributor under-performs.",
            grants[0], (*grants, long_terms[0]),
        )
    elif automatic:
        yield Violation(
            "The agreement renews automatically and nothing ends the exclusivity when the distributor "
            "under-performs.",
            grants[0], (*grants, automatic[0]),
        )


RULE = Rule(META, check)
