"""A site's own vocabulary: word counts learnt from the articles it publishes.

General word lists do not know the names a newsroom writes every day (Prigozhin, Navalny, Chasiv Yar,
Zaporizhzhia). Counting the words of a site's own articles makes those names known, so they are not flagged
and can be proposed as the fix for a misspelling of them. Counts are kept per written form, so the usual
capitalisation of a name is known too; ``to_dict``/``from_dict`` give a plain mapping for a JSON field.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from corrigo.spelling.lexicon import MAX_DISTANCE, normalize
from corrigo.spelling.tokens import words

MIN_COUNT = 2
"""A word seen once may itself be a typo in an article; from two sightings on it counts as the site's."""

_BASE_ZIPF = 3.0
_MAX_ZIPF = 6.0
_LOWER_SHARE = 5
"""A word written in lower case at least one time in five is a common word (capitalised only at sentence
starts), so its fixes are proposed in lower case; otherwise the usual written form (a name's capitals)."""


class Vocabulary:
    """Counts of the words of a site's articles, by written form."""

    def __init__(self, counts: Mapping[str, int] | None = None, *, min_count: int = MIN_COUNT) -> None:
        self.min_count = min_count
        self._forms: Counter[str] = Counter()
        for form, count in (counts or {}).items():
            if isinstance(form, str) and isinstance(count, int) and count > 0:
                self._forms[form] += count
        self._keys: dict[str, int] | None = None
        self._display: dict[str, str] = {}
        self._known: list[str] = []

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, min_count: int = MIN_COUNT) -> Vocabulary:
        """Build a vocabulary from article texts."""
        vocabulary = cls(min_count=min_count)
        for text in texts:
            vocabulary.update(text)
        return vocabulary

    @classmethod
    def from_dict(cls, data: Mapping[str, int]) -> Vocabulary:
        """Rebuild a vocabulary from the mapping ``to_dict`` gave (bad entries are skipped)."""
        return cls(data)

    def to_dict(self) -> dict[str, int]:
        """Return {written form: count}, most frequent first, for storage in a JSON field."""
        return dict(self._forms.most_common())

    def update(self, text: str) -> None:
        """Count the words of one more article text."""
        self._forms.update(words(text))
        self._keys = None

    def __len__(self) -> int:
        return len(self._forms)

    def count(self, key: str) -> int:
        """Return how often the normalised ``key`` was seen, all written forms together."""
        return self._index().get(key, 0)

    def zipf(self, key: str) -> float:
        """Return a Zipf-like frequency for ``key`` (0.0 below ``min_count``).

        A site's corpus is small, so its relative frequencies would overstate rare names; instead two
        sightings give a fairly rare word's Zipf (3.3: the site's own words are likelier on its pages than
        in general text) and each tenfold more adds one, up to a common word's.
        """
        count = self.count(key)
        if count < self.min_count:
            return 0.0
        return min(_MAX_ZIPF, _BASE_ZIPF + math.log10(count))

    def display(self, key: str) -> str:
        """Return how a fix to ``key`` is written: lower case for common words, a name's usual capitals."""
        self._index()
        return self._display.get(key, key)

    def near(self, key: str) -> dict[str, int]:
        """Return {known key: edit distance} for the site's words within two edits of ``key`` (itself excluded)."""
        self._index()
        found = process.extract(key, self._known, scorer=OSA.distance, score_cutoff=MAX_DISTANCE, limit=None)
        return {w: int(d) for w, d, _ in found if w != key}

    def _index(self) -> dict[str, int]:
        """Return counts by normalised key, rebuilding the derived tables after an update."""
        if self._keys is None:
            keys: Counter[str] = Counter()
            best: dict[str, tuple[int, str]] = {}
            for form, count in self._forms.items():
                key = normalize(form)
                keys[key] += count
                if count > best.get(key, (0, ""))[0]:
                    best[key] = (count, form)
            self._display = {
                key: key if self._forms.get(key, 0) * _LOWER_SHARE >= keys[key] else form
                for key, (_, form) in best.items()
            }
            self._known = [key for key, count in keys.items() if count >= self.min_count]
            self._keys = dict(keys)
        return self._keys
