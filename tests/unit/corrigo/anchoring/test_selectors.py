"""W3C selectors and UTF-16/code-point offset conversion."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corrigo.anchoring import (
    TextPositionSelector,
    TextQuoteSelector,
    codepoint_to_utf16,
    quote_selector_at,
    selector_matches,
    utf16_to_codepoint,
)

PIECES = ["a", " ", "\u00e9", "e\u0301", "\U0001f600", "\U0001f1fa\U0001f1e6", "\u05e9", "\u0407", "\u200d"]
EMOJI_TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _utf16_length(text: str) -> int:
    """Count UTF-16 code units the slow, obvious way."""
    return sum(2 if ord(char) > 0xFFFF else 1 for char in text)


def test_quote_selector_to_w3c() -> None:
    selector = TextQuoteSelector(exact="Robin", prefix="said ", suffix=" today")
    assert selector.to_w3c() == {"type": "TextQuoteSelector", "exact": "Robin", "prefix": "said ", "suffix": " today"}


def test_position_selector_to_w3c_and_validation() -> None:
    assert TextPositionSelector(3, 8).to_w3c() == {"type": "TextPositionSelector", "start": 3, "end": 8}
    with pytest.raises(ValueError):
        TextPositionSelector(5, 2)


def test_quote_selector_at_takes_32_code_points_of_context() -> None:
    text = "\U0001f600" * 40 + "target" + "ש" * 40
    selector = quote_selector_at(text, 40, 46)
    assert selector == TextQuoteSelector(exact="target", prefix="\U0001f600" * 32, suffix="ש" * 32)


def test_quote_selector_at_text_edges_has_short_context() -> None:
    assert quote_selector_at("abc", 0, 1) == TextQuoteSelector(exact="a", prefix="", suffix="bc")
    with pytest.raises(ValueError):
        quote_selector_at("abc", 2, 4)


def test_selector_matches_checks_range_and_quote() -> None:
    assert selector_matches("a 😀 b", exact="😀", start=2, end=3)
    assert not selector_matches("a 😀 b", exact="😀", start=2, end=4)
    assert not selector_matches("abc", exact="c", start=2, end=9)


def test_converters_on_known_offsets() -> None:
    text = "a😀b🇺🇦c"
    assert [codepoint_to_utf16(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert [utf16_to_codepoint(text, i) for i in range(10)] == [0, 1, 1, 2, 3, 3, 4, 4, 5, 6]


def test_converters_reject_out_of_range_offsets() -> None:
    with pytest.raises(ValueError):
        utf16_to_codepoint("😀", 3)
    with pytest.raises(ValueError):
        codepoint_to_utf16("😀", 2)


@given(EMOJI_TEXT)
def test_converters_round_trip(text: str) -> None:
    for offset in range(len(text) + 1):
        units = codepoint_to_utf16(text, offset)
        assert units == _utf16_length(text[:offset])
        assert utf16_to_codepoint(text, units) == offset


@given(EMOJI_TEXT)
def test_utf16_offset_inside_surrogate_pair_snaps_to_character_start(text: str) -> None:
    for offset, char in enumerate(text):
        if ord(char) > 0xFFFF:
            assert utf16_to_codepoint(text, codepoint_to_utf16(text, offset) + 1) == offset
