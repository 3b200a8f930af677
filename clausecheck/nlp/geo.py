"""Place names that make a territory broad: whole countries, groups of countries, continents."""

from __future__ import annotations

import re
from functools import lru_cache

from ..wordlists import NUMBER_WORDS
from .lazyre import lazy

COUNTRIES = (
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Argentine Republic|Armenia|Australia|Austria|Azerbaijan|Bahamas|"
    "Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|"
    "Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Chad|Chile|China|Côte d['’]Ivoire|Cote d['’]Ivoire|"
    "People'?s Republic of China|PRC|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|"
    "Denmark|Djibouti|Dominican Republic|Ecuador|Egypt|El Salvador|Estonia|Eswatini|Ethiopia|Fiji|Finland|"
    "France|French Republic|Gabon|Gabonese Republic|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Hellenic Republic|Honduras|Hong Kong|"
    "Holy See|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italian Republic|Italy|Ivory Coast|Jamaica|Japan|Jordan|"
    "Kazakhstan|Kenya|Korea|South Korea|North Korea|Republic of Korea|Kosovo|Kuwait|Kyrgyzstan|Kyrgyz Republic|Laos|Latvia|Lebanon|Lebanese Republic|"
    "Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Macau|Madagascar|Malawi|Malaysia|Maldives|Mali|"
    "Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|"
    "Nepal|Netherlands|the Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|"
    "Oman|Pakistan|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Portuguese Republic|Puerto Rico|Qatar|"
    "Romania|Russia|Russian Federation|Rwanda|San Marino|Saudi Arabia|Senegal|Serbia|Singapore|Slovakia|Slovenia|"
    "Slovak Republic|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Swiss Confederation|Switzerland|Syria|Syrian Arab Republic|Taiwan|Tajikistan|Tanzania|"
    "Thailand|Togo|Togolese Republic|Trinidad and Tobago|Tunisia|Tunisian Republic|Turkey|Türkiye|Turkiye|Turkmenistan|Uganda|Ukraine|"
    "United Arab Emirates|UAE|United Mexican States|United Kingdom|Great Britain|Britain|UK|U\\.K\\.|England|Scotland|Wales|"
    "United States(?: of America)?|U\\.S\\.A?\\.?|USA|US|America|Uruguay|Uzbekistan|Vatican City|Venezuela|Vietnam|"
    "Viet Nam|Yemen|Zambia|Zimbabwe|"
    # the Pacific island nations
    "Samoa|Tonga|Vanuatu|Solomon Islands|Kiribati|Tuvalu|Nauru|Palau|Marshall Islands|Micronesia|Timor-Leste|East Timor"
)
GROUPS = (
    "world[\\s-]?wide|throughout the world|the whole world|the entire world|the whole of the world|the world|global(?:ly)?|all countries|any country|"
    "North America|South America|Central America|Latin America|the Americas|Europe|European Union|EU|"
    "European Economic Area|EEA|Asia|Asia[\\s-]Pacific|APAC|EMEA|Middle East|Africa|Oceania|"
    "Scandinavia|Nordic countries|the Nordics|Benelux|DACH|Gulf Cooperation Council|GCC|Caribbean|"
    "Greater China|Southeast Asia|South East Asia|Far East|Eastern Europe|Western Europe|Central Europe"
)


def _by_first_letter(names: str, ignore_case: bool) -> str:
    """The same alternation with the names that share a first letter behind it: "Chad|Chile|Cuba" ->
    "C(?:had|hile|uba)". The engine tries a letter's names only where that letter is; each name
    starts with a letter and keeps its order among those of its letter (names of other letters
    cannot match where it does), so the same name wins everywhere."""
    by_letter: dict[str, list[str]] = {}
    for name in names.split("|"):
        by_letter.setdefault(name[0].lower() if ignore_case else name[0], []).append(name)
    return "|".join(f"{group[0][0]}(?:{'|'.join(name[1:] for name in group)})" for group in by_letter.values())


# "New Mexico", "New England", "New South Wales", "Western Australia", "North Holland", "Lower Austria", "Inner Mongolia" are
# parts of a country, not the country they name (the countries so named are listed whole: "South Africa", "North Korea")
_PART_WORDS = ("New", "South", "North", "Western", "Lower", "Upper", "Inner")
# so are "the Central Denmark Region", "Greater Poland", "Lesser Poland", "Central Greece", "Eastern Finland", "Mid Wales",
# "East Flanders", "Peninsular Malaysia" (West Malaysia, without Sabah and Sarawak); before a group of countries these words
# name a broad region ("Central Asia", "East Africa", "Southern Europe"), so they mark only a country's part
_COUNTRY_PART_WORDS = ("Central", "Greater", "Lesser", "East", "West", "Eastern", "Southern", "Mid", "Peninsular")


# in lower case too, as a territory is told in a sentence ("southern Sweden", "central Italy", "peninsular Malaysia";
# "Northern Ireland" is whole)
_COUNTRY_PART_ADJECTIVES = ("northern", "southern", "eastern", "western", "central", "peninsular")


NOT_AFTER, NOT_AFTER_FOR_COUNTRY = ("".join(f"(?<!{word} )(?<!{word.upper()} )" for word in words)
                                    for words in (_PART_WORDS, _COUNTRY_PART_WORDS + _COUNTRY_PART_ADJECTIVES))
# "Northern Italy", "Northern Spain" in title case are parts too; "Northern Ireland" stays whole, as it always read
NOT_AFTER_FOR_COUNTRY += r"(?:(?<!Northern )(?<!NORTHERN )|(?=Ireland\b|IRELAND\b))"
_COUNTRY_NAMES = _by_first_letter(COUNTRIES, False)
# a capital named after its country is a city: "Mexico City", "Panama City", "Kuwait City" ("Vatican City" is listed whole),
# "Ciudad de Mexico", "Ciudad de Guatemala"
BROAD = lazy(rf"\b{NOT_AFTER}(?:(?i:{_by_first_letter(GROUPS, True)})|{NOT_AFTER_FOR_COUNTRY}(?<!Ciudad de )(?<!CIUDAD DE )"
                   rf"(?:{_COUNTRY_NAMES}))(?![\w-])(?!\s+City\b)")
# such a part by its name: "Western Australia and the Northern Territory" names a place, no whole country
PART_BY_NAME = lazy(rf"\b(?:{'|'.join(w for word in _PART_WORDS + _COUNTRY_PART_WORDS for w in (word, word.upper()))}|"
                          rf"{'|'.join(_COUNTRY_PART_ADJECTIVES)}|(?:Northern|NORTHERN)(?= (?!Ireland\b|IRELAND\b))) "
                          rf"(?:{_COUNTRY_NAMES})(?![\w-])")
# a part of a country: "the States of Texas and Oklahoma", "the Province of Ontario", "the Lombardy
# region of Italy", "the Emirate of Dubai" ("the Commonwealth of Australia" is a whole country)
SUBNATIONAL = lazy(
    # a country's official name is no state of a country: "the Plurinational State of Bolivia", "the State of Qatar"
    r"\b((?<!united )(?<!member )states? of(?! (?:bolivia|israel|kuwait|qatar|eritrea|palestine|libya|papua new guinea|samoa|micronesia)\b)|"
    r"commonwealth of (?:pennsylvania|massachusetts|virginia|kentucky|puerto rico)|"
    # Bangladesh's first-level units are divisions: "the Dhaka Division and the Chattogram Division of Bangladesh"
    r"provinces? of|divisions? of|count(?:y|ies)|"
    # a state told by its name before the word, as Nigeria's, Malaysia's and India's are: "Lagos State, Ogun State and the
    # Federal Capital Territory (Abuja), Nigeria", "Penang State", "Rivers and Delta States" (not "the United States", "the
    # Member States", "the Gulf States", "the Independent State of Samoa")
    r"(?<![\w-])(?!(?:the|a|an|each|any|such|that|this|these|those|other|every|said|relevant|home|host|foreign|third|sovereign|"
    r"nation|independent|plurinational|federated|united|member|non-member|contracting|signatory|participating|partner|"
    r"successor|gulf|baltic|arab|nordic|balkan|andean|african|caribbean|pacific|island|malay|efta|eea|eu|asean|cis|"
    r"schengen|commonwealth|city|origin|destination|requesting|requested|issuing|our|your|their|its)\s)"
    r"(?-i:[A-Z][A-Za-z'’-]+\s+(?:States?|STATES?))\b|"
    # so are a province and a city: "Guangdong Province, China", "Taipei City, New Taipei City and Taoyuan City, in Taiwan"
    # ("Vatican City" is a country; "Panama City", "Kuwait City", a capital named after its country, stand beside it)
    r"(?<![\w-])(?!(?:the|a|an|each|any|such|that|this|these|those|other|every|said|relevant|our|your|their|its|vatican|inner|"
    r"capital|host|home|united|his|her)\s)(?!(?-i:" + _COUNTRY_NAMES + r")\s+Cit)(?-i:[A-Z][A-Za-z'’-]+\s+(?:Provinces?|PROVINCES?|City|CITY|Cities|CITIES))\b|"
    # a capital's territory or district: "the Federal Capital Territory", "the Australian Capital Territory", "the Capital
    # District of Bogota" (not the defined "Territory")
    r"capital\s+(?:territor(?:y|ies)|districts?)\b|"
    # Spain's first-level units, one of them a principality ("the Principality of Monaco" and its like are countries):
    # "the Autonomous Community of Galicia and the Principality of Asturias, Kingdom of Spain"
    r"autonomous (?:communit(?:y|ies)|republics?|okrugs?)|principality of(?! (?:monaco|liechtenstein|andorra)\b)|cit(?:y|ies) of|municipalit\w*|"
    # a metropolitan area is a city's, "metropolitan France" (its mainland, overseas parts left out) the country
    r"metropolitan(?! (?-i:" + _COUNTRY_NAMES + r")(?![\w-]))|cantons?|prefectures?|"
    r"d[eé]parte?ments? of|regions? of|(?-i:region)\b|emirates? of|l[äa]nder|federal states|districts? of|boroughs?|"
    r"governorates?|oblasts?|voivodeships?|upazilas?|wilayas? of|"
    # the UK's units of local government: "the unitary authority areas of Redcar and Cleveland and Hartlepool in England",
    # "the local authority areas of ...", "the council areas of Fife and Angus, Scotland"
    r"(?:unitary|local) authorit(?:y|ies)|council areas?|"
    # a code in an address is no area ("P.O. Box 1763, Postal Code 133, Muscat"; "the postal codes 80000 to 89999" are)
    r"(?:zip|postal) code(?:s|(?!\s+[\w-]*\d[\w-]*\s*,))|the (?:north|south|east|west)\w* (?:part|half|region|island)|"
    # a country's side or coast: "the south of Sweden", "the North East of England", "Sweden, south of the 60th parallel",
    # "the west coast of the United States"
    r"(?:north|south|east|west)(?:[\s-]?(?:east|west))?\s+of\b|(?:north|south|east|west)(?:ern)?\s+coast|"
    # an island of a country, or its mainland with its islands left out: "the island of Bali, Indonesia", "the islands of
    # Unguja and Pemba", "Tanzania Mainland", "mainland Greece" (the country's own name after it is the country: "the islands
    # of Malta, Gozo and Comino", "the island of Ireland"; "mainland China" is the People's Republic in the usual sense, Hong
    # Kong, Macau and Taiwan being places of their own; the mainland with its islands is the whole country, _PART_OF_WHOLE)
    # so is an island group, named before or after its word: "the island group of Luzon in the Republic of the Philippines",
    # "the Visayas island group of the Philippines" (a country told by all its island groups is whole, _PART_OF_WHOLE)
    r"islands?(?:\s+groups?)?\s+of(?!\s+(?:the\s+)?(?-i:" + _COUNTRY_NAMES + r")(?![\w-]))|island\s+groups?\b|"
    r"(?<!china )(?<!prc )(?<!chinese )mainland\b(?!\s+(?:of\s+)?(?:the\s+)?(?:china|prc|people['’]?s\s+republic\s+of\s+china)\b))",
    re.IGNORECASE,
)
WORLD = lazy(r"\bworld|\bglobal", re.IGNORECASE)


def regions(text: str) -> list[str]:
    return list(_regions(text))


def names_place(text: str) -> bool:
    """Whether the text names a country or more, or a part of one ("the Province of Ontario", "Western Australia")."""
    return bool(_regions(text) or SUBNATIONAL.search(text) or PART_BY_NAME.search(text))


def _cased(text: str) -> str:
    """An all-caps text in title case, for the case-sensitive names: "UNITED STATES" -> "United States" ("US" stays)."""
    letters = [c for c in text if c.isalpha()]
    return text.title() if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters) else text


# a document's territory clauses share the definition of "Territory", and is_broad reads the
# regions of the text regions() just read: the long alternation runs once per text (twice when it names a part)
@lru_cache(maxsize=64)
def _regions(text: str) -> tuple[str, ...]:
    return tuple(sorted({m.group(0) for m in BROAD.finditer(_cased(text))}, key=str.lower))


# a count of parts large enough to be all of them ("the fifty (50) states", "the 47 prefectures"; a list of a few parts is
# named part by part, "the two states of Texas and Oklahoma")
_MANY = (r"(?:\d{2,3}|" + "|".join(w for w, n in NUMBER_WORDS.items() if 10 <= n <= 19) + "|(?:"
         + "|".join(w for w, n in NUMBER_WORDS.items() if n in (20, 30, 40, 50)) + r")(?:[\s-](?:"
         + "|".join(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 9 and w not in ("a", "an", "single")) + r"))?)(?:\s*\(\d+\))?")
_PARTS = (r"(?:states?|provinces?|territor(?:y|ies)|prefectures?|regions?|cantons?|count(?:y|ies)|l[äa]nder|emirates?|oblasts?|"
          r"islands?|voivodeships?|governorates?|d[eé]parte?ments?|districts?|municipalit(?:y|ies))")
# a part named as included in a whole ("the United States, including the District of Columbia"), the whole said to be all
# its parts ("the State of Qatar, being the whole of the Municipality Zones", "Kenya, comprising all of its counties"; not
# "Kenya, comprising the counties of Kiambu and Nakuru"), all the parts of a country named ("the fifty states of the United
# States", "all the provinces and territories of Canada", "every state of Australia": the country's name next; not "the
# northern states of Mexico", "all the districts of Bavaria, Germany") or its overseas territories excluded from it does not
# make the whole a part; the rest of a country left out after a part of it names no whole either; nor does its mainland
# named with its islands ("the United Republic of Tanzania, comprising Mainland Tanzania and Zanzibar", "Tanzania (Mainland
# and Zanzibar)", "mainland Portugal, Madeira and the Azores"; not "Tanzania Mainland, excluding Unguja and Pemba")
_PART_OF_WHOLE = lazy(r"\bmainland\b(?=(?:\s+(?-i:" + _COUNTRY_NAMES + r"))?(?:\s*,(?!\s*(?:excluding|except|other|but|save|not|without)\b)"
                            r"\s*[^,.;()]+?)*\s*,?\s+(?:and|plus|as\s+well\s+as|together\s+with)\b)|"
                            # a country told by the island groups it is made of: "the Philippines, comprising the three island
                            # groups of Luzon, Visayas and Mindanao" (not "the island group of Luzon in the Philippines")
                            r",?\s*\b(?:comprising|consisting\s+of|made\s+up\s+of|composed\s+of)\s+(?:all\s+)?(?:the\s+|its\s+)?"
                            r"(?:[\w-]+\s+)?(?:main\s+)?island\s+groups\s+of\b[^.;]*|"
                            r",?\s*\b(?:including|together with|(?:being|comprising|consisting of|made up of|that is)\s+"
                            r"(?:the whole of|all(?: of)?|each of|every one of)(?=\s+(?:the|its|their)\b))\b[^.;]*?(?=\bbut\b|[.;]|$)|"
                            # or listed one by one, six or more of them: "the United Arab Emirates, comprising the
                            # Emirates of Abu Dhabi, Dubai, Sharjah, Ajman, Umm Al Quwain, Ras Al Khaimah and Fujairah" (a
                            # territory cut to its parts names a few: "Kenya, comprising the counties of Kiambu and Nakuru")
                            r",?\s*\b(?:comprising|consisting of|made up of|composed of)\s+the\s+(?:[\w-]+\s+){1,3}?of\s+"
                            r"(?:[^,.;:()]+,\s*){4,}[^,.;:()]+?\s+and\s+[^,.;:()]+?(?=[,.;(]|$)|"
                            r"\b(?:excluding|except|other than)\s+(?:its|their|the)\s+(?:overseas\s+)?"
                            r"(?:territories|possessions|dependencies)\b|"
                            # the rest of the country left out after its part: "the Province of Quebec, Canada, with the
                            # exclusion of the other provinces and territories of Canada", "Bavaria, excluding the rest of Germany"
                            rf"\b(?:excluding|except(?:\s+for)?|other\s+than|but\s+not|(?:with|to)\s+the\s+exclusion\s+of)\s+(?:all\s+)?(?:of\s+)?"
                            rf"the\s+(?:other|remaining|rest\s+of(?:\s+the)?)\s+(?:{_PARTS}(?:\s+and\s+{_PARTS})?\s+of\s+)?(?:the\s+)?"
                            rf"(?-i:{_COUNTRY_NAMES})(?![\w-])|"
                            # or said in brackets after it: "Ireland (the twenty-six counties of the State)"
                            rf"\(\s*(?:(?:all|each|every)(?:\s+of)?(?:\s+the)?(?:\s+{_MANY})?|the\s+{_MANY})\s+{_PARTS}\b[^()]{{0,60}}\)|"
                            rf"\b(?:(?:all|each|every(?:\s+one)?)(?:\s+of)?(?:\s+the)?(?:\s+{_MANY})?|the\s+{_MANY})\s+"
                            rf"{_PARTS}(?:\s+and\s+{_PARTS})?\s+of(?=\s+(?:the\s+)?(?-i:{_COUNTRY_NAMES})(?![\w-]))",
                            re.IGNORECASE)


# the rest of the country added to its part makes the whole: "the Province of Ontario, Canada, together with the rest of
# Canada", "Bavaria and the remainder of Germany" (not "excluding the rest of Germany", not "may extend it to the rest of Canada")
_REST_ADDED = lazy(rf"\b(?:together\s+with|along\s+with|as\s+well\s+as|plus|and)\s+(?:all\s+of\s+)?the\s+(?:rest|remainder)\s+"
                         rf"of\s+(?:the\s+)?(?-i:{_COUNTRY_NAMES})(?![\w-])", re.IGNORECASE)
_LIST_JOIN = lazy(r"\b(?:and|or)\b", re.IGNORECASE)


def _narrowed(before: str, after: str) -> bool:
    """Whether a place is named only for its parts: a part named since the previous place ("the cantons of the Swiss
    Confederation", "the States of Texas and Oklahoma, United States of America"), or just after it and not as the next
    item of a list ("Switzerland, excluding the canton of Ticino", not "Austria and the cantons of ...")."""
    follows = SUBNATIONAL.search(after, 0, 40)
    return bool(SUBNATIONAL.search(before) or (follows and not _LIST_JOIN.search(after, 0, follows.start())))

# the local name of the parts in brackets before the whole ("the Fergana and Andijan regions (viloyatlar) of Uzbekistan",
# "the provinces (provincias) of Peru"): read as if absent, so the part still reads "regions of"
_LOCAL_NAME = lazy(r"\s*\([^()\d]{1,30}\)(?=\s+of\b)")


# where a sentence or a line ends ("U.S.A." does not end one); a hard-wrapped line that stops on a word no sentence
# ends on goes on in the next ("the fifty states of the United States of America and the" + "District of Columbia, ...")
_SENTENCE_END = lazy(r"(?<=\S)(?<!\bthe)(?<!\bof)(?<!\band)(?<!\bor)(?<!\ban)(?<!\ba)(?<!\bin)(?<!,)[ \t]*\n|;"
                           r"|(?<=[a-z)]{2})\.(?:\s|$)")


# the federal district named beside the states is added to them, in a list as much as after "and" ("the fifty States of the
# United States of America, the District of Columbia and Puerto Rico"), no part the country is cut to
_FEDERAL_DISTRICT = lazy(r"\b(?:the\s+)?District\s+of\s+Columbia\b", re.IGNORECASE)


_LEFT_OUT = lazy(r"\b(?:excluding|except(?:\s+for)?|other\s+than|but\s+not|save|not\s+including|(?:with|to)\s+the\s+exclusion\s+of)"
                 r"\s+(?:the\s+)?$", re.IGNORECASE)
_LISTED_ON = lazy(r"(?:[ \t]+(?:[A-Z][\w'’-]*[ \t]+)*?(?:Special[ \t]+Administrative[ \t]+Region|SAR))?"
                  r"(?:[ \t]*,[ \t]*(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*)*(?:[ \t]*,[ \t]*|[ \t]+)"
                  r"(?:(?:and|or|nor)[ \t]+)?(?:the[ \t]+)?")


def is_broad(text: str) -> bool:
    """True when a territory is a whole country or more: with a part of a country named, some place in a sentence that
    names one is not narrowed to its parts ("Germany, Austria and the German-speaking cantons of Switzerland")."""
    if not _regions(text):
        return False
    if WORLD.search(text) or _REST_ADDED.search(_cased(text)):
        return True
    plain = _LOCAL_NAME.sub("", _PART_OF_WHOLE.sub(" ", _FEDERAL_DISTRICT.sub(" ", text)))
    if not SUBNATIONAL.search(plain):
        return True
    for sentence in _SENTENCE_END.split(plain):
        places = list(BROAD.finditer(_cased(sentence))) if SUBNATIONAL.search(sentence) else []
        # a part named after its country, the country named again after the parts ("the Provinces of Panama, Panama Oeste
        # and Colon, Republic of Panama", "the Departments of Guatemala and Escuintla, Guatemala"): the part's name is no
        # place of its own, and the parts named before it still narrow the country named last
        places = [m for i, m in enumerate(places) if not (SUBNATIONAL.search(sentence, 0, m.start())
                                                          and any(n.group(0).lower() == m.group(0).lower() for n in places[i + 1:]))]
        ends = [0, *(m.end() for m in places)]
        starts = [m.start() for m in places[1:]] + [len(sentence)]
        # a place left out of a part ("Guangdong Province of the People's Republic of China, excluding the Hong Kong Special
        # Administrative Region and the Macao ...") is no place the territory covers, and neither is the next one listed with it
        left_out = False
        for i, m in enumerate(places):
            between = sentence[ends[i]:m.start()]
            left_out = bool(_LEFT_OUT.search(between) or (left_out and i and _LISTED_ON.fullmatch(between)))
            if not left_out and not _narrowed(between, sentence[m.end():starts[i]]):
                return True
    return False
