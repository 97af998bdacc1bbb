"""Splitting text into the tokens that versions of a text are compared by.

A token is a word (letters, digits and the combining marks that belong to them) or any other single
character, white space included. Scripts written without spaces between words (Chinese, Japanese, Thai,
Lao, Khmer, Myanmar) give one token per character, so that an edit inside a long unspaced run does not
mark the whole run as changed. Comparing words rather than characters keeps an edit from borrowing
letters from the words around it, which is what makes the position of an untouched passage exact.
"""

import re
import unicodedata
from functools import cache
from itertools import accumulate

_UNSPACED_SCRIPTS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\U00020000-\U0003134f"  # Han, supplementary planes
)


@cache
def _token_pattern() -> re.Pattern[str]:
    """Build the token pattern once; word characters include the combining marks of the BMP."""
    marks = "".join(_class_range(first, last) for first, last in _mark_ranges())
    word = f"(?:[^\\W{_UNSPACED_SCRIPTS}]|[{marks}\u200c\u200d])+"
    return re.compile(f"[{_UNSPACED_SCRIPTS}]|{word}|.", re.DOTALL)


def _mark_ranges() -> list[tuple[int, int]]:
    """Return the ranges of BMP code points whose general category is a mark (Mn, Mc, Me)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


def _class_range(first: int, last: int) -> str:
    """Write a range of code points for a regular-expression character class."""
    if first == last:
        return re.escape(chr(first))
    return f"{re.escape(chr(first))}-{re.escape(chr(last))}"


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens whose concatenation is ``text``."""
    return _token_pattern().findall(text)


def token_offsets(tokens: list[str]) -> list[int]:
    """Return the start offset of every token followed by the end of the last one."""
    return [0, *accumulate(map(len, tokens))]
