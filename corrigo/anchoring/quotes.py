"""What a quote selector tells about a place: occurrences, word edges and agreement of context."""

from dataclasses import dataclass

from rapidfuzz.distance import Indel

MAX_OCCURRENCES = 1000
CONTEXT_MARGIN = 0.1


@dataclass(frozen=True, slots=True)
class Quote:
    """What is known of a passage: its text, its context and where it used to start (if known)."""

    exact: str
    prefix: str
    suffix: str
    hint: int | None


def occurrences(text: str, exact: str) -> list[int]:
    """Return the start of every occurrence of ``exact`` (overlapping ones too), up to a limit."""
    starts: list[int] = []
    position = text.find(exact)
    while position >= 0 and len(starts) < MAX_OCCURRENCES:
        starts.append(position)
        position = text.find(exact, position + 1)
    return starts


def word_edges(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Tell whether ``text[start:end]`` starts and ends at word boundaries (not inside a word)."""
    return (
        _boundary(text[start - 1 : start] if start else "", text[start : start + 1]),
        _boundary(text[end - 1 : end] if end else "", text[end : end + 1]),
    )


def quote_edges(quote: Quote) -> tuple[bool, bool]:
    """Tell whether the quoted passage started and ended at word boundaries, judging by its context."""
    return _boundary(quote.prefix[-1:], quote.exact[:1]), _boundary(quote.exact[-1:], quote.suffix[:1])


def context_scores(text: str, start: int, end: int, quote: Quote) -> tuple[float | None, float | None]:
    """Score how well the text before and after ``[start, end)`` agrees with the prefix and suffix.

    Each score is the similarity (0 to 1) of the context with the same number of code points next to
    the span, or ``None`` when the selector has no context on that side.
    """
    before = similarity(quote.prefix, text[max(0, start - len(quote.prefix)) : start]) if quote.prefix else None
    after = similarity(quote.suffix, text[end : end + len(quote.suffix)]) if quote.suffix else None
    return before, after


def context_score(text: str, start: int, end: int, quote: Quote) -> float:
    """Average the available context scores; a selector without context counts as agreeing."""
    sides = [score for score in context_scores(text, start, end, quote) if score is not None]
    return sum(sides) / len(sides) if sides else 1.0


def best_by_context(text: str, starts: list[int], quote: Quote, threshold: float) -> int | None:
    """Return the start whose context agrees best with the quote's, if it agrees and no other comes close."""
    size = len(quote.exact)
    ranked = sorted(((context_score(text, start, start + size, quote), start) for start in starts), reverse=True)
    if not ranked or ranked[0][0] < threshold:
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < CONTEXT_MARGIN:
        return None
    return ranked[0][1]


def similarity(expected: str, found: str) -> float:
    """Return the Indel similarity (0 to 1) of two strings."""
    return Indel.normalized_similarity(expected, found)


def _boundary(before: str, after: str) -> bool:
    """Tell whether the point between two characters (empty at a text edge) is a word boundary."""
    return not (before.isalnum() and after.isalnum())
