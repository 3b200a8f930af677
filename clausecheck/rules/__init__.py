"""The static registry of rules. A code is never reused."""

from __future__ import annotations

from ..errors import ClauseCheckError
from . import cc101, cc102, cc103, cc201, cc202
from .base import Rule, RuleContext, Violation

# CC1xx: the protections of an exclusive grant (on by default).
# CC2xx: related warning signs (opt-in: `--select CC` or `extend-select = ["CC2"]`).
RULES: tuple[Rule, ...] = (cc101.RULE, cc102.RULE, cc103.RULE, cc201.RULE, cc202.RULE)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def get_rule(code: str) -> Rule:
    try:
        return RULES_BY_CODE[code.upper()]
    except KeyError:
        raise ClauseCheckError("E041", f"unknown rule code {code!r}") from None


def check_prefixes(prefixes: list[str]) -> None:
    """Every selector must name at least one rule: a typo is an error, not a silent no-op."""
    for prefix in prefixes:
        if not any(code.startswith(prefix.upper()) for code in RULES_BY_CODE):
            raise ClauseCheckError("E041", f"{prefix!r} matches no rule code")


__all__ = ["RULES", "RULES_BY_CODE", "Rule", "RuleContext", "Violation", "check_prefixes", "get_rule"]
