"""The language guess behind notice W020: French function words against English ones, whole words only."""

from clausecheck.engine import guess_language

FRENCH = ("Le distributeur est nommé pour la durée du contrat et les produits sont livrés par le fournisseur "
          "dans une zone qui sur demande peut changer. ")
ENGLISH = "The Distributor shall buy the Products for the Term of this Agreement with any price set by the Supplier. "


def test_french_text_is_french_and_english_text_english():
    assert guess_language(FRENCH * 3) == "fr"
    assert guess_language(ENGLISH * 3) == "en"


def test_a_few_french_words_are_not_enough():
    # 14 French function words and no English one, but not more than 20
    assert guess_language(FRENCH) == "en"


def test_only_whole_words_count():
    # "le" in "letter", "la" in "Delaware", "the" in "theatre", "et" in "Ét" + "é": none is a word of its own
    assert guess_language("letter Delaware lesson theatre duet parking dans_x Étet " * 50) == "en"
    assert guess_language("l'accord (le contrat) [la société] et/ou les " * 10) == "fr"


def test_french_must_outnumber_english_one_and_a_half_times():
    # 24 French words against 16 English ones is exactly 1.5 times: not more
    assert guess_language("le la et du les des " * 4 + "the and of to " * 4) == "en"
    assert guess_language("le la et du les des " * 4 + "the and of to " * 3) == "fr"


def test_only_the_start_of_a_long_text_is_read():
    assert guess_language(ENGLISH * 200 + FRENCH * 600) == "en"
