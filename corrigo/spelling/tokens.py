"""Cutting a reported span into words and the text between them, and putting a fix back in its case.

A reader's selection is kept character for character except the words that are replaced, so the span is
split into pieces that are either a word (letters, with apostrophes inside) or anything else (spaces,
punctuation, digits, hyphens), and joining the pieces gives the span back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corrigo.spelling.language import APOSTROPHES

WORD_PATTERN = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}][^\W\d_]+)*")

_SENTENCE_END = frozenset(".!?…")
_OPENERS = "\"'«“„‘‹([{—–-‒ \t\u00a0"
_CLOSERS = "\"'»”’›)]}"


@dataclass(frozen=True)
class Piece:
    """One piece of a span: a word or the text between words."""

    text: str
    is_word: bool


def split(text: str) -> list[Piece]:
    """Cut ``text`` into alternating non-word and word pieces whose concatenation is ``text``."""
    pieces: list[Piece] = []
    position = 0
    for match in WORD_PATTERN.finditer(text):
        if match.start() > position:
            pieces.append(Piece(text[position : match.start()], False))
        pieces.append(Piece(match.group(), True))
        position = match.end()
    if position < len(text):
        pieces.append(Piece(text[position:], False))
    return pieces


def words(text: str) -> list[str]:
    """Return the words of ``text`` in order."""
    return WORD_PATTERN.findall(text)


def recase(template: str, replacement: str) -> str:
    """Give ``replacement`` the case pattern of ``template`` ("Teh" → "The", "TEH" → "THE").

    A replacement that carries its own capitals (a proper noun from a site's vocabulary) keeps them
    unless the template is all capitals.
    """
    if not template or not replacement:
        return replacement
    letters = [ch for ch in template if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    if template[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def restore_apostrophe(original: str, fixed: str) -> str:
    """Write the apostrophes of ``fixed`` the way ``original`` wrote them (’ or ' or ʼ)."""
    marks = [ch for ch in original if ch in APOSTROPHES]
    return fixed.replace("'", marks[0]) if marks else fixed


def locate(span: str, context: str, start: int | None = None) -> tuple[str, str]:
    """Return the text of ``context`` before and after ``span``.

    ``start`` is where the span begins in the context when the caller knows it (a report's position
    selector); otherwise the first occurrence that is not inside a longer word is used. A span that is not
    in the context has empty surroundings.
    """
    if start is not None and context[start : start + len(span)] == span:
        return context[:start], context[start + len(span) :]
    first = -1
    for match in re.finditer(re.escape(span), context) if span else ():
        first = match.start() if first < 0 else first
        before = context[match.start() - 1 : match.start()]
        after = context[match.end() : match.end() + 1]
        if not (before.isalpha() and span[:1].isalpha()) and not (after.isalpha() and span[-1:].isalpha()):
            return context[: match.start()], context[match.end() :]
    if first >= 0:
        return context[:first], context[first + len(span) :]
    return "", ""


def previous_word(left: str) -> tuple[str, bool]:
    """Return the word just before the span and whether punctuation (a pause) stands between them.

    The word is "" at the start of a sentence or after a sentence-ending mark.
    """
    stripped = left.rstrip(" \t\u00a0")
    pause = False
    while stripped and not stripped[-1].isalnum():
        if stripped[-1] in _SENTENCE_END or stripped[-1] == "\n":
            return "", True
        if stripped[-1] not in "\"'«»“”„*":
            pause = True
        stripped = stripped[:-1].rstrip(" \t\u00a0")
    match = re.search(r"[\w'’ʼ]+$", stripped)
    return (match.group() if match else ""), pause


def next_word(right: str) -> str:
    """Return the word (or number) just after the span, skipping spaces and opening quotes; "" if none."""
    match = re.match(rf"[\s{re.escape(_OPENERS)}]*([\w'’ʼ]+)", right)
    return match.group(1) if match else ""


def starts_sentence(left: str) -> bool:
    """Tell whether a word after ``left`` begins a sentence (or direct speech after a colon)."""
    spaces = " \t\u00a0"
    stripped = left.rstrip(spaces)
    while stripped and stripped[-1] in _OPENERS + "\n\r":
        if stripped[-1] in "\n\r":
            return True
        stripped = stripped[:-1].rstrip(spaces)
    if not stripped:
        return True
    if stripped[-1] == ":" and stripped != left.rstrip(spaces):
        return True
    if stripped[-1] not in _SENTENCE_END:
        return False
    before = re.search(r"(\w+)\W*$", stripped)
    return not (before and _looks_abbreviated(before.group(1)))


def _looks_abbreviated(word: str) -> bool:
    """Tell whether ``word`` before a full stop is an abbreviation (р., ст., млн.) rather than a sentence end.

    Abbreviations cut before a vowel end in consonants; a word with a vowel, a number or a capital ends
    the sentence.
    """
    if word.isdigit() or word[:1].isupper():
        return False
    return len(word) <= 4 and not any(ch in "aeiouyаеєиіїоуюяыэё" for ch in word.lower())
