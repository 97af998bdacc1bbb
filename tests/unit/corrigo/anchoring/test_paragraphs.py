"""Pairing changed paragraphs before comparing their words."""

from corrigo.anchoring.paragraphs import paired_regions


def test_paragraphs_edited_in_place_are_compared_pair_by_pair() -> None:
    old = ["The first paragraph about the port.\n", "A second one about the ferry.\n", "And a third, on trains."]
    new = ["The first paragraph about the harbour.\n", "A second one about the ferries.\n", "And a third, on buses."]
    assert paired_regions(old, new) == [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)]


def test_split_paragraph_stays_in_one_region() -> None:
    old = ["One long paragraph that was split. Its second half is here."]
    new = ["One long paragraph that was split.\n", "Its second half is here."]
    assert paired_regions(old, new) == [(0, 1, 0, 2)]


def test_no_lines_on_one_side_gives_one_region() -> None:
    assert paired_regions([], ["new paragraph"]) == [(0, 0, 0, 1)]
