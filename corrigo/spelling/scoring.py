"""The scores every fix is ranked by: a noisy-channel model in powers of ten.

A fix's score is log10 P(fix) (a Zipf frequency from the general list or the site's vocabulary) minus
``COST_SCALE`` times the error model's cost of the slip that turns the fix into what was written. Leaving a
word as written scores its own frequency plus ``KEEP_BONUS``. An option's ``delta`` is its score minus the
score of leaving the text alone, so a positive delta means "likelier than no change".
"""

from __future__ import annotations

from dataclasses import dataclass

from corrigo.spelling.channel import ErrorModel
from corrigo.spelling.lexicon import Lexicon
from corrigo.spelling.vocabulary import Vocabulary

KEEP_BONUS = -1.5
"""Advantage of a rare known word over its corrections, in powers of ten. Negative: a reader flagged the
word, and general lists hold many misspellings at low frequency ("recieve", "seperate", "нажаль")."""

COST_SCALE = 1.25
"""Powers of ten of improbability per unit of error-model cost: one slip makes a word ~100 times less likely."""

UNKNOWN_KEEP = -3.0
"""Score of leaving a word that no list knows."""

BIGRAM_BONUS = 1.5
"""How much likelier two words are as neighbours than chance (no bigram list ships, so one figure)."""

SPACE_COST = 1.5
"""Cost of a missing or extra space between two words."""

PRIOR_KNEE = 5.0
PRIOR_SLOPE = 0.5


@dataclass(frozen=True)
class Option:
    """A replacement for a word (lower case, or a name's usual form) and its gain over the word."""

    text: str
    delta: float


@dataclass(frozen=True)
class Dictionaries:
    """What a suggestion looks words up in: the language's list, the site's words, the error model."""

    lexicon: Lexicon
    vocabulary: Vocabulary | None
    model: ErrorModel

    def zipf(self, key: str) -> float:
        """Return the frequency of ``key`` in the general list or the site's vocabulary, whichever is higher."""
        site = self.vocabulary.zipf(key) if self.vocabulary is not None else 0.0
        return max(self.lexicon.zipf(key), site)

    def prior(self, key: str) -> float:
        """Return log10 P(``key`` is the word a writer meant and misspelt).

        Frequency, damped above ``PRIOR_KNEE``: the commonest words ("the", "and", "в") are rarely
        misspelt by the people who write them thousands of times, so their prior as a fix grows slower
        than their frequency.
        """
        zipf = self.zipf(key)
        return zipf if zipf <= PRIOR_KNEE else PRIOR_KNEE + PRIOR_SLOPE * (zipf - PRIOR_KNEE)

    def display(self, key: str) -> str:
        """Return how ``key`` is written when proposed (a name keeps the site's capitals)."""
        return self.vocabulary.display(key) if self.vocabulary is not None else key

    def keep_score(self, key: str) -> float:
        """Return the score of leaving ``key`` as written."""
        zipf = self.zipf(key)
        return zipf + KEEP_BONUS if zipf > 0 else UNKNOWN_KEEP

    def pair_score(self, first: str, second: str) -> float:
        """Return the score of two neighbouring words ``first second`` (independence plus a bonus)."""
        a, b = self.zipf(first), self.zipf(second)
        if a <= 0 or b <= 0:
            return UNKNOWN_KEEP
        return a + b - 9.0 + BIGRAM_BONUS
