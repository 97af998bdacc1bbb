"""Tokens that versions of a text are compared by."""

from hypothesis import given
from hypothesis import strategies as st

from corrigo.anchoring.tokens import token_offsets, tokenize


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_tokens_concatenate_to_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert token_offsets(tokens)[-1] == len(text)


def test_words_keep_their_combining_marks_and_joiners() -> None:
    assert tokenize("cafe\u0301 म\u0947ला کتاب\u200cها") == ["cafe\u0301", " ", "म\u0947ला", " ", "کتاب\u200cها"]


def test_every_white_space_and_punctuation_character_is_its_own_token() -> None:
    assert tokenize("a,  b") == ["a", ",", " ", " ", "b"]


def test_unspaced_scripts_give_one_token_per_character() -> None:
    assert tokenize("东京abc") == ["东", "京", "abc"]
    assert tokenize("ภาษา") == ["ภ", "า", "ษ", "า"]
