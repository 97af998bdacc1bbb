"""Patience diff of two sequences of tokens (or lines): which runs of them the two versions share.

A plain longest common subsequence maximises the number of matched tokens, so it happily matches a
passage's "the" and "," with copies far away when that matches one token more. Patience diff (Bram
Cohen's) first matches the tokens that occur exactly once in both versions, keeps the in-order chain
of them that matters most (here: the shared runs through them with the greatest total length), and
fills the gaps between them the same way; only gaps without any such token fall back to a longest
common subsequence (RapidFuzz ``Indel``, in C). Untouched text thus
stays matched with itself, which is what re-anchoring needs.
"""

from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import Indel

MAX_LCS_CELLS = 25_000_000

Block = tuple[int, int, int]
"""A shared run: ``a[i:i + size] == b[j:j + size]`` as ``(i, j, size)``."""


def matching_blocks(a: Sequence[str], b: Sequence[str]) -> list[Block]:
    """Return the shared runs of ``a`` and ``b``, in order and non-overlapping, as ``(i, j, size)``."""
    blocks: list[Block] = []
    pending = [(0, len(a), 0, len(b))]
    while pending:
        bounds = pending.pop()
        if bounds[0] == bounds[1] or bounds[2] == bounds[3]:
            continue
        runs = _anchored_runs(a, b, bounds)
        if runs:
            blocks.extend(runs)
            pending.extend(_gaps(runs, bounds))
        else:
            blocks.extend(_lcs_blocks(a, b, bounds))
    return _joined(sorted(blocks))


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[bool, int, int, int, int]]:
    """Return the difference as ``(equal, i1, i2, j1, j2)`` steps covering both sequences in order."""
    steps: list[tuple[bool, int, int, int, int]] = []
    i = j = 0
    for block_i, block_j, size in [*matching_blocks(a, b), (len(a), len(b), 0)]:
        if i < block_i or j < block_j:
            steps.append((False, i, block_i, j, block_j))
        if size:
            steps.append((True, block_i, block_i + size, block_j, block_j + size))
        i, j = block_i + size, block_j + size
    return steps


def _common_head(a: Sequence[str], b: Sequence[str], a_low: int, a_high: int, b_low: int, b_high: int) -> int:
    """Count the equal items at the start of both ranges."""
    size = 0
    while a_low + size < a_high and b_low + size < b_high and a[a_low + size] == b[b_low + size]:
        size += 1
    return size


def _common_tail(a: Sequence[str], b: Sequence[str], a_low: int, a_high: int, b_low: int, b_high: int) -> int:
    """Count the equal items at the end of both ranges."""
    size = 0
    while a_high - size > a_low and b_high - size > b_low and a[a_high - size - 1] == b[b_high - size - 1]:
        size += 1
    return size


def _anchored_runs(a: Sequence[str], b: Sequence[str], bounds: tuple[int, int, int, int]) -> list[Block]:
    """Find the shared runs through items found once in each range; keep the heaviest in-order chain.

    Each run is weighed by its length, so that when text moved, the longer stretch stays matched and
    the shorter one reads as moved (what a person editing the text would say too). Runs of the chain
    that overlap the previous one are trimmed.
    """
    a_low, a_high, b_low, b_high = bounds
    a_counts, b_counts = Counter(a[a_low:a_high]), Counter(b[b_low:b_high])
    b_where = {b[j]: j for j in range(b_low, b_high) if b_counts[b[j]] == 1}
    runs: list[Block] = []
    covered: dict[int, int] = {}
    for i in range(a_low, a_high):
        j = b_where.get(a[i], -1) if a_counts[a[i]] == 1 else -1
        if j < 0 or covered.get(i - j, -1) > i:
            continue
        run = _run_through(a, b, i, j, bounds)
        covered[i - j] = run[0] + run[2]
        runs.append(run)
    return _trimmed(_heaviest_chain(runs))


def _trimmed(chain: list[Block]) -> list[Block]:
    """Cut the start of every run that overlaps the run before it, dropping runs left empty."""
    trimmed: list[Block] = []
    a_end = b_end = 0
    for i, j, size in chain:
        skip = max(0, a_end - i, b_end - j)
        if size > skip:
            trimmed.append((i + skip, j + skip, size - skip))
            a_end, b_end = i + size, j + size
    return trimmed


def _run_through(a: Sequence[str], b: Sequence[str], i: int, j: int, bounds: tuple[int, int, int, int]) -> Block:
    """Extend the match ``a[i] == b[j]`` both ways within the bounds into a maximal shared run."""
    a_low, a_high, b_low, b_high = bounds
    before = 0
    while i - before > a_low and j - before > b_low and a[i - before - 1] == b[j - before - 1]:
        before += 1
    after = 1
    while i + after < a_high and j + after < b_high and a[i + after] == b[j + after]:
        after += 1
    return i - before, j - before, before + after


def _heaviest_chain(runs: list[Block]) -> list[Block]:
    """Keep the chain of runs ``(i, j, weight)``, increasing in both sequences, of greatest total weight.

    Runs are taken in order of their start in ``a``; a Fenwick tree over their starts in ``b`` gives
    the best chain ending before each one in ``O(n log n)``.
    """
    ranks = {j: rank for rank, j in enumerate(sorted({j for _, j, _ in runs}), start=1)}
    tree: list[tuple[int, int]] = [(0, -1)] * (len(ranks) + 1)
    best: list[tuple[int, int]] = []
    for index, (_, j, size) in enumerate(runs):
        weight, previous = _prefix_best(tree, ranks[j] - 1)
        best.append((weight + size, previous))
        _raise(tree, ranks[j], (weight + size, index))
    chain: list[Block] = []
    index = max(range(len(best)), key=lambda k: best[k][0]) if best else -1
    while index >= 0:
        chain.append(runs[index])
        index = best[index][1]
    return chain[::-1]


def _prefix_best(tree: list[tuple[int, int]], rank: int) -> tuple[int, int]:
    """Return the best (weight, run index) among ranks ``1..rank`` of the Fenwick tree."""
    result = (0, -1)
    while rank > 0:
        result = max(result, tree[rank])
        rank -= rank & -rank
    return result


def _raise(tree: list[tuple[int, int]], rank: int, value: tuple[int, int]) -> None:
    """Record ``value`` at ``rank`` in the Fenwick tree of prefix maxima."""
    while rank < len(tree):
        tree[rank] = max(tree[rank], value)
        rank += rank & -rank


def _gaps(runs: list[Block], bounds: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """Return the ranges between consecutive runs (and before the first and after the last)."""
    a_low, a_high, b_low, b_high = bounds
    gaps = []
    for i, j, size in [*runs, (a_high, b_high, 0)]:
        gaps.append((a_low, i, b_low, j))
        a_low, b_low = i + size, j + size
    return gaps


def _lcs_blocks(a: Sequence[str], b: Sequence[str], bounds: tuple[int, int, int, int]) -> list[Block]:
    """Match a range without unique items: common head and tail, then longest common subsequence.

    A range too large for the subsequence's table (``MAX_LCS_CELLS``, a few megabytes) is left
    unmatched between head and tail: that only happens to long stretches with no word in common
    once, which are rewrites anyway.
    """
    a_low, a_high, b_low, b_high = bounds
    head = _common_head(a, b, a_low, a_high, b_low, b_high)
    tail = _common_tail(a, b, a_low + head, a_high, b_low + head, b_high)
    blocks = [(a_low, b_low, head), (a_high - tail, b_high - tail, tail)]
    a_low, a_high, b_low, b_high = a_low + head, a_high - tail, b_low + head, b_high - tail
    if (a_high - a_low) * (b_high - b_low) > MAX_LCS_CELLS:
        return [block for block in blocks if block[2]]
    steps = Indel.opcodes(a[a_low:a_high], b[b_low:b_high])
    blocks += [
        (a_low + step.src_start, b_low + step.dest_start, step.src_end - step.src_start)
        for step in steps
        if step.tag == "equal"
    ]
    return [block for block in blocks if block[2]]


def _joined(blocks: list[Block]) -> list[Block]:
    """Join blocks that continue each other into one."""
    joined: list[Block] = []
    for i, j, size in blocks:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + size)
        else:
            joined.append((i, j, size))
    return joined
