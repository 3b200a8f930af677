"""CC201 (opt-in): exclusivity over a whole country, a continent or the world."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ClauseType, RuleMeta, Severity
from .base import Rule, RuleContext, Violation

META = RuleMeta(
    code="CC201",
    slug="exclusivity-over-broad-territory",
    title="Exclusivity over a broad territory",
    severity=Severity.info,
    summary="The exclusive territory is a whole country, a continent or the world.",
    what=(
        "Finds an exclusive grant whose Territory is a whole country, a continent or the world "
        "(\"the United States of America\", \"North America\", \"worldwide\") rather than a region "
        "that the distributor can actually cover."
    ),
    why=(
        "A partner that cannot cover the whole territory still blocks it: the supplier cannot sell there "
        "directly or appoint anyone else. Exclusivity should match the area the partner really serves."
    ),
    example=(
        "Supplier appoints Distributor as its exclusive distributor in the Territory. \"Territory\" "
        "means the United States of America."
    ),
    fix=(
        "Limit the exclusive territory to the regions the distributor covers today, and add regions "
        "later when agreed sales targets for them are met."
    ),
    fallback_clause=(
        "Territory. \"Territory\" means the States of [list]. Supplier may extend the Territory to "
        "further States by written notice once Distributor has met the Minimum Purchase Commitment for "
        "two consecutive Contract Quarters; all other areas remain non-exclusive."
    ),
)


def check(ctx: RuleContext) -> Iterator[Violation]:
    grants = ctx.exclusive_grants()
    broad = [t for t in ctx.of(ClauseType.territory) if t.attributes.get("broad")]
    if grants and broad:
        regions = ", ".join(broad[0].attributes.get("regions", [])) or "a broad area"
        yield Violation(f"Exclusivity covers {regions}: a whole country or more.", grants[0], (*grants, broad[0]))


RULE = Rule(META, check)
