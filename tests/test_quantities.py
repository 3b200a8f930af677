from datetime import date

import pytest

from clausecheck.nlp.quantities import (
    amounts,
    date_span_months,
    dates,
    durations,
    parse_number,
    period,
    yearly_span_months,
)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("an initial term of three (3) years", 36),
        ("for a period of five years", 60),
        ("thirty-six months", 36),
        ("the first six (6) months", 6),
        ("two (2) Contract Years", 24),
        ("ninety (90) days", 3),
        ("a six-month probationary period", 6),
        ("a twelve month trial", 12),
        # abbreviations of contracts drafted without a lawyer
        ("lasts one (1) yr.", 12),
        ("for another four (4) yr period", 48),
        ("the first three (3) mo. of the term", 3),
        ("within 6 mths of delivery", 6),
        ("two (2) yrs", 24),
        ("3 mos", 3),
        ("two qtrs", 6),
        ("two wks", 0.46),
    ],
)
def test_durations_in_months(text, months):
    assert durations(text)[0]["months"] == months


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("minimum purchases of USD 150,000 per Contract Quarter", 150000, "USD"),
        ("a Minimum Annual Volume of 1,200 hectoliters", 1200, "hectoliters"),
        ("open 25 new locations each year", 25, "locations"),
        ("$2.5 million per year", 2500000, "USD"),
        ("EUR 40,000 in each quarter", 40000, "EUR"),
        ("not less than 10,000 units", 10000, "units"),
        ("6.2 Orders shall be placed in lots of 400 cases", 400, "cases"),  # the clause number is no volume
        # currencies beyond the dollar, euro and pound: ISO codes, local signs, names after the figure
        ("purchases of at least A$1,500,000 a year", 1500000, "AUD"),
        ("not lower than R$ 1,200,000.00 per semester", 1200000, "BRL"),
        ("a floor of HK$800,000", 800000, "HKD"),
        ("KSh 5,000,000 in each quarter", 5000000, "KES"),
        ("₩500,000,000 per year", 500000000, "KRW"),
        ("AED 750,000 per Contract Year", 750000, "AED"),
        ("2,000,000 SEK per year", 2000000, "SEK"),
        ("300,000 zł per year", 300000, "PLN"),
        ("1,000,000 rand annually", 1000000, "ZAR"),
    ],
)
def test_amounts(text, value, unit):
    first = amounts(text)[0]
    assert (first["value"], first["unit"]) == (value, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("per Contract Quarter", "quarter"), ("1,200 hectoliters annually", "year"),
     ("each calendar month", "month"), ("in any year", "year"), ("once", None),
     ("in the first Distribution Year", "year"), ("in each subsequent Contract Year", "year"),
     ("in each Contract Yr", "year"), ("per qtr", "quarter"), ("each mo.", "month"), ("per mth", "month")],
)
def test_period(text, expected):
    assert period(text) == expected


@pytest.mark.parametrize("text", ["ship 10 mobiles", "2 motors and 3 mopeds", "4 mo units", "6 yrds of fabric"])
def test_words_that_open_like_an_abbreviated_unit_are_no_duration(text):
    assert durations(text) == []


def test_word_numbers():
    assert parse_number("one hundred and eighty") == 180
    assert parse_number("ninety (90)") == 90
    assert parse_number("1,200") == 1200


@pytest.mark.parametrize(
    ("text", "months"),
    [("the period from April 1, 2026 to September 30, 2026", 6), ("from 1 July 2025 until 31 December 2025", 6),
     ("from 1st of March 2027 through 31 May 2027", 3), ("from May 5, 2026 to May 4, 2027", 12),
     ("from 1 March 2027 to 15 March 2027", 0.5), ("from 30 June 2026 to 1 January 2026", None), ("on April 1, 2026", None),
     ("comes into force on 1 March 2025 and shall remain in force until 28 February 2027", 24),
     ("begins on May 1, 2026, and runs through April 30, 2031", 60),
     ("is signed on 2 May 2026 and the first order is due by 1 June 2026", None)],
)
def test_date_span_months(text, months):
    assert date_span_months(text) == months


@pytest.mark.parametrize("text", ["the Agent shall try 3 times to deliver", "a pen 5 cm long", "Sar 4 of the Schedule"])
def test_an_english_word_before_a_number_is_no_currency(text):
    assert not [a for a in amounts(text) if a["kind"] == "money"]


def test_dates_with_offsets():
    text = "dated 2 March 2026, in force until February 28, 2031; on 31 February 2027 nothing"
    assert [(d, text[s:e]) for d, s, e in dates(text)] == [(date(2026, 3, 2), "2 March 2026"),
                                                           (date(2031, 2, 28), "February 28, 2031")]


@pytest.mark.parametrize(
    ("text", "months"),
    [('"Season" means the period from October 1 of one year to September 30 of the following year', 12),
     ("from 1 July of each year to 31 December of the same year", 6),
     ("from April 1 of one year to March 31 of the next year", 12),
     ("from 1 July 2025 to 31 December 2025", None), ("from October 1 of one year to December 31", None)],
)
def test_yearly_span_months(text, months):
    assert yearly_span_months(text) == months
