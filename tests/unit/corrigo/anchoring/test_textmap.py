"""TextMap: properties of mapping passages through the difference of two versions."""

from collections.abc import Iterator
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from corrigo.anchoring import Anchor, TextMap

# Word stems are unique, so a passage's words occur once; decorations cover emoji, flags, combining
# marks, Cyrillic and right-to-left letters. Inserted words use capital stems, never found in the text.
LETTERS = "abcdefghijklmnopqrstuvwxyzїєґשלוםمرحبا"
DECORATIONS = ["", "😀", "🇺🇦", "e\u0301", "!", ",", "👨\u200d👩\u200d👧"]
STEMS = st.text(alphabet=LETTERS, min_size=2, max_size=7)
NEW_STEMS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=7)


@dataclass(frozen=True)
class Revision:
    """Old and new word lists and the passage's word range ``[first, last)`` in each."""

    old: list[str]
    new: list[str]
    first: int
    last: int
    new_first: int
    new_last: int


def _decorated(stems: list[str], decorations: list[str]) -> list[str]:
    """Attach a decoration to every stem (cycling through the drawn ones)."""
    return [stem + decorations[index % len(decorations)] for index, stem in enumerate(stems)]


def _span(words: list[str], first: int, last: int) -> tuple[int, int]:
    """Return the code-point span of ``words[first:last]`` in ``" ".join(words)``."""
    start = len(" ".join(words[:first])) + (1 if first else 0)
    return start, start + len(" ".join(words[first:last]))


@st.composite
def revisions(draw: st.DrawFn, inside: bool = False) -> Revision:
    """Draw a text, a passage in it and word edits away from it (or one edit inside it)."""
    stems = draw(st.lists(STEMS, min_size=3, max_size=30, unique=True))
    words = _decorated(stems, draw(st.lists(st.sampled_from(DECORATIONS), min_size=1, max_size=4)))
    first = draw(st.integers(0, len(words) - 2 if inside else len(words) - 1))
    last = draw(st.integers(first + (2 if inside else 1), len(words)))
    fresh = iter(draw(st.lists(NEW_STEMS, min_size=12, max_size=12, unique=True)))
    before, passage, after = words[:first], words[first:last], words[last:]
    if inside:
        index = draw(st.integers(1, len(passage) - 1))
        replaced = 1 if draw(st.booleans()) else 0
        passage = [*passage[:index], next(fresh), *passage[index + replaced :]]
    else:
        before, after = _edited(draw, before, fresh), _edited(draw, after, fresh)
    new = before + passage + after
    return Revision(words, new, first, last, len(before), len(before) + len(passage))


def _edited(draw: st.DrawFn, words: list[str], fresh: Iterator[str]) -> list[str]:
    """Apply a few random deletions, insertions and replacements of whole words."""
    words = list(words)
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["delete", "insert", "replace"]))
        if kind == "insert" or not words:
            words.insert(draw(st.integers(0, len(words))), next(fresh))
            continue
        index = draw(st.integers(0, len(words) - 1))
        words[index : index + 1] = [] if kind == "delete" else [next(fresh)]
    return words


@given(revisions())
def test_edits_away_from_a_passage_never_move_or_lose_it(revision: Revision) -> None:
    old_text, new_text = " ".join(revision.old), " ".join(revision.new)
    start, end = _span(revision.old, revision.first, revision.last)
    new_start, new_end = _span(revision.new, revision.new_first, revision.new_last)
    anchor = TextMap(old_text, new_text).locate(old_text[start:end], start, end)
    assert anchor == Anchor(new_start, new_end, changed=False, confidence=1.0)
    assert new_text[anchor.start : anchor.end] == old_text[start:end]


@given(revisions(inside=True))
def test_edit_inside_a_passage_is_reported_as_changed(revision: Revision) -> None:
    old_text, new_text = " ".join(revision.old), " ".join(revision.new)
    start, end = _span(revision.old, revision.first, revision.last)
    new_start, new_end = _span(revision.new, revision.new_first, revision.new_last)
    anchor = TextMap(old_text, new_text).locate(old_text[start:end], start, end)
    assert anchor is not None and anchor.changed
    assert new_start <= anchor.start < anchor.end <= new_end


def test_map_span_of_wholly_deleted_passage_is_none() -> None:
    text_map = TextMap("keep this, drop that, keep the rest", "keep this, keep the rest")
    assert text_map.map_span(11, 21) is None


def test_map_span_covers_the_replacement() -> None:
    text_map = TextMap("the old bridge was closed", "the new footbridge was closed")
    assert text_map.map_span(4, 14) == (4, 18)


def test_line_breaks_bound_rewrites() -> None:
    old = "One two three four.\nFive six seven eight."
    new = "Alpha beta gamma delta.\nFive six seven eight."
    assert TextMap(old, new).locate("six", 25, 28) == Anchor(29, 32, False, 1.0)
