"""Mapping passages from one version of a text to the next through their difference.

The difference is computed once per pair of versions and then serves any number of passages, each in
logarithmic time. It is computed in two steps: lines (paragraphs of the canonical text) are matched
first, then the tokens (see ``tokens``) of the lines that differ, both by patience diff (see ``diff``).
"""

from functools import lru_cache

from rapidfuzz.distance import Indel

from corrigo.anchoring.anchor import Anchor
from corrigo.anchoring.copies import slid_copy, surviving_copy
from corrigo.anchoring.diff import opcodes
from corrigo.anchoring.paragraphs import paired_regions
from corrigo.anchoring.quotes import Quote, best_by_context, occurrences, word_edges
from corrigo.anchoring.steps import Op, Steps
from corrigo.anchoring.tokens import token_offsets, tokenize

MOVE_CONTEXT = 32
MOVE_CONTEXT_AGREES = 0.6
MOVE_DISTINCTIVE = 16
MOVE_CONTEXT_AGREES_DISTINCTIVE = 0.35
MOVED_CONFIDENCE = 0.9


class TextMap:
    """The difference between an old and a new version of a text, through which passages are mapped.

    Two views of the difference are kept. The fine one is the diff as computed: a passage inside one of
    its equal stretches is untouched, whatever happened around it, and a passage that spans equal and
    changed stretches maps through them. The coarse one also counts as rewritten any short equal
    stretch between two longer changes (a "the" or a comma that a rewritten sentence happens to share
    with the old one); it serves passages that lie wholly inside one changed stretch or that the fine
    view deletes, so that they map to the whole rewrite instead of to a few shared words or to nothing.
    """

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text = old_text
        self.new_text = new_text
        fine = _merge(_line_diff(old_text, new_text))
        self._fine = Steps(fine)
        self._coarse = Steps(_coarsen(fine, old_text))

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Map ``old_text[start:end]`` to the span of ``new_text`` that holds it or what replaced it.

        An untouched passage maps exactly. A passage an edit touched maps to the span covering what
        replaced it; one whose every character was deleted (and not rewritten) maps to ``None``.
        """
        if not 0 <= start < end <= len(self.old_text):
            raise ValueError(f"span {start}..{end} is not a non-empty range of the old text")
        op = self._fine.at(start)
        if end <= op.a2:
            if op.equal:
                return op.b1 + start - op.a1, op.b1 + end - op.a1
            return self._coarse.span_through(start, end)
        fine = self._fine.span_through(start, end)
        return fine if fine is not None else self._coarse.span_through(start, end)

    def locate(self, exact: str, start: int, end: int) -> Anchor | None:
        """Place the passage ``exact`` found at ``old_text[start:end]`` in the new text.

        Confidence is 1 for a passage the diff kept in place, or an equally good one would (a deletion
        slid along a repeated piece, see ``copies``), ``MOVED_CONFIDENCE`` for one found intact
        elsewhere (where the diff kept another copy of the text around it, see ``copies``, or see
        ``_intact_elsewhere``), and between 0.5 and 1, by how similar the new text is, for a changed
        one. ``None`` means the passage was deleted.
        """
        if self.old_text[start:end] != exact:
            raise ValueError("the passage is not at the given place in the old text")
        span = self.map_span(start, end)
        if span is not None and self.new_text[span[0] : span[1]] == exact:
            return Anchor(span[0], span[1], changed=False, confidence=1.0)
        slid = slid_copy(self.old_text, start, end, self._fine)
        if slid is not None:
            return Anchor(slid, slid + len(exact), changed=False, confidence=1.0)
        found = occurrences(self.new_text, exact)
        # The coarse view, so that a short word a rewrite happens to share is no rival copy.
        intact = surviving_copy(self.old_text, self.new_text, start, end, found, self._coarse)
        if intact is None:
            intact = self._intact_elsewhere(exact, start, end, span, found)
        if intact is not None:
            return Anchor(intact, intact + len(exact), changed=False, confidence=MOVED_CONFIDENCE)
        if span is None:
            return None
        similarity = Indel.normalized_similarity(exact, self.new_text[span[0] : span[1]])
        return Anchor(span[0], span[1], changed=True, confidence=round(0.5 + 0.5 * similarity, 4))

    def _intact_elsewhere(
        self, exact: str, start: int, end: int, span: tuple[int, int] | None, found: list[int]
    ) -> int | None:
        """Find the passage intact where the diff did not put it: kept inside its rewrite, or moved.

        A diff keeps one order of the text and one of several equally good alignments, so a passage
        that a rewrite kept, or that moved, can read as deleted or replaced. Candidates are the
        occurrences of the passage (``found``) that the diff matched with no other old text and that
        start and end at word boundaries just as the passage did. The one inside the passage's mapped
        span wins if it is alone there; otherwise the one whose surroundings agree clearly best with the
        passage's old context, where a lone candidate for a passage long enough to be distinctive needs
        less agreement.
        """
        edges, size = word_edges(self.old_text, start, end), len(exact)
        candidates = [
            position
            for position in found
            if not self._fine.new_side_equal(position, position + size)
            and word_edges(self.new_text, position, position + size) == edges
        ]
        inside = [position for position in candidates if span and span[0] <= position <= span[1] - size]
        if len(inside) == 1:
            return inside[0]
        quote = Quote(
            exact=exact,
            prefix=self.old_text[max(0, start - MOVE_CONTEXT) : start],
            suffix=self.old_text[end : end + MOVE_CONTEXT],
            hint=None,
        )
        distinctive = len(candidates) == 1 and len(exact) >= MOVE_DISTINCTIVE
        threshold = MOVE_CONTEXT_AGREES_DISTINCTIVE if distinctive else MOVE_CONTEXT_AGREES
        return best_by_context(self.new_text, candidates, quote, threshold)


@lru_cache(maxsize=16)
def text_map(old_text: str, new_text: str) -> TextMap:
    """Return the ``TextMap`` of two versions, reusing it while the same pair is being worked on."""
    return TextMap(old_text, new_text)


def _line_diff(old_text: str, new_text: str) -> list[Op]:
    """Match whole lines first, pair the lines that differ, then compare the tokens of each pair."""
    old_lines, new_lines = old_text.splitlines(keepends=True), new_text.splitlines(keepends=True)
    old_at, new_at = token_offsets(old_lines), token_offsets(new_lines)
    ops: list[Op] = []
    for equal, i1, i2, j1, j2 in opcodes(old_lines, new_lines):
        if equal:
            ops.append(Op(True, old_at[i1], old_at[i2], new_at[j1], new_at[j2]))
            continue
        for k1, k2, l1, l2 in paired_regions(old_lines[i1:i2], new_lines[j1:j2]):
            a1, a2, b1, b2 = old_at[i1 + k1], old_at[i1 + k2], new_at[j1 + l1], new_at[j1 + l2]
            ops.extend(_token_diff(old_text[a1:a2], new_text[b1:b2], a1, b1))
    return ops


def _token_diff(old_text: str, new_text: str, a_base: int, b_base: int) -> list[Op]:
    """Compare two stretches of text token by token; offsets are shifted by the given bases."""
    old_tokens, new_tokens = tokenize(old_text), tokenize(new_text)
    old_at, new_at = token_offsets(old_tokens), token_offsets(new_tokens)
    return [
        Op(equal, a_base + old_at[i1], a_base + old_at[i2], b_base + new_at[j1], b_base + new_at[j2])
        for equal, i1, i2, j1, j2 in opcodes(old_tokens, new_tokens)
    ]


def _merge(ops: list[Op]) -> list[Op]:
    """Join neighbouring steps of the same kind, so a deletion next to an insertion reads as a replacement."""
    merged: list[Op] = []
    for op in ops:
        if merged and op.equal == merged[-1].equal:
            previous = merged[-1]
            merged[-1] = Op(op.equal, previous.a1, op.a2, previous.b1, op.b2)
        elif op.a1 < op.a2 or op.b1 < op.b2:
            merged.append(op)
    return merged


def _coarsen(ops: list[Op], old_text: str) -> list[Op]:
    """Absorb every equal step that is no longer than the changes next to it on both sides.

    An equal step holding a line break is never absorbed: a rewrite does not run across paragraphs.
    """
    coarse: list[Op] = []
    for index, op in enumerate(ops):
        if 0 < index < len(ops) - 1 and _absorbable(ops[index - 1], op, ops[index + 1], old_text):
            continue
        if coarse and not op.equal and not coarse[-1].equal:
            coarse[-1] = Op(False, coarse[-1].a1, op.a2, coarse[-1].b1, op.b2)
        else:
            coarse.append(op)
    return coarse


def _absorbable(left: Op, middle: Op, right: Op, old_text: str) -> bool:
    """Tell whether ``middle`` is a short equal step, within a paragraph, between two longer changes."""
    if left.equal or not middle.equal or right.equal:
        return False
    size = middle.a2 - middle.a1
    return size <= _size(left) and size <= _size(right) and "\n" not in old_text[middle.a1 : middle.a2]


def _size(op: Op) -> int:
    """Return the larger of a change's old and new lengths."""
    return max(op.a2 - op.a1, op.b2 - op.b1)
