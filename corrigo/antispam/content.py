"""Content checks on what a reader wrote: links and repeated text. Pure functions, no Django."""

import hashlib
import itertools
import re
import unicodedata

LINK = re.compile(r"(?:\bhttps?://|\bwww\.)\S+|\b[\w-]+\.(?:com|net|org|info|biz|xyz|top|ru|io|co|shop|site)/\S*", re.I)
MARKUP_LINK = re.compile(r"<\s*a\s[^>]*href|\[url\b|\[link\b", re.I)
CHARACTER_RUN = re.compile(r"(\S)\1{19,}")
WORD = re.compile(r"\w+", re.UNICODE)
WORD_RUN = 5
"""The same word this many times in a row is repeated text."""
SHORTEST_REPEATABLE = 20
"""Texts shorter than this (``typo``, a one-word fix) are said again by honest readers all the time."""


def links_in(text: str, *, besides: str = "") -> int:
    """How many links ``text`` holds that do not stand in ``besides`` (the reported passage)."""
    return sum(1 for match in LINK.finditer(text) if match.group(0) not in besides)


def has_markup_link(text: str) -> bool:
    """Whether ``text`` holds an HTML or BBCode link, which no one writes in a correction by hand."""
    return bool(MARKUP_LINK.search(text))


def is_repetitive(text: str) -> bool:
    """Whether ``text`` repeats itself: a long run of one character, one word many times in a row,
    or a long text made of very few distinct words."""
    if CHARACTER_RUN.search(text):
        return True
    words = [w.casefold() for w in WORD.findall(text)]
    run = 1
    for previous, word in itertools.pairwise(words):
        run = run + 1 if word == previous else 1
        if run >= WORD_RUN:
            return True
    return len(words) >= 30 and len(set(words)) / len(words) < 0.25


def text_fingerprint(text: str) -> str | None:
    """A digest of ``text`` with case, spacing and punctuation evened out; None when it is too short
    for a repetition across reports to mean anything."""
    folded = " ".join(WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
    if len(folded) < SHORTEST_REPEATABLE:
        return None
    return hashlib.sha256(folded.encode()).hexdigest()[:32]
