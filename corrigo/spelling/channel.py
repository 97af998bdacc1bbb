"""The error model: how likely a writer who meant one word typed another.

A noisy-channel corrector ranks a candidate ``c`` for a typo ``t`` by P(c) * P(t | c). P(c) comes from word
frequencies; this module estimates -log10 P(t | c) as a weighted edit distance. The weights say which slips
people make most: doubling or undoubling a letter, swapping two neighbours, writing one vowel for another,
hitting the key next to the right one, confusing letters that sound alike, leaving out an apostrophe. Edits
on the first letter cost more, because writers rarely get the first letter wrong. The weights are general
figures about typing and spelling, set by hand; no word list stands behind them.
"""

from __future__ import annotations

from rapidfuzz.distance import Editops, Indel, Levenshtein

from corrigo.spelling.language import ADJACENT_KEYS, CONFUSABLE, DIGRAPHS, TWINS, vowels_for
from corrigo.spelling.phonetic import english_key

SUBSTITUTE = 2.0
SUBSTITUTE_ADJACENT_KEY = 1.5
SUBSTITUTE_CONFUSABLE = 1.2
SUBSTITUTE_VOWEL = 1.1
SUBSTITUTE_TWIN = 0.5
DIGRAPH = 0.5
OMIT = 1.7
OMIT_DOUBLED = 0.6
OMIT_VOWEL = 1.0
OMIT_SIGN = 0.5
ADD = 2.2
ADD_DOUBLED = 0.8
ADD_VOWEL = 1.4
ADD_SIGN = 0.9
ADD_NEXT_KEY = 1.8
TRANSPOSE = 1.0
FIRST_LETTER = 0.8
SOUNDS_ALIKE = 0.8
"""Share of the cost charged when the typo and the word have the same English sound key."""

_SIGNS = frozenset("'ьъ")
"""Apostrophe and soft/hard signs: marks writers drop or add more often than real letters."""


class ErrorModel:
    """Costs (in powers of ten of improbability) of the edits that turn an intended word into a typo."""

    def __init__(self, language: str) -> None:
        self.vowels = vowels_for(language)
        self.adjacent = ADJACENT_KEYS.get(language, ADJACENT_KEYS["en"])
        self.confusable = CONFUSABLE.get(language, frozenset())
        self.twins = TWINS.get(language, frozenset())
        self.digraphs = DIGRAPHS.get(language, ())
        self.sound_key = english_key if language == "en" else None

    def respell(self, typo: str) -> tuple[str, float] | None:
        """Return ``typo`` with letters written as two put back as one ("йак" → "як") and its cost."""
        respelt, cost = typo, 0.0
        for pair, letter in self.digraphs:
            if pair in respelt:
                cost += DIGRAPH * respelt.count(pair)
                respelt = respelt.replace(pair, letter)
        return (respelt, cost) if respelt != typo else None

    def cost(self, typo: str, intended: str) -> float:
        """Return -log10 P(``typo`` | ``intended``) up to a constant; 0 for identical words.

        Two alignments are weighed, one with substitutions and one with only insertions and deletions
        ("relley"/"really" is a lost a and an extra e, not two wrong letters), and the cheaper one counts.
        """
        cost = min(
            self._weigh(_ops(Levenshtein.editops(intended, typo)), typo, intended),
            self._weigh(_ops(Indel.editops(intended, typo)), typo, intended),
        )
        if self.sound_key is not None and self.sound_key(typo) == self.sound_key(intended):
            cost *= SOUNDS_ALIKE
        return cost

    def _weigh(self, ops: list[tuple[str, int, int]], typo: str, intended: str) -> float:
        """Return the summed cost of an alignment's edit operations, a swap of neighbours counting once."""
        total = 0.0
        k = 0
        while k < len(ops):
            if k + 1 < len(ops) and _is_transposition(ops[k], ops[k + 1], typo, intended):
                total += TRANSPOSE + (FIRST_LETTER if ops[k][1] == 0 else 0.0)
                k += 2
                continue
            tag, i, j = ops[k]
            total += self._single(tag, i, j, typo, intended)
            k += 1
        return total

    def _single(self, tag: str, i: int, j: int, typo: str, intended: str) -> float:
        """Return the cost of one edit operation (rapidfuzz editops from ``intended`` to ``typo``)."""
        first = FIRST_LETTER if (i == 0 if tag != "insert" else j == 0) else 0.0
        if tag == "replace":
            if (intended[i], typo[j]) in self.twins:
                return SUBSTITUTE_TWIN  # a keyboard layout's stand-in, not a slip: no first-letter charge
            return first + self._substitute(intended[i], typo[j])
        if tag == "delete":
            return first + self._omit(intended, i)
        return first + self._add(typo, j)

    def _substitute(self, meant: str, typed: str) -> float:
        """Return the cost of typing ``typed`` for ``meant``."""
        if (meant, typed) in self.twins:
            return SUBSTITUTE_TWIN
        if meant in self.vowels and typed in self.vowels:
            return SUBSTITUTE_VOWEL
        if (meant, typed) in self.confusable or {meant, typed} <= _SIGNS:
            return SUBSTITUTE_CONFUSABLE
        if (meant, typed) in self.adjacent:
            return SUBSTITUTE_ADJACENT_KEY
        return SUBSTITUTE

    def _omit(self, intended: str, i: int) -> float:
        """Return the cost of leaving out ``intended[i]``."""
        letter = intended[i]
        if letter in _SIGNS:
            return OMIT_SIGN
        if (i > 0 and intended[i - 1] == letter) or (i + 1 < len(intended) and intended[i + 1] == letter):
            return OMIT_DOUBLED
        return OMIT_VOWEL if letter in self.vowels else OMIT

    def _add(self, typo: str, j: int) -> float:
        """Return the cost of the extra letter ``typo[j]``."""
        letter = typo[j]
        if letter in _SIGNS:
            return ADD_SIGN
        before = typo[j - 1] if j > 0 else ""
        after = typo[j + 1] if j + 1 < len(typo) else ""
        if letter in (before, after):
            return ADD_DOUBLED
        if letter in self.vowels:
            return ADD_VOWEL
        if (letter, before) in self.adjacent or (letter, after) in self.adjacent:
            return ADD_NEXT_KEY
        return ADD


def _ops(editops: Editops) -> list[tuple[str, int, int]]:
    """Return rapidfuzz edit operations as (tag, position in intended, position in typo) tuples."""
    return [(op.tag, op.src_pos, op.dest_pos) for op in editops]


def _is_transposition(first: tuple[str, int, int], second: tuple[str, int, int], typo: str, intended: str) -> bool:
    """Tell whether two consecutive edit operations are one swap of neighbouring letters."""
    (tag1, i1, j1), (tag2, i2, j2) = first, second
    if tag1 == "replace" and tag2 == "replace" and i2 == i1 + 1 and j2 == j1 + 1:
        return intended[i1] == typo[j2] and intended[i2] == typo[j1]
    if tag1 == "insert" and tag2 == "delete" and i2 == i1 + 1 and j2 == j1 + 2:
        return i1 < len(intended) and typo[j1] == intended[i2] and intended[i1] == typo[j1 + 1 : j1 + 2]
    if tag1 == "delete" and tag2 == "insert" and i2 == i1 + 2 and j2 == j1 + 1:
        return intended[i1] == typo[j2] and intended[i1 + 1] == typo[j1]
    return False
