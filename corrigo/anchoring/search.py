"""Finding a quoted passage in a text without the version it was quoted from.

Exact occurrences of the quote are tried first and chosen by how well the text around them agrees with
the selector's prefix and suffix. When none is convincing, the quote with its context (a small piece of
the old text) is matched approximately with the new text (RapidFuzz, in C) and then compared with the
best-matching window word by word, exactly as two versions are (``TextMap``), which tells where the
quote went and whether it changed. The place is kept only if quote and context together say so
clearly. A wrong place is worse than no place: an orphaned case is shown to an editor, a misplaced one
silently points at the wrong words.
"""

from rapidfuzz import fuzz

from corrigo.anchoring.anchor import Anchor
from corrigo.anchoring.quotes import (
    CONTEXT_MARGIN,
    Quote,
    context_score,
    context_scores,
    occurrences,
    quote_edges,
    similarity,
    word_edges,
)
from corrigo.anchoring.textmap import TextMap

CONTEXT_AGREES = 0.5
NEEDLE_CUTOFF = 50.0


def search(text: str, quote: Quote) -> Anchor | None:
    """Place the quoted passage in ``text`` or return ``None`` when no place is convincing."""
    if not quote.exact:
        raise ValueError("the quote must not be empty")
    edges, size = quote_edges(quote), len(quote.exact)
    starts = [start for start in occurrences(text, quote.exact) if word_edges(text, start, start + size) == edges]
    if starts:
        anchor, conclusive = _choose_occurrence(text, starts, quote)
        if anchor is not None or conclusive:
            return anchor
    return _approximate_search(text, quote)


def _choose_occurrence(text: str, starts: list[int], quote: Quote) -> tuple[Anchor | None, bool]:
    """Choose an exact occurrence by its context, then by closeness to the hint.

    Returns the anchor (or ``None``) and whether the answer is final: occurrences that the context
    cannot tell apart and the hint cannot either make the passage ambiguous, and an approximate search
    would only pick one of them at random.
    """
    size = len(quote.exact)
    ranked = sorted(
        ((context_score(text, start, start + size, quote), -_distance(start, quote.hint), start) for start in starts),
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


def _clearly_nearest(distance: int, others: list[int]) -> bool:
    """Tell whether a place is much nearer the hint than every other candidate."""
    return all(2 * distance + 16 < other for other in others)


def _approximate_search(text: str, quote: Quote) -> Anchor | None:
    """Find the window that best matches quote and context, then map the quote into it word by word."""
    needle = quote.prefix + quote.exact + quote.suffix
    found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=NEEDLE_CUTOFF)
    if found is None:
        return None
    slack = len(needle) // 2
    window_start = max(0, found.dest_start - slack)
    window = text[window_start : found.dest_end + slack]
    start = len(quote.prefix)
    mapped = TextMap(needle, window).locate(quote.exact, start, start + len(quote.exact))
    if mapped is None:
        return None
    return _judge(text, mapped.start + window_start, mapped.end + window_start, quote)


def _judge(text: str, start: int, end: int, quote: Quote) -> Anchor | None:
    """Keep an approximate place only when quote and context together agree with it."""
    found = text[start:end]
    quote_score = similarity(quote.exact, found)
    sides = [score for score in context_scores(text, start, end, quote) if score is not None]
    if not sides:
        return None
    context = sum(sides) / len(sides)
    both_strong = len(sides) == 2 and min(sides) >= 0.75
    if (both_strong and quote_score >= 0.3) or (quote_score >= 0.75 and max(sides) >= 0.6):
        confidence = (50 * quote_score + 40 * context) / 90
        return Anchor(start, end, changed=found != quote.exact, confidence=round(confidence, 4))
    return None


def _distance(start: int, hint: int | None) -> int:
    """Return how far a place is from the hint (zero without a hint)."""
    return 0 if hint is None else abs(start - hint)
