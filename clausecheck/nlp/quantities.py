"""Parse durations, amounts and periods: "three (3) years" -> 36 months, "USD 150,000"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from ..wordlists import NUMBER_WORDS
from .caseless import fold
from .lazyre import lazy

_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*NUMBER_WORDS, *_SCALES], key=len, reverse=True))
_WORDS = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
# Indian grouping ("90,00,000" = 9,000,000) before the thousands
_DIGITS = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# the figure repeated in brackets, in digits or in words: "three (3)", "30 (thirty)" (not a list marker "(a)")
NUMBER = rf"(?:(?:{_DIGITS})|{_WORDS})(?:\s*\(\s*(?:{_DIGITS}|(?!an?\s*\)){_WORDS})\s*\))?"

# the abbreviations of units of time in contracts drafted without a lawyer, each with its word: "one (1) yr",
# "three (3) mo.", "6 mths", "2 wks", "each qtr" (patterns.py lets a pattern's unit word match them too)
UNIT_ABBREVIATIONS = (("week", "wk"), ("weeks", "wks"), ("month", "mo", "mth"), ("months", "mos", "mths"),
                      ("year", "yr"), ("years", "yrs"), ("quarter", "qtr"), ("quarters", "qtrs"))
# each abbreviation -> its word ("mths" -> "months")
_EXPANDED = {w: forms[0] for forms in UNIT_ABBREVIATIONS for w in forms[1:]}


def _unit_words(forms: Iterable[str]) -> str:
    """The alternatives of these words and their abbreviations in a regex: "mo" only before its full stop (a word of its
    own elsewhere), which is left to the sentence."""
    return "|".join("mo(?=\\.)" if w == "mo" else w for w in forms)


_UNIT_WORDS = r"(?:days?|" + _unit_words(w for forms in UNIT_ABBREVIATIONS for w in forms) + r")\b"
_UNIT_OF = {"d": "day", "w": "week", "m": "month", "y": "year", "q": "quarter"}

# _DURATION, _MONEY, _VOLUME and _PERCENT read caseless.fold(text): lower case, no re.IGNORECASE
_DURATION = lazy(
    rf"(?<![\w$€£])(?P<num>{NUMBER})[\s-]*(?:\(\s*\d+\s*\)\s*)?(?:full\s+|consecutive\s+|calendar\s+|"
    r"business\s+|working\s+|contract\s+|gregorian\s+|fiscal\s+|further\s+|additional\s+|successive\s+|more\s+)*"
    rf"(?P<unit>{_UNIT_WORDS})",
)
# ISO 4217 codes of the currencies contracts are written in, and the local signs: "A$", "R$", "HK$", "KSh", "Rp", "₩"
_CODES = ("aed|ars|aud|bdt|bgn|brl|cad|chf|clp|cny|cop|czk|dkk|egp|eur|gbp|ghs|hkd|huf|idr|ils|inr|isk|jpy|kes|krw|kzt|"
          "lkr|mad|mxn|myr|ngn|nok|npr|nzd|pen|php|pkr|pln|qar|rmb|ron|rsd|rub|sar|sek|sgd|thb|try|twd|uah|usd|vnd|xaf|"
          "xof|zar|zmw")
_CODES_ANY_CASE = frozenset("usd eur gbp chf cad aud jpy rmb inr".split())  # read in lower case too, as before
_SIGNS = {"$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
          "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "R$": "BRL", "MX$": "MXN", "N$": "NAD", "€": "EUR", "£": "GBP",
          "¥": "JPY", "₹": "INR", "RS": "INR", "RS.": "INR", "₩": "KRW", "₦": "NGN", "₺": "TRY", "₽": "RUB", "₫": "VND",
          "฿": "THB", "₱": "PHP", "₪": "ILS", "KSH": "KES", "RP": "IDR", "RM": "MYR", "ZŁ": "PLN"}
_WORDS_OF = {"DOLLARS": "USD", "U.S.DOLLARS": "USD", "USDOLLARS": "USD", "EURO": "EUR", "EUROS": "EUR",
             "POUNDSSTERLING": "GBP", "RUPEES": "INR", "YEN": "JPY", "YUAN": "CNY", "RENMINBI": "CNY", "REAIS": "BRL",
             "RAND": "ZAR", "ZLOTY": "PLN", "ZŁ": "PLN", "FORINT": "HUF", "NAIRA": "NGN", "BAHT": "THB", "RINGGIT": "MYR",
             "RUPIAH": "IDR"}
_MONEY = lazy(
    rf"(?P<cur>(?<![a-z])(?:[a-z]{{1,3}}\$|u\.s\.\s?\$|us\s\$|{_CODES}|rs\.?|ksh|rp|rm)|\$|€|£|¥|₹|₩|₦|₺|₽|₫|฿|₱|₪|zł)"
    rf"\s?(?P<num>{_DIGITS})"
    r"(?:\s*(?P<scale>million|thousand|billion|lakhs?|crores?|m\b|k\b))?"
    rf"|(?P<num2>{_DIGITS})(?:\s?(?P<scale2>million|thousand|billion|lakhs?|crores?))?[ \u00a0]?"
    rf"(?P<cur2>u\.?s\.? dollars|dollars|euros?|pounds sterling|rupees|yen|yuan|renminbi|reais|rand|zloty|zł|forint|naira|"
    rf"baht|ringgit|rupiah|(?:{_CODES})\b)",
)
_VOLUME_UNITS = (
    r"units?|cases?|hectolit(?:er|re)s?|hl|lit(?:er|re)s?|gallons?|tons?|tonnes?|pieces?|pcs|"
    r"kilograms?|kgs?|pounds?|lbs|boxes|bottles|cartons|pallets|containers|doses|vials|"
    r"systems?|devices|machines|vehicles|licen[cs]es|subscribers|users|seats|"
    r"locations|stores|outlets|restaurants|franchises|accounts|customers|points of sale|orders"
)
_VOLUME = lazy(
    rf"(?<![\w$€£])(?P<num>{NUMBER})\s+(?:new\s+|additional\s+|net\s+)?(?P<unit>{_VOLUME_UNITS})\b",
)
_PERCENT = lazy(rf"(?P<num>{_DIGITS})\s*(?:%|percent\b|per cent\b)")
_PERIOD = lazy(
    r"\b(?:per|each|every|in any|in each|during each|during any|for each|for any|a|(?:in|during) the first)\s+"
    r"(?:subsequent\s+|following\s+)?"
    r"(?:calendar\s+|contract\s+|contractual\s+|gregorian\s+|agency\s+|fiscal\s+|financial\s+|full\s+|twelve[\s-]month\s+|consecutive\s+|development\s+|"
    r"licen[cs]e\s+|agreement\s+|business\s+|sales\s+|program(?:me)?\s+|operating\s+|royalty\s+|distribution\s+|"
    r"order\s+|supply\s+|purchase\s+|"
    # a period the contract names: "each Publishing Quarter", "per Promotion Year"; not after a bare "a", which names one
    # such period ("a Business Plan for a Plan Year setting out the volume for each Quarter"), no rate ("EUR 500 a year")
    r"(?-i:(?<!\ba\s)(?<!\bA\s)[A-Z][a-z]+\s+))?"
    r"(?P<p>" + _unit_words(w for forms in UNIT_ABBREVIATIONS if forms[0] in ("month", "quarter", "year") for w in forms)
    + r"|annum|semester|half[\s-]year)\b"
    r"|\b(?:any|each|every|per|rolling)\s+(?P<twelve>(?:twelve|12)(?:\s*\(12\))?[\s-]+(?:consecutive\s+|calendar\s+)?months?)\b"
    r"|\b(?P<adj>annual(?:ly)?|quarterly|monthly|yearly|semi-annual(?:ly)?)\b",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """'three (3)' -> 3, '1,200' -> 1200, 'one hundred and eighty' -> 180."""
    paren = re.search(r"\(\s*([\d,.]+)\s*\)", text)
    # "three (3)" -> the digits in brackets; "30 (thirty)" -> the figure before the words in brackets
    text = paren.group(1) if paren else re.sub(r"\([^()]*\)", " ", text)
    text = text.strip().lower()
    digits = text.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    total, current = 0, 0
    found = False
    words = [w for w in re.split(r"[\s-]+", text) if w]
    if len(words) > 1 and words[0] in ("a", "an", "single") and words[1] not in _SCALES:
        words = words[1:]  # "a six-month period" is six months, not seven ("a hundred" stays 100)
    for word in words:
        if word == "and" or not word:
            continue
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        found = True
    return float(total + current) if found else None


# contracts count "ninety (90) days" as three months: a month is 30 days here; weeks are counted in the year's 52
# ("thirteen (13) weeks" a quarter, "26 weeks" a half-year) and in days as seven each
_MONTHS_PER = {"day": 1 / 30, "week": 12 / 52, "month": 1, "quarter": 3, "year": 12}


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _group(text: str, m: re.Match[str], name: str | int = 0) -> str:
    """What a match in `fold(text)` covers in `text` ("" for a group that took no part)."""
    return text[m.start(name):m.end(name)]


# a duration told in two units, the larger first, is their sum: "two (2) years and six (6) months", "three months and
# fifteen days" (not "between six months and one year", nor "three years and thereafter six months")
_AND_ONLY = lazy(r"\s*,?\s+and\s+")
_RANK = {"year": 4, "quarter": 3, "month": 2, "week": 1, "day": 0}


def durations(text: str) -> list[dict[str, Any]]:
    """Every duration stated in a text, in order, with its value in months and days."""
    out: list[dict[str, Any]] = []
    low = fold(text)
    for m in _DURATION.finditer(low):
        value = parse_number(_group(text, m, "num"))
        if value is None:
            continue
        unit = _UNIT_OF[_group(text, m, "unit").lower()[0]]
        months = value * _MONTHS_PER[unit]
        last = out[-1] if out else None
        if last and _RANK[last["unit"]] > _RANK[unit] and _AND_ONLY.fullmatch(low, last["end"], m.start()):
            days = last["days"] + round(value * 7 if unit == "week" else months * 30)
            months += last["months"]
            last.update(text=text[last["start"]:m.end()], value=_num(round(months / _MONTHS_PER[last["unit"]], 2)),
                        months=_num(round(months, 2)), days=_num(days), end=m.end())
            continue
        out.append({
            "text": _group(text, m), "value": _num(value), "unit": unit,
            "months": _num(round(months, 2)), "days": _num(round(value * 7 if unit == "week" else months * 30)),
            "start": m.start(), "end": m.end(),
        })
    return out


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a month by its name, in full or shortened ("Aug.", "September"): dates here, a date cut by a page break in segment
MONTH = rf"(?:{'|'.join(_MONTHS)})[a-z]*\.?"


def _date_regex(side: str) -> str:
    """A date written "April 1, 2026" or "1 April 2026", its parts named after `side`."""
    return (rf"(?:(?P<{side}m1>{MONTH})\s+(?P<{side}d1>\d{{1,2}})(?:st|nd|rd|th)?,?|"
            rf"(?P<{side}d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<{side}m2>{MONTH}),?)\s+(?P<{side}y>\d{{4}})")


# a name the first date is given in passing: 'starts on 1 January 2026 (the "Start Date") and ...'
_NAMED = r"(?:\s*\([^()]{0,60}\))?"
_DATE_SPANS = (
    re.compile(rf"\bfrom\s+(?:and\s+including\s+)?{_date_regex('a')}{_NAMED}\s+"
               rf"(?:to|until|till|through|and ending on|up to)\s+(?:and\s+including\s+)?{_date_regex('b')}"),
    # "takes effect on 1 May 2025 and shall continue until 30 April 2027", "starts on ... and runs until ...",
    # "enters into force on ... and is concluded for a fixed term until ...", "starts on ... and ends on ...",
    # 'starts on ... (the "Start Date") and has a fixed term ending on ...'
    re.compile(rf"\b(?:on|as of)\s+{_date_regex('a')}{_NAMED},?\s+and\s+(?:[^.;\d]{{0,40}}?\s)?"
               rf"(?:until|till|through|(?:ends?|ending|expires?|expiring|terminates?|terminating)\s+on)\s+(?:and\s+including\s+)?{_date_regex('b')}"),
    # a key-terms row: "Validity: 1 March 2026 to 28 February 2027", "Term: March 1, 2026 - February 28, 2027", a table's
    # "| Trial Period | 1 February 2027 to 30 June 2027 |", pasted as Markdown: "**Pilot Period:** 1 May 2026 – 31 Aug 2026"
    re.compile(rf"\b(?:term|duration|validity|period)(?:\s+period)?[\s*_]*[:|][\s*_]*{_date_regex('a')}\s*(?:to|until|till|through|-|–|—)\s*"
               rf"{_date_regex('b')}"),
)


def _date(m: re.Match[str], side: str) -> date | None:
    month = m.group(f"{side}m1") or m.group(f"{side}m2")
    day = m.group(f"{side}d1") or m.group(f"{side}d2")
    try:
        return date(int(m.group(f"{side}y")), _MONTHS.index(month[:3]) + 1, int(day))
    except ValueError:
        return None


def months_between(first: date, last: date) -> int | float:
    """The months from the first day to the last, the last included, to the half month: 1 April - 30 September is 6."""
    last += timedelta(days=1)
    months = (last.year - first.year) * 12 + last.month - first.month + (last.day - first.day) / 30
    return _num(round(months * 2) / 2)


def date_span_months(text: str) -> int | float | None:
    """The length in months of the first period given by its two dates, the last day included:
    "from April 1, 2026 to September 30, 2026" -> 6."""
    for m in (m for span in _DATE_SPANS for m in span.finditer(fold(text))):
        first, last = _date(m, "a"), _date(m, "b")
        if first and last and last >= first:
            return months_between(first, last)
    return None


_ONE_DATE = lazy(_date_regex("a"))


def dates(text: str) -> list[tuple[date, int, int]]:
    """Every full date of a text ("28 February 2031", "October 1, 2026") with its offsets."""
    return [(d, m.start(), m.end()) for m in _ONE_DATE.finditer(fold(text)) if (d := _date(m, "a"))]


# a period that recurs each year, given by its first and last day: "from October 1 of one year to September 30 of the
# following year"
_YEARLY = lazy(rf"\bfrom\s+(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH}))(?:st|nd|rd|th)?\s+of\s+"
                     rf"(?:one|each|any|a|the)\s+(?:calendar\s+)?year\s+(?:to|until|through)\s+(?:(?P<m3>{MONTH})\s+(?P<d3>\d{{1,2}})|"
                     rf"(?P<d4>\d{{1,2}})\s+(?P<m4>{MONTH}))(?:st|nd|rd|th)?\s+of\s+the\s+(?P<next>following|next|same)\s+(?:calendar\s+)?year\b")


def yearly_span_months(text: str) -> int | float | None:
    """The length in months of a period stated by its days of the year: "from October 1 of one year to September
    30 of the following year" -> 12."""
    m = _YEARLY.search(fold(text))
    if m is None:
        return None
    try:
        first = date(2001, _MONTHS.index((m.group("m1") or m.group("m2"))[:3]) + 1, int(m.group("d1") or m.group("d2")))
        last = date(2001 + (m.group("next") != "same"), _MONTHS.index((m.group("m3") or m.group("m4"))[:3]) + 1,
                    int(m.group("d3") or m.group("d4")))
    except ValueError:
        return None
    return months_between(first, last) if last >= first else None


def _item_number(low: str, m: re.Match[str]) -> bool:
    """A clause number opening a line, not a volume: "4.1 Orders shall be sent by e-mail"."""
    line_start = low.rfind("\n", 0, m.start()) + 1
    return not low[line_start:m.start()].strip() and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+\.?", m.group("num")) is not None


def amounts(text: str) -> list[dict[str, Any]]:
    """Money amounts and volumes ('USD 150,000', '1,200 hectoliters', '25 new locations')."""
    out: list[dict[str, Any]] = []
    low = fold(text)
    for m in _MONEY.finditer(low):
        value = parse_number(_group(text, m, "num") or _group(text, m, "num2"))
        if value is None:
            continue
        scale = (_group(text, m, "scale") or _group(text, m, "scale2")).lower()
        value *= {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3, "billion": 1e9, "lakh": 1e5, "lakhs": 1e5,
                  "crore": 1e7, "crores": 1e7}.get(scale, 1)
        written = _group(text, m, "cur") or _group(text, m, "cur2")
        if written.isalpha() and len(written) == 3 and not written.isupper() and written.lower() not in _CODES_ANY_CASE \
                and written.upper() not in _SIGNS:
            continue  # "try 3 times", "a pen 5 cm long": a code only in capitals
        cur = written.upper().replace(" ", "")
        currency = _SIGNS.get(cur) or _WORDS_OF.get(cur, cur)
        out.append({"text": _group(text, m), "value": _num(value), "unit": currency, "kind": "money",
                    "start": m.start(), "end": m.end()})
    for m in _VOLUME.finditer(low):
        value = parse_number(_group(text, m, "num"))
        if value is None or any(a["start"] <= m.start() < a["end"] for a in out) or _item_number(low, m):
            continue
        out.append({"text": _group(text, m), "value": _num(value), "unit": _group(text, m, "unit").lower(),
                    "kind": "volume", "start": m.start(), "end": m.end()})
    for m in _PERCENT.finditer(low):
        value = parse_number(_group(text, m, "num"))
        if value is not None:
            out.append({"text": _group(text, m), "value": _num(value), "unit": "percent",
                        "kind": "percent", "start": m.start(), "end": m.end()})
    return sorted(out, key=lambda a: a["start"])


def period(text: str) -> str | None:
    """The period an amount is measured over: 'month', 'quarter' or 'year'."""
    m = _PERIOD.search(text)
    if not m:
        return None
    if m.group("twelve"):
        return "year"  # "over any twelve consecutive months", "each rolling 12-month period"
    word = (m.group("p") or m.group("adj") or "").lower()
    word = _EXPANDED.get(word, word)
    if word.startswith(("annum", "annual", "year")):
        return "year"
    if word.startswith("quarter"):
        return "quarter"
    if word.startswith("month"):
        return "month"
    if word.startswith(("semester", "half", "semi")):
        return "half-year"
    return word or None
