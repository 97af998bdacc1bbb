"""Which words the orthography joins, hyphenates or keeps apart."""

import pytest

from corrigo.spelling.compounds import HYPHEN, TOGETHER, gap_rule, split_gap


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        ("будь", "що", HYPHEN),
        ("будь", "ласка", None),
        ("що", "небудь", HYPHEN),
        ("по", "українськи", HYPHEN),
        ("по", "перше", HYPHEN),
        ("з", "під", HYPHEN),
        ("так", "так", HYPHEN),
        ("все", "таки", HYPHEN),
        ("він", "таки", None),
        ("бізнес", "план", HYPHEN),
        ("супер", "маркет", TOGETHER),
        ("на", "жаль", None),
    ],
)
def test_ukrainian_gap_rules(first: str, second: str, rule: str | None) -> None:
    assert gap_rule(first, second, "uk") == rule


def test_russian_indefinite_particles_take_a_hyphen() -> None:
    assert gap_rule("кто", "нибудь", "ru") == HYPHEN


def test_split_word_gets_a_hyphen_only_where_the_rule_says() -> None:
    assert split_gap("по", "різному", "uk") == HYPHEN
    assert split_gap("на", "жаль", "uk") == " "
