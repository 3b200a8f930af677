"""The key terms of one contract at a glance, shared by every human-facing renderer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .models import Clause, ClauseType, DocumentReport
from .nlp.attributes import DEAL_PART, defines_the_territory, no_volume, order_size_only

Status = Literal["present", "missing", "weak", "n/a"]


@dataclass(frozen=True)
class KeyTerm:
    key: str
    label: str
    status: Status
    value: str
    clause: Clause | None


def _fmt_months(months: float | int | None) -> str:
    if months is None:
        return ""
    if months >= 12 and float(months) % 12 == 0:
        years = int(months // 12)
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{months:g} month{'s' if months != 1 else ''}"


_TITLE_WORDS = 6  # a clause of this many words or fewer is a section title ("NINTH: NON-COMPETITION."), not its terms


def _first(doc: DocumentReport, t: ClauseType, key: str | None = None) -> Clause | None:
    """The clause to show for a type: the first with `key` among its attributes, else the first that is
    more than a section title, else the first."""
    clauses = doc.clauses_of(t)
    if key:
        with_key = [c for c in clauses if key in c.attributes]
        if with_key:
            return with_key[0]
    return next((c for c in clauses if len(c.text.split()) > _TITLE_WORDS), clauses[0] if clauses else None)


# a minimum said to be for the exclusive part of a deal exclusive in one country or line and not in another: "not less than
# the Annual Volume Commitment stated in Annex B for the Exclusive Territory"
_FOR_EXCLUSIVE_PART = re.compile(r"\b(?:for|in|in respect of)\s+(?:the\s+)?exclusive\s+(?:[\w-]+\s+){0,2}?" + DEAL_PART,
                                 re.IGNORECASE)


def _shown_minimum(doc: DocumentReport) -> Clause | None:
    """The minimum to show: a volume over a period before an order size or a marketing spend; among those, one said to
    be for the exclusive country or line (the one that can keep the grant, before a non-exclusive country's own floor),
    then one with an amount, then one with a period (a share per period first), before a bare share ("below 80% of the
    Minimum Offtake")."""
    clauses = doc.clauses_of(ClauseType.minimum_commitment)
    volumes = [c for c in clauses if not no_volume(c)] or clauses

    def rank(c: Clause) -> tuple[bool, int]:
        a = c.attributes
        if "amount" in a and a.get("amount_unit") != "percent":
            return _FOR_EXCLUSIVE_PART.search(c.text) is None, 0
        return _FOR_EXCLUSIVE_PART.search(c.text) is None, 1 + ("period" not in a) * 2 + ("amount" not in a)

    return min(volumes, key=rank, default=None)


def _quote(clause: Clause, width: int = 70) -> str:
    """The start of a clause, quoted: what a summary shows when no value could be parsed."""
    text = " ".join(clause.text.split())
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"


def _territory_text(definition: str, width: int = 80) -> str:
    """What follows 'Territory means', shortened for a one-line summary."""
    text = " ".join(definition.split())
    match = (re.search(r"territory\W{0,3}\s*(?:shall\s+)?(?:means?|refers to|is)\s+(.*)", text, re.IGNORECASE)
             # the defined word as written, misspelt ('"Teritory" means', W021): whatever word the definition opens with
             or re.match(r"(?:[\d.()]+\s+)?\W{0,3}\w+\W{0,3}\s*(?:shall\s+)?(?:means?|refers to)\s+(.*)", text, re.IGNORECASE))
    text = (match.group(1) if match else text).rstrip(" .;")
    return text if len(text) <= width else text[: width - 1] + "…"


def is_exclusive(doc: DocumentReport) -> bool:
    """Exclusivity the supplier gives away (the distributor's exclusive purchasing does not count)."""
    return any(c.binds_supplier for c in doc.clauses_of(ClauseType.exclusivity))


PROTECTIONS = ("minimum_commitment", "probation", "performance_trigger")


def protection_gaps(doc: DocumentReport, max_probation_months: float = 6) -> list[KeyTerm]:
    """The protections an exclusive contract lacks or has only weakly; empty when not exclusive.

    Decided from the clauses, not from the findings: a rule switched off, a baseline or a
    per-file ignore hides a finding but does not protect the supplier."""
    return assess(doc, max_probation_months).gaps


def key_terms(doc: DocumentReport, max_probation_months: float = 6) -> list[KeyTerm]:
    return _key_terms(doc, max_probation_months, is_exclusive(doc))


def _key_terms(doc: DocumentReport, max_probation_months: float, exclusive: bool) -> list[KeyTerm]:
    out: list[KeyTerm] = []
    c = _first(doc, ClauseType.exclusivity)
    grants = [x for x in doc.clauses_of(ClauseType.exclusivity) if x.binds_supplier]
    if grants:
        kind = grants[0].attributes.get("kind", "grant")
        label = "yes: exclusive grant" if kind == "grant" else "yes: exclusive dealing"
        out.append(KeyTerm("exclusivity", "Exclusive", "present", label, grants[0]))
    elif c:
        out.append(KeyTerm("exclusivity", "Exclusive", "present", f"exclusive {c.attributes.get('kind', '')} only", c))
    else:
        out.append(KeyTerm("exclusivity", "Exclusive", "missing", "no exclusive grant found", None))
    # the Territory's own definition before another area's the contract also defines ('"Provinces" means ...')
    c = next((x for x in doc.clauses_of(ClauseType.territory) if defines_the_territory(x.attributes.get("definition") or "")),
             None) or _first(doc, ClauseType.territory, "definition")
    if c:
        if c.attributes.get("definition"):
            value = _territory_text(c.attributes["definition"])
        else:  # named in passing, never defined: show what it names, else where it appears
            value = ", ".join(c.attributes.get("regions", [])) or f"not defined; {_quote(c)}"
        if c.attributes.get("broad"):
            out.append(KeyTerm("territory", "Territory", "weak", f"{value} (broad)", c))
        else:
            out.append(KeyTerm("territory", "Territory", "present", value, c))
    else:
        out.append(KeyTerm("territory", "Territory", "missing", "not found", None))
    c = _first(doc, ClauseType.term, "duration_months")
    if c:
        months = c.attributes.get("duration_months")
        value = _fmt_months(months) or ("until terminated" if c.attributes.get("indefinite") else _quote(c))
        out.append(KeyTerm("term", "Initial term", "present", value, c))
    else:
        out.append(KeyTerm("term", "Initial term", "missing", "not found", None))
    c = _first(doc, ClauseType.renewal, "renewal_months")
    if c:
        bits = ["automatic" if c.attributes.get("automatic") else "optional"]
        if "renewal_months" in c.attributes:
            bits.append(f"for {_fmt_months(c.attributes['renewal_months'])}")
        if "notice_days" in c.attributes:
            bits.append(f"{c.attributes['notice_days']} days' notice to stop it")
        out.append(KeyTerm("renewal", "Renewal", "present", ", ".join(bits), c))
    else:
        out.append(KeyTerm("renewal", "Renewal", "missing", "none", None))
    protections = [
        (ClauseType.minimum_commitment, "Minimum commitment"),
        (ClauseType.probation, "Probation"),
        (ClauseType.performance_trigger, "Performance trigger"),
    ]
    for clause_type, label in protections:
        c = _shown_minimum(doc) if clause_type == ClauseType.minimum_commitment else _first(
            doc, clause_type, "duration_months" if clause_type == ClauseType.probation else None)
        if c is None:
            status: Status = "missing" if exclusive else "n/a"
            out.append(KeyTerm(clause_type.value, label, status, "not found", None))
            continue
        a = c.attributes
        status, value = "present", _quote(c)
        if clause_type == ClauseType.minimum_commitment:
            # a schedule's table gives the amounts, the sentence that refers to it the period
            period = a.get("period") or next(
                (m.attributes["period"] for m in doc.clauses_of(clause_type) if m.attributes.get("period")), None)
            value = " ".join(str(x) for x in (a.get("amount"), period and f"per {period}") if x) or value
            if order_size_only(c):  # only an order size: the distributor may still order nothing (CC101)
                status, value = "weak", f"{a.get('amount') or value} per order, no volume over time"
            elif a.get("marketing_spend"):  # only an advertising budget: no purchase volume (CC101)
                status, value = "weak", f"{value} on advertising, no purchase volume"
        elif clause_type == ClauseType.probation:
            months = a.get("duration_months")
            value = _fmt_months(months) or value
            if isinstance(months, (int, float)) and months > max_probation_months:
                status = "weak"
                value += f" (longer than {max_probation_months:g} months)"
        elif clause_type == ClauseType.performance_trigger:
            value = str(a["consequence"]).replace("_", " ") if a.get("consequence") else value
        out.append(KeyTerm(clause_type.value, label, status, value, c))
    for clause_type, label in (
        (ClauseType.termination_for_convenience, "Termination for convenience"),
        (ClauseType.non_compete, "Non-compete"),
        (ClauseType.governing_law, "Governing law"),
    ):
        c = _first(doc, clause_type, {"governing_law": "jurisdiction", "termination_for_convenience": "notice_days"}.get(clause_type.value))
        if c is None:
            out.append(KeyTerm(clause_type.value, label, "missing", "not found", None))
        else:
            value = c.attributes.get("jurisdiction") or (
                f"{c.attributes['notice_days']} days' notice" if "notice_days" in c.attributes else _quote(c))
            out.append(KeyTerm(clause_type.value, label, "present", str(value), c))
    return out


def verdict(doc: DocumentReport, max_probation_months: float = 6) -> str:
    """One line: is the exclusivity this contract grants protected?"""
    return assess(doc, max_probation_months).verdict


@dataclass(frozen=True)
class Assessment:
    """Everything a renderer says about one contract, worked out once (see `assess`)."""

    exclusive: bool
    terms: list[KeyTerm]  # empty for a document that could not be analysed
    gaps: list[KeyTerm]  # the protections an exclusive contract lacks or has weakly
    verdict: str
    error: bool = False  # the document could not be analysed

    @property
    def kind(self) -> Literal["error", "neutral", "bad", "good"]:
        """The colour of the verdict."""
        if self.error:
            return "error"
        if not self.exclusive:
            return "neutral"
        return "bad" if self.gaps else "good"


def assess(doc: DocumentReport, max_probation_months: float = 6) -> Assessment:
    """The key terms, the protection gaps and the one-line verdict of one contract."""
    if doc.error:
        return Assessment(False, [], [], f"not analysed: {doc.error.code} {doc.error.message}", error=True)
    exclusive = is_exclusive(doc)
    terms = _key_terms(doc, max_probation_months, exclusive)
    gaps = [t for t in terms if t.key in PROTECTIONS and t.status in ("missing", "weak")] if exclusive else []
    if not exclusive:
        line = "no exclusive grant found"
    elif gaps:
        line = "exclusive grant, unprotected: " + ", ".join(
            f"{'weak' if t.status == 'weak' else 'no'} {t.label.lower()}" for t in gaps)
    else:
        line = "exclusive grant, protected by minimum, probation and performance trigger"
    return Assessment(exclusive, terms, gaps, line)
