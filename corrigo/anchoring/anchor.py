"""The result of placing a passage in a version of the text."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is in a text.

    ``start`` and ``end`` are code-point offsets into the text the passage was placed in; ``changed`` is
    true when the text there is no longer the quoted passage; ``confidence`` (0 to 1) says how sure the
    place is.
    """

    start: int
    end: int
    changed: bool
    confidence: float
