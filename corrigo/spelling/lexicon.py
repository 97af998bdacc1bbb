"""Word frequencies of a language, loaded once from wordfreq, with an index for near-miss look-ups.

wordfreq ships frequency lists for en, uk, ru and many more languages inside its package, so no download
happens at run time. A list is read the first time a language is asked for and kept for the life of the
process (English takes about 2 s and 80 MB, Ukrainian 4 s and 150 MB, Russian 6 s and 220 MB); the
module-level cache is guarded by a lock so that threads of one worker never build the same language twice.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import wordfreq
from rapidfuzz import process
from rapidfuzz.distance import OSA

from corrigo.spelling.language import ALPHABETS, APOSTROPHES

MAX_DISTANCE = 2
"""Largest edit distance (Damerau, optimal string alignment) at which candidates are looked for."""

PREFIX_LENGTH = 5
"""Length of the word prefix that the symmetric-delete index is built on (SymSpell's prefix idea): longer
prefixes make look-ups faster and the index larger."""

DEEP_MIN_ZIPF = 2.5
"""Words looked for at distance 2 must be at least this common (a sixth of a list: the words that can win
from two edits away); every word is found at distance 1."""

ALPHABET_MIN_SHARE = 0.001
"""Letters with at least this share of running text make the alphabet distance-1 variants are spelt with
(foreign letters in borrowed words would only slow the search down)."""

_APOSTROPHE_TABLE = str.maketrans({ch: "'" for ch in APOSTROPHES})


def normalize(word: str) -> str:
    """Return the look-up key of ``word``: lower case, every apostrophe variant as ``'``."""
    return word.translate(_APOSTROPHE_TABLE).lower()


def _deletes(text: str, depth: int) -> set[str]:
    """Return ``text`` and every string made from it by deleting up to ``depth`` characters."""
    found = {text}
    frontier = {text}
    for _ in range(depth):
        frontier = {s[:i] + s[i + 1 :] for s in frontier for i in range(len(s))}
        found |= frontier
    return found


class Lexicon:
    """Zipf frequencies of one language's words and a symmetric-delete index over them.

    Zipf is log10 of a word's frequency per billion words (``the`` ≈ 7.7, a rare word ≈ 2, unknown 0).
    """

    def __init__(self, language: str, frequencies: dict[str, float]) -> None:
        self.language = language
        self._zipf = frequencies
        self._alphabet = ALPHABETS.get(language) or _alphabet(frequencies)
        groups: dict[str, list[str]] = defaultdict(list)
        for word, zipf in frequencies.items():
            if zipf >= DEEP_MIN_ZIPF:
                groups[word[:PREFIX_LENGTH]].append(word)
        index: dict[str, list[str]] = defaultdict(list)
        for prefix in groups:
            for key in _deletes(prefix, MAX_DISTANCE):
                index[key].append(prefix)
        self._groups = {prefix: tuple(words) for prefix, words in groups.items()}
        self._index = {key: tuple(prefixes) for key, prefixes in index.items()}

    def __len__(self) -> int:
        return len(self._zipf)

    def __contains__(self, word: object) -> bool:
        return word in self._zipf

    def zipf(self, word: str) -> float:
        """Return the Zipf frequency of the normalised ``word``, 0.0 when the list does not have it."""
        return self._zipf.get(word, 0.0)

    def near(self, word: str) -> dict[str, int]:
        """Return {known word: edit distance} for the words near the normalised ``word`` (itself excluded).

        Every word one edit away, and the common words (``DEEP_MIN_ZIPF``) two edits away.
        """
        found = {w: 1 for w in self._edits1(word) if w in self._zipf}
        prefixes: set[str] = set()
        for key in _deletes(word[:PREFIX_LENGTH], MAX_DISTANCE):
            prefixes.update(self._index.get(key, ()))
        pool: list[str] = []
        for prefix in prefixes:
            pool.extend(self._groups[prefix])
        for w, d, _ in process.extract(word, pool, scorer=OSA.distance, score_cutoff=MAX_DISTANCE, limit=None):
            found.setdefault(w, int(d))
        found.pop(word, None)
        return found

    def _edits1(self, word: str) -> set[str]:
        """Return the strings one deletion, swap, substitution or insertion away from ``word``."""
        cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        letters = self._alphabet
        edits = {a + b[1:] for a, b in cuts if b}
        edits.update(a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1)
        edits.update(a + c + b[1:] for a, b in cuts if b for c in letters)
        edits.update(a + c + b for a, b in cuts for c in letters)
        return edits


def _alphabet(frequencies: dict[str, float]) -> str:
    """Return the letters of running text in a language without a listed alphabet, by frequency-weighted share."""
    weights: Counter[str] = Counter()
    for word, zipf in frequencies.items():
        if zipf >= 3.0:
            for ch in word:
                weights[ch] += 10.0**zipf
    total = sum(weights.values()) or 1.0
    return "".join(sorted(ch for ch, weight in weights.items() if weight / total >= ALPHABET_MIN_SHARE))


def wordfreq_frequencies(language: str) -> dict[str, float]:
    """Read wordfreq's list for ``language`` as {normalised word: Zipf}; empty when wordfreq lacks it.

    Tokens with digits or punctuation (wordfreq keeps "0.0mm" and the like) are left out: they are never
    the fix for a typo.
    """
    if language not in wordfreq.available_languages("best"):
        return {}
    frequencies: dict[str, float] = {}
    for centibels, words in enumerate(wordfreq.get_frequency_list(language, "best")):
        zipf = round(9.0 - centibels / 100.0, 2)
        for word in _clean(words):
            frequencies.setdefault(word, zipf)
    return frequencies


def _clean(words: Iterable[str]) -> Iterator[str]:
    """Yield the normalised forms of the tokens of ``words`` that are letters with inner apostrophes."""
    for word in words:
        key = normalize(word)
        if key.replace("'", "").isalpha() and key[0] != "'" and key[-1] != "'" and "''" not in key:
            yield key


_CACHE: dict[str, Lexicon] = {}
_LOCK = threading.Lock()


def get_lexicon(language: str) -> Lexicon:
    """Return the process-wide lexicon of ``language``, building it on first use (thread-safe)."""
    lexicon = _CACHE.get(language)
    if lexicon is None:
        with _LOCK:
            lexicon = _CACHE.get(language)
            if lexicon is None:
                lexicon = Lexicon(language, wordfreq_frequencies(language))
                _CACHE[language] = lexicon
    return lexicon
