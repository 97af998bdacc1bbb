"""Cutting spans into words and putting fixes back in their case."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corrigo.spelling.tokens import locate, next_word, previous_word, recase, split, starts_sentence


@given(st.text())
def test_pieces_join_back_to_the_text(text: str) -> None:
    assert "".join(piece.text for piece in split(text)) == text


def test_words_keep_inner_apostrophes_and_stop_at_hyphens() -> None:
    pieces = split("п’ять don't-stop")
    assert [p.text for p in pieces if p.is_word] == ["п’ять", "don't", "stop"]


@pytest.mark.parametrize(
    ("template", "replacement", "result"),
    [
        ("teh", "the", "the"),
        ("Teh", "the", "The"),
        ("TEH", "the", "THE"),
        ("navalni", "Navalny", "Navalny"),
        ("В", "у", "У"),
        ("NAVALNI", "Navalny", "NAVALNY"),
    ],
)
def test_recase_copies_the_case_pattern(template: str, replacement: str, result: str) -> None:
    assert recase(template, replacement) == result


def test_locate_prefers_the_given_start_and_else_a_whole_word() -> None:
    assert locate("в", "вона в домі", 5) == ("вона ", " домі")
    assert locate("в", "вона в домі") == ("вона ", " домі")
    assert locate("x", "abc") == ("", "")


def test_neighbours_skip_quotes_and_see_pauses() -> None:
    assert previous_word("Він сказав, ") == ("сказав", True)
    assert previous_word("Він «сказав» ") == ("сказав", False)
    assert previous_word("Кінець. ") == ("", True)
    assert next_word(" «Одесі» далі") == "Одесі"


@pytest.mark.parametrize(
    ("left", "start"),
    [
        ("", True),
        ("Кінець. ", True),
        ("Він сказав: «", True),
        ("Він прийшов ", False),
        ("у 2020 р. ", False),
        ("Рядок\n", True),
        ("— ", True),
    ],
)
def test_sentence_start(left: str, start: bool) -> None:
    assert starts_sentence(left) is start
