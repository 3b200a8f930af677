"""What patterns cannot do: parse each clause's attributes, and resolve defined terms."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..models import Clause, ClauseType
from ..wordlists import ORDINALS
from .caseless import fold
from .geo import BROAD, COUNTRIES, PART_BY_NAME, SUBNATIONAL, is_broad, names_place, regions
from .lazyre import lazy
from .quantities import (
    NUMBER,
    amounts,
    date_span_months,
    dates,
    durations,
    months_between,
    parse_number,
    period,
    yearly_span_months,
)
from .segment import RECITALS_TITLES, is_title, item_style

if TYPE_CHECKING:
    from .detect import Hit
    from .segment import Unit

Analyser = Callable[[str, "Unit", Sequence["Hit"]], "dict[str, Any] | None"]

# _AUTOMATIC, _MUTUAL_RENEWAL, _RENEW_VERB, _APPROVED_CONTINUANCE, _OTHER_PERIOD, _AGREEMENT_RENEWS,
# _NON_RENEWAL and _RENEWISH read caseless.fold(text) (lower case, no re.IGNORECASE)
_AUTOMATIC = lazy(
    r"\b(automatic(?:ally)?|auto-renew\w*|(?:renew|extend|prolong|continu)\w* (?:(?:(?:by|of) )?itself|on its own)|shall (?:be )?(?:renew|extend)\w*|deemed (?:to be )?(?:renewed|extended)|"
    r"will (?:be )?(?:renew|extend)\w*|(?:shall|will) (?:thereafter|then|subsequently) (?:be )?(?:renew|extend)\w*|"
    r"(?:is|are) (?:thereafter |then |subsequently )?(?:automatically )?(?:renewed|extended|prolonged) by|roll(?:s|ed)? (?:over|forward|on)|"
    r"tacit\w*|unless (?:either|one) (?:party|of (?:us|them|the parties))|successive\b[^.;]{0,40}\bunless (?:terminated|cancell?ed)|"
    r"(?:year|month)(?:\s+to\s+|-to-)(?:year|month)\b[^.;]{0,40}\bunless (?:terminated|cancell?ed|(?:either|one|a) party)|"
    r"(?:renew|extend)\w*[^.;]{0,60}\bunless (?:(?:it|this \w+|the \w+) (?:is|has been) )?(?:terminated|cancell?ed|denounced)"
    r"(?: in writing)? by (?:either|one|a|any) party)\b|"
    # in the present tense, unless ended: "The contract renews each year on its anniversary unless cancelled in writing"
    r"\brenews\b[^.;]{0,60}\bunless (?:(?:it|this \w+|the \w+) (?:is|has been) )?(?:terminated|cancell?ed)\b",
)
# "twelve (12) months unless either party gives written notice": the notice is the unless clause's, not the twelve months;
# nor is a table's next row ("| Term | Eighteen (18) months |" + "| Notice | Three (3) months |", joined in a PDF) the
# duration's context: a row's end stops both
_ROW_END = r"\|[ \t]*\n"
_NOTICE_AFTER = lazy(rf"^(?:(?!\bunless\b|{_ROW_END})[^.;]){{0,40}}?\b(notice|prior|before|in advance|written)\b", re.IGNORECASE)
# "notice in writing of not less than twelve months": the older order, the writing between notice and its length; "on"
# and "upon" only when they govern the length ("upon ninety days' written notice"), not a date or an event another verb
# follows ("starts on 1 april 2026 and lasts eighteen (18) months", "commences on signing and runs six months"); what the
# notice is of may come between ("written notice of termination of not less than three (3) calendar months"); no notice
# given ("shall expire automatically, without notice, at the end of twenty-four (24) months"): the length is the term's
_NOTICE_BEFORE = lazy(rf"\b(?<!without )(?<!without any )(?<!without prior )(?<!without further )(?:(?:notice(?:\s+in\s+writing)?(?:\s+of\s+(?:termination|non-?renewal|cancell?ation))?|giving|with)\b(?:(?!{_ROW_END})[^.;]){{0,25}}|"
                            rf"(?:upon|on)\b(?:(?!{_ROW_END}|\band\b|\b\d{{4}}\b)[^.;]){{0,25}})$", re.IGNORECASE)
_GOVERNING = lazy(
    # "the laws of the" + page break + "Abu Dhabi Global Market": any white space between the words
    r"(?i:laws?|legislation)\s+of\s+(?:the\s+)?(?P<j>(?:state|commonwealth|province|republic|kingdom|federal republic|people's republic) of [A-Z][\w .'-]{1,40}?|[A-Z][\w .'-]{1,40}?)"
    r"(?=,|\.|;|\s*\|| without| and (?!Wales)| excluding| applicable| as | \(| in |$| shall| except| other| irrespective| regardless| appl(?:y|ies)\b| govern| will\b| which\b| that\b)",
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


# a heads-of-terms item or a table row, "6. Territory: Norway" or "| Addendum Term | Three (3) years |": its
# label is the context of its value; pasted as Markdown, a bullet item with the label in bold: "- **Territory:** Norway",
# "**Minimum purchases**: none"
_LABELLED = lazy(r"^[\s|]*(?:[-•*]\s+)?(?:[\dIVXivx]+(?:\.\d+)*\.?|\(?[a-z0-9]{1,3}[.)])?[\s|*_]*"
                       r"([A-Z][\w'’-]*(?:\s*[/&]\s*[\w'’-]+|\s+[\w'’-]+){0,3}?)[*_]*\s*[:|]\s*[*_]*\s*(\S.*)", re.DOTALL)
# labels, read caseless.fold(label)
_TERRITORY_LABEL = lazy(r"^(?:[\w'’-]+\s*(?:/|&|and|or)?\s*)?(?:territor(?:y|ies)|regions?|areas?|zones?|districts?)$")
_TERM_LABEL = lazy(r"^(?:(?:initial|contract|agreement|addendum|licen[cs]e|fixed) )?(?:term|duration)"
                         r"(?: of (?:the |this )?(?:agreement|contract|addendum|licen[cs]e))?$")
_RENEWAL_LABEL = lazy(r"^(?:(?:automatic|tacit) )?(?:renewals?|extensions?|prolongation)(?: (?:terms?|periods?))?$")


# a key-terms schedule's numbered item: "Item 3 - Territory: Ireland"
_SCHEDULE_ITEM = lazy(r"^\s*item\s+\d+[a-z]?\s*[-–—.:]\s*(?=[A-Z])", re.IGNORECASE)


def _labelled(text: str) -> tuple[str, str] | None:
    """The label (folded) and the value of a "Label: value" item or a "| Label | value |" row, numbered as a schedule's
    item or not ("Item 5 - Renewal Term: two (2) years")."""
    m = _LABELLED.match(_SCHEDULE_ITEM.sub("", text, count=1))
    return (fold(m.group(1)), m.group(2)) if m else None


_RECITAL = lazy(r"^\W*(?:[A-Z]\.\s+)?(?:(?:and|now)\s+)?(?:whereas|recitals?)\b", re.IGNORECASE)  # "AND WHEREAS" in Canada
# the recitals under their other titles: "INTRODUCTION" (A), (B), ... before "IT IS AGREED", "PRELIMINARY STATEMENT"; a
# numbered "1. Introduction" may be the first operative clause; a "WHEREAS" on a line of its own heads the numbered
# recitals under it ("1. The Operator holds a licence ... and is the exclusive licensee for the games it runs")
_RECITALS_HEADING = lazy(rf"\b(?:{RECITALS_TITLES}|background|witnesseth)\b|^\W*(?:introduction|whereas)\W*$",
                               re.IGNORECASE)


_LETTER_SPACED = lazy(r"(?:\S ){3,}\S")
# boilerplate that says who may enforce or where to sue: "no other person than" there is not a deal
_NOT_A_DEAL_HEADING = lazy(r"\b(jurisdiction|governing law|venue|dispute resolution|arbitration)\b", re.IGNORECASE)
_NOT_A_DEAL = lazy(r"\bthird[- ]part(?:y|ies) beneficiar", re.IGNORECASE)
# a definition: '(b) "Exclusive Dealer" means ...', 'Exclusive Territory shall mean ...'; an unquoted
# name that "shall refer to" is a party's duty ("Supplier shall refer to Distributor all inquiries")
_DEFINITION = lazy(r"^\W*(?:\(?[a-z0-9]{1,4}[.)]\s*|\d{1,3}(?:\.\d{1,3})+\.?\s+)?(?:[\"“‘'][A-Z][\w&'’ -]{0,50}?[\"”’']\s*(?:,\s*)?(?:shall\s+)?refers? to|"
                         r"[\"“‘']?[A-Z][\w&'’ -]{0,50}?[\"”’']?\s*(?:,\s*)?(?:(?:shall\s+)?means?|refers to))\b")


# an exclusive licence only to use something in-house ("to install and use the Toolkit ... for its internal
# business purposes only") grants no right to sell; nor does a right of first refusal over an exclusive
# appointment the supplier may one day make ("If Supplier decides to appoint an exclusive distributor ...")
_INTERNAL_USE = lazy(r"\blicen[cs]e\b[^.;]{0,120}\b(?:to|and) (?:install|use|access)\b[^.;]{0,160}?"
                           r"\binternal (?:business )?(?:use|purposes?|operations)\b", re.IGNORECASE)
_SELLING = lazy(r"\b(?:sell|resell|distribut\w*|market|commerciali[sz]e|import)\b", re.IGNORECASE)
_MAY_APPOINT = lazy(r"\b(?:if|should|in the event(?: that)?|where|whenever)\b[^.;]{0,80}\b(?:decides?|wish(?:es)?|"
                          r"intends?|proposes?|elects?|wants?|determines?)\s+to\s+(?:appoint|grant|engage|designate)\b"
                          r"[^.;]{0,40}\bexclusiv", re.IGNORECASE)


# the word "exclusivity" naming something this contract does not grant: a release from it, or
# arrangements with others that the contract leaves alone
_EXCLUSIVITY_NAMED = lazy(
    r"\b(?:reliev\w*|releas\w*|discharg\w*|free\w*)\b[^.;]{0,40}\bfrom\b[^.;]{0,20}\bexclusivity\b|"
    r"\b(?:reliev\w*|releas\w*|discharg\w*)\b[^.;]{0,40}\bof\b[^.;]{0,20}\bexclusivity\b|"
    r"\bexclusivity (?:arrangements?|agreements?|rights|obligations|commitments)\b[^.;]{0,60}"
    r"\b(?:third part(?:y|ies)|other part(?:y|ies)|others|any other)\b|"
    # deals the supplier makes with others (this contract is one agreement): "agreements of brand exclusivity with bars"
    r"\b(?:agreements|arrangements|deals) (?:of|for) (?:[\w-]+ )?exclusivity\b|"
    # the exclusivity granted elsewhere, ended or held on a condition: "may end the exclusivity in clause 2.1",
    # "if your exclusivity ends", "Exclusivity shall continue only so long as ...", "shall become definitive only after"
    r"\b(?:end|terminat\w*|withdraw\w*|revok\w*|cancel\w*)\s+(?:the |its |your |such |this )?exclusivity\b|"
    r"\bexclusivity\s+(?:ends|ceases|lapses|terminates)\b|"
    # "no right of termination, reduction of the Area or withdrawal of exclusivity", "in the event of such loss of exclusivity"
    r"\b(?:withdrawal|termination|revocation|loss|cancell?ation|removal|end)\s+of\s+(?:the\s+|its\s+|such\s+|any\s+)?exclusivity\b|"
    r"\bexclusivity (?:shall|will) (?:become|continue|remain)\b[^.;]{0,30}?\b(?:only|so long as|as long as)\b",
    re.IGNORECASE,
)


# exclusivity only to be talked about later ("will consider in good faith a request to negotiate an exclusive
# dealer agreement", "the parties may discuss the possibility of an exclusive arrangement"), and the exclusive
# rights an intellectual property holder has by law ("the holder's exclusive rights to sell and produce
# propagating material") or someone outside the contract holds, named by a common noun rather than as a party
# ("protects the broadcaster's exclusive media rights", "the artist's exclusive licence"): no grant to the distributor
_EXCLUSIVITY_LATER = lazy(
    r"\b(?:consider(?:ing)?|negotiat(?:e|ing|ions?)|discuss(?:ing|ions?)?|explor(?:e|ing))\b[^.;]{0,60}?"
    r"\b(?:an?|the possibility of(?: an?)?)\s+(?:new\s+|separate\s+|future\s+|further\s+)?exclusiv\w*|"
    # the question left open: "shall consult in good faith as to whether exclusive rights for part of the Area might be granted"
    r"\b(?:consult|discuss|negotiate|consider|explore)(?:s|ing)?\b[^.;]{0,40}?\b(?:whether|with a view to)\b[^.;]{0,40}?\bexclusiv\w*|"
    # an offer made before, and whatever comes later: "the Supplier offered the Distributor an exclusive appointment",
    # "the offer of exclusivity mentioned in clause 2", "any future exclusive appointment shall require a new contract"
    r"\b(?:offered|proposed)\b(?!\s+for\s+sale)[^.;]{0,60}?\ban?\s+exclusiv\w*|\b(?:the|an|any|its|this|that)\s+offer\s+of\s+(?:an?\s+)?exclusiv\w*|"
    # asked for, not given: "The Distributor may request exclusivity for the Territory after the first Contract Year", "may
    # apply for exclusive status", "may ask for an exclusive appointment"
    r"\b(?:request(?:s|ed)?|apply\s+for|applies\s+for|ask(?:s|ed)?\s+for|seek(?:s)?|petition\s+for)\s+(?:an?\s+|the\s+)?"
    r"(?:exclusivity|exclusive\s+(?:status|rights?|appointment|distributorship|dealership))\b|"
    # and turned down: "the Distributor declined the exclusivity offered", "an exclusive appointment was refused"
    r"\b(?:declin|refus|reject)\w*\s+(?:the|any|an?)\s+(?:[\w-]+\s+)?(?:exclusivity|exclusive\s+(?:appointment|offer|arrangement|rights?|status|proposal))\b|"
    r"\bexclusiv\w*(?:\s+[\w-]+)?\s+(?:was|were|has been|had been)\s+(?:declined|refused|rejected|turned down|not accepted)\b|"
    # or named among what this agreement supersedes (its entire-agreement clause): "supersedes all prior discussions,
    # including the draft 'exclusive distributor' term sheet", "supersedes the letter of intent under which the Dealer was to
    # be the exclusive dealer" (not a grant made after it: "supersedes the Prior Agreement, and the Supplier hereby appoints ...")
    r"\bsupersed(?:es?|ed|ing)\b(?:(?!\b(?:appoint|grant|make|made|nam|designat|hereby|shall|will)\w*)[^.;]){0,120}?\bexclusiv\w*|"
    r"\bany\s+(?:future|subsequent|later)\s+exclusiv\w*|"
    # or left to a document not yet signed: "Any such exclusivity shall exist only if and when it is set out in a written
    # amendment", "exclusive rights may be granted only by a separate written agreement" (not a grant whose change needs one:
    # "is the exclusive distributor; this may be changed only by written amendment")
    r"\bexclusiv\w*\b[^.;]{0,60}?\b(?:shall|will|would|may|can)\s+(?:only\s+)?(?:exist|arise|apply|take\s+effect|"
    r"be\s+(?:granted|given|conferred|created|agreed))\s+(?:only\s+)?(?:if|when|by|upon|through|in|once|after)\b[^.;]{0,60}?"
    r"\b(?:amendment|(?:separate|new|further|written)\s+(?:written\s+)?agreement)\b", re.IGNORECASE)
_OWNERS_RIGHTS = lazy(
    r"\b(?:holder|owner|proprietor|patentee|breeder|registrant)s?['’]s?\s+exclusive\s+rights?\b|"
    r"\bexclusive\s+rights?\s+(?:of|held by|conferred on|vested in)\s+(?:the|a|an|its|their)\s+(?:\w+\s+)?"
    r"(?:holder|owner|proprietor|patentee|breeder)s?\b|"
    r"\bthe\s+(?!(?:distributor|dealer|reseller|agent|licensee|franchisee|importer|wholesaler|stockist|retailer|partner|"
    r"representative|buyer|purchaser|customer)s?['’])(?-i:[a-z][a-z-]+)['’]s?\s+exclusive\s+(?:[\w-]+\s+){0,2}?"
    r"(?:rights?|licen[cs]es?)\b", re.IGNORECASE)
# exclusivity the supplier gave someone else, not this distributor: "Manufacturer has granted exclusive distribution rights
# for Georgia to a third party", "the exclusive rights awarded to other dealers", "another distributor holds exclusivity",
# "The Licensor has granted a national broadcaster an exclusive free-TV licence" (a party brought in by 'a', not the
# contract's own 'the Licensee', given an exclusive right before this contract: its perfect tense and second article)
_OTHER = (r"(?:an?\s+|one or more\s+)?(?:third[- ]part(?:y|ies)|(?:another|other)\s+(?:[\w-]+\s+)?(?:distributors?|dealers?|"
          r"integrators?|resellers?|agents?|licensees?|importers?|part(?:y|ies)|persons?|compan(?:y|ies)))\b")
_OTHERS_EXCLUSIVITY = lazy(
    r"\b(?:granted|given|awarded)\s+(?:[\w-]+\s+){0,3}?exclusiv\w*\b(?:(?!\b(?:not|no|nor|never)\b)[^.;]){0,80}?\bto\s+" + _OTHER +
    r"|\bexclusiv\w*\b[^.;]{0,60}?\b(?:granted|given|awarded)\s+to\s+" + _OTHER +
    r"|\b" + _OTHER + r"[^.;]{0,20}?\b(?:holds?|has|have|enjoys?)\s+(?:the\s+)?exclusiv\w*"
    r"|\b(?:has|have|had)\s+(?:already\s+|previously\s+)?(?:granted|given|awarded|licen[cs]ed)\s+(?:to\s+)?(?:an?|one or more)\s+"
    r"(?!(?:non-)?exclusiv)(?:[\w-]+\s+){1,4}?(?:an?|the)\s+exclusiv\w*", re.IGNORECASE)
# the seller left free to sell in the market, save the goods made under the buyer's own mark: "Nothing in this Agreement
# restricts the Supplier from selling its own products to other customers, save that it shall not sell Products bearing the
# Buyer's trade mark to anyone other than the Buyer" (private label kept for its owner, no market granted)
_OWN_BRAND_ONLY = lazy(
    r"\bnothing in this (?:agreement|contract)\s+(?:shall\s+)?(?:restricts?|prevents?|limits?|restrains?|prohibits?|precludes?)\b"
    r"[^.;]{0,80}?\bfrom\b[^.;]{0,160}?\b(?:save|except)(?:\s+that|\s+for)?\b[^.;]{0,80}?\b(?:bearing|carrying|under)\s+[^.;]{0,40}?"
    r"\b(?:trade\s?marks?|brands?|labels?)\b[^.;]*", re.IGNORECASE)
# exclusivity that has already ended: "all exclusive rights granted to it under the Prior Agreement terminated on the
# Restatement Date", "the Dealer's exclusivity has expired" (not "the exclusive rights shall be terminated if ...")
# or is declared ended now, with no condition after it: "Distributor's exclusive rights under the Original Agreement are
# terminated and of no further force or effect", "any exclusivity granted before is hereby revoked" (not "the exclusive rights
# are terminated if ...")
_EXCLUSIVITY_ENDED = lazy(r"\bexclusiv\w*\b[^.;]{0,80}?\b(?:(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeing )(?:terminated|ended|ceased|expired|lapsed)|"
                                r"(?:was|were|has been|have been) (?:terminated|released|surrendered|relinquished|waived|revoked|withdrawn)|"
                                r"(?:is|are)\s+(?:hereby\s+(?:terminated|revoked|withdrawn|cancell?ed|extinguished|rescinded)|"
                                r"(?:terminated|revoked|withdrawn|cancell?ed|extinguished|rescinded)\s+and\s+(?:are\s+|is\s+)?"
                                r"(?:of\s+no\s+(?:further\s+)?(?:force|effect)|null\s+and\s+void)|of\s+no\s+further\s+(?:force|effect)|"
                                r"null\s+and\s+void)(?![^.;]{0,80}\b(?:if|unless|upon|when|should|in\s+the\s+event)\b))\b",
                                re.IGNORECASE)
# an exclusive licence a party itself holds from someone else: "the Supplier uses the Marks under an exclusive licence
# from its parent company" (the title it has, not a grant to the distributor)
_HELD_LICENCE = lazy(r"\b(?:uses?|using|holds?|holding|owns?|exploits?|possess(?:es)?|enjoys?)\b[^.;]{0,60}?"
                           r"\bunder\s+an?\s+exclusive\s+licen[cs]e\s+(?:from|granted by)\b", re.IGNORECASE)
# a law on exclusive distribution named, not a grant: "the Belgian Act of 27 July 1961 on the unilateral termination of exclusive
# distribution agreements does not apply", "the Law of 1961 relating to exclusive distributorships" (not "Subject to applicable
# law on competition, the Supplier appoints ... exclusive distributor": no comma, appointing verb or full stop between)
_LAW_ON_EXCLUSIVITY = lazy(r"\b(?:Act|[Ll]aws?|Statute|Decree|Regulation|Directive|Code|legislation|rules)\b(?:\s+(?:of|no\.|dated|number)\s+[\w/ -]{1,25}?)?"
                           r"\s+(?:on|concerning|relating\s+to|relative\s+to|regarding|governing|in\s+respect\s+of|dealing\s+with|applicable\s+to)\s+"
                           r"(?:(?!appoint|grant|hereby|shall|will|is\b|are\b)[\w'’-]+\s+){0,8}?(?:the\s+)?exclusive\s+"
                           r"(?:distribution|distributorships?|dealerships?|concessions?|agency|agencies|sales?|selling)"
                           r"(?:\s+(?:agreements?|contracts?|concessions?|relationships?|arrangements?))?\b")
# exclusivity an earlier agreement gave, now ended: "the Prior Agreement, including the exclusivity granted by it, expired",
# "no term of the Prior Agreement conferring exclusivity survives its expiry"
_EARLIER_AGREEMENT = lazy(r"\b(?:prior|previous|former|earlier|predecessor|expired)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:agreements?|contracts?|arrangements?)\b", re.IGNORECASE)
# the grant of the agreement being amended, set to end on a date while its clause is replaced: "Your exclusive appointment
# under Section 2.1 of the Agreement ends on March 31, ... Section 2.1 is replaced by the following" (applied with _AMENDMENT)
_EXCLUSIVITY_ENDING = lazy(r"\bexclusiv\w*\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:ends?|terminates?|expires?|ceases?|lapses?|(?:will|shall)\s+"
                                 r"(?:end|terminate|expire|cease|lapse))\s+(?:on|as of|with effect from|effective)\b|"
                                 r"\b(?:end|expiry|termination)\s+of\s+(?:the\s+|your\s+|its\s+)?exclusivity\b", re.IGNORECASE)
_ENDED = lazy(r"\b(?:expired|lapsed|ended|ceased|no longer|not\s+(?:been\s+)?(?:renewed|extended))\b|"
                    r"\b(?:no|not)\b[^.;]{0,60}\bsurviv\w*", re.IGNORECASE)
_NEGATED_BEFORE = lazy(r"\b(?:not|no|nor|never)\b[^.;]{0,30}$", re.IGNORECASE)


def _only_in(text: str, unit: Unit, hits: Sequence[Hit], pattern: re.Pattern[str]) -> bool:
    """Whether every hit overlaps a match of `pattern` in the unit's text that no negation precedes
    ("shall not negotiate an exclusive agreement with anyone else" restrains the supplier)."""
    spans = [m.span() for m in pattern.finditer(text) if not _NEGATED_BEFORE.search(text, max(0, m.start() - 40), m.start())]
    return bool(spans) and all(any(s < h.end - unit.start and h.start - unit.start < e for s, e in spans) for h in hits)


# the word naming the distributor's exclusive purchasing: "Exclusivity of procurement", "sourcing exclusivity",
# "Exclusive Purchasing" (not the distributor's "exclusive purchase right" for a market, a grant)
_PURCHASING_NAMED = lazy(r"\bexclusivity\s+(?:of|in)\s+(?:procurement|purchas\w*|sourcing)\b|"
                               r"\b(?:procurement|purchas\w*|sourcing)\s+exclusivity\b|"
                               r"\bexclusive\s+(?:purchas(?:e|ing)|sourcing|procurement)\b(?!\s+(?:rights?|licen[cs]es?|privileges?)\b)",
                               re.IGNORECASE)


_MARKET_NAMED = lazy(r"\b(?:in|for|within|throughout|across|into)\s+(?:the\s+)?(?:Territory|Region|Area|Zone|Market)\b")


# promises not to deal with others, and sole rights, that bind or belong to the wrong party (a pattern's `party`, see
# patterns.py): the partner bound not to sell to third parties or license them ("Distributor shall not supply the Products to
# any third party for resale outside the Territory") restrains the partner, and a right the supplier keeps ("Supplier shall
# have the sole right to sell to the Key Accounts") is no grant; a "sole right" counts only when the partner is named as
# holding it ("The Distributor shall have the sole right to distribute", not "SIGA shall have the sole right to Promote the
# Product in such Discontinued Country")
_SUPPLIER_WORDS = r"supplier|company|manufacturer|principal|licensor|vendor|seller|producer|brand\s+owner|we"
# the words the partner is named by
_PARTNERS = "distributor|dealer|agent|importer|reseller|retailer|licensee|representative|stockist|wholesaler|franchisee"


def _bound_party(before: str) -> str | None:
    """Who the sentence's verb binds, from its words before the hit: "partner", "supplier" or None (not said)."""
    m = _SUBJECT_BEFORE.search(before)
    if m is None:
        return None
    return "supplier" if re.fullmatch(_SUPPLIER_WORDS, m.group(1), re.IGNORECASE) else "partner"


def _wrong_party(text: str, unit: Unit, hit: Hit) -> bool:
    if hit.party is None:
        return False
    start = hit.start - unit.start
    sentence = re.split(r"[.;]\s", text[:start])[-1]
    bound = _bound_party(sentence)
    if hit.party == "not-partner":
        return bound == "partner"
    if hit.party == "partner":  # a sole right counts only when the partner is said to hold it
        return bound != "partner"
    return bound == "supplier" and bool(_HAS_RIGHT.search(sentence[-40:]))


def exclusivity(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # a title ("9. EXCLUSIVITY", a contents line) promises a clause, it is not one; a recital
    # describes the deal (often another agreement), the operative clause is what counts
    heading = unit.heading.strip()
    if _LETTER_SPACED.fullmatch(heading):  # "R E C I T A L S" in a PDF
        heading = heading.replace(" ", "")
    if unit.is_title or _RECITAL.match(text) or _RECITALS_HEADING.search(heading):
        return None
    if _NOT_A_DEAL_HEADING.search(heading) or _NOT_A_DEAL.search(text):
        return None
    if _DEFINITION.match(text):  # '"Exclusive Dealer" means a dealer to which ...': a word defined, not granted
        return None
    hits = [h for h in hits if not _wrong_party(text, unit, h)]
    if not hits:
        return None
    if (_INTERNAL_USE.search(text) and not _SELLING.search(text)) or _MAY_APPOINT.search(text):
        return None
    if any(_only_in(text, unit, hits, pattern) for pattern in (_EXCLUSIVITY_LATER, _OWNERS_RIGHTS, _EXCLUSIVITY_ENDED, _HELD_LICENCE,
                                                        _OTHERS_EXCLUSIVITY, _OWN_BRAND_ONLY, _LAW_ON_EXCLUSIVITY)):
        return None
    if _AMENDMENT.search(text) and any(_only_in(text, unit, hits, pattern) for pattern in (_HEADING_REF, _EXCLUSIVITY_ENDING)):
        return None  # "Clause 2 (Exclusive Appointment) is deleted and replaced with": the old grant named, not made
    if all(h.pattern_id == "exclusivity-word" for h in hits):
        if _EXCLUSIVITY_NAMED.search(text) and not re.search(r"\bexclusivity\b", _EXCLUSIVITY_NAMED.sub(" ", text), re.IGNORECASE):
            return None  # "relieve CPDC of its Exclusivity obligations", "existing exclusivity arrangements with third parties"
        if _EARLIER_AGREEMENT.search(text) and _ENDED.search(text):
            return None  # "the exclusivity granted by the Prior Agreement expired and has not been renewed"
        if _PURCHASING_NAMED.search(text) and not re.search(r"\bexclusivity\b", _PURCHASING_NAMED.sub(" ", text), re.IGNORECASE):
            return {"kind": "purchasing"}  # "Exclusivity of procurement": the distributor buys only from the supplier
    # under an "EXCLUSIVE PURCHASING" (or "SOURCING") title, "shall not purchase ... from any other producer" is the
    # purchasing obligation read again, not a dealing restriction of its own (so is "shall not stock
    # or resell parts made by any other person" after "shall purchase its entire requirements")
    bought = [(h.start, h.end) for h in hits if h.kind == "purchasing"]
    # a title naming the exclusive purchasing ("Clause 2 Exclusive Purchasing") makes each restriction under it a part of
    # that obligation, in a sentence of its own too ("The Dealer shall not sell any hoist made by another maker")
    purchasing_title = (bool(bought) and re.search(r"\b(?:purchas|sourc|procur)", heading, re.IGNORECASE)  # "EXCLUSIVE SOURCING"
                        or _PURCHASING_NAMED.search(heading))
    # so is "sole source" or "exclusive supplier" read as a role ("sole distributor"): the buyer's single source, unless a
    # market is named ("the exclusive supplier of the Products in the Territory" is the distributor's grant)
    roles = () if _MARKET_NAMED.search(text) else ("sole-role", "exclusive-role")
    # and a restraint on dealing under a title that names the exclusive purchasing ("2. Listing and exclusive sourcing": "the
    # Group shall not enter into any preferred-supplier arrangement with any other manufacturer") is the buyer's, part of it
    sourcing_named = bool(_PURCHASING_NAMED.search(heading))
    kinds = {h.kind or "grant" for h in hits
             if not ((h.pattern_id == "restriction-under-exclusivity-title" and purchasing_title)
                     or (h.kind == "dealing" and sourcing_named)
                     or (h.pattern_id in ("restriction-under-exclusivity-title", *roles)
                         and any(s < h.end and h.start < e for s, e in bought)))}
    if not kinds:  # only restrictions under a purchasing title
        return {"kind": "purchasing"}
    kind: str = next(k for k in ("grant", "dealing", "purchasing", "other") if k in kinds or k == "other")
    if kind == "other":
        kind = sorted(kinds)[0]
    return {"kind": kind}


# the next item of a definitions list: '; "Net Sales" means ...', '; (c) "Contract Year" means ...'
_NEXT_DEFINITION = lazy(r";\s*(?:(?:and|or)\s+)?(?:\(?[a-z0-9]{1,4}\)\s*)?[\"“][A-Z]")


def _own_definition(text: str, unit: Unit, hits: Sequence[Hit]) -> str:
    """The territory's own item of a definitions list ('"Territory" means New Zealand'), not the items around it
    ('"Net Sales" means ...', which may name other places); the whole text when the definition is not such an item."""
    for hit in hits:
        start, end = hit.start - unit.start, hit.end - unit.start
        if hit.kind in ("definition", "channel", "unquoted") and 0 <= start and re.search(r"\bmeans?\b|:", text[start:end], re.IGNORECASE):
            nxt = _NEXT_DEFINITION.search(text, end)
            item = text[max(text.rfind(";", 0, start), text.rfind(":", 0, start)) + 1: nxt.start() if nxt else len(text)]
            return re.sub(r"^\s*\(?[a-z0-9]{1,4}\)\s*", "", item).strip()  # without its "(a)"
    return text.strip()


# a place named right after "sell ... in": "in the Republic of Zambia", "throughout the Province of Ontario", not "in
# US dollars" nor "in English law", nor a freedom to sell anywhere ("to any customer in Nigeria or elsewhere")
# (or the whole of it: "for the whole of the Kingdom of Saudi Arabia", "throughout the entire Republic of Kenya")
_PLACE_NEXT = lazy(r"\s*(?:the\s+)?(?:(?:whole|entirety|entire)\s+(?:of\s+)?(?:the\s+)?)?")
# a name the document defines for the place, after the same words: "for the whole of the Kingdom" with '"Kingdom" means the
# Kingdom of Saudi Arabia' (resolve_document keeps the clause only when the name's definition names a place)
_NAME_NEXT = lazy(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?![\w-])")
_OFFICIAL_NAME = lazy(r"(?:[A-Z][\w'’]+\s+)?(?:Republic|Kingdom|Principality|Sultanate|Grand Duchy|Commonwealth|Federation|State)\s+of\s+"
                            r"(?:the\s+)?")
_NOT_A_PLACE_AFTER = lazy(r"\s*(?:dollars?|currency|law|laws|GAAP|language)\b|,?\s+or\s+(?:elsewhere|anywhere|outside)\b", re.IGNORECASE)


def _matched(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str]:
    """The match of a pattern whose parts are all optional: it matches wherever it is tried."""
    m = pattern.match(text, pos)
    assert m is not None
    return m


def _place_follows(text: str, offset: int) -> bool:
    start = _matched(_PLACE_NEXT, text, offset).end()
    if SUBNATIONAL.match(text, start) or PART_BY_NAME.match(text, start):
        return True
    official = _OFFICIAL_NAME.match(text, start)  # "the Republic of Zambia", "the Kingdom of Norway"
    country = BROAD.match(text, official.end() if official else start)
    return bool(country and not _NOT_A_PLACE_AFTER.match(text, country.end()))


def _name_follows(text: str, offset: int) -> str | None:
    name = _NAME_NEXT.match(text, _matched(_PLACE_NEXT, text, offset).end())
    return name.group(0) if name else None


# a most-favoured-customer comparison with the seller's sales to others: "If Seller sells the Product to any other
# customer in Canada at a lower price, ...", "sells to other buyers in Europe on terms more favourable"
_PRICE_COMPARISON = lazy(r"\bmost[\s-]favou?red\b|\b(?:lower|better|more\s+favou?rable)\s+(?:net\s+|unit\s+)?"
                               r"(?:prices?|terms|rates?|discounts?)\b|\b(?:prices?|terms|rates?)\s+(?:lower|better|more\s+favou?rable)\b",
                               re.IGNORECASE)


# the defined name after a preposition is no subject being defined: "Enquiries from the Contract Territory shall be
# forwarded", "the courts of the Territory shall have no jurisdiction", "Products sold in the Territory are ..."
_OBJECT_OF = lazy(r"\b(?:from|of|in|into|to|within|throughout|outside|across|for|at|by|with|on|under)\s+(?:the\s+)?"
                        r"(?:[\w-]+\s+)?$", re.IGNORECASE)


# ... or the places it points to in a schedule, as a definitions list with colons writes it: "Territory: the countries listed in
# Schedule 2." (the schedule names them; see _scheduled)
_LISTED_IN_ANNEX = lazy(r"(?:the\s+)?(?:countries|states|provinces|regions|areas|territor(?:y|ies)|places|jurisdictions)\s+(?:which\s+are\s+|as\s+)?"
                        r"(?:listed|set\s+(?:out|forth)|described|specified|named|identified|shown)\s+in\s+(?:the\s+)?"
                        r"(?:Schedule|Annex|Annexure|Appendix|Exhibit|Attachment)\b", re.IGNORECASE)


def territory(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    if any(h.kind == "definition" for h in hits):  # a name unquoted ("Territory shall"), not '(hereinafter "the Territory")'
        hits = [h for h in hits if h.kind != "definition" or not text[h.start - unit.start].isalpha()
                or not _OBJECT_OF.search(text[max(0, h.start - unit.start - 40):h.start - unit.start])]
        if not hits:
            return None
    # "6. Territory: Norway and Sweden" defines the Territory; "sell in the Territory: (a) ..." does not
    row = _labelled(text)
    labelled = bool(row and _TERRITORY_LABEL.match(row[0]) and (names_place(row[1]) or _LISTED_IN_ANNEX.match(row[1])))
    if all(h.kind == "label" for h in hits) and not labelled:
        return None
    ends = [h.end - unit.start for h in hits]
    if all(h.kind == "place" for h in hits) and not any(
            _place_follows(text, end) or _place_follows(text, text.rfind(" ", 0, end) + 1)  # after the hit, or its last word
            for end in ends):
        # "sell the Products in accordance with the price list", "a dealer in the City of Leeds": no country; a defined name
        # is looked up in the document ("exclusive importer for the whole of the Kingdom")
        name = next((n for end in ends for n in (_name_follows(text, end), _name_follows(text, text.rfind(" ", 0, end) + 1)) if n),
                    None)
        return {"place_name": name} if name else None
    if all(h.kind == "place" for h in hits) and _PRICE_COMPARISON.search(text):
        return None  # the seller's sales to others in a place, the measure of a better price: no area granted
    if all(h.kind == "unquoted" for h in hits) and not names_place(text):
        return None  # "Area means the floor space of the Premises", '"Sector" means the retail trade': a name that names no place
    attrs: dict[str, Any] = {}
    if labelled or any(h.kind in ("definition", "channel", "unquoted") for h in hits):
        attrs["definition"] = _own_definition(text, unit, hits)
    if all(h.kind == "channel" for h in hits) and not regions(attrs["definition"]):
        return None  # '"Marketplace" means the online platform operated by the Company': stores that serve no named place
    named = regions(text)
    if named:
        attrs["regions"] = named
    return attrs


# _INDEFINITE, _DURATION_WORDS, _AGREEMENT_WORD and _NOT_THE_AGREEMENT read caseless.fold(text)
_INDEFINITE = lazy(r"\b(perpetu\w*|indefinite(ly)?|unlimited (period|term|duration)|until terminated|"
                  # "has no fixed term", "is not for a fixed period", "without any fixed duration"
                  r"(?:no|not for an?|without (?:an?|any)) (?:fixed|definite|set|predetermined|specified|determined|specific|limited) "
                  r"(?:term|duration|period|length))\b")
_DURATION_WORDS = lazy(r"\b(continue|continues|remain|remains|valid|endure|effect|force|period|term|duration|expire)\b")


_AGREEMENT_WORD = lazy(r"\b(agreement|contract|amendment|licen[cs]e|term|arrangements?|alliance|franchise|appointment|"
                             r"(?:this|side) letter|this certificate|these (?:terms|conditions)|"
                             # a private instrument (Brazilian drafting): "The present Instrument is valid for 5 years"
                             r"(?:this|the present) instrument|"
                             # the document's other names: "this Memorandum shall remain in force", "this Deed
                             # expires", "This Addendum ... continues for an initial period of 24 months", "this Renewal
                             # Letter", "this Order Form"
                             r"this (?:memorandum|deed|mou|moa|addendum|rider|supplement|order form|[\w-]+ letter)|"
                             # binding heads of terms or of agreement named short: "The Heads continue for three (3) years"
                             # (not "the heads of department", "print heads")
                             r"(?:these|the) heads(?: of terms)?(?! of))\b")
# "the present" for the agreement, in translations ("The present is concluded for two years")
_THE_PRESENT = lazy(r"\bthe present (?=is|shall|will)\b")
# what the sentence gives a length to is not the agreement: a survival, a lock-up, a trial, an insurance, a guarantee, the goods
# warranted ("The Principal warrants the Contract Products against defects for a period of thirty-six (36) months", "guarantees
# the goods for 24 months"); not the noun "warranty": an agreement may run "until the expiration of the Warranty Period"
_NOT_THE_AGREEMENT = lazy(
    r"\b(surviv\w*|confidential\w*|guarant(y|ee|ees|eed|or|ies)|warrant(s|ed)?|service of process|non-?compet\w*|"
    r"non-?solicit\w*|standstill|"
    r"shares|securities|not be (considered|deemed)|shall not (be )?effective|trial|probation\w*|"
    r"(evaluation|qualification|qualifying|proving|pilot) (period|phase|stage|window)|"
    r"means each|each period|quarters?|term of exclusivity|exclusivity period|insur(ance|er|ers)|not become effective|"
    r"invalid|unenforceable)\b",
)
# a period the text itself sets apart from the contract's duration: "its length is fixed by the Ministry and is not the Term
# of this Agreement", "the Cycle does not determine the duration of this contract" (unless the sentence opens on the
# agreement's own length: "This Agreement continues for three years; the Cycle is not the Term")
_SET_APART = lazy(r"\b(?:(?:is|are) not the (?:term|duration)|(?:does|do) not (?:determine|set|fix|govern) the (?:term|duration))\b")
_OPENS_ON_AGREEMENT = lazy(r"^[\W\d]*(?:(?:section|clause|article)\s+\S+\s+)?(?:this|the) (?:agreement|contract)\b")
# what outlasts each order placed under the terms, not the terms themselves: "survives the completion of any individual Order"
_OUTLASTS_ORDERS = lazy(r"\bsurviv\w*\s+(?:the\s+)?(?:completion|performance|fulfil\w*|delivery|expiry|termination)\s+of\s+"
                              r"(?:any|each|an|every)\s+(?:individual\s+|single\s+)?(?:purchase\s+)?orders?\b")
# "This Agreement will terminate upon the earlier of: (i) the end of the Standstill Period ...": the
# agreement's own end, whatever the events named after it; so its length counted from a period it names: "This Agreement
# shall continue for five (5) years from the end of the Pilot Period"
_AGREEMENT_ENDS = lazy(
    r"^(?:[^.]|\.(?=\d)){0,160}?(?:(?i:\bthis (?:agreement|contract|amendment))|\b[Tt]his [A-Z]{2,6}) "
    r"(?i:(?:shall|will) (?:(?:automatically|immediately|and) )*(?:expire|terminate|end|remain in (?:full )?(?:force|effect)|"
    r"(?:continue|run|last)(?: in (?:full )?(?:force|effect))? for\b))")


# words that put a duration after them in a renewal ("for successive periods of", "rolls over for another")
_RENEWING = r"successive(?:ly)?|renewal|renewed|renews?|additional|further|another|extension|consecutive|rolls? (?:over|forward|on)"
# "extended by one further year": a renewal's length, not the term's
_RENEWAL_BEFORE = lazy(rf"\b({_RENEWING}|extended|prolonged)\b[^.;]{{0,30}}$", re.IGNORECASE)
_MORE_TIME = lazy(r"\b(?:further|additional|more|another)\b", re.IGNORECASE)
_PROVISO = lazy(r";\s*provided\b|,\s*provided,? however\b")
# a window or a threshold ("if the delay continues for more than three months"), not the term
_WITHIN_BEFORE = lazy(r"\b(?:within|no later than|not later than|(?:more|longer) than|in excess of|exceeding)\s*$",
                            re.IGNORECASE)
# a time named before, pointed back at: "not subject to review at the end of those six months", "during such ninety days"
_POINTED_BACK = lazy(r"\b(?:those|these|such|said)\s*$", re.IGNORECASE)
_ORDINALS = {**ORDINALS, "twenty-fifth": 25}
# the cap of a term that ends on the earlier of two events: "expires on the earlier of (a) the end of the last Development
# Period and (b) the seventh anniversary of the date hereof" runs seven years at most
_EARLIER_OF = r"(?:(?:earlier|earliest|sooner|soonest|first)(?: to (?:occur|happen))? of\b(?:[^.;]|\.(?=\d)){0,150}?\bthe )?"
# words set between the end and its time: "ends automatically, without notice, at the end of", "expires automatically on"
_ENDS_HOW = r"(?: \w+ly)?(?:, [^,.;]{1,40},)?"
_NTH_YEAR_END = lazy(r"\b(?:(?:expir\w*|end\w*|terminat\w*)" + _ENDS_HOW + r" (?:at|on|upon)|until|through|till) the " + _EARLIER_OF +
                           r"(?:end|expiry|expiration|close|last day) of (?:the "
                           r"(" + "|".join(_ORDINALS) + r")\b(?: \(\d+(?:st|nd|rd|th)\))?(?: [A-Z][\w-]*)? [Yy]ear\b|"
                           # the year numbered, as tables and definitions number them: "expires at the end of Contract Year 5"
                           r"(?:the )?(?:[A-Z][\w-]* )?[Yy]ear (\d{1,2})\b(?![.,]\d))",
                           re.IGNORECASE)
# "continues until the third anniversary of the Launch Date", "ending on the fifteenth (15th) anniversary of", or on the
# day before it: "ending on the day before the fourth (4th) anniversary of", "the day immediately preceding the fifth anniversary"
_NTH_ANNIVERSARY = lazy(r"\b(?:until|till|through|(?:expir\w*|end\w*|terminat\w*)" + _ENDS_HOW + r" (?:at|on|upon)) the " + _EARLIER_OF +
                              r"(?:(?:day|date) (?:immediately )?(?:before|preceding|prior to) the )?(" + "|".join(_ORDINALS) + r")\b(?: \(\d+(?:st|nd|rd|th)\))? anniversary of\b", re.IGNORECASE)
# the agreement runs as long as a period it defines elsewhere: "remains in force until the end of the Licence Period"
_UNTIL_PERIOD_ENDS = lazy(r"\b(?:until|till|through|(?:expir\w*|end\w*|terminat\w*) (?:at|on|upon|with)) the "
                                r"(?:end|expiry|expiration) of the ((?:[A-Z][\w-]*\s+){1,3}(?:Period|Term))\b")


# years the contract names itself: "three (3) Program Years", "one more Contract Year"
_DEFINED_YEARS = lazy(rf"(?<![\w$€£])(?P<num>{NUMBER})\s+(?:more\s+|further\s+|additional\s+)?"
                            r"(?-i:[A-Z][\w-]*\s+Years?)\b", re.IGNORECASE)


# the agreement's end as the start of a time: what outlasts it, the time counted "after the end of this Agreement", "following
# its termination" (the term/negation patterns "after-termination" and "years-after-the-agreement-ends" say it of a length)
_AFTER_ITS_END = lazy(r"\b(?:after|following|beyond)\s+(?:(?:the|any)\s+(?:end|expiry|expiration|termination|cessation)\s+"
                            r"(?:or\s+\w+\s+)?of\s+(?:this|the)\s+(?:agreement|contract)|its\s+(?:end|expiry|expiration|termination)|"
                            r"(?:this|the)\s+(?:agreement|contract)\s+(?:ends|expires|terminates|has\s+(?:ended|expired)))\b")


# a stretch of the agreement named "... Term": '"Ramp-Up Term" means the first twelve months of this Agreement'
_PART_OF_TERM = lazy(r"(?<!Initial)(?<!Original)\s+Term\s*[\"”’']\)?\s+(?:means|shall mean)\s+the\s+(?:first|last|final|opening)\b")
# the term named only as what a stretch is part of: "for the last six months of the term, if the shortfall arises in the final
# Year", "for the rest of the Term", "the remaining part of the Initial Term" (a length near it is no length of the term)
_A_PART_OF_THE_TERM = lazy(r"\b(?:(?:first|last|final|remaining|closing|opening|next)\s+(?:[\w()-]+\s+){0,3}?(?:days?|weeks?|months?|"
                                 r"years?|quarters?|period)|rest|remainder|balance|(?:unexpired|remaining|unelapsed)\s+(?:part|portion|period))"
                                 r"\s+of\s+(?:the|this|its|that)\s+(?:(?:initial|original|then[\s-]current|current)\s+)?term\b", re.IGNORECASE)


# a length the term is bound to run, the binding word between the number and its unit: "a term of three (3) mandatory years
# (tres años forzosos)", "for five fixed years", "a term of thirty-six (36) non-cancellable months", "two firm contract years"
_BOUND_LENGTH = lazy(rf"(?<![\w$€£])(?P<num>{NUMBER})[\s-]+(?:mandatory|fixed|firm|binding|obligatory|compulsory|irrevocable|"
                           r"guaranteed|non-?cancell?able|non-?terminable)\s+(?:(?:full|contract|calendar)\s+)?(?P<unit>years?|months?)\b",
                           re.IGNORECASE)


def _term_durations(text: str) -> list[dict[str, Any]]:
    """durations() and, after them, the years the contract names itself, which durations() cannot tell from words."""
    named = [{"text": m.group(0), "months": round(12 * value), "unit": "year", "start": m.start(), "end": m.end()}
             for m in _DEFINED_YEARS.finditer(text) if (value := parse_number(m.group("num"))) is not None]
    bound = [{"text": m.group(0), "months": round((12 if m.group("unit")[0] in "yY" else 1) * value),
              "unit": "year" if m.group("unit")[0] in "yY" else "month", "start": m.start(), "end": m.end()}
             for m in _BOUND_LENGTH.finditer(text) if (value := parse_number(m.group("num"))) is not None]
    return sorted(durations(text) + bound, key=lambda d: d["start"]) + named


# a time that runs on past the term, counted after it: "must stay in place for the whole term and for one year after",
# "during the Term and for a further period of two years thereafter"
_PAST_THE_TERM = lazy(r"\b(?:term|agreement|contract)\b[^.;]{0,20}?\band\s+(?:for\s+)?(?:an?\s+(?:further\s+)?(?:period\s+of\s+)?)?$",
                            re.IGNORECASE)


# a length that names a renewal after it: "before the end of the Initial Term or of any 12-month extension", "each two-year
# renewal term" (the renewal's length, not the term's)
_RENEWAL_AFTER = lazy(r"\s*(?:renewal|extension|extended|renewed|rollover|roll-over|prolongation)s?\b", re.IGNORECASE)
# a length said to repeat: "then continues automatically for one year at a time", "for twelve months each time"
_AT_A_TIME = lazy(r"\s*(?:at\s+a\s+time|each\s+time|on\s+each\s+occasion)\b", re.IGNORECASE)


# how long an event the condition names lasts, not the agreement: "If the period of delay or non-performance continues for four (4)
# months, the party not affected may terminate this Agreement", "should a Force Majeure Event last for more than 90 days"
_EVENT_LASTS = lazy(r"\b(?:if|where|should|when|whenever|in\s+the\s+event(?:\s+that)?)\s+(?:[^.;,]{0,80}?\b)?"
                    r"(?:delay|non-?performance|force\s+majeure|suspension|event|failure|prevention|hindrance|interruption|"
                    r"impediment|disruption|stoppage|strike|outage|circumstance)s?\b(?:\s+[\w-]+){0,3}?\s+"
                    r"(?:continues?|lasts?|persists?|subsists?|exceeds?|endures?)\s+(?:for\s+)?(?:(?:a|an|any)\s+(?:continuous\s+|"
                    r"consecutive\s+|uninterrupted\s+|total\s+)?period\s+(?:of\s+)?|(?:more|longer)\s+than\s+|at\s+least\s+|over\s+)?$",
                    re.IGNORECASE)


# a time counted from the agreement's end, what outlasts it: "This obligation continues for three years after this Letter
# Agreement ends", "for two (2) years following the expiry or termination of this Agreement" (not "for five years from the
# end of the Pilot Period", the agreement's own length)
_AFTER_THE_AGREEMENT_ENDS = lazy(r"\s*(?:after|following)\s+(?:"
                                 r"(?:the|any)\s+(?:date\s+of\s+)?(?:end|expiry|expiration|termination|cessation)\s+(?:or\s+(?:\w+\s+)?"
                                 r"(?:end|expiry|expiration|termination|cessation)\s+)?of\s+(?:this|the)\s+(?:[\w-]+\s+)?(?:agreement|contract)\b|"
                                 r"its\s+(?:end|expiry|expiration|termination)\b|"
                                 r"(?:this|the)\s+(?:[\w-]+\s+)?(?:agreement|contract)\s+(?:ends|expires|terminates|is\s+terminated|"
                                 r"has\s+(?:ended|expired)|comes\s+to\s+an\s+end)\b|"
                                 # plain-English terms of business that call themselves "these terms": "This section lasts for
                                 # three years after these terms end", "for two years after the end of these terms"
                                 r"(?:the|any)\s+(?:end|expiry|expiration|termination)\s+of\s+these\s+(?:[\w-]+\s+)?(?:terms|conditions)\b|"
                                 r"these\s+(?:[\w-]+\s+)?(?:terms|conditions)\s+(?:end|expire|terminate|are\s+terminated|"
                                 r"have\s+(?:ended|expired)|come\s+to\s+an\s+end)\b)", re.IGNORECASE)


def _term_length(text: str, found: list[dict[str, Any]]) -> Any:
    """The months of the first of the durations `found` in `text` that is the agreement's own length: "three years ... on
    ninety days' notice": three years; "an initial term ending on December 31, 2028, renewing for additional terms of two
    (2) years": none (two years renew); "during the Term and for one year thereafter ... within six months": none (what
    outlasts the term is the sentence's subject, not the term's length)."""
    for d in found:
        if _PAST_THE_TERM.search(text[max(0, d["start"] - 60): d["start"]]):
            return None
        if _EVENT_LASTS.search(text[max(0, d["start"] - 140): d["start"]]) or _AFTER_THE_AGREEMENT_ENDS.match(text, d["end"]):
            continue
        if (d["months"] >= 1 and not _is_notice(text, d) and not _RENEWAL_BEFORE.search(text[max(0, d["start"] - 40): d["start"]])
                and not _MORE_TIME.search(d["text"]) and not _WITHIN_BEFORE.search(text[max(0, d["start"] - 20): d["start"]])
                and not _POINTED_BACK.search(text[max(0, d["start"] - 10): d["start"]]) and not _RENEWAL_AFTER.match(text, d["end"])
                and not _AT_A_TIME.match(text, d["end"])):
            return d["months"]
    return None


# the end customer the partner sells to
_END_CUSTOMER = r"(?:customer|end[\s-]user|client|subscriber|merchant|cardholder|policyholder)"
# an order, subscription or item sold under the agreement, or the end customer's own contract for it
_ITEM_SOLD = (r"(?:subscriptions?|orders?|order forms?|statements? of work|licen[cs]e keys?|(?:sub)?licen[cs]es?|circuits?|lines?|"
              rf"connections?|links?|sites?|devices?|sims?|seats?|endpoints?|{_END_CUSTOMER}\s+(?:agreements?|contracts?|terms))")
# the term of each of them: "Each Customer subscription shall be for a minimum term of twelve (12) months", "each circuit
# is subject to a minimum service term of 12 months", "Each Customer Licence is granted for a subscription term of 12 months";
# or the end customer's contract stating it: "The Customer Terms provide for a minimum subscription term of twelve months",
# "The Merchant Agreement contains its own terms, including ... an initial merchant term of thirty-six months"
_PER_ITEM_TERM = lazy(rf"\b(?:each|every|any)\s+(?:[\w-]+\s+){{0,2}}?{_ITEM_SOLD}\b[^.;]{{0,80}}?\bterm\b|"
                            rf"\b{_ITEM_SOLD}\s+(?:contains?|provides?(?:\s+for)?|sets?\s+out|includes?|specif(?:y|ies))\b"
                            r"[^.;]{0,160}?\bterm\b")
# and its renewal: "Each Institutional Subscription runs for twelve months and renews automatically", "a Subscription renews
# automatically for a further term of the same length", "The renewal of a Subscription is governed by the end-user terms"
_PER_ITEM_RENEWAL = lazy(rf"\b(?:each|every|any|an?|such)\s+(?:[\w-]+\s+){{0,3}}?{_ITEM_SOLD}\b[^.;]{{0,150}}?\brenew|"
                               # or all of them, in the plural: "The software subscriptions resold by the Distributor renew"
                               rf"\b(?:the|all|its|their)\s+(?:[\w-]+\s+){{0,3}}?{_ITEM_SOLD}(?<=s)\b[^.;]{{0,150}}?\brenew|"
                               # or opening the sentence bare: "Subscription licences are sold for terms of twelve (12) months and
                               # renew only if the customer pays the renewal invoice"
                               rf"(?:^|[.;:]\s)\W*(?:[\d.()]{{1,8}}\s+)?(?:[\w-]+\s+){{0,2}}?{_ITEM_SOLD}(?<=s)\b[^.;]{{0,150}}?\brenew|"
                               rf"\brenewals?\s+of\s+(?:an?\s+|the\s+|such\s+)?(?:[\w-]+\s+){{0,2}}?{_ITEM_SOLD}\b")
# such an item defined with its own term: '"Subscription" means a right for an End User to use the Software for a subscription
# term of not less than twelve (12) months', '"Customer Order" means an order ... for a minimum term of one year' (not a bare
# '"Licence" means the licence granted in clause 2 for a term of five years', the licence this agreement grants); the
# definition's sentence, read on caseless.fold(text), so that a definitions paragraph keeps the agreement's own term
_ITEM_DEFINED_WITH_TERM = lazy(rf"[\"“](?:{_END_CUSTOMER}\s+{_ITEM_SOLD}|(?!licen[cs]es?[\"”]){_ITEM_SOLD})[\"”]\s+"
                                     r"(?:means|shall\s+mean)\b[^.;]{0,160}?\bterm\b[^.;]*")
_THIS_AGREEMENT = lazy(r"\bthis (?:agreement|contract)\b")
# the agreement named only to say the item's term or renewal leaves it alone: "has no effect on the term of this Agreement",
# "does not renew or extend this Agreement", "is independent of the term of this Agreement", "... only and not this agreement"
# "are not obligations of the ISO under this Agreement"
_AGREEMENT_LEFT_ALONE = lazy(r"\b(?:no\s+(?:effect|bearing|impact|influence)\s+on|independent\s+of|separate\s+from|"
                                   r"(?:is|are)\s+not\s+(?:an?\s+)?obligations?|"
                                   r"(?:does|do|shall|will)\s+not\s+(?:\w+\s+(?:or|and)\s+)?(?:affect|renew|extend|change|alter|"
                                   r"concern|apply\s+to)|and\s+not)\b[^.;]{0,30}?\bthis (?:agreement|contract)\b")


def _per_item(low: str, item: re.Pattern[str]) -> bool:
    """A term or renewal (`item`) of what is sold under the agreement, or one said to leave the agreement alone ("Such
    renewal does not renew or extend this Agreement"), the agreement named only to leave it alone."""
    left_alone = _AGREEMENT_LEFT_ALONE.sub(" ", low)
    return (left_alone != low or bool(item.search(low))) and not _THIS_AGREEMENT.search(left_alone)


# a period that recurs, defined to count volumes or fees in: '"Contract Year" means the period from signature to June 30,
# 2027 and each following period of twelve months', '"Quarter" means each period of three months ending on ...'
_RECURRING_PERIOD = lazy(r"\W*(?:\(?\w{1,3}[.)]\s*)*[\"“](?![^\"”]*\bTerm\b)[^\"”]{1,40}[\"”]\s+(?:means|shall\s+mean)\b[^.;\n]*?\b(?:each|every)\s+"
                               r"(?:(?:following|subsequent|succeeding|successive|consecutive)\s+)?(?:period|year|quarter|month|twelve|12|three|3|six|6)\b")


def term(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # the duration of the agreement itself, not of an obligation that survives it or a lock-up
    if _PART_OF_TERM.search(text):
        return None
    if (m := _RECURRING_PERIOD.match(text)) and all(h.start - unit.start < m.end() + text[m.end():].find(".") + 1 for h in hits):
        return None
    if all(_AFTER_THE_AGREEMENT_ENDS.match(text, h.end - unit.start) for h in hits):
        return None  # "This obligation continues for three years after this Letter Agreement ends": what outlasts it
    low = fold(text)
    if _per_item(low, _PER_ITEM_TERM) or _only_in(low, unit, hits, _ITEM_DEFINED_WITH_TERM) or _only_in(
            text, unit, hits, _A_PART_OF_THE_TERM):
        return None
    row = _labelled(text)
    # "Termination Date: December 31, 2027", "Duration: two (2) years from signature"
    # (or the length alone under a "Term" or "Length" heading)
    named = any(h.kind == "field" for h in hits) or bool(row and _TERM_LABEL.match(row[0]))
    # a proviso after the term ("; provided, however, that ... holds less than 50% of the shares") is not its subject
    head = _OUTLASTS_ORDERS.sub(" ", _PROVISO.split(low, maxsplit=1)[0])
    if not (named or _AGREEMENT_WORD.search(low) or _THE_PRESENT.search(low)) or (_NOT_THE_AGREEMENT.search(head) and not _AGREEMENT_ENDS.search(text)):
        return None
    if _SET_APART.search(head) and not _OPENS_ON_AGREEMENT.match(low):
        return None
    indefinite = bool(_INDEFINITE.search(low))
    if all(h.pattern_id == "indefinite" for h in hits) and (
            not (indefinite and _DURATION_WORDS.search(low)) or _AFTER_ITS_END.search(low)):
        # "perpetual license", "indefinitely" alone: not the agreement's duration; "The obligations in this clause continue for
        # five (5) years after the end of this Agreement, and indefinitely for source code": what outlasts it
        return None
    attrs: dict[str, Any] = {}
    months = _term_months(text)
    if months is None and not _ROLLING.search(low):
        months = _renewed_now(text)
    if months is not None:
        attrs["duration_months"] = months
    if indefinite:
        attrs["indefinite"] = True
    return attrs


# a term stated of "It", the agreement (or its term) opening the sentence before it in the paragraph: "This agreement
# starts on the date it is signed. It continues for three (3) years from the Start Date and then ends automatically"; read
# with that sentence (not "The Trial Period starts on the Start Date. It ends after four (4) months": the trial's)
_OPENS_ON_IT = lazy(r"^[\W\d]*(?:[a-z]\)\s*)?It\s+(?!is\s+(?:agreed|understood|acknowledged)\b)")
_OPENS_ON_AGREEMENT_OR_TERM = lazy(r"^[\W\d]*(?:(?:section|clause|article)\s+\S+\s+)?(?:this|the)\s+(?:agreement|contract|"
                                   r"(?:initial\s+)?term)\b")
READ_AFTER_ITS_SUBJECT = frozenset({ClauseType.term})


def stands_for_its_subject(before: str, text: str) -> bool:
    """Whether the unit's `text` opens on "It" that stands for the agreement the sentence `before` it opens on."""
    return bool(_OPENS_ON_IT.match(text)) and bool(
        _OPENS_ON_AGREEMENT_OR_TERM.match(fold(before)))


# a renewal or extension this document makes, not an option it gives: "The Supplier offers to renew the Agreement for a
# further term of two (2) years from 1 March 2027", "the Term is hereby extended by an additional twelve months", "The
# Agreement, as renewed, runs ... for a renewal term of 24 months" (not "may offer to renew", nor renewals that roll
# over unless ended, nor "the Term, as renewed from time to time")
_RENEWED_NOW = lazy(r"(?:\bhereby\s+(?:renews?|extends?|renewed|extended)|\b(?:is|are)\s+(?:renewed|extended)\s+(?=for\b)|(?<!may )(?<!can )(?<!might )\b(?:offers?|agrees?)\s+to\s+"
                          r"(?:renew|extend)|\bas\s+(?:renewed|extended)(?!\s+(?:from\s+time|or|and)\b))\b"
                          r"(?:[^.;]|\.(?=\d)){0,60}$", re.IGNORECASE)
_ROLLING = lazy(r"\b(?:successive|automatic\w*|unless)\b")


def _renewed_now(text: str) -> Any:
    """The length of the further term a renewal or extension made by this document runs for: the term it sets."""
    return next((d["months"] for d in durations(text) if d["months"] >= 1 and not _is_notice(text, d)
                 and _is_renewed_now(text, d)), None)


# or the renewed term it sets, dated: "The renewed term shall be thirty-six (36) months from the Renewal Date, ending on 28
# February 2029, and shall thereafter continue in accordance with clause 15.2" (read with .match at the duration's end; not an option's "if the Distributor renews,
# the renewed term shall be two (2) years", undated, nor "each renewed term shall be twelve (12) months")
_RENEWED_TERM = lazy(r"(?<!each )(?<!every )(?<!any )\bthe\s+(?:renewed|extended)\s+(?:term|period)\s+(?:shall\s+be|is|will\s+be|"
                     r"(?:shall\s+|will\s+)?runs?\s+for)\s+(?:an?\s+(?:term|period)\s+of\s+)?$", re.IGNORECASE)
_DATE_WORDS = r"(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
_DATED_FROM_NOW = lazy(rf"[^.;]{{0,15}}?\b(?:from|commencing|starting|beginning|with\s+effect\s+from)\s+(?:on\s+)?(?:the\s+"
                       rf"(?:Renewal|Extension|Restatement|Amendment)\s+(?:Effective\s+)?Date\b|{_DATE_WORDS})|"
                       rf"[^.;]{{0,60}}?\b(?:ending|expiring|until)\s+(?:on\s+)?{_DATE_WORDS}")


def _is_renewed_now(text: str, found: dict[str, Any]) -> bool:
    return bool(_RENEWED_NOW.search(text, max(0, found["start"] - 100), found["start"])) or bool(
        _RENEWED_TERM.search(text, max(0, found["start"] - 60), found["start"]) and _DATED_FROM_NOW.match(text, found["end"]))


def _term_months(text: str) -> float | int | None:
    """The length of the term a text states: a duration, the end of an nth year or anniversary, two dates."""
    months = _term_length(text, _term_durations(text))
    if months is None and (nth := _NTH_YEAR_END.search(text) or _NTH_ANNIVERSARY.search(text)):
        # "expires at the end of the fourth (4th) Licence Year", "... of Licence Year 4"
        months = 12 * (_ORDINALS[nth.group(1).lower()] if nth.group(1) else int(nth.group(2)))
    if months is None:
        months = date_span_months(text)  # "takes effect on 1 May 2025 and continues until 30 April 2027"
    return months


# the same, or an extension or continuation: in a renewal clause these introduce the renewal's length
_RENEWAL_WORD = lazy(rf"\b({_RENEWING}|extend(s|ed)?|prolong(s|ed)?|continues?)\b[^.;]{{0,30}}$", re.IGNORECASE)
_RENEWAL_PROPER = lazy(rf"\b({_RENEWING}|extend(s|ed)?|prolong(s|ed)?)\b[^.;]{{0,30}}$", re.IGNORECASE)


_FIXED_FIRST = lazy(
    r"\b(initial|years?|months?|anniversary|end of|expir\w*|until (the )?\w+ \d|19\d\d|20\d\d)\b", re.IGNORECASE)
_SURVIVAL_PERIOD = lazy(r"\b(years?|months?|days?)\)? thereafter\b", re.IGNORECASE)
# what follows 'after that' is told as a period added each time: "After that it continues every year for 1 more year", "for
# another year each time" (a renewal, though the first term is in the paragraph before)
_ONE_MORE_PERIOD = lazy(r"\b(?:for|by)\s+(?:1|one|another|an\s+additional|a\s+further)\s+(?:more\s+)?(?:year|month|period|term)\b", re.IGNORECASE)
# a renewal the parties must still agree on, with no length: no renewal term yet
_MUTUAL_RENEWAL = lazy(
    r"\b(mutual(ly)?|both parties|(agreement|consent) of (all|both|the) (the )?parties|"
    r"(?<!otherwise )(as )?(may be )?agreed (to )?(upon )?(in writing )?by (both|all|the) (the )?(parties|licensor and)|"
    r"if the parties (so )?agree|parties may agree|signed by (both|each) of us|by both of us|"
    # "will not be extended except by a further letter signed by ...": only by a new agreement; "may renew this contract by
    # signing a new written contract", "renewal requires the conclusion of a new agreement"
    r"(renew|extend)\w* (except|other than|save) by (a |an )?(further|separate|new|written|fresh)\b|"
    r"(renew|extend)\w*\b[^.;]{0,40}?\b(by|through|requires?|only with) (the )?(signing|signature of|conclu(ding|sion of)|"
    r"execut(ing|ion of)|entering into) (of )?(a |an )?(new|further|separate|fresh) (written )?(contract|agreement)\b|"
    # "any extension requires a new written agreement signed by ... both Parties"
    r"(renew|extend)\w*\b[^.;]{0,40}?\b(requires?|required|needs?) (a |an )(new|further|separate|fresh) (written )?(contract|agreement)\b|"
    # "any extension to be agreed in writing", "a renewal shall be agreed between the parties"
    r"\b(renewal|extension)s? (is |are )?(to be|shall be|must be|will be|is to be) (mutually )?agreed|"
    # "by written agreement signed by both of them ... Nothing in this clause obliges either party to agree to an extension"
    r"(signed|executed|agreed) by (both|each|all) of them|"
    r"(obliges?|obliged|obligates?|requires?|bound) (either|any|each|neither|the other) party to (agree|consent|accept)\b[^.;]{0,20}\b(renewal|extension))\b",
)
# an extension denied to what the parties go on doing: "Continued deliveries after expiry shall not be deemed to extend this
# Agreement", "will not be construed as a renewal"
# "Neither the continued supply of Products nor ... after expiry shall extend this Agreement"
_NEITHER_NOR_EXTENDS = r"\bneither\b[^.;]{0,120}?\bnor\b[^.;]{0,120}?\b(?:shall|will)\s+(?:be\s+(?:deemed\s+to\s+)?)?(?:renew|extend)\w*"
_DEEMED_NOT_EXTENDED = lazy(r"\b(?:shall|will|does|do|is|are)\s+not\s+(?:be\s+)?(?:deemed|construed|treated|taken|operate)\s+"
                                  r"(?:to|as)\s+(?:(?:renew|extend)\w*|an?\s+(?:renewal|extension))\b|" + _NEITHER_NOR_EXTENDS)
# a renewal ruled out: "there will be no automatic renewal", "shall not be renewed automatically", "shall not renew or extend automatically",
# "will not be renewed by tacit renewal"
# (nor is an ending that comes by itself: "This Agreement shall expire automatically at the end of that period")
_NOT_AUTOMATIC = lazy(r"\b(?:no|not|nor|never|without)\s+(?:(?:be|renew(?:s|ed)?|extend(?:s|ed)?|or|and|by|way|of)\s+){0,5}(?:automatic(?:ally)?|tacit(?:ly)?)\b|"
                            r"\b(?:expire[sd]?|terminate[sd]?|end(?:s|ed)?|lapse[sd]?|cease[sd]?)\s+automatically\b|"
                            r"\bautomatically\s+(?:expire|terminate|end|lapse|cease)\w*|"
                            + _NEITHER_NOR_EXTENDS)  # nor what goes on after it
_RENEW_VERB = lazy(r"\b(renew(s|ed|able)?|extend(s|ed)?|automatic(ally)?|continue[sd]?)\b")
_SIGNATURE_DATE = lazy(r"\bday and year (first )?(above|below)?\s*(written|set forth)\b", re.IGNORECASE)
# (or in plain words: "unless one of us writes to the other at least 2 months before the end")
_UNTIL_ENDED = lazy(r"\b(until|unless)\b[^.;]{0,60}\b(terminat\w*|cancel\w*|notice|notif\w*|either party|one party|"
                          r"(?:one|either|any) of (?:us|you|them|the parties)|writes)",
                          re.IGNORECASE)
_APPROVED_CONTINUANCE = lazy(r"\b(continuance|continuation)\b[^.;]{0,40}\bapproved\b")
_OTHER_PERIOD = lazy(
    r"\b(support|option|exercise|cure|grace|acceptance|standstill|lock-?up|exclusivity|warranty|payment|credit|review|"
    r"evaluation|restricted|tail|wind-?down|sell-?off|transition) (period|term)\b|"
    # a trial's own length made longer: "the Probationary Period is extended by a further period of two (2) months"
    r"\b(probation\w*|trial|test|testing|introductory|qualifying|qualification|proving|pilot) (period|phase)\b|"
    # longer credit: "Early-season orders receive extended terms", "extended payment terms"
    r"\bextended (payment |credit )?terms\b|"
    # a warranty's own length made longer: "a warranty of five (5) years, extendable to ten years on payment of a fee",
    # "warrants that the Equipment will be free from defects for twelve (12) months from installation, extendable to 36 months"
    r"\b(warrant(y|ies)|warrant(s|ed)? that|guarantee[sd]?)\b[^.;]{0,100}?\b(extendable|extendible|renewable|extended|renewed)\b|"
    # a document of the trade that renews itself: "The price list renews automatically on 1 January", "the marketing plan shall
    # be extended"
    r"\b(price ?lists?|pric(es|ing) schedules?|rebate (programmes?|programs?|schemes?)|(marketing|business) plans?) "
    r"((shall|will|is|are) )?(be )?(automatically )?(renew|extend)\w*")
_AGREEMENT_RENEWS = lazy(
    r"\b(agreement|contract|initial term|term of this|franchise|appointment)\b[^.;]{0,60}\b(renew|extend|continu)\w*")
# "not to renew", "non-renewal", and a right or duty only to end it: "terminate, cancel or fail to renew this Agreement only for
# good cause", "shall not entitle it to terminate or not renew this Agreement", "may not refuse to renew"
_NON_RENEWAL = lazy(r"\b(not(?: to)?|(?:fail\w*|refus\w*|declin\w*) to|non-?|nonrenew\w*)\s*(renew|extend)\w*")
_RENEWISH = lazy(r"\b(renew\w*|extend\w*|extension|continu\w*|automatic\w*)\b")


# the initial term's length, not a renewal's: "continue for an initial period of five (5) years"
_INITIAL_BEFORE = lazy(r"\binitial(?:\s+(?:term|period))?(?:\s+of)?\W*$", re.IGNORECASE)
_FROM_PERIOD_TO_PERIOD = lazy(r"\b(year|month)(?:\s+to\s+|-to-)\1\b", re.IGNORECASE)
# "deemed extended for each subsequent calendar year": a year at a time, the length named without a number
_EACH_PERIOD = lazy(r"\b(?:renew(?:s|ed)?|extend(?:s|ed)?|prolonged|continue[sd]?)\b[^.;]{0,30}?\b(?:for|by)\s+(?:each|every)\s+"
                          r"(?:(?:further|subsequent|following|successive|additional)\s+)?(?:calendar\s+|contract\s+)?(year|month)\b",
                          re.IGNORECASE)


def _renewal_length(text: str, found: list[dict[str, Any]]) -> Any:
    """The months of the first of the durations `found` in `text` that follows a renewal word: the renewal's length, not
    the initial term's. One after a word of renewal proper beats one after "continues", which may be the initial term's:
    "continues for four (4) years. It shall then continue for successive periods of one (1) year"."""
    after = [(text[max(0, d["start"] - 60): d["start"]], d) for d in found
             if d["months"] >= 1 and d["unit"] != "day" and not _is_notice(text, d)
             and not _INITIAL_BEFORE.search(text[max(0, d["start"] - 30): d["start"]]) and not _is_renewed_now(text, d)]
    # after "continues" only, a length before an exception that extends the term is the first term's: "continue for four (4)
    # years unless earlier terminated, or unless the parties extend the term by mutual written agreement"
    renewed = _RENEWED_AFTER.search(text)
    return next((d["months"] for before, d in after if _RENEWAL_PROPER.search(before)),
                next((d["months"] for before, d in after if _RENEWAL_WORD.search(before)
                      and not (renewed and renewed.start() > d["end"])), None))


_RENEWED_AFTER = lazy(r"\b(?:unless|except|save)\b[^.;]{0,40}?(?<!non-)(?<!non )\b(?:renew|extend|prolong)\w*", re.IGNORECASE)


# a fixed first term, then a year at a time until a party ends it: "shall continue for a term of two (2) years and shall
# thereafter continue from year to year until determined by either party giving six months' notice" (the two years are
# the first term's, and the rolling years renew by themselves)
_THEN_PERIOD_TO_PERIOD = lazy(r"\bthereafter\b[^.;]{0,40}?\b(year|month)(?:\s+to\s+|-to-)\1\b(?P<until>[^.;]{0,20}?\buntil\s+"
                                    r"(?:terminated|determined|cancell?ed|ended|(?:either|one|a|any) party)\b)?")


# a run of periods a condition counts, no further term: "if the Distributor places no order in any period of six (6)
# consecutive months, ... the appointment continues on a non-exclusive basis", "for any two consecutive Quarters"
_COUNTED_RUN = lazy(r"\bany\s+(?:period\s+of\s+)?(?:[\w()-]+\s+){0,2}?(?:consecutive|successive)\b", re.IGNORECASE)
# a further period at whose end the agreement ends, a notice, not a renewal: "or that the Agreement terminates at the end of a
# further thirty (30) day period", "shall expire on the expiry of a further period of 60 days"
_ENDS_AFTER_FURTHER = lazy(r"\b(?:terminat\w*|ends?|ended|ending|expir\w*|ceas\w*|effect)\s+(?:only\s+)?(?:at|on|upon|after|with)\s+"
                           r"(?:the\s+)?(?:end|expiry|expiration|lapse|close)\s*$", re.IGNORECASE)


def renewal(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    hits = [h for h in hits if not (h.kind == "weak" and _COUNTED_RUN.search(text, max(0, h.start - unit.start - 30), h.end - unit.start))]
    hits = [h for h in hits if not (h.kind == "weak" and _ENDS_AFTER_FURTHER.search(text, max(0, h.start - unit.start - 60),
                                                                                     h.start - unit.start))]
    if not hits:
        return None
    low = fold(text)
    if all(h.kind == "label" for h in hits) and not (
            (row := _labelled(text)) and _RENEWAL_LABEL.match(row[0])
            and any(d["unit"] != "day" and d["months"] >= 1 for d in durations(row[1]))):
        return None  # "Renewal: none", "| Extension | up to thirty (30) days |": a label with no renewal period
    rolling = _THEN_PERIOD_TO_PERIOD.search(low)
    automatic = bool(_AUTOMATIC.search(_NOT_AUTOMATIC.sub(" ", low)) or (rolling and rolling.group("until")))
    if _RECITAL.match(text) or _RECITALS_HEADING.search(unit.heading) or (_APPROVED_CONTINUANCE.search(low) and not automatic):
        return None  # "WHEREAS the parties wish to renew ...", a recital under "PREAMBLE" ("exclusivity will lapse unless the
        # Supplier chooses to extend it"), "continues from year to year if the Board approves"
    if _OTHER_PERIOD.search(low) and not _AGREEMENT_RENEWS.search(low):
        return None  # "the Support Period shall automatically be extended": another period, not the agreement's
    if _per_item(low, _PER_ITEM_RENEWAL):
        return None  # "Each Subscription ... renews automatically": the end customer's, not the agreement's
    if all(h.kind == "weak" for h in hits) and not _RENEWISH.search(low):
        return None
    if all(h.kind in ("mention", "weak") for h in hits) and not _RENEW_VERB.search(low) \
            and not (all(h.kind == "mention" for h in hits) and _notice_and_length(text)[1]):
        return None  # "during the Initial Term or any Renewal Term" mentions renewal, it does not provide it
    refused = [m.span(2) for m in _NON_RENEWAL.finditer(low)]
    if all(h.kind == "nonrenewal" or any(s <= h.start - unit.start < e for s, e in refused) for h in hits) \
            and not _RENEW_VERB.search(_NON_RENEWAL.sub("", low)):
        return None  # "if the parties decide not to extend it", "may fail to renew this Agreement only for good cause": none provided
    if all(h.kind == "evergreen" for h in hits):
        parts = re.split(r"\b(?:thereafter|after (?:that|which|this))\b", _SIGNATURE_DATE.sub("", text), maxsplit=1)
        first, rest = parts[0], parts[-1]
        if (not (_FIXED_FIRST.search(first) and _AGREEMENT_WORD.search(fold(first))) and not _ONE_MORE_PERIOD.search(rest)) \
                or _SURVIVAL_PERIOD.search(text):
            return None  # "continues thereafter until terminated" renews only after a fixed first term
        if not _UNTIL_ENDED.search(rest):
            return None  # "thereafter continue until the benefits are delivered": a longer first term, no renewal
    if not automatic and not _ROLLING.search(low) and _renewed_now(text) is not None:
        return None  # "The Agreement is renewed for a further term of two years from 1 April": the term this letter sets
    notice, _ = _notice_and_length(text)
    length = (1 if rolling.group(1) == "month" else 12) if rolling else _renewal_length(text, _term_durations(text))
    if length is None and (every := _FROM_PERIOD_TO_PERIOD.search(text)):
        length = 1 if every.group(1).lower() == "month" else 12  # "from year to year", "on a month-to-month basis"
    if length is None and (each := _EACH_PERIOD.search(text)):
        length = 1 if each.group(1).lower() == "month" else 12
    if length is None and not automatic and _MUTUAL_RENEWAL.search(low):
        return None  # "may be extended on mutual agreement of the parties": no renewal term yet
    if _DEEMED_NOT_EXTENDED.search(low) and not re.search(r"\b(?:renew\w*|extend\w*|extension)\b", _DEEMED_NOT_EXTENDED.sub(" ", low)):
        return None  # "Continued deliveries after expiry shall not be deemed to extend this Agreement": an extension denied
    attrs: dict[str, Any] = {"automatic": automatic}
    if length is not None:
        attrs["renewal_months"] = length
    if notice is not None:
        attrs["notice_days"] = notice
    return attrs


# a definition that points elsewhere for what it names: '"Purchase Targets" means the quantities set out in Schedule B'; the
# name unquoted at the start, as Australian drafting defines: "Sales Targets means the figures in Schedule 2"
_REFERRING_DEFINITION = lazy(
    r"(?:[\"”’']\)?|^\W*(?:[\d.()]{1,6}\s+)?(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}))"
    r"\s+(?:means|shall mean|has the meaning|have the meaning|is defined)\b[^.;]{0,80}"  # (not into the next definition)
    r"\b(?:set (?:out|forth)|described|specified|defined|given|referred to|stated|shown|listed|contained|"
    r"(?:in|of|under) (?:the )?(?:schedule|annex|appendix|exhibit|attachment)s?)\b",
    re.IGNORECASE,
)


# a target only named, with no figure: an example, a proposal, or one left to be talked over ("Sales objectives will be
# discussed each year", "the parties will negotiate annual targets")
_TARGET_MENTION = lazy(
    r"\b(includ\w*|such as|such \w+ as|for example|e\.g\.|information|statistics|projections|negotiat\w*|discuss\w*|may|proposed?|"
    r"non-?binding|estimated)\b",
    re.IGNORECASE,
)

# a sentence's own number before its first word: "1.3", "(b)", "ii.", and one whose dot a scan lost: "6 1", "1 5"
_DOTLESS_NUMBER = r"\d{1,2} \d{1,2}\s+"
_OWN_NUMBER = rf"^\W*(?:[\d.()a-z]{{1,6}}\s+|{_DOTLESS_NUMBER})?"
# a definition's opening, the name defined: '1.3 "Program Letter" means ...'
_DEFINES = lazy(_OWN_NUMBER + r"[\"“][^\"”]{1,60}[\"”]\s+(?:means|shall mean)\b", re.IGNORECASE)

# the defined term is an order of some kind: "Pre-Season Order", "Season Booking", "Call-Off", "Indent"
_ORDER_NAME = lazy(r"\b(?:orders?|bookings?|call-?offs?|indents?)\b", re.IGNORECASE)
_FORECAST = lazy(r"\b(forecast\w*|schedule|months?|quarters?)\b", re.IGNORECASE)
# no order at all: "has not placed any firm order", "places no firm orders", "fails to issue a single binding order",
# "without any firm purchase order" (not "shall not cancel any firm order": a forecast's binding part still)
_NO_ORDER_BEFORE = lazy(r"(?:\bno|\b(?:not|never|fail\w*\s+to|without)\s+(?:(?:yet|been|have|has|had)\s+)?"
                              r"(?:(?:plac|issu|submit|sen[dt]|receiv|mak|made|giv|deliver|transmitt?)\w*\s+)?(?:us\s+|it\s+)?"
                              r"(?:any|a\s+single|a|one))\s+$", re.IGNORECASE)


_PRICE_ROW = lazy(r"\b(?:list |unit |net )?(?:prices?|discounts?|fees?|costs?|rates?)\b", re.IGNORECASE)
_FLOOR_WORD = lazy(r"\b(?:minimum\w*|at least|not less than|floor|quotas?|targets?|commit\w*)\b", re.IGNORECASE)
# a table whose first column is the period each row's floor is for: "| Quarter | Target (Rs. in lakhs) |" over "| Q1 FY
# 2026-27 | 18 |", "| Contract Year | Minimum Purchases |" (a row's own "| Year 1 | 500 |" names no column)
_PERIOD_COLUMN = lazy(r"^[ \t]*\|[ \t]*(?:(?:contract|calendar|fiscal|financial|agreement|sales)[ \t]+)?"
                            r"(?P<p>month|quarter|half[ -]year|year)s?[ \t]*\|", re.IGNORECASE | re.MULTILINE)

# a table header that gives the currency or unit of its column's bare figures: "Minimum Purchases (EUR)", "Target in units",
# "Minimum Value (USD '000)"
_COLUMN_UNIT = lazy(r"\((?P<u>[^()]{1,24})\)\s*$|\bin\s+(?P<u2>[^\s()|]+(?:\s+[^\s()|]+)?)\s*$", re.IGNORECASE)
_THOUSANDS = lazy(r"\s*(?:['’]?000s?|thousands?)\b", re.IGNORECASE)
_BARE_FIGURE = lazy(r"\d[\d,.' ]*")


def _column_amounts(text: str) -> list[dict[str, Any]]:
    """The first figure of a table column whose header names its currency or unit, as an amount: "| Contract Year | Minimum
    Purchases (EUR) |" + "| 1 | 250,000 |" is EUR 250,000 (a row of a DOCX table is "1 | 250,000", with no outer bars)."""
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.split("\n") if "|" in line]
    for i, header in enumerate(rows):
        for j, cell in enumerate(header):
            if (m := _COLUMN_UNIT.search(cell)) is None or _PRICE_ROW.search(cell):
                continue  # "Unit Price (EUR)": what each unit costs, not the floor
            unit = m.group("u") or m.group("u2")
            scale = " thousand" if _THOUSANDS.search(unit) else ""
            unit = _THOUSANDS.sub("", unit).strip()
            for row in rows[i + 1:]:
                if j < len(row) and _BARE_FIGURE.fullmatch(row[j]):
                    found = [a for a in amounts(f"{row[j]}{scale} {unit}") if a["kind"] != "percent"]
                    if found:
                        return found
                    break
    return []


# a table's minimum column: "| Country | Status | Minimum purchase | Forecast |"; a row left out of the floor says none in it
# ("None", "-", "n/a") or is the part of the deal that is not exclusive ("| Tunisia | Non-exclusive (Art. 3) | EUR 80,000 |")
_MINIMUM_COLUMN = lazy(r"\b(?:minimum|min\.?|floor|commitment)\b", re.IGNORECASE)
_NON_EXCLUSIVE_CELL = lazy(r"\s*non-?\s?exclusive\b", re.IGNORECASE)


def _no_exclusive_floor_in_table(text: str) -> bool:
    """Whether a table drawn with bars has a minimum column with no figure in any row but those of non-exclusive
    countries or lines: "| Morocco | Exclusive | None |" + "| Tunisia | Non-exclusive | EUR 80,000 |" sets no floor that
    keeps the exclusive grant (a row "| Morocco | Exclusive | 120 machines |" does)."""
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.split("\n") if line.lstrip().startswith("|")]
    if len(rows) < 2:
        return False
    column = next((j for j, cell in enumerate(rows[0]) if _MINIMUM_COLUMN.search(cell) and not _PRICE_ROW.search(cell)), None)
    if column is None:
        return False
    return all(column >= len(row) or _NONE_VALUE.fullmatch(row[column]) or row[column] in ("", "-", "–", "—")
               or any(_NON_EXCLUSIVE_CELL.match(cell) for cell in row) for row in rows[1:])


# the next sentence takes an agreement to agree back: "Sales targets shall be agreed ... Until so agreed,
# no target shall apply" (read on the text after the unit, a list marker such as "(b)" or "②" allowed)
# how the sentence after a minimum starts: a list marker, "(b)", "3.2", "②" (NFKC: "2 "), or none
_NEXT_LEAD = r"^\W{0,6}(?:\(?[a-z0-9]{1,4}[.)]\s*|\d{1,2}(?:\.\d{1,2})*\.?\s+|[\u2460-\u2473]\s*)?"
_NONE_UNTIL_AGREED = lazy(
    _NEXT_LEAD + r"until\b[^.;]{0,60}?\bno (?:\w+ ){0,2}"
    r"(?:targets?|quotas?|minimums?|objectives?)\b[^.;]{0,30}?\b(?:shall|will) (?:apply|be binding|bind)\b", re.IGNORECASE)


# figures that serve planning alone ("planning figures", "reference values", "a planning assumption"), said to be no more
# ("merely", "a mere")
_PLAN_FIGURES = (r"(?:planning|guidance|reference|orientation|indicative|budget(?:ary)?|forecast)\s+"
                 r"(?:figures?|numbers?|values?|estimates?|amounts?|quantities|data|assumptions?)")
_MERELY = r"(?:merely|only|simply|purely|just|solely|(?:an?\s+)?mere)"


# a target or forecast denied as a commitment: "for guidance only", "is not a commitment to purchase",
# "do not constitute a purchase commitment", "is not a minimum purchase requirement" (a bare "is not a requirement for
# renewal" denies no volume), "are not binding", "Sales Targets (non-binding)", "indicative volumes", "no obligation to buy"
_FLOOR_KIND = r"(?:binding|firm|purchase|purchasing|minimum|volume)\s+"
_AIM = (r"(?:(?:internal|production|business|budget|capacity|sales)\s+)?"
        r"(?:guidance|information(?:al)?|planning|reference|indication|budgeting)")
# what a figure may serve: "(as) guidance", "(for) the Supplier's production planning"
_SERVED = r"(?:as\s+|for\s+)?(?:(?:the\s+)?[\w-]+['’]s?\s+|(?:its|their|the)\s+)?" + _AIM
_NOT_COMMITTED = lazy(
    # "for information and planning only", "for purposes of production planning only", "for internal planning purposes only"
    rf"\b(?:for|as)\s+(?:an?\s+|the\s+)?(?:purposes?\s+of\s+)?{_AIM}(?:\s+(?:and|or|/)\s+{_AIM})?(?:\s+purposes?)?\s+only\b|\bindicative\b|"
    r"\b(?:is|are|be|do|does|shall|will)\s+not\s+(?:(?:constitute|represent|create|amount to|form|imply|be)\s+)?"
    rf"(?:an?\s+|any\s+)?(?:(?:{_FLOOR_KIND})*(?:commitment|obligation|undertaking)|(?:{_FLOOR_KIND})+requirement)s?\b|"
    # "are not binding", "are expressly non-binding"
    r"\b(?:is|are|be)\s+(?:(?:expressly|explicitly|entirely|wholly|purely|strictly|legally)\s+)?(?:not\s+binding|non-?binding)\b|"
    r"\(\s*non-?binding\s*\)|"
    # a note in brackets that ends on it, after what the figures are: "SALES TARGETS (good-faith estimates, not binding)",
    # "Volume Goals (for discussion; non-binding)" (not "(binding on both parties)")
    r"\([^()]{0,60}?[,;]\s*(?:not\s+|non-?)binding\s*\)|"
    # said of the figures themselves: "Sales Goals (non-binding planning figures)", "non-binding purchase targets" (not a
    # "non-binding forecast": an order of a share of it may bind)
    r"\bnon-?binding\s+(?:[\w-]+\s+)?(?:targets?|goals?|objectives?|figures?|projections?|plans?|"
    r"quotas?|indications?|volumes?|amounts?)\b|"
    # "You have no obligation to buy any quantity", "is under no duty to order", "gives no undertaking to achieve it",
    # "makes no commitment to reach the targets", "does not undertake to achieve them", "to sell or purchase any number"
    r"\b(?:has|have|is under|are under|bears?|gives?|makes?|assumes?)\s+no\s+(?:\w+\s+)?(?:obligation|duty|undertaking|commitment)\s+"
    r"to\s+(?:(?:sell|resell)\s+(?:or|and|and/or)\s+)?(?:buy|purchase|order|take|achieve|reach|meet|attain)\b|"
    # "does not assume any obligation to purchase or to sell any quantity", "will not accept any duty to order"
    r"\b(?:does|do|shall|will)\s+not\s+(?:undertake|commit(?:\s+itself)?|guarantee|(?:assume|accept|take on|bear|have)\s+"
    r"any\s+(?:\w+\s+)?(?:obligation|duty|undertaking|commitment))\s+to\s+(?:(?:sell|resell)\s+(?:or|and|and/or)\s+)?"
    r"(?:buy|purchase|order|take|achieve|reach|meet|attain)\b|"
    # figures said to serve planning alone: "The sales targets are planning figures only", "are merely budget figures",
    # "serve merely as reference values" (not "the planning figures are set out in Schedule 2")
    rf"\b(?:(?:is|are|be|as)\s+(?:an?\s+)?{_PLAN_FIGURES}\s+only|(?:is|are|be|as)\s+{_MERELY}\s+(?:an?\s+)?{_PLAN_FIGURES}|"
    rf"{_MERELY}\s+as\s+(?:an?\s+)?{_PLAN_FIGURES})\b|"
    # a target said to serve someone's planning alone: "The Annual Target serves only VeloTech's production planning",
    # "serve solely as guidance", "serves the Supplier's capacity planning only" (not "serves as the basis for the rebate",
    # nor "also serves the Supplier's planning")
    rf"\bserves?\s+(?:(?:only|solely|merely|purely|exclusively)\s+{_SERVED}\b|{_SERVED}(?:\s+purposes?)?\s+only\b)|"
    # targets that only state a hope: "reflect the parties' shared aspirations", "aspirational targets"
    r"\baspiration(?:s|al)\b", re.IGNORECASE)
# ... unless part of it binds: "the first month of each forecast shall be binding"
_BINDING = lazy(r"\b(?:shall|will) (?:be|constitute) (?:an? )?(?:binding|firm)\b|\bfirm (?:purchase )?orders?\b", re.IGNORECASE)
# the next sentence takes the target back when it refers to it: "These objectives are given for guidance only", "The
# Sales Targets reflect the parties' aspirations"
_BACK_REFERENCE = lazy(
    _NEXT_LEAD + r"(?:they|(?:these|this|such|the above|the foregoing)\s+(?:[\w-]+\s+){0,2}?(?:targets?|objectives?|forecasts?|"
    r"quotas?|volumes?|figures|quantities|amounts|estimates?|projections?|goals?|plans?)|"
    # named again as targets ("The Sales Targets ..."; "The Forecast for the later months" may be another part of it), or
    # as the plan the unit puts them in ("... a Business Plan listing ... revenue targets" + "The Business Plan, including its
    # revenue targets, is not binding": undone_by_context checks the unit names that plan)
    r"the\s+(?:[\w-]+\s+){0,2}?(?:targets?|objectives?|quotas?|goals?)|the\s+(?P<plan>(?:[\w-]+\s+){0,2}?plans?))\b[^.]*",
    re.IGNORECASE)
# the next sentence says the minimum was deleted: 'Clause 7 formerly read: "... not less than 100 tonnes ..." It was deleted'
_DELETED_NEXT = lazy(
    _NEXT_LEAD + r"(?:it|this|that|they|these|those|(?:the|this|that|such)\s+(?:said\s+)?(?:clause|provision|section|sentence|"
    r"paragraph|obligation|requirement|commitment)s?)\s+(?:was|were|has been|have been|is hereby|are hereby)\s+"
    r"(?:deleted|removed|struck|revoked|cancell?ed|repealed|withdrawn)\b", re.IGNORECASE)
_AGREED_LATER = lazy(r"\b(?:to be|shall be|will be)\s+(?:mutually\s+)?agreed\b|\bby mutual agreement\b", re.IGNORECASE)


# a figure given as a guide: "the target quantity is a guideline for the Seller's production planning only"
_GUIDELINE_ONLY = lazy(r"\b(?:is|are|be|as)\s+(?:an?\s+)?(?:[\w-]+\s+)?guidelines?\b[^.;]{0,60}?\bonly\b", re.IGNORECASE)


# a volume told as what the parties foresee, a forecast in all but name: "the parties expect the Distributor to sell 250
# Machines in each year", "Dealer is anticipated to purchase", "estimated to order"
_EXPECTED = lazy(r"\b(?:expect(?:s|ed)?|anticipate[sd]?|estimate[sd]?|projected|foresee[sn]?)\b", re.IGNORECASE)


def _denied(text: str) -> bool:
    return bool(_NOT_COMMITTED.search(text) or _GUIDELINE_ONLY.search(text)) and not _BINDING.search(text)


# a miss of the level the sentence before set: "Failure to reach that target", "if this level is not met"
_POINTS_BACK = lazy(r"\b(?:that|this|such|the said)\s+(?:[\w-]+\s+)?(?:targets?|levels?|standards?|minimums?)\b", re.IGNORECASE)


# a line of a plain-text table: its cells set apart by runs of spaces or by bars
_TABLE_LINE = lazy(r"\S(?: {3,}|\t)\S|^\s*\|")
# a short line that is no sentence (a column header, a row whose cells lost their spacing): no full stop, colon or semicolon
_ROW_LIKE = lazy(r"[^.:;\n]{3,90}")
_SHORT_NUMBERED_TITLE = lazy(r"\W{0,6}\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}\.")
_TITLE_NOTE = lazy(r"\s*\([^()\n]{1,80}\)\s*$")


def undone_by_context(before: str, own: str, following: str) -> bool:
    """Whether the text around a minimum_commitment unit takes it back: the title right above it (or above the plain-text
    table it is a row of), the next sentence says
    no target applies until one is agreed, or one of the next two, referring back to it, that it is for guidance only;
    or the unit leaves a target to be agreed after a sentence that denies any commitment; or the next sentence
    says it was deleted (an amendment quoting the clause it struck out); or it misses the level of service the sentence
    before set; or it is the header of a table whose rows, units of their own (a text with a paragraph on each line), leave
    the exclusive part out of its minimum column (_no_exclusive_floor_in_table)."""
    if _NONE_UNTIL_AGREED.match(following) or _DELETED_NEXT.match(following):
        return True
    # (a blank line between rows, as a Word document's paragraphs are read)
    rows = own.lstrip().startswith("|") and "\n" not in own.strip() and re.match(r"(?:[ \t]*\n\s*\|[^\n]*)+", following)
    if rows and _no_exclusive_floor_in_table(own + rows.group()):
        return True
    lines = [line for line in before.rstrip().split("\n") if line.strip()] or [""]
    titles = [lines[-1]]
    if _TABLE_LINE.search(lines[-1]):
        # a row of a plain-text table, each row a unit: the table's title is above its header and the rows before it
        # ("SCHEDULE B - SALES PLAN (INDICATIVE ONLY)" + "Year   Target revenue (USD)" + "Year 1   $300,000")
        while len(lines) > 1 and _TABLE_LINE.search(lines[-1]):
            lines.pop()
        titles.append(lines[-1])
    elif _ROW_LIKE.fullmatch(own.lstrip().split("\n", 1)[0]):
        # the same table with its cells' spacing lost (a Word paragraph per row): a row under a column header and the rows
        # before it, each a short line that is no sentence, the title above them ("SCHEDULE B - SALES PLAN (INDICATIVE
        # ONLY)" + "Year Target revenue (USD) Nature" + "Year 1 $300,000 ..." + "Year 2 $450,000 ...")
        above = lines[-12:-1]
        while above and _ROW_LIKE.fullmatch(titles[-1]):
            titles.append(above.pop())
    # a title may end in a note in brackets that is no title's words: "Part B - Sales Goals (aspirational; see clause 3.3)"
    if any(title and (is_title(title) or is_title(_TITLE_NOTE.sub("", title))) and _denied(title) for title in titles):
        # a title that says what follows binds no one ("ANNEX B - SALES TARGETS (NON-BINDING)", "Schedule 3 - Indicative
        # Volumes"): a table of targets under it (in a PDF or Word table the rows are one unit)
        return True
    sentences = re.split(r"(?<=[.!?])\s+(?=\S)", following)
    # the next clause's short numbered title is no sentence of it: "4.2 Goals not binding." + "The goals ... They are not binding"
    for sentence in sentences[:3 if _SHORT_NUMBERED_TITLE.fullmatch(sentences[0]) else 2]:  # "The objectives for 2026 are in Appendix 2. These ..."
        back = _BACK_REFERENCE.match(sentence)
        if back and _denied(back.group()) and (not back.group("plan") or back.group("plan").lower() in own.lower()):
            return True
    previous = re.split(r"(?<=[.!?])\s+", before.rstrip())[-1]
    if _POINTS_BACK.search(own) and _service_level_only(previous + " " + own):
        return True  # "... a minimum availability of 99.5% per month. Failure to reach that target entitles ... to service credits"
    return bool(_AGREED_LATER.search(own)) and _denied(previous)


# an amendment names the clause it deletes or rewords: the minimum is quoted or in a heading, not stated
_AMENDMENT = lazy(r"\b(?:deleted|replaced|replacing|amended|struck|removed|superseded)\b", re.IGNORECASE)
# a clause named by its number and heading: "Clause 2 (Exclusive Appointment)"
_HEADING_REF = lazy(r"\b(?:section|clause|article|paragraph|schedule)\s+[\w.()-]+\s*\([^()]{0,80}\)", re.IGNORECASE)
_MENTION = lazy(rf"{_HEADING_REF.pattern}|\"[^\"]*\"|“[^”]*”", re.IGNORECASE)


def _mentioned(text: str, offset: int) -> bool:
    return any(m.start() <= offset < m.end() for m in _MENTION.finditer(text))


# a minimum size of each order or delivery, with no period: a term of ordering, not a volume commitment
_PER_ORDER = lazy(
    # or the sale contract each purchase is made under, its confirmation or call-off: "Each Contract shall be for a minimum
    # of one (1) twenty-foot container", "each sales confirmation shall cover at least 20 tonnes" (not "each Contract Year")
    r"\b(?:each|every|any|per|single|individual)\s+(?:[\w-]+\s+)?(?:orders?|shipments?|deliver(?:y|ies)|batch(?:es)?|call-offs?|"
    r"(?:sales?\s+|order\s+)?confirmations?|contracts?(?!\s+(?:years?|quarters?|months?|periods?|seasons?|terms?)\b))\b|"
    # the size of a run of one variant, as makers of made-to-order goods set it: "a minimum of twenty (20) pieces per color or
    # fabric", "at least 100 units per SKU", "1,200 pieces per style per colour" (with no period: "per model per year" is one)
    r"\bper\s+(?:colou?r(?:way)?|fabric|style|design|sku|finish|variant|pattern|print|article(?:\s+number)?)s?\b|"
    # a minimum order quantity by its trade abbreviation: "| Item | Description | MOQ (units) |"
    r"\bmoqs?\b|"
    r"\bin\s+(?:batches|lots)\s+of\b|"  # "generate keys on the Distributor's order in batches of not fewer than 500"
    # what fills one load or unit of carriage: "order a minimum of 33 pallets per full truck", "at least 40 cases per pallet"
    r"\b(?:per|each|every)\s+(?:(?:full|whole|complete)\s+)?(?:(?:truck|lorry|container|tanker|wagon|rail\s?car|trailer)"
    r"(?:\s?loads?)?|truckloads?|pallets?|loads?|consignments?)\b|"
    # the size of the load an order fills: "place orders for full truckloads of not less than 28 tonnes", "Orders shall be in
    # whole container loads of at least 20 t", "orders for pallets of no fewer than 40 cases"
    r"\borders?\b[^.;]{0,60}?\b(?:for|in)\s+(?:(?:full|whole|complete)\s+)?(?:(?:truck|lorry|container|tanker|wagon|rail\s?car|"
    r"barge|vessel)\s?loads?|truckloads?|lorries|containers?|tankers?|pallets?(?:\s+layers?)?|parcels?|consignments?|cargo(?:es)?|"
    # or the pack it comes in: "Orders for crucibles and pans shall be in boxes of not less than one hundred (100) pieces"
    r"boxes|cartons|packs|cases|packages|packets|drums|bags|rolls|reels)\s+of\s+"
    r"(?:not\s+|no\s+)?(?:less|fewer|at\s+least|a\s+minimum)\b|"
    r"\borders?\s+(?:below|under|(?:of\s+)?less\s+than|(?:are|is|shall\s+be|will\s+be)\s+subject\s+to\s+(?:an?\s+)?minimum)\b|\borders?\b[^.;]{0,60}?\b(?:shall|must|will)\s+be\s+(?:for|of)\s+(?:an?\s+)?minimum\b|"
    # "Orders must be for at least ten (10) units of each control panel model" (no period: each order's size)
    r"\borders?\s+(?:shall|must|will)\s+be\s+for\s+(?:at\s+least|not\s+less\s+than|no\s+(?:fewer|less)\s+than)\b|"
    r"\bminimum\s+order\s+(?:value|size|amount|quantit(?:y|ies)|qty)\b|"
    # a one-off opening order, sized: "place an opening order of not less than sixty (60) scooters", "its initial stocking
    # order shall be for at least USD 40,000", "Your first order must be at least $500" (a period named beside it is one)
    r"\b(?:opening|initial|first|launch|start-?up)\s+(?:(?:stock(?:ing)?|fleet|inventory|purchase)\s+)?order\s+"
    r"(?:(?:shall|must|will)\s+be\s+)?(?:(?:of|for|in\s+the\s+amount\s+of)\s+)?(?:at\s+least|not\s+less|no\s+(?:less|fewer)|an?\s+minimum)\b|"
    r"\bminimum\s+(?:purchase\s+)?(?:order|shipment|delivery)\s+(?:is|shall\s+be|will\s+be|must\s+be)\b", re.IGNORECASE)
_MARKETING_SPEND = lazy(
    # "contribute at least USD 5,000 a year to the market development fund" (an MDF); "devote not less than USD 30,000 per
    # year to advertising", "allocate at least 3% of net sales to promotion", "set aside a minimum of EUR 10,000 for marketing"
    # (the sum in words and figures between: "spend, in each Agreement Year, not less than one hundred and fifty thousand
    # United States Dollars (USD 150,000) on advertising", with its equivalent beside it: "spend not less than seventy-five
    # thousand United States dollars (USD 75,000), or its equivalent in Mexican pesos, on advertising")
    r"\b(?:spend\w*|expend\w*|invest\w*|contribut\w*|devot\w*|dedicat\w*|allocat\w*|set\s+aside)\b[^.;]{0,160}?\b(?:advertis\w*|promot\w*|marketing|market development|"
    r"(?:paid|bought) media|"
    # the trade's own ways of promoting: "spend not less than BDT 5,000,000 in each agreement year on mason and applicator
    # meets, demonstrations at tile showrooms and point-of-sale material", "on trade fairs and seminars for installers"
    r"demonstrations?|point[- ]of[- ](?:sale|purchase)|trade\s+(?:fairs?|shows?|exhibitions?)|exhibitions?|seminars?|roadshows?|"
    r"(?:dealer|mason|applicator|contractor|installer|retailer|customer|trade|farmer|plumber|painter|carpenter)s?\s+meets?|"
    r"sponsorships?|publicity|brochures?|catalogues?|catalogs?|leaflets?|signage|merchandising)\b|"
    r"\b(?:advertis\w*|promotion(?:al)?|marketing|user[- ]acquisition)\s+(?:spend\w*|expenditures?|budgets?|investments?|campaigns?|funds?)\b", re.IGNORECASE)


_PURCHASE_WORD = lazy(r"\b(?:purchas\w*|buy(?!ers?\b)\w*|orders?|ordering|take delivery|off-?take)\b", re.IGNORECASE)
# purchases as the base of a share spent: "not less than 2% of its Net Purchases", "of its net Goods purchases" buys nothing
_SPEND_BASE = lazy(r"\bof\s+(?:(?:its|the|their|his|her|such|all)\s+)?(?:(?:net|gross|total|annual|yearly|invoiced)\s+)?(?:(?:products?|goods|equipment|merchandise)\s+)?purchases\b",
                         re.IGNORECASE)


# where a sentence or list item ends in a clause's text: a full stop before a space (not the one of "12.2"), a semicolon, or
# a line break before a list item, a table row or a blank line; a hard-wrapped line goes on with its sentence ("less than
# sixty per cent (60%) of its\nNet Purchases in the preceding Contract Year")
# a blank line ends a sentence unless the sentence goes on after it, as segment joins it ("less than sixty per cent (60%)
# of its" + blank line + "Net Purchases in the preceding Contract Year"): not after a lower-case word or a comma; a line
# opening on a section number whose dot a scan lost starts one ("6 1 If the Distributor's Net Purchases ...")
_SENTENCE_END = r"\.(?=\s)|\n(?=[ \t]*\|)|(?<![a-z,])\n(?=[ \t]*(?:\n|$))|\n(?=[ \t]*" + _DOTLESS_NUMBER + "[A-Z])"
_PIECE_END = lazy(rf"{_SENTENCE_END}|;")
_WHOLE_SENTENCE_END = lazy(_SENTENCE_END)  # a semicolon's two halves together


def _pieces(text: str, unit: Unit, hits: Sequence[Hit], end: re.Pattern[str] = _PIECE_END) -> list[str]:
    """The sentence or list item of `text` each hit sits in (or the half of it a semicolon ends)."""
    ends = [m.start() for m in end.finditer(text)]
    ends += [m.start() for m in re.finditer("\n", text) if item_style(text[m.end():m.end() + 16])]
    ends.sort()

    def piece(offset: int) -> str:
        i = bisect_right(ends, offset)
        return text[ends[i - 1] + 1 if i else 0:ends[i] if i < len(ends) else len(text)]
    return [piece(h.start - unit.start) for h in hits]


def _marketing_only(text: str, unit: Unit, hits: Sequence[Hit]) -> bool:
    """Whether every hit sits in a sentence or list item that spends on advertising or promotion and buys nothing:
    "spend a minimum of $8,000 each year on advertising", "(d) contribute a minimum of 5,000 to the campaigns"."""
    return all(_MARKETING_SPEND.search(p) and not _PURCHASE_WORD.search(_SPEND_BASE.sub(" ", p)) for p in _pieces(text, unit, hits))


# events the partner takes part in or holds are a marketing duty, no volume (the pattern least-n-promotional-events leaves
# "events" alone): "the Distributor shall participate in at least two cycling events in the Territory each year", "The
# Dealer shall:" + "(e) take part in no fewer than three consumer events per year"; a talent's events stay what an
# endorsement buys ("The Professional agrees to participate in a minimum of five (5) other events per calendar year"), and
# goods bought for events stay a volume ("purchase at least 500 units for the trade events each year")
_EVENTS_FLOOR = lazy(rf"\b(?:least|(?:less|fewer)\s+than|minimum\s+of)\s+{NUMBER}\s+"
                     r"(?:(?!(?:for|of|at|to|in|on|the|a|an|its|per|each|every)\b)[\w'’-]+\s+){0,3}?events?\b", re.IGNORECASE)
_PARTNER_DOES = lazy(r"\b(?:(?:the\s+)?(?:distributor|dealer|agent|importer|reseller|retailer|licensee|representative|stockist|"
                     r"wholesaler|franchisee)|you)\b[^.;:]{0,40}?\b(?:shall|will|must|should|agrees?\s+to|"
                     r"undertakes?\s+to|commits?\s+to|is\s+to|has\s+to)\b", re.IGNORECASE)
_DOES = lazy(r"\b(?:shall|will|must|should|agrees?|undertakes?|commits?)\b", re.IGNORECASE)


def partner_events_only(text: str, unit: Unit, hits: Sequence[Hit], lead: str) -> bool:
    """Whether every hit is a number of events (_EVENTS_FLOOR) that the partner must take part in or hold: the partner its
    sentence's subject, or, in a list item with no verb of its own before the floor, the subject of the list's `lead`."""
    own = text[:unit.end - unit.start]
    for h, piece in zip(hits, _pieces(own, unit, hits), strict=True):
        if not _EVENTS_FLOOR.search(own[h.start - unit.start:h.end - unit.start + 80]):
            return False
        at = piece.find(own[h.start - unit.start:h.end - unit.start])
        before = piece[:at] if at >= 0 else piece
        if not (_PARTNER_DOES.search(before) or not _DOES.search(before) and _PARTNER_DOES.search(lead)):
            return False
    return bool(hits)


# a floor the seller warrants of its goods' performance: "warrants that the lamps will keep not less than 90% of their
# output for 30,000 hours" (not "warrants that it will purchase not less than", nor a guaranteed level of sales; CUAD
# labels a performance warranty an operator measures over periods, "the Minimum kWh during each Warranty Period", a minimum)
_WARRANTS = lazy(r"\bwarrant(?:s|ed)?\s+(?:and\s+\w+\s+)?that\b|"
                 # or the goods' life warranted in the passive: "The film facing is warranted for a minimum of twenty (20)
                 # pours", "the blades are guaranteed to last at least 500 hours"
                 r"\b(?:is|are|shall\s+be|will\s+be)\s+(?:warranted|guaranteed)\s+(?:to\s+(?:last|withstand|perform|run)\s+)?"
                 r"(?:for\s+)?(?:a\s+minimum\s+of|at\s+least|not\s+less\s+than|no\s+(?:less|fewer)\s+than)\b", re.IGNORECASE)
_TRADE_WORD = lazy(rf"{_PURCHASE_WORD.pattern}|\b(?:sales|sell\w*|sold|revenues?|turnover|royalt\w*)\b", re.IGNORECASE)


def _warranty_only(pieces: list[str]) -> bool:
    return all(_WARRANTS.search(p) and not _TRADE_WORD.search(p) for p in pieces)


# a level of service the supplier keeps, not a volume anyone buys: "a minimum monthly availability of 99.9%", "available at
# least 99.8% of the time in each calendar month", and the miss of it in the next sentence ("Failure to reach that target
# entitles the Customer to service credits"), said as a share ("Availability to ask two research questions" is none); or
# the share of incoming matters a partner answers in time: "provide a quotation in at least 80% of the Referred Leads within
# ten days", "respond to no less than 90% of sales enquiries within 48 hours", "resolve 95% of warranty claims" (the share of
# its requirements or of a forecast it buys stays a minimum)
_SERVICE_LEVEL = lazy(r"\b(?:availability|uptime|up-time)\b[^.;%]{0,40}?\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent\b|percent\b)|"
                            r"\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent|percent)\s+of\s+the\s+time\b|"
                            r"\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent\b|percent\b)\)?\s+of\s+(?:the\s+|all\s+|its\s+|any\s+)?"
                            r"(?:[\w'’-]+\s+){0,3}?(?:leads|enquiries|inquiries|queries|requests|complaints|calls|tickets|"
                            r"referrals|claims)\b", re.IGNORECASE)


def _service_level_only(own: str) -> bool:
    # the words of the level itself ("90% of sales enquiries") are no trade the partner owes
    level = _SERVICE_LEVEL.search(own)
    return level is not None and not _TRADE_WORD.search(own[:level.start()] + " " + own[level.end():])


# a floor on a capacity or on the seller's side: the capacity or throughput a producer keeps ("shall maintain a production
# capacity of not less than 5,000 units per month"), the room a distributor keeps for the goods ("maintain covered storage
# for not less than 3,000 tonnes", "operate tankage of at least 2,000 m3", "keep warehouse space for no fewer than 400
# pallets") or what the seller must supply ("the Supplier shall deliver at least 2,000 units per quarter"): nothing the
# distributor must buy, unless the same sentence has it buy
_SUPPLIERS = r"supplier|manufacturer|seller|vendor|licensor|principal|producer|maker|brewer|winery|exporter"
_CAPACITY_OR_SUPPLY = lazy(
    r"\b(?:maintain|keep|hold|have|ensure|provide|operate)\w*\b[^.;]{0,40}?\b(?:capacity|capacities|throughput|storage|"
    r"warehous\w*|tankage|silos?|(?:floor|shelf|depot|yard)\s+space)\b|"
    rf"\b(?:{_SUPPLIERS})['’]?s?\b[^.;]{{0,40}}?"
    r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|is\s+obliged\s+to)\s+(?:\w+\s+)?"
    r"(?:supply|deliver|ship|produce|manufacture|make\s+available|provide|allocate|reserve)\b", re.IGNORECASE)


# a share of the orders delivered, the seller's fill rate or the partner's own to its customers: "could not deliver at least
# eighty per cent (80%) of the Dealer's confirmed orders", "shall ship no less than 95% of all orders within five days" (the
# orders are what is delivered, no purchase; not "take delivery of at least 90% of the quantities ordered")
# (or of the units ordered, the share redacted in a filed copy: "shall fill at least [***]% of the units ordered in each
# purchase order")
_ORDERS_FILLED = lazy(
    r"\b(?:deliver|delivers|delivered|delivering|supply|supplies|supplied|ship|ships|shipped|fill|fills|filled|fulfil+s?|"
    r"fulfil+ed|dispatch(?:es|ed)?)\s+(?:at\s+least|(?:not|no)\s+(?:less|fewer)\s+than|a\s+minimum\s+of)\s+"
    r"(?:[\w-]+\s+){0,4}?\(?(?:\d+(?:[.,]\d+)?|\[[^\]\n]{1,12}\])\s?(?:%|per\s?cent\b|percent\b)\)?\s+of\s+(?:the\s+|its\s+|all\s+|any\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,3}?(?:purchase\s+)?orders\b|(?:[\w'’-]+\s+){0,2}?(?:units|quantit(?:y|ies)|volumes?|products|goods)\s+"
    r"(?:so\s+)?ordered\b(?:\s+(?:in|under|by|on)\s+(?:each|every|any|all|the|its)\s+(?:purchase\s+)?orders?\b)?)", re.IGNORECASE)


def _capacity_or_supply_only(pieces: list[str]) -> bool:
    # a capacity the seller keeps and the share of the orders it fills, in one sentence, are both the seller's
    return all((_CAPACITY_OR_SUPPLY.search(p) or _ORDERS_FILLED.search(p)) and not _PURCHASE_WORD.search(_ORDERS_FILLED.sub(" ", p))
               for p in pieces)


# a floor on what the supplier pays the partner, an agent's income and no volume it owes: "the Principal guarantees that the
# commission payable to the Agent shall not be less than EUR 40,000 per year", "a guaranteed minimum commission of $3,000 a
# month", "If the commission earned in a year is below that amount, the Line shall pay the shortfall to the GSA", "a monthly
# draw of at least $2,500 paid to the Representative" (not "the Distributor shall pay to the Supplier a minimum commission")
_PAID_TO_PARTNER = rf"\bguarantee\w*|\b(?:payable|paid|pay\b[^.;]{{0,30}}?)\s+to\s+(?:the\s+)?(?!(?:{_SUPPLIERS})\b)\w"
# the income named near the payment ("the Securities and Exchange Commission" in a filing note is a body, no income)
_INCOME = r"\b(?<!Exchange )(?:commissions?|remuneration|retainers?|draws?)\b"
_PARTNER_INCOME = lazy(rf"{_INCOME}[^.;]{{0,80}}?(?:{_PAID_TO_PARTNER})|(?:{_PAID_TO_PARTNER})[^.;]{{0,80}}?{_INCOME}", re.IGNORECASE)


def _partner_income_only(pieces: list[str]) -> bool:
    return all(_PARTNER_INCOME.search(p) for p in pieces)


# a floor named only as the threshold of a reward the partner earns above it: "an annual growth rebate of 2% of net purchases
# above the total of the Quarterly Volume Commitments", "a bonus of 1% on sales in excess of the Annual Target" (the floor is
# set where it is named as a duty; not "shall buy at least 400 units a quarter and earns 1% on purchases above the minimum")
_REWARD_OVER_FLOOR = lazy(r"\b(?:rebates?|bonus(?:es)?|incentives?|discounts?|credits?|commissions?)\b(?:[^.;]|\.(?=\d)){0,80}?"
                                r"\b(?:above|over|exceeding|exceeds?|in\s+excess\s+of|beyond)\s+"
                                r"(?:(?:the|its|their|each|any|total|sum|aggregate|of|applicable|relevant)\s+){0,5}(?:[\w-]+\s+){0,2}$",
                                re.IGNORECASE)


def _reward_threshold_only(own: str, unit: Unit, hits: Sequence[Hit]) -> bool:
    return all(_REWARD_OVER_FLOOR.search(own, max(0, h.start - unit.start - 160), h.start - unit.start) for h in hits)


# the order size that earns free carriage, no floor (smaller orders are accepted, at a freight charge): "Orders of at least
# six (6) pallets are delivered free of freight charges", "orders for at least 22 pallets are delivered carriage paid",
# "Orders of not less than 5 tonnes are shipped at the Supplier's cost", "orders of at least 40 cases qualify for free
# delivery"; or under a trade term that puts the carriage on the seller: "Delivery is DAP Distributor's warehouse (Incoterms
# 2020) for orders with a net value of at least EUR 2,500", "are delivered DDP", "delivered free to the Dealer's premises"
# (not a floor over a period, "purchase at least 500 units in each Quarter, delivered carriage paid")
_CARRIAGE_CHARGE = (r"(?:freight|handling|delivery|carriage|shipping|transport|groupage|part[\s-]load)\s+"
                    r"(?:charges?|fees?|supplements?|costs?)")
_LOAD_NOUN = r"(?:orders?|shipments?|deliver(?:y|ies)|consignments?|loads?|quantities)"
# "smaller orders", "part-container shipments", "shipments of fewer pallets", "orders below that quantity"
_SMALLER_LOADS = (rf"\b(?:(?:smaller|lesser|part(?:ial)?|less-than-[\w-]+)\s+(?:[\w-]+\s+)?{_LOAD_NOUN}|"
                  rf"{_LOAD_NOUN}\s+(?:(?:of|for|with)\s+(?:fewer|less|smaller|lower)|(?:below|under)\s+(?:this|that|the|such)\s+"
                  r"(?:minimum|quantity|size|level|number)))\b")
_FREE_CARRIAGE = lazy(
    r"\b(?:delivered|shipped|sent|dispatched|transported|carried|deliver(?:y|ies)|shipments?)\b[^.;]{0,40}?\b(?:free\s+of\s+"
    r"(?:freight|carriage|delivery|transport|shipping)|(?:carriage|freight)\s+(?:paid|free|prepaid)|"
    r"free\s+(?:delivery|carriage|freight|shipping|transport|to|domicile)|(?-i:CPT|CIP|DAP|DPU|DDP|CFR|CIF)|"
    r"at\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?(?:cost|expense))\b|"
    r"\b(?:qualif(?:y|ies)\s+for|receives?|earns?)\s+(?:free\s+(?:delivery|carriage|freight|shipping|transport)|carriage\s+paid)\b|"
    # or the charge smaller ones bear said beside it: "with a minimum of 33 pallets per full truck or a groupage surcharge for
    # smaller shipments", "orders of at least 20 pallets, smaller orders bearing a freight supplement"
    rf"\b(?:surcharges?|{_CARRIAGE_CHARGE})\b[^.;]{{0,20}}?\b(?:for|on)\s+{_SMALLER_LOADS}|"
    rf"{_SMALLER_LOADS}[^.;]{{0,40}}?\b(?:surcharges?|{_CARRIAGE_CHARGE})\b",
    re.IGNORECASE)


# what the size is of: an order or a consignment, or what a smaller one is said to be (not "shall purchase not less than
# 10,000 tonnes, delivered CIF", a volume)
_ORDER_NOUN = lazy(rf"\b(?:orders?|consignments?|shipments?|call-offs?)\b|{_SMALLER_LOADS}", re.IGNORECASE)


def _free_carriage_only(pieces: list[str]) -> bool:
    return all(_FREE_CARRIAGE.search(p) and _ORDER_NOUN.search(p) and not period(p) for p in pieces)


def order_size_only(clause: Clause) -> bool:
    """A minimum_commitment clause that sets only the size of an order, no volume over a period."""
    return _order_size_only(clause.attributes)


def _order_size_only(attributes: dict[str, Any]) -> bool:
    return bool(attributes.get("per_order")) and "period" not in attributes


def no_volume(clause: Clause) -> bool:
    """A minimum_commitment clause that commits to no volume over time: an order size, or a spend on advertising
    (CUAD labels both; the distributor may still buy nothing)."""
    return commits_to_no_volume(clause.attributes)


def commits_to_no_volume(attributes: dict[str, Any]) -> bool:
    """no_volume, from a minimum's attributes (before its clause is made)."""
    return _order_size_only(attributes) or bool(attributes.get("marketing_spend"))


# a count that is no volume bought, read as the quantity a selling verb governs: a head count ("sell the Products
# through a force of at least twenty (20) representatives", "maintain no fewer than 25 trained technicians", "a team of
# at least four (4) implementation consultants", "a team of at least six field account managers"; a named "Sales Force"
# floor is its own pattern), goods on show ("maintain a showroom with at least six exhibited Products", "open a showroom
# with at least four OTM machines on display", "a demonstration fleet of at least four (4) Products") or the hours a
# shop is open ("shall be open during the store's opening hours, which shall be no fewer than seventy (70) hours per
# week", "trade for not less than 60 hours a week")
_NOT_BOUGHT = lazy(rf"\b(?:least|than)\s+{NUMBER}\s+(?:(?:[\w-]+\s+){{0,3}}?(?:representatives|reps|staff|employees|personnel|"
                         r"salespeople|salespersons|salesmen|engineers|technicians|specialists|consultants|advisers|advisors|"
                         r"associates|trainers|instructors|installers|managers|executives|clinicians|coordinators|"
                         # staff named by their trade: "maintain at least two certified drone pilots", "at least three agronomists"
                         r"pilots|mechanics|agronomists|merchandisers|electricians|"
                         # or by their profession: "a technical team of at least four (4) veterinarians"
                         r"veterinarians|pharmacists|chemists|technologists|doctors|physicians|nurses|scientists)|"
                         r"(?:[\w-]+\s+){0,4}?(?:exhibited|displayed|demonstration|demo|display|showroom)\b)\b|"
                         # or kept in the partner's own fleet on show, the brand and model named between: "maintain at least two (2)
                         # Norrland reach trucks in its demonstration fleet"
                         rf"\b(?:least|than)\s+{NUMBER}\s+(?:[\w'’-]+\s+){{0,5}}?(?:in|on|at)\s+(?:its|the|their)\s+(?:own\s+)?"
                         r"(?:demonstration|demo|display|showroom|exhibition)\b|"
                         # or named before the count: "maintain a demonstration fleet of at least four (4) Products"
                         rf"\b(?:demonstration|demo|display|showroom|exhibition)\s+(?:[\w-]+\s+){{0,4}}?(?:least|than)\s+{NUMBER}|"
                         rf"\b(?:open\w*|trad(?:e|ing)|business)\b[^.;]{{0,120}}?\b(?:least|than)\s+{NUMBER}\s+hours\b|"
                         # the partner's premises: their floor area ("maintain a studio of not less than 400 square metres")
                         # or a count of its own showrooms set up once, with no period it recurs in ("open at least two
                         # experience centres within ninety days"; not "open at least two showrooms in each year")
                         rf"\b(?:least|than)\s+{NUMBER}\s*(?:square\s+(?:metres|meters|feet|foot|yards)|sq\.?\s?(?:m|ft|feet)\b|"
                         r"m2\b|m²|sqm\b|ft2\b)|"
                         rf"\b(?:least|than)\s+{NUMBER}\s+(?:[\w'’-]+\s+){{0,3}}?(?:showrooms?|experience\s+(?:cent(?:re|er)s?|stores?)|"
                         r"studios?|branch(?:es)?|workshops?|service\s+(?:cent(?:re|er)s?|points?)|premises|dealerships?)\b"
                         r"(?![^.;]{0,100}?\b(?:per|each|every|a)\s+(?:calendar\s+|contract\s+|financial\s+)?(?:year|quarter|month|annum)\b)",
                         re.IGNORECASE)
_SELLING_FLOOR = frozenset({"not-less-than", "at-least-the-quantity"})


def _not_bought_only(own: str, unit: Unit, hits: Sequence[Hit]) -> bool:
    return all(h.pattern_id in _SELLING_FLOOR and (m := _NOT_BOUGHT.search(own, max(0, h.start - unit.start))) is not None
               and m.start() < h.end - unit.start for h in hits)


# a floor a customer or member must reach to join a programme or qualify for its terms is the condition of its admission, no
# volume the partner commits to: "To be admitted as a Programme Breeder, a breeder must breed at least two litters per year",
# "A clinic qualifies for loyalty pricing only if it orders a minimum of 40 bags each quarter", "Members are eligible for the
# rebate if they buy at least ten cases a month"; not where the partner, or the grant, is named before the floor ("To qualify
# for exclusivity, the Distributor must purchase at least ...", "To be admitted as a Gold Partner, the Reseller shall ...")
_ADMISSION = lazy(r"\bto\s+(?:be\s+)?(?:admitted|accepted|enrol(?:l?ed)?|enroll|join|qualify)\b|\bqualif(?:y|ies|ied)\s+(?:for|as)\b|"
                        r"\b(?:is|are|be|becomes?)\s+(?:only\s+)?eligible\s+(?:for|to|as)\b|"
                        r"\b(?:eligibility|admission|qualifying|qualification)\s+(?:criteri(?:a|on)|conditions?|requirements?|thresholds?)\b",
                        re.IGNORECASE)
_PARTY_OR_GRANT = lazy(r"\b(?:(?:sub-?)?(?:distributors?|dealers?|agents?|importers?|resellers?|licensees?|representatives?|"
                             r"stockists?|wholesalers?|franchisees?|partners?|bottlers?)|you|we|exclusiv\w*|appointment|territor\w*|"
                             r"renewals?|extensions?)\b", re.IGNORECASE)


def _admission_only(own: str, unit: Unit, hits: Sequence[Hit], pieces: list[str]) -> bool:
    """Whether every hit is a floor that someone other than the partner must reach to be admitted to a programme or to
    qualify for its terms (_ADMISSION before it in its sentence, the partner and the grant unnamed there)."""
    for h, piece in zip(hits, pieces, strict=True):
        at = piece.find(own[h.start - unit.start:h.end - unit.start])
        before = piece[:at] if at >= 0 else piece
        if not _ADMISSION.search(before) or _PARTY_OR_GRANT.search(before):
            return False
    return True


# a period the contract names: "the Launch Phase", "the Review Window", "the Getting-Started Months"
_NAMED_PERIOD = r"(?:[A-Z][\w-]*\s+){1,3}(?:Period|Window|Phase|Stage|Months|Weeks)\b"
# what the partner must do within one named opening period, counted in anything but goods bought or sold, is a task the
# trial sets and its review weighs, no volume over the contract's periods: "During the Ramp-up Period the Distributor shall
# place the Products with at least five ski shops", "within the Pilot Phase it shall appoint not fewer than ten dealers" (not
# "During the Trial Period the Distributor shall purchase at least 500 units", nor a floor for the whole Contract Period);
# a trial named in lower case, as plain-English drafts write their defined terms: "During the trial period we want to see
# that you can ... place the products with at least two pharmacy chains"
_IN_NAMED_PERIOD = lazy(r"\b(?i:during|throughout|within|in|by the end of|before the end of)\s+(?i:the)\s+"
                              rf"(?:(?!(?:Contract|Agreement|Exclusivity|Exclusive|Renewal|Extension|Licen[cs]e|Supply)\b){_NAMED_PERIOD}|"
                              r"(?i:trial|probation(?:ary)?|evaluation|pilot|test(?:ing)?|introductory|qualifying|ramp[- ]up|run[- ]in|"
                              r"start[- ]up|launch)\s+(?i:period|phase|stage|window)\b)")


def _trial_tasks_only(pieces: list[str]) -> bool:
    return all(_IN_NAMED_PERIOD.search(p) and not _TRADE_WORD.search(p) for p in pieces)


# what a shortfall costs, not the floor nor its period: "the Reseller shall pay a shortfall fee of EUR 25 for each
# missing customer for each month", "liquidated damages of $10 per unit not purchased"
_SHORTFALL_PRICE = lazy(r"\b(?:shortfall|make-?up|penalty)\s+(?:fee|payment|charge|amount|sum)s?\s+(?:of|equal to|amounting to)\b[^.;]*|"
                              r"\bliquidated damages\s+(?:of|equal to|amounting to)\b[^.;]*", re.IGNORECASE)


# a miss excused: "failure to reach any Sales Target shall not constitute a breach", "a shortfall is not of itself a default",
# and with the denial on the miss itself: "no failure to reach the target quantity shall constitute a breach"; or said to be
# no ground to end the contract: "Failure to reach the Sales Target is not good cause", "shall not constitute grounds for
# termination"
_ITSELF = r"(?:of\s+itself\s+|in\s+itself\s+)?"
_NO_BREACH = lazy(r"(?:\b(?:(?:shall|will|does|do)\s+not\s+" + _ITSELF + r"(?:constitute|be|amount\s+to|give\s+rise\s+to)|"
                        r"(?:is|are)\s+not(?:\s+of\s+itself|\s+in\s+itself)?)|"
                        r"\bno\s+(?:\w+\s+)?(?:failure|shortfall|inability)\b[^.;]{0,80}?\b(?:shall|will|does|is|may)\s+" + _ITSELF +
                        r"(?:constitute|be|amount\s+to|give\s+rise\s+to))\s+(?:a\s+|any\s+)?(?:breach|default|"
                        r"(?:good|just|sufficient|important|valid)\s+(?:cause|grounds?|reasons?)|"
                        r"(?:cause|grounds?|reasons?)\s+for\s+(?:termination|terminating|cancell?ation|rescission))\b", re.IGNORECASE)

# a floor named only to say it does not bind this contract: "the annual minimum purchase ... in the Previous Agreement no
# longer apply", "Where the Policy Manual refers to minimum orders or sales targets, those references do not apply to
# Dealer", "shall cease to apply"
_NOT_APPLYING = lazy(r"\b(?:no\s+longer|(?:do|does|shall|will)\s+not|cease\s+to|ceases\s+to)\s+apply\b", re.IGNORECASE)
# a floor the parties say they left out: "Volume targets have deliberately not been agreed", "Minimum purchase quantities are
# expressly not set" (not after a condition or with a deadline: "If the Sales Targets have not been agreed by 1 December, they
# shall be ...", a target that stands; nor "have not yet been agreed", one still to come)
_LEFT_UNAGREED = lazy(r"\b(?:has|have|is|are|was|were)\s+(?:(?:deliberately|expressly|intentionally|consciously|purposely|"
                            r"knowingly)\s+)?not\s+(?:been\s+)?(?:agreed|set|fixed|imposed|stipulated|established)\b"
                            r"(?!\s+(?:by|before|until|within|on\s+or\s+before)\b)|"
                            # or chose to leave out: "The parties have discussed minimum volumes and decided not to include
                            # them", "considered a purchase quota but agreed not to impose one" (not "not to include them yet")
                            r"\b(?:decided|agreed|chose|chosen|elected|opted|resolved)\s+(?:(?:deliberately|expressly)\s+)?not\s+to\s+"
                            r"(?:include|impose|set|fix|stipulate|introduce|adopt|require|have)\b(?![^.;]{0,40}?\b(?:yet|until|before|for\s+now)\b)",
                            re.IGNORECASE)


def _left_unagreed(piece: str) -> bool:
    """Whether the sentence `piece` says its floor was left out of the contract, not after a condition (_LEFT_UNAGREED)."""
    m = _LEFT_UNAGREED.search(piece)
    return m is not None and not _ASKED_IF.search(piece, 0, m.start())


# a title's own section number is no amount: "§ 3 Orders, minimum order value", "Section 4 Minimum Purchases"
_TITLE_SECTION_NUMBER = lazy(r"^\s*(?:§{1,2}\s*|(?:article|section|clause)\s+)\d+[a-z]?(?:\.\d+)*\.?\s+", re.IGNORECASE)
# a fall against the partner's own past volume set as a condition, a trigger and no floor: "If its Net Purchases in any
# Half-Year fall to less than two-thirds of its Net Purchases in the same Half-Year of the previous year, the Company may
# terminate", or said as a share: "If the orders in two consecutive quarters amount to less than half of those in the same
# quarters of the previous year, ...", also after a time it applies from: "From the second Contract Year onwards, if ...",
# or after the right it gives: "Supplier may terminate this Agreement by thirty (30) days' notice if Dealer's Net Purchases
# in any Contract Year are less than sixty per cent (60%) of its Net Purchases in the preceding Contract Year"
_FALL_AGAINST_EARLIER = lazy(
    _OWN_NUMBER + r"(?:(?:from|after|as from|as of|beginning|starting|commencing|with effect from|in|during|for)\b"
    r"[^.;,]{0,60},\s*|[^.;]{0,80}?\bmay\b[^.;]{0,120}?\s)?(?:if|should|where|in the event (?:that )?)\b[^.;]{0,120}?\b(?:"
    r"(?:falls?|drops?|declines?|decreases?)\s+(?:to|by|below)\b[^.;]{0,80}?\b(?:previous|preceding|prior|corresponding|same)\b|"
    r"(?:less|lower|fewer)\s+than\b[^.;]{0,80}?\b(?:previous|preceding|prior|corresponding)\s+(?:[\w-]+\s+)?"  # "Programme Year"
    r"(?:year|quarter|half[\s-]year|semester|period|season)s?\b)", re.IGNORECASE)


# a key-terms row or item answering its minimum label with none: "| Minimum purchases | None. |", "Minimum order
# quantity: N/A", "Annual minimum: nil" (not "No fewer than 500 units")
_NONE_VALUE = lazy(r"\s*(?:none|nil|n/?a|not applicable|no(?=\s*(?:[.;,|]|$)))\b", re.IGNORECASE)


# a floor said plainly to bind only for the part of the deal that is not exclusive, in an agreement exclusive in one country or
# line and not in another: "The minimum purchase stated for Tunisia applies to the Non-Exclusive Country only", "This Section
# applies solely to the non-exclusive Product Lines" (its scope read only where said so, never guessed from where it stands)
# the parts a deal exclusive in one place or line and not in another is split into ("Exclusive Country", "non-exclusive
# Product Lines")
DEAL_PART = r"(?:countr(?:y|ies)|territor(?:y|ies)|regions?|markets?|products?|lines?|ranges?)\b"
_NON_EXCLUSIVE_PART = r"(?:to|for|in\s+respect\s+of)\s+(?:the\s+)?non-?\s?exclusive\s+(?:[\w-]+\s+){0,2}?" + DEAL_PART
_NON_EXCLUSIVE_PART_ONLY = lazy(
    r"\b(?:appl(?:y|ies)|relates?|(?:is|are)\s+(?:set|fixed|stated))\s+(?:(?:only|solely|exclusively)\s+" + _NON_EXCLUSIVE_PART
    + r"|" + _NON_EXCLUSIVE_PART + r"\s+(?:only|solely|exclusively)\b)", re.IGNORECASE)


# a minimum guarantee (a film's, a book's, a catalogue's) that the contract says is paid once is an advance on royalties, no
# volume over time: "The Minimum Guarantee is a one-time advance ... not repeated in any year", "a single, non-returnable
# advance ... payable once only"; a sentence that says so is none, and every mention of the guarantee with no period of
# its own ("a minimum guarantee of EUR 150,000, payable in three instalments") is none in that document
# (resolve_document: _drop_mentions_taken_back); unsaid, the guarantee is the licensee's money commitment, and "an Annual
# Minimum Guarantee", "a minimum guarantee of $1m each year" recur
_GUARANTEE = lazy(r"\bguarantee\b", re.IGNORECASE)
_ONE_OFF = (r"\b(?:one[- ]time|one[- ]off|once only|only once|single|non-recurring|lump[- ]sum)\b|"
            r"\bnot\s+(?:an?\s+)?(?:annual|periodic|recurring|repeated|renewed)\b")
_ONE_OFF_GUARANTEE = lazy(r"\bguarantee\b[^.;]{0,60}?(?:" + _ONE_OFF + ")", re.IGNORECASE)


# a target the contract names ("the Annual Sales Objective", "Planning Targets") may be defined, set or scheduled in one
# place and said to bind no one in another ("The Annual Sales Objective is not a minimum purchase requirement", a schedule
# headed "ANNUAL SALES OBJECTIVE (for planning only)"): a unit whose every hit names it is marked with its name and is
# none in that document (resolve_document: _drop_mentions_taken_back); the capitalised words before the hit are the name's
_NAME_BEFORE = lazy(r"(?:\b[A-Z][\w-]*\s+){0,3}$")
_NOT_OF_NAME = frozenset({"The", "THE", "This", "Each", "Every", "Any", "Such", "A", "An", "Its", "Their", "If", "Where"})


def _target_name(own: str, unit: Unit, hits: Sequence[Hit]) -> str | None:
    """The one capitalised name every hit is part of ("Annual Sales Objective" of "The Annual Sales Objective for each
    Year"), or that a target described in lower case is given in quotes in the sentence ("a sales target (the 'Sales
    Target')"), singular; None for a target named in lower case only ("sales targets") or two names."""
    names = set()
    for h in hits:
        hit = own[h.start - unit.start:h.end - unit.start]
        name = _NAME_BEFORE.search(own, 0, h.start - unit.start)  # it matches at the end if nowhere else
        words = [*(name.group().split() if name else ()), hit]
        while words and words[0] in _NOT_OF_NAME:
            words.pop(0)
        if not all(w[:1].isupper() for w in words):
            # a target described in lower case that the sentence names: 'a sales target stated in dollars (the "Sales Target")'
            named = re.search(rf"[\"“]({re.escape(hit)})s?[\"”]", own, re.IGNORECASE)
            if named is None or not named.group(1)[:1].isupper():
                return None
            words = [named.group(1)]
        names.add(re.sub(r"(?<=[a-z])s$", "", " ".join(words)))
    return names.pop() if len(names) == 1 else None


def _target_taken_back(name: str, text: str) -> bool:
    """Whether a sentence (or a heading) of the document that opens on the target's name denies that it binds: "3.2 The
    Annual Sales Objective is not a minimum purchase requirement", "SCHEDULE 2 - ANNUAL SALES OBJECTIVE (for planning
    only)" (not "If the purchases fall short of the Annual Sales Objective ... for information only")."""
    for m in re.finditer(rf"\b{re.escape(name)}s?\b", text, re.IGNORECASE):
        start, end = _sentence_bounds(text, m.start(), m.end(), (". ", "\n"))
        if m.start() - start <= 50 and _denied(text[m.start():end]):
            return True
        # or the next sentence of its paragraph, pointing back to it: "The Sales Targets in Exhibit B represent the parties'
        # estimates of the market. They are not minimum purchase obligations."
        back = _BACK_REFERENCE.match(text[end + 2:end + 400]) if m.start() - start <= 50 and text.startswith(". ", end) else None
        if back and not back.group("plan") and _denied(back.group()):
            return True
    return False


def _sentence_bounds(text: str, start: int, end: int, marks: tuple[str, ...]) -> tuple[int, int]:
    """Where the sentence (or line) holding text[start:end] begins and ends in `text`, cut at any of `marks`."""
    first = max(text.rfind(mark, 0, start) for mark in marks) + 1
    return first, min((e for e in (text.find(mark, end) for mark in marks) if e >= 0), default=len(text))


# an inline list item that starts with its own verb: a match running into it joins the verb of one item to the floor of the
# next ("shall (a) place its booking order for Model Year 2027/28, (b) appoint not fewer than fifteen dealers"); not an item
# that goes on from the verb before it ("shall purchase in each Year (i) not less than 500 units of A and (ii) ...")
_OWN_ITEM = lazy(r"[,;:]\s*(?:and\s+|or\s+)?\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+(?!(?:not|no|at|a|an|the|minimum)\b|\d)", re.IGNORECASE)


# a floor counted as a share of cases is how often something is done in time, a service rate, not a volume bought: "AOG
# orders shipped within 12 hours in at least 95% of cases", "answered within one hour in no less than ninety per cent (90%)
# of instances" (the share in the hit or just after its number; not "95% of cases of wine", nor "90% of the cases it sells")
_SHARE_OF_CASES = lazy(r"(?:%|\bper\s?cent\b|\bpercent\b)\)?\s*(?:\(\s?\d+(?:[.,]\d+)?\s?%\s?\)\s*)?"
                             r"of\s+(?:all\s+)?(?:cases|instances|occasions)\b(?!\s+of\b)", re.IGNORECASE)


# a floor named by its defined name as what results are measured against ("compared with the Quarterly Unit Quota", "progress
# reported against the Annual Target"), just before the hit: the words between are the name's, in capitals
_MEASURED_AGAINST = lazy(r"\b(?:compared|measured|reviewed|reported|tracked|benchmarked|checked|assessed)\s+(?:with|to|against)\s+"
                               r"(?:the\s+|its\s+|each\s+|any\s+)?(?:[A-Z][\w-]*\s+){0,4}$")


# the first item of a list of floors after "at least:" opens with its figure: "(a) 220 Placements; and", "1. EUR 50,000 of ..."
_LISTED_FIGURE = lazy(r"\s*(?:\(?(?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})[.)]\s*)?(?:[A-Z]{3}\s?|[$€£¥]\s?)?\d")


# a level of stock the partner keeps, not a volume it buys in a period: "Distributor shall keep a minimum inventory of 500 units
# at all times", "maintain inventory of not less than 500 units" (not "shall purchase a minimum inventory of 500 units each
# quarter")
_STOCK_KEPT = lazy(r"\b(?:keep|keeps|maintain|maintains|carry|carries|hold|holds)\b(?:\s+[\w-]+){0,3}?\s+(?:(?:an?|its|the)\s+)?"
                   r"(?:minimum\s+)?(?:inventory|inventories|stocks?)\b|\bminimum\s+(?:inventory|stock)\b", re.IGNORECASE)
_BOUGHT_PER_PERIOD = lazy(r"\b(?:purchas\w*|buy\w*|bought|orders?|ordering|procur\w*|sell\w*|sold|sales)\b|"
                          r"\b(?:each|every|per|a|any)\s+(?:calendar\s+|contract\s+|financial\s+)?(?:month|quarter|year|semester|season)\b|"
                          r"\b(?:annual|quarterly|monthly|yearly)\b", re.IGNORECASE)

# which lines the stock is of, no sale: "at least 200 units of each of the ten best-selling lines", "of its fast-selling
# models", "the top sellers"
_SELLING_LINES = lazy(r"\b(?:best|better|fast|faster|fastest|top|slow|slower|slowest|strong|good)[- ]sell(?:ing|ers?)\b", re.IGNORECASE)


def _stock_level_only(pieces: list[str]) -> bool:
    return all(_STOCK_KEPT.search(p) and not _BOUGHT_PER_PERIOD.search(_SELLING_LINES.sub(" ", p)) for p in pieces)


def minimum_commitment(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    own = text[:unit.end - unit.start]
    hits = [h for h in hits if not _OWN_ITEM.search(own, h.start - unit.start, h.end - unit.start)
            and not _SHARE_OF_CASES.search(own, h.start - unit.start, h.end - unit.start + 30)]
    if not hits:
        return None
    if all(h.pattern_id == "at-least-colon-list" and not _LISTED_FIGURE.match(text, h.end - unit.start) for h in hits):
        return None  # "shall purchase at least:" with no list of figures after it
    guarantee = all(_GUARANTEE.search(own, h.start - unit.start, h.end - unit.start) for h in hits)
    if guarantee and _ONE_OFF_GUARANTEE.search(own):
        return None
    pieces = _pieces(own, unit, hits)  # the sentence or list item of each hit, read by several checks below
    if (_not_bought_only(own, unit, hits) or _warranty_only(pieces) or _capacity_or_supply_only(pieces) or _service_level_only(own)
            or _trial_tasks_only(pieces) or _partner_income_only(pieces) or _free_carriage_only(pieces)
            or _admission_only(own, unit, hits, pieces)
            or _free_carriage_only(_pieces(own, unit, hits, _WHOLE_SENTENCE_END))  # "...; smaller orders bear a surcharge"
            or _reward_threshold_only(own, unit, hits) or _stock_level_only(pieces)):
        return None
    if (all((row := _labelled(p)) and _NONE_VALUE.match(row[1]) for p in pieces)
            or own.lstrip().startswith("|") and _no_exclusive_floor_in_table(own)):
        # "| Minimum purchases | None. |", the row of each hit (a key-terms table read as one unit, as from a PDF: "| 3 |
        # Territory | Poland |" + "| 5 | Purchasing obligation | None | 4 |"); a minimum column empty but for the non-exclusive rows
        return None
    if all(h.pattern_id == "least-share-of-volume" for h in hits) and all(_FALL_AGAINST_EARLIER.search(p) for p in pieces):
        return None
    if all(_NO_BREACH.search(p) or _NOT_APPLYING.search(p) or _left_unagreed(p) for p in pieces) and not amounts(own):
        return None  # a sentence that excuses missing a floor stated elsewhere, sets one aside or leaves it out, states none itself
    if all(_NON_EXCLUSIVE_PART_ONLY.search(p) for p in pieces):
        return None  # "The minimum purchase stated for Tunisia applies to the Non-Exclusive Country only": no exclusivity kept by it
    if unit.is_title and not own.rstrip().endswith(":") and (
            all(h.kind == "target" for h in hits) or not amounts(_TITLE_SECTION_NUMBER.sub("", own))):
        # "Minimum Purchases." announces the clause; "The Minimum Purchase Quantities are as follows:" leads
        # into it and "Minimum Order Value per Quarter: USD 20,000" states it (a bare target in a title,
        # "2004 REVENUE TARGET: $500,000", is as often a threshold to qualify for a programme)
        return None
    if all(h.kind == "target" for h in hits) and (
            _TARGET_MENTION.search(text) and not amounts(text) or _denied(own)
            or (named := _DEFINES.match(own)) and all(h.start - unit.start >= named.end() for h in hits) and not amounts(own)):
        return None  # "the plans may include sales targets", "information such as sales targets": no target set;
        # "Indicative volume objectives (for guidance only)": none binding; '"Program Letter" means the letter setting out
        # discounts, sales goals and freight terms': the definition of another thing lists what it holds
    if all(h.kind == "forecast" or _EXPECTED.search(own, max(0, h.start - unit.start - 60), h.start - unit.start) for h in hits) and _denied(own):
        return None  # "no failure to achieve a Sales Forecast shall be a breach ... given for planning purposes only"; "the
        # parties expect the Distributor to sell approximately 250 Machines each year ... It is not a minimum purchase obligation"
    if not amounts(own) and _NOT_COMMITTED.search(own, max(h.end for h in hits) - unit.start) and not _BINDING.search(own):
        return None  # a minimum named and then denied as a commitment: "The minimum quantities in a crib plan are stock levels
        # for the site only; they are not purchase commitments of the Distributor"
    if all(h.pattern_id == "fails-to-meet-minimum" or h.kind == "target" for h in hits) and _denied(own) and not amounts(own):
        return None  # "The Planning Targets are not binding ... nothing happens if you do not reach a Planning Target"
    if _AMENDMENT.search(own) and all(_mentioned(own, h.start - unit.start) for h in hits):
        return None  # 'Section 4.1 (Minimum Purchase Commitment) is deleted', 'replacing the words "... Minimum ..."'
    if all(h.kind == "firm" for h in hits) and (not _FORECAST.search(text) or all(_NO_ORDER_BEFORE.search(own, 0, h.start - unit.start) for h in hits)):
        return None  # a binding order is not a minimum; the binding part of a forecast commits to quantities; months
        # without one are a condition: "has not placed any firm order during four consecutive months"
    if (all(h.kind == "firm" for h in hits) and (named := _DEFINES.match(own))
            and _ORDER_NAME.search(named.group(0))
            and all(h.start - unit.start >= named.end() for h in hits) and not amounts(own)):
        return None  # '"Season Order" means the binding order placed in the booking window': what an order is, no volume
    if not amounts(own) and all(_MEASURED_AGAINST.search(own, max(0, h.start - unit.start - 80), h.start - unit.start) for h in hits):
        return None  # "a Quarterly Business Review at which actual purchases are compared with the Quarterly Unit Quota": the
        # floor set elsewhere, named as the yardstick of a report or a review
    attrs: dict[str, Any] = {}
    if _REFERRING_DEFINITION.search(text) and not amounts(text) and not period(text):
        return None  # '"Purchase Targets" means the quantities set out in Schedule B': the schedule is the clause
    if "\n" in text.strip():  # a table or list: its price rows are not the minimum's amount or period
        text = "\n".join(line for line in text.split("\n") if not (_PRICE_ROW.search(line) and not _FLOOR_WORD.search(line)))
    text = _SHORTFALL_PRICE.sub(" ", text)  # "shall pay a shortfall fee of EUR 25 per missing customer per month"
    found = [a for a in amounts(text) if a["kind"] != "percent"] or _column_amounts(text) or amounts(text)
    if found:
        first = found[0]
        attrs.update(amount=first["text"], amount_value=first["value"], amount_unit=first["unit"])
    # the firm months of a forecast: "each month", "a rolling twelve-month forecast" say how often it comes and how far
    # it looks ahead, not a volume's period
    if all(h.kind == "firm" for h in hits):
        return attrs
    column = _PERIOD_COLUMN.search(text)
    p = period(text) or (period("each " + column.group("p")) if column else None)
    if p:
        attrs["period"] = p
    elif _PER_ORDER.search(text):
        attrs["per_order"] = True  # "Each order shall be for a minimum order value of $25,000": a size, no volume over time
    if _marketing_only(text, unit, hits):
        attrs["marketing_spend"] = True  # "shall spend on advertising not less than 8% of Net Sales": no purchase floor
    if guarantee and not p:
        attrs["guarantee_only"] = True  # resolve_document keeps it unless the document says the guarantee is paid once
    if all(h.kind == "target" for h in hits) and (name := _target_name(own, unit, hits)):
        attrs["target_only"] = name  # resolve_document keeps it unless the document says that target binds no one
    return attrs


_PROBATION_NAME = lazy(
    r"\b(probation\w*|trial|evaluation|test|introductory|qualifying|qualification|proving|pilot|proof[\s-]of[\s-]concept)\s+"
    r"(period|term|phase|stage|window|season)\b|\bprobation\b|"
    r"\b(probation\w*|trial|provisional) (basis|footing)\b|\btry-?outs?\b",
    re.IGNORECASE,
)
# a window around the period, not the period: "within thirty (30) days after the end of the Trial
# Period", "ninety (90) days' notice", "extended by a further three (3) months"
_WINDOW_BEFORE = lazy(
    r"\b(within|before|prior to|no later than|not later than|not less than|at least|upon|on|giving|by|"
    r"further|additional|another|extension of|up to|notice period of|period of notice of|notice of)\s+(an?\s+)?(additional\s+|further\s+)?$",
    re.IGNORECASE,
)
_WINDOW_AFTER = lazy(
    r"^['’]?s?\s*(prior|before|in advance|notice|written notice|"
    r"(after|following|from|of|before|prior to)\s+(the\s+)?(end|expiry|expiration|termination|conclusion|completion|close|"
    r"receipt|lapse)\b|"
    # "for twenty (20) days after it ends", "within 14 days after that period expires"
    r"(after|following)\s+(it|that\s+period|the\s+period|its\s+end)\s+(ends|expires|closes|has\s+ended|has\s+expired)\b)",
    re.IGNORECASE,
)


_AFTER_NAME = lazy(r"^[^.;,]{0,30}$")  # "trial period of four (4) months", "Trial Period") of 90 days
_BEFORE_NAME = lazy(r"^[\s-]*(?:[\w-]+\s+)?$")  # "a 90-day probationary period", "six months' trial period"
# a time counted after the period, not its length: "in any two consecutive Quarters after the Trial Period" (a time "after the
# end of" it is a window, _WINDOW_AFTER)
_COUNTED_AFTER_NAME = lazy(r"^[\s,]*(?:after|following)\s+(?:the\s+)?$", re.IGNORECASE)
# so is a time the sentence names after a period it opens with 'after': "After the Trial Period, the Supplier may convert the
# appointment if the Distributor places no order for a period of three (3) consecutive months" (unless named with it: "After
# the Trial Period of four months, ...")
_AFTER_THE_NAME = lazy(r"\b(?:after|following)\s+(?:the\s+)?(?:(?:end|expiry|expiration)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


# a probation of a year named without a duration: "until the first anniversary ..., Supplier may revoke",
# "The first Contract Year shall be a probationary year", "is an evaluation year"
_A_YEAR = lazy(r"\b(until|before) the first anniversary\b|\b(probationary|probation|trial|pilot|evaluation|proving|introductory) year\b",
                     re.IGNORECASE)
# the opening period counted in calendar units: "the first two (2) Quarters", "the first Half-Year"
_FIRST_UNITS = lazy(r"\b(?:first|initial|opening)\s+(?:(?P<count>(?!full|contract|calendar)[a-z]+|\d+)\s+(?:\(\d+\)\s+)?)?(?:full\s+|contract\s+|calendar\s+)?"
                          r"(?P<unit>quarter|half[\s-]year)s?\b", re.IGNORECASE)


# the opening months counted by the end of the last one: "the last day of the fifth month after the Commencement Date"
_NTH_MONTH_END = lazy(r"\b(?:end|last day|expiry|expiration|close) of the (" + "|".join(_ORDINALS) + r")\b(?: \(\d+(?:st|nd|rd|th)\))? "
                            r"(?:full |calendar |contract )?(month|quarter)\b", re.IGNORECASE)
_TIMES = lazy(r"\b(\w+)\s+(?:consecutive\s+|successive\s+)?periods\s+of\s+$", re.IGNORECASE)


def _probation_period(text: str) -> tuple[Any, Any]:
    """The probation period's length in months, and the first window around it in days."""
    period = window = None
    names = [m.span() for m in _PROBATION_NAME.finditer(text)]
    after = [e for s, e in names if _AFTER_THE_NAME.search(text, max(0, s - 30), s)]
    for d in durations(text):
        if _WINDOW_BEFORE.search(text[max(0, d["start"] - 30): d["start"]]) or _WINDOW_AFTER.match(text[d["end"]:]):
            if window is None:
                window = d["days"]
            continue
        if any(d["end"] <= s and _COUNTED_AFTER_NAME.match(text[d["end"]:s]) for s, _ in names):
            continue
        # the length named with the period ("a trial period of four (4) months", "a 90-day
        # probationary period", "the first six (6) months ... shall constitute a probationary period")
        # beats a duration elsewhere in the sentence
        times = _TIMES.search(text[max(0, d["start"] - 40): d["start"]])
        count = parse_number(times.group(1)) if times else None
        if count:  # "the first two consecutive periods of three months"
            d = {**d, "months": d["months"] * int(count)}
        near = any((e <= d["start"] and _AFTER_NAME.match(text[e:d["start"]]))
                   or (d["end"] <= s and _BEFORE_NAME.match(text[d["end"]:s])) for s, e in names)
        if not near and any(e <= d["start"] for e in after):
            continue
        if period is None or (near and not period[1]):
            period = (d["months"], near)
    if period is None and (months := date_span_months(text)) is not None:
        period = (months, False)  # "The period from April 1, 2026 to September 30, 2026 shall be a test period"
    if period is None and (units := _FIRST_UNITS.search(text)):
        count = parse_number(units.group("count")) if units.group("count") else 1
        if count:
            period = (int(count) * (6 if units.group("unit").lower().startswith("half") else 3), False)
    if period is None and (nth := _NTH_MONTH_END.search(text)):
        period = (_ORDINALS[nth.group(1).lower()] * (3 if nth.group(2).lower() == "quarter" else 1), False)
    if period is None and _A_YEAR.search(text):
        period = (12, False)
    return (period[0] if period else None), window


# the agreement's own length: counted from the end of a trial it names, it is the term, not a window to review the trial
_LASTS_FOR = lazy(r"\b(?:this|the) (?:agreement|contract|appointment)\s+(?:shall|will)\s+(?:continue|run|last|remain)\b"
                        r"(?: in (?:full )?(?:force|effect))?\s+for\b", re.IGNORECASE)
# (a clinical study, not the partner's clinical support: "the quality of Distributor's clinical in-service support")
_NOT_PROBATION = lazy(
    r"\b(employ(ee|ees|ment)|hired|clinical\s+(trials?|stud(y|ies)|investigations?|evaluations?|testing|tests?|phases?|research|data)|acceptance|accept or reject|rejection|after receipt|charged|discount\w*|"
    r"lease[sd]?|lessee|lessor|tenant|landlord)\b",
    re.IGNORECASE,
)
# a period that decides who earns a reward, not a trial of the partner: "a rebate qualifying period consisting of the first six
# months", "the bonus qualification period", "the qualifying period for the volume rebate" (not "a qualifying period, after
# which the Supplier may withdraw the exclusivity")
_REWARD = r"(?:rebates?|bonus(?:es)?|incentives?|commissions?|rewards?|loyalty|pensions?|gratuit(?:y|ies)|allowances?)"
_REWARD_PERIOD = lazy(
    rf"\b{_REWARD}\s+(?:qualifying|qualification|eligibility)\s+(?:period|phase|window|year|quarter)s?\b|"
    r"\b(?:qualifying|qualification|eligibility)\s+(?:period|phase|window)s?\s+(?:for|of)\s+(?:the\s+|any\s+|each\s+|a\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_REWARD}\b", re.IGNORECASE)
# a ramp-up of the plant's output: a trial of no one's appointment unless an appointment is named
_PRODUCTION = lazy(r"\b(production|manufactur\w*|output|capacity)\b", re.IGNORECASE)


_APPOINTMENT = lazy(r"\b(exclusiv\w*|appoint\w*|designation|undertaking|licen[cs]e[ed]?|distribut\w*|agen(t|cy)|sole|reseller|dealer|importer|wholesaler|stockist|retailer|franchisee|status|territor\w*|protection|privilege|"
                          # "the position conferred in Clause Three", "Clause 4 applies provisionally", "clause 4 shall cease to apply"
                          r"position|(clause|section|article) [\w.()]+ (shall |will )?(appl(y|ies)|ceases? to (apply|have effect))|"
                          # "the rights in Section 2.1 are provisional", "the rights granted under Clause 3"
                          r"rights (granted |conferred |given )?(in|under|by) (clause|section|article|paragraph) \d[\w.()]*)\b",
                          re.IGNORECASE)


# the goods a partner or a buyer may be lent or sent to try out
_TRIED_GOODS = r"(?:units?|machines?|devices?|samples?|equipment|demonstrators?|instruments?|analy[sz]ers?|cells?|robots?|kits?)"
# a trial period a thing is kept for: "for an evaluation period", "for a free trial period"
_TRIAL_PERIOD_WORDS = r"(?:free\s+)?(?:trial|test|testing|evaluation|inspection|approval)\s+(?:period|phase)\b"
# the partner's own buyers, who may try the goods out
_BUYERS = r"(?:patients?|customers?|consumers?|end[- ]users?|end[- ]customers?|clients?|buyers?|purchasers?|subscribers?|wearers?)"
# a trial of the goods, not of the partner: "a product evaluation period", "samples tested by a laboratory", "shelf-life and
# stability testing", "the first consignment of each new model", "treated as a trial shipment", "a field trial of prototypes"
_GOODS_TRIAL = lazy(
    r"\b(?:products?|goods|quality|samples?|models?)\s+(?:evaluation|qualification|trial|testing|test|acceptance)\s+(?:period|phase|stage|window)\b|"
    r"\b(?:samples?|specimens?)\b[^.;]{0,60}?\b(?:tested|testing|analys[ie]s|analy[sz]ed)\b|\b(?:tested|testing|analy[sz]ed)\s+(?:by|at|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?laborator(?:y|ies)\b|"
    r"\blaborator(?:y|ies)\s+(?:for\s+)?(?:tests?|testing|analys[ie]s)\b|\b(?:shelf[- ]life|stability)\s+(?:and\s+[\w-]+\s+)?(?:testing|tests?|studies)\b|"
    r"\b(?:first|initial)\s+(?:consignment|delivery|shipment|batch|lot)\s+of\s+each\b|"
    r"\btrial\s+(?:shipments?|consignments?|batch(?:es)?|lots?|deliver(?:y|ies))\b|"
    # a test window that comes back every season, when the goods are shown or tried out: "the demonstration period of each
    # summer", "during the test period in every season" (a trial of the partner happens once, at the start)
    r"\b(?:trial|test|testing|demonstration|demo)\s+(?:period|phase|window|weeks?)s?\s+(?:of|in)\s+(?:each|every)\s+"
    r"(?:[\w-]+\s+)?(?:year|season|winter|summer|spring|autumn|fall)\b|"
    # each machine's own settling-in, counted from its installation: "the first ninety days after commissioning of each System
    # are a run-in period", "a bedding-in period from the installation of every unit", "after each Line is commissioned"
    r"\b(?:after|from|following)\s+(?:the\s+)?(?:commissioning|installation|start-?up|handover|hand-over|delivery)\s+of\s+"
    r"(?:each|every|any)\b|\b(?:after|from|once)\s+(?:each|every|any)\s+(?:[\w-]+\s+){1,2}?(?:is|has\s+been)\s+"
    r"(?:commissioned|installed|handed\s+over|delivered|started\s+up)\b|"
    # prototypes tried out before launch: "run a field trial of prototype units in forty hives", "a pilot of the prototypes"
    r"\b(?:trials?|tests?|testing|pilots?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?prototypes?\b|"
    # the goods tried out in use by buyers: "fleet trials arranged with a Member's fleet customers", "field trials of the
    # Products", "trials of Products with commercial fleet customers", "a customer trial of the new tyre"
    r"\b(?:fleet|field|customer|product|road|wear|user|end[- ]user|in-use)\s+trials?\b|"
    # a free trial is one the buyers get: "may offer End Customers a free trial of thirty (30) days", "a risk-free 30-day trial"
    r"\b(?:free|risk-free|money-back)\s+(?:[\w-]+\s+){0,3}?trials?\b|"
    r"\btrials?\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:products?|goods|tyres?|tires?|units?|machines?|devices?|equipment)\s+"
    rf"(?:with|among|by|at)\s+(?:(?:the|its|their|an?|selected|commercial|key|[\w-]+['’]s)\s+)?(?:[\w-]+\s+)?(?:{_BUYERS}|fleets?|operators?)\b|"
    # a trial said to be of the goods alone: "The evaluation period concerns the demo cell only", "the trial phase applies to
    # the loaned units only"
    r"\b(?:trial|evaluation|test|testing)\s+(?:period|phase)\s+(?:concerns?|relates?\s+to|appl(?:y|ies)\s+to|covers?)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:goods|products?|units?|cells?|equipment|machines?|devices?|samples?|demonstrators?|kits?|instruments?|analy[sz]ers?|robots?)\s+only\b|"
    # the goods tried by the partner's own buyers, a right to return them: "the patient trial period", "its customers'
    # free trial period", "the trial period offered by the Dealer to its patients", "a home trial period that the Dealer gives
    # to its customers", "an evaluation period granted to end users" (not "the trial period offered to the Distributor")
    rf"\b{_BUYERS}(?:['’]s?)?\s+(?:(?:home|free|in-home|risk-free|money-back|return|statutory|contractual)\s+)?"
    r"(?:trial|evaluation|test|testing|cooling[- ]off)\s+(?:period|phase)s?\b|"
    # or said after it: "any statutory or customary trial period for patients", "the evaluation period of end users"
    rf"\b(?:trial|evaluation|test|testing|return|cooling[- ]off)\s+(?:period|phase)s?\s+(?:for|of)\s+"
    rf"(?:(?:its|their|the|any|such|[\w-]+['’]s)\s+)?(?:[\w'’-]+\s+)?{_BUYERS}\b|"
    # or a buyer's right to keep the goods for it: "customers may keep a demonstrator for a test period of seventy-two hours",
    # "end users may borrow an instrument for a free trial period" (a test drive, no trial of the partner)
    rf"\b{_BUYERS}\s+(?:may|can|are\s+(?:entitled|allowed|permitted)\s+to)\s+(?:keep|borrow|try|test|take|use|drive|retain)\b"
    r"[^.;]{0,80}?\bfor\s+an?\s+(?:free\s+)?(?:trial|test|testing|evaluation)\s+(?:period|phase)\b|"
    # or anyone's right to keep a thing for it, active or passive: "a faculty member may keep an inspection copy for an
    # evaluation period of sixty (60) days", "an inspection copy may be retained by the teacher for an evaluation period"
    rf"\b(?:may|can)\s+(?:keep|retain|borrow|hold)\s+(?:an?|the|any|each|such|one|two|three)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:cop(?:y|ies)|books?|specimens?|{_TRIED_GOODS})\b[^.;]{{0,60}}?\bfor\s+an?\s+{_TRIAL_PERIOD_WORDS}|"
    rf"\b(?:cop(?:y|ies)|books?|specimens?|{_TRIED_GOODS})\s+(?:may|can)\s+be\s+(?:kept|retained|borrowed|held)\b[^.;]{{0,60}}?"
    rf"\bfor\s+an?\s+{_TRIAL_PERIOD_WORDS}|"
    r"\b(?:trial|evaluation|test|testing)\s+(?:period|phase)s?\s+(?:(?:that|which)\s+(?:(?:is|are)\s+|(?:[\w'’.&-]+\s+){1,3}?)?)?"
    r"(?:offer\w*|give[ns]?|grant\w*|allow\w*|extend\w*|provide[ds]?|available)\s+(?:by\s+(?:[\w'’.&-]+\s+){1,3}?)?to\s+"
    rf"(?:its\s+|their\s+|the\s+|any\s+|such\s+)?(?:[\w'’-]+\s+)?{_BUYERS}\b", re.IGNORECASE)
# prices for a period ("After the Introductory Period the standard trade prices apply"): a price offer, no trial of anyone,
# unless the sentence also weighs the partner or its appointment
_PRICING = lazy(r"\b(?:prices?|pricing|tariffs?)\b", re.IGNORECASE)
_PARTNER_WEIGHED = lazy(r"\b(?:exclusiv\w*|sole|appoint\w*|review\w*|assess\w*|evaluat\w*|perform\w*|terminat\w*|withdraw\w*|"
                              r"revok\w*|confirm\w*|observ\w*|monitor\w*|prov(?:e|es|ing))\b", re.IGNORECASE)

# an opening phase told by what the supplier gives in it: "The first six (6) months shall be the Launch Period, during which
# the Supplier shall provide promotional support", "a launch period in which we will provide free samples": a package of
# support, no trial, unless its clause also weighs the partner ("... at the end of which the Supplier shall review the
# Distributor's performance"); another clause that weighs the partner at its end keeps the trial
# (or told in the next sentence, the supplier by its name: '... shall be a launch period (the "Launch Period"). During the Launch
# Period Ironclad shall (a) lend Dealer, free of charge, a demonstration fleet')
_SUPPLIER_SUPPORT_PHASE = lazy(r"\b(?:launch|introductory|intro|start[- ]?up|opening|initial|market[- ]entry|roll[- ]?out)\s+"
                               r"(?:period|phase|stage|window)[\"”]?(?:,?\s+(?:in|during|within|throughout)\s+which\s+|"
                               r"\)?\.\s+(?:during|in|throughout)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?(?:period|phase|stage|window),?\s+)(?:the\s+)?"
                               rf"(?:{_SUPPLIER_WORDS}|(?!(?:{_PARTNERS}|concessionaire|buyer|purchaser|customer|you|it|they|each|either|both|"
                               r"neither)\b)"
                               r"(?-i:[A-Z][\w&'’-]+))\s+(?:will|shall|is\s+to|must|agrees\s+to|undertakes\s+to)\s+(?:\([a-z0-9]{1,4}\)\s+)?"
                               r"(?:provide|supply|give|grant|offer|deliver|bear|pay|contribute|fund|send|extend|lend|loan|make\s+available)\b",
                               re.IGNORECASE)

# units of the goods placed or lent at a site to be tried there: "may place up to six units of a new product in the Clubs for
# a trial period of sixty days", "will lend two analysers to each laboratory for an evaluation period" (not "lend
# demonstration units for the Trial Period", the partner's, nor "place orders for ten units for a trial period"); a trial of
# the goods unless the sentence also weighs the partner ("... after which the Supplier shall review its sales")
# (or made available: "shall make available to the Integrator a demo cell ... for an evaluation period of sixty days"); the
# units named for it, wherever they stand: "Each evaluation unit may remain at a customer site for a trial period of 90 days"
# "for an evaluation period", "for trial periods of up to thirty days", "on a trial basis"
_GOODS_TRIAL_PERIOD = (r"\b(?:for\s+(?:an?\s+)?(?:free\s+)?(?:trial|test|testing|evaluation)\s+(?:period|phase)|"
                       r"on\s+an?\s+(?:free\s+)?(?:trial|test|evaluation|loan)\s+basis)\b")
_UNITS_ON_TRIAL = lazy(
    r"\b(?:(?:place[ds]?|placing|lend(?:s|ing)?|lent|loan(?:s|ed|ing)?|install(?:s|ed|ing)?|leave|leaves|left)\s+"
    r"(?!(?:(?:an?|its|the|firm|purchase)\s+){0,2}orders?\b)|(?:make|makes|made|making)\s+available\s+(?:to\s+(?:[\w-]+\s+){1,3}?)?|"
    # or handed over for it: "shall provide the Distributor with up to three (3) pre-production units ... for an evaluation
    # period", "will send two sample units to the Dealer for a test period"
    r"(?:provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|send(?:s|ing)?|sent|ship(?:s|ped|ping)?|deliver(?:s|ed|ing)?)\s+"
    r"(?:(?:[\w-]+\s+){1,3}?with\s+)?)"
    rf"(?:[\w()-]+\s+){{0,6}}?{_TRIED_GOODS}\b[^.;]{{0,120}}?{_GOODS_TRIAL_PERIOD}|"
    rf"\b(?:evaluation|demo|demonstration|loan|loaner|trial)\s+{_TRIED_GOODS}\b[^.;]{{0,80}}?{_GOODS_TRIAL_PERIOD}", re.IGNORECASE)
# the trial's own name and the goods' said again ("The evaluation period concerns the demo cell only"): no weighing of anyone
_TRIAL_NAMED = lazy(rf"\b(?:evaluation|trial|test|testing|demo|demonstration)\s+(?:period|phase|{_TRIED_GOODS})\b", re.IGNORECASE)


# an opening period in which the partner alone may walk away ("the Importer, and only the Importer, may terminate", "only the
# Distributor may terminate this Agreement during the Evaluation Period", "the Dealer alone may end the appointment") is its
# option to try the goods, no trial of it: "only the Supplier may terminate during the Trial Period" stays a trial
# the subject of a sentence's verb, the last one named before the hit: "The Distributor shall not ...", "Supplier agrees that it
# will not ...", "You must not ...", "Supplier shall have the sole right ..."
_SUBJECT_BEFORE = lazy(rf"\b((?:{_PARTNERS}|buyer|purchaser|customer|you|{_SUPPLIER_WORDS}))\b(?:['’]s)?\s+(?:\w+\s+){{0,3}}?"
                       r"(?:shall|will|must|may|agrees?|undertakes?|covenants?|has|have|is|are|won['’]t|cannot|can|reserves?|retains?|keeps?|holds?)\b(?![^,]*\b(?:that|whom?|which)\b)"
                       r"(?!.*\b(?:shall|will|must|agrees?|undertakes?|covenants?)\b)", re.IGNORECASE)
_HAS_RIGHT = lazy(r"\b(?:has|have|holds?|keeps?|retains?|reserves?)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)  # before the hit
_PARTNER_ONLY_EXIT = lazy(
    rf"\b(?:only|solely)\s+(?:the\s+)?(?:{_PARTNERS})\s+(?:may|can|shall\s+be\s+entitled\s+to|is\s+entitled\s+to|"
    r"(?:shall\s+)?ha(?:s|ve)\s+the\s+right\s+to)\s+(?:terminate|end|cancel|withdraw)\b|"
    rf"\bthe\s+({_PARTNERS}),?\s+(?:and\s+only\s+the\s+\1,?|alone|only)\s+(?:may|can)\s+(?:terminate|end|cancel|withdraw)\b",
    re.IGNORECASE)
# a settling-in stretch told by what the partner does in it ("the first five months are treated as a ramp-up phase in
# which the Distributor will build stock and qualify Products", "a run-in period during which the Agent shall set up its
# warehouse"): the partner's start-up, a trial only where its clause weighs it ("in which the Dealer's sales are
# reviewed"); so is one told by the floor it goes without, a grace period before the minimums start ("the period from the
# Effective Date to March 31 is a ramp-up period with no Quarterly Minimum", "a run-in phase during which no purchase target
# applies")
_FLOOR_NAMED = r"(?:[\w-]+\s+){0,2}?(?:minimums?|quotas?|targets?|commitments?)"
_SETTLING_IN = lazy(r"\b(?:ramp|run|running|bedding|settling|breaking)[- ]?(?:up|in)\s+"
                          r"(?:period|phase|interval|stage|term),?\s+(?:(?:in|during|within)\s+which\s+(?:the\s+)?"
                          rf"(?:{_PARTNERS})\s+(?:will|shall|is\s+to|must|may)\b|"
                          rf"(?:with\s+no|without(?:\s+any)?|free\s+(?:of|from)(?:\s+any)?)\s+{_FLOOR_NAMED}\b|"
                          rf"(?:in|during|within)\s+which\s+(?:no\s+{_FLOOR_NAMED}\s+(?:shall\s+|will\s+)?appl(?:y|ies)|"
                          rf"(?:the\s+)?{_FLOOR_NAMED}\s+(?:does|do|shall|will)\s+not\s+apply)\b)", re.IGNORECASE)
# a trial denied ("is not subject to any trial period", "is not conditional on any trial, review or qualifying period",
# "is not preceded by, and is not subject to, any trial", "is not preceded by, or subject to, any probationary, trial or
# evaluation period"), the trial last in a list of what the grant does not hang on ("is
# not conditional on any purchase volume, sales result or period of evaluation": a list, its last item after "or", so that
# "without any delay, the trial period starts" stays a trial), an item of heads of terms that has none ("Trial period:
# None."), or a question heading ("Is there a trial period?")
_NO_PROBATION = lazy(r"\b(?:not (?:made )?(?:subject|conditional|conditioned|contingent|dependent) (?:up)?(?:on|to)|"
                           # the grant or what extends it the subject of a pair: "Neither the renewal under clause A2 nor the
                           # extension of the Territory is subject to any trial" (no verb of its own between: "Neither party
                           # may terminate ..., and the appointment is subject to a trial period" stays a trial)
                           r"\bneither\b(?:(?!\b(?:may|shall|will|can|must|is|are)\b)[^.;,]){1,120}?\bnor\b"
                           r"(?:(?!\b(?:may|shall|will|can|must|is|are)\b)[^.;,]){1,120}?\b(?:is|are) (?:made )?"
                           r"(?:subject|conditional|contingent|dependent) (?:up)?(?:on|to)|"
                           r"not preceded by|without)(?:,? (?:or|and|nor) (?:is not |shall not be |will not be )?(?:preceded by|"
                           r"(?:subject|conditional|dependent|contingent) (?:up)?(?:on|to))|"
                           # or of a trial inside it: "is not preceded by, and does not include, any trial, probationary ...
                           # period", "is not subject to, nor does it contain, any trial"
                           r",? (?:(?:and|or) (?:does|do|shall|will) not|nor (?:does|do|shall|will) (?:it|they))"
                           r" (?:include|contain|comprise|involve|provide for)|"
                           # a denial of a review put between: "is not conditional upon, and shall not be reviewed at the end
                           # of, any trial", "is not subject to, nor reviewed or confirmed at the end of, any probationary period"
                           r",? (?:(?:and|or) (?:(?:shall|will|may|is|are) )?not (?:be )?|nor (?:to be |be |is |are )?)"
                           r"[a-z][\w-]*(?:(?:,|,? or|,? and) [a-z][\w-]*){0,3} (?:at|on|upon|after|by reference to|during) "
                           r"(?:the )?(?:(?:end|expiry|expiration|close|conclusion) of)?,)?,? (?:any|a) (?:(?:[\w-]+\s+){0,3}?[\w-]+,\s+){0,3}?"
                           r"(?:(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:or|nor|and)\s+(?:any\s+|an?\s+)?(?:(?!(?:the|this|that|its|such)\s)[\w-]+\s+){0,2}?)?"
                           r"(?:trial|probation\w*|evaluation|test|qualifying|qualification)\b|"
                           # the grant in effect apart from any trial: "produces its full effects ... independently of any period of
                           # experience, test or evaluation", "irrespective of any trial or qualifying period" (a trial's own name
                           # or "period of" one: "regardless of any test results" says nothing of a trial)
                           r"\b(?:independent(?:ly)?|irrespective|regardless) of (?:any|an?) (?:(?:period|phase|stage) of "
                           r"(?:[\w-]+, ){0,3}(?:[\w-]+ (?:or|nor|and) )?(?:trial|probation|evaluation|test(?:ing)?|experience|proving|"
                           r"qualification)\b|(?:[\w-]+, ){0,3}(?:[\w-]+ (?:or|nor|and) )?(?:trial|probation\w*|evaluation|test|"
                           r"qualifying|qualification|proving) (?:period|phase|stage)s?\b)|"
                           # "appointed from the date of this Agreement with no preliminary or qualifying stage"
                           # (a list before it: "with no preliminary, trial or probationary phase")
                           r"\bwith\s+no\s+(?:[\w-]+,\s+){0,4}(?:[\w-]+,?\s+(?:or|nor|and)\s+)?(?:preliminary|qualifying|trial|probation\w*|evaluation|test|"
                           r"introductory|proving)\s+(?:stage|period|phase)s?\b|"
                           # "no trial, probationary or evaluation period applies under the Restated Agreement"
                           # (after a word for when: "no subsequent trial or evaluation period shall apply")
                           r"\bno\s+(?:(?:subsequent|further|other|additional|later|separate|new|initial|preliminary)\s+)?(?:[\w-]+,\s+){0,3}"
                           r"(?:[\w-]+\s+(?:or|nor|and)\s+)?(?:trial|probation\w*|evaluation|test|qualifying)\s+"
                           r"(?:period|phase|stage)s?\s+(?:shall\s+|will\s+)?(?:appl(?:y|ies)|exists?)\b|"
                           # "There is no preliminary, trial, qualifying or probationary stage", "there shall be no trial or
                           # evaluation period", "There is no initial trial, qualifying or probation stage" (not "there shall be no
                           # extension of the trial period")
                           r"\bthere\s+(?:is|are|shall\s+be|will\s+be)\s+no\s+(?:(?:[\w-]+\s+)?[\w-]+,\s+){0,4}(?:(?:[\w-]+\s+)?[\w-]+,?\s+(?:or|nor|and)\s+)?"
                           r"(?:preliminary|trial|probation\w*|evaluation|test(?:ing)?|qualifying|qualification|proving|pilot)\s+"
                           r"(?:period|phase|stage)s?\b(?!\s+(?:extension|fee|discount|price|rebate|report|target)s?\b)|"
                           r"\b(period|phase|probation|trial)\s*[:\u2013\u2014-]\s*(none|n/?a|not applicable|no)\s*([.;\n]|$)|\?\s*$", re.IGNORECASE)


# a definition that only points to the clause giving the meaning ('"Evaluation Period" has the meaning in clause (c)', '"Trial
# Period" shall have the meaning given to it in Clause 3.1', '"Probation Period" is defined in Section 4'): the length is there,
# not in the next definition of a definitions paragraph ('"Contract Year" means each twelve-month period')
_POINTER_DEFINITION = lazy(r"(?:^|[:;]\s*)\W*[\"“‘']?[A-Z][\w&'’ -]{0,50}?[\"”’']?\s*,?\s*(?:(?:has|have|shall\s+have|bears?)\s+the\s+"
                           r"meaning|(?:is|are|shall\s+be)\s+(?:as\s+)?defined)\b(?:[^;.]|\.(?=\d)){0,80}")


# one definition of a definitions paragraph, up to the next: '; "Contract Quarter" means each period of three (3) months ...'
_OTHER_DEFINED = lazy(r"(?:^|[:;]\s*)\W*[\"“‘'](?P<name>[A-Z][\w&'’ -]{0,50}?)[\"”’']\s*,?\s*(?:shall\s+)?(?:means?|refers?\s+to)\b"
                      r"(?:[^;]|;(?=\S))*")


def probation(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # an employee's probation, a clinical trial, a period to accept or reject goods, an
    # introductory discount, a lease's initial period: none is a trial of the distributor
    if (_NOT_PROBATION.search(text) or _NO_PROBATION.search(text) or _GOODS_TRIAL.search(text)
            or _REWARD_PERIOD.search(text)):
        return None
    if _RECITAL.match(text) or _RECITALS_HEADING.search(unit.heading):
        return None  # the background ("WHEREAS the Dealer has asked to be confirmed before the end of the Probationary
        # Period"): the operative clause makes the trial
    if (all(h.kind == "provisional" for h in hits) or _PRODUCTION.search(text)) and not _APPOINTMENT.search(text):
        return None  # "interim relief shall be provisional for the first 30 days": nothing on trial
    tried = _UNITS_ON_TRIAL.search(text)  # the words weighed around it, not its own ("for an evaluation period")
    if ((_PRICING.search(text) and not _PARTNER_WEIGHED.search(text))
            or (tried and not _PARTNER_WEIGHED.search(_TRIAL_NAMED.sub(" ", text[:tried.start()] + " " + text[tried.end():])))):
        return None  # "after the Introductory Period the Distributor pays the standard trade prices"; "may place six units of a
        # new model in the Clubs for a trial period of sixty days"
    if (defined := _DEFINITION.match(text)) and all(
            h.start - unit.start >= defined.end() and text[h.start - unit.start].isupper() for h in hits):
        # another term defined, the trial only named in it: '"Measurement Quarter" means each quarter after the Qualification
        # Period ends' (not '"Launch Phase" means the trial period of six months')
        return None
    pointers = [m.span() for m in _POINTER_DEFINITION.finditer(text)]
    # or named in another term's definition of a definitions paragraph: '1.1 In this Agreement: "Business Day" means a day
    # ...; "Contract Quarter" means ... the first Contract Quarter being the one in which the Trial Period ends; ...'
    others = [(m.end("name"), m.end()) for m in _OTHER_DEFINED.finditer(text) if not _PROBATION_NAME.search(m.group("name"))]
    if pointers and all(any(s <= h.start - unit.start and h.end - unit.start <= e for s, e in pointers) or (
            text[h.start - unit.start].isupper()
            and any(s <= h.start - unit.start and h.end - unit.start <= e for s, e in others)) for h in hits):
        return {}  # named only in a pointer to its clause: that clause gives its length
    attrs: dict[str, Any] = {}
    months, window = _probation_period(text)
    if months is None and window is not None and _LASTS_FOR.search(text):
        return None  # "This Agreement shall continue for five (5) years from the end of the Pilot Period": a term, no trial
    if months is not None:
        attrs["duration_months"] = months
    if window is not None:
        attrs["review_window_days"] = window
    return attrs


# the roles a partner is appointed to: "exclusive distributor", "authorised dealer", "sole agency"
_ROLE = rf"(?:{_PARTNERS}|partner|distributorship|dealership|agency|appointment|status|position)s?\b"
_NON_EXCLUSIVE = lazy(r"non[\s-]?exclusive|exclusivity (?:shall |will )?(?:automatically )?(?:terminate|lapse|cease|end)|"
                            # the grant named by its place between: "the exclusivity in point 4 will lapse at the end of that year"
                            r"\bexclusivity\b(?:[^.;]|\.(?=\d)){1,40}?\b(?:shall|will) (?:automatically )?(?:terminate|lapse|cease|end|expire)\b|"
                            # the grant itself stops being exclusive: "the Agent's appointment shall cease to be exclusive", "the
                            # rights in clause 2 shall no longer be exclusive", "shall no longer be its sole agent" (not "shall not cease")
                            r"(?<!not )(?<!never )\bceas(?:e|es|ed|ing) to be (?:(?:the|its|an?) )?(?:exclusive|sole)\b|"
                            r"\bno longer (?:be |remain |constitute )?(?:(?:the|its|an?) )?(?:exclusive|sole)\b|"
                            # "the sole character of the licence falls away", "its exclusive status ends"
                            r"\b(?:exclusive|sole) (?:character|status|nature)\b[^.;]{0,30}?\b(?:terminat\w*|laps\w*|ceas\w*|ends?|falls? away)\b|"
                            # "withdraw the exclusivity", "end the Agency's exclusivity", "we may end your exclusivity"
                            r"(?:terminate|withdraw|revoke|remove|end|cancel) (?:the |its |such |your |their )?(?:[\w-]+['’]s? )?(?:exclusiv|sole\b)|"
                            # the older English: "bring the exclusivity in clause 2.1 to an end", "put an end to its exclusive rights"
                            r"\bbring\w* (?:the |its |such )?(?:[\w-]+['’]s? )?exclusiv\w*(?:[^.;]|\.(?=\d)){0,40}? to an end\b|"
                            r"\bput(?:s|ting)? an end to (?:the |its |such )?(?:[\w-]+['’]s? )?exclusiv|"
                            # in plain words: "we can take the exclusivity back", "take back your exclusive rights", "take away the
                            # exclusive", "the Agent loses its exclusivity" (not "does not lose")
                            r"\btak(?:e|es|ing) (?:(?:back|away) (?:the |its |your |such )?(?:[\w-]+['’]s? )?exclusiv\w*|"
                            r"(?:the |its |your |such )?(?:[\w-]+['’]s? )?exclusiv\w*(?: rights?| status)? back)\b|"
                            r"(?<!not )(?<!never )\b(?:lose|loses|forfeit|forfeits) (?:the |its |your |their |such )?(?:[\w-]+['’]s? )?exclusiv|"
                            # appointing or supplying others in the territory is what the exclusivity forbade
                            r"\b(?:appoint|through|supply) (?:an? |any |one or more |as many )?(?:other|additional|further|new|second|another) (?:channel |sales )?"
                            r"(?:distributors?|agents?|resellers?|dealers?|licensees?|representatives?|partners?|channels?|importers?|merchants?|"
                            r"stockists?|wholesalers?)|"
                            # or selling in the territory itself, which the exclusivity forbade: "the Supplier may sell the Products
                            # directly to customers in the Territory", "shall have the right to sell directly in the Territory"
                            r"\b(?:sell|supply|market|distribute)\s+(?:[\w-]+\s+){0,3}?directly\b[^.;]{0,50}?\bterritor|"
                            # the supplier freed from its undertaking: "may release itself from the exclusivity"
                            r"\b(?:releas|reliev|discharg|free)\w* \w+ from\b[^.;]{0,30}\bexclusiv|"
                            # the partner moved down from its exclusive role to a lesser one: "step the Distributor down from
                            # exclusive distributor to authorised dealer", "change the Agent's status from sole agent to ordinary
                            # agent", "downgrade the Importer to the status of an approved stockist"
                            r"\b(?:step|mov|downgrad|demot|reclassif|relegat|chang|convert|reduc)\w*\b[^.;]{0,60}?\bfrom\s+"
                            r"(?:(?:its|the|his|her|their)\s+)?(?:(?:status|position|role|rank)\s+(?:of|as)\s+)?(?:an?\s+|the\s+)?"
                            rf"(?:sole|exclusive)\s+(?:[\w-]+\s+)?{_ROLE}\s+(?:to|into)\b|"
                            rf"\b(?:downgrad|demot|relegat)\w*\b[^.;]{{0,40}}?\bto\s+(?:the\s+(?:status|rank|level|position|tier)\s+of\s+)?"
                            rf"(?:an?\s+)?(?:authori[sz]ed|approved|ordinary|regular|standard|simple|mere)\s+{_ROLE}",
                            re.IGNORECASE)
# exclusivity that holds only while the targets are met: missing them ends it
_EXCLUSIVE_WHILE = lazy(r"exclusiv\w*\b(?:(?!\b(?:not|no|never)\b)[^.;]|\.(?=\d)){0,60}\b(?:conditional|conditioned|contingent|dependent|subject)\s+(?:up)?(?:on|to)\s+"
                              r"(?:[^\s.;,]+\s+){0,4}?(?:meeting|achieving|attaining|reaching|satisfying|fulfill?ing|maintaining|"
                              r"achievement|attainment|satisfaction|fulfill?ment)\b|"
                              # "Exclusivity shall continue only so long as the Distributor meets the minimum"
                              r"exclusiv\w*\b[^.;]{0,40}\b(?:so long as|as long as|only while|only if|provided that)\s+"
                              r"(?:[^\s.;,]+\s+){0,4}?(?:meets|achieves|attains|reaches|satisfies|fulfill?s|maintains)\b", re.IGNORECASE)
# (not a regional manager nor a statement: "reduced to sixty (60) days; and (b) our regional manager will meet you")
_REDUCE = lazy(r"\b(reduc|remov|withdraw|delet|exclud|narrow|limit)\w*\b[^.]{0,60}\b(territor|product|region(?!al)|countr|state(?!ments?\b)|"
                     # customer accounts, not credit terms: "the open-account credit period shall be reduced" (own line: merge)
                     r"(?<!open[- ])(?<!cash )(?<!bank )(?<!credit )account|area)|"
                     # the parts of the territory by name: "remove one or more provinces from Annex 1", "delete any county"
                     r"\b(?:reduc|remov|withdraw|delet|exclud)\w*\b[^.;]{0,40}\b(?:provinces?|districts?|count(?:y|ies)|cantons?|"
                     r"prefectures?|emirates?)\b|"
                     # an item of the range by any name, taken out of the contract: "remove that title from this Agreement",
                     # "withdraw the affected SKU from Schedule 1"; or out of the exclusive grant alone: "remove that Model from
                     # the exclusivity in clause 2.1", "exclude the new range from the Dealer's exclusive rights"
                     r"\b(?:remov|withdraw|delet|exclud)\w*\b[^.;]{0,40}?\bfrom\s+(?:the\s+scope\s+of\s+)?(?:(?:this|the)\s+"
                     r"(?:agreement|contract|appointment)\b|(?:schedule|annex|appendix|exhibit)\s+\w|"
                     r"(?:(?:the|its)\s+)?(?:[\w-]+['’]s?\s+)?exclusiv)|"
                     r"\b(?:territor\w*|area|region)\b[^.;]{0,30}?\bbe\s+(?:\w+\s+)?(?:reduc|narrow|restrict|limit|confin)\w*|"  # "the Territory shall be reduced to"
                     # "take that Sector out of the Territory", "taken out of the Dealer's exclusive area"
                     r"\b(?:take|takes|taking|taken|took)\b[^.;]{0,40}?\bout\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+['’]s?\s+)?(?:exclusive\s+)?"
                     r"(?:territor|area|region|exclusiv)",
                     re.IGNORECASE)
# cancelling an order or a delivery ends no agreement: "If the Ordered Quantity of an Order is less than 20 tonnes, the Supplier
# may cancel that Order", nor does cancelling a part of one, free of charge or not ("may cancel without charge any unfilled
# portion of outstanding purchase orders", "cancel the balance of the order")
_DETERMINER = r"(?:(?:the|that|this|such|any|each|an?|its|all)\s+)?"
_TERMINATE = lazy(r"\bterminat\w*|\bcancel\w*\b(?!(?:,?\s+(?:without\s+(?:any\s+)?(?:charge|cost|penalty|liability|payment)|"
                        r"free\s+of\s+charge|at\s+no\s+(?:charge|cost)),?)?\s+" + _DETERMINER + r"(?:[\w-]+\s+)?"
                        r"(?:(?:portions?|parts?|balance|remainder|quantit(?:y|ies)|units|lines?)\s+of\s+" + _DETERMINER
                        + r"(?:[\w-]+\s+){0,2}?)?"
                        r"(?:orders?|shipments?|deliver(?:y|ies)|call-offs?|nominations?|parcels?|consignments?)\b)|"
                        r"\brescind\w*|\bresiliat\w*|"  # resiliate: Quebec English
                        # "resolve the present contract", "the resolution of this Agreement": the civil-law word for ending it in
                        # translations (résoudre, resolver, risolvere), not a dispute resolved
                        r"\bresol(?:ve|ves|ved|ving|ution\s+of)\s+(?:this|the)(?:\s+present)?\s+(?:agreement|contract)\b(?!\s+disputes?\b)|"
                        # the agreement by its title too: "end this Letter Agreement", "end the Dealer Agreement"
                        r"\bend (?:this|the) (?:agreement|(?-i:[A-Z][\w-]*\s+){1,2}?(?:agreement|contract)|contract|term|arrangement|"
                        r"appointment|representation|agency|distributorship|"
                        r"dealership|(?:section|clause|article)\s+\d[\d.()a-z]*)(?![\w.])|"
                        # the older English and the translations: "bring this Agreement to an end", "put an end to the representation";
                        # the granting clause by its number: "bring clause 3 to an end", "put an end to Section 2.2"
                        r"\bbring\w* (?:(?:this|the) (?:agreement|contract|appointment|arrangement)|(?:section|clause|article)\s+\d[\d.()a-z]*)"
                        r" to an end\b|"
                        r"\bput(?:s|ting)? an end to (?:(?:this|the) (?:agreement|contract|appointment|arrangement|representation|agency|"
                        r"distributorship|dealership)\b|(?:section|clause|article)\s+\d)|"
                        # "Partner's status under Section 2.1 ends", "the privilege in Clause 3 shall stand withdrawn"
                        r"\b(?:status|appointment|position|privilege|protection)\b(?:[^.;]|\.(?=\d)){0,40}?"
                        r"\b(?:ends|ceases|lapses|(?:shall |will )?(?:automatically )?expires?|(?:stands?|be|is) withdrawn|falls? away)\b|"
                        # the granting section itself goes: "Section 2 falls away", "Clause 2.1 will then cease to apply"
                        r"\b(?:section|clause|article)\s+\d[\d.()a-z]*\s+(?:shall |will )?(?:then |thereupon )?(?:falls? away|ceases? to apply|lapses?)\b|"
                        # the grant taken back: "withdraw the rights in Section 14.1", "revoke the distribution rights granted"; an
                        # appointment made by a letter is taken back with it: "revoke this authorization", "withdraw the Letter of
                        # Appointment", "revoke the Distributor's certificate of distributorship"
                        r"\b(?:withdraw|revok)\w*\s+(?:the |its |all |such |this |that |[\w-]+['’]s? )?(?:distribution |selling |sales )?"
                        r"(?:rights?|grant|appointment|authori[sz]ation|letter of (?:appointment|authori[sz]ation)|"
                        r"certificate of (?:exclusive )?(?:distributorship|dealership|appointment)|mandate|distributorship|dealership)\b",
                        re.IGNORECASE)

_PERFORMANCE_CONDITION = lazy(r"\b(if|unless|in the event|should|fail\w*|minimum\w*|targets?|quotas?|perform\w*|achiev\w*|meet)\b|:\s*$",
                                    re.IGNORECASE)


# a clause set aside whole, its words kept ("Clause 7.3 shall not apply.", "Section 9 does not apply", "is disapplied"); not
# for a time, a place or a case ("shall not apply during the Trial Period", "shall not apply to sales in Quebec")
_DISAPPLIED = r"(?:shall|will|does|do)\s+not\s+apply(?=\s*[.;])"
# after a clause's number: "of the Agreement" (or "of the Distribution Agreement dated 5 May 2025", an annex's "to the
# Agreement"), its gist in brackets, "is hereby"
# (with what the clause said or holds between commas: "Clause 7 (Minimum Purchases), which required you to buy 12,000
# units, is deleted", "Part 4 (Probationary Period), comprising Sections 4.1 and 4.2, is deleted"), and the annex that goes
# with it ("Section 6 ..., and Exhibit C (Quarterly Minimum) are deleted")
_ANNEX = r"(?:exhibit|schedule|annex|appendix)\s+[a-z\d]{1,3}"
_NUMBER_TO_VERB = (r"(?:\s+(?:of|to)\s+the\s+(?:[\w-]+\s+){0,3}?agreement(?:\s+dated\s+[\w ,.]{1,40}?)?)?\s*(?:\([^()]{0,300}\))?\s*"
                   r"(?:,\s*(?:which|that|comprising|including|together\s+with)\s(?:[^.;]|\.(?=\d)){1,200}?,\s*)?"
                   rf"(?:and\s+(?P<also>{_ANNEX})(?![\w(])\s*(?:\([^()]{{0,300}}\))?\s*)?"
                   # and a definition that goes with it: 'Clause 7 and the definition of "Quota" in Clause 1 are deleted'
                   r"(?:and\s+the\s+(?:definitions?|defined\s+terms?)\s(?:(?!\b(?:is|are|shall|will)\b)(?:[^.;:]|\.(?=\d))){1,120}?)?"
                   rf"(?:(?:is|are|shall be|will be)\s+(?:hereby\s+)?|(?={_DISAPPLIED}))")
# the words that strike a clause out; a clause restated in full is struck out too, its new wording in the amendment ("is
# hereby amended and restated in its entirety to read as follows", "is amended in its entirety", "is amended to read as follows")
_STRIKING = (r"(?:deleted|repealed|struck out|omitted|removed|replaced|restated|amended (?:in (?:its|their) entirety|to read)|"
             rf"disapplied|{_DISAPPLIED})")
# a clause's number in older drafting: in words ("SIXTH:", "Article Four") or Roman ("Article IX")
_WORD_LABEL = (r"(?:" + "|".join(_ORDINALS) + r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|[ivxl]+)")
# a clause named by its number, with the item of it the amendment means: "6.2", "4(b)", "SIXTH (c)", "IX", "17(2)(d)"
_CLAUSE_REF = rf"(?:\d+(?:\.\d+)*|{_WORD_LABEL})(?:\s*\([a-z\d]{{1,3}}\)){{0,2}}"
# a reference's number, its item and the item's own: "6.2 (b)" -> 6.2, b; "17(2)(d)" -> 17, 2, d
_REF_PARTS = lazy(r"(\S+?)\s*(?:\((\w+)\))?\s*(?:\((\w+)\))?$")
# the clauses an amendment later in the same document strikes out: "Clause 6 of the Agreement is deleted in its entirety and
# replaced by the following", "Clauses 4.2 and 9.3 are hereby deleted", "Section 10.1 ... is hereby amended and restated",
# an item of one ("Paragraph SIXTH (c) of the Agreement is hereby deleted in its entirety, and the following is substituted")
# (a clause only reworded, "is amended by replacing ... with ...", stays; so do the words "in Section 1" of "the definition
# of X in Section 1 is deleted")
_STRUCK_OUT = lazy(
    r"(?<!\bin )(?<!\bof )(?<!\bto )(?<!\bunder )\b(?:(?:article|clause|section|paragraph|part)s?\s+"
    rf"(?P<refs>{_CLAUSE_REF}(?:\s*(?:,|and)\s*{_CLAUSE_REF})*)|(?P<annex>{_ANNEX}))(?![\w(])"
    + _NUMBER_TO_VERB + r"(?:amended and )?" + _STRIKING + r"\b", re.IGNORECASE)
# the title that starts the amendment: "AMENDMENT No. 1", "SECOND ADDENDUM TO THE DISTRIBUTION AGREEMENT", "Amendment No. 2",
# a side letter's ("SIDE LETTER", "Side Letter No. 1"; not a clause on side letters: "No Side Letters. ..."),
# or the subject line of a letter that amends ("Re: Distribution Agreement dated ... - Letter Amendment", "- Side Letter No. 1"), or the heading of the
# negotiated terms a template's order of precedence puts first ("19. SPECIAL CONDITIONS:", "Schedule 4 - Special Terms")
_AMENDMENT_TITLE = lazy(r"^[ \t]*(?:(?:[A-Z][A-Z.-]*[ \t]+){0,3}(?:AMENDMENT|AMENDING[ \t]|ADDENDUM|VARIATION|SUPPLEMENT|(?:Amendment|Addendum) (?:No|Number)\b)|"
                              r"(?:[A-Z][A-Z.-]*[ \t]+){0,2}SIDE[ \t]+LETTER(?:[ \t]+(?:NO|No)\b[^\n]*)?[ \t]*$|Side[ \t]+Letter[ \t]+(?:No|Number)\b|"
                              r"(?:(?:\d+\.?|(?:SCHEDULE|Schedule|ANNEX|Annex)\s+\w+\s*[-–:.]?)[ \t]+)?(?:SPECIAL|Special|PARTICULAR|Particular)[ \t]+"
                              r"(?:CONDITIONS|Conditions|TERMS|Terms|PROVISIONS|Provisions)[ \t]*:?[ \t]*$|"
                              r"(?:Re|RE|Subject|SUBJECT)\s*:[^\n]*\b(?:Amendment|AMENDMENT|Variation|VARIATION|Addendum|ADDENDUM|Side Letter|SIDE LETTER)\b)",
                              re.MULTILINE)
_DELETION_VERB = lazy(_STRIKING + r"\b")  # lower case, as amendments write it
# a rider for franchisees of one state only ("AMENDMENT TO ... FRANCHISE AGREEMENT FOR THE STATE OF ILLINOIS"): the
# clause it deletes stays in force everywhere else
_ONE_JURISDICTION = lazy(r"\bfor (?:the )?(?:state|province|commonwealth|residents)\b", re.IGNORECASE)
# a line that starts a clause: "6.2 ...", "Article 5", "ARTICLE IX", "SIXTH: MINIMUM PURCHASES." (a word only with its stop)
_NUMBERED_LINE = lazy(rf"^[ \t]*(?:(?:article|section|clause|paragraph|part)\s+(\d+(?:\.\d+)*|{_WORD_LABEL})\b|"
                            rf"(\d+(?:\.\d+)*)\.?(?=\s)|({_WORD_LABEL})[.:](?=\s))", re.IGNORECASE | re.MULTILINE)
# a line that starts an annex: "EXHIBIT C - QUARTERLY MINIMUM", "Schedule 2"
_ANNEX_LINE = lazy(rf"^[ \t]*{_ANNEX}\b", re.IGNORECASE | re.MULTILINE)
# the start of a sentence or of an item: "(i) ", "2. ", a line's start
_OPENS_ITEM = lazy(r"(?:^|[.;:]\s|\n)\s*(?:\(?[a-z\d]{1,4}[.)]\s*)?$", re.IGNORECASE)
# an item inside a clause: "(c) If the Distributor ..."
_CLAUSE_ITEM = lazy(r"(?<![\w)])\(([a-z\d]{1,3})\)\s")

# a defined term an amendment deletes, named as a definition: "the definition of "Minimum Annual Purchases" in Clause 1 is
# deleted", "by deleting the definitions of 'Quota' and 'Quota Year'", "Clause 7 is deleted, together with the defined term
# Minimum Purchases" (the name quoted, or unquoted in capitals); a definition only amended ("the definition of "Year" is
# amended by deleting ...") stays
_TERM_NAME = r"(?:\"[^\"]{1,80}\"|“[^”]{1,80}”|'[^'\n]{1,80}'|‘[^’]{1,80}’|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})"
_DEFINITION_NAMED = lazy(rf"\b(?:[Dd]efinitions?|[Dd]efined\s+terms?)\s+(?:of\s+)?(?:the\s+(?:terms?|expressions?)\s+)?"
                               rf"(?P<names>{_TERM_NAME}(?:\s*(?:,|,?\s*and|,?\s*or)\s+{_TERM_NAME})*)")
# the deletion said before the definition ("deleting the", "is deleted in its entirety, together with the", "as is the") or
# after it ("... in Clause 1.1 is hereby deleted"), with nothing between that is said of it first ("is amended by deleting")
_DELETES_BEFORE = lazy(r"\b(?:delet(?:e|es|ed|ing)|repeal(?:s|ed|ing)?|remov(?:e|es|ed|ing)|strik(?:e|es|ing)\s+out|struck\s+out|"
                             r"omit(?:s|ted|ting)?)(?:\s+in\s+(?:its|their)\s+entirety)?\s*,?\s*"
                             r"(?:(?:together|along)\s+with\s+|as\s+well\s+as\s+|as\s+(?:is|are)\s+)?(?:the\s+|each\s+of\s+the\s+)?$",
                             re.IGNORECASE)
_NOT_YET_SAID = r"(?:(?!\b(?:is|are|shall|will|was|were|has|have)\b)(?:[^.;:\"“”]|\.(?=\d)))"
_DELETED_AFTER = lazy(rf"{_NOT_YET_SAID}{{0,80}}?\b(?:is|are|shall\s+be|will\s+be)\s+(?:hereby\s+)?"
                            r"(?:deleted|repealed|struck\s+out|omitted|removed)\b", re.IGNORECASE)
_QUOTED = lazy(r"[\"“”'‘’]")
_DEFINITION_WORDS = ("efinition", "efined term")  # what every _DEFINITION_NAMED holds, one character in


def _deleted_definition(text: str, at: int) -> re.Match[str] | None:
    """The definitions named at `text[at:]` ("the definition of "Quota" ...") when the words around them delete them."""
    m = _DEFINITION_NAMED.match(text, at)
    if m is None or not (_DELETES_BEFORE.search(text[max(0, at - 60):at]) or _DELETED_AFTER.match(text, m.end())):
        return None
    return m


def _deletes_a_definition(text: str) -> bool:
    """Whether the sentence `text` deletes a definition (_deleted_definition) and puts no new wording in its place ("...
    and inserting the following definition: ...", which may state a clause)."""
    for word in _DEFINITION_WORDS:
        at = text.find(word)
        while at > 0:
            m = _deleted_definition(text, at - 1)
            if m is not None:
                return not re.search(r"\b(?:replac|substitut|insert)", text[m.end():], re.IGNORECASE)
            at = text.find(word, at + 1)
    return False


def _deleted_definitions(text: str, title: int, at: int) -> list[tuple[int, int]]:
    """The spans, before the amendment title at `title`, of the definitions the amendment's words at `at` delete: each
    '"X" means ...' (or "has the meaning", "shall mean") of a name they list, to the end of that definition."""
    m = _deleted_definition(text, at)
    if m is None:
        return []
    spans = []
    for name in re.findall(_TERM_NAME, m.group("names")):
        words = _QUOTED.sub("", name).split()
        if not words or (not _QUOTED.match(name) and words[0].lower() in ("clause", "section", "article", "schedule")):
            continue
        defined = re.compile(r"^[ \t]*(?:[(\[]?[\w.]{1,8}[)\].]?[ \t]+)?[\"“'‘]" + r"\s+".join(map(re.escape, words)) +
                             r"[\"”'’]\s*(?:\([^()\n]{0,40}\)\s*)?,?\s*(?:means|shall\s+mean|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|"
                             r"refers\s+to|is\s+defined)\b", re.IGNORECASE | re.MULTILINE)
        for d in defined.finditer(text, 0, title):
            end = re.search(r"[.;](?:[ \t]+(?:and|or))?[ \t]*(?:\n|$)|\n[ \t]*\n", text[d.end():d.end() + 1500])
            spans.append((d.start(), d.end() + (end.end() if end else 1500)))
    return spans


# a clause an amendment deletes, named by its number and often its gist in brackets: "Clause 9.3 (the Supplier's right
# to terminate for missed targets) is deleted", "Section 4(b) of the Agreement is hereby deleted in its entirety" (with no
# new wording after it: "... is deleted in its entirety and replaced by the following: ..." may state a clause)
_DELETED_CLAUSE = lazy(
    r"\b(?:article|clause|section|paragraph|part)\s+\d[\w.()]*" + _NUMBER_TO_VERB + r"(?:deleted|repealed|struck out|omitted|removed)\b"
    r"(?!(?:\s+in\s+(?:its|their)\s+entirety)?,?\s+and\s+(?:replaced|substituted))", re.IGNORECASE)
# or a short title over such a deletion, the clause it names removed: "2.1 Minimum purchases removed.", "Deletion of the
# minimum purchase obligation", "Removal of Clause 7:" (not "Removal of defective Products from the market")
_REMOVAL_TITLE = lazy(r"[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?:(?:[\w'’-]+[ \t]+){1,5}"
                            r"(?:deleted|repealed|struck out|omitted|removed)|(?:deletion|removal|repeal)[ \t]+of[ \t]+"
                            r"(?:[\w'’-]+[ \t]+){0,4}?(?:clause|section|article|minimum|obligation|commitment|"
                            r"requirement|target|quota)s?(?:[ \t]+[\w.()]+)?)[ \t]*[.:]?\s*$", re.IGNORECASE)


# or the clauses of the agreement it replaces, said to end: "the terms of the Original Agreement, including its clause 3
# (Evaluation Period) and clause 4 (Minimum Purchases), shall cease to have effect", "Clauses 5 and 9 of the Prior Agreement
# shall no longer apply" (not this agreement's own, which may end on a condition: "clause 2 shall cease to apply if ...")
_REPLACED_AGREEMENT = rf"(?:{_EARLIER_AGREEMENT.pattern}|\boriginal\s+agreement\b)"
_CLAUSE_NUMBER = r"\b(?:clause|section|article|paragraph)s?\s+\d"
_CEASED_CLAUSE = lazy(
    rf"(?:{_REPLACED_AGREEMENT}[^.;]{{0,80}}?{_CLAUSE_NUMBER}|{_CLAUSE_NUMBER}[^.;]{{0,120}}?{_REPLACED_AGREEMENT})[^.;]{{0,250}}?"
    r"\b(?:shall|will)\s+(?:cease\s+to\s+(?:have\s+(?:any\s+)?effect|apply|be\s+in\s+(?:force|effect))|"
    r"no\s+longer\s+(?:apply|have\s+(?:any\s+)?effect|be\s+in\s+(?:force|effect)))\b", re.IGNORECASE)
# or tells, as a recital does, that a term is given up: "the Supplier has agreed to remove its right to terminate for a
# shortfall", "the parties wish to delete the minimum purchase obligation", "fixed revenue minimums are no longer
# appropriate"
_GIVEN_UP = lazy(r"\b(?:has|have|had|wish(?:es|ed)?|decided)\s+(?:agreed\s+)?to\s+(?:remove|delete|drop|withdraw)\b|"
                       # or told as the purpose of the amendment: "the parties wish to amend and restate the Original
                       # Agreement ... in order, among other things, to make the appointment non-exclusive and to remove the
                       # minimum purchase requirement"
                       r"\b(?:wish(?:es|ed)?|agreed?|decided|desire[sd]?|intend(?:s|ed)?)\s+to\s+amend\b[^.;]{0,250}?"
                       r"\bto\s+(?:remove|delete|drop)\b(?![^.;]{0,150}\b(?:replac|substitut|insert)\w*)|"
                       r"\b(?:is|are)\s+no\s+longer\s+(?:appropriate|required|needed|necessary|justified|warranted|suitable)\b",
                       re.IGNORECASE)
_DELETION_STEMS = ("delet", "repeal", "truc", "tted", "remov", "cea", "longer", "drop", "withdr")


def deletes_a_clause(text: str) -> bool:
    """Whether `text` deletes a clause ("Clause 2.2 (no other distributor in the Territory) is deleted"), is the title
    of such a deletion ("Minimum purchases removed."), ends the clauses of an earlier agreement (_CEASED_CLAUSE), tells
    that a term is given up (_GIVEN_UP) or deletes a definition ("the definition of "Quota" is deleted"): the clause its words name or quote is withdrawn, not made, whatever its type."""
    # it runs on every sentence that holds a clause and seldom matches: a deletion verb is looked up first, by parts
    # without "i" or "s" (a caseless match may spell them "ı", "İ" or "ſ", which lower() does not turn into them)
    low = text.lower()
    return any(verb in low for verb in _DELETION_STEMS) and bool(
        _DELETED_CLAUSE.search(text) or _REMOVAL_TITLE.match(text) or _CEASED_CLAUSE.search(text) or _GIVEN_UP.search(text)
        or _deletes_a_definition(text))


# words quoted as deleted: a tracked change written out in a draft ('[deleted: "and shall thereafter be renewed tacitly for
# periods of one (1) year" - deletion accepted]', 'Deleted text: "..."', '[Struck out: and renews automatically ...]') or by
# an amendment ('by deleting the words "..."', 'Delete "... for successive one-year periods"', '"..." shall be deleted');
# the words inserted in their place are the clause's own, which states them too
_DELETED_LABEL = r"\b(?:deleted|deletion|struck(?:\s+(?:out|through))?)(?:\s+(?:text|words?|wording))?\s*:\s*"
_QUOTE = r"(?:\"[^\"]{1,600}\"|“[^”]{1,600}”)"
_DELETED_WORDS = lazy(
    rf"(?:{_DELETED_LABEL}|\bdelet(?:e|es|ing)\s+(?:the\s+)?(?:(?:words?|text|phrase|sentence|wording)\s+)?)(?P<after>{_QUOTE})|"
    rf"(?P<before>{_QUOTE})\s*,?\s*(?:is|are|was|were|has\s+been|have\s+been|shall\s+be)\s+(?:hereby\s+)?(?:deleted|struck)\b|"
    rf"\[\s*{_DELETED_LABEL}(?P<bare>[^\]\"“]{{1,600}})\]", re.IGNORECASE)
_DELETION_WORDS = ("elet", "ELET", "truck", "TRUCK")  # what every match holds: found by str.find, faster than a regex's scan


def _deleted_words(text: str) -> list[tuple[int, int]]:
    """The spans of the words `text` quotes as deleted (_DELETED_WORDS), read around each deletion word only."""
    spans: dict[tuple[int, int], None] = {}
    for word in _DELETION_WORDS:
        at = text.find(word)
        while at >= 0:
            for m in _DELETED_WORDS.finditer(text, max(0, at - 620), at + 620):
                spans[next(m.span(g) for g in ("after", "before", "bare") if m.group(g))] = None
            at = text.find(word, at + 1)
    return list(spans)


# a term one party asked for and the other turned down, as notes to a draft report it ("Chinook asked for a two-Quarter cure
# period. We declined", "the Manufacturer suggested EUR 60,000 per Contract Year as a binding minimum. The Reseller did not
# agree", "[Supplier comment: we would have liked a non-compete ... cannot accept. Not included.]", "the Distributor declined
# any non-compete obligation"): what was asked for is no term. The asking is told, not provided for: not "the Supplier's
# proposed targets", nor after a condition ("If the Supplier has proposed new targets and the Distributor has not agreed").
# The word boundary comes before the lookbehinds: they are tried at word starts only (half the time)
_ASKED = lazy(r"\b(?<!\bthe )(?<!['’]s )(?:(?:asked|pressed|pushed)\s+(?:for|that|whether|to)|(?:requested|proposed|suggested|sought|"
                    r"wanted)(?!\s+by\b)|would\s+have\s+(?:liked|wanted|preferred))\b|"
                    r"\b(?P<refused>declined|refused|rejected)\s+(?=(?:a|an|any|its|such)\s)")  # lower case, as a note tells it
_REFUSED = lazy(r"\b(?:refused|rejected|declined|turned\s+(?:it\s+)?down|withdrawn|dropped|said\s+no|cannot\s+accept|"
                      r"(?:did|does|has|have|had|could|would)\s+not\s+(?:agree|accept)\w*|not\s+(?:agreed|accepted|included))\b",
                      re.IGNORECASE)
_ASKED_IF = lazy(r"\b(?:if|where|should|unless|until|when|whenever|in the event|provided)\b", re.IGNORECASE)
_PASSIVE_BEFORE = lazy(r"\b(?:was|were|been)\s+$", re.IGNORECASE)


def asked_and_refused(own: str, following: str) -> tuple[int, int] | None:
    """The span of the sentence `own` that tells what a party asked for and was refused, the refusal in it or in the next
    sentence (`following`, the text after it); None when it tells of no refused request."""
    ask = _ASKED.search(own)
    if ask is None or _ASKED_IF.search(own, 0, ask.start()):
        return None
    if ask.group("refused"):
        return ask.end(), len(own)
    # what was asked for is said after the asking, or before it when passive ("A non-competition clause was proposed")
    start = 0 if _PASSIVE_BEFORE.search(own, max(0, ask.start() - 12), ask.start()) else ask.end()
    refusal = _REFUSED.search(own, ask.end())
    if refusal is not None:
        return start, refusal.start()
    after = following.lstrip()
    stop = re.search(r"[.!?](?:\s|$)", after)
    return (start, len(own)) if _REFUSED.search(after[:stop.end() if stop else 200]) else None



# what a master distributor must pass down to its own network binds that network, not the master: the terms its agreements
# with sub-distributors, dealers or resellers must hold ("Each dealer agreement shall require the Dealer to buy a minimum
# quantity", "Every sub-distribution agreement shall provide for a trial period of six months", "shall include in each
# sub-distribution agreement: (a) ...", "its reseller agreements must allow it to terminate"), the duties it imposes on
# them or agrees with them ("shall impose on its Sub-Distributors the following targets", "shall require each of its
# Dealers to purchase", "may agree with its Resellers on quarterly purchase quotas"), or the duties the agreement lays on
# each of them are no clause of its own agreement.
# Its own duty said after them ("..., and the Distributor itself shall purchase", "; Mekong shall buy") is.
_NETWORK = (r"(?:sub[- ]?(?:distributors?|dealers?|agents?|resellers?|licensees?|franchisees?|importers?)|dealers?|resellers?|"
            r"retailers?|stockists?|wholesalers?|booksellers?|franchisees?|(?:own|local|regional)\s+(?:distributors?|agents?))")
_NETWORK_KINDS = (r"(?:sub[- ]?(?:distribution|distributor|dealer|dealership|agency|licen[cs]e|franchise)|dealer(?:ship)?|"
                  r"reseller|retailer|stockist|bookseller|franchise)")
# their agreements, one with a quantifier ("each dealer agreement", not "the Dealer Agreement", which may be this one), or
# all of them ("sub-distribution agreements", "its agreements with its Dealers")
_NETWORK_AGREEMENTS = (rf"(?:{_NETWORK_KINDS}\s+(?:agreement|contract)s?|"
                       rf"(?:agreement|contract)s?\s+with\s+(?:each\s+of\s+)?(?:its|their|the|any|each|all)\s+{_NETWORK})")
# the agreements the sentence's subject, not named after a preposition or beside another ("Notwithstanding any such
# sub-distribution agreement, EKR shall remain liable", "this Agreement or any subsequent franchise agreement")
_AS_SUBJECT = "".join(f"(?<!{word} )" for word in ("notwithstanding", "despite", "under", "by", "from", "to", "of", "or", "and"))
_PASSED_DOWN = lazy(
    rf"\b{_AS_SUBJECT}(?:(?:each|every|any|all|its|their)\s+(?:such\s+|(?:of\s+)?(?:its|their|the)\s+)?"
    rf"(?:(?!subsequent|successor|renewal|new|future|later|replacement)[\w-]+\s+)?{_NETWORK_AGREEMENTS}|"
    rf"{_NETWORK_KINDS}\s+(?:agreements|contracts)|(?:agreement|contract)s?\s+with\s+(?:each\s+of\s+)?(?:its|their|any|each|all)\s+"
    rf"{_NETWORK})\b[^.;]{{0,60}}?\b(?:shall|will|must|should|is\s+to|are\s+to)\b|"
    rf"\b(?:include|incorporate|insert|provide\s+for|stipulate|set\s+out)\s+(?:in|into)\s+(?:(?:each|every|any|all|its|their)\s+)?"
    rf"(?:of\s+its\s+)?(?:[\w-]+\s+)?{_NETWORK_AGREEMENTS}\b|"
    rf"\b(?:impose|pass|flow)\b[^.;]{{0,60}}?\b(?:up)?on\s+(?:each\s+of\s+)?(?:its|their|each|every|all)\s+{_NETWORK}\b|"
    rf"\b(?:require|oblige|obligate|bind)\s+(?:each\s+of\s+)?(?:its|their|each|every|all)\s+{_NETWORK}\s+to\b|"
    rf"\bagree\s+with\s+(?:each\s+of\s+)?(?:its|their)\s+{_NETWORK}\b|"
    # or binds them in its own words, each of them the subject ("Each Sub-Distributor shall be required to purchase", "every
    # sub-dealer will be on probation"; not "The Distributor and each of its Sub-Distributors shall", nor "its
    # Sublicensees", which may be named beside the party)
    rf"\b{_AS_SUBJECT}(?:each|every|all|any)\s+(?:of\s+(?:its|their|the)\s+)?sub[- ]?(?:distributors?|dealers?|agents?|"
    r"resellers?|licensees?|franchisees?|importers?)\b[^.;]{0,40}?\b(?:shall|will|must|is\s+to|are\s+to)\b", re.IGNORECASE)
# where the passed-down terms stop before the sentence's end: the master's own duty after them (a name or role, not the
# network's)
# what every match of it holds, looked for first in the lower-cased sentence: most sentences name no network, and the
# whole pattern's lookbehinds at every word cost ten times this search
_NAMES_A_NETWORK = lazy(f"{_NETWORK}|{_NETWORK_KINDS}")
_OWN_DUTY_AFTER = lazy(
    rf"(?:[,;]?\s+(?:and|but|while|whereas)|;)\s+(?:the\s+)?(?!{_NETWORK}\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+"
    r"(?:itself\s+|shall\s+itself\s+)?(?:shall|will|must|undertakes|agrees|commits)\b")


# a sentence that goes on about them ("This trial period concerns the relationship between Mekong and the Sub-Distributor
# only", "These provisions bind the Sub-Distributors; they impose no probationary period on the Master Distributor")
_GOES_ON_ABOUT_IT = lazy(r"\W*(?:this|these|those|that|such|each\s+such|all\s+such)\b", re.IGNORECASE)


def passed_down(own: str, before: str = "") -> tuple[int, int] | None:
    """The span of the sentence `own` that states what the partner must pass down to its own network of sub-distributors,
    dealers or resellers (_PASSED_DOWN), or goes on about what the sentence `before` it in its paragraph passed down to its
    end, to the sentence's end or the partner's own duty after it; None when it states none."""
    down = _PASSED_DOWN.search(own) if _NAMES_A_NETWORK.search(own.lower()) else None
    if down is not None:
        start = down.start()
    elif before and _GOES_ON_ABOUT_IT.match(own) and (earlier := passed_down(before)) and earlier[1] == len(before):
        start = 0
    else:
        return None
    stop = _OWN_DUTY_AFTER.search(own, down.end() if down else 0)
    return start, stop.start() if stop else len(own)


# a list an amendment sums up, its lead-in saying the summary binds no one: "The principal changes made by the Restated Agreement
# are, for convenience only (the text of Part B prevails):", "Summary of changes (for information only):" (its items restate
# clauses set out in full elsewhere; they are read there)
_SUMMARY_ONLY = lazy(r"\bfor\s+(?:convenience|(?:ease\s+of\s+)?reference|information(?:al)?(?:\s+purposes)?|orientation)\s+only\b|"
                     r"\bthe\s+(?:text|terms|wording|provisions)\s+of\s+[^.;:]{1,60}?\s+(?:prevails?|shall\s+prevail|governs?|controls?)\b",
                     re.IGNORECASE)


def summary_only(lead: str) -> bool:
    """Whether `lead`, the lead-in of a list, says the list that follows only sums up (for convenience, for information) what
    the contract sets out elsewhere."""
    return lead.rstrip().endswith(":") and bool(_SUMMARY_ONLY.search(lead))


def struck_out(text: str) -> list[tuple[int, int]]:
    """The spans of `text` no longer in force: words quoted as deleted (_DELETED_WORDS), and clauses an amendment later in
    the same document deletes, from the first line numbered as the clause (or one of its sub-clauses) to the next numbered
    line outside it, or from an annex's heading to the next annex's, before the amendment's title (the amendment's own
    numbered items are not the agreement's clauses)."""
    spans = _deleted_words(text)
    if "RESTATED" in text:
        spans.extend(_restated_whole(text))
    if not any(word in text for word in ("AMENDMENT", "AMENDING", "ADDENDUM", "VARIATION", "SUPPLEMENT", "Amendment", "Addendum N", "SPECIAL ",
                                         "Special ", "PARTICULAR ", "Particular ", "SIDE", "Side Letter")):
        return spans  # no amendment: most documents, and the clause references are slow to look for
    titles = [t.start() for t in _AMENDMENT_TITLE.finditer(text)]
    ends = {v.end() for v in _DELETION_VERB.finditer(text, titles[0])} if titles else set()
    for word in _DEFINITION_WORDS if titles else ():  # "the definition of "Quota" is deleted"
        at = text.find(word, titles[0])
        while at >= 0:
            above = max(t for t in titles if t < at)
            if not _ONE_JURISDICTION.search(text, above, above + 200):
                spans.extend(_deleted_definitions(text, above, at - 1))
            at = text.find(word, at + 1)
    numbered: dict[int, list[re.Match[str]]] = {}  # the numbered lines above each amendment title, read once
    # a few characters past the verb: "shall not apply" is struck out only where its sentence ends
    for m in (m for end in sorted(ends) for m in _STRUCK_OUT.finditer(text, max(0, end - 420), end + 8) if m.end() == end):
        title = max((t for t in titles if t < m.start()), default=None)
        if title is None or _ONE_JURISDICTION.search(text, title, title + 200):
            continue
        if m.group(0).endswith("apply") and not _OPENS_ITEM.search(text, max(0, m.start() - 12), m.start()):
            continue  # "During the first Contract Year, Clause 9.2 shall not apply": set aside for a time only
        for annex in filter(None, (m.group("annex"), m.group("also"))):
            heads = list(_ANNEX_LINE.finditer(text, 0, title))
            starts = [a.start() for a in heads] + [title]
            spans.extend((a.start(), end) for a, end in zip(heads, starts[1:], strict=True)
                         if a.group().lower().split() == annex.lower().split())
        if not m.group("refs"):
            continue
        if title not in numbered:
            numbered[title] = list(_NUMBERED_LINE.finditer(text, 0, title))
        for ref in re.findall(_CLAUSE_REF, m.group("refs"), re.IGNORECASE):
            number, *items = _matched(_REF_PARTS, ref.lower()).groups()
            start = None
            for line in numbered[title]:
                label = next(g for g in line.groups() if g).lower()
                inside = label == number or label.startswith(number + ".")
                if inside and start is None:
                    start = line.start()
                elif not inside and start is not None:
                    span = (start, line.start())
                    for item in filter(None, items):  # "17(2)(d)": item (d) of paragraph (2)
                        span = _item_span(text, *span, item)
                    spans.append(span)
                    break
    return spans


# an earlier agreement filed before the agreement that amends and restates it whole: the restatement's title ("AMENDED AND
# RESTATED EXCLUSIVE DISTRIBUTION AGREEMENT") on a line of its own, and soon after it the words that restate the earlier one
# in its entirety ("the Original Agreement is amended and restated in its entirety by this Agreement")
_RESTATEMENT_TITLE = lazy(r"^[ \t]*(?:[A-Z][A-Z.-]*[ \t]+){0,2}AMENDED AND RESTATED\b[^\n]*\bAGREEMENT\b", re.MULTILINE)
_RESTATED_WHOLE = lazy(r"\bamend(?:ed|s)?\s+and\s+restate[sd]?\b[^.;]{0,80}?\bin\s+(?:its|their)\s+entirety\b",
                             re.IGNORECASE)


def _restated_whole(text: str) -> list[tuple[int, int]]:
    """The span of `text` before the title of an agreement that amends and restates an earlier one in its entirety, that
    earlier one's text (none when the restatement starts the document, or does not restate it whole within its opening)."""
    title = next((t.start() for t in _RESTATEMENT_TITLE.finditer(text) if _RESTATED_WHOLE.search(text, t.end(), t.end() + 3000)),
                 0)
    return [(0, title)] if title else []


def _item_span(text: str, start: int, end: int, item: str) -> tuple[int, int]:
    """The item `item` ("c") of the clause at text[start:end], up to the item after it or the clause's end; the whole
    clause when it has no such item (its items are on lines of their own, numbered otherwise)."""
    items = list(_CLAUSE_ITEM.finditer(text, start, end))
    first = next((m for m in items if m.group(1) == item), None)
    if first is None:
        return start, end
    after = chr(ord(item[-1]) + 1) if item.isalpha() else str(int(item) + 1) if item.isdigit() else None
    following = next((m.start() for m in items if m.start() > first.start() and m.group(1) == after), end)
    return first.start(), following


# a provision no longer in force, quoted in a note: "Clause 9 of the Original Agreement allowed ... It was deleted by Amendment No. 1"
_FORMER = lazy(r"\b(?:was|were|has been|have been)\s+(?:deleted|removed|repealed|struck out|omitted)\b(?![^.;]{0,20}\breplaced\b)|"
                     r"\boriginal agreement\s+(?:allowed|provided|read|stated|permitted|entitled)\b", re.IGNORECASE)
# a measure of the distributor's results; without one, a review at the end of a trial period is the probation's, not a trigger
# (an "after-sales service" is the partner's service, no measure of its sales)
_MEASURE = lazy(r"\b(minimum\w*|targets?|quotas?|shortfalls?|purchase[sd]?|(?<!after-)(?<!after )sales|volumes?|turnover|revenues?|orders?|units|below|less than|"
                      r"fewer than|lower than|benchmarks?|thresholds?|floor|commitments?|"
                      # standards the partner's work is measured by: "fails to meet any Performance Standard in two consecutive
                      # quarters ... after the evaluation period", "misses the performance criteria in Schedule B"
                      r"performance\s+(?:standards?|criteria|criterion|requirements?|goals?|levels?)|"
                      # a fall in results, the noun ("if the decline is not corrected by the end of the Recovery Window"; not "may decline")
                      r"(?:the|a|any|such|this|that)\s+(?:[\w-]+\s+)?declines?|"
                      r"(?:number|count) of (?:\w+ )?(?:dealers|outlets|accounts|customers|stores|retailers|resellers|shops|stockists)|"
                      # no sale at all: "if, in any six consecutive months, no Kit Contract is concluded", "sells no Products"
                      r"no\s+(?:[\w-]+\s+){1,3}?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:sold|ordered|purchased|bought|booked|concluded|placed|"
                      r"registered|retailed|resold|procured|secured)|(?:sells?|sold|conclude[sd]?|makes?|made|places?|placed)\s+no|"
                      # an agent's orders it fails to bring in: "fails to procure any Order", "fails to secure a single Indent"
                      r"fail\w*\s+to\s+(?:procure|obtain|secure|book|place|generate|win|solicit)\s+(?:at\s+least\s+)?(?:any|a|one)\s+(?:single\s+|\(1\)\s+)?"
                      r"(?:[\w-]+\s+)?(?:orders?|indents?|sales?|contracts?|deals?|bookings?))\b",
                      re.IGNORECASE)
# the close of a period the contract defines: "after the end of the Launch Phase", "once the Review Window has ended",
# "At the end of the Getting-Started Months" (opening months named as such); not a time given to cure a miss, which closes
# no trial ("within thirty days after the end of the Cure Period", "once the Recovery Window has expired")
_CURE_PERIOD = r"(?!(?:[A-Z][\w-]*\s+){0,2}(?:Cure|Remedy|Remediation|Rectification|Recovery|Correction|Improvement)\s+[A-Z])"
_NAMED_PERIOD_CLOSE = lazy(rf"\b(?:end|expiry|expiration|close|conclusion) of the {_CURE_PERIOD}{_NAMED_PERIOD}|"
                                 rf"\bthe {_CURE_PERIOD}{_NAMED_PERIOD}\s+(?:has\s+)?(?:ends|ended|expires|expired|closes|closed)\b")
_CONDITION_IN_CLAUSE = lazy(r"\bconditions?(?: precedent)?\s+(?:in|of|under|set out in|referred to in)\s+(?:clause|section|article|paragraph)\b",
                                  re.IGNORECASE)
# a denial whose subject is the shortfall: "no shortfall against a forecast shall give the Supplier any right to terminate",
# or whose verb is denied ("a failure to reach the Quarterly Commitment shall not entitle the Supplier to ..."), also for each
# right it lists after ("no such shortfall shall entitle the Company to terminate this Agreement, to restrict the exclusive
# right or ...", "shall constitute a breach for the purposes of Article XII, nor entitle Manufacturer to terminate this
# Agreement, to appoint any other distributor in the Territory, or to reduce the Territory", "shall not entitle it to terminate
# this Agreement, to reduce the Territory, to remove any Products from this Agreement or to appoint any other distributor"),
# the right denied in the passive with the cause between commas ("shall not be entitled, on account of such a shortfall, to
# terminate this Agreement, to claim damages or ..."), its items as long as "to withdraw or restrict the Distributor's rights
# under Article 2"; the consequences denied all at once and then listed ("no failure to reach the Sales Target shall have any
# consequence under this Agreement, whether termination, loss of exclusivity, reduction of the Dealer Area or otherwise",
# "shall not lead to any sanction, including termination or ..."); the denial may be of the miss by itself ("it shall not by
# itself entitle the Grantor to terminate, cancel or not renew this Agreement, to withdraw or reduce the exclusive right ..."); a
# later item may deny anew with the subject after its verb, as a Spanish drafter writes it ("ni autorizará"): "will not
# constitute cause of rescission of the present contract, nor will it authorize THE SUPPLIER to suppress or limit the
# exclusivity ..., nor to reduce the Territory"
_DENYING_VERB = (r"(?:give|entitle|be entitled|confer|create|constitute|allow|permit|justify|be grounds? for|authori[sz]e|empower|"
                 r"be (?:deemed|treated as|considered|regarded as)|"
                 r"(?:have|carry|entail|lead to|result in)(?= (?:any|an?)\b))")
_DENIED_SUBJECT = lazy(rf"(?:\bno\b[^.;:,]{{0,50}}\b(?:shall|will|does|may|can|is to)|\b(?:shall|will|does|do|may|can)\s+not|"
                             # a sentence or clause opening on a denied subject, however long: "No failure by the Distributor to
                             # purchase the Minimum Quantity shall constitute ...", "None of the following shall constitute ...",
                             # "..., and no failure to meet a goal shall constitute ..."
                             r"(?:^|[.;:]\s+|,?\s+(?:and|but)\s+)\W*(?:no|neither|nothing|none)\b[^.;:]{0,150}?"
                             r"\b(?:shall|will|does|may|can|is to))"
                             # "shall not by itself entitle", "will not of itself give", "does not alone justify", "shall not, in
                             # itself, constitute"
                             r"(?:,?\s+(?:(?:by|of|in)\s+itself|alone|on\s+its\s+own),?)?\s+"
                             rf"{_DENYING_VERB}\b(?:,[^.;:,]{{1,60}},)?[^.;:,]{{0,80}}"
                             # the next item opens with "to", a denying verb or a verb of the right itself ("to terminate, cancel
                             # or not renew this Agreement"), and may name a section ("the right granted in Section 2.1")
                             rf"(?:,\s*(?:(?:or|nor)\s+(?:(?:shall|will|does|may|can)\s+(?:it|they|this|that|such\s+[\w-]+)\s+)?)?"
                             rf"(?:to|{_DENYING_VERB}|cancel|terminate|rescind|suspend|not\s+renew)\b(?:[^.;:,]|\.(?=\d)){{0,80}})*"
                             # or a list of what it gives rise to: "shall give rise to any liability, termination right, loss of
                             # exclusivity or other consequence" (an item with no verb of its own: not ", but the Supplier may")
                             r"(?:,\s*(?!(?:and\s+|or\s+)?(?:but|however|yet|except|unless|save|provided|if|where|when|after|"
                             r"thereafter|then)\b)(?:(?!\b(?:may|shall|will|can|must|is|are|has|have)\b)[^.;:,]){1,40})*"
                             r"(?:,?\s*\b(?:whether|including|such as|namely|in particular|be it)\b[^.;:]{0,160})?$", re.IGNORECASE)


# a sentence that says another clause holds the only consequences of a miss ("Article 5.3 sets out the only consequences of a
# shortfall.", "The reduction under Art. 5.2 is the only consequence of a shortfall", "The only remedies for a failure to
# reach the Minimum are those set out in clause 7.2", "The price adjustment in Section 4 shall be the Supplier's sole remedy
# for any shortfall"): see _after_consequences_elsewhere
_XREF = r"\b(?:article|clause|section|paragraph|art\.|§)\s*\d"
_ONLY_CONSEQUENCE = (r"\b(?:only|sole|exclusive|sole and exclusive|single)\s+(?:consequences?|remed(?:y|ies)|sanctions?)\s+(?:of|for)\b"
                     r"(?:[^.;]|\.(?=\d)){0,60}?\b(?:shortfalls?|fail\w*|miss\w*|non-?(?:achievement|performance|fulfil\w*)|"
                     r"under-?performance|deficienc\w*|not (?:reach|achiev|meet|attain)\w*)")
_CONSEQUENCES_ELSEWHERE = lazy(
    # from a sentence's start only (a search trying every position rescans each sentence from it: quadratic)
    r"(?:^|(?<=;)|(?<=\.)(?!\d))"
    rf"(?:(?:[^.;]|\.(?=\d))*?{_XREF}(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:sets? out|states?|contains?|lays? down|provides?|describes?|lists?|"
    rf"is|are|(?:shall|will) be|constitutes?)\s+(?:the\s+)?(?:[\w'’]+\s+){{0,2}}?{_ONLY_CONSEQUENCE}|"
    rf"(?:[^.;]|\.(?=\d))*?{_ONLY_CONSEQUENCE}(?:[^.;]|\.(?=\d)){{0,100}}?\b(?:is|are|(?:shall|will) be)\s+(?:those\s+|that\s+|as\s+)?"
    rf"(?:set out|stated|provided(?: for)?|described|specified|listed|laid down)\s+(?:in|under|by)\s+(?:the\s+)?{_XREF})",
    re.IGNORECASE)


# no sale counted over a run of the contract's periods: "in any Programme Year", "during any period of six consecutive months",
# "two full Quarters in a row", "two successive Quarters", "for a continuous period of 120 days", or over one of them whole: "during a complete Season",
# "in any full Campaign"
_RUN_OF_PERIODS = lazy(r"\b(?:consecutive|successive)\b|\b(?:any|an? (?:continuous|uninterrupted|unbroken)) period of\b|\bin a row\b|"
                             # a stretch of months with no sale: "does not send us any order for 4 months", "for more than six (6) months"
                             r"\bfor\s+(?:(?:more|longer)\s+than\s+|over\s+|at\s+least\s+)?[\w-]+(?:\s+\(\d+\))?\s+(?:months|weeks)\b|"
                             r"\b(?:a|any|an|one)\s+(?:complete|whole|full|entire)\s+(?:[\w-]+\s+)?(?:seasons?|campaigns?|"
                             r"harvests?|years?|quarters?|semesters?|cycles?)\b|"
                             # or over any one of the seasons the trade counts in: "If in any Boating Season ... the Dealer
                             # makes no Retail Sale", "during any selling season", "place no Pre-Order at all for a Season"
                             r"\b(?:in|during|throughout|over|for)\s+(?:any|each|a|one)\s+(?:[\w-]+\s+)?(?:seasons?|campaigns?)\b", re.IGNORECASE)


# a service level the supplier's side misses is the partner's exit, no trigger on it: "If the Supplier fails to meet the Service
# Levels, the Distributor may terminate", "a failure by the Service Provider to achieve the Service Level"
_SELLER_MISSES = lazy(rf"\b(?:{_SUPPLIERS}|provider)['’]?s?\s+(?:\w+\s+)?(?:fail|is\s+unable|inability)|"
                            rf"\b(?:fail\w*|inability)\s+(?:of|by)\s+(?:the\s+)?(?:service\s+)?(?:{_SUPPLIERS}|provider)\b", re.IGNORECASE)


def _seller_service_level_only(text: str, unit: Unit, hits: Sequence[Hit]) -> bool:
    return all(h.pattern_id == "fails-to-meet-service-level" for h in hits) and all(
        _SELLER_MISSES.search(text, max(0, h.start - unit.start - 40), h.end - unit.start) for h in hits)


# what falls is the partner's standing, not its results: "if the Distributor's food hygiene rating falls below 4", "should its
# credit rating fall below BBB", "if the insurance cover falls below the amount in Clause 12" (a compliance ground; "if its
# market share falls below 10%" and "if sales fall below the Minimum" stay)
_STANDING_FALLS = lazy(r"\b(?:(?:food\s+)?hygiene|food[- ]safety|credit|insurance|temperature)\s+(?:[\w-]+\s+)?"
                             r"(?:ratings?|scores?|grades?|cover(?:age)?|levels?|limits?|standing)\s+(?:(?:should|shall|may|would|"
                             r"ever|then|has|have|is|are)\s+)*$", re.IGNORECASE)


# what falls is the supplier's own service to the partner, not the partner's results: "If the Supplier's on-time dispatch of
# semi-finished blanks falls below 95%", "If Montclair's fill rate falls below that level", "should the Manufacturer's
# delivery performance be less than ...": the partner's exit or remedy ("if the Distributor's sales fall below" stays, and so
# does "if the Distributor's fill rate to its customers falls below", the partner's service)
_SUPPLY_MEASURE = (r"fill[- ]rates?|on[- ]time(?:[- ]in[- ]full)?(?:\s+[\w-]+)?|otif|in[- ]full\s+[\w-]+|"
                   r"(?:delivery|dispatch|shipping|shipment|supply|service)\s+(?:performance|levels?|rates?|times?)|"
                   r"turnaround(?:\s+times?)?|lead[- ]times?")
_SUPPLY_FALLS = lazy(rf"(?:\b(?:{_SUPPLIERS}|provider)['’]s?\s+(?:[\w-]+\s+){{0,6}}?|"
                           rf"\b(?:{_SUPPLY_MEASURE})\s+(?:(?:of|for|on|in)\s+)?(?:[\w-]+\s+){{0,5}}?)"
                           r"(?:(?:should|shall|may|would|ever|then|has|have|is|are|be|does|do|did)\s+)*$", re.IGNORECASE)
_PARTNER_OWNS = lazy(rf"\b(?:{_PARTNERS}|buyer|purchaser|customer)['’]s?\s+$", re.IGNORECASE)
_CLAUSE_BREAK = lazy(r"[.;:,]")
_FALL_WORD = lazy(r"\b(?:fall|falls|fell|falling|drops?|dropped|declines?|declined|below|less|lower|fewer|under)\b", re.IGNORECASE)


def _supply_side_falls(text: str, unit: Unit, hits: Sequence[Hit]) -> bool:
    """Whether every hit is a fall in the supplier's own service (see _SUPPLY_FALLS), said just before it."""
    for h in hits:
        fall = _FALL_WORD.search(text, h.start - unit.start, h.end - unit.start)  # "orders falls below": from "falls"
        if fall is None:
            return False
        start = fall.start()
        before = _CLAUSE_BREAK.split(text[max(0, start - 100):start])[-1]
        m = _SUPPLY_FALLS.search(before)
        if m is None or _PARTNER_OWNS.search(before, 0, m.start()):
            return False
    return True


# a clause an amendment deletes, told by what it said: "clause 6.4 of the Original Agreement (Sakura's right to terminate if the
# quarterly minimum was not met) is deleted and replaced by ..." (the words in brackets are gone, not a right)
_DELETED_DESCRIBED = lazy(
    r"\b(?:clause|section|article|paragraph)\s+[\w.]+\s+(?:of\s+the\s+(?:original|existing|principal|prior)\s+agreement\s+)?"
    r"\([^()]{0,200}\)\s+(?:of\s+the\s+(?:original|existing|principal|prior)\s+agreement\s+)?"
    r"(?:is|are|shall\s+be|will\s+be)\s+(?:hereby\s+)?(?:deleted|removed|struck\s+out|revoked|repealed)\b", re.IGNORECASE)


def _blank_deleted(text: str) -> str:
    """`text` with the bracketed account of each clause it deletes blanked, offsets kept."""
    return _DELETED_DESCRIBED.sub(lambda m: re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), m.group(0)), text)


def performance_trigger(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    """A missed minimum with a consequence the supplier can use; a shortfall that only leads to a
    meeting, a price change or a fee is not a trigger."""
    text = _blank_deleted(text)
    if all(h.pattern_id == "falls-short" and _STANDING_FALLS.search(text, max(0, h.start - unit.start - 80), h.start - unit.start)
           for h in hits):
        return None  # "terminate if the Distributor's food hygiene rating falls below 4": a licence-like standing, no result
    if all(h.kind == "no_sale" for h in hits) and not (period(text) or _RUN_OF_PERIODS.search(text)):
        return None  # "if no order is placed within 30 days of the quote, it may be cancelled": one sale, not a run of periods
    if all(h.kind == "consequence" for h in hits) and not _PERFORMANCE_CONDITION.search(text):
        return None  # "the licences become non-exclusive upon expiry": a conversion with no performance condition
    if _seller_service_level_only(text, unit, hits):
        return None  # "If the Supplier fails to meet the Service Levels, the Distributor may terminate": the partner's exit
    if _supply_side_falls(text, unit, hits):
        return None  # "If the Supplier's on-time dispatch falls below 95%, the Distributor may terminate": the partner's exit
    if all(h.pattern_id == "clause-not-met" for h in hits) and _CONDITION_IN_CLAUSE.search(text):
        return None  # "if the condition in clause 3.1 is not met by the Closing Date": a condition precedent, no target
    if _FORMER.search(text) or (_PROBATION_NAME.search(text) and not _MEASURE.search(text)):
        return None  # a deleted clause; "after the end of the Trial Period ... if it considers that the Agent has not made progress"
    named = _DEFAULT_NAME.search(text)
    if named and named.group("breach") and (_DENIED.search(text, max(0, named.start() - 80), named.end())
                                            or _DENIED_SUBJECT.search(text, max(0, named.start() - 240), named.end())):
        named = None  # "shall not (, in itself,) constitute a breach", "No failure by the Distributor to buy ... shall constitute a breach"
    # the name defined is no consequence: "'Termination Event' means ..."
    consequence = _consequence(text.replace(_default_name(named), " ") if named else text)
    if consequence is not None and all(h.kind == "abbreviation" for h in hits) and (short := _FLOOR_ABBREVIATION.search(text)):
        # "fewer Kits than the MQQ": a floor only if the document defines it as one (resolve_document: _floors_by_abbreviation)
        return {"consequence": consequence, "floor_abbreviation": short.group(1)}
    if consequence is not None:
        return {"consequence": consequence}
    if named:  # the consequence is where the name is used (resolve_document: _defaults_by_name)
        return {"defined_as": _default_name(named)}
    return None  # no consequence, or only denied ones: "does not give Supplier any right to terminate"


# the abbreviation a miss is measured against (patterns of kind "abbreviation"): "fewer Kits than the MQQ", "fails to reach the AMV"
_FLOOR_ABBREVIATION = lazy(r"\b(?:than|of|below|under|meet|achieve|reach|attain|satisfy|purchase|order|buy)\s+the\s+([A-Z]{2,6})\b")
# what an abbreviation for a price names: '"MAP" means the minimum advertised price'
_RESALE_PRICE = lazy(r"\b(?:advertised|resale|retail|selling)\s+pric", re.IGNORECASE)


def _consequence(text: str) -> str | None:
    """The first consequence of a miss `text` states that it does not deny."""
    for consequence, pattern in (("convert_non_exclusive", _NON_EXCLUSIVE), ("convert_non_exclusive", _EXCLUSIVE_WHILE),
                                 ("reduce_scope", _REDUCE), ("terminate", _TERMINATE)):
        if any(not _DENIED.search(text, max(0, m.start() - 80), m.start()) and not _DENIED_IN_LIST.search(text, max(0, m.start() - 120), m.start())
               and not _DENIED_SUBJECT.search(text, max(0, m.start() - 240), m.start()) for m in pattern.finditer(text)):
            return consequence
    return None


# a miss given a name the contract uses elsewhere: "'Cause' means (or includes) the Distributor's failure to purchase the minimum ...",
# "A 'Performance Shortfall' occurs if the units purchased in a Quarter are less than the Quarterly Minimum", "Each of the
# following is an Event of Default (by the Distributor):" + "(b) the Distributor fails to purchase ...", "Each of the following
# is Cause:", "... (each a 'Performance Default')", "shall constitute a Termination Event"; a name for a ground, a default or a
# shortfall only ("the remedy is the Price Adjustment" names no ground to act on), or for the period missed, named as a miss
# ("A Contract Year in which the Annual Purchase Value is less than the Minimum Annual Purchases is a 'Shortfall Year'" +
# "Following a Shortfall Year, the Manufacturer may ...", "shall be treated as a Deficient Quarter"; not "is the Initial Period")
_MISSED_PERIOD = (r"(?:Shortfall|Deficit|Deficien(?:t|cy)|Under-?[Pp]erform(?:ance|ing)|Non-?[Pp]erformance|Non-?[Aa]chievement|"
                  r"Failed|Missed|Below-?[Tt]arget)\s+(?:[A-Z][\w-]*\s+)?(?:Year|Quarter|Month|Period|Season|Half-?Year)")
_NAME = (r"[\"“‘']?(?P<{}>(?:[A-Z][\w-]*\s+(?:of\s+)?){{0,3}}(?:Default|Event|Cause|Breach|Failure|Trigger|Ground|Reason|Shortfall)s?|"
         + _MISSED_PERIOD + r")[\"”’']?")
_DEFAULT_NAME = lazy(
    r"^\W*(?:\(?[a-z0-9]{1,4}(?:\.\d{1,3})*[.)]?\s+)?(?:(?:[Aa]n?|[Tt]he)\s+)?" + _NAME.format("defined")
    + r"\s*,?\s*(?:(?:shall\s+)?(?:means?|includes?)|(?:shall\s+|will\s+)?(?:occurs?|arises?|exists?)\s+(?:if|when|where|whenever))\b|"
    r"\b(?:is|are|constitutes?|(?:shall|will)\s+(?:be|constitute))(?:\s+(?:deemed|called|referred\s+to\s+as|treated\s+as))?\s+"
    r"(?:(?:an?|the)\s+)?" + _NAME.format("called")
    # whose default it is, named after it: "an 'Event of Default' by the Distributor:", "a Default on the part of Agent:"
    + r"(?:\s+(?:by|of|on\s+the\s+part\s+of)\s+(?:the\s+|either\s+|any\s+)?(?:[A-Z][\w-]*\s*){1,3})?(?=\s*[:.;,(]|\s*$)|"
    r"\((?:each|together|individually|collectively)?,?\s*(?:an?|the)\s+" + _NAME.format("named") + r"\)|"
    # the miss made a breach, whose consequence is the termination for breach: "failure to purchase the Minimum Quantity
    # shall constitute a material breach of this Agreement", "shall be deemed a fundamental breach" (named "breach", so that
    # "terminate if the other party materially breaches" is its use; denied: no name)
    r"\b(?:constitutes?|(?:shall|will)\s+(?:constitute|be(?:\s+(?:deemed|treated\s+as|considered|regarded\s+as))?(?:\s+to\s+be)?)|"
    r"(?:is|are)(?:\s+deemed)?)\s+an?\s+(?:(?:material|substantial|fundamental|serious)\s+)?(?P<breach>breach)\b")


def _default_name(m: re.Match[str]) -> str:
    return m.group("defined") or m.group("called") or m.group("named") or m.group("breach")


# a right or a consequence the contract rules out: "does not give the Supplier any right to",
# "shall not entitle Supplier to", "shall not constitute grounds for", "no right to", "may not",
# "neither party may", "agrees not to". Performance triggers look for it before a consequence,
# termination for convenience before a termination right.
_DENIAL = (
    r"\b(?:(?:not|no|never|nor|n't)\s+(?:\w+\s+){0,2}?(?:give|gives|giving|entitle|entitles|confer|confers|grant|grants|"
    r"create|creates|constitute|constitutes|amount to|be|become|provide|provides|allow|allows|permit|permits)\b"
    r"|no\s+(?:\w+\s+){0,2}?(?:right|rights|entitlement|ground|grounds|basis|cause)\b"
    # "is not grounds for termination", "are not a valid ground for", and after a denial: "shall not be a breach, nor a ground for"
    r"|(?:(?:is|are)\s+not|nor)\s+(?:(?:an?|any)\s+)?(?:valid\s+|good\s+|sufficient\s+)?(?:ground|grounds|basis|cause|reason)\b"
    r"|without\s+(?:any\s+)?(?:right|rights|entitlement)\b"  # not "without cause" nor "without limiting its right"
    # "neither party may", and with the right held: "Neither party has any right to terminate", "no party is entitled to"
    r"|may not|shall not|cannot|can not|will not|(?:neither|nor|no) (?:party )?(?:may|shall|will|can|has|have|is|are)"
    # the parties named otherwise: "Neither of us may end this agreement for convenience", "neither one of the parties can",
    # "Neither Supplier nor the Distributor shall be entitled to"
    r"|(?:neither|none) (?:one )?of (?:us|them|the parties|the two parties|you and us|we two) (?:may|shall|will|can|has|have|is|are)"
    r"|nor (?:the )?[\w-]+ (?:may|shall|will|can|has|have|is|are)"
    r"|not be (?:terminated|cancel+ed)|agrees? not to|undertakes? not to|covenants? not to)\b"
)
_DENIED = lazy(_DENIAL + r"[^.;:,]{0,45}$", re.IGNORECASE)
# a consequence later in a denied list: "shall not give rise to any penalty, to termination or to any change", "shall not
# entitle the Supplier to terminate or to reduce the Territory", "shall not give rise to any right of termination, reduction
# of the Territory or ...", "shall not terminate this Agreement, reduce the Territory or make the appointment non-exclusive"
# (a list item the consequence opens, not what follows a comma: "Should the target not be
# attained, the sole character of the licence falls away")
_DENIED_IN_LIST = lazy(_DENIAL + r"[^.;:,]{0,60}(?:(?:(?:,\s*(?:or\s+|nor\s+)?|\s+(?:or|nor)\s+)to\b[^.;:,]{0,45})+|"
                             # (an item up to 70 characters: "shall not terminate this Agreement, revoke or restrict the sole
                             # and exclusive right in Clause 2, or reduce the Territory"; not one that turns the sentence
                             # round: "..., but after a second shortfall, reduce the Territory")
                             r"(?:,\s*(?!(?:but|however|yet|except|unless|save|provided|if|where|when)\b)[^.;:,]{0,70}?)*"
                             r"(?:,\s*(?:(?:or|nor)\s+)?|\s+(?:or|nor)\s+)(?:any\s+)?"
                             # the last item's verb and object before it: "shall not terminate this Agreement, reduce the
                             # Territory or make the appointment non-exclusive" (a plain-English "we will not end the agreement,
                             # make your appointment non-exclusive or ..."), or the partner or the right named by a pronoun ("We will
                             # not end these terms, remove your exclusive right, make it non-exclusive or ...", "..., make you non-exclusive")
                             r"(?:(?:make|render|declare|treat|convert|turn)\s+(?:(?:the|this|its|such|your|their|our)\s+(?:[\w-]+\s+){1,2}?|"
                             r"(?:you|it|them|him|her)\s+)(?:into\s+an?\s+|as\s+)?)?)$",
                             re.IGNORECASE)


_CAUSE = lazy(
    r"\b(breach\w*|default\w*|insolv\w*|bankrupt\w*|receiver\w*|liquidat\w*|dissol\w*|fail(s|ed|ure)?|cure[ds]?|"
    r"violat\w*|change (of|in) control|force majeure|misconduct|fraud\w*|negligen\w*|convict\w*|if|in the event|"
    # "only for good cause, as the Dealer Statute defines it": a statute's grounds, not a right at will
    r"should|ceases?|event of|in case|(with|for) ((good|just|due|sufficient|reasonable) )?cause|consent of|immediately(?! preceding| following)|whenever|occurrence|past due|overdue|"
    r"non-?payment|(not|elect\w* not|intention not|decides? not|wish\w* not) to (renew|extend)|non-?renewal|"
    r"(prevent|avoid) (the |any )?(automatic )?(renewal|extension)|(automatic|tacit)\w* (renew\w*|extend\w*)|"
    r"(renew\w*|extend\w*) (automatically|tacitly)|(?<!at any time )(before|prior to) the (expiry|expiration|end|renewal)|"
    r"immediate(ly)? (effect|upon|on|terminat\w*)|exercis\w* (of )?(its|the|a|such|any)|"
    r"following (cases|events|circumstances)|in the case|"
    # a remedy for a shortfall or the close of a review: "Consequences of a shortfall: the Supplier may ...",
    # "during the Review Period the Supplier may withdraw the exclusivity or terminate"
    r"shortfalls?|(?:review|trial|probation(?:ary)?|evaluation|test|qualification|assessment) period)\b",
    re.IGNORECASE,
)
# plain-English terms of business name themselves "these terms": "Either of us may end these terms at any time", "these
# General Conditions", "these Heads of Terms" (a binding term sheet); not a part of them: "these payment terms", "these terms of payment"
_THESE_TERMS = (r"these (?:heads of terms\b|(?:(?:general|standard|trade|trading|business|reseller|dealer|partner|wholesale|distribution|"
                r"supply|sales|service|master) )?(?:terms|conditions)\b(?! of (?:payment|credit)\b))")
# "determine this Agreement": the older English for ending it (not "determine the price")
_VERB = (r"(?<!without )(?<!without\s)\b(terminat\w*|cancel\w*|revok\w*|rescind\w*|withdraw\w*|"
         r"(?:end|determine)(?= (?:this|the) (?:agreement|contract|appointment|relationship|arrangement|memorandum|deed)\b(?!['’]|\s+(?:price|value|rate|amount|quantit)))|"
         # the civil-law word in translations: "may denounce the present contract at any moment", "may be denounced by either
         # party" (kündigen, dénoncer, denunciar)
         r"denounc\w*(?= (?:this|the)(?: present)? (?:agreement|contract|instrument)\b)|denounced\b|"
         # "may resile from this Agreement at any moment" (Scots law's word, and the Portuguese "resilir")
         r"resil\w*(?= from (?:this|the)(?: present)? (?:agreement|contract|instrument)\b)|"
         # "end the Partner's participation in the programme"
         r"end(?= (?:this|the|its|their|your|our)(?: [\w'’]+)?? (?:agreement|contract|appointment|relationship|arrangement|memorandum|deed|"
         r"participation|membership)\b)|"
         rf"end(?= {_THESE_TERMS}))")
_RIGHT = lazy(
    r"\b(may|can|right|entitled|option|elect\w*|reserves?|discretion|ability|authori[sz]ed)\b(?:(?!\b(?:if|unless|provided)\b)[^.;]){0,100}?"
    + _VERB + r"|\bterminable\b|"
    r"\b(until |unless (and until )?(sooner |earlier )?)(terminated|cancel+ed) by\b|\b(terminated|cancel+ed)[^.;]{0,60}\bat any time\b|"
    r"\btermination by (either|any|each) party\b",
)
# _RIGHT, _NO_RIGHT and _EXCEPTION read caseless.fold(text) (lower case, no re.IGNORECASE)
# a termination right denied: "Distributor may not terminate"; with an exception ("... unless",
# "... except for cause") it restricts every other termination right in the sentence
_TURN_TO_A_RIGHT = lazy(r"\b(?:but|however|whereas|except|save|either)\b", re.IGNORECASE)
_NO_RIGHT = lazy(
    # the verbs of a right to end it ("neither party has any right to end this Agreement for convenience")
    _DENIAL + r"(?P<rest>[^.;]{0,80}?" + _VERB + r"\b[^.;]{0,60})",
)
# "at any time after SFJ has paid ...", "from and after the time that ...": an event, not a date
_AFTER_EVENT = lazy(r"\bafter (?:the time|such time) (?:that|as)\b|"
                          r"\bafter [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3} (?:has|have|holds?|shall have|is|are)\b")
_NO_CONSENT = lazy(r"\bwithout (the |any )?(prior )?(written )?consent (of|from)\b", re.IGNORECASE)
_EXCEPTION = lazy(r"\b(unless|except|other than|save|prior to|before|until)\b")
# the name of the goods, after a word that then only qualifies them ("withdraw Contract Products from the range", "Agreement
# Products"): the goods are withdrawn, not the agreement
_GOODS_NAMED = r"(?![ -](?:products?|goods|items?|articles?|merchandise|models?|materials?)\b)"
_OBJECT = lazy(
    r"\b(terminat\w*|cancel\w*|rescind|revoke|end|withdraw|denounce|resile|determine(?= (?:this|the) ))\b(?: [\w'’/-]+){0,8}? (agreement|contract|memorandum|deed|licen[cs]e|term|appointment|"
    r"relationship|engagement|arrangement|services?|program|project|employment|period|venture|fund|order form|participation|membership|"
    # "the present Instrument" (Brazilian drafting's name for the contract; not "any financial instrument")
    r"partnership|collaboration|development|research|activities|studies|study|work|(?:(?<=this )|(?<=present ))instrument)\b" + _GOODS_NAMED + "|"
    r"\b(agreement|contract|memorandum|deed|licen[cs]e|term|appointment|services?|(?:(?<=this )|(?<=present ))instrument)\b" + _GOODS_NAMED
    + r"[^.;]{0,80}\b(terminated|cancel+ed|terminable|denounced)\b|"
    rf"\b(terminat\w*|cancel\w*|end)\b(?: [\w'’/-]+){{0,3}}? {_THESE_TERMS}|"
    r"\b(until|unless)( sooner| earlier)? (terminated|cancel+ed) by\b|\btermination by (either|any|each) party\b",
    re.IGNORECASE,
)
_MUTUAL = lazy(r"\b(mutual\w*|written agreement|agreement of (both|the) parties)\b", re.IGNORECASE)
_UNILATERAL = lazy(r"\b(either|any|each) party\b", re.IGNORECASE)
_CONDITION = lazy(r"\b(if|should|in the event|whenever|occurrence|event of|in the case|in case|breach\w*|default\w*|insolv\w*|"
                        r"bankrupt\w*|fail(s|ed|ure)?)\b", re.IGNORECASE)
_FOR_CAUSE = lazy(r"\b(for|with) cause\b", re.IGNORECASE)
# "without assigning any reason", "without need to invoke any cause", "without need of invoking any reason": no cause to state
_CUE = lazy(r"\b(with(out)? (any )?(cause|reason|justification|motive|motivation)|for (any|no) reasons?|for (any or no|no or any) reason|"
                  r"without (?:(?:assigning|giving|stating|specifying|providing|invoking|showing|need(?:ing)?|having|to|of|give|state|invoke) ){1,3}"
                  r"(?:any |a )?(?:cause|reasons?|justification|grounds?|motives?|motivation)|"
                  r"convenience|at will)\b", re.IGNORECASE)
_NO_CAUSE = lazy(r"\b(with or without|without (any )?)(cause|reason|justification)\b", re.IGNORECASE)
# "is terminated ... for any reason": something that happened, not a right
_HAPPENED = lazy(r"\b(is|are|was|were|been|becomes?)\s+(?:[\w-]+,?\s+(?:or\s+)?){0,5}?"
                       r"(terminated|cancel+ed|ended|expired|suspended)\b[^.;]{0,40}$", re.IGNORECASE)
# a sentence that opens on its condition: "Where the quantity purchased in any Contract Year is below ..., the Company may
# terminate" ("When the first year has passed, either party may terminate on notice" is a time, not a condition)
_OPENS_WITH_CONDITION = lazy(_NEXT_LEAD + r"where\b", re.IGNORECASE)
_AFTERMATH_LEAD = lazy(
    r"\b(upon|after|following|on|in the event of)( the| any| such| its| an)?( early| earlier)?"
    r"( expiration or| expiry or)? (termination|expiration|expiry)\b",
    re.IGNORECASE,
)
_NOTICE_SIGNAL = lazy(r"\b(notice|notif\w+|at any time|terminable|sole (and absolute )?discretion)\b", re.IGNORECASE)
# where a sentence offers alternatives: "; ", "(a)", "(ii)", "(y)", or a numbered list item on its own line
_ALTERNATIVE = lazy(r";|(?:^|(?<=\s))\((?:[a-z]|[ivx]{1,4})\)\s|\n\s*(?:\d{1,2}(?:\.\s?\d{1,2})*\.?|[a-z][.)])\s")
# an alternative that is a way of terminating: "(b) by either party upon ...", "or at any time upon ..."
_ALTERNATIVE_OPENS = lazy(
    r"^[\s;,]*(?:(?:or|and|and/or)\s+)?(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|\d{1,2}(?:\.\s?\d{1,2})*\.?)?\s*"
    r"(?:by|upon|on|at any time|for|without|with or without|either|any|each|in its)\b",
    re.IGNORECASE,
)


# "this OMA may be terminated", "terminate the MSA": an agreement named by its initials
_ACRONYM_OBJECT = lazy(r"\b(this|the) [A-Z]{2,6}\b[^.;]{0,40}\b(terminated|terminable|cancel+ed)\b|"
                             r"\b(terminat\w*|cancel\w*) (this|the) [A-Z]{2,6}\b")
# the agreement named in the sentence before: "8.1 This contract enters into force on signature. 8.2 Either party may
# terminate it at any time, without need to give reasons", "9.2 Either party may terminate it by registered letter, observing
# the notice period required by Article L.134-11", "may end it on three months' notice"
_IT_AT_ANY_TIME = lazy(r"\b(terminat\w*|cancel\w*|end|denounce) it,?\s+(?:at any time\b|"
                             r"(?:by|on|upon|with|giving|observing|respecting|subject to)\b[^.;:]{0,80}?\bnotice\b)", re.IGNORECASE)
_VERB_WITHOUT_CAUSE = lazy(_VERB + r"\W+(?:\w+\W+){0,2}?(?:with or )?without (?:any )?cause\b", re.IGNORECASE)


# a party's notice of termination, the agreement understood, as civil-law drafting gives it: "Either party may give six months'
# notice of termination", "Either Party may give the other Party written notice of termination of not less than six (6) months"
_PARTY_GIVES_NOTICE = lazy(r"\b(?:either|each|any)\s+party\s+(?:may|can|shall\s+be\s+entitled\s+to|is\s+entitled\s+to)\s+give\b"
                           r"[^.;]{0,80}?\bnotice\s+of\s+termination\b"
                           # of the agreement, not of something else: "notice of termination of a purchase order"
                           r"(?!\s+of\s+(?:an?|any|the|such|each|this|that)\s+(?!agreement\b|contract\b))", re.IGNORECASE)


def _has_object(text: str) -> bool:
    """What is terminated is the agreement (or a part of it), not, say, a sub-agent's appointment."""
    plain = re.sub(r"\s+", " ", _NO_CAUSE.sub("", text).replace(",", ""))  # "terminate, without cause, the Study"
    return bool(_OBJECT.search(plain) or _ACRONYM_OBJECT.search(plain) or _VERB_WITHOUT_CAUSE.search(text)
                or _IT_AT_ANY_TIME.search(plain) or _PARTY_GIVES_NOTICE.search(plain))


def _right(low: str) -> re.Match[str] | None:
    """The first termination right of the (folded) text, once rights that are denied are taken out."""
    for m in _NO_RIGHT.finditer(low):
        if _EXCEPTION.search(m.group("rest")):
            return None  # "may not terminate ... except for cause": restricts every other right
        low = low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
    return _RIGHT.search(low)


def _alternatives(text: str, start: int) -> list[tuple[str, bool, bool]]:
    """The parts of the text after `start` (the right), split at "; " and enumerations; each with
    whether it opens like a way of terminating ("(b) by either party ...") and whether it names
    a termination itself."""
    cuts = [start] + [m.start() for m in _ALTERNATIVE.finditer(text, start)] + [len(text)]
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        part = text[a:b]
        if part.strip(" ;\n"):
            parts.append((part, bool(_ALTERNATIVE_OPENS.match(part)), bool(re.search(_VERB, part, re.IGNORECASE))))
    return parts


def _cue_stands(part: str) -> bool:
    """An explicit no-cause phrase that is not itself inside a condition ("should X end for any
    reason", "the Study is cancelled for any reason") nor next to a for-cause ground."""
    cue = _CUE.search(part)
    if cue is None or _FOR_CAUSE.search(_NO_CAUSE.sub("", part)):
        return False
    before = part[: cue.start()]
    return not (_CONDITION.search(before) or _HAPPENED.search(before) or _AFTERMATH_LEAD.search(before))


_LOST_SPACE = lazy(r"(?<=\d)(?=[A-Z][a-z])")
# renewed, or continued for periods like it ("shall continue from year to year", "continues for successive terms of a year")
_RENEWED_UNLESS = lazy(r"\b(?:(?:renew|extend)\w*|continu\w*\b[^.;]{0,30}?\b(?:(?:year|month|season|period)\s+to\s+(?:year|month|season|period)|"
                             r"for\s+(?:successive|further|subsequent|consecutive)))\b[^.;]{0,80}$", re.IGNORECASE)


# a right to end the agreement only while an opening trial lasts ("during the first six months, designated a period of
# evaluation", "at any time within the Trial Period"): the probation's way out, not a termination for convenience
_DURING_PROBATION = lazy(
    r"\b(?:during|within|in the course of|throughout|before the (?:end|expiry|expiration) of|until the (?:end|expiry|expiration) of)\b"
    r"[^;]{0,120}?\b(?:(?:probation\w*|trial|evaluation|test|testing|introductory|qualifying|proving|pilot)\s+(?:period|phase|stage|term|window|year|season)|"
    r"period of (?:probation|trial|evaluation|testing))\b", re.IGNORECASE)


# a section title that is also about the agreement's term or its ending ("Trial Period and Termination", "Term and Trial
# Period"; not the trial's own "Probationary Term")
_TERM_WORD = lazy(r"\b(?:terminat\w*|duration|expiry|cancel\w*|term\s+(?:and|&))\b", re.IGNORECASE)


# a right both parties have once a trial is over: "After the end of the Trial Period, either party may terminate" (not "At the
# end of the Trial Period the Supplier may terminate", the trial's own close)
_AFTER_TRIAL_EITHER = lazy(r"\b(?:after|following|from)\s+(?:the\s+)?(?:end|expiry|expiration|close|conclusion)\s+of\s+the\s+"
                                 r"(?:[\w-]+\s+){0,2}?(?:trial|probation(?:ary)?|evaluation|test|qualification|assessment)\s+period\s*,?\s+"
                                 r"(?=(?:either|each)\s+party\b)", re.IGNORECASE)


# a list item that is itself a way of ending on notice, among items that are grounds ("Either of us may end this agreement
# early: (a) if the other seriously breaks it ...; (b) if ...; or (c) by giving the other at least three months' written
# notice"; not "(c) by notice within 30 days after a change of control", nor "(c) on notice where the Dealer ...")
_BY_NOTICE_ITEM = lazy(r"^[\s;,]*(?:(?:or|and|and/or)\s+)?(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s*)?"
                       r"(?:by|on|upon|with)\s+(?:giving|serving|sending|delivering|providing)?[^.;:]{0,60}?\bnotice\b", re.IGNORECASE)
_ITEM_CONDITION = lazy(r"\b(?:where|when|whenever|within|after|following|unless|provided)\b", re.IGNORECASE)


def termination_for_convenience(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # a right (may, entitled, terminable...) to end the agreement, not what happens upon a
    # termination; without an explicit no-cause phrase, no cause or condition may be stated.
    # A sentence may offer several ways ("(a) by mutual agreement or (b) by either party on
    # notice"): one that stands on its own is enough.
    text = _LOST_SPACE.sub(" ", text)  # "10.2.1If it is ..." (lost space in a PDF)
    folded = fold(text)
    right = _right(folded)
    if right is None:
        return None
    # a right denied gives no cue to another right the text names ("The right to terminate under this clause 15 is in addition
    # to the rights under clauses 3.3 and 13.2. Neither party may terminate this Agreement for convenience", read as one)
    # (not past a turn to a right granted: "Neither of us may end this agreement in the first year, but after that either of
    # us may terminate it for convenience")
    for m in _NO_RIGHT.finditer(folded):
        if not _TURN_TO_A_RIGHT.search(folded, m.start() + 1, m.end()):
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    if not _has_object(text):
        return None
    lead = text[: right.start()]  # "If X breaches, Y may terminate": the condition governs the right
    if _RENEWED_UNLESS.search(lead) and text[right.start():right.end()].lower().startswith("unless"):
        return None  # "renewed for successive one-year periods unless (and until) terminated ... on notice": a non-renewal notice
    after = _DURING_PROBATION.search(text[right.end():right.end() + 100].split(".")[0])
    if _DURING_PROBATION.search(re.split(r"\.\s", lead)[-1]) or (after and after.start() <= 30):
        return None  # "During the trial period either party may terminate without cause": the probation's exit
    if _PROBATION_NAME.search(unit.heading) and not _TERM_WORD.search(unit.heading):
        return None  # "§ 4 Introductory Season" + "3. Supplier may, by notice given by 31 January, terminate ...": its exit too
    lead = _AFTER_TRIAL_EITHER.sub(" ", lead)  # "After the end of the Trial Period, either party may terminate ... on six months'
    # notice without stating reasons": the ordinary exit from then on, no review's close
    conditioned = bool(_CAUSE.search(lead) or _AFTERMATH_LEAD.search(lead) or _OPENS_WITH_CONDITION.match(lead))
    parts = _alternatives(text, right.start())
    first = parts[0][0].rstrip()
    # "... may terminate upon any of the following:", "... by notice: (i) if ...": the items are the grounds
    governed = (first.endswith(":") and bool(_CAUSE.search(first))) or (
        len(parts) > 1 and bool(re.match(r"^[\s;,]*(?:\(?\w{1,4}\)\s*)?(if|in the event|in case|should|where|when)\b",
                                         _ALTERNATIVE.sub(" ", parts[1][0], count=1), re.IGNORECASE)))
    for n, (part, opens, names) in enumerate(parts):
        if not (n == 0 or opens or (names and not governed)):
            continue
        if _MUTUAL.search(part) and not _UNILATERAL.search(part):
            continue
        if _cue_stands(part):
            if governed and not (opens and (_CUE.search(part[:40]) or _BY_NOTICE_ITEM.match(part))):
                continue  # a ground in a list of grounds, unless the item is "(e) without cause ..." or "(c) by notice for any reason"
        elif (conditioned or (governed and not (n and _BY_NOTICE_ITEM.match(part) and not _ITEM_CONDITION.search(part)))
              or part.rstrip().endswith(":") or not _NOTICE_SIGNAL.search(part)
              or _CAUSE.search(_NO_CONSENT.sub("", part)) or _AFTER_EVENT.search(part)):
            continue  # "... as follows:" introduces the ways, it is not one
        notice = _notice_and_length(part)[0]
        if notice is None:
            notice = _notice_and_length(text)[0]
        return {"notice_days": notice} if notice is not None else {}
    return None


_OFFERING = r"(products?|services?|goods|business(es)?|restaurants?|stores?)"
# an act of dealing in goods, not of buying them
_DEALING = (r"(?:sell|sells|selling|resell|resells|reselling|distribute|distributes|distributing|stock|stocks|stocking|carry|"
            r"carries|carrying|promote|promotes|promoting|handle|handles|handling|offer|offers|offering)")
# "compet..." also inside a word ("noncompeting"); every other alternative starts a word, behind one
# \b: the alternatives are tried only where a word starts (a \b in each cost 1.6x the time)
_COMPETING_OBJECT = lazy(
    r"compet(e|es|ing|itive|itor|itors|ition)\b|\b(?:rival\w*\b|"
    rf"(similar|identical|substitut\w*|comparable|interchangeable)\b[^.;]{{0,25}}\b{_OFFERING}\b|"
    rf"{_OFFERING} (that|which) (are|is|would be) [^.;]{{0,30}}\b(similar|identical|substitut\w*|comparable)\b|"
    # "food products the same as or similar to the type sold in the System", "services substantially similar to those"
    rf"{_OFFERING},?\s+(substantially\s+)?(the\s+same\s+as\s+or\s+similar|similar|identical)\s+to\b|"
    # a rival's line: "another company's golf clubs", "products of any other manufacturer"
    r"(another|any other) (company|manufacturer|maker|brand|label|supplier|producer)['’]s\b|"
    # whatever the goods: "flour or spices of any other brand", "parts made by any other maker"; a deal with a rival maker:
    # "not enter into any co-branding arrangement with any other manufacturer of implant systems"; a fashion or music label's
    # line: "swimwear of any other label", "records from another label" (not "the Products with any other label": a sticker)
    # (also after another word for where goods come from: "pulp of any other origin or producer", "of any other make or brand")
    r"(of|by|for|with),? (another|any other) ([\w-]+ (or|and) )?(brand|make|manufacturer|maker|producer)\b|(another|any other) (brand|make)s? of\b|"
    r"(of|by|from),? (another|any other) label\b|"
    # a maker named by what it is not: "servers or storage of any manufacturer other than Kestreltex"
    r"(of|by),? any (brand|make|manufacturer|maker|producer)s? other than\b|"
    # goods the same as the contract's: "any medicinal product containing the same active substance in the same
    # pharmaceutical form as any Product", "any boots of the same design as the Products" (what is the same is what the goods
    # are: not "at the same prices as the Products", "in the same Facility as a Product")
    r"\bthe same ([\w-]+ )?(substance|ingredient|molecule|compound|formula(tion)?|composition|design|specification|form|"
    r"type|kind|model|category|function|indication)s? as (the|any|a|an|such) ([\w-]+ )?(products?|goods)\b|"
    # or said after the goods, the contract's own kind understood: "goods of the same kind", "articles of a similar type"
    r"(products?|goods|articles|items|merchandise) of (the same|a similar|an identical) (kind|type|nature|category|description)\b|"
    # services for a rival line or dealing in it: "not act for any brand of pet food other than the Products", "not promote
    # any brand of brake pads other than Northshore's brands"
    rf"(?:for|{_DEALING}) any (brand|make|manufacturer|maker|producer)s?\b[^.;]{{0,80}}?\bother than\b|"
    # rival goods named by where they come from, after an act of dealing in them: "not import, distribute or sell pulp from
    # any other producer" (not buying alone, "shall not purchase Goods from any other producer": exclusive purchasing)
    rf"{_DEALING}\b[^.;]{{0,100}}?\bfrom,? (another|any other) ([\w-]+ ){{0,2}}?(brand|make|manufacturer|maker|producer)\b|"
    # goods another producer makes: "paper made by another mill", "gin distilled by any other craft distillery"
    r"(made|produced|manufactured|distilled|brewed|roasted|bottled) by (another|any other)\b|"
    # or by a third party, after an act of dealing in them: "not purchase, stock, promote or resell Safety Footwear manufactured
    # by any third party", "not sell gloves made by third parties" (not buying alone: exclusive purchasing)
    rf"{_DEALING}\b[^.;]{{0,100}}?\b(made|produced|manufactured) by (?:(?:any|a|an)\s+)?third[- ]part(?:y|ies)\b|"
    # "be concerned or interested in the distribution in the Territory of any pet food other than the Products"
    r"(concerned|interested|engaged)\b[^.;]{0,40}?\bin the (distribution|sale|marketing|importation|manufacture)\b[^.;]{0,80}\bother than the\b|"
    rf"{_OFFERING} (made |sold |manufactured )?(of|by) (another|any other) (company|manufacturer|maker|brand|supplier|producer)\b|"
    # another maker's goods: "any cycle made by anyone other than the Maker", "made by or for any person other than"
    r"(sell|resell|distribute|stock|carry|offer|market|promote|import|handle|publish)\b[^.;]{0,100}?"
    r"(made|manufactured|produced|supplied|published|developed|branded) by (or for )?(anyone|anybody|someone|"
    r"(?:any|an?) (person|party|third party|entity|company|manufacturer|producer|maker|supplier|publisher)) (other than|else)\b|"
    # another line of the same goods: "will not carry another Greek olive oil", "not represent any other principal",
    # "shall not, while clause 2 applies, publish in the Region any other puzzle game"
    r"(?:(?<=not )|(?<=n't )|(?<=n’t )|(?<=not, )(?:[^.;,]|\.(?=\d)){0,60}, )(carry|stock|sell|distribute|represent|handle|publish|promote)(?:,? (?:in|within|throughout|into) (?:the )?[\w-]+(?: [\w-]+)?,?)? (another|any other)\b"
    # (not another line passed off as the supplier's: "not represent any other product as being the Issuer's card")
    r"(?! (part|person|party|distributor|dealer|agent|customer|reseller|territor)| (?:[\w-]+ ){1,3}as (?:being )?(?:the|a|an|its|their|our|your)\b)|"
    # goods packed into the partner's own offering, other than the contract's own: "not include in any box sold in the
    # Territory chocolate bars of Peruvian cacao other than the Products", "feature in any bundle teas other than the Goods"
    r"(include|feature|bundle)\w*\s+in\s+(any|its|a|the)\b[^.;]{0,100}?\bother than the (products?|goods)\b|"
    # goods, not customers, places, shares or a party's own line ("any products of Sponsor other than"), other
    # than the contract's own or the maker's: "not publish any game other than the Titles", "not sell any clear aligner
    # system other than Alinea's", "any kettle other than those of the Company"
    r"(sell|distribute|publish|stock|carry|market|promote|import|handle|represent)\b(?:(?!\bproducts\b)[^.;]){0,40}?"
    r"\bany\b(?:(?!\b(customers?|persons?|part(y|ies)|entit(y|ies)|one|dealers?|resellers?|distributors?|agents?|"
    r"retailers?|purchasers?|buyers?|users?|territory|countr(y|ies)|area|region|channel|(trade ?)?marks?|brands?|names?|shares|of)\b)[^.;]){0,60}?"
    r"\bother than (?:the\b|those (?:of|made|supplied|sold|manufactured)\b|[\w&-]+(?: [\w&-]+)?['’]s\b)|"
    # a rival provider's line named by its trade: "connectivity services of any other network operator", "licences from
    # another software vendor"; or business steered to one: "not introduce any merchant to any other payment service provider"
    rf"{_OFFERING} (of|from|supplied by|provided by) (another|any other) ([\w-]+ ){{0,3}}(operator|provider|supplier|vendor|carrier|licensor|principal)s?\b|"
    r"(introduce|refer|divert|steer|direct)\w*\b[^.;]{0,60}?\bto (another|any other) ([\w-]+ ){0,3}(operator|provider|supplier|vendor|carrier|acquirer|principal)s?\b|"
    # a rival rights holder's merchandise in a licence: "caps bearing the crest or marks of any other club", "toys of another
    # sports league", "products for any other national federation" (not "bearing the Licensor's marks")
    r"bearing\s+(the\s+)?(names?|(trade\s?)?marks?|logos?|crests?|emblems?|insignia|badges?)(\s+(or|and)\s+(names?|(trade\s?)?marks?|"
    r"logos?|crests?|emblems?))?\s+of\s+(another|any other)\b|"
    rf"(?:{_OFFERING}|merchandise|toys|apparel|clothing|headwear|souvenirs|items|articles|kits?|jerseys|replicas?)\s+(of|for|from)\s+(another|any other)\s+([\w-]+\s+){{0,3}}?(federation|league|club|team|association)s?\b|"
    # a reseller's rival line named by what it is: "shall not, during the term, offer any other accounting software",
    # "not offer another learning platform to Customers" (not "offer any other discount")
    r"(?:(?<=not )|(?<=not, )(?:[^.;,]|\.(?=\d)){0,60}, )offer\s+(another|any other)\s+([\w-]+\s+){0,3}?(platform|programme|program|"
    r"software|application|app|solution|system|product|title)s?\b|"
    # all of one's business time: "not engage in any other business or activity that may conflict"
    r"(engag\w*|interested|participat\w*|concerned) in any other (trade or )?business\b|"
    # a rival outlet run by the party bound: "be concerned or interested, directly or indirectly, in the operation of any other station"
    r"(engag\w*|interested|participat\w*|concerned)\b[^.;]{0,40}?\bin the (operation|running|management|ownership) of any other\b)",
)
# words that name competition without restraining it; removed before the analyser looks for a competing object
_NOT_COMPETING = lazy(
    r"\bcompetitive(ly)? (harm\w*|price\w*|pricing|quotation\w*|bid\w*|market\w*|conditions|analysis|injury|reasons|rates|"
    r"terms|position|advantage|disadvantage|sensitive|"
    # a dealer statute's words for what the grantor may not change: "substantially change the competitive circumstances"
    r"circumstances)|\b(is|are|be) not competitive|\bunfair competition|\bcompetition (and (consumer|markets) )?(law|act|authorit|commission|tribunal|bureau|rules)\w*|\bcompeten\w+|"
    # another agreement that holds a non-compete: "any noncompete, nondisclosure or similar agreement",
    # "the Non-Competition Agreement", "subject to the covenant not to compete in Section 8.3 of the Purchase Agreement"
    r"\bnon-?\s?compet\w*(,? (and |or )?[\w-]+){0,7},? agreements?\b|"
    # a non-compete denied: "No non-competition obligation is imposed on the Distributor", "shall not be subject to any
    # non-compete covenant", "no obligation not to compete applies" (what the sentence goes on to forbid stays: "...; but it
    # shall not sell competing products")
    r"\b(no|(not|nor)\s+(be\s+)?((bound|subject)\s+(by|to)\s+)?any|without\s+any)\s+([\w-]+\s+){0,2}?non-?\s?compet\w*(\s+(or|and)\s+[\w-]+)?\s+(obligations?|covenants?|"
    r"restrictions?|undertakings?|dut(y|ies)|commitments?|clauses?|restraints?)\b|"
    r"\bno\s+(obligation|covenant|undertaking|duty)\s+not\s+to\s+compete\b|"
    # "this Agreement contains no restriction on competing products", "there is no restraint on competition"
    r"\bno\s+(?:[\w-]+\s+)?(?:restrictions?|restraints?|limitations?|prohibitions?)\s+(?:on|upon|against)\s+(?:the\s+)?"
    r"(?:(?:sale|distribution|marketing)\s+of\s+)?compet\w*(?:\s+(?:products?|goods|brands?|lines?|business\w*|activit\w*))?|"
    r"\b(compliance with|contains?|subject to|breach of|under) (the |its |any |such )?(covenants?|obligations?|agreements?) not to compete\b|"
    r"\bcovenants? not to compete (in|under|of|contained in|set forth in) (section|article|paragraph|clause|the|that|such|any)\b|"
    # a non-compete named only to say none is asked for: "we do not ask for any non-compete", "There is no non-compete
    # clause", "without any non-competition obligation" (the restraint beside it stays: "... but you will not sell other brands";
    # not "no non-compete beyond the following:", one that follows)
    r"(?:\bno|\bwithout(?: any)?|(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+){0,2}?(?:ask|request|requir|want|seek|impos|includ|contain|need|insist)\w*"
    r"(?:\s+(?:for|on|upon))?\s+(?:a|an|any)) non-?\s?compet\w*\b(?: (?:clause|covenant|obligation|undertaking|restriction|provision)s?)?"
    r"(?!,?\s+(?:beyond|other than|except|save|apart from|besides|more)\b)|"
    # a competitor as the one a party may not assign to or be acquired by: a transfer clause, not a restraint
    # (but "not to acquire any interest in a competitor" is one)
    r"\b(assign\w*|transfer\w*|acquir\w*|acquisition|merge[sd]?|merger|control)\b(?:(?!\binterests?\b)[^.;]){0,60}?\bcompetitors?\b|"
    # a motor sport contest, as a warranty exclusion names it: "used in racing or off-road competition", "competition use"
    r"\b(racing|races?|motor ?sports?|off-road|rally(ing)?|rallies|track)(,? (or |and )?[\w-]+){0,2} competitions?\b|"
    r"\bcompetition (use|events?|purposes|vehicles?|driving)\b|\bused (in|for) (any )?(form of )?competitions?\b",
)
# a sentence that only permits competing, or carves an exception out of a restraint
_PERMISSION = lazy(
    r"\b(free (and without restriction )?to|without restriction to|nothing (in|contained in) this agreement|"
    r"shall not be (construed|deemed)|(is|are) not (in any way )?(bound|under|subject|restricted|limited|prevented|prohibited)\b|outside (of )?the territory|"
    # the same leave said of the future: "The Dealer shall not be restricted from selling ...", "will not be prevented from"
    r"(shall|will) not be (in any way )?(restricted|limited|prevented|prohibited|precluded|barred) from\b|"
    r"(expressly )?reserves? (and retains? )?(the|its|all) rights?|no (\w+ )?exclusivity|hereby grants?|"
    r"(will|shall|does|do) not (in any way )?(preclude|prevent|prohibit|restrict|limit)|"
    r"nothing\b[^.;]{0,60}\b(preclude|prevent|prohibit|restrict|limit)s?|"
    # leave to deal in rival goods: "Dealer may sell equipment of other manufacturers, including products that compete",
    # "may distribute other monitors, whether or not they compete" (a "not" that only says either way), "may sell furniture of
    # any other manufacturer", "may continue to sell equipment of other manufacturers"
    # (or in plain words: "You can sell other brands", "You may resell competing resins"; the goods of "third parties")
    r"(?:may|can) (also |continue to |still )?(sell|resell|distribute|market|carry|stock|promote|handle|import|install)\b"
    r"(?:(?!(?<!\bwhether or )\b(?:not|neither|nor|never)\b)[^.;]){0,120}?\b(compet\w*|other (manufacturers?|brands?|makers?|suppliers?|producers?)|"
    r"third[- ]part(?:y|ies)))\b",
)
_REPRESENTATION = lazy(r"\brepresents?(,)? (and|or) warrants?\b")
# a covenant: "shall not", "agrees that ... it will not", "refrain from"
_COVENANT = lazy(
    r"\b(shall|will|may|must|agrees?|covenants?|undertakes?)\b[^.;]{0,120}?\b(not|neither|nor|never)\b|\brefrain\w*\b",
)
_PROHIBITION = lazy(r"\b(not|neither|nor|never|refrain\w*|prohibit\w*)\b")
_FUTURE_COVENANT = lazy(r"\b((shall|will) not|nor (shall|will))\b")
# a promise about the other party's confidential information ("not use it to create a competitive product")
_CONFIDENTIAL_USE = lazy(
    r"\b(use|uses|using|utiliz\w*|utilis\w*|disclos\w*|make use)\b[^.;]{0,40}?\b(confidential|proprietary) information\b|"
    r"\b(confidential|proprietary) information\b[^.;]{0,60}?\b(use|used|utiliz\w*|utilis\w*)\b[^.;]{0,40}?\bcompet",
)


_ACT = (r"(?-i:\b(engag\w*|(?<!its )(?<!their )(?<!his )(?<!her )(?<!your )(?<!our )own|manage|operate|sell|market|distribute|"
        r"promote|commerciali[sz]e|manufacture|develop|produce|import|supply|represent|handle|carry on|open|endorse|franchise|"
        r"(have|hold|acquire) (any )?(direct or indirect )?(interest|equity)|"
        # acting for a rival principal: "not act as general sales agent in the Territory for any other airline" (not "act as
        # agent of the Supplier", a limit of its authority)
        r"act as (?:an? )?(?:[\w-]+ ){0,2}?(?:agent|distributor|representative|dealer|reseller|importer)s?\b[^.;]{0,60}?"
        r"\bfor (?:any |an )?(?:other|another|third)\b|"
        # goods made to sell: "not make, or help anyone else make, dairy cultures for sale" (not "make the Products available")
        r"make\b(?:(?!available\b)[^.;]){0,60}?\bfor (?:re)?sale)\b)")
_COMMERCIAL_ACT = lazy(r"(?:\b(not|neither|nor|never|refrain from)\b|(?<=\w)n['’]t\b)[^.;]{0,70}?" + _ACT, re.IGNORECASE)  # or "won't"
# the act far from the prohibition, past "(either) directly or indirectly" and who or how ("through stock
# ownership, partnership ... or otherwise")
_FAR_ACT = lazy(r"\b(not|neither|nor|never)\b[^.;]{0,80}?\bdirectly\s+or\s+indirectly\b[^.;]{0,140}?" + _ACT, re.IGNORECASE)
# the contract's own products ("the Services", "any Loop-branded Products", "the PRODUCTS"): a resale or use limit, not a restraint
_OWN_PRODUCTS = lazy(
    # ("commercialize the PRODUCTS": the word translations and licences use for selling them)
    r"\b(sell|market|distribute|promote|supply|provide|offer|develop|create|commerciali[sz])\w*(\s+itself|\s+directly)?"
    r"(\s+or\s+(otherwise\s+)?\w+)?,?(\s+directly or indirectly,)?\s+((the|such|any( of the)?)\s+)?"
    r"(?-i:(?:[A-Z][\w&'’-]*\s+){0,3}(?:Products?|Services?|Data|Content|Materials|Software|Technology|Goods|Titles|Books|"
    r"PRODUCTS?|SERVICES?|DATA|CONTENT|MATERIALS|SOFTWARE|TECHNOLOGY|GOODS|TITLES|BOOKS))\b",
    re.IGNORECASE,
)
_NOT_COMPETITION = lazy(
    r"\b(shares?|securities|stock(?! ownership)|confidential\w*|disclos\w*|prospectus|employees?|voting|standstill|trademarks?|marks|"
    r"intellectual property|foregoing|"
    # a sanctions or export-control clause: "shall not sell ... to any person designated under ... sanctions"
    r"sanction\w*|embargo\w*|export controls?)\b",
)
# the act prohibited is someone else's, appointed by the party bound: a grantor keeping its grant exclusive ("shall not
# grant any other person the right to sell the keys in the Territory"), with what else it promises in the sentence ("will not
# appoint another dealer in the Territory, will not sell Units to hospitals in the Territory itself")
_APPOINTS_OTHERS = lazy(r"\b(?:not|nor|neither|never)\b[^.;]{0,40}?\b(?:appoint|authori[sz]e|licen[cs]e|engage|permit|allow|grant)\b"
                              r"[^.;]{0,15}?\b(?:(?:any|an)\s+(?:other|third|additional)|an?\s+(?:further|additional|second)|another|(?:any|some) ?(?:one|body) else)\b|"
                              # or the right it granted given to nobody else: "shall not give the right to trade under that
                              # name, or to sell Goods at the Venue, to any other shop in the Territory"
                              r"\b(?:not|nor|neither|never)\b[^.;]{0,40}?\b(?:grant|give|confer)\w*\s+(?:(?:the|any|such|a|an|that)\s+)?"
                              r"(?:[\w-]+\s+)?rights?\b[^.;]{0,100}?\bto\s+(?:any|an)\s+(?:other|third|additional)\b")
# the supplier's side of an exclusive grant, not a restraint on the distributor: "shall not sell the Goods to any other
# person for import into or resale in the Territory", "we will not sell the Gloves to anyone in the United States except
# you", "shall not supply any customer in the Territory other than the Distributor", "shall not supply the Core Range to any
# other person in the Territory", "We will not sell Boards to anyone else for resale or rental in the territory" (the other
# person one beside the partner there); the goods, with what is like them, named
# before or after the other person: "shall not supply the Formulations, or any formulation substantially similar to any of
# them, to any other person for resale", "shall not manufacture for, or supply to, any other person any pet food made to the
# Recipes, or any pet food of substantially the same composition, for resale in the Territory"
# ("directly or through" only with the others named as the grantor's other channels: "directly or through another
# distributor", "directly or through third parties"; a partner's "not, directly or through an affiliate, market ..." stays)
_SELF_OR_OTHERS = (r"(?:itself,?\s+(?:or|nor|and)\s+(?:through|via|by)|directly,?\s+(?:or|nor)\s+(?:through|via|by)\s+"
                   r"(?:an?other|any\s+other|other|third)\s+(?:[\w-]+\s+)?(?:distributors?|dealers?|agents?|resellers?|importers?|"
                   r"part(?:y|ies)|persons?|representatives?))\b")
_SALE = r"(?:sell|supply|deliver|ship|rent|lease|hire|place|distribute|market)\w*"
_THERE = r"\b(?:in|within|into) the territory\b"
_THE_PARTNER = r"(?:you|the (?:distributor|dealer|importer|agent|reseller|licensee|buyer|purchaser|wholesaler))"
_SUPPLIES_NO_ONE_ELSE = lazy(
    r"\b(?:not|nor|neither|never)\b[^.;]{0,40}?\b(?:sell|supply|deliver|ship)\w*\b[^.;]{0,80}?\bto,? (?:any (?:other|third)\b|any ?(?:one|body) else\b)"
    r"(?:[^.;]{0,120}?\b(?:for|with a view to)\s+(?:the\s+)?(?:import\w*|resale|re-sale|distribution)\b|"
    r"\s+(?:[\w-]+\s+){0,2}?(?:in|within) the territory\b)|"
    r"\b(?:not|nor|neither|never)\b[^.;]{0,40}?\b(?:sell|supply|deliver|ship)\w*\b[^.;]{0,40}?\b(?:anyone|anybody|any (?:\w+ )?"
    r"(?:person|customer|buyer|purchaser|entity|one))\b[^.;]{0,60}?\b(?:except|other than|but|save)\s+(?:to\s+)?"
    rf"{_THE_PARTNER}\b|"
    # or its own sales there, itself or through others, given up: "shall not, during the exclusive appointment, sell, rent or
    # place Machines in the Territory itself or through any third party", "will not, itself or through an agent, sell the
    # Tiles in the Territory", "shall not sell Coolers in the Territory except through the Distributor", "will not sell the
    # Collections to opticians in the Territory, either directly or through another distributor" (a distributor gives
    # up no sales where it is appointed to sell; what it may not sell there is rival goods, read before this)
    rf"\b(?:not|nor|neither|never),?\s+(?:either\s+)?{_SELF_OR_OTHERS}[^.;]{{0,80}}?\b{_SALE}\b[^.;]{{0,80}}?{_THERE}|"
    rf"\b(?:not|nor|neither|never)\b[^.;]{{0,80}}?\b{_SALE}\b[^.;]{{0,80}}?{_THERE},?\s+(?:either\s+)?"
    rf"(?:{_SELF_OR_OTHERS}|(?:except|other than|save|but only)\s+(?:through|via|by|to)\s+{_THE_PARTNER}\b)")
_RESTRAINT_SCOPE = lazy(
    r"\b(during the (term|period|cooperation)|throughout the term|restricted period|post-term|for a period of|"
    # the term said by the agreement's being in force: "While this Agreement is in force", "so long as the appointment
    # remains in effect", "for the duration of this Agreement"
    r"(while|whilst|so long as|as long as) (this|the) (agreement|contract|appointment)( (is|remains|continues|subsists|"
    r"(shall|will) (remain|continue))( to be)? in (force|effect)| subsists)|"
    r"(during|for|throughout) the (duration|currency|life|continuance|subsistence) of (this|the) (agreement|contract|appointment)|"
    r"in the territory|within the territory|anywhere in the world|directly or indirectly|"
    r"(after|following) the (expiration|termination))\b",
)

# goods under a rival brand: "sell sleeping bags under any trade mark other than the Trade Marks" (but "sell
# the Licensed Products under any trade mark other than the Marks" is how to label the contract's own goods)
_OTHER_BRAND = lazy(r"\bunder (?:any other|another) (?:trade ?marks?|brands?|brand names?)\b|"
                          r"\bunder any (?:trade ?marks?|brands?|brand names?) other than\b|"
                          # "shall not stock on the portal any other haircare brand": another brand of the same goods, told in
                          # up to six words ("any other \"clean\" or mineral sunscreen brand", "not stock, in any of your Stores,
                          # frames from another independent Danish or other Scandinavian design brand")
                          r"\b(?:sell|market|distribute|carry|stock|offer|promote|represent|list)\w*\b[^.;]{0,40}?\bany other "
                          r"(?:[\"“‘']?[\w-]+[\"”’']?,?\s+){0,6}?brands?\b|"
                          r"\bnot\s+(?:[\w-]+\s+){0,2}?(?:sell|market|distribute|carry|stock|offer|promote|represent|list)\w*\b[^.;]{0,60}?"
                          r"\banother\s+(?:[\"“‘']?[\w-]+[\"”’']?,?\s+){0,6}?brands?\b|"
                          # its own brand on a rival's goods (private label): "not place its name or marks on any implant
                          # system other than the Products", "not affix its own label to any coffee other than"
                          r"\b(?:place|put|affix|apply)\w*\s+(?:its|their)\s+(?:own\s+)?(?:names?|(?:trade ?)?marks?|brands?|labels?|logos?)"
                          r"(?:\s+(?:or|and)\s+(?:names?|(?:trade ?)?marks?|brands?|labels?|logos?))?\s+(?:on|to)\s+any\b[^.;]{0,60}?\bother than\b")
# the goods of other makers after the prohibition: "not sell accordions of other makers", "not act as agent for other German
# knife makers", "not sell fans from other manufacturers", one of them with "any", and the principals an agent serves in
# transport and travel: "shall not, during the term, act as sales representative for any other carrier or NVOCC" (not "may
# resell parts of other makers, provided it does not ...", nor "shall not purchase Goods from other producers")
_OTHER_MAKERS = lazy(r"\bnot\b(?:(?!\bmay\b)[^.;]){0,150}?\b(?:(?:of|by|for),?|" + _DEALING + r"\b[^.;]{0,100}?\bfrom)"
                           r" (?:(?:any )?other|another) (?:[\w-]+ (?:or |and )?){0,4}?(?:brands|makes|(?:manufacturer|maker|producer|"
                           # "principal" as a word of its own: "any other company whose principal business is ..." is none;
                           # the goods of another marketer or grower: "any club apple variety supplied by another marketer"
                           r"principal|marketer|grower|carrier|airline|insurer|"
                           # a rival named by the trade that makes the goods: "cotton yarn of any other spinning mill", "blended
                           # yarns of any other spinner", "leather of any other tannery", "beer brewed for any other brewery"
                           r"(?:spinning |weaving |textile |paper |steel |flour )?mill|spinner|weaver|knitter|tanner|tannery|"
                           r"brewer|brewery|distiller|distillery|winery|roaster|refiner|refinery|foundry)s?)\b"
                           r"(?! (?:business|place|office|activit|purpose|amount)\w*)")
_CARVE_OUT = lazy(r"\b(?:save|provided|except)(?:,? however,?)? that nothing\b")
# a supplier's exclusive supply: "shall supply the Goods exclusively to the Dealer and shall not sell them, or anything
# like them, to any other dealer" restrains whom it sells to, the exclusivity it grants, not a competition
_EXCLUSIVE_SUPPLY = lazy(r"\b(?:(?:supply|supplies|sell|sells|deliver|delivers)\b[^.;]{0,60}?\bexclusively to\b[^.;]*?|"
                               # the supplier's promise alone: "Brewer shall not sell the Brands, directly or through its
                               # importer, to any other wholesaler for resale in the Territory" (its own goods, not rival or
                               # similar ones: "shall not sell products similar to the Pumps to any other person" is a restraint)
                               r"\bnot (?:supply|sell|deliver)\b(?:(?!compet|rival|similar|like\b|substitut|equivalent|other)[^.;]){0,60}?)"
                               r"\bto any other (?:retailer|wholesaler|dealer|distributor|customer|buyer|purchaser|reseller|person)s?\b")
# the supplier's own sales held back where the partner is exclusive, like goods included: "Supplier shall not sell to any casket
# manufacturer in the Territory any casket hardware of the same or substantially similar design as the Products",
# "Manufacturer will not supply goods similar to the Products to any other customer in the Territory": its side of the grant,
# not a restraint on competing (the partner bound stays: "Distributor shall not sell any hardware of similar design")
_SUPPLIER_HOLDS_BACK = lazy(rf"(?:^|[.;:]\s)\W*(?:(?:section|clause|article)\s+)?(?:[\d.()]{{1,8}}\s+|\(?[a-z]\)\s+)?(?:the\s+)?"
                                  rf"(?:{_SUPPLIER_WORDS})\s+(?:shall|will|must|agrees\s+(?:that\s+it\s+will|to)|undertakes\s+to)\s+not\b"
                                  rf"[^.;]{{0,40}}?\b(?:sell|supply|deliver|offer)\w*\b[^.;]{{0,100}}?{_THERE}")
# leave to deal in rival goods, with a proviso that forbids some of them all the same: "Distributor may sell products of other
# manufacturers, provided that it shall not, during the term, sell any audiometer that competes directly with the Products"
# (not a proviso on how: "may resell competing resins, as long as you don't represent them as ours")
_LEAVE_PROVISO = lazy(r"\b(?:provided(?:,?\s+however,?)?\s+that|save\s+that|except\s+that|as\s+long\s+as|so\s+long\s+as|on\s+condition\s+that)\b")
_NON_COMPETE_HEADING = lazy(r"\bnon-?\s?compet\w*|\bcompetitive (activit|business)\w*|\brestrictive covenants?\b",
                                  re.IGNORECASE)


# The non-compete's regexes read the folded text (caseless.fold). Before a regex that seldom
# matches, a word every match holds ("represent", "information", "directly") is looked up: a
# substring test costs a fraction of the regex's scan of a sentence that does not hold it. Every
# alternative of _NOT_COMPETING holds "compet" (nine sentences in ten do not), every way of naming
# a competing object one of these words (half the sentences hold none; "else" for "controllers made by anyone else"):
_OBJECT_WORDS = ("compet", "rival", "similar", "identical", "substitut", "comparable", "interchangeable", "other", "else", "same",
                 "third")  # "third": goods "manufactured by any third party"
# every alternative of _COMPETING_OBJECT one of these: "other" only in "another", "any other", "other than" (half the
# sentences that hold "other" say "the other party" or "otherwise", and its scan of them cost as much as all the rest)
_COMPETING_WORDS = (*(w for w in _OBJECT_WORDS if w != "other"), "another", "any other", "other than")


def _permits(low: str) -> bool:
    """Only a permission or an exception: "is free to compete", "nothing in this Agreement prevents ...".
    A carve-out after the covenant ("shall not compete ...; provided that nothing ...") leaves the covenant."""
    m = _PERMISSION.search(low)
    if m and not _COVENANT.search(low, 0, m.start()):
        return True
    # "X represents that it is not bound by any non-compete" is no restraint; "represents that he will not" is
    return "represent" in low and bool(_REPRESENTATION.search(low)) and not _FUTURE_COVENANT.search(low)


def _proviso_restrains(low: str) -> bool:
    """A permission to compete whose proviso forbids a dealing in competing goods all the same."""
    m = _PERMISSION.search(low)
    proviso = _LEAVE_PROVISO.search(low, m.end()) if m else None
    if proviso is None:
        return False
    tail = low[proviso.end():]
    return (bool(_COMMERCIAL_ACT.search(tail)) and any(w in tail for w in _COMPETING_WORDS)
            and bool(_COMPETING_OBJECT.search(tail)))


def _restrains(plain: str, low: str, heading: str) -> bool:
    """A prohibited commercial act for a time or a place, not one about shares, confidential
    information or the contract's own products (each test read only when the ones before pass; the
    cheapest first)."""
    # under a "Non-Competition" heading a prohibition needs no time or place to be a restraint
    if not (_RESTRAINT_SCOPE.search(low) or _NON_COMPETE_HEADING.search(heading)):
        return False
    if not (_COMMERCIAL_ACT.search(plain) or ("directly" in low and _FAR_ACT.search(plain))):
        return False
    if _APPOINTS_OTHERS.search(low) or _SUPPLIES_NO_ONE_ELSE.search(low):
        return False  # "shall not authorise any other publisher to represent the Works": the grant kept, not a restraint
    carve_out = _CARVE_OUT.search(low)  # "..., save that nothing prevents holding 3% of listed shares"
    return (not _NOT_COMPETITION.search(low, 0, carve_out.start() if carve_out else len(low))
            and not _OWN_PRODUCTS.search(plain))


def _without(pattern: re.Pattern[str], text: str, low: str) -> tuple[str, str]:
    """`text` and `low` (its fold) without what `pattern` finds in `low`."""
    cuts = [m.span() for m in pattern.finditer(low)]
    if not cuts:
        return text, low
    keep = list(zip([0] + [e for _, e in cuts], [s for s, _ in cuts] + [len(text)], strict=True))
    return "".join(text[s:e] for s, e in keep), "".join(low[s:e] for s, e in keep)


# a duty denied, not an act prohibited: "shall not constitute an obligation of the Distributor to purchase or sell any
# quantity", "is not obliged to sell", "shall be under no duty to stock" (read on caseless.fold(text); a prohibition beside
# it stays: "is not obliged to buy the Goods and shall not sell competing goods")
_NO_DUTY = lazy(r"\b(?:not|nor|never|no)\b[^.;]{0,30}?\b(?:obligations?|obliged|obligated|bound|required|duty|duties|commitments?)\b"
                      r"[^.;]{0,50}?\bto\s+(?:[\w-]+\s+){0,3}?(?:purchase|buy|sell|order|stock|carry|market|distribute|promote)\b"
                      r"(?:\s+(?:or|and)\s+\w+)?")
_DUTY_WORDS = ("oblig", "bound", "required", "dut", "commitment")
# a claim made about rival goods, not a dealing in them: "shall not represent competing products as being equivalent to or a
# substitute for any Rigi product", "not describe other makers' goods as identical to the Products", "not pass off any other
# brand as genuine Products", "not represent that competing products are approved by the Supplier" (read on caseless.fold;
# the dealing beside it stays: "shall not sell competing products, nor represent them as equivalent"; and so does acting for a
# rival, "not represent competing products as agent")
_MISREPRESENTED = lazy(r"\b(?:(?:re)?present|describ|pass|label|hold|claim|advertis|portray)\w*(?:\s+off|\s+out)?"
                             # the goods, then what they are said to be; or what is said of them ("represent that ... are")
                             r"(?:\s+(?:(?!\bthat\b)[^.;,]){1,80}?\b(?:as|to\s+be)|\s+that\s+(?:(?!\bthat\b)[^.;,]){1,60}?\b(?:is|are|were|was))"
                             r"\s+(?:being\s+)?(?:(?:an?|the)\s+)?"
                             r"(?:equivalent|identical|interchangeable|substitut\w*|the\s+same\s+as|genuine|original|authentic|approved|"
                             r"endorsed|comparable|compatible|(?:made|manufactured|produced)\s+by|(?:[\w-]+\s+)?products?\s+of)\b"
                             # and what they are said to be like, to the next promise ("..., and shall not sell ...")
                             r"(?:(?!,?\s+(?:nor|(?:and|or|but)\s+(?:shall|will|must|may|not|never))\b)[^.;])*")
_CLAIM_WORDS = ("present", "describ", "pass", "label", "hold", "claim", "advertis", "portray")
# giving rival goods more room than the goods, in either order of words (below)
_GIVE = r"\b(?:give|gives|giving|allow|allocat\w*|afford\w*|grant)\s+"
_MORE_ROOM = (r"(?:more|greater|better|larger|bigger|wider|higher)\s+(?:shelf[- ]?space|space|prominence|visibility|exposure|"
              r"placement|facings?|display\s+space)")
# where rival goods are shown, not whether they are dealt in: "do not show a competing brand on the same stand as the Fleet
# Products at trade fairs", "shall not display competing products alongside the Products", "not exhibit other brands in the
# same booth" (read on caseless.fold; "not show or sell competing products in the Territory" stays)
_SHOWN_APART = lazy(r"\b(?:show|display|exhibit|showcas|merchandis)\w*\s+(?:(?!\b(?:sell|resell|distribute|stock|carry|market|"
                          r"promote|import)\b)[^.;]){0,60}?\b(?:compet\w*|rival\w*|other)\b[^.;]{0,40}?"
                          r"\b(?:(?:on|at|in|within)\s+the\s+same\s+(?:stand|booth|shelf|shelves|display|page|space|counter|window|area|table)s?|"
                          r"(?:alongside|next\s+to|beside|adjacent\s+to|together\s+with)\s+(?:the|our|its)\s+(?:[\w-]+\s+){0,2}?(?:products?|goods)"
                          r")\b(?:(?!,?\s+(?:nor|(?:and|or|but)\s+(?:shall|will|must|may|not|never))\b)[^.;])*|"
                          # kept apart from rival goods: "will keep ClearBite demonstration equipment separate from competing
                          # equipment at trade shows"; or given no more room than the goods: "do not give any competing brand
                          # more shelf space than ZEEWIND in the Stores", "not allocate more facings to other brands than to the
                          # Products" (not "not sell competing brands, nor give them more shelf space ...", whose sale stays)
                          r"(?:\b(?:keep|keeps|kept|place|places|placed|store|stores|stored|position|positions|positioned)\s+"
                          r"(?:(?!\b(?:sell|resell|distribute|stock|carry|market|promote|import)\b)[^.;]){0,60}?\b(?:separate|separately|apart)\s+"
                          r"from\s+(?:(?:the|any|all)\s+)?(?:compet\w*|rival\w*|other)\b|"
                          rf"{_GIVE}(?:(?:any|a|the|such)\s+)?(?:compet\w*|rival\w*|other)\s+"
                          rf"(?:[\w-]+\s+){{0,2}}?{_MORE_ROOM}\b[^.;]{{0,60}}?\bthan\b|"
                          rf"{_GIVE}{_MORE_ROOM}\s+to\s+"
                          r"(?:(?:any|a|the|such)\s+)?(?:compet\w*|rival\w*|other)\b[^.;]{0,60}?\bthan\b)"
                          r"(?:(?!,?\s+(?:nor|(?:and|or|but)\s+(?:shall|will|must|may|not|never))\b)[^.;])*")
_SHOW_WORDS = ("show", "display", "exhibit", "merchandis", "separate", "apart", "space", "prominen", "visib", "exposure",
               "placement", "facing")


# the answer a plain-language agreement gives its own question: "Not while you are our exclusive reseller.", "No."
_NO_ANSWER = lazy(r"\s*(?:no\b|not\b(?!\s+applicable)|never\b)", re.IGNORECASE)


def non_compete(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    # a bare prohibition ("shall not sell ...") is a non-compete when it names competing or
    # similar products or businesses, or restrains a commercial activity for a time or a place
    if all(h.kind == "answer" for h in hits):  # under "Can you sell competing products?"
        return _non_compete_months(text) if _NO_ANSWER.match(text) else None
    plain, low = text, fold(text)
    if "compet" in low:
        plain, low = _without(_NOT_COMPETING, plain, low)
    if any(w in low for w in _DUTY_WORDS):
        plain, low = _without(_NO_DUTY, plain, low)
    if any(w in low for w in _CLAIM_WORDS):
        plain, low = _without(_MISREPRESENTED, plain, low)
    if any(w in low for w in _SHOW_WORDS):
        plain, low = _without(_SHOWN_APART, plain, low)
    if (_permits(low) and not _proviso_restrains(low)) or ("information" in low and _CONFIDENTIAL_USE.search(low)):
        return None
    if (_RECITAL.match(text) or _RECITALS_HEADING.search(unit.heading) or _EXCLUSIVE_SUPPLY.search(low)
            or _SUPPLIER_HOLDS_BACK.search(low)):
        return None  # the background to the deal ("Buyer requires that no competitor gets the part"); a supplier's exclusive supply
    if all(h.kind == "object" for h in hits) and not _PROHIBITION.search(low):
        return None  # "products that compete with the Products" with nothing prohibited
    competing = any(w in low for w in _OBJECT_WORDS) and bool(
        (any(w in low for w in _COMPETING_WORDS) and _COMPETING_OBJECT.search(low)) or _OTHER_MAKERS.search(low)
        or (_OTHER_BRAND.search(low) and not _OWN_PRODUCTS.search(plain)))
    if any(h.kind == "compete" for h in hits):
        if not competing:
            return None  # "competitive harm", "competent court": no competing left
    elif not (competing or _restrains(plain, low, unit.heading)):
        return None
    return _non_compete_months(text)


def _non_compete_months(text: str) -> dict[str, Any]:
    months = _first_months(text, minimum=1)
    return {} if months is None else {"duration_months": months}


# what may come before a section title: "14.", "Section 9.2", "ARTICLE XII -", "(c)", a table row's "| 4.4 |"
_TITLE_LEAD = lazy(r"[\s\W]*(?:(?:section|article|clause)\s+)?(?:[\dIVXivx]+(?:\.\d+)*|\(?[a-z]\)|[a-z]\.)?[\s.:)|\-–—]*$", re.IGNORECASE)


_DEMONYMS = {
    "english": "England and Wales", "scots": "Scotland", "scottish": "Scotland", "irish": "Ireland",
    "french": "France", "german": "Germany", "swiss": "Switzerland", "austrian": "Austria", "swedish": "Sweden",
    "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "dutch": "the Netherlands",
    "belgian": "Belgium", "luxembourg": "Luxembourg", "italian": "Italy", "spanish": "Spain",
    "portuguese": "Portugal", "polish": "Poland", "japanese": "Japan", "chinese": "China", "indian": "India",
    "mexican": "Mexico", "brazilian": "Brazil", "canadian": "Canada", "australian": "Australia",
    "singapore": "Singapore", "israeli": "Israel", "korean": "Korea", "hong kong": "Hong Kong",
}
_LAW_KIND = r"(?i:(?:substantive|internal|domestic|material|governing)\s+)?"  # "Swiss substantive law", "German domestic law"
_NATIONAL_LAW = lazy(r"\b(" + "|".join(_DEMONYMS) + r")\s+" + _LAW_KIND + r"law\b", re.IGNORECASE)
# the country's own name before "law": "governed by New Zealand law", "Kenya law applies"
_COUNTRY_LAW = lazy(rf"(?<![\w.])({COUNTRIES})\s+{_LAW_KIND}(?i:law)\b")


def governing_law(text: str, unit: Unit, hits: Sequence[Hit]) -> dict[str, Any] | None:
    m = _GOVERNING.search(text)
    if m is None and all(h.kind == "heading" and not _TITLE_LEAD.match(text[:max(0, h.start - unit.start)])
                         for h in hits):
        return None  # "comply with all applicable law.": the words of a title, not at a title's place
    if m is None and (named := _NATIONAL_LAW.search(text)):
        return {"jurisdiction": _DEMONYMS[named.group(1).lower()]}  # "governed by English law"
    if m is None and (country := _COUNTRY_LAW.search(text)):
        return {"jurisdiction": country.group(1)}
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
# The types whose condition and consequence are often stated apart: a unit of these types that its analyser turns down
# is read again with the lead-in of the list it is an item of ("Brewer may terminate this Agreement only for good cause.
# Each of the following is good cause:" + "(a) Wholesaler fails to achieve the Performance Standards ...") and the first of
# the next two sentences of its paragraph that goes on from it (GOES_ON_FROM_A_MISS), with the list that one leads into;
# a termination right too: "Either of us may end this agreement early:" + "(c) by giving the other three months' notice for
# any reason" (the item alone names no right)
READ_WITH_ITS_CLAUSE = frozenset({ClauseType.performance_trigger, ClauseType.termination_for_convenience})
# ... but not a unit that says its miss is no such ground, the lead-in's list of grounds it follows read with it ("Good cause
# includes in particular:" + "(i) a material breach ..." + "(b) A shortfall against the quarterly minimum quantity is not
# good cause", "A failure to reach the Target shall not constitute a ground for termination"; not "... is not good cause
# unless it exceeds 20%")
NO_GROUND = lazy(r"\b(?:is|are|shall|will|does|do)\s+not\s+(?:in\s+itself\s+|of\s+itself\s+|by\s+itself\s+)?"
                 r"(?:be\s+|constitute\s+|amount\s+to\s+|give\s+rise\s+to\s+)?(?:deemed\s+(?:to\s+be\s+)?|treated\s+as\s+|considered\s+)?"
                 r"(?:(?:an?|any)\s+)?(?:valid\s+|good\s+|sufficient\s+|just\s+|important\s+)?(?:cause|grounds?|reason)\b"
                 r"(?![^.;]*\b(?:unless|except|save|if|other\s+than|provided)\b)", re.IGNORECASE)
# a sentence that goes on from a missed target: the miss still uncured after a notice ("... the Supplier shall notify the
# Distributor. If the Distributor does not cure the shortfall within sixty days, the Supplier may terminate"; "If the Agency
# has not restored performance to the required level ..., the Manufacturer may either:" + (a) ..., (b) ...; "Unless the
# shortfall is made up ...", "If the failure continues ..."), not a later word on the shortfall ("Neither the shortfall nor
# ... shall give any right to terminate", "Payment of the fee is the sole remedy for the shortfall")
_CURE = r"(?:cur(?:e|es|ed|ing)|remed(?:y|ies|ied|ying)|rectif(?:y|ies|ied|ying)|restor(?:e|es|ed|ing)|(?:make|makes|made) (?:good|up))\b"
# a time given to cure a missed volume, the duty a later "If the Distributor does not do so" points back at: "has ninety (90)
# days after a Performance Notice to bring Net Sales ... back to at least the level of the preceding year", "shall remedy the
# shortfall within the next Quarter", "must restore its purchases to the Minimum", "bring its purchases up to the Target" (not
# "to remedy the breach", "to cure any failure to pay")
_MISSED_MEASURE = (r"(?:shortfalls?|declines?|under-?performance|deficienc(?:y|ies)|(?:net\s+)?sales|purchases|turnover|volumes?|"
                   r"revenues?|targets?|minimums?|quotas?)\b")
CURES_A_MISS = lazy(r"\b" + _CURE + r"\s+(?:[\w'’-]+\s+){0,3}?" + _MISSED_MEASURE + "|"
                          r"\bbr(?:ing|ings|ought)\s+(?:[\w'’-]+\s+){0,3}?" + _MISSED_MEASURE
                          + r"(?:[^.;]|\.(?=\d)){0,60}?\b(?:back|up)\s+to\b", re.IGNORECASE)
GOES_ON_FROM_A_MISS = lazy(
    r"\b(?:if|where|should|in the event)\b(?:[^.;]|\.(?=\d)){0,120}?(?:\b(?:not|fails? to|failed to)\s+(?:\w+\s+){0,2}?" + _CURE + "|"
    r"\b(?:shortfall|failure|deficiency|underperformance)\s+(?:is not|has not been|continues|persists|remains|recurs)\b)|"
    r"\bunless\b(?:[^.;]|\.(?=\d)){0,80}?\b" + _CURE, re.IGNORECASE)


# Checks of the text around a unit (300 characters before, the unit's text, 300 after) that take back
# what its analyser accepted: (before, own, following) -> True when the clause is undone
CONTEXT = 300


def _after_consequences_elsewhere(before: str, own: str, following: str) -> bool:
    """Whether a performance trigger's unit follows, in its paragraph, a sentence that says another clause holds the only
    consequences of a shortfall (_CONSEQUENCES_ELSEWHERE: "Article 5.3 sets out the only consequences of a shortfall. A
    failure ... does not entitle Kattegatt to terminate ..., or to reduce the Territory"), or opens with one that ends
    there ("...; termination is not among them"): what it says of terminating or narrowing is what the miss does not lead
    to. Not when that sentence names the consequence itself ("Termination under clause 14.2 is the only remedy for a
    shortfall"), nor when a colon goes on to state it. For an item of a list, `before` ends with the list's lead-in
    ("Clause 3.3 sets out the only consequences of a failure ... The Manufacturer shall not be entitled, by reason of any
    such failure:" before "(b) to convert the appointment into a non-exclusive appointment"; see detect._context_before)."""
    for text, own_unit in ((before.rsplit("\n", 1)[-1], False), (own, True)):
        elsewhere = _CONSEQUENCES_ELSEWHERE.search(text)
        if elsewhere and _consequence(elsewhere.group(0)) is None and (
                not own_unit or re.match(r"[^.;:]*[.;]", text[elsewhere.end():])):
            return True
    return False


# the right a miss gives said plainly to leave the exclusive part alone: "This right concerns Peru only and does not apply to
# the Exclusive Territory", "The Supplier's right under this clause applies to the Non-Exclusive Products only"
_EXCLUSIVE_PART_SPARED = lazy(r"\b(?:does|do|shall|will)\s+not\s+apply\s+to\s+(?:the\s+)?exclusive\s+(?:[\w-]+\s+){0,2}?"
                                    + DEAL_PART, re.IGNORECASE)


def _for_non_exclusive_part(before: str, own: str, following: str) -> bool:
    """Whether a performance trigger's sentence, or the next one in its paragraph, says the right it gives applies to the
    non-exclusive territory or line only (_NON_EXCLUSIVE_PART_ONLY) or not to the exclusive one: it protects no exclusive
    grant. Or whether its paragraph puts the only consequences elsewhere (_after_consequences_elsewhere)."""
    after = re.split(r"(?<=[.!?])\s+", following.split("\n", 1)[0], maxsplit=1)[0]
    return (any(_NON_EXCLUSIVE_PART_ONLY.search(t) or _EXCLUSIVE_PART_SPARED.search(t) for t in (own, after))
            or _after_consequences_elsewhere(before, own, following))


# a right open only until a date or for days after a period ends: "by written notice given no later than 31 January 2028",
# "on or before the end of", "within fifteen (15) days after the end of"
_ONE_WINDOW = lazy(r"\b(?i:(?:no|not) later than|on or before|by)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b|"
                         r"(?i:the\s+(?:end|expiry|expiration|close|last day))\b)|"
                         r"(?i:\bwithin\s+[\w()\s]{1,20}?\bdays?\s+(?:after|following|of)\s+(?:the\s+)?(?:end|expiry|expiration|close))\b")


def _trial_exit(before: str, own: str, following: str) -> bool:
    """Whether a termination for convenience is open only for a window (_ONE_WINDOW) and follows a sentence that names a
    trial ("4.1 The Introductory Season is a trial period. 4.2 Supplier may, by notice given no later than 31 January 2028,
    terminate this Agreement without stating reasons"): the trial's exit, as one under the trial's title is."""
    previous = re.split(r"(?<=[.!?])\s+", before.rstrip())[-1]
    return bool(_PROBATION_NAME.search(previous) and _ONE_WINDOW.search(own))


UNDONE_BY_CONTEXT: dict[ClauseType, Callable[[str, str, str], bool]] = {
    ClauseType.minimum_commitment: undone_by_context,
    ClauseType.performance_trigger: _for_non_exclusive_part,
    ClauseType.termination_for_convenience: _trial_exit,
}
# ... and, for a list item, by the lead-in of its list (text, unit, hits, lead-in): "The Distributor shall:" + "(e) participate
# in at least two cycling events each year" is no minimum
UNDONE_BY_LEAD_IN: dict[ClauseType, Callable[[str, Unit, Sequence[Hit], str], bool]] = {
    ClauseType.minimum_commitment: partner_events_only,
}


# a probation that names its period by a defined term: "At the end of the Launch Period the Supplier may end the exclusivity"
# (a "Settling-In Term", an "Interim Appointment", an "Introductory Trial", a "Market Evaluation"; not the agreement's own
# "Initial Term", nor the article of a sentence's first word: "The Field Trial Phase tests ..." names the "Field Trial Phase")
_PERIOD_TERM = lazy(r"\b((?:(?!(?:Initial|Renewal|Extended|Extension|Additional|Original|Contract|Agreement) Term)"
                          r"(?!(?:Contract|Calendar|Financial|Fiscal) Quarter)"
                          r"(?!(?:The|This|That|Each|Any|A|An) )[A-Z][\w-]*\s+){1,3}"
                          r"(?:Period|Phase|Window|Stage|Quarters?|Months|Season|Sprint|Interval|Term|Appointment|Trial|Probation|"
                          r"Evaluation))\b")
# a date the contract defines, on which a trial ends: "exclusivity shall be confirmed only if, on the Confirmation Date, ...",
# "if the First Milestone has not been reached by the Milestone Deadline, ... withdraw the exclusivity"
# (not the date the contract starts on)
_DATE_TERM = lazy(r"\b((?:(?!(?:Effective|Commencement|Start|Signature|Execution|Closing|Agreement|Contract)\b)[A-Z][\w-]*\s+){1,2}"
                        r"(?:Date|Deadline))\b")
# a period stated in a key-terms schedule: "The period stated in Item 6 of the Schedule ... is the Review Period"
_ITEM = lazy(r"\bItem\s+(\d+)\b")


def _item_lines(clause_text: str, text: str) -> Iterator[str]:
    """The schedule lines of the items a clause points to: "Item 6 - Review Period: the first six (6) months", or a
    key-details table row numbered as the item ("| 8. Non-renewal notice | Sixty (60) days before ... |")."""
    for item in dict.fromkeys(m.group(1) for m in _ITEM.finditer(clause_text)):
        line = re.search(rf"^[ \t|*-]*Item\s+{item}\b.*$|^[ \t]*\|[ \t]*{item}\.?[ \t]+[^|\n]*\|.*$", text, re.MULTILINE)
        if line:
            yield line.group(0)


def _definitions(clause_text: str, text: str) -> Iterator[str]:
    """The schedule lines and the defining sentences of the items and periods a clause names."""
    yield from _item_lines(clause_text, text)
    for name in dict.fromkeys(m.group(1) for pattern in (_PERIOD_TERM, _DATE_TERM) for m in pattern.finditer(clause_text)):
        # a key-terms table row ("| 7. Pilot Season | The first five (5) months |"); a "Season: the period from 1 October
        # ..." line of a definitions list only for a period the clause names as itself ("The Initial Period is a trial
        # period" + "Initial Period: the period of three (3) months ..."), not one it counts, whose unit the line may
        # define ("The first Agricultural Season ... shall be a proving season")
        counted = re.search(rf"\b(?:first|second|each|every|any|one|two|three|\d+|\(\d+\))\s+{re.escape(name)}", clause_text,
                            re.IGNORECASE)
        sentence = _defining_sentence(name, text) or _key_terms_row(name, text, table_only=bool(counted))
        if sentence:
            yield sentence


def _key_terms_row(name: str, text: str, table_only: bool = False) -> str:
    """The key-terms table row or (unless `table_only`) heads-of-terms line labelled with the name ("| 7. Pilot Season |
    The first five (5) months |", "Further Term: one term of 4 years"), or a schedule's item set out in aligned columns
    ("Item 5   Further Term     Twenty-four (24) months (see clause 12.2)", or "Item 5 Further Term Twenty-four (24)
    months" as a Word or PDF copy of it reads); '' if none is."""
    named = re.escape(name)
    if table_only:
        label = rf"[ \t]*\|[ \t]*(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?[ \t]+)?{named}[ \t]*\|"
    else:  # after an item's number the name needs no column gap: a Word or PDF copy keeps one space ("Item 5 Further Term Two years")
        label = (rf"[ \t|]*(?:Item[ \t]+\d{{1,2}}[a-z]?[ \t]*[-–—.:]?[ \t]+{named}(?:[ \t]*[|:]|[ \t]+(?=\S))|"
                 rf"(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?[ \t]+)?{named}(?:[ \t]*[|:]|[ \t]*\t[ \t]*(?=\S)| {{2,}}(?=\S)))")
    row = re.search(rf"^{label}.*$", text, re.MULTILINE)
    return row.group(0) if row else ""


# the opening one of a period the contract counts in, named: "the first Contract Year", "the First Season" (not the agreement's
# own "Initial Term")
_FIRST_NAMED = lazy(r"\b(?i:first|opening)\s+(?:[A-Z][\w-]*\s+){0,2}(?:Year|Season|Quarter|Half-Year|Semester|Month|Period)\b")
# what follows a name up to the bracket or the clause it closes, a figure's brackets kept: ', which is a period of ninety (90) days'
_CLOSE_OF_NAME = lazy(r"(?:[^();.\n]|\(\d+\)|\.(?=\d))*")


def _first_named_months(clause_text: str, text: str) -> int | float | None:
    """The length the document gives the opening period a probation names, where it defines that one apart: the trial
    "The first Contract Year is a trial year" where '"Contract Year" means the period from the Effective Date to 31 March
    2027 (the "first Contract Year", which is a period of ninety (90) days) and each period of twelve (12) months ...' (read
    up to the bracket or clause its name closes) or '"First Season" means the period from the Effective Date to ...'; None
    when the clause, less that definition, states a length of its own."""
    for m in _FIRST_NAMED.finditer(clause_text):
        quoted = re.search(rf"[\"“]{re.escape(m.group(0))}[\"”]", text, re.IGNORECASE)
        if quoted is None:
            continue
        start, end = _sentence_bounds(text, quoted.start(), quoted.end(), (". ", "\n"))
        if durations(clause_text.replace(text[start:end], " ")):
            return None
        piece = text[start:_matched(_CLOSE_OF_NAME, text, quoted.end()).end()]
        if (months := _probation_period(piece)[0] or _dated_months(piece, text)) is not None:
            return months
    return None


def _probation_from_definition(clauses: list[Clause], text: str) -> None:
    """A probation clause without a length takes it from the sentence that defines the period it
    names: 'The period of ninety (90) days starting on the Go-Live Date is the "Launch Period".',
    or from the schedule item it points to: 'Item 6 - Review Period: the first six (6) months'. One that states no length
    of its own ("The first Contract Year is a trial year", read as a year) takes the length the document gives that
    opening period where it defines it apart (_first_named_months)."""
    for clause in clauses:
        if clause.type != ClauseType.probation:
            continue
        if (months := _first_named_months(clause.text, text)) is not None:
            clause.attributes["duration_months"] = months
        if "duration_months" in clause.attributes:
            continue
        if (pointers := [m.span() for m in _POINTER_DEFINITION.finditer(clause.text)]) and all(
                any(s <= m.start() and m.end() <= e for s, e in pointers) for m in _PERIOD_TERM.finditer(clause.text)):
            continue  # '"Evaluation Period" is defined in clause (c)': that clause has the length, not this paragraph
        for definition in _definitions(clause.text, text):
            months = _probation_period(definition)[0]
            if months is None:  # '"Approval Period" is the period from the Commencement Date until 29 February 2028'
                months = _dated_months(definition, text)
            if months is not None:
                clause.attributes["duration_months"] = months
                break


# a sentence that names the span the one before it states: "That is the Trial Period", "This is the Try-Out"
# (the verb is the name's match when the name is not quoted)
_NAMES_THE_LAST = lazy(r"\s*(?:that|this|these|those|it)\s+(?:(?:is|are|(?:shall|will) be|constitutes?|forms?)\s+the\s+)?$",
                             re.IGNORECASE)


# a line opening in lower case, or a list item: it goes on from the line before it
_GOES_ON_FROM_LIST = lazy(r"[ \t]*(?:[a-z]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s)")
_LIST_GOES_ON = lazy(r"(?:[,:;]|\band|\bor)$")


# a blank line a sentence goes on across (a page break in it): the next line starts in lower case or with a figure in brackets
_CUT_BY_A_BREAK = lazy(r"\n[ \t]*\n\s*(?=[a-z]|\(\d)")


def _defining_sentence(name: str, text: str) -> str:
    """The sentence (or line) of the document that puts the name in quotes, defining it, that opens a line of a
    definitions list with it unquoted ("Commencement Date means 1 July 2027."), or that names a span of time as it
    ("The first six (6) months from the Effective Date constitute the Pilot Season."); '' if none does."""
    # (not a definitions list's pointer to it: '"Launch Quarter" has the meaning given in clause 4.1', '"Trial Period" means
    # the period described in Section 3')
    quoted = (next((m for m in re.finditer(rf"[\"“'‘]{re.escape(name)}[\"”'’](?!\s+(?:has|shall have) the meaning)", text)
                    if not _REFERRING_DEFINITION.match(text, m.end() - 1)), None)
              # defined in brackets unquoted, as Australian drafting does: "... are the onboarding sprint (Onboarding Sprint)"
              or re.search(rf"\((?:the\s+)?{re.escape(name)}\)", text)
              or re.search(rf"^[ \t]*{re.escape(name)}(?=\s+(?:means|shall mean)\b)", text, re.MULTILINE)
              or re.search(rf"\b(?:constitutes?|forms?|(?:shall|will) (?:be|constitute|form)|are|is)\s+the\s+{re.escape(name)}\b", text))
    if not quoted:
        return ""
    start = max(text.rfind(". ", 0, quoted.start()), text.rfind("\n", 0, quoted.start())) + 1
    if _NAMES_THE_LAST.match(text, start, quoted.start()):  # "For the first 90 days ... That is the Trial Period."
        start = max(text.rfind(". ", 0, start - 2), text.rfind("\n", 0, start - 2)) + 1
    # a line that goes on from the list before it: "The period starting on the Effective Date and ending on the earlier of:"
    # + "(a) ...; and" + "(b) the last day of the fifth (5th) month ...," + 'is the "Provisional Period".'
    for _ in range(8):
        if not (_GOES_ON_FROM_LIST.match(text, start) and _LIST_GOES_ON.search(before := text[:start].rstrip())):
            break
        start = max(before.rfind(". "), before.rfind("\n")) + 1
    end = min((i for i in (text.find(". ", quoted.end()), text.find("\n", quoted.end())) if i >= 0), default=len(text))
    sentence = text[start:end]
    # a definition a page break cuts goes on after the blank line: "... ending on the fifteenth" + "(15th) anniversary of ..."
    while text[end - 1:end].isalnum() and (cut := _CUT_BY_A_BREAK.match(text, end)):
        end = min((i for i in (text.find(". ", cut.end()), text.find("\n", cut.end())) if i >= 0), default=len(text))
        sentence += " " + text[cut.end():end]
    return sentence


_PERIOD_OF_MONTHS: dict[float, str] = {1: "month", 3: "quarter", 6: "half-year", 12: "year"}


# a line of a table that separates its head from its rows: "| --- | --- |", "-----" (blank lines between rows are skipped too)
_RULE_LINE = lazy(r"^[\s|:+]*[-=][\s|:+=-]*$")


def _scheduled_months(name: str, text: str) -> int | float | None:
    """The length of a period a schedule lists by its dates: under a head naming the period ("| Development Period |
    Ends on | Units |"), rows dated a year apart ("| First | 31 December 2027 | 3 |", ...) make it a year."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if name not in line or len(line) > 160 or dates(line):
            continue
        rows = (dates(row) for row in lines[i + 1:] if row.strip() and not _RULE_LINE.match(row))
        ends = [found[0][0] for found in itertools.takewhile(lambda found: len(found) == 1, rows)]
        gaps = {months_between(a + timedelta(days=1), b) for a, b in itertools.pairwise(ends)}
        if len(gaps) == 1:
            return gaps.pop()
    return None


# a period defined as one of the equal parts a year is split into: "School Term means each of the four terms of the school
# year" (a quarter, as a semester is a half-year), "each of the two halves of the Contract Year"
_PART_OF_A_YEAR = lazy(r"\beach\s+of\s+the\s+(?P<n>two|three|four|six|twelve|2|3|4|6|12)\s+(?:\(\d+\)\s+)?(?:[\w-]+\s+)?"
                       r"(?:terms|periods|parts|halves|quarters|semesters|trimesters|months)\s+of\s+(?:the|each|every|a)\s+"
                       r"(?:[\w-]+\s+)?year\b", re.IGNORECASE)


def _part_of_a_year_months(definition: str) -> float | None:
    """The months of a period defined as one of n parts of a year (_PART_OF_A_YEAR): 12 / n."""
    part = _PART_OF_A_YEAR.search(definition)
    count = parse_number(part.group("n")) if part else None
    return 12 / count if count else None


def _commitment_period_from_definition(clauses: list[Clause], text: str) -> None:
    """A minimum_commitment clause without a period takes it from the definition of the period it names: purchases
    'for any Measurement Period' where '"Measurement Period" means the twelve (12) months ending on ...', or "in each School
    Term" where "School Term means each of the four terms of the school year" (a quarter), or from the dates of the schedule
    that lists those periods."""
    for clause in clauses:
        if clause.type != ClauseType.minimum_commitment or "period" in clause.attributes:
            continue
        for name in dict.fromkeys(m.group(1) for m in _PERIOD_TERM.finditer(clause.text)):
            definition = _defining_sentence(name, text)
            months = _first_months(definition) or _part_of_a_year_months(definition) or _scheduled_months(name, text)
            found = _PERIOD_OF_MONTHS.get(months) if months else None
            if found:
                clause.attributes["period"] = found
                break


# a name the contract defines as a period: '"Season" means each period of twelve months beginning on 1 April',
# '"Licence Period" means each consecutive period of one year'
_PERIOD_DEFINED = lazy(r"[\"“]([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})[\"”]\s+(?:means|shall mean)\s+"
                             r"(?=(?:[^;.]|\.(?=\d)){0,30}?\b(?:period|years?|months?)\b)")


def _period_units(text: str) -> dict[str, Any]:
    """The periods the document defines, by name, with their length in months (the first length of the definition)."""
    units: dict[str, Any] = {}
    for m in _PERIOD_DEFINED.finditer(text):
        definition = re.split(r";|\.\s", text[m.end(): m.end() + 200], maxsplit=1)[0]
        months = _first_months(definition, minimum=1) or yearly_span_months(definition)  # "from 1 October to 30 September"
        if months:
            units.setdefault(m.group(1), months)
    return units


def _counted_periods(text: str, units: dict[str, Any]) -> list[dict[str, Any]]:
    """The lengths `text` counts in defined periods ("four (4) Seasons", "one Contract Year"), shaped as durations()."""
    names = "|".join(re.escape(name) for name in sorted(units, key=len, reverse=True))
    return [{"text": m.group(0), "unit": "period", "months": round(value * units[m.group("name")]), "start": m.start(), "end": m.end()}
            for m in re.finditer(rf"(?<![\w$€£])(?i:(?P<num>{NUMBER}))[\s-]+(?:\(\d+\)[\s-]+)?(?P<name>{names})s?\b", text)
            if (value := parse_number(m.group("num"))) is not None]


def _first_periods(text: str, names: str) -> re.Match[str] | None:
    """The opening defined periods a sentence puts on trial: "The first Season shall be a trial season" (not "the first
    Contract Quarter shall run from the Effective Date", in a definition)."""
    for sentence in re.split(r"(?<=[.;])\s+", text):
        first = re.search(rf"\b(?i:first|initial|opening)\s+(?:(?i:(?P<num>{NUMBER}))\s+(?:\(\d+\)\s+)?)?(?P<name>{names})s?\b", sentence)
        if first and re.search(r"\b(?:trial|probation\w*|evaluation|test|pilot|proving)\b", sentence, re.IGNORECASE):
            return first
    return None


# the attribute each clause type below takes from a defined period
_PERIOD_SLOT = {ClauseType.term: "duration_months", ClauseType.renewal: "renewal_months",
                ClauseType.probation: "duration_months", ClauseType.minimum_commitment: "period"}


# how often a thing happens in each period, no volume bought over it: "hold a business review meeting at least once per
# Agreement Year", "meet twice in each Season", "three (3) times every Contract Year"
_HOW_OFTEN = lazy(r"\b(?:once|twice|thrice|(?:two|three|four|five|six|\d{1,2})\s+(?:\(\d{1,2}\)\s+)?times)\s+(?:(?:in|during)\s+)?$",
                  re.IGNORECASE)


def _from_defined_periods(clauses: list[Clause], text: str) -> None:
    """Lengths counted in a period the document defines: a term of "four (4) Seasons", a renewal "for successive periods
    of one Season", a probation in "the first Season", a minimum "for each Season", where a Season is defined as a year."""
    # only a clause still without its length (a minimum without its period) takes one: else the definitions are not read
    if not any((slot := _PERIOD_SLOT.get(c.type)) and slot not in c.attributes for c in clauses):
        return
    units = _period_units(text)
    if not units:
        return
    names = "|".join(re.escape(name) for name in sorted(units, key=len, reverse=True))
    for clause in clauses:
        attrs = clause.attributes
        if clause.type == ClauseType.term and "duration_months" not in attrs and (
                months := _term_length(clause.text, _counted_periods(clause.text, units))):
            attrs["duration_months"] = months
        elif clause.type == ClauseType.renewal and "renewal_months" not in attrs and (
                months := _renewal_length(clause.text, _counted_periods(clause.text, units))):
            attrs["renewal_months"] = months
        elif clause.type == ClauseType.probation and "duration_months" not in attrs and (first := _first_periods(clause.text, names)):
            attrs["duration_months"] = round((parse_number(first.group("num")) if first.group("num") else 1) * units[first.group("name")])
        elif clause.type == ClauseType.minimum_commitment and "period" not in attrs and (
                each := next((m for m in re.finditer(rf"\b(?i:each|every|per|any|a|an)\s+(?P<name>{names})\b", clause.text)
                              if not _HOW_OFTEN.search(clause.text, max(0, m.start() - 40), m.start())), None)):
            if found := _PERIOD_OF_MONTHS.get(units[each.group("name")]):
                attrs["period"] = found


# a renewal as long as the first term: "renewed for a similar period", "for further terms equal in duration to the
# Initial Term" (not "on the same terms and conditions")
_SAME_LENGTH = lazy(r"\b(?:similar|same|equal|like|identical|equivalent)\s+(?:period|duration|length|term(?!s))\b|"
                          r"\bequal in (?:duration|length)\b", re.IGNORECASE)


# a renewal period the contract names: "for the Further Term", "for successive Renewal Terms", "one Extension Period"
_RENEWAL_NAME = lazy(r"\b((?:Renewal|Extension|Extended|Additional|Further|Option|Renewed)\s+(?:Term|Period))s?\b")


# a sentence about the notice that stops a renewal or takes up an option to extend: "notice of non-renewal", "may prevent a
# renewal under Clause 3.2 by giving ... notice", "shall exercise the option by written notice ... before the end of"; read
# caseless.fold(text)
_STOPS_OR_TAKES_UP = lazy(r"\b(?:prevent|avoid|stop|block|oppose|object\s+to)\w*\s+(?:an?\s+|the\s+|any\s+|such\s+)?"
                                r"(?:further\s+)?(?:renewal|extension)|\bexercis\w*\s+(?:the\s+|this\s+|its\s+|such\s+|that\s+|an?\s+)?"
                                r"(?:\w+\s+)?option\b")
_SENTENCE = lazy(r"(?:[^.;]|\.(?=\d))+")
_NEXT_SENTENCE = lazy(r"\s*((?:[^.;]|\.(?=\d)){1,600})")


def _renewal_notice_lines(clause: Clause, text: str) -> Iterator[str]:
    """The sentences that give a renewal clause's notice when the sentences read for its renewal do not: the clause's own
    ("... for a single further period of thirty-six (36) months. The Importer shall exercise the option by written notice
    ... no later than one hundred and twenty (120) days before the end of the fifth Year"), then the first of the
    paragraph after it ("3.3 Either Party may prevent a renewal under Clause 3.2 by giving ... notice of non-renewal at
    least ninety (90) days before the end of the then-current term")."""
    following = _NEXT_SENTENCE.match(text, clause.end)
    for sentence in [m.group(0) for m in _SENTENCE.finditer(clause.text)] + ([following.group(1)] if following else []):
        low = fold(sentence)
        if "notice" in low and (_NON_RENEWAL.search(low) or _STOPS_OR_TAKES_UP.search(low)):
            yield sentence


# a notice the contract names and defines apart: "unless either party gives notice of non-renewal at least the Non-Renewal
# Notice period before the end of the current term" + "| Non-Renewal Notice | Sixty (60) days |" (or a "Renewal Notice
# Period" a definitions list gives)
_NOTICE_NAME = lazy(r"\b((?:(?!(?:The|This|That|Each|Any|A|An|Such|No)\s)[A-Z][\w-]*\s+){0,3}Notice\s+Period|"
                    r"(?:(?!(?:The|This|That|Each|Any|A|An|Such|No)\s)[A-Z][\w-]*\s+){1,3}Notice)\b")


def _notice_definitions(clause_text: str, text: str) -> Iterator[str]:
    """The defining sentence or key-terms row of each notice period a renewal clause names."""
    for name in dict.fromkeys(m.group(1) for m in _NOTICE_NAME.finditer(clause_text)):
        if definition := _defining_sentence(name, text) or _key_terms_row(name, text):
            yield definition


def _renewal_from_definition(clauses: list[Clause], text: str) -> None:
    """A renewal clause without a length that renews for a period the contract defines takes that period's length:
    "may extend this agreement for the Further Term" where the key-details table (or a heads-of-terms item) says
    "| 7. Further Term | One further term of 4 years |", "renews for successive Renewal Terms" where '"Renewal Term"
    means a period of two (2) years' (its own line only: a row labelled with the name is not read for other periods);
    one without a notice whose notice is the period a schedule item states ("unless either party gives notice of
    non-renewal at least the period stated in Item 8 of the Key Details before ...") takes that item's, or the one a
    sentence about stopping it or taking it up states, in the clause or the paragraph after it (_renewal_notice_lines)."""
    for clause in clauses:
        if clause.type == ClauseType.renewal and "notice_days" not in clause.attributes:
            notice = next((n for line in itertools.chain(_item_lines(clause.text, text), _renewal_notice_lines(clause, text),
                                                         _notice_definitions(clause.text, text))
                           if (n := _notice_and_length(line)[0]) is not None), None)
            if notice is not None:
                clause.attributes["notice_days"] = notice
        if clause.type != ClauseType.renewal or "renewal_months" in clause.attributes:
            continue
        for name in dict.fromkeys(m.group(1) for m in _RENEWAL_NAME.finditer(clause.text)):
            definition = _defining_sentence(name, text) or _key_terms_row(name, text)
            months = _renewal_length(definition, _term_durations(definition)) if definition else None
            if months is not None:
                clause.attributes["renewal_months"] = months
                break


# a key-terms page said to prevail over the clauses: "The Key Terms prevail", "the Particulars shall take precedence" (most
# templates put it last: "the Schedules prevail over the Key Terms Page", "the numbered clause applies")
_ROWS_PREVAIL = lazy(r"\b(?:key (?:terms|details|information)|particulars|cover (?:page|sheet)|front sheet|summary of (?:key )?terms)"
                           r"(?: page| table| sheet| schedule)?\s+(?:shall |will |are to |is to )?(?:prevail|take precedence|govern|control)",
                           re.IGNORECASE)


# a clause under a run-in heading, not a row's value: "4. Term: This Agreement shall continue for three years"
_STATED_IN_FULL = lazy(r"\b(?:shall|will|is|are|begins?|commences?|continues?|runs?|remains?|this agreement)\b", re.IGNORECASE)


def _is_key_terms_rows(text: str) -> bool:
    """Whether `text` is lines of a key-terms page, under their heading or not, one of them the term's or the renewal's
    ("KEY TERMS\nSupplier: ...\nInitial Term: three (3) years\nRenewal: automatic; see Clause 5")."""
    labels = [_labelled(line) for line in text.splitlines() if line.strip()]
    return all(labels[1:]) and any(label and (_TERM_LABEL.match(label[0]) or _RENEWAL_LABEL.match(label[0]))
                                   and not _STATED_IN_FULL.search(label[1]) for label in labels)


def _rows_read_with_clauses(clauses: list[Clause], text: str) -> None:
    """A key-terms row of the term or the renewal ("Initial Term: three (3) years", "Renewal: automatic") is a digest of
    the clause that states it (the one it names, else the first): the row, shown first, takes that clause's attributes,
    which correct its own unless the document says the key terms prevail ("Initial Term: two (2) years; renews
    automatically" + "10.2 ... unless either party notifies the other at least sixty (60) days before ..." -> 60 days'
    notice)."""
    rows_prevail = None
    for clause_type in (ClauseType.term, ClauseType.renewal):
        of_type = [c for c in clauses if c.type == clause_type]
        rows = [c for c in of_type if _is_key_terms_rows(c.text)]
        for row in rows:
            others = [c for c in of_type if c not in rows and c.attributes.keys() & row.attributes.keys()]
            if not others:
                continue
            # the clause the row names, if any: "Renewal Term: two (2) years (clause 16.2)", "| Renewal | ... | Section 10.2 |"
            refs = [m.group("ref") + " " for m in _REWORDED_REF.finditer(row.text)]
            stated = next((c for c in others if c.text.lstrip().startswith(tuple(refs))), others[0]) if refs else others[0]
            if rows_prevail is None:
                rows_prevail = bool(_ROWS_PREVAIL.search(text))
            row.attributes = {**stated.attributes, **row.attributes} if rows_prevail else {**row.attributes, **stated.attributes}


def _renewal_from_term(clauses: list[Clause]) -> None:
    """A renewal clause without a length that renews for as long as the first term takes the term's length."""
    months = next((c.attributes["duration_months"] for c in clauses
                   if c.type == ClauseType.term and "duration_months" in c.attributes), None)
    if months is None:
        return
    for clause in clauses:
        if clause.type == ClauseType.renewal and "renewal_months" not in clause.attributes and _SAME_LENGTH.search(clause.text):
            clause.attributes["renewal_months"] = months


def _term_from_definition(clauses: list[Clause], text: str) -> None:
    """A term clause without a length that runs until the end of a period the contract defines takes the
    length of that period: 'until the end of the Licence Period' where '"Licence Period" means the period
    ... ending on the fifteenth (15th) anniversary of the Release Date'."""
    for clause in clauses:
        if clause.type != ClauseType.term or "duration_months" in clause.attributes:
            continue
        named = _UNTIL_PERIOD_ENDS.search(clause.text)
        months = _term_months(_defining_sentence(named.group(1), text)) if named else None
        if months is not None:
            clause.attributes["duration_months"] = months


# the agreement's start named by the contract's own date, its end by a date: "comes into force on the date stated
# above and ... shall continue until 28 February 2031", "commences on the Effective Date and expires on June 30, 2029"
_END_BEFORE = lazy(r"\b(?:until|till|through|to|(?:expire|expires|expiring|terminate|terminates|terminating|end|ends|ending)\s+on)\s+(?:and\s+including\s+)?$",
                         re.IGNORECASE)
_FROM_CONTRACT_DATE = lazy(r"\b(?:date|day and year)\s+(?:first\s+)?(?:(?:stated|written|set\s+(?:out|forth)|given|shown|mentioned)\s+)?"
                                 r"above\b|\bdate\s+(?:hereof|of\s+(?:this|the)\s+(?:agreement|contract))\b", re.IGNORECASE)
# (or a named one: "the Restatement Effective Date", "the Amendment Effective Date", "the Launch Date", "the First Delivery Date")
_FROM_DEFINED_DATE = lazy(r"\b(?:on|from|as of|with effect from|commencing|beginning|starting)\s+the\s+"
                                r"((?:[A-Z][\w-]*\s+){0,2}(?:Effective|Commencement|Start|Launch|Go-Live|Signing|Signature|Delivery|"
                                r"Opening) Date)\b")
# or the start's date given under its label in the clause itself: "Start Date 1 April 2026. The arrangement runs until 31
# March 2028", "Commencement Date: 1 May 2026", "The Effective Date is 1 July 2026"
_START_LABEL = lazy(r"\b(?:start|starting|commencement|effective)\s+date\s*(?:[:\-–]\s*|(?:is|shall\s+be|will\s+be)\s+)?$", re.IGNORECASE)
# or by the verb that starts it: "This Contract shall take effect on 1 April 2027 ... and shall remain valid until 31 December
# 2030", "comes into force on 1 May 2026", "shall commence on 1 July 2026" (not "take effect on signature")
_START_VERB = lazy(r"\b(?:(?:take|takes|taking|took)\s+effect|(?:come|comes|came|enter|enters|entered)\s+into\s+(?:force|effect)|"
                   r"commenc(?:e|es|ed|ing)|begin(?:s|ning)?|began|start(?:s|ed|ing)?|(?:be|is|become|becomes)\s+effective)\s+"
                   r"(?:on|as\s+(?:of|from)|from|with\s+effect\s+from)\s+$", re.IGNORECASE)
# an end the document defines: "expires on the Expiry Date", "until the Termination Date"
_TO_DEFINED_DATE = lazy(r"\b(?:until|till|through|(?:expire|expires|expiring|terminate|terminates|terminating|end|ends|ending)\s+on)\s+the\s+"
                              r"((?:[A-Z][\w-]*\s+){0,2}(?:Expiry|Expiration|End|Termination|Final) Date)\b")
# how a contract states its own date at its head: "This Agreement is dated 2 March 2026", "made as of October 1, 2026"
_DATED = lazy(r"\b(?:dated|made|entered into|executed|concluded|signed)(?:\s+(?:on|as of))?(?:\s+(?:this|the))?\s*$", re.IGNORECASE)
_HEAD = 3000


def _contract_date(text: str) -> date | None:
    """The date the contract gives itself at its head ("is dated 2 March 2026"), if it gives one."""
    return next((d for d, start, _ in dates(text[:_HEAD]) if _DATED.search(text, max(0, start - 40), start)), None)


def _defined_date(name: str, text: str) -> date | None:
    """The date a defined term names: '"Commencement Date" means 1 May 2026', 'as of October 1, 2026 (the "Effective Date")'."""
    sentence = _defining_sentence(name, text)
    at = sentence.find(name)
    found = sorted(dates(sentence), key=lambda d: min(abs(d[1] - at), abs(d[2] - at)))
    return found[0][0] if found else None


def _dated_months(span: str, text: str) -> int | float | None:
    """The months from the contract's own date, or a date the document defines, to the date `span` runs until, itself
    named or defined ("from the Commencement Date until 29 February 2028", "... expires on the Expiry Date"); None when `span` gives no such start and end."""
    ends = [d for d, start, _ in dates(span) if _END_BEFORE.search(span, max(0, start - 30), start)]
    if not ends and (to := _TO_DEFINED_DATE.search(span)) and (end := _defined_date(to.group(1), text)):
        ends = [end]
    defined = _FROM_DEFINED_DATE.search(span)
    first = (_defined_date(defined.group(1), text) if defined
             else _contract_date(text) if _FROM_CONTRACT_DATE.search(span) else None)
    if first is None:
        first = next((d for d, start, _ in dates(span) if _START_LABEL.search(span, max(0, start - 40), start)
                      or _START_VERB.search(span, max(0, start - 40), start)), None)
    return months_between(first, ends[0]) if ends and first and ends[0] > first else None


def _term_from_dates(clauses: list[Clause], text: str) -> None:
    """A term clause without a length that runs from the contract's own date, or a defined start date, to a date
    it names takes the months between them (a start on signature or on an event stays without a length)."""
    for clause in clauses:
        if clause.type == ClauseType.term and "duration_months" not in clause.attributes and (
                months := _dated_months(clause.text, text)) is not None:
            clause.attributes["duration_months"] = months


# a later amendment in the same document that rewrites a period: 'paragraph C.1 of the Schedule is amended by deleting
# the words "four (4) months" and inserting in their place "nine (9) months"'
_REWORDING = lazy(r"[\"“](?P<old>[^\"”]{1,60})[\"”][^\"“.;]{0,60}?[\"“](?P<new>[^\"”]{1,60})[\"”]")
_REWORDED_REF = lazy(r"\b(?:clause|section|paragraph|article|item)\s+(?P<ref>[A-Z]?\d+(?:\.\d+)*(?:\([a-z0-9]+\))*|[A-Z]\.\d+(?:\.\d+)*)",
                           re.IGNORECASE)
_CHANGED = lazy(r"\b(?:amend|delet|replac|substitut|strik)\w*", re.IGNORECASE)
# a name a clause gives the period it states: '(the "Evaluation Period")', "(the “Initial Term”)"
_NAMED_HERE = lazy(r"\(\s*(?:the|each\s+a|each\s+an?)\s+[\"“]([^\"”]{2,40})[\"”]\s*\)")


def _reworded_periods(clauses: list[Clause], text: str) -> None:
    """A clause's period that a later amendment in the same document replaces ('in paragraph C.1 the words "four (4)
    months" are replaced by "nine (9) months"') takes the new length."""
    # only a clause that has a length can take a new one: without one, the whole text's quotes are not read
    if not any("duration_months" in c.attributes or "renewal_months" in c.attributes for c in clauses):
        return
    for m in _REWORDING.finditer(text):
        old, new = _first_months(m.group("old")), _first_months(m.group("new"))
        refs = list(_REWORDED_REF.finditer(text, max(0, m.start() - 200), m.start()))
        if old is None or new is None or not refs or not _CHANGED.search(text, refs[-1].start(), m.end()):
            continue
        ref, words = refs[-1].group("ref"), " ".join(m.group("old").split())
        # the clause numbered so, its title above it or not ("ARTICLE 3 - EVALUATION PERIOD" + "3.1 The first nine (9) months
        # ...") or its number and lead-in before it on its line ("10.1 Term. This Agreement shall ..."), that holds the words,
        # however its lines are broken
        numbered = re.compile(rf"(?:^|\n)[ \t]*{re.escape(ref)}[ \t]")
        names: set[tuple[ClauseType, str]] = set()
        for clause in clauses:
            if clause.start < m.start() and words in " ".join(clause.text.split()) and (
                    numbered.search(clause.text) or numbered.match(text, max(0, text.rfind("\n", 0, clause.start)))):
                for key in ("duration_months", "renewal_months"):
                    if clause.attributes.get(key) == old:
                        clause.attributes[key] = new
                        names.update((clause.type, name) for name in _NAMED_HERE.findall(clause.text))
        # the period that clause names ('(the "Evaluation Period")') has the new length wherever a clause of the same type
        # took the old one from it: its definitions list entry, the review at its end
        for clause in clauses:
            if names and clause.start < m.start() and any(kind == clause.type and name in clause.text for kind, name in names):
                for key in ("duration_months", "renewal_months"):
                    if clause.attributes.get(key) == old:
                        clause.attributes[key] = new


# heads of terms that define the Territory by the line under its heading: "2. Territory" + "The Republic of Fiji, including Rotuma."
_TERRITORY_HEADING = lazy(r"^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]*)?territor(?:y|ies)[ \t]*\n+[ \t]*(?P<body>[^\n]+)",
                                re.IGNORECASE | re.MULTILINE)


def _headed_territory(text: str) -> str:
    """The line under a bare "Territory" heading when it names a place; '' if there is none."""
    found = _TERRITORY_HEADING.search(text)
    return found.group("body") if found and regions(found.group("body")) else ""


# a territory given by an annex: "the countries listed in Annex A", "the area set forth in Exhibit (2)"
_ANNEX_NAME = r"(?:annex|schedule|exhibit|appendix|attachment)"
_ANNEX_REF = lazy(rf"\b{_ANNEX_NAME}\s+\(?(?-i:\d{{1,3}}|[A-Z]{{1,2}}|[IVX]{{1,4}})\)?(?![\w(])", re.IGNORECASE)
_ANNEX_HEAD = lazy(rf"^[ \t]*{_ANNEX_NAME}\b", re.IGNORECASE | re.MULTILINE)


def _annexed(scope: str, text: str) -> str:
    """What the annex a territory points to says, from its heading ("ANNEX A - REGION") to the next annex's (at most
    300 characters); '' when the territory names no annex or the document has no such heading."""
    ref = _ANNEX_REF.search(scope)
    if not ref:
        return ""
    name = re.escape(ref.group(0))
    heads = list(re.finditer(rf"^[ \t]*{name}(?![\w(])", text, re.IGNORECASE | re.MULTILINE))
    if not heads:
        return ""
    body = text[heads[-1].end(): heads[-1].end() + 300]
    following = _ANNEX_HEAD.search(body, 1)
    return body[:following.start()] if following else body


# a territory given as another part's named item: "the Programme Territory stated in the Enrolment Form", "the Sales Area
# set out in the Particulars", or as the areas the document defines apart: '"Countries" means the Exclusive Country and the
# Non-Exclusive Country' (not the name the clause defines, in quotes, nor "The" opening a sentence)
_NAMED_AREA = lazy(r"\b((?:(?!(?:The|This|That|Each|Any|A|An) )[A-Z][\w-]*\s+){1,2}(?:Territory|Area|Region|Zone|Country|Countries))"
                         r"\b(?![\"”’'])")


def _stated_elsewhere(scope: str, text: str) -> str:
    """The value of the row or line that a territory's named item heads ("| Programme Territory for the purposes of the
    Addendum | the Republic of Guatemala, ... |", "Sales Area: Bavaria") or of its definition ('"Exclusive Country" means
    the Kingdom of Morocco') when it names a place, for each item named; '' if none does."""
    found = []
    for name in dict.fromkeys(m.group(1) for m in _NAMED_AREA.finditer(scope)):
        row = (re.search(rf"^[ \t|*-]*{re.escape(name)}\b[^\n|:]{{0,80}}[|:][ \t]*(\S[^\n]*)", text, re.MULTILINE)
               or re.search(rf"[\"“]{re.escape(name)}[\"”]\s+(?:means|shall mean)\s+([^\n]*)", text))
        if row and names_place(row.group(1)):
            found.append(row.group(1))
    return "\n".join(found)


# a territory given as the places of a kind of schedule the document repeats, one for each place: "the Countries for which a
# Country Schedule is then in force" with "COUNTRY SCHEDULE 1 - UNITED ARAB EMIRATES", "Country Schedule 2: Sultanate of Oman"
_SCHEDULE_KIND = lazy(r"\b((?:(?!(?:The|This|That|Each|Any|A|An|Such) )[A-Z][\w-]*\s+){1,2})"
                      r"(Schedule|Annex|Exhibit|Appendix|Attachment)(?:e?s)?\b(?!\s+\(?(?:\d|[A-Z]\b))")


def _scheduled(scope: str, text: str) -> str:
    """What the headings of the schedules of the kind a territory names call their places, each heading numbered and
    naming its place after a dash or colon ("COUNTRY SCHEDULE 1 - UNITED ARAB EMIRATES"); '' when none names a place."""
    found = []
    for kind in dict.fromkeys((m.group(1).split()[-1], m.group(2)) for m in _SCHEDULE_KIND.finditer(scope)):
        words = r"\s+".join(map(re.escape, kind))
        for head in re.finditer(rf"^[ \t]*{words}(?:e?s)?\s+(?:No\.?\s*)?\(?(?:\d{{1,3}}|[A-Z]{{1,2}}|[IVX]{{1,4}})\)?"
                                r"[ \t]*[-–—:.][ \t]*(\S[^\n]*)", text, re.IGNORECASE | re.MULTILINE):
            place = head.group(1).title() if head.group(1).isupper() else head.group(1)  # as the text names it
            if names_place(place):
                found.append(place)
    return "\n".join(found)


def _defaults_by_name(clauses: list[Clause], text: str) -> None:
    """A performance trigger that only names the miss ("'Cause' means the Distributor's failure to purchase the minimum",
    an item of the Events of Default) takes its consequence from a sentence elsewhere that uses the name with one ("The
    Supplier may terminate this Agreement for Cause", "Upon the occurrence of an Event of Default, the Supplier may
    terminate"); with none anywhere it is dropped. A use that is only an item of a list passes the miss on to the name
    the list's lead-in gives its items ("Each of the following is a 'Termination Event':" + "(a) a Performance Shortfall;"),
    and a use that leads into a list takes its consequence from the items ("Upon an Event of Default under Section 14.1(a),
    the Supplier may at its option:" + "(i) convert the appointment to a non-exclusive one; or (ii) terminate ...",
    "Following a Shortfall Year, the Manufacturer may:" + "(a) remove ... from the Exclusive Area")."""
    for clause in [c for c in clauses if c.type == ClauseType.performance_trigger and "defined_as" in c.attributes]:
        if (consequence := _named_consequence(clause.attributes["defined_as"], text)) is not None:
            clause.attributes["consequence"] = consequence
        else:
            clauses.remove(clause)


def _named_consequence(name: str, text: str, depth: int = 0) -> str | None:
    """The consequence a sentence using the default's `name` gives it (see _defaults_by_name)."""
    # the sentence naming the miss gave no consequence (performance_trigger), so any sentence may be read, its
    # neighbours in the same paragraph too: "The Supplier may terminate for Cause. 'Cause' includes ..."; the name in
    # either number ("The following are 'Termination Events':" + "On a Termination Event ...", "Events of Default")
    used = re.compile(r"\b" + r"\s+".join(re.escape(w[:-1] if w.endswith("s") and len(w) > 3 else w) + r"(?:e?s)?"
                                          for w in name.split()) + r"\b")
    for m in itertools.islice(used.finditer(text), 50):
        start, end = _sentence_bounds(text, m.start(), m.end(), (". ", ";", "\n"))
        if text[start:end].rstrip().endswith(":") and (items := _ITEMS_AFTER.match(text, end)):
            end = items.end()  # "Upon an Event of Default under Section 14.1(a), the Supplier may, at its option:"
        if (consequence := _consequence(used.sub(" ", text[start:end]))) is not None:
            return consequence
        if depth < 2 and (lead := _list_lead_in(text, m.start())) and (named := _DEFAULT_NAME.search(lead)) and not (
                _DENIED_SUBJECT.search(lead, 0, named.end())):
            # not a list the lead-in denies the name: "None of the following shall constitute an Event of Default:"
            if _default_name(named) != name and (consequence := _named_consequence(_default_name(named), text, depth + 1)):
                return consequence
    return None


# the items on the lines after a sentence that leads into them: "(i) convert Distributor's appointment to a non-exclusive
# appointment ..." (lettered: a numbered line may be the next clause's heading)
_ITEMS_AFTER = lazy(r"(?:[ \t]*\n\s*\(?(?:[a-z]|[ivx]{1,4})[.)][ \t][^\n]*)+")
_LEAD_BACK_LINES = 30  # how many lines back a list's lead-in is looked for (its items and the blank lines between)


def _list_lead_in(text: str, pos: int) -> str | None:
    """The lead-in (the line ending in ':') of the list whose item line holds text[pos], across the items of its
    numbering above it; the list must start with an item of that numbering ("15.3 Upon ..." after "15.1 Each of the
    following is a Termination Event:" + "(a) ..." is no item of it)."""
    line_start = text.rfind("\n", 0, pos) + 1
    style = item_style(text[line_start:pos + 1])
    if style is None:
        return None
    lines = [line for line in text[max(0, line_start - 4000):line_start].split("\n")[-_LEAD_BACK_LINES:] if line.strip()]
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].rstrip().endswith(":"):
            first = lines[i + 1] if i + 1 < len(lines) else text[line_start:pos + 1]
            return lines[i] if item_style(first) == style else None
        if item_style(lines[i]) != style:
            return None
    return None


def _drop_mentions_taken_back(clauses: list[Clause], text: str) -> None:
    """A minimum that only mentions a commitment the document takes back elsewhere is none: a minimum guarantee, with no
    period, when the document says the guarantee is paid once (_ONE_OFF_GUARANTEE); a named target when a sentence on it
    says it binds no one (_target_taken_back). The marks leave every clause."""
    guarantees = {c.id for c in clauses if c.attributes.pop("guarantee_only", False)}
    targets = {c.id: name for c in clauses if (name := c.attributes.pop("target_only", None))}
    dropped = {i for i, name in targets.items() if _target_taken_back(name, text)}
    if guarantees and _ONE_OFF_GUARANTEE.search(text):
        dropped |= guarantees
    if dropped:
        clauses[:] = [c for c in clauses if c.id not in dropped]


def _floors_by_abbreviation(clauses: list[Clause], text: str) -> None:
    """A performance trigger measured against an abbreviation ("If BioAndes purchases fewer Kits than the MQQ in any
    Quarter, NordGen may terminate") is one where the document defines the abbreviation as a minimum, quota or target
    ('"Minimum Quarterly Quantity" or "MQQ" means ...'); not where it names a price or an order's size ('"MAP" means the
    minimum advertised price', '"MOQ" means the minimum order quantity'), nor nowhere. The mark leaves every clause."""
    for clause in [c for c in clauses if "floor_abbreviation" in c.attributes]:
        # the sentence that gives it in quotes or brackets, a definition pointing to a schedule too ("... set out in Annex B")
        name = clause.attributes.pop("floor_abbreviation")
        given = re.search(rf"[\"“(]{name}[\")”]", text)
        start, end = _sentence_bounds(text, given.start(), given.end(), (". ", "\n")) if given else (0, 0)
        definition = text[start:end]
        if not _FLOOR_WORD.search(definition) or _PER_ORDER.search(definition) or _RESALE_PRICE.search(definition):
            clauses.remove(clause)


def _drop_probation_reviews(clauses: list[Clause]) -> None:
    """A performance trigger whose whole clause (its paragraph) is the review that closes a trial period, with no target
    in it, is the probation's: "Within 15 days after the Review Window ends, the Company shall say whether the appointment
    stays exclusive. If it finds the Products not established, it may make the appointment non-exclusive"."""
    clauses[:] = [c for c in clauses if c.type != ClauseType.performance_trigger or _MEASURE.search(c.text)
                  or not (_PROBATION_NAME.search(c.text) or _NAMED_PERIOD_CLOSE.search(c.text))]


# what a phase the contract names says it leaves as it is: "It does not affect the Partner's appointment or the exclusivity",
# "has no bearing on the Distributor's rights under clause 7", "has no effect on the rights granted in Article 2", "does not
# make the appointment provisional", "does not make the rights granted in Article 2 conditional", "It is not a trial of the
# Retailer's performance", "is not a trial or probation of the Agent"; or that it is no trial at all: "It is not a trial,
# probation or evaluation period", "is neither a trial nor a probationary period", "shall not be deemed a trial period", "does
# not constitute a period of probation"
_TRIAL_NOUN = r"(?:trial|test(?:ing)?|probation(?:ary)?|evaluation|assessment|qualifying|qualification|proving|pilot)"
_APPOINTMENT_RIGHTS = (r"(?:appointment|exclusivity|(?:distribution|selling|sales|exclusive)\s+rights?|"
                       r"rights?\s+(?:(?:granted|conferred|given)\s+)?(?:under|in|by)\s+(?:clause|section|article|§))")
_PROVISIONAL = r"(?:provisional|conditional|temporary|probationary)\b"
_LEAVES_ALONE = (r"(?:(?:(?:does|do|shall|will)\s+not\s+(?:in\s+any\s+way\s+)?(?:affect|alter|change|limit|restrict|condition|suspend)|"
                 r"ha(?:s|ve)\s+no\s+(?:bearing|effect|impact|influence)\s+on)"
                 rf"[^.;]{{0,40}}?\b{_APPOINTMENT_RIGHTS}|"
                 # what it does not make provisional named after the verb or last ("does not render provisional the appointment")
                 rf"(?:does|do|shall|will)\s+not\s+(?:make|render)\b[^.;]{{0,40}}?\b(?:{_APPOINTMENT_RIGHTS}[^.;]{{0,40}}?\b{_PROVISIONAL}|"
                 rf"{_PROVISIONAL}[^.;]{{0,40}}?\b{_APPOINTMENT_RIGHTS})|"
                 # a trial of the partner itself, named alone or in a list: "It is not a trial or probation of the Distributor"
                 rf"(?:is|are)\s+not\s+an?\s+(?:{_TRIAL_NOUN}(?:\s*,\s*|\s+(?:or|nor|and)\s+)(?:an?\s+)?){{0,3}}{_TRIAL_NOUN}\s+of\b[^.;]{{0,40}}?"
                 rf"\b(?:{_APPOINTMENT_RIGHTS}|performance|suitability|{_PARTNERS})|"
                 r"(?:(?:is|are)\s+(?:not|neither)\s+|(?:shall|will|does|do)\s+not\s+(?:be\s+(?:deemed\s+|treated\s+as\s+|regarded\s+as\s+)?|"
                 r"constitute\s+|form\s+))(?:an?\s+|any\s+)?"
                 rf"(?:(?:period\s+of\s+)?{_TRIAL_NOUN}(?:\s+(?:period|phase|stage))?(?:\s*,\s*|\s+(?:or|nor|and)\s+)(?:an?\s+)?){{0,3}}"
                 # (or a denial that goes on: "this introductory phase is not a trial and does not give the Manufacturer any right")
                 rf"(?:period\s+of\s+)?{_TRIAL_NOUN}(?:\s+(?:period|phase|stage|window)\b|(?=\s*[.;,]|\s+(?:and\s+(?:does|do|shall|will)\s+not|nor)\b))|"
                 # or said to be something else and no trial: "The Launch Window is a launch package, not a trial", "is a
                 # marketing arrangement rather than a trial period" (not "is a trial period, not a launch package")
                 r"(?:is|are)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?:(?:\s*,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)"
                 r"(?:(?:is|are)\s+)?not|,?\s+(?:rather\s+than|instead\s+of))\s+(?:an?\s+|any\s+)?"
                 rf"(?:(?:period\s+of\s+)?{_TRIAL_NOUN}(?:\s+(?:period|phase|stage))?(?:\s*,\s*|\s+(?:or|nor|and)\s+)(?:an?\s+)?){{0,3}}"
                 rf"(?:period\s+of\s+)?{_TRIAL_NOUN}(?:\s+(?:period|phase|stage|window)\b|(?=\s*[.;,])))")
# the appointment said not to hang on the phase, the rights named first: "Meridian's rights under clause 2 are not conditional
# on the Launch Period", "The exclusivity is neither provisional during nor subject to the Set-up Phase", or on a review at
# its close ("The Dealer's exclusive appointment under clause 2.1 is not conditional on or subject to review at the end of
# the Mobilisation Period", "is exclusive from the Effective Date and is not subject to any trial, evaluation or review at
# the end of, or by reference to, the Introductory Phase"); or neither party let
# end or change anything because of it: "neither party may terminate this Agreement or modify those rights by reason of the
# Testing Period" (one party barred, "the Distributor may not terminate by reason of the Trial Period", may leave the other's
# review)
_REVIEW_NOUN = rf"(?:any\s+)?(?:{_TRIAL_NOUN}|review|confirmation|withdrawal|revocation)"
_REVIEWS = rf"{_REVIEW_NOUN}(?:(?:\s*,\s*|\s+(?:or|nor|and)\s+){_REVIEW_NOUN}){{0,3}}\s+"
_REVIEW_AT = (_REVIEWS + r"(?:at\s+the\s+(?:end|expiry|expiration|close)\s+of|by\s+reference\s+to|during)"
              r"(?:\s*,\s*(?:or|and)\s+(?:at\s+the\s+(?:end|expiry|expiration|close)\s+of|by\s+reference\s+to|during)\s*,)?\s+")
_NOT_SUBJECT = (rf"\b{_APPOINTMENT_RIGHTS}(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:is|are)\s+(?:not|neither)\s+"
                r"(?:[\w-]+\s+(?:during\s+|on\s+)?(?:or|nor)\s+)?"
                r"(?:conditional|provisional|subject|dependent|contingent)\s+(?:up)?(?:on|to|during)\s+")
# ... the phase named before it and pointed back to: "The Introductory Period is a launch arrangement only; the exclusive
# appointment in Article 2 is not subject to any review, confirmation or withdrawal at its end"
_NOT_REVIEWED_AT_ITS_END = (_NOT_SUBJECT + _REVIEWS
                            + r"(?:(?:at|on|upon)\s+(?:its|their)\s+(?:end|expiry|expiration|close)|at\s+the\s+end\s+of\s+(?:it|them))\b")
# ... or not hanging on the partner's results in it: "Distributor's appointment is not conditional upon performance during the
# Introductory Period", "is neither conditional upon its performance during the Introductory Period nor reviewable at its end",
# "are not conditional upon any result achieved in the Introductory Period"
_PERFORMANCE_IN = (r"(?:(?:its|their|the\s+[\w-]+['’]s?|any)\s+)?(?:performance|results?|sales|purchases|targets?)\s+"
                   r"(?:(?:achieved|attained|reached|made)\s+)?(?:during|in|over|throughout)\s+")
# ... or not reviewed or reconsidered at its close, told later in the sentence (or in the next, of "it" or "they"): "The Agent's
# exclusive appointment is not conditional upon, and shall not be reviewed at the end of, the Introductory Period", "is not
# conditional on, nor to be reviewed at the end of, the Introductory Period", "Distributor's appointment is firm from the
# Effective Date; it is not subject to any trial or probationary review and shall not be reconsidered at the end of the
# Mobilization Period", "The Distributor's appointment and its exclusivity are unconditional. They are not subject to, and will
# not be reviewed or confirmed at the end of, the Introductory Period", "It is not subject to any trial ... and shall not be
# reviewed, confirmed, reduced or withdrawn at the end of the Introductory Period"
_RECONSIDERED = (r"(?:reviewed|reconsidered|revisited|re-?examined|re-?assessed|confirmed|withdrawn|revoked|reduced|curtailed|suspended|"
                 r"varied|modified|altered|narrowed)")  # "shall not be reviewed, confirmed or varied at the end of, the Launch Period"
_NOT_RECONSIDERED_AT_END = (rf"\b{_APPOINTMENT_RIGHTS}(?:[^.]{{0,200}}?|[^.;]{{0,80}}[.;]\s+(?:it|they)\b[^.]{{0,120}}?)\b"
                            rf"(?:(?:shall|will|may|is|are)\s+not\s+(?:be\s+)?|nor\s+(?:to\s+)?be\s+){_RECONSIDERED}"
                            rf"(?:(?:\s*,\s*|\s+(?:or|and|nor)\s+){_RECONSIDERED}){{0,3}}\s+(?:at|on|upon)(?:\s+or\s+after)?\s+the\s+(?:end|expiry|expiration|close)\s+of\s*,?\s+")
# ... or the supplier said to have no right to review or withdraw the appointment at its close: "Company shall have no right
# to review, confirm or withdraw the appointment at the end of the Market Entry Period", "the Supplier may not revoke the
# exclusivity on expiry of the Launch Phase" (not "... at the end of the Trial Period unless the Distributor has failed to",
# nor "before the end of", a trial that protects the partner until its close); nor to narrow or change it then, nor after:
# "shall have no right to review, confirm, withdraw, narrow or otherwise modify the appointment at or after the end of the
# Introductory Period"
_UNDONE = (r"(?:(?:otherwise\s+)?(?:review|reconsider|revisit|re-?examine|re-?assess|confirm|withdraw|revoke|terminate|cancel|end|"
           r"narrow|modify|vary|alter|reduce|limit|restrict|curtail|suspend))")
_NO_RIGHT_AT_END = (r"\b(?:(?:shall|will)\s+have\s+no\s+right|(?:is|are|shall|will)\s+not\s+(?:be\s+)?(?:entitled|permitted|allowed)|"
                    rf"(?:shall|will|may)\s+not)\s+(?:to\s+)?(?:{_UNDONE}(?:\s*,\s*|\s+(?:or|nor|and)\s+))"
                    rf"{{0,5}}{_UNDONE}\s+(?:the\s+|its\s+|[\w-]+['’]s?\s+)?(?:exclusive\s+)?{_APPOINTMENT_RIGHTS}[^.;]{{0,60}}?"
                    # "at or after the end of"; "by reason of the expiry of" ("shall not be entitled to review or revoke the
                    # exclusivity by reason of the expiry of the Launch Period")
                    r"\b(?:(?:at|on|upon)(?:\s+or\s+after)?|(?:by\s+reason|because|on\s+account|on\s+the\s+grounds?)\s+of)\s+"
                    r"(?:the\s+)?(?:end|expiry|expiration|close)\s+of\s+")
_UNLESS = r"(?![^.;]*?\b(?:unless|if|except|save|provided|other\s+than|without)\b)"
# ... or its close said to leave the appointment as it is, in a sentence with no condition: "The expiry of the Market Entry
# Period shall have no effect on Distributor's appointment or on the Term" (not "the end of the Trial Period without such
# notice does not affect the appointment", nor "if no notice is given, the expiry of the Trial Period shall not affect ...")
_ITS_CLOSE = (r"(?:^|(?<=[.;:]\s)|(?<=\n))(?!(?:[^.;\n]|\.(?=\d))*?\b(?:unless|if|except|save|provided|without|where|when)\b)"
              r"(?:[^.;\n]|\.(?=\d))*?"
              r"\b(?:end|expiry|expiration|close|lapse)\s+of\s+")
_CLOSE_LEAVES_ALONE = (r"(?:(?:does|do|shall|will)\s+not\s+(?:in\s+any\s+way\s+)?(?:affect|alter|change|limit|restrict)|"
                       rf"(?:(?:shall|will)\s+)?ha(?:s|ve)\s+no\s+(?:bearing|effect|impact|influence)\s+(?:whatsoever\s+)?on)[^.;]{{0,40}}?\b{_APPOINTMENT_RIGHTS}")
_NOT_HANGING_ON = (rf"(?:{_NOT_SUBJECT}(?:{_REVIEW_AT}|{_PERFORMANCE_IN})?|{_NOT_RECONSIDERED_AT_END}|"
                   r"\b(?:neither|no)\s+party\s+(?:may|shall|will|can)\s+(?:[^.;]{0,40}?\b)?(?:terminate|end|withdraw|revoke|modify|alter|"
                   r"change|reduce|limit)\b[^.;]{0,60}?\b(?:by\s+reason|because|on\s+account|on\s+the\s+grounds?)\s+of\s+)")
# an opening phase the probation clause names in lower case: "The first three (3) months of the term are a soft launch phase",
# or points back to, the months told in the sentence before: "For the first six (6) months ... the Supplier shall grant an
# introductory discount. This introductory period is not a probation or trial"
_PHASE_NAMED = lazy(r"(?:\b(?:are|is|be|constitutes?|forms?)\s+(?:an?|the)|\b[Tt]his)\s+"
                          r"((?:[a-z][\w-]*\s+){1,2}(?:period|phase|stage|window))\b")


# the phase the subject, not the object of another sentence's preposition: "the bio-efficacy trials ... have nothing to do
# with the Evaluation Period and do not affect your appointment" says nothing of the Evaluation Period
_NOT_AN_OBJECT = r"(?<!\bof )(?<!\bwith )(?<!\bto )(?<!\bfrom )"


# the next sentence pointing back to the phase: "It is not a trial", "For the avoidance of doubt it is not a trial of the
# Dealer", or to its close, with no condition: "Its expiry shall have no effect on Distributor's appointment" (not "Its expiry
# without notice shall have no effect on ...", a trial confirmed by silence)
_PHASE_POINTED_BACK = (r"(?:(?:for\s+(?:the\s+)?(?:avoidance\s+of\s+(?:any\s+)?doubt|clarity|the\s+sake\s+of\s+clarity)|"
                       r"to\s+avoid\s+(?:any\s+)?doubt|in\s+particular|accordingly),?\s+)?"
                       r"(?:it|they|these|(?:its|their)\s+(?:end|expiry|expiration|close|lapse)"
                       r"(?![^.;]*?\b(?:unless|if|except|save|provided|without|where|when)\b))\b")


def _leaves_appointment_alone(name: str, text: str) -> bool:
    """Whether the document says the period `name` leaves the appointment as it is, the period (or "it", "they" in the next
    sentence) the subject: "The Start-up Phase concerns fees and support only. It does not affect the exclusivity", "The first
    ninety (90) days are a shipping window only. They are not a trial or probationary period" (not "the end of the Trial
    Period does not affect ...", a probation's close), or the appointment the subject: "the Distributor's rights under
    clause 2 are not conditional on the Launch Period", "The Introductory Period is a launch arrangement only. The
    appointment during and after it is final and is not subject to any trial" (the next sentence points back to it and
    denies any trial, _NO_PROBATION)."""
    # the name's words across any spaces or line break ("the \"Launch\n   Period\"" set on two lines)
    phase = r"(?:the|this|an?)\s+" + r"\s+".join(map(re.escape, name.split())) + r"\b"
    if (named_as := re.fullmatch(r"(.+?)\s+(?:period|phase|stage|window)", name, re.IGNORECASE)) is not None:
        # or pointed back to with its own word and another noun, as a section titled with it goes on: "4. RAMP-UP PERIOD" +
        # "... This ramp-up support is furnished to assist LSHS. It is not a trial or probationary period"
        phase = rf"(?:{phase}|(?:this|that|such)\s+{re.escape(named_as.group(1))}\s+[\w-]+\b)"
    return bool(re.search(rf"{_NOT_AN_OBJECT}{phase}(?:[^.;]|\.(?=\d)){{0,200}}?"
                          rf"(?:[.;]\s+{_PHASE_POINTED_BACK}(?:[^.;]|\.(?=\d)){{0,200}}?)?{_LEAVES_ALONE}", text, re.IGNORECASE)
                or re.search(_NOT_HANGING_ON + phase, text, re.IGNORECASE)
                or re.search(_NO_RIGHT_AT_END + phase + _UNLESS, text, re.IGNORECASE)
                or re.search(_ITS_CLOSE + phase + r"\s+" + _CLOSE_LEAVES_ALONE + _UNLESS, text, re.IGNORECASE | re.MULTILINE)
                # the appointment, the next sentence's subject, not hanging on "it": "The Introductory Period is a pricing and
                # launch arrangement. Your exclusive appointment does not depend on it"
                or re.search(rf"{_NOT_AN_OBJECT}{phase}(?:[^.;]|\.(?=\d)){{0,200}}?[.;]\s+[^.;]{{0,60}}?\b{_APPOINTMENT_RIGHTS}\s+"
                             r"(?:does|do|shall|will|is|are)\s+not\s+(?:be\s+)?(?:depend(?:ent)?|conditional|contingent)\s+(?:up)?on\s+"
                             r"(?:it|them)\b", text, re.IGNORECASE)
                or re.search(rf"{_NOT_AN_OBJECT}{phase}(?:[^.;]|\.(?=\d)){{0,200}}?(?:[.;]\s+(?:[^.;]|\.(?=\d)){{0,80}}?)?"
                             + _NOT_REVIEWED_AT_ITS_END, text, re.IGNORECASE)
                or any(_NO_PROBATION.search(m.group(1)) for m in re.finditer(
                    rf"{_NOT_AN_OBJECT}{phase}(?:[^.;]|\.(?=\d)){{0,200}}?[.;]\s+([^.;]{{0,120}}?\b(?:during|in|throughout)\s+"
                    rf"(?:and\s+after\s+)?(?:it|them)\b[^.;]{{0,160}})", text, re.IGNORECASE)))


_LOWER_CASE_PHASE = lazy(r"[\"“]((?:[a-z][\w-]*\s+){1,2}(?:period|phase|stage|window))[\"”]\s+(?:means|shall\s+mean|refers\s+to)\b")


def _title_above(clause_text: str) -> str:
    """The clause's first line when it is a title in capitals over the text, read in title case ("4. Ramp-Up Period")."""
    first, newline, _rest = clause_text.partition("\n")
    if not newline and _LOWER_TITLE.fullmatch(first.strip()):
        return first.strip().title()  # a title alone in lower case: "Art. 4 introductory period" names the Introductory Period
    return first.title() if newline and first.isupper() else ""


# a section's title alone, its phase in lower case: "Art. 4 introductory period", "3. launch phase" (no sentence: "During the
# launch period the Supplier shall ...")
_LOWER_TITLE = lazy(r"(?:(?:art\.?|article|section|clause|§)\s*)?[\dIVXivx]+(?:\.\d+)*[.)]?\s*[-–—:]?\s*"
                    r"(?:[a-z][\w-]*\s+){1,2}(?:period|phase|stage|window)", re.IGNORECASE)


def _weighed_elsewhere(names: set[str], text: str) -> bool:
    """Whether a sentence of `text` names one of the phases `names`, or the next one points back to it ("The Launch Period is
    a support period only. Its expiry without a confirmation notice shall have no effect on the appointment"), and weighs
    the partner (reviews, terminates, confirms)."""
    return any(_PARTNER_WEIGHED.search(m.group(0)) for name in names
               for m in re.finditer(rf"[^.;]*\b{re.escape(name)}\b[^.;]*(?:[.;]\s+(?:it|its|this|that)\b[^.;]*)?", text,
                                    re.IGNORECASE))


def _period_terms(clause_text: str) -> Iterator[re.Match[str]]:
    """The periods a clause names; a clause in capitals is read in title case, but not the trials it says the appointment is
    not subject to ("IS NOT SUBJECT TO ANY TRIAL, PROBATIONARY OR EVALUATION PERIOD" names no "Evaluation Period")."""
    if not clause_text.isupper():
        return _PERIOD_TERM.finditer(clause_text)
    titled = clause_text.title()
    # the denial with the rest of its list, up to the period's own word
    denied = [(m.start(), (more.end() if (more := _DENIED_LIST_END.match(titled, m.end())) else m.end()))
              for m in _NO_PROBATION.finditer(titled)]
    return (m for m in _PERIOD_TERM.finditer(titled) if not any(s <= m.start() < e for s, e in denied))


_DENIED_LIST_END = lazy(r"[^.;:]{0,80}?\b(?:period|phase|stage)s?\b", re.IGNORECASE)


def _drop_phases_left_alone(clauses: list[Clause], text: str) -> None:
    """A probation clause that names a phase the document says leaves the appointment as it is ("The Start-up Phase
    concerns fees and support only. It does not affect the Partner's appointment"; "The Field Trial Phase tests the
    Product's hardware ... and has no bearing on the distribution rights"; "the first three months are a soft launch phase"
    + "The soft launch phase is an operational arrangement. It is not a trial of the Retailer's performance") is a phase of
    fees, support or product tests, no trial of the partner: so is every clause that names it (a milestone row "Field Trial
    Phase completed"). So is a phase the document says is no trial at all ("The Introductory Period is a commercial incentive
    only. It is not a trial, probation or evaluation period"), and a phase in which only the partner may end the agreement
    ("the Importer, and only the Importer, may terminate"), its own option."""
    # a heading in capitals ("CLAUSE 4 - INTRODUCTORY PERIOD") names the phase as the text does ("Introductory Period")
    # and so does one that opens the clause above its text ("4. RAMP-UP PERIOD" + "4.1 During the first six months ...")
    told = [{" ".join(m.group(1).split()) for m in itertools.chain(_period_terms(c.text), _PHASE_NAMED.finditer(c.text))}
            if c.type == ClauseType.probation else set() for c in clauses]
    # a phase defined in lower case, as drafts that write every defined term so do ('"introductory period" means the first six
    # (6) months'), is named by every probation clause that says it ("3. introductory period", "During the introductory period")
    lower = {m.group(1) for m in _LOWER_CASE_PHASE.finditer(text)} if any(c.type == ClauseType.probation for c in clauses) else set()
    named = [names | {m.group(1) for m in _PERIOD_TERM.finditer(_title_above(c.text))}
             | {n for n in lower if re.search(rf"\b{re.escape(n)}\b", c.text)} if c.type == ClauseType.probation
             else set() for c, names in zip(clauses, told, strict=True)]
    left_alone = {name for names in named for name in names if _leaves_appointment_alone(name, text)}
    # a phase in which only the partner may walk away is its option, and one told by the partner's own tasks that no one
    # weighs its start-up (the clause with its title: "1. Ramp-up phase. ... a ramp-up phase in which the Distributor
    # will build stock"), no trial of it: so is every clause that names it
    partner_only = [c.type == ClauseType.probation and (_PARTNER_ONLY_EXIT.search(c.text) is not None or (
        _SETTLING_IN.search(c.text) is not None and _PARTNER_WEIGHED.search(c.text) is None)) for c in clauses]
    left_alone.update(name for names, only in zip(named, partner_only, strict=True) if only for name in names)
    # a phase told by the supplier's support is no trial when nothing weighs the partner in it: neither its own clause nor
    # another sentence that names it ("Within thirty days after the end of the Launch Period the Supplier may terminate")
    support_only = [c.type == ClauseType.probation and _SUPPLIER_SUPPORT_PHASE.search(c.text) is not None
                    and _PARTNER_WEIGHED.search(c.text) is None and not _weighed_elsewhere(names, text.replace(c.text, ""))
                    for c, names in zip(clauses, named, strict=True)]
    # a clause that also names another trial period, not left alone, stays that trial's ("a trial period (the "Trial Period")
    # ... The Introductory Period that follows is not a trial period"); a phase told in lower case is the left-alone one
    # described ("The Testing Period is a technical qualification phase"), and so is the section's title over a text that
    # names the phase by another name ("ARTICLE 3 - INTRODUCTORY PHASE" + "the first six months, which the parties call the
    # Counter Opening Phase", which is no trial): the title names what its text describes
    clauses[:] = [c for c, names, own, only, support in zip(clauses, named, told, partner_only, support_only, strict=True)
                  if not only and not support and (
                      left_alone.isdisjoint(names) or any(n[0].isupper() and _PROBATION_NAME.search(n)
                                                          for n in (own if left_alone & own else names) - left_alone))]


def _places_by_name(clauses: list[Clause], text: str) -> None:
    """A territory named by a name the document defines ("exclusive importer for the whole of the Kingdom") takes the
    name's definition when the name means a place ('"Kingdom" means the Kingdom of Saudi Arabia'); otherwise it is dropped
    ("a dealer in the City", "sell in the Channel" with '"Channel" means pharmacies and drugstores', '"JVC" means the
    company to be incorporated in India': a place in the definition is not the name's meaning)."""
    for clause in [c for c in clauses if c.type == ClauseType.territory and "place_name" in c.attributes]:
        name = clause.attributes.pop("place_name")
        defined = _defining_sentence(name, text).strip()
        means = re.search(rf"[\"“]{re.escape(name)}[\"”]\s+(?:means|shall mean|refers to)\b", defined)
        if means and _place_follows(defined, means.end()):
            clause.attributes["definition"] = defined
        else:
            clauses.remove(clause)


def defines_the_territory(definition: str) -> bool:
    """Whether a territory clause's definition is of the Territory itself ('"Territory" means ...'), not of another name for
    an area or for its parts ('"Region" means ...', '"Provinces" means the provinces of Vietnam')."""
    return bool(re.search(r"territor", definition[:40], re.IGNORECASE))


def resolve_document(clauses: list[Clause], text: str) -> None:
    """Document-level resolution, from the document's `text`: every territory clause learns the definition of
    "Territory", and the definition (not a passing mention such as "worldwide, except ...") decides its scope; a
    probation or a minimum that names a defined period takes its length from that period's definition, and so do a term,
    a renewal, a probation and a minimum counted in a period the document defines ("four (4) Seasons"); a term that runs
    from the contract's date to a date is measured; a period a later amendment in the document rewords takes its new
    length; a renewal "for a similar period" takes the term's; a performance trigger that is only a trial period's closing
    review, with no target, is dropped, and so is a probation that names a phase the document says leaves the appointment
    as it is, and a minimum that only mentions a minimum guarantee the document says is paid once or a named target it says
    binds no one."""
    _probation_from_definition(clauses, text)
    _defaults_by_name(clauses, text)
    _floors_by_abbreviation(clauses, text)
    _drop_probation_reviews(clauses)
    _drop_mentions_taken_back(clauses, text)
    _drop_phases_left_alone(clauses, text)
    _commitment_period_from_definition(clauses, text)
    _from_defined_periods(clauses, text)
    _term_from_definition(clauses, text)
    _term_from_dates(clauses, text)
    _reworded_periods(clauses, text)
    _renewal_from_definition(clauses, text)
    _rows_read_with_clauses(clauses, text)
    _renewal_from_term(clauses)
    _places_by_name(clauses, text)
    territories = [c for c in clauses if c.type == ClauseType.territory]
    # "Territory" means ... first, then another name for it ("Region" means ...), in document order
    definitions = sorted((c for c in territories if "definition" in c.attributes),
                         key=lambda c: not defines_the_territory(c.attributes["definition"]))
    # the line under a "Territory" heading only names the territory of a clause that defines none (a search of the whole text)
    headed = "" if definitions or not territories else _headed_territory(text)
    for clause in territories:
        if "definition" not in clause.attributes and headed:
            clause.attributes["definition"] = headed
        elif "definition" not in clause.attributes and definitions:
            clause.attributes["definition"] = definitions[0].attributes["definition"]
            clause.attributes["definition_clause"] = definitions[0].id
        scope = clause.attributes.get("definition") or clause.text
        if not regions(scope):  # "the countries listed in Annex A": the annex names them
            scope += "\n" + (_annexed(scope, text) or _stated_elsewhere(scope, text) or _scheduled(scope, text))
        clause.attributes["regions"] = regions(scope)
        clause.attributes["broad"] = is_broad(scope)
