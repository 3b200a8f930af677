"""Word lists that both the readers (PDF, Word, segmentation) and the clause analysers need."""

# ordinal words and their values: clauses numbered "SIXTH:", terms ending "at the end of the fifth Contract Year"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}

# words no sentence ends on: a paragraph (or a page) that stops on one goes on in the next, whatever starts it
NEVER_LAST = frozenset("the a an of to in for by with than from on at into upon under per within between its their his her "
                       "such any each every whose if unless whether because".split())
