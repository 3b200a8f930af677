"""Word lists that both the readers (PDF, Word, segmentation) and the clause analysers need."""

# ordinal words and their values: clauses numbered "SIXTH:", terms ending "at the end of the fifth Contract Year"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}

# words no sentence ends on: a paragraph (or a page) that stops on one goes on in the next, whatever starts it
NEVER_LAST = frozenset("the a an of to in for by with than from on at into upon under per within between its their his her "
                       "such any each every whose if unless whether because".split())

# the words of numbers below a hundred and their values ("a", "an" and "single" are one): quantities reads "three (3)
# years" with them, the PDF reader keeps "SIXTY" + "(60) DAYS" together, geo knows "the fifty states"
NUMBER_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1,
}
NUMBER_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
NUMBER_WORDS = {**NUMBER_UNITS, **NUMBER_TENS}
