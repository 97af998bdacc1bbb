"""Suggest the likely fix for a span a reader reported as a typo.

The span is cut into words; each word gets its own options (near misses, a split, a Ukrainian euphony
variant, a capital at the start of a sentence), two neighbouring words may be joined, and whole-span
replacements are built from the best combinations. Everything between the words is kept as written and
each replacement takes the case pattern of the word it replaces. Scores are the model's posterior
probabilities, with "the span is right as it is" as the competing hypothesis: when that one wins, there is
no suggestion.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from corrigo.spelling.capitals import CASE_GAIN, fix_case, shift_slip
from corrigo.spelling.channel import ErrorModel
from corrigo.spelling.compounds import join_options
from corrigo.spelling.euphony import euphonic_form
from corrigo.spelling.language import detect_language
from corrigo.spelling.lexicon import get_lexicon, normalize
from corrigo.spelling.scoring import Dictionaries, Option
from corrigo.spelling.tokens import Piece, locate, next_word, previous_word, recase, restore_apostrophe, split
from corrigo.spelling.vocabulary import Vocabulary
from corrigo.spelling.words import word_options

EUPHONY_GAIN = 2.0
"""Gain of the euphonic form over a form the rules of the language forbid here."""

PER_WORD = 6
"""Options kept per word when combining the words of a span."""

MAX_WORDS = 40
"""Longer selections are not a typo report (a reader quoting a paragraph): no suggestion."""

WITHIN = 3.0
"""Alternatives more than this many powers of ten behind the best are not shown."""

_CYRILLIC = frozenset({"uk", "ru", "be", "bg", "mk", "sr"})


@dataclass(frozen=True)
class Suggestion:
    """A whole-span replacement and the model's probability that it is the intended text."""

    text: str
    score: float


@dataclass(frozen=True)
class _Report:
    """A reported span cut into pieces, with what surrounds it and where to look words up."""

    pieces: list[Piece]
    left: str
    right: str
    has_context: bool
    language: str
    dictionaries: Dictionaries


def suggest(
    span: str,
    *,
    context: str = "",
    language: str = "en",
    vocabulary: Vocabulary | Mapping[str, int] | None = None,
    limit: int = 5,
    start: int | None = None,
) -> list[Suggestion]:
    """Return up to ``limit`` whole-span fixes for ``span``, best first; empty when nothing looks misspelt.

    ``context`` is the sentence around the span (``start``, when known, is where the span begins in it);
    ``language`` picks the word list (a span in another script than the language's is detected instead);
    ``vocabulary`` holds the site's own words, which count as correct and can be proposed.
    """
    pieces = split(span)
    if limit <= 0 or not 0 < sum(piece.is_word for piece in pieces) <= MAX_WORDS:
        return []
    language = _language_for(span, language)
    if isinstance(vocabulary, Mapping):
        vocabulary = Vocabulary(vocabulary)
    dictionaries = Dictionaries(get_lexicon(language), vocabulary, ErrorModel(language))
    left, right = locate(span, context, start) if context else ("", "")
    report = _Report(pieces, left, right, bool(context), language, dictionaries)
    choices = [_piece_options(report, k) for k in range(len(pieces))]
    gains = [max((o.delta for o in options[1:]), default=0.0) for options in choices]
    hypotheses = _combine(choices) + join_options(pieces, gains, dictionaries)
    return _rank(span, hypotheses, limit)


def _language_for(span: str, language: str) -> str:
    """Return ``language``, or the detected one when the span is written in another script."""
    detected = detect_language(span, default=language or "en")
    if not language or (detected in _CYRILLIC) != (language in _CYRILLIC):
        return detected
    return language


def _piece_options(report: _Report, k: int) -> list[Option]:
    """Return the options for piece ``k``: the piece as written first (gain 0 unless its case is wrong)."""
    piece = report.pieces[k]
    if not piece.is_word:
        return [Option(piece.text, 0.0)]
    before = report.left + "".join(p.text for p in report.pieces[:k])
    after = "".join(p.text for p in report.pieces[k + 1 :]) + report.right
    key = normalize(piece.text)
    wanted = None
    if report.language == "uk" and report.has_context:
        previous, pause = previous_word(before)
        wanted = euphonic_form(key, previous, pause, next_word(after), report.dictionaries.zipf)
    if wanted is not None:
        fixes = [Option(recase(piece.text, wanted), EUPHONY_GAIN)] if wanted != key else []
    else:
        fixes = [
            Option(restore_apostrophe(piece.text, recase(piece.text, o.text)), o.delta)
            for o in word_options(key, report.dictionaries)
        ]
    unshifted = shift_slip(piece.text)
    if unshifted is not None and report.dictionaries.zipf(key) > 0:
        fixes.append(Option(unshifted, CASE_GAIN))
    fixes.sort(key=lambda o: -o.delta)
    options = [Option(piece.text, 0.0), *fixes[: PER_WORD - 1]]
    return fix_case(options, before, key, report.language) if report.has_context else options


def _combine(choices: list[list[Option]]) -> list[Option]:
    """Return whole-span texts from the per-piece options, best combinations first (a small beam)."""
    beam = [Option("", 0.0)]
    for options in choices:
        beam = [Option(h.text + o.text, h.delta + o.delta) for h in beam for o in options]
        beam.sort(key=lambda h: -h.delta)
        beam = beam[: PER_WORD * 2]
    return beam


def _rank(span: str, hypotheses: list[Option], limit: int) -> list[Suggestion]:
    """Turn gains into probabilities against leaving the span alone; empty when leaving it wins."""
    best: dict[str, float] = {}
    for h in hypotheses:
        if h.text != span and h.delta > best.get(h.text, float("-inf")):
            best[h.text] = h.delta
    if not best or max(best.values()) <= 0:
        return []
    top = max(best.values())
    kept = sorted((t for t, d in best.items() if d >= top - WITHIN), key=lambda t: -best[t])[:limit]
    total = 1.0 + sum(10.0 ** min(d, 30.0) for d in best.values())
    return [Suggestion(text, round(10.0 ** min(best[text], 30.0) / total, 4)) for text in kept]
