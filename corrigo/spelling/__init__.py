"""Typo suggestions for reported spans, with a site's own vocabulary (pure Python, no Django).

``suggest(span, context=..., language=..., vocabulary=...)`` returns whole-span replacements, best first;
``Vocabulary`` learns a site's words from its articles; ``detect_language`` tells en, uk and ru apart.
"""

from corrigo.spelling.language import detect_language
from corrigo.spelling.suggest import Suggestion, suggest
from corrigo.spelling.vocabulary import Vocabulary

__all__ = ["Suggestion", "Vocabulary", "detect_language", "suggest"]
