"""CC101: exclusivity granted without a minimum volume or purchase commitment."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ClauseType, RuleMeta, Severity
from ..nlp.attributes import no_volume
from .base import Rule, RuleContext, Violation

META = RuleMeta(
    code="CC101",
    slug="exclusivity-without-minimum",
    title="Exclusivity without a minimum volume",
    severity=Severity.warning,
    summary="The contract grants exclusivity but sets no minimum volume, quota or purchase commitment.",
    what=(
        "Finds exclusivity that ties the supplier's hands: an exclusive appointment or licence (sole and "
        "exclusive distributor, exclusive right to sell, a promise not to appoint or license anyone else, "
        "all inquiries from the territory referred to the partner), or an exclusive-dealing promise (working "
        "exclusively with the other party, no same or similar deal with anyone else, endorsing only its "
        "products), in a contract that has no minimum purchase, quota, sales target or volume commitment "
        "anywhere, tables and schedules included. The distributor's promise to buy only from the supplier "
        "(exclusive purchasing, all its requirements) binds the distributor, protects the supplier and does "
        "not count. Scope checked against lawyers' labels (CUAD): where exclusive dealing is the only "
        "exclusivity found, the warning is right in four contracts out of five; exclusive purchasing alone "
        "decides no result there, so the supplier's perspective decides it."
    ),
    why=(
        "Exclusivity locks the supplier out of its own territory: it cannot sell directly or appoint "
        "anyone else. Without a measurable minimum the distributor can sell nothing and still keep "
        "the territory for the whole term."
    ),
    example=(
        "Supplier hereby appoints Distributor as its sole and exclusive distributor of the Products "
        "in the Territory, and Distributor shall use its best efforts to promote the Products."
    ),
    fix=(
        "Tie exclusivity to a minimum purchase commitment stated as an amount per period, preferably "
        "per quarter so that a shortfall shows early, in the body of the contract or in a schedule."
    ),
    fallback_clause=(
        "Minimum Purchase Commitment. In order to maintain its exclusive appointment, Distributor shall "
        "purchase from Supplier Products with an aggregate net invoice value of not less than "
        "USD [amount] in each Contract Quarter, as set out in Schedule [X]."
    ),
)


def check(ctx: RuleContext) -> Iterator[Violation]:
    grants = ctx.exclusive_grants()
    # a minimum size per order or an advertising spend is no volume over time: the distributor may still order nothing
    if grants and all(map(no_volume, ctx.of(ClauseType.minimum_commitment))):
        yield Violation(
            "Exclusivity is granted but no minimum volume, quota or purchase commitment was found.",
            grants[0], tuple(grants),
        )


RULE = Rule(META, check)
