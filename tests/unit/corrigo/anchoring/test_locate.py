"""Re-anchoring a passage in a new version of the text, with and without the old version."""

import pytest

from corrigo.anchoring import Anchor, locate, quote_selector_at


def _quote(text: str, start: int, end: int) -> dict[str, str]:
    """Return the quote selector fields for ``text[start:end]`` as keyword arguments."""
    selector = quote_selector_at(text, start, end)
    return {"exact": selector.exact, "prefix": selector.prefix, "suffix": selector.suffix}


def test_typo_fix_in_first_of_two_names_stays_at_first_with_old_text() -> None:
    old = "Robn said the vote was close. Later that day Robin left the hall."
    new = "Robin said the vote was close. Later that day Robin left the hall."
    anchor = locate(new, exact="Robn", start=0, end=4, old_text=old)
    assert anchor is not None and (anchor.start, anchor.end, anchor.changed) == (0, 5, True)


def test_typo_fix_in_first_of_two_names_stays_at_first_without_old_text() -> None:
    old = "Robn said the vote was close. Later that day Robin left the hall."
    new = "Robin said the vote was close. Later that day Robin left the hall."
    anchor = locate(new, **_quote(old, 0, 4), start=0, end=4)
    assert anchor is not None and (anchor.start, anchor.end, anchor.changed) == (0, 5, True)


def test_untouched_second_name_keeps_its_place_after_first_is_fixed() -> None:
    old = "Robn said the vote was close. Later that day Robin left the hall."
    new = "Robin said the vote was close. Later that day Robin left the hall."
    start = old.index("Robin")
    anchor = locate(new, exact="Robin", start=start, end=start + 5, old_text=old)
    assert anchor == Anchor(start + 1, start + 6, changed=False, confidence=1.0)
    assert locate(new, **_quote(old, start, start + 5), start=start, end=start + 5) == Anchor(
        start + 1, start + 6, changed=False, confidence=1.0
    )


def test_deleted_passage_is_orphaned() -> None:
    old = "The mayor opened the bridge. Nobody came to see it. The band played."
    new = "The mayor opened the bridge. The band played."
    start = old.index("Nobody")
    end = old.index("it.") + 3
    assert locate(new, exact=old[start:end], start=start, end=end, old_text=old) is None
    assert locate(new, **_quote(old, start, end), start=start, end=end) is None


def test_whitespace_edit_outside_passage_does_not_move_it() -> None:
    old = "First paragraph ends here. Second paragraph starts here."
    new = "First paragraph ends here.\nSecond paragraph starts here."
    start = old.index("Second")
    anchor = locate(new, exact="Second paragraph", start=start, end=start + 16, old_text=old)
    assert anchor == Anchor(start, start + 16, changed=False, confidence=1.0)


def test_whitespace_edit_inside_passage_is_a_change() -> None:
    old = "First paragraph ends here. Second paragraph starts here."
    new = "First paragraph ends here.\nSecond paragraph starts here."
    start = old.index("here. Second")
    anchor = locate(new, exact="here. Second", start=start, end=start + 12, old_text=old)
    assert anchor is not None and anchor.changed
    assert new[anchor.start : anchor.end] == "here.\nSecond"


def test_paragraph_split_keeps_both_halves_in_place() -> None:
    old = "The first half of a long paragraph about the harbour. The second half about the ferry timetable."
    new = "The first half of a long paragraph about the harbour.\nThe second half about the ferry timetable."
    for words in ("first half", "ferry timetable"):
        start = old.index(words)
        anchor = locate(new, exact=words, start=start, end=start + len(words), old_text=old)
        assert anchor == Anchor(new.index(words), new.index(words) + len(words), False, 1.0)


def test_space_inserted_between_words_is_a_change() -> None:
    old = "It was alot of work for everyone."
    new = "It was a lot of work for everyone."
    anchor = locate(new, exact="alot", start=7, end=11, old_text=old)
    assert anchor is not None and anchor.changed and new[anchor.start : anchor.end] == "a lot"


def test_passages_at_start_and_end_of_text() -> None:
    old = "Opening words of the story, then the middle part, and the closing words."
    new = "Opening words of the story, then a new middle part, and the closing words."
    assert locate(new, exact="Opening", start=0, end=7, old_text=old) == Anchor(0, 7, False, 1.0)
    end = len(old)
    anchor = locate(new, exact="closing words.", start=end - 14, end=end, old_text=old)
    assert anchor == Anchor(len(new) - 14, len(new), False, 1.0)
    anchor = locate(new, **_quote(old, end - 14, end), start=end - 14, end=end)
    assert anchor is not None and (anchor.start, anchor.end, anchor.changed) == (len(new) - 14, len(new), False)


def test_offsets_are_code_points_with_emoji_combining_marks_and_rtl() -> None:
    old = "🇺🇦 Київ 👨‍👩‍👧: שלום עולם, e\u0301te\u0301 — the minister said."
    new = "🇺🇦 Київ 👨‍👩‍👧👦: שלום עולם, e\u0301te\u0301 — the prime minister said."
    start = old.index("שלום")
    anchor = locate(new, exact="שלום עולם", start=start, end=start + 9, old_text=old)
    assert anchor is not None and not anchor.changed
    assert anchor.start == new.index("שלום") and new[anchor.start : anchor.end] == "שלום עולם"
    start = old.index("e\u0301te\u0301")
    anchor = locate(new, exact="e\u0301te\u0301", start=start, end=start + 5, old_text=old)
    assert anchor is not None and new[anchor.start : anchor.end] == "e\u0301te\u0301"


def test_edit_inside_passage_is_reported_as_changed_with_the_replacement() -> None:
    old = "The council approved a budget of 12 million hryvnias on Monday."
    new = "The council approved a budget of 15 million hryvnias on Monday."
    start = old.index("12 million")
    anchor = locate(new, exact="12 million", start=start, end=start + 10, old_text=old)
    assert anchor is not None and anchor.changed and new[anchor.start : anchor.end] == "15 million"


def test_moved_sentence_is_found_intact_at_its_new_place() -> None:
    old = "Alpha beta gamma. The committee met on Tuesday in Lviv. Delta epsilon zeta. Eta theta iota."
    new = "Alpha beta gamma. Delta epsilon zeta. The committee met on Tuesday in Lviv. Eta theta iota."
    start = old.index("The committee")
    end = old.index("Lviv.") + 5
    anchor = locate(new, exact=old[start:end], start=start, end=end, old_text=old)
    assert anchor is not None and not anchor.changed and new[anchor.start : anchor.end] == old[start:end]


def test_wrong_old_text_falls_back_to_search() -> None:
    new = "A short report about the harbour and the ferry timetable."
    anchor = locate(new, exact="ferry", prefix="harbour and the ", suffix=" timetable.", start=3, end=8, old_text="x")
    assert anchor is not None and (anchor.start, anchor.end) == (new.index("ferry"), new.index("ferry") + 5)


def test_ambiguous_quote_without_context_or_hint_is_orphaned() -> None:
    new = "The vote. Then the vote. Then the vote again."
    assert locate(new, exact="vote") is None


def test_unrelated_text_is_orphaned_without_old_text() -> None:
    new = "Completely different article about gardening and tomatoes in the spring."
    assert locate(new, exact="parliament", prefix="The ", suffix=" voted on the new tax law.") is None


def test_empty_quote_is_rejected() -> None:
    with pytest.raises(ValueError):
        locate("text", exact="")
