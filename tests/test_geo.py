import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausecheck.nlp.geo import COUNTRIES, GROUPS, is_broad


@pytest.mark.parametrize(
    ("territory", "broad"),
    [
        ('"Territory" means Denmark, Finland, Iceland, Norway and Sweden.', True),
        ("Territory means the Commonwealth of Australia, including its external territories.", True),
        ('"Territory" means the United States of America.', True),
        ("THE UNITED STATES OF AMERICA AND CANADA", True),
        ("worldwide, excluding any sanctioned country", True),
        ("North America (the United States, Canada and Mexico)", True),
        ("the Lombardy region of Italy", False),
        ("the Emirate of Dubai", False),
        ("the States of Texas, Oklahoma and Louisiana, United States of America", False),
        ("the Commonwealth of Massachusetts", False),
        ("the Provinces of Ontario and Quebec", False),
        ("the counties of Kent, Surrey and East Sussex in England", False),
        ("the German federal states of Bavaria and Baden-Württemberg", False),
        ("the member states of the European Union, together with Iceland and Norway", True),
        ('the territory of the United Mexican States (hereinafter "the Territory")', True),
        ("the counties of Lea and Eddy in the State of New Mexico", False),
        ("New South Wales and Victoria", False),
        ("Western Australia and the Northern Territory", False),
        ("the provinces of North Holland and Utrecht", False),
        ("Lower Austria, Upper Austria and Vienna", False),
        ("Australia and New Zealand", True),
        ("North Korea and South Sudan", True),
        ("Northern Ireland", True),
        # a part named by a word before its country's name; before a continent the same words name a broad region
        ("the Central Denmark Region and the North Denmark Region of the Kingdom of Denmark", False),
        ("the Greater Poland and Lesser Poland Voivodeships", False),
        ("Central Greece and Eastern Macedonia", False),
        ("Mid Wales", False),
        ("East Africa and Central Asia", True),
        ("Southern Europe", True),
        ("Central America", True),
        ("East Timor", True),
        ("Central Denmark and Sweden", True),
        ("Mexico and New Zealand", True),
        ("the Portuguese Republic and the Principality of Andorra", True),
        ("the Holy See and the Republic of San Marino", True),
        ("the Swiss Confederation, excluding the canton of Ticino", False),
        ("the Kingdom of Tonga, the Independent State of Samoa and the Republic of Vanuatu", True),
        ("the Federated States of Micronesia and Palau", True),
        ("the island of Savai'i in the State of Samoa, north coast region", False),
        ("please let us know", False),
        ("the Federal Republic of Germany, the Republic of Austria and the Italian-speaking cantons of Switzerland", True),
        ("Spain, Portugal and the Province of Quebec", True),
        ("the Provinces of Ontario and Manitoba, Canada", False),
        ("Italy (the Piedmont region only)", False),
        ("THE STATE OF TEXAS, UNITED STATES", False),
        # the parts' local name in brackets before the whole
        ("the Osh and Chui regions (oblustar) of the Kyrgyz Republic", False),
        ("the provinces (provincias) of Arequipa and Tacna, Peru", False),
        ("Bolivia (the Plurinational State) of course, and Peru", True),
        # a country said to comprise its parts listed one by one is whole; two or three of them named are a part
        ("the State of Kuwait, consisting of the governorates of Al Asimah, Hawalli, Farwaniya, Mubarak Al-Kabeer, Ahmadi and Jahra", True),
        ("Kenya, comprising the counties of Kiambu and Nakuru", False),
        ("the Kingdom of Bahrain, comprising the governorates of Capital, Muharraq and Southern", False),
        ("the Emirates of Abu Dhabi, Dubai, Sharjah, Ajman, Fujairah and Ras Al Khaimah in the United Arab Emirates", False),
        # a postal code in a party's address is no area; postal codes listed as the territory are
        ("Ruwi Trading LLC, P.O. Box 55, Postal Code 112, Ruwi, Sultanate of Oman,\n\nis our sole agent in the Sultanate of Oman", True),
        ("the postal codes 80000 to 89999 in Germany", False),
        ("the ZIP codes 10001, 10002 and 10003 in the United States", False),
        # a capital named after its country is a city, the country beside it stays whole
        ('"Territory" means Mexico City (Ciudad de México).', False),
        ('"Territory" means Mexico City (Ciudad de Mexico).', False),
        ("la Ciudad de Guatemala, Republica de Guatemala", True),
        ("PANAMA CITY AND COLON", False),
        ("Kuwait City and the rest of the State of Kuwait", True),
        ("Mexico, including Mexico City", True),
        # a hard-wrapped line stopping on "the", "and", "of" goes on in the next: its parts still narrow a place
        ("the whole of the Republic of Austria and the\nState of Bavaria, Germany, excluding its overseas territories and\n"
         "possessions", True),
        ("the State of Texas and the\nState of Oklahoma, United States of America", False),
        # all of a country's parts, by a quantifier or a count of them, are the whole country; a few or some of them are not
        ("the fifty (50) states of the United States of America and the District of Columbia", True),
        ("all the provinces and territories of Canada", True),
        ("each of the 47 prefectures of Japan", True),
        ("every state and territory of Australia", True),
        ("the two states of Texas and Oklahoma, United States", False),
        ("the northern states of Mexico", False),
        ("all the districts of Bavaria, Germany", False),
        # Spain's autonomous communities, one of them a principality; a principality that is a country stays whole
        ("the Autonomous Communities of Andalusia and Murcia, Kingdom of Spain", False),
        ("the Principality of Asturias and the Autonomous Community of Cantabria, Spain", False),
        ("the Principality of Liechtenstein and the Swiss Confederation", True),
        ("the Autonomous Republic of Adjara, Georgia", False),
        # a country's side or coast, or a country after a direction in lower case, is a part of it
        ("the south of Sweden", False),
        ("the North East of England", False),
        ("Sweden, south of the 60th parallel", False),
        ("the west coast of the United States", False),
        ("southern Sweden", False),
        ("northern Italy and Slovenia", True),
        ("the Republic of South Africa", True),
        # a country spelled without its diacritic
        ("the Republic of Turkiye", True),
        # the rest of a country left out after a part of it names no whole; a whole left out of a country leaves it broad
        ("the Province of Manitoba, Canada, with the exclusion of the other provinces and territories of Canada", False),
        ("the State of Saxony, excluding the rest of Germany", False),
        ("the State of Victoria, but not the remaining states of Australia", False),
        ("the Province of Manitoba, Canada, and the rest of Canada", True),
        ("Germany, excluding the rest of Europe", True),
        # a country's mainland, its islands left out, is a part; mainland China is the People's Republic in the usual sense,
        # and the mainland named with its islands is the whole country
        ('"Territory" means Tanzania Mainland. The islands of Unguja and Pemba (Zanzibar) are not part of the Territory.', False),
        ('"Territory" means Tanzania Mainland.', False),
        ("mainland Tanzania", False),
        ("the mainland of Greece", False),
        ("Greece, excluding the islands of Crete and Rhodes", False),
        ("mainland China", True),
        ("mainland China, being the People's Republic of China", True),
        ("the People's Republic of China, excluding Hong Kong, Macau and Taiwan", True),
        ("the United Republic of Tanzania, comprising Mainland Tanzania and Zanzibar (Unguja and Pemba)", True),
        ("the United Republic of Tanzania (Mainland and Zanzibar)", True),
        ("Tanzania Mainland, excluding Unguja and Pemba", False),
        ("mainland Portugal, Madeira and the Azores", True),
        ("the islands of Malta, Gozo and Comino", True),
        ("the island of Ireland", True),
        ("all the islands of Japan", True),
        # a named island or island group of a country is a part even when its regions are listed after it; the country told
        # by its regions or by all its island groups stays whole
        ("the island group of Luzon in the Republic of the Philippines, comprising the National Capital Region, the Cordillera "
         "Administrative Region, Region I (Ilocos), Region II (Cagayan Valley), Region III (Central Luzon), Region IV-A "
         "(CALABARZON), the MIMAROPA Region and Region V (Bicol).", False),
        ("the island of Luzon in the Republic of the Philippines, comprising the National Capital Region, the Cordillera "
         "Administrative Region, Region I (Ilocos), Region II (Cagayan Valley), Region III (Central Luzon), Region IV-A "
         "(CALABARZON), the MIMAROPA Region and Region V (Bicol).", False),
        ("the Visayas island group of the Philippines", False),
        ("the Republic of the Philippines, comprising the National Capital Region, the Cordillera Administrative Region, "
         "Region I (Ilocos), Region II (Cagayan Valley), Region III (Central Luzon), Region IV-A (CALABARZON), the MIMAROPA "
         "Region and Region V (Bicol)", True),
        ("the Philippines, comprising the three island groups of Luzon, Visayas and Mindanao", True),
    ],
)
def test_broad_territory(territory, broad):
    assert is_broad(territory) == broad


def test_regions_read_twice_are_equal_and_independent():
    from clausecheck.nlp.geo import regions

    first = regions("the Territory means France, Belgium and Luxembourg")
    first.append("Mars")
    assert regions("the Territory means France, Belgium and Luxembourg") == ["Belgium", "France", "Luxembourg"]


# every name as written in a contract: the regex syntax of the lists spelled out
_NAMES = [n.replace("\\.", ".").replace("(?: of America)?", " of America").replace("[\\s-]?", " ")
          .replace("[\\s-]", "-").replace("'?", "'").replace("(?:ly)?", "ly") for n in f"{GROUPS}|{COUNTRIES}".split("|")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from([str, str.lower, str.upper, str.title]),
                          st.sampled_from(["", "s", "-", " ", ",", "ese", ".", "n", " and "])), min_size=1, max_size=5),
       st.sampled_from(["", " ", "x", "the "]))
def test_broad_finds_what_the_plain_alternation_of_names_finds(parts, glue):
    import re

    from clausecheck.nlp.geo import BROAD, NOT_AFTER, NOT_AFTER_FOR_COUNTRY

    plain = re.compile(rf"\b{NOT_AFTER}(?:(?i:{GROUPS})|{NOT_AFTER_FOR_COUNTRY}(?:{COUNTRIES}))(?![\w-])")
    text = glue.join(case(name) + tail for name, case, tail in parts)
    assert [m.span() for m in BROAD.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_territory_definition_decides_scope_over_another_defined_area():
    from clausecheck import analyze_text

    text = ('"Region" means the States of California and Oregon.\n\n"Territory" means the United States of America.\n\n'
            "Supplier appoints Distributor as its exclusive distributor in the Territory.")
    clauses = [c for c in analyze_text(text).documents[0].clauses if c.type.value == "territory"]
    assert [c.attributes["broad"] for c in clauses] == [False, True, True]
    assert clauses[-1].attributes["definition"].startswith('"Territory"')
