"""W3C Web Annotation selectors over the canonical text, and offset conversions.

Offsets are Unicode code points (Python ``str`` indices), as the W3C model requires. JavaScript counts
UTF-16 code units, so the widget's offsets go through ``utf16_to_codepoint`` on the way in and
``codepoint_to_utf16`` on the way out.
"""

from dataclasses import dataclass
from typing import Any

QUOTE_CONTEXT = 32


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The quoted passage with up to ``QUOTE_CONTEXT`` code points of text before and after it."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_w3c(self) -> dict[str, Any]:
        """Return the selector as a W3C Web Annotation JSON object."""
        return {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """The passage as a half-open range ``[start, end)`` of code-point offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid position range {self.start}..{self.end}")

    def to_w3c(self) -> dict[str, Any]:
        """Return the selector as a W3C Web Annotation JSON object."""
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}


def quote_selector_at(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> TextQuoteSelector:
    """Build the quote selector for ``text[start:end]`` with ``context`` code points each side."""
    _check_range(text, start, end)
    return TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def selector_matches(text: str, *, exact: str, start: int, end: int) -> bool:
    """Tell whether the position selector points at exactly the quoted text in ``text``."""
    return 0 <= start <= end <= len(text) and text[start:end] == exact


def utf16_to_codepoint(text: str, offset: int) -> int:
    """Convert a UTF-16 code-unit offset into ``text`` to a code-point offset.

    An offset that falls between the two halves of a surrogate pair (a selection edge a browser should
    not produce) is moved to the start of that character.
    """
    units = text.encode("utf-16-le", "surrogatepass")
    if not 0 <= offset <= len(units) // 2:
        raise ValueError(f"UTF-16 offset {offset} is outside the text ({len(units) // 2} units)")
    head = units[: 2 * offset].decode("utf-16-le", "surrogatepass")
    split_pair = bool(head) and head[-1] != text[len(head) - 1]
    return len(head) - 1 if split_pair else len(head)


def codepoint_to_utf16(text: str, offset: int) -> int:
    """Convert a code-point offset into ``text`` to a UTF-16 code-unit offset."""
    if not 0 <= offset <= len(text):
        raise ValueError(f"code-point offset {offset} is outside the text (length {len(text)})")
    return len(text[:offset].encode("utf-16-le", "surrogatepass")) // 2


def _check_range(text: str, start: int, end: int) -> None:
    """Raise ``ValueError`` unless ``[start, end)`` is a range inside ``text``."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}..{end} is outside the text (length {len(text)})")
