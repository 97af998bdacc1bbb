"""Script-based language detection and the keyboard data of corrigo.spelling.language."""

import pytest

from corrigo.spelling.language import ADJACENT_KEYS, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Привіт, як справи?", "uk"),
        ("їжак", "uk"),
        ("ґанок", "uk"),
        ("Съешь ещё этих мягких булок", "ru"),
        ("эта", "ru"),
        ("Привет как дела у тебя сегодня", "ru"),
        ("Hello there", "en"),
        ("Prigozhin", "en"),
    ],
)
def test_language_is_told_by_its_letters(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_short_cyrillic_without_telling_letters_is_ukrainian() -> None:
    assert detect_language("так") == "uk"


@pytest.mark.parametrize("text", ["", "2024", "—!?"])
def test_text_without_letters_gives_the_default(text: str) -> None:
    assert detect_language(text) == "en"
    assert detect_language(text, default="uk") == "uk"


def test_neighbouring_keys_are_adjacent_both_ways() -> None:
    assert ("q", "w") in ADJACENT_KEYS["en"] and ("w", "q") in ADJACENT_KEYS["en"]
    assert ("ф", "і") in ADJACENT_KEYS["uk"]
    assert ("q", "p") not in ADJACENT_KEYS["en"]
