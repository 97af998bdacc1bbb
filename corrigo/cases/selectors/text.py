"""The article's text as the desk shows it: the passage marked, the "as if fixed" sentence, diffs."""

import re
from dataclasses import dataclass
from functools import lru_cache

from corrigo.anchoring.diff import opcodes
from corrigo.anchoring.tokens import tokenize


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph, marked when it belongs to the passage."""

    text: str
    marked: bool


def passage_paragraphs(text: str, start: int | None, end: int | None) -> list[list[Segment]]:
    """The canonical text as paragraphs of segments, with ``start..end`` marked.

    A passage may cross paragraphs (canonical text joins blocks with one newline): each paragraph
    gets its own marked segment.
    """
    paragraphs: list[list[Segment]] = []
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if start is None or end is None or end <= line_start or start >= line_end:
            paragraphs.append([Segment(line, False)])
            continue
        a, b = max(start, line_start) - line_start, min(end, line_end) - line_start
        pieces = [Segment(line[:a], False), Segment(line[a:b], True), Segment(line[b:], False)]
        paragraphs.append([p for p in pieces if p.text])
    return paragraphs


_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


@dataclass(frozen=True)
class FixPreview:
    """The sentence around a passage, with the passage replaced by the fix."""

    before: str
    passage: str
    fix: str
    after: str


def fix_preview(text: str, start: int | None, end: int | None, fix: str) -> FixPreview | None:
    """The sentence holding ``text[start:end]`` as it would read with ``fix`` in its place."""
    if start is None or end is None or not fix or end > len(text):
        return None
    sentence_start = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = match.end()
    following = _SENTENCE_END.search(text, end)
    if following is None:
        sentence_end = len(text)
    else:
        sentence_end = following.start() if following.group() == "\n" else following.end()
    return FixPreview(
        before=text[sentence_start:start].lstrip(), passage=text[start:end], fix=fix, after=text[end:sentence_end]
    )


@dataclass(frozen=True)
class DiffPiece:
    """A run of text that both versions share (``kind`` "same"), or that one removed or added."""

    kind: str
    text: str


@lru_cache(maxsize=32)
def text_diff(old: str, new: str) -> tuple[DiffPiece, ...]:
    """The word-level difference between two versions of an article's text.

    Versions never change, and every case of an article shows the same difference, which takes a
    long article some milliseconds to compute: the last few are kept.
    """
    a, b = tokenize(old), tokenize(new)
    pieces: list[DiffPiece] = []
    for equal, i1, i2, j1, j2 in opcodes(a, b):
        if equal:
            pieces.append(DiffPiece("same", "".join(a[i1:i2])))
            continue
        if i1 < i2:
            pieces.append(DiffPiece("removed", "".join(a[i1:i2])))
        if j1 < j2:
            pieces.append(DiffPiece("added", "".join(b[j1:j2])))
    return tuple(pieces)
