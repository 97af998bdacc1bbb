"""Ukrainian euphony rules: у/в, і/й, з/із/зі, б/би chosen by the neighbouring sounds."""

import pytest

from corrigo.spelling.euphony import euphonic_form


def frequencies(word: str) -> float:
    """Stand-in word frequencies: both forms of вже/уже and йти/іти exist."""
    return {"вже": 6.3, "уже": 5.6, "йти": 5.1, "іти": 4.4, "вплив": 5.0, "уплив": 1.8}.get(word, 0.0)


@pytest.mark.parametrize(
    ("word", "previous", "pause", "following", "wanted"),
    [
        ("в", "брат", False, "школі", "у"),  # between consonants
        ("у", "вона", False, "Одесі", "в"),  # between vowels
        ("в", "", False, "школі", "у"),  # sentence start before a consonant
        ("у", "", False, "Антарктиді", "в"),  # sentence start before a vowel
        ("в", "вона", False, "воді", "у"),  # before в whatever comes before
        ("в", "була", False, "Львові", "у"),  # before льв
        ("в", "раптом", False, "якійсь", "у"),  # я starts with the consonant й
        ("в", "сказав", True, "школі", "у"),  # after a pause before a consonant
        ("і", "мати", False, "батько", "й"),
        ("й", "брат", False, "сестра", "і"),
        ("й", "", False, "тоді", "і"),  # sentence start
        ("й", "вона", False, "Яна", "і"),  # before я, ю, є, ї
        ("и", "брат", False, "сестра", "і"),  # Russian "и" typed for і
        ("з", "брат", False, "сестрою", "із"),
        ("із", "вона", False, "Оленою", "з"),
        ("з", "вона", False, "мною", "зі"),
        ("з", "узяв", False, "стола", "зі"),
        ("б", "він", False, "прийшов", "би"),
        ("би", "вона", False, "прийшла", "б"),
        ("вже", "він", False, "пішов", "уже"),
        ("уже", "вона", False, "пішла", "вже"),
        ("йти", "треба", False, "", "йти"),
        ("йти", "мусив", False, "", "іти"),
    ],
)
def test_rule_gives_the_euphonic_form(word: str, previous: str, pause: bool, following: str, wanted: str) -> None:
    assert euphonic_form(word, previous, pause, following, frequencies) == wanted


def test_no_rule_for_an_ordinary_word() -> None:
    assert euphonic_form("школа", "наша", False, "була", frequencies) is None


def test_words_whose_twin_means_something_else_do_not_alternate() -> None:
    assert euphonic_form("вплив", "великий", False, "на", frequencies) is None


def test_preposition_at_the_end_has_no_rule() -> None:
    assert euphonic_form("в", "брат", False, "", frequencies) is None


def test_consonant_then_vowel_leaves_the_choice_free() -> None:
    assert euphonic_form("в", "брат", False, "Одесі", frequencies) is None


def test_numbers_are_read_by_their_names() -> None:
    assert euphonic_form("в", "було", False, "8", frequencies) == "у"  # вісім
    assert euphonic_form("у", "прийшла", False, "11", frequencies) == "в"  # одинадцять
