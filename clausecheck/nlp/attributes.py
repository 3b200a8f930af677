"""What patterns cannot do: parse each clause's attributes, and resolve defined terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..models import Clause, ClauseType
from .geo import is_broad, regions
from .quantities import amounts, durations, period

if TYPE_CHECKING:
    from .detect import Hit
    from .segment import Unit

Analyser = Callable[[str, "Unit", Sequence["Hit"]], "dict[str, Any] | None"]

_AUTOMATIC = re.compile(
    r"\b(automatic(?:ally)?|auto-renew\w*|shall (?:be )?(?:renew|extend)\w*|deemed (?:to be )?(?:renewed|extended)|"
    r"will (?:be )?(?:renew|extend)\w*|tacit\w*|unless (?:either|one) party)\b",
    re.IGNORECASE,
)
_NOTICE_AFTER = re.compile(r"^[^.;]{0,40}?\b(notice|prior|before|in advance|written)\b", re.IGNORECASE)
_NOTICE_BEFORE = re.compile(r"\b(notice|upon|on|giving|with)\b[^.;]{0,25}$", re.IGNORECASE)
_GOVERNING = re.compile(
    r"laws? of (?:the )?(?P<j>(?:state|commonwealth|province|republic|kingdom|federal republic|people's republic) of [A-Z][\w .'-]{1,40}?|[A-Z][\w .'-]{1,40}?)"
    r"(?=,|\.|;| without| and (?!Wales)| excluding| applicable| as | \(| in |$| shall| except| other| irrespective| regardless)",
)


def _first_months(text: str, minimum: float = 0.0) -> float | int | None:
    for d in durations(text):
        if d["months"] >= minimum:
            return d["months"]
    return None


def _is_notice(text: str, d: dict[str, Any]) -> bool:
    """A notice period ("ninety (90) days' prior written notice"), not a duration of the agreement."""
    near = _NOTICE_AFTER.match(text[d["end"]:]) or _NOTICE_BEFORE.search(text[: d["start"]])
    return bool(near) and d["unit"] in ("day", "week", "month")


def _notice_and_length(text: str) -> tuple[Any, Any]:
    notice = length = None
    for d in durations(text):
        is_notice = _is_notice(text, d)
        if is_notice and notice is None:
            notice = d["days"]
        elif length is None and d["months"] >= 1:
            length = d["months"]
    return notice, length


_RECITAL = re.compile(r"^\W*(?:[A-Z]\.\s+)?(?:whereas|recitals?)\b", re.IGNORECASE)
_RECITALS_HEADING = re.compile(r"\b(?:recitals|background|witnesseth|preamble)\b", re.IGNORECASE)


def exclusivity(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # a title ("9. EXCLUSIVITY", a contents line) promises a clause, it is not one; a recital
    # describes the deal (often another agreement), the operative clause is what counts
    if unit.is_title or _RECITAL.match(text) or _RECITALS_HEADING.search(unit.heading):
        return None
    kinds = {h.kind or "grant" for h in hits}
    kind = next(k for k in ("grant", "dealing", "purchasing", "other") if k in kinds or k == "other")
    if kind == "other":
        kind = sorted(kinds)[0]
    return {"kind": kind}


def territory(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    attrs: dict[str, Any] = {}
    if any(h.kind == "definition" for h in hits):
        attrs["definition"] = text.strip()
    named = regions(text)
    if named:
        attrs["regions"] = named
    return attrs


_INDEFINITE = re.compile(r"\b(perpetu\w*|indefinite(ly)?|unlimited (period|term|duration)|until terminated)\b", re.IGNORECASE)
_DURATION_WORDS = re.compile(r"\b(continue|continues|remain|remains|valid|endure|effect|force|period|term|duration|expire)\b",
                             re.IGNORECASE)


_AGREEMENT_WORD = re.compile(r"\b(agreement|contract|amendment|licen[cs]e|term|arrangement|alliance|franchise|appointment)\b",
                             re.IGNORECASE)
_NOT_THE_AGREEMENT = re.compile(
    r"\b(surviv\w*|confidential\w*|guarant(y|ee|or)|service of process|non-?compet\w*|non-?solicit\w*|standstill|"
    r"shares|securities|not be (considered|deemed)|shall not (be )?effective|trial|probation\w*|evaluation period|"
    r"means each|each period|quarters?)\b",
    re.IGNORECASE,
)


def term(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # the duration of the agreement itself, not of an obligation that survives it or a lock-up
    if not _AGREEMENT_WORD.search(text) or _NOT_THE_AGREEMENT.search(text):
        return None
    indefinite = bool(_INDEFINITE.search(text))
    if all(h.pattern_id == "indefinite" for h in hits) and not (indefinite and _DURATION_WORDS.search(text)):
        return None  # "perpetual license", "indefinitely" alone: not the agreement's duration
    attrs: dict[str, Any] = {}
    _, months = _notice_and_length(text)  # "three years ... on ninety days' notice": the term is three years
    if months is not None:
        attrs["duration_months"] = months
    if indefinite:
        attrs["indefinite"] = True
    return attrs


_RENEWAL_WORD = re.compile(
    r"\b(successive|renewal|renewed|renews?|additional|further|extension|extend(s|ed)?|consecutive|continues?)\b[^.;]{0,30}$",
    re.IGNORECASE,
)


_FIXED_FIRST = re.compile(
    r"\b(initial|years?|months?|anniversary|end of|expir\w*|until (the )?\w+ \d|19\d\d|20\d\d)\b", re.IGNORECASE)
_SURVIVAL_PERIOD = re.compile(r"\b(years?|months?|days?)\)? thereafter\b", re.IGNORECASE)
# a renewal the parties must still agree on, with no length: no renewal term yet
_MUTUAL_RENEWAL = re.compile(
    r"\b(mutual(ly)?|both parties|(agreement|consent) of (all|both|the) (the )?parties|"
    r"(?<!otherwise )(as )?(may be )?agreed (to )?(upon )?(in writing )?by (both|all|the) (the )?(parties|licensor and)|"
    r"if the parties (so )?agree|parties may agree)\b",
    re.IGNORECASE,
)
_RENEW_VERB = re.compile(r"\b(renew(s|ed|able)?|extend(s|ed)?|automatic(ally)?|continue[sd]?)\b", re.IGNORECASE)
_SIGNATURE_DATE = re.compile(r"\bday and year (first )?(above|below)?\s*(written|set forth)\b", re.IGNORECASE)
_UNTIL_ENDED = re.compile(r"\b(until|unless)\b[^.;]{0,60}\b(terminat\w*|cancel\w*|notice|notif\w*|either party|one party)",
                          re.IGNORECASE)
_APPROVED_CONTINUANCE = re.compile(r"\b(continuance|continuation)\b[^.;]{0,40}\bapproved\b", re.IGNORECASE)
_OTHER_PERIOD = re.compile(
    r"\b(support|option|exercise|cure|grace|acceptance|standstill|lock-?up|exclusivity|warranty|payment|credit|review|"
    r"evaluation|restricted|tail|wind-?down|sell-?off|transition) (period|term)\b", re.IGNORECASE)
_AGREEMENT_RENEWS = re.compile(
    r"\b(agreement|contract|initial term|term of this|franchise|appointment)\b[^.;]{0,60}\b(renew|extend|continu)\w*",
    re.IGNORECASE)
_NON_RENEWAL = re.compile(r"\b(not to|non-?|nonrenew\w*)\s*(renew|extend)\w*", re.IGNORECASE)
_RENEWISH = re.compile(r"\b(renew\w*|extend\w*|extension|continu\w*|automatic\w*)\b", re.IGNORECASE)


def renewal(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    automatic = bool(_AUTOMATIC.search(text))
    if _RECITAL.match(text) or (_APPROVED_CONTINUANCE.search(text) and not automatic):
        return None  # "WHEREAS the parties wish to renew ...", "continues from year to year if the Board approves"
    if _OTHER_PERIOD.search(text) and not _AGREEMENT_RENEWS.search(text):
        return None  # "the Support Period shall automatically be extended": another period, not the agreement's
    if all(h.kind == "weak" for h in hits) and not _RENEWISH.search(text):
        return None
    if all(h.kind in ("mention", "weak") for h in hits) and not _RENEW_VERB.search(text) \
            and not (all(h.kind == "mention" for h in hits) and _notice_and_length(text)[1]):
        return None  # "during the Initial Term or any Renewal Term" mentions renewal, it does not provide it
    if all(h.kind == "nonrenewal" for h in hits) and not _RENEW_VERB.search(_NON_RENEWAL.sub("", text)):
        return None  # "if the parties decide not to extend it": no renewal is provided
    if all(h.kind == "evergreen" for h in hits):
        parts = re.split(r"\b(?:thereafter|after (?:that|which|this))\b", _SIGNATURE_DATE.sub("", text), maxsplit=1)
        first, rest = parts[0], parts[-1]
        if not (_FIXED_FIRST.search(first) and _AGREEMENT_WORD.search(first)) or _SURVIVAL_PERIOD.search(text):
            return None  # "continues thereafter until terminated" renews only after a fixed first term
        if not _UNTIL_ENDED.search(rest):
            return None  # "thereafter continue until the benefits are delivered": a longer first term, no renewal
    notice, _ = _notice_and_length(text)
    length = None
    # the renewal length is the duration that follows a renewal word, not the initial term
    for d in durations(text):
        if (_RENEWAL_WORD.search(text[max(0, d["start"] - 60): d["start"]]) and d["months"] >= 1
                and d["unit"] != "day" and not _is_notice(text, d)
                and not re.search(r"\binitial\W*$", text[max(0, d["start"] - 12): d["start"]], re.IGNORECASE)):
            length = d["months"]
            break
    if length is None and not automatic and _MUTUAL_RENEWAL.search(text):
        return None  # "may be extended on mutual agreement of the parties": no renewal term yet
    attrs: dict[str, Any] = {"automatic": automatic}
    if length is not None:
        attrs["renewal_months"] = length
    if notice is not None:
        attrs["notice_days"] = notice
    return attrs


_REFERRING_DEFINITION = re.compile(
    r"[\"”’']\)?\s+(?:means|shall mean|has the meaning|have the meaning|is defined)\b[^.]{0,80}"
    r"\b(?:set (?:out|forth)|described|specified|defined|given|referred to)\b",
    re.IGNORECASE,
)


def minimum_commitment(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    if unit.is_title:  # "Minimum Purchases." announces the clause; the sentences below are it
        return None
    attrs: dict[str, Any] = {}
    if _REFERRING_DEFINITION.search(text) and not amounts(text) and not period(text):
        return None  # '"Purchase Targets" means the quantities set out in Schedule B': the schedule is the clause
    found = [a for a in amounts(text) if a["kind"] != "percent"] or amounts(text)
    if found:
        first = found[0]
        attrs.update(amount=first["text"], amount_value=first["value"], amount_unit=first["unit"])
    p = period(text)
    if p:
        attrs["period"] = p
    return attrs


def probation(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    attrs: dict[str, Any] = {}
    months = _first_months(text)
    if months is not None:
        attrs["duration_months"] = months
    return attrs


_NON_EXCLUSIVE = re.compile(r"non[\s-]?exclusive|exclusivity (?:shall |will )?(?:terminate|lapse|cease|end)|"
                            r"(?:terminate|withdraw|revoke|remove) (?:the |its |such )?exclusiv", re.IGNORECASE)
_REDUCE = re.compile(r"\b(reduc|remov|withdraw|delet|exclud|narrow|limit)\w*\b[^.]{0,60}\b(territor|product|region|countr|state|account)",
                     re.IGNORECASE)
_TERMINATE = re.compile(r"\bterminat\w*|\bcancel\w*|\brescind\w*|\bend this agreement", re.IGNORECASE)


def performance_trigger(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    """A missed minimum with a consequence the supplier can use; a shortfall that only leads to a
    meeting, a price change or a fee is not a trigger."""
    if _NON_EXCLUSIVE.search(text):
        consequence = "convert_non_exclusive"
    elif _REDUCE.search(text):
        consequence = "reduce_scope"
    elif _TERMINATE.search(text):
        consequence = "terminate"
    else:
        return None
    return {"consequence": consequence}


_CAUSE = re.compile(
    r"\b(breach\w*|default\w*|insolv\w*|bankrupt\w*|receiver\w*|liquidat\w*|dissol\w*|fail(s|ed|ure)?|cure[ds]?|"
    r"violat\w*|change (of|in) control|force majeure|misconduct|fraud\w*|negligen\w*|convict\w*|if|in the event|"
    r"should|ceases?|event of|with cause|for cause|consent of|immediately|renew\w*|extend\w*|"
    r"(before|prior to) the (expiry|expiration|end)|immediate(ly)? (effect|upon|on|terminat\w*)|"
    r"following (cases|events|circumstances)|as follows|in the case)\b",
    re.IGNORECASE,
)
_RIGHT = re.compile(
    r"\b(may|can|right|entitled|option|elect\w*|reserves?|discretion|ability|authori[sz]ed)\b(?:(?!\b(?:if|unless|provided)\b)[^.;]){0,100}?"
    r"\b(terminat\w*|cancel\w*|revok\w*|rescind\w*|withdraw\w*)|\bterminable\b|"
    r"\b(until |unless (sooner |earlier )?)(terminated|cancel+ed) by\b|\b(terminated|cancel+ed)[^.;]{0,40}\bat any time\b",
    re.IGNORECASE,
)
_NO_RIGHT = re.compile(r"\b(may not|shall not|cannot|can not|will not|no right|not be (terminated|cancel+ed))\b", re.IGNORECASE)
_OBJECT = re.compile(
    r"\b(terminat\w*|cancel\w*|rescind|revoke|end|withdraw)\b(?: [\w'’-]+){0,6}? (agreement|contract|licen[cs]e|term|appointment|"
    r"relationship|engagement|arrangement|participation|services?|program|project|employment|period)\b|"
    r"\b(agreement|contract|licen[cs]e|term|appointment|services?)\b[^.;]{0,80}\b(terminated|cancel+ed|terminable)\b|"
    r"\b(until|unless)( sooner| earlier)? (terminated|cancel+ed) by\b",
    re.IGNORECASE,
)
_MUTUAL = re.compile(r"\b(mutual\w*|written agreement|agreement of (both|the) parties)\b", re.IGNORECASE)
_UNILATERAL = re.compile(r"\b(either|any|each) party\b", re.IGNORECASE)
_FOR_CAUSE = re.compile(r"\b(for|with) cause\b", re.IGNORECASE)
_AFTERMATH = re.compile(
    r"\b(upon|after|following|on|in the event of|survives?|effect of|of)( the| any| such| its| an)?( early| earlier)?"
    r"( expiration or| expiry or)? (termination|expiration|expiry)\b",
    re.IGNORECASE,
)


def termination_for_convenience(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # a right (may, entitled, terminable...) to end the agreement, not what happens upon a
    # termination; without an explicit no-cause phrase, no cause or condition may be stated
    if not _RIGHT.search(text) or _NO_RIGHT.search(text):
        return None
    if any(h.kind == "cue" for h in hits):
        if _FOR_CAUSE.search(text.replace("with or without cause", "")):
            return None
        if _AFTERMATH.search(text) and not re.search(r"\bwithout (any )?cause|convenience\b", text, re.IGNORECASE):
            return None
    elif _CAUSE.search(text) or not _OBJECT.search(text) or (_MUTUAL.search(text) and not _UNILATERAL.search(text)):
        return None
    notice, _ = _notice_and_length(text)
    return {"notice_days": notice} if notice is not None else {}


_OFFERING = r"(products?|services?|goods|business(es)?|restaurants?|stores?)"
_COMPETING_OBJECT = re.compile(
    r"(compet(e|es|ing|itive|itor|itors|ition)|\brival\w*)\b|"
    rf"\b(similar|identical|substitut\w*|comparable|interchangeable)\b[^.;]{{0,25}}\b{_OFFERING}\b|"
    rf"\b{_OFFERING} (that|which) (are|is|would be) [^.;]{{0,30}}\b(similar|identical|substitut\w*|comparable)\b",
    re.IGNORECASE,
)
# words that name competition without restraining it; removed before the analyser looks for a competing object
_NOT_COMPETING = re.compile(
    r"\bcompetitive(ly)? (harm\w*|price\w*|pricing|quotation\w*|bid\w*|market\w*|conditions|analysis|injury|reasons|rates|"
    r"terms|position|advantage|disadvantage|sensitive)|\b(is|are|be) not competitive|\bunfair competition|\bcompetition (law|authorit)\w*|\bcompeten\w+|"
    # another agreement that holds a non-compete: "any noncompete, nondisclosure or similar agreement",
    # "the Non-Competition Agreement", "subject to the covenant not to compete in Section 8.3 of the Purchase Agreement"
    r"\bnon-?\s?compet\w*(,? (and |or )?[\w-]+){0,7},? agreements?\b|"
    r"\b(compliance with|contains?|subject to|breach of|under) (the |its |any |such )?(covenants?|obligations?|agreements?) not to compete\b|"
    r"\bcovenants? not to compete (in|under|of|contained in|set forth in) (section|article|paragraph|clause|the|that|such|any)\b|"
    # a competitor as the one a party may not assign to or be acquired by: a transfer clause, not a restraint
    r"\b(assign\w*|transfer\w*|acquir\w*|acquisition|merge[sd]?|merger|control)\b[^.;]{0,60}?\bcompetitors?\b",
    re.IGNORECASE,
)
# a sentence that only permits competing, or carves an exception out of a restraint
_PERMISSION = re.compile(
    r"\b(free (and without restriction )?to|without restriction to|nothing (in|contained in) this agreement|"
    r"shall not be (construed|deemed)|(is|are) not (bound|under|subject)|outside (of )?the territory|"
    r"(expressly )?reserves? (and retains? )?(the|its|all) rights?|no (\w+ )?exclusivity|hereby grants?|"
    r"(will|shall|does|do) not (in any way )?(preclude|prevent|prohibit|restrict|limit)|"
    r"nothing\b[^.;]{0,60}\b(preclude|prevent|prohibit|restrict|limit)s?)\b",
    re.IGNORECASE,
)
_REPRESENTATION = re.compile(r"\brepresents?(,)? (and|or) warrants?\b", re.IGNORECASE)
# a covenant: "shall not", "agrees that ... it will not", "refrain from"
_COVENANT = re.compile(
    r"\b(shall|will|may|must|agrees?|covenants?|undertakes?)\b[^.;]{0,120}?\b(not|neither|nor|never)\b|\brefrain\w*\b",
    re.IGNORECASE,
)
_FUTURE_COVENANT = re.compile(r"\b((shall|will) not|nor (shall|will))\b", re.IGNORECASE)
# a promise about the other party's confidential information ("not use it to create a competitive product")
_CONFIDENTIAL_USE = re.compile(
    r"\b(use|uses|using|utiliz\w*|utilis\w*|disclos\w*|make use)\b[^.;]{0,40}?\b(confidential|proprietary) information\b|"
    r"\b(confidential|proprietary) information\b[^.;]{0,60}?\b(use|used|utiliz\w*|utilis\w*)\b[^.;]{0,40}?\bcompet",
    re.IGNORECASE,
)
_COMPETENT = re.compile(r"\bcompeten(t|ce|cy)\b", re.IGNORECASE)


_COMMERCIAL_ACT = re.compile(
    r"\b(not|neither|nor|never|refrain from)\b[^.;]{0,70}?"
    r"(?-i:\b(engag\w*|own|manage|operate|sell|market|distribute|promote|commerciali[sz]e|manufacture|"
    r"develop|produce|import|supply|represent|handle|carry on|open|endorse|franchise|"
    r"(have|hold|acquire) (any )?(direct or indirect )?(interest|equity))\b)",
    re.IGNORECASE,
)
# the contract's own products ("the Services", "any Loop-branded Products"): a resale or use limit, not a restraint
_OWN_PRODUCTS = re.compile(
    r"\b(sell|market|distribute|promote|supply|provide|offer|develop|create)\w*(\s+itself|\s+directly)?"
    r"(\s+or\s+(otherwise\s+)?\w+)?,?(\s+directly or indirectly,)?\s+((the|such|any( of the)?)\s+)?"
    r"(?-i:(?:[A-Z][\w&'’-]*\s+){0,3}(?:Products?|Services?|Data|Content|Materials|Software|Technology))\b",
    re.IGNORECASE,
)
_NOT_COMPETITION = re.compile(
    r"\b(shares?|securities|stock|confidential\w*|disclos\w*|prospectus|employees?|voting|standstill|trademarks?|marks|"
    r"intellectual property|foregoing)\b",
    re.IGNORECASE,
)
_RESTRAINT_SCOPE = re.compile(
    r"\b(during the (term|period|cooperation)|throughout the term|restricted period|post-term|for a period of|"
    r"in the territory|within the territory|anywhere in the world|directly or indirectly|"
    r"(after|following) the (expiration|termination))\b",
    re.IGNORECASE,
)

_NON_COMPETE_HEADING = re.compile(r"\bnon-?\s?compet\w*|\bcompetitive (activit|business)\w*|\brestrictive covenants?\b",
                                  re.IGNORECASE)


def _permits(text: str) -> bool:
    """Only a permission or an exception: "is free to compete", "nothing in this Agreement prevents ...".
    A carve-out after the covenant ("shall not compete ...; provided that nothing ...") leaves the covenant."""
    m = _PERMISSION.search(text)
    if m and not _COVENANT.search(text[: m.start()]):
        return True
    # "X represents that it is not bound by any non-compete" is no restraint; "represents that he will not" is
    return bool(_REPRESENTATION.search(text)) and not _FUTURE_COVENANT.search(text)


def non_compete(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # a bare prohibition ("shall not sell ...") is a non-compete when it names competing or
    # similar products or businesses, or restrains a commercial activity for a time or a place
    plain = _NOT_COMPETING.sub("", text)
    if _permits(plain) or _CONFIDENTIAL_USE.search(plain):
        return None
    if any(h.kind == "compete" for h in hits):
        if not _COMPETING_OBJECT.search(plain):
            return None  # "competitive harm", "competent court": no competing left
    else:
        # under a "Non-Competition" heading a prohibition needs no time or place to be a restraint
        scoped = _RESTRAINT_SCOPE.search(plain) or _NON_COMPETE_HEADING.search(unit.heading)
        restraint = (_COMMERCIAL_ACT.search(plain) and scoped
                     and not _NOT_COMPETITION.search(plain) and not _OWN_PRODUCTS.search(plain))
        if not (_COMPETING_OBJECT.search(plain) or restraint):
            return None
    attrs: dict[str, Any] = {}
    months = _first_months(text, minimum=1)
    if months is not None:
        attrs["duration_months"] = months
    return attrs


def governing_law(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    m = _GOVERNING.search(text)
    return {"jurisdiction": m.group("j").strip()} if m else {}


ANALYSERS: dict[ClauseType, Analyser] = {
    ClauseType.exclusivity: exclusivity,
    ClauseType.territory: territory,
    ClauseType.term: term,
    ClauseType.renewal: renewal,
    ClauseType.minimum_commitment: minimum_commitment,
    ClauseType.probation: probation,
    ClauseType.performance_trigger: performance_trigger,
    ClauseType.termination_for_convenience: termination_for_convenience,
    ClauseType.non_compete: non_compete,
    ClauseType.governing_law: governing_law,
}


def resolve_document(clauses: list[Clause]) -> None:
    """Document-level resolution: every territory clause learns the definition of "Territory",
    and the definition (not a passing mention such as "worldwide, except ...") decides its scope."""
    territories = [c for c in clauses if c.type == ClauseType.territory]
    definitions = [c for c in territories if "definition" in c.attributes]
    for clause in territories:
        if "definition" not in clause.attributes and definitions:
            clause.attributes["definition"] = definitions[0].attributes["definition"]
            clause.attributes["definition_clause"] = definitions[0].id
        scope = clause.attributes.get("definition") or clause.text
        clause.attributes["regions"] = regions(scope)
        clause.attributes["broad"] = is_broad(scope)
