"""Fixes for one word on its own: near misses within two edits, and the word split in two.

Each option's ``delta`` says how many powers of ten likelier it is than the word as written (see
``scoring``). Common words are not searched: a reader's selection of "house" is not a typo for "horse".
"""

from __future__ import annotations

from corrigo.spelling.compounds import split_gap
from corrigo.spelling.scoring import COST_SCALE, SPACE_COST, Dictionaries, Option

COMMON_ZIPF = 4.5
"""Words at least this frequent are taken as right without looking for near misses."""

SHORTLIST = 40
"""How many near misses, best by a rough score, get the full error model."""

SPLIT_MIN_ZIPF = 3.0
"""Both halves of a split word must be at least this common..."""

SPLIT_LETTER_ZIPF = 6.0
"""...and a one-letter half must be a word as common as English "a" or Ukrainian "в", not a stray letter."""


def word_options(key: str, dictionaries: Dictionaries) -> list[Option]:
    """Return fixes for the normalised word ``key``, best first (empty for a common word)."""
    if dictionaries.zipf(key) >= COMMON_ZIPF:
        return []
    keep = dictionaries.keep_score(key)
    options = [Option(text, score - keep) for text, score in _near_misses(key, dictionaries)]
    options += [Option(text, score - keep) for text, score in _splits(key, dictionaries)]
    options.sort(key=lambda option: -option.delta)
    return options


def _near_misses(key: str, dictionaries: Dictionaries) -> list[tuple[str, float]]:
    """Return (fix, score) for the known words within two edits of ``key``."""
    found = dictionaries.lexicon.near(key)
    if dictionaries.vocabulary is not None:
        for word, distance in dictionaries.vocabulary.near(key).items():
            found[word] = min(distance, found.get(word, distance))
    own = dictionaries.zipf(key)
    if own > 0:
        # A known word is taken for a typo of a commoner word only: "кіт" is no typo for "кит".
        found = {word: distance for word, distance in found.items() if dictionaries.zipf(word) > own}
    rough = sorted(found, key=lambda w: dictionaries.prior(w) - 1.5 * found[w], reverse=True)
    scored = []
    for word in rough[:SHORTLIST]:
        score = dictionaries.prior(word) - COST_SCALE * dictionaries.model.cost(key, word)
        scored.append((dictionaries.display(word), score))
    respelt = dictionaries.model.respell(key)
    if respelt is not None and dictionaries.zipf(respelt[0]) > 0:
        word, cost = respelt
        scored.append((dictionaries.display(word), dictionaries.prior(word) - COST_SCALE * cost))
    return scored


def _half(part: str, dictionaries: Dictionaries) -> bool:
    """Tell whether ``part`` can stand as one half of a split word."""
    zipf = dictionaries.zipf(part)
    return zipf >= (SPLIT_MIN_ZIPF if len(part) > 1 else SPLIT_LETTER_ZIPF)


def _splits(key: str, dictionaries: Dictionaries) -> list[tuple[str, float]]:
    """Return (two words, score) for the ways of cutting ``key`` into two common words."""
    found = []
    for i in range(1, len(key)):
        first, second = key[:i], key[i:]
        if "'" in (first[-1], second[0]):
            continue
        if _half(first, dictionaries) and _half(second, dictionaries):
            score = dictionaries.pair_score(first, second) - COST_SCALE * SPACE_COST
            gap = split_gap(first, second, dictionaries.lexicon.language)
            found.append((f"{dictionaries.display(first)}{gap}{dictionaries.display(second)}", score))
    return found
