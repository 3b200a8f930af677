"""CC102: exclusivity granted without a probation period (or with one that is too long)."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ClauseType, RuleMeta, Severity
from .base import Rule, RuleContext, Violation

META = RuleMeta(
    code="CC102",
    slug="exclusivity-without-probation",
    title="Exclusivity without a probation period",
    severity=Severity.warning,
    summary="Exclusivity is granted from day one, with no trial period or one longer than the threshold.",
    what=(
        "Finds an exclusive appointment in a contract with no probationary, trial or evaluation "
        "period, or with one longer than `max_probation_months` (6 by default), which counts as weak."
    ),
    why=(
        "Exclusivity should be earned, not given: a probation of three to six months lets the supplier "
        "review real sales before confirming the exclusive appointment, and withdraw it if nothing sells. "
        "A longer probation delays that review until the supplier has already lost a year."
    ),
    example=(
        "Distributor is appointed exclusive distributor in the Territory for an initial term of five (5) "
        "years commencing on the Effective Date."
    ),
    fix=(
        "Add a probation period of three to six months after which the supplier may confirm the "
        "exclusivity, convert the appointment to non-exclusive, or terminate."
    ),
    fallback_clause=(
        "Probationary Period. The first six (6) months following the Effective Date shall constitute a "
        "probationary period. At its end Supplier shall review Distributor's performance and may, by "
        "written notice, confirm the exclusive appointment or convert it to a non-exclusive appointment."
    ),
)


def check(ctx: RuleContext) -> Iterator[Violation]:
    grants = ctx.exclusive_grants()
    if not grants:
        return
    periods = ctx.of(ClauseType.probation)
    if not periods:
        yield Violation("Exclusivity is granted with no probation or trial period.", grants[0], tuple(grants))
        return
    limit = ctx.config.max_probation_months
    # the probation analyser keeps review windows ("within thirty (30) days after the end of the
    # Trial Period") out of duration_months: the first clause stating a length states the period
    stated = next((p for p in periods if isinstance(p.attributes.get("duration_months"), (int, float))), None)
    if stated is not None and stated.attributes["duration_months"] > limit:
        months = stated.attributes["duration_months"]
        yield Violation(
            f"The probation period ({months:g} months) is longer than {limit:g} months: a weak probation.",
            grants[0], (*grants, stated),
        )


RULE = Rule(META, check)
