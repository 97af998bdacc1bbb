"""The error model: likely slips cost less than unlikely ones."""

import pytest

from corrigo.spelling.channel import ErrorModel

EN = ErrorModel("en")
UK = ErrorModel("uk")


def test_identical_words_cost_nothing() -> None:
    assert EN.cost("word", "word") == 0.0


@pytest.mark.parametrize(
    ("cheap", "dear"),
    [
        (("recieve", "receive"), ("recxive", "receive")),  # a swap beats a random letter
        (("begining", "beginning"), ("beginnig", "beginning")),  # a lost doubled letter beats a lost letter
        (("seperate", "separate"), ("sekarate", "separate")),  # a vowel for a vowel beats a consonant
        (("hwllo", "hello"), ("hpllo", "hello")),  # the key next to the right one
    ],
)
def test_common_slips_cost_less(cheap: tuple[str, str], dear: tuple[str, str]) -> None:
    assert EN.cost(*cheap) < EN.cost(*dear)


def test_first_letter_slip_costs_more() -> None:
    assert EN.cost("jello", "hello") > EN.cost("hejlo", "hello")


def test_sound_alike_misspelling_costs_less() -> None:
    assert EN.cost("juse", "juice") < ErrorModel("xx").cost("juse", "juice")


def test_ukrainian_twin_letters_are_cheap() -> None:
    assert UK.cost("своі", "свої") < UK.cost("своа", "свої")
    assert UK.cost("ганок", "ґанок") < 1.0


def test_missing_apostrophe_is_cheap() -> None:
    assert UK.cost("пять", "п'ять") < 1.0


def test_letters_typed_as_two_are_put_back() -> None:
    assert UK.respell("йак") == ("як", 0.5)
    assert UK.respell("так") is None
