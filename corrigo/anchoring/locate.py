"""Re-anchoring: finding a reported passage again in a new version of the article text."""

from corrigo.anchoring.anchor import Anchor
from corrigo.anchoring.quotes import Quote
from corrigo.anchoring.search import search
from corrigo.anchoring.selectors import selector_matches
from corrigo.anchoring.textmap import text_map


def locate(
    new_text: str,
    *,
    exact: str,
    prefix: str = "",
    suffix: str = "",
    start: int | None = None,
    end: int | None = None,
    old_text: str | None = None,
) -> Anchor | None:
    """Place a passage in ``new_text``; ``None`` means it cannot be placed (the case is orphaned).

    With the version the selector was made against (``old_text``, where ``old_text[start:end]`` is
    ``exact``) the passage is mapped through the difference between the two versions (``TextMap``):
    exactly when the edits left it alone; onto what replaced it, with ``changed`` set, when they
    touched it; onto its new place when it moved intact; and to ``None`` when it was wholly deleted.
    Without it (or when ``old_text`` does not hold the quote there) the quote is searched for, exact
    occurrences first, then approximately, and judged by its prefix, suffix and closeness to ``start``
    (``search``); an ambiguous or unconvincing place gives ``None`` rather than a guess.
    Offsets are code points. The difference of a pair of versions is cached, so placing many passages
    between the same two versions computes it once.
    """
    if old_text is not None and start is not None and end is not None and exact:
        if selector_matches(old_text, exact=exact, start=start, end=end):
            return text_map(old_text, new_text).locate(exact, start, end)
    return search(new_text, Quote(exact=exact, prefix=prefix, suffix=suffix, hint=start))
