"""A sound key for English words, so that misspellings that sound right ("juse", "rote") find their word.

English spelling is far from its sound, and poor spellers write what they hear: the error model charges
such misspellings several edits, so words that share a sound key with the typo get a cheaper slip. The key
is a small Metaphone-like reduction (silent letters dropped, c/k/q and s/z merged, each run of vowels one
mark, doubles collapsed); Ukrainian and Russian are written close to their sound and need none.
"""

from __future__ import annotations

import re
from functools import lru_cache

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^(?:kn|gn|pn)", "n"),
        (r"^wr", "r"),
        (r"^wh", "w"),
        (r"^x", "s"),
        (r"ugh$", "f"),
        (r"gh", ""),
        (r"ph", "f"),
        (r"tch", "ch"),
        (r"dg", "j"),
        (r"ck", "k"),
        (r"sch", "sk"),
        (r"ti(?=[ao])", "x"),
        (r"(?:sh|ch)", "x"),
        (r"th", "0"),
        (r"c(?=[eiy])", "s"),
        (r"[cq]", "k"),
        (r"z", "s"),
        (r"x", "ks"),
        (r"w(?![aeiou])", ""),
        (r"(?<=[^aeiou])h", ""),
    )
)
_VOWELS = re.compile(r"[aeiouy]+")
_SILENT_E = re.compile(r"(?<=..[^aeiouy])e$")
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def english_key(word: str) -> str:
    """Return the sound key of a lower-case English word ("juice" and "juse" both give "jas")."""
    key = word
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    key = _SILENT_E.sub("", key)
    return _DOUBLES.sub(r"\1", _VOWELS.sub("a", key))
