import pytest

from clausecheck.nlp.geo import is_broad


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
        ("please let us know", False),
    ],
)
def test_broad_territory(territory, broad):
    assert is_broad(territory) == broad


def test_regions_read_twice_are_equal_and_independent():
    from clausecheck.nlp.geo import regions

    first = regions("the Territory means France, Belgium and Luxembourg")
    first.append("Mars")
    assert regions("the Territory means France, Belgium and Luxembourg") == ["Belgium", "France", "Luxembourg"]
