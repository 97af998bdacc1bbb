"""Finding a quoted passage in a text without the version it was quoted from.

Exact occurrences of the quote are tried first and chosen by how well the text around them agrees with
the selector's prefix and suffix. When none is convincing, the quote together with its context is
matched approximately (RapidFuzz, in C), the quote's place is read off that alignment, and the place is
kept only if quote and context together say so clearly. A wrong place is worse than no place: an
orphaned case is shown to an editor, a misplaced one silently points at the wrong words.
"""

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from corrigo.anchoring.anchor import Anchor

MAX_OCCURRENCES = 1000
CONTEXT_AGREES = 0.5
CONTEXT_MARGIN = 0.1
NEEDLE_CUTOFF = 50.0


@dataclass(frozen=True, slots=True)
class Quote:
    """What is known of a passage: its text, its context and where it used to start."""

    exact: str
    prefix: str
    suffix: str
    hint: int | None


def search(text: str, quote: Quote) -> Anchor | None:
    """Place the quoted passage in ``text`` or return ``None`` when no place is convincing."""
    if not quote.exact:
        raise ValueError("the quote must not be empty")
    edges = quote_edges(quote)
    starts = [start for start in occurrences(text, quote.exact) if word_edges(text, start, start + len(quote.exact)) == edges]
    if starts:
        anchor, conclusive = _choose_occurrence(text, starts, quote)
        if anchor is not None or conclusive:
            return anchor
    return _approximate_search(text, quote)


def context_scores(text: str, start: int, end: int, quote: Quote) -> tuple[float | None, float | None]:
    """Score how well the text before and after ``[start, end)`` agrees with the prefix and suffix.

    Each score is the similarity (0 to 1) of the context with the same number of code points next to
    the span, or ``None`` when the selector has no context on that side.
    """
    before = _similarity(quote.prefix, text[max(0, start - len(quote.prefix)) : start]) if quote.prefix else None
    after = _similarity(quote.suffix, text[end : end + len(quote.suffix)]) if quote.suffix else None
    return before, after


def _choose_occurrence(text: str, occurrences: list[int], quote: Quote) -> tuple[Anchor | None, bool]:
    """Choose an exact occurrence by its context, then by closeness to the hint.

    Returns the anchor (or ``None``) and whether the answer is final: occurrences that the context
    cannot tell apart and the hint cannot either make the passage ambiguous, and an approximate search
    would only pick one of them at random.
    """
    size = len(quote.exact)
    ranked = sorted(
        ((_context(text, start, start + size, quote), -_distance(start, quote.hint), start) for start in occurrences),
        reverse=True,
    )
    best_context, best_distance, start = ranked[0]
    if best_context < CONTEXT_AGREES:
        return None, False
    ties = [entry for entry in ranked[1:] if best_context - entry[0] < CONTEXT_MARGIN]
    if not ties:
        return Anchor(start, start + size, changed=False, confidence=round(0.5 + 0.5 * best_context, 4)), True
    if quote.hint is None or not _clearly_nearest(-best_distance, [-entry[1] for entry in ties]):
        return None, True
    return Anchor(start, start + size, changed=False, confidence=0.5), True


def word_edges(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Tell whether ``text[start:end]`` starts and ends at word boundaries (not inside a word)."""
    return _boundary(text[start - 1 : start], text[start : start + 1]), _boundary(text[end - 1 : end], text[end : end + 1])


def quote_edges(quote: Quote) -> tuple[bool, bool]:
    """Tell whether the quoted passage started and ended at word boundaries, judging by its context."""
    return _boundary(quote.prefix[-1:], quote.exact[:1]), _boundary(quote.exact[-1:], quote.suffix[:1])


def _boundary(before: str, after: str) -> bool:
    """Tell whether the point between two characters (empty at a text edge) is a word boundary."""
    return not (before.isalnum() and after.isalnum())


def best_by_context(text: str, starts: list[int], quote: Quote, threshold: float) -> int | None:
    """Return the start whose context agrees best with the quote's, if it agrees and no other comes close."""
    ranked = sorted(((_context(text, start, start + len(quote.exact), quote), start) for start in starts), reverse=True)
    if not ranked or ranked[0][0] < threshold:
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < CONTEXT_MARGIN:
        return None
    return ranked[0][1]


def _clearly_nearest(distance: int, others: list[int]) -> bool:
    """Tell whether a place is much nearer the hint than every other candidate."""
    return all(2 * distance + 16 < other for other in others)


def _approximate_search(text: str, quote: Quote) -> Anchor | None:
    """Align quote and context approximately with the text and keep the quote's place if convincing."""
    needle = quote.prefix + quote.exact + quote.suffix
    found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=NEEDLE_CUTOFF)
    if found is None:
        return None
    slack = len(needle) // 2
    window_start = max(0, found.dest_start - slack)
    window = text[window_start : found.dest_end + slack]
    span = _align_quote(needle, window, len(quote.prefix), len(quote.prefix) + len(quote.exact))
    if span is None:
        return None
    start, end = span[0] + window_start, span[1] + window_start
    return _judge(text, start, end, quote)


def _align_quote(needle: str, window: str, quote_start: int, quote_end: int) -> tuple[int, int] | None:
    """Map the quote's offsets in the needle to the window through their character alignment."""
    start = end = None
    for tag, n1, n2, w1, w2 in Levenshtein.opcodes(needle, window).as_list():
        if start is None and n1 <= quote_start < n2:
            start = w1 + (quote_start - n1) if tag == "equal" else w1
        if n1 < quote_end <= n2:
            end = w1 + (quote_end - n1) if tag == "equal" else w2
    if start is None or end is None or start >= end:
        return None
    return start, end


def _judge(text: str, start: int, end: int, quote: Quote) -> Anchor | None:
    """Keep an approximate place only when quote and context together agree with it."""
    found = text[start:end]
    quote_score = _similarity(quote.exact, found)
    before, after = context_scores(text, start, end, quote)
    sides = [score for score in (before, after) if score is not None]
    if not sides:
        return None
    context = sum(sides) / len(sides)
    both_strong = len(sides) == 2 and min(sides) >= 0.75
    if (both_strong and quote_score >= 0.3) or (quote_score >= 0.75 and max(sides) >= 0.6):
        confidence = (50 * quote_score + 20 * context * 2) / 90
        return Anchor(start, end, changed=found != quote.exact, confidence=round(confidence, 4))
    return None


def _context(text: str, start: int, end: int, quote: Quote) -> float:
    """Average the available context scores; a selector without context counts as agreeing."""
    sides = [score for score in context_scores(text, start, end, quote) if score is not None]
    return sum(sides) / len(sides) if sides else 1.0


def occurrences(text: str, exact: str) -> list[int]:
    """Return the start of every occurrence of ``exact`` (overlapping ones too), up to a limit."""
    starts: list[int] = []
    position = text.find(exact)
    while position >= 0 and len(starts) < MAX_OCCURRENCES:
        starts.append(position)
        position = text.find(exact, position + 1)
    return starts


def _similarity(expected: str, found: str) -> float:
    """Return the Indel similarity (0 to 1) of two strings."""
    return Indel.normalized_similarity(expected, found)


def _distance(start: int, hint: int | None) -> int:
    """Return how far a place is from the hint (zero without a hint)."""
    return 0 if hint is None else abs(start - hint)
