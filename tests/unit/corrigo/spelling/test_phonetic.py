"""The English sound key."""

import pytest

from corrigo.spelling.phonetic import english_key


@pytest.mark.parametrize(
    ("typo", "word"),
    [("juse", "juice"), ("rote", "wrote"), ("relley", "really"), ("semetary", "cemetery"), ("lauf", "laugh")],
)
def test_misspellings_that_sound_right_share_the_key(typo: str, word: str) -> None:
    assert english_key(typo) == english_key(word)


def test_different_sounds_give_different_keys() -> None:
    assert english_key("dedicate") != english_key("desiccate")


def test_empty_word_has_an_empty_key() -> None:
    assert english_key("") == ""
