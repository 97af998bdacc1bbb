"""Anchoring: canonical text, W3C selectors and re-anchoring of passages. Pure Python, no Django."""

from corrigo.anchoring.anchor import Anchor
from corrigo.anchoring.locate import locate
from corrigo.anchoring.selectors import (
    TextPositionSelector,
    TextQuoteSelector,
    codepoint_to_utf16,
    quote_selector_at,
    selector_matches,
    utf16_to_codepoint,
)
from corrigo.anchoring.text import canonical_text, text_sha256
from corrigo.anchoring.textmap import TextMap, text_map

__all__ = [
    "Anchor",
    "TextMap",
    "TextPositionSelector",
    "TextQuoteSelector",
    "canonical_text",
    "codepoint_to_utf16",
    "locate",
    "quote_selector_at",
    "selector_matches",
    "text_map",
    "text_sha256",
    "utf16_to_codepoint",
]
