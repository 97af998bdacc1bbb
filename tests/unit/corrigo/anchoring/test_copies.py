"""Repeated text: a passage next to the copy of a repeated piece that the diff did not keep."""

from hypothesis import given
from hypothesis import strategies as st

from corrigo.anchoring import Anchor, TextMap

# "non-neural" occurs three times, so no word of it anchors the diff; "remarkable" does, and the diff
# keeps the first "-neural " (before it) although the new opening is the second "non-neural parsers".
OLD_ABSTRACT = (
    "Non-neural parsing attains remarkable inference speed compared to neural parsers. However, current "
    "non-neural parsers still trail their neural rivals in accuracy. We study why non-neural methods lag, "
    "and narrow the gap between neural and non-neural parsers to one point."
)
NEW_ABSTRACT = (
    "Although non-neural parsers with one pass attain remarkable inference speed, they still trail their "
    "neural rivals in accuracy. We study why non-neural methods lag, and reach the best results among "
    "single-pass systems."
)
# The etymology moved before the definition: the diff keeps the first ". The " and deletes the second,
# although the second reads on with the long unchanged rest of the text.
OLD_ETYMOLOGY = (
    "The name means a plant with seeds in a case, a fruiting plant. The name comes from the Greek words for "
    "case and seed. The ancestors of flowering plants split from the gymnosperms over 300 million years ago."
)
NEW_ETYMOLOGY = (
    "The name comes from the Greek words for case and seed; it means a plant with seeds encased, a fruiting "
    "plant. The ancestors of flowering plants split from the gymnosperms over 300 million years ago."
)


def _locate_after(old: str, new: str, before: str, exact: str) -> Anchor | None:
    """Locate ``exact`` where it follows ``before`` in ``old``."""
    start = old.index(before) + len(before)
    assert old[start : start + len(exact)] == exact
    return TextMap(old, new).locate(exact, start, start + len(exact))


def test_passage_next_to_the_copy_the_diff_did_not_keep_is_found_intact() -> None:
    anchor = _locate_after(OLD_ABSTRACT, NEW_ABSTRACT, "However, current non-neural ", "parsers")
    start = NEW_ABSTRACT.index("non-neural parsers") + len("non-neural ")
    assert anchor is not None and (anchor.start, anchor.end, anchor.changed) == (start, start + 7, False)


def test_farther_copy_of_the_same_words_does_not_claim_the_place() -> None:
    anchor = _locate_after(OLD_ABSTRACT, NEW_ABSTRACT, "neural and non-neural ", "parsers")
    assert anchor is not None and anchor.changed
    assert anchor.start > NEW_ABSTRACT.index("We study")


def test_passage_kept_by_a_deletion_slid_along_a_repeated_piece_is_untouched() -> None:
    anchor = _locate_after(OLD_ETYMOLOGY, NEW_ETYMOLOGY, "case and seed", ".")
    start = NEW_ETYMOLOGY.index(". The ancestors")
    assert anchor == Anchor(start, start + 1, changed=False, confidence=1.0)


def test_sentence_deleted_between_two_kept_ones_leaves_their_full_stops_alone() -> None:
    old, new = "Alpha beta. Gamma delta. Epsilon zeta eta theta iota.", "Alpha beta. Epsilon zeta eta theta iota."
    assert _locate_after(old, new, "Alpha ", "beta.") == Anchor(6, 11, changed=False, confidence=1.0)
    assert _locate_after(old, new, "beta. ", "Gamma delta.") is None


PIECES = st.lists(st.sampled_from(["a", "b", " ", ". ", "The ", "x", "y", "\n"]), min_size=1, max_size=30)


@given(PIECES, PIECES, st.data())
def test_passage_reported_intact_is_always_its_own_text(old: list[str], new: list[str], data: st.DataObject) -> None:
    old_text, new_text = "".join(old), "".join(new)
    start = data.draw(st.integers(0, len(old_text) - 1))
    end = data.draw(st.integers(start + 1, len(old_text)))
    anchor = TextMap(old_text, new_text).locate(old_text[start:end], start, end)
    if anchor is not None and not anchor.changed:
        assert new_text[anchor.start : anchor.end] == old_text[start:end]
