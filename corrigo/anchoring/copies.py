"""Repeated text: which of two identical copies of a piece of the old version survived in the new one.

When a piece of text occurs twice in the old version and once in the new one, the diff keeps one of
the copies, and a passage next to (or inside) the other one then reads as deleted or replaced although
it is still there. Two cases are told apart here, each for one passage at a time.

- A deletion that ends with the very text that precedes it (". The" closing a kept sentence and a
  deleted one), or starts with the text that follows it, can slide along that piece: the diff is as
  good either way, only the copy it keeps differs. A passage that a slid deletion keeps whole is
  untouched (``slid_copy``).
- The diff keeps the copy that fits the order of the text around it, which need not be the one that
  survived. An occurrence of the passage in the new text, taken with the text on both sides of it that
  reads the same as around the passage in the old text (its agreeing span), claims the piece when that
  span holds all that the copy aligned there agrees with, and more words: the longer stretch stays
  matched, the rule the diff weighs its own matches with (``surviving_copy``).
"""

from collections.abc import Iterable

from corrigo.anchoring.quotes import occurrences, word_edges
from corrigo.anchoring.steps import Op, Steps

RUN_LIMIT = 1000

Span = tuple[int, int]


def slid_copy(old: str, start: int, end: int, steps: Steps) -> int | None:
    """Return where ``old[start:end]`` is once a deletion it ends or starts in slides to keep it whole.

    A deletion ``old[a1:a2]`` whose last code points from ``start`` on repeat the ones just before it
    can slide back by that much, so that ``old[start:a2]`` is kept where the earlier copy was; one
    whose first code points up to ``end`` repeat the ones just after it can slide forward likewise.
    The rest of the passage must be kept by the diff next to the deletion.
    """
    back, forward = steps.at(start), steps.at(end - 1)
    if _deletion(back) and back.a2 - start <= back.a1:
        size = back.a2 - start
        before = back.a1 - size
        if old[before : back.a1] == old[start : back.a2] and steps.kept(before, back.a1):
            if end <= back.a2 or steps.kept(back.a2, end):
                return back.b1 - size
    if _deletion(forward) and forward.a2 + end - forward.a1 <= len(old):
        size = end - forward.a1
        if old[forward.a2 : forward.a2 + size] == old[forward.a1 : end] and steps.kept(forward.a2, forward.a2 + size):
            if start >= forward.a1 or steps.kept(start, forward.a1):
                return forward.b1 + start - forward.a1
    return None


def surviving_copy(old: str, new: str, start: int, end: int, found: Iterable[int], steps: Steps) -> int | None:
    """Return the occurrence in ``found`` where ``old[start:end]`` survived in the place of another copy.

    Only occurrences where the passage's paragraph went, starting and ending at word boundaries just
    as the passage did, are considered. Every one whose agreeing span outdoes the copies aligned
    within it makes a claim (see ``_claim``); the longest claim wins, and a tie gives ``None``, as does
    the absence of any claim.
    """
    paragraph = steps.span_through(*_line_around(old, start, end)) or (0, 0)
    edges, size = word_edges(old, start, end), end - start
    nearby = [
        occurrence
        for occurrence in found
        if paragraph[0] <= occurrence < paragraph[1] and word_edges(new, occurrence, occurrence + size) == edges
    ]
    claims = sorted(
        ((span, occurrence) for occurrence in nearby if (span := _claim(old, new, (start, end), occurrence, steps))),
        reverse=True,
    )
    if not claims or (len(claims) > 1 and claims[0][0] == claims[1][0]):
        return None
    return claims[0][1]


def _claim(old: str, new: str, passage: Span, found: int, steps: Steps) -> int:
    """Return the size of the passage's agreeing span at ``found`` if it makes a claim there, else 0.

    The rivals are the equal steps in that span that align another copy of the text, from the
    passage's own paragraph, and share with the span a piece holding a word (white space and
    punctuation recur everywhere and tell nothing about where a piece came from). The passage claims
    the place when there is a rival, when its span outdoes every rival's agreeing span, and when no
    other copy of the span's text in the old version reads on as far and lies nearer.
    """
    start, end = passage
    low, high = _agreeing_span(old, start, end, new, found)
    rivals = [
        op
        for op in steps.equal_overlapping(low, high)
        if op.a1 - op.b1 != start - found
        and _same_line(old, start, op.a1)
        and _holds_word(new[max(low, op.b1) : min(high, op.b2)])
    ]
    if not rivals:
        return 0
    if not all(_outdoes(new, (low, high), _agreeing_span(old, op.a1, op.a2, new, op.b1)) for op in rivals):
        return 0
    if _copy_nearer(old, new, (low, high), low + start - found, steps):
        return 0
    return high - low


def _copy_nearer(old: str, new: str, span: Span, old_start: int, steps: Steps) -> bool:
    """Tell whether another copy of ``new[span]`` in the old text agrees as far and is no farther from it.

    Distance is between the span and where the diff put each copy, so that of two copies that read
    the same the one whose surroundings ended up closest keeps the piece (the least displacement).
    """
    low, high = span
    distance = abs(steps.new_position(old_start) - low)
    for copy in occurrences(old, new[low:high]):
        if copy == old_start:
            continue
        copy_low, copy_high = _agreeing_span(old, copy, copy + high - low, new, low)
        if copy_high - copy_low > high - low or abs(steps.new_position(copy) - low) <= distance:
            return True
    return False


def _agreeing_span(old: str, start: int, end: int, new: str, found: int) -> Span:
    """Return the span of new text around ``new[found:]`` that reads as ``old[start:end]`` and its surroundings.

    The span is widened code point by code point while both texts agree (at most ``RUN_LIMIT`` each
    way), then narrowed back to whole words: a word that merely ends (or starts) with the same letters
    is not shared.
    """
    before = _agreement_before(old, start, new, found)
    after = _agreement_after(old, end, new, found + end - start)
    while before and not (_word_edge(old, start - before) and _word_edge(new, found - before)):
        before -= 1
    while after and not (_word_edge(old, end + after) and _word_edge(new, found + end - start + after)):
        after -= 1
    return found - before, found + end - start + after


def _outdoes(new: str, span: Span, rival: Span) -> bool:
    """Tell whether ``new[span]`` holds the whole ``rival`` span and, besides it, at least one more word."""
    if not (span[0] <= rival[0] and rival[1] <= span[1]):
        return False
    return _holds_word(new[span[0] : rival[0]]) or _holds_word(new[rival[1] : span[1]])


def _agreement_before(old: str, old_at: int, new: str, new_at: int) -> int:
    """Count the code points just before ``old_at`` and ``new_at`` that agree (at most ``RUN_LIMIT``)."""
    limit = min(old_at, new_at, RUN_LIMIT)
    size = 0
    while size < limit and old[old_at - size - 1] == new[new_at - size - 1]:
        size += 1
    return size


def _agreement_after(old: str, old_at: int, new: str, new_at: int) -> int:
    """Count the code points from ``old_at`` and ``new_at`` on that agree (at most ``RUN_LIMIT``)."""
    limit = min(len(old) - old_at, len(new) - new_at, RUN_LIMIT)
    size = 0
    while size < limit and old[old_at + size] == new[new_at + size]:
        size += 1
    return size


def _deletion(op: Op) -> bool:
    """Tell whether a step deletes old text without putting anything in its place."""
    return not op.equal and op.b1 == op.b2


def _line_around(text: str, start: int, end: int) -> Span:
    """Return the span of the line (paragraph) of ``text`` that holds ``text[start:end]``."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _same_line(text: str, first: int, second: int) -> bool:
    """Tell whether two positions of ``text`` lie in the same line (paragraph)."""
    return text.find("\n", min(first, second), max(first, second)) < 0


def _word_edge(text: str, position: int) -> bool:
    """Tell whether ``position`` is not inside a word of ``text`` (the text's ends count as edges)."""
    return not (0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum())


def _holds_word(piece: str) -> bool:
    """Tell whether a piece of text holds a letter or a digit."""
    return any(char.isalnum() for char in piece)
