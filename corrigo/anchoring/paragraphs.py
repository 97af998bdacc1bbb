"""Pairing the changed paragraphs of two versions, so that each is compared with its own new version.

Lines (paragraphs of the canonical text) that are identical in both versions are matched by the diff
directly. The ones that differ are paired here by similarity, in order, and runs of paired paragraphs
are compared pair by pair: otherwise words common to every paragraph ("the", "of") would let the end
of one rewritten paragraph be matched with the start of the next one.
"""

from itertools import pairwise

from rapidfuzz.distance import Indel

PAIR_SIMILARITY = 0.3
MAX_PAIRING_CELLS = 40_000

Region = tuple[int, int, int, int]
"""Lines ``old[i1:i2]`` against lines ``new[j1:j2]``."""


def paired_regions(old_lines: list[str], new_lines: list[str]) -> list[Region]:
    """Split two runs of differing lines into regions to compare separately.

    The runs are cut between two pairs of similar lines that follow each other on both sides; lines
    without a partner (a paragraph split, merged, added or removed) stay with their neighbours, so
    that their words can still be matched with the paragraph they came from.
    """
    if not old_lines or not new_lines or len(old_lines) * len(new_lines) > MAX_PAIRING_CELLS:
        return [(0, len(old_lines), 0, len(new_lines))]
    pairs = _best_pairs(old_lines, new_lines)
    cuts = [(0, 0)]
    for (i, j), (next_i, next_j) in pairwise(pairs):
        if (next_i, next_j) == (i + 1, j + 1):
            cuts.append((next_i, next_j))
    cuts.append((len(old_lines), len(new_lines)))
    return [(i, next_i, j, next_j) for (i, j), (next_i, next_j) in pairwise(cuts)]


def _best_pairs(old_lines: list[str], new_lines: list[str]) -> list[tuple[int, int]]:
    """Choose in-order pairs of similar lines with the greatest total similarity (dynamic programming)."""
    rows, columns = len(old_lines), len(new_lines)
    score = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    paired = [[False] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        for j in range(1, columns + 1):
            score[i][j] = max(score[i - 1][j], score[i][j - 1])
            similarity = Indel.normalized_similarity(old_lines[i - 1], new_lines[j - 1], score_cutoff=PAIR_SIMILARITY)
            if similarity and score[i - 1][j - 1] + similarity > score[i][j]:
                score[i][j], paired[i][j] = score[i - 1][j - 1] + similarity, True
    return _backtrack(score, paired)


def _backtrack(score: list[list[float]], paired: list[list[bool]]) -> list[tuple[int, int]]:
    """Read the chosen pairs back from the filled tables."""
    pairs: list[tuple[int, int]] = []
    i, j = len(score) - 1, len(score[0]) - 1
    while i and j:
        if paired[i][j]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]
