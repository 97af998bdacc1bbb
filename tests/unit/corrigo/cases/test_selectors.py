"""Splitting an article's canonical text into paragraphs with the passage marked."""

from corrigo.cases.selectors import Segment, passage_paragraphs


def test_passage_inside_one_paragraph_is_marked():
    assert passage_paragraphs("One two\nthree four", 14, 18) == [
        [Segment("One two", False)],
        [Segment("three ", False), Segment("four", True)],
    ]


def test_passage_across_paragraphs_is_marked_in_each():
    assert passage_paragraphs("abc\ndef", 1, 6) == [
        [Segment("a", False), Segment("bc", True)],
        [Segment("de", True), Segment("f", False)],
    ]


def test_no_passage_leaves_every_paragraph_unmarked():
    assert passage_paragraphs("a\nb", None, None) == [[Segment("a", False)], [Segment("b", False)]]


def test_offsets_are_code_points():
    text = "\U0001F600 typo"
    assert passage_paragraphs(text, 2, 6) == [[Segment("\U0001F600 ", False), Segment("typo", True)]]
