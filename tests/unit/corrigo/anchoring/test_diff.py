"""Patience diff of token sequences."""

from hypothesis import given
from hypothesis import strategies as st

from corrigo.anchoring.diff import matching_blocks, opcodes

TOKENS = st.lists(st.sampled_from(["a", "b", "c", " ", "the", ",", "x", "y"]), max_size=40)


@given(TOKENS, TOKENS)
def test_blocks_are_shared_runs_in_order(a: list[str], b: list[str]) -> None:
    a_end = b_end = 0
    for i, j, size in matching_blocks(a, b):
        assert size > 0 and i >= a_end and j >= b_end
        assert a[i : i + size] == b[j : j + size]
        a_end, b_end = i + size, j + size


@given(TOKENS, TOKENS)
def test_opcodes_cover_both_sequences(a: list[str], b: list[str]) -> None:
    i = j = 0
    for equal, i1, i2, j1, j2 in opcodes(a, b):
        assert (i1, j1) == (i, j)
        assert (a[i1:i2] == b[j1:j2]) if equal else (i1 < i2 or j1 < j2)
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))


def test_unique_words_anchor_the_match_instead_of_common_ones() -> None:
    old = ["the", " ", "cat", " ", "sat", " ", "on", " ", "the", " ", "mat"]
    new = ["on", " ", "the", " ", "mat", " ", "the", " ", "cat", " ", "sat"]
    blocks = matching_blocks(old, new)
    assert (0, 6, 5) in blocks


def test_longer_run_stays_matched_when_text_moves() -> None:
    old = ["p", "q", "r", "s", "t", "u", "v", "w", "x"]
    new = ["w", "x", "p", "q", "r", "s", "t", "u", "v"]
    assert matching_blocks(old, new) == [(0, 2, 7)]
