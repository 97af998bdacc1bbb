"""Finding a quote without the old version: exact occurrences, then approximate matching."""

from corrigo.anchoring.quotes import Quote
from corrigo.anchoring.search import search

TEXT = (
    "The mayor said the bridge would open in May. Critics said the bridge was too expensive. "
    "The council will vote on the budget for the bridge next week."
)


def test_context_chooses_between_exact_occurrences() -> None:
    quote = Quote(exact="the bridge", prefix="Critics said ", suffix=" was too expensive.", hint=None)
    anchor = search(TEXT, quote)
    assert anchor is not None and anchor.start == TEXT.index("the bridge was") and not anchor.changed


def test_occurrence_inside_a_longer_word_is_not_the_quote() -> None:
    text = "The costs rose sharply."
    assert search(text, Quote(exact="cost", prefix="The ", suffix=" rose sharply.", hint=0)) is not None
    anchor = search(text, Quote(exact="cost", prefix="The ", suffix=" rose sharply.", hint=0))
    assert anchor is not None and anchor.changed and text[anchor.start : anchor.end] == "costs"


def test_changed_quote_is_found_by_its_context() -> None:
    quote = Quote(exact="in June", prefix="said the bridge would open ", suffix=". Critics said the", hint=35)
    anchor = search(TEXT, quote)
    assert anchor is not None and anchor.changed and TEXT[anchor.start : anchor.end] == "in May"


def test_deleted_quote_is_orphaned() -> None:
    quote = Quote(exact="and the river", prefix="Critics said the bridge ", suffix=" was too expensive.", hint=60)
    assert search(TEXT, quote) is None


def test_equal_occurrences_are_told_apart_by_a_clearly_nearest_hint() -> None:
    text = "Vote now. The first part of the story goes on for a while. Vote now. The second part."
    second = text.rindex("Vote now.")
    anchor = search(text, Quote(exact="Vote now.", prefix="", suffix="", hint=second + 3))
    assert anchor is not None and anchor.start == second


def test_equal_occurrences_close_together_are_ambiguous() -> None:
    text = "Vote now. Vote now. Vote now."
    assert search(text, Quote(exact="Vote now.", prefix="", suffix="", hint=10)) is None
