"""Benchmark of re-anchoring on human revisions (IteraTeR); prints one JSON object.

Run from the project root: ``.venv/bin/python bench/anchoring.py [--data FILE.jsonl ...] [--seed N] [--limit N]``.
The method and the definitions of the figures are in ``bench/README.md`` (section Anchoring).
"""

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from corrigo.anchoring import Anchor, locate, text_map  # noqa: E402

DEFAULT_DATA = [
    ROOT.parent / "shared" / "data" / "revisions" / name for name in ("iterater-train.jsonl", "iterater-dev.jsonl")
]
PASSAGES_PER_DOC = 20
MAX_WORDS = 12
CONTEXT = 32
TOLERANCE = 10
ARTICLE_CHARS = 20_000
WORDS = re.compile(r"\w+|\W", re.DOTALL)


@dataclass(frozen=True)
class Edit:
    """One edit in ``before`` coordinates: ``before[start:end]`` becomes ``after``."""

    start: int
    end: int
    after: str


@dataclass(frozen=True)
class Case:
    """A passage of the old text and where it truly is in the new one (``kind``: untouched, changed, deleted)."""

    start: int
    end: int
    kind: str
    true_start: int
    true_end: int
    moved_to: tuple[int, ...] = ()


@dataclass(frozen=True)
class Doc:
    """One revision: old text, new text rebuilt from the edits, and the sampled passages."""

    id: str
    old: str
    new: str
    cases: list[Case]


def load_docs(paths: Iterable[Path], limit: int | None, seed: int) -> list[Doc]:
    """Read the revision files and turn every record into a ``Doc`` with sampled passages."""
    docs: list[Doc] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            rng = random.Random(f"{seed}:{path.name}:{record['id']}")
            docs.append(make_doc(record, rng))
            if limit is not None and len(docs) >= limit:
                return docs
    return docs


def make_doc(record: dict[str, Any], rng: random.Random) -> Doc:
    """Rebuild the new text from the edits and derive every sampled passage's true answer."""
    before = record["before"]
    raw = sorted((Edit(e["start"], e["end"], e["after"]) for e in record["edits"]), key=lambda e: (e.start, e.end))
    edits = [edit for edit in map(lambda e: minimal_edit(before, e), raw) if edit is not None]
    new = apply_edits(before, edits)
    assert new == apply_edits(before, raw)
    spans = sample_spans(before, rng) | {(e.start, e.end) for e in raw if e.start < e.end}
    groups = rewrites(edits)
    cases = [true_case(start, end, edits, groups) for start, end in sorted(spans)]
    inserted = inserted_spans(edits)
    return Doc(record["id"], before, new, [with_moves(case, before, new, inserted) for case in cases])


def inserted_spans(edits: list[Edit]) -> list[tuple[int, int]]:
    """Return where the new text of every edit lies in the rebuilt text."""
    spans, delta = [], 0
    for edit in edits:
        spans.append((edit.start + delta, edit.start + delta + len(edit.after)))
        delta += len(edit.after) - (edit.end - edit.start)
    return spans


def with_moves(case: Case, before: str, new: str, inserted: list[tuple[int, int]]) -> Case:
    """Note where an edited passage reappears, intact, inside text that another edit inserted (a move)."""
    if case.kind == "untouched":
        return case
    exact = before[case.start : case.end]
    moved = []
    for start, end in inserted:
        found = new.find(exact, start, end)
        while found >= 0:
            moved.append(found)
            found = new.find(exact, found + 1, end)
    return replace(case, moved_to=tuple(moved))


def minimal_edit(before: str, edit: Edit) -> Edit | None:
    """Strip the whole words (and single other characters) that an edit's old and new text share at either end.

    "cat" -> "black cat" is the insertion of "black " before "cat", which keeps "cat" untouched; "cat" ->
    "cats" stays a replacement of the word.
    """
    old_tokens, new_tokens = WORDS.findall(before[edit.start : edit.end]), WORDS.findall(edit.after)
    head = 0
    while head < min(len(old_tokens), len(new_tokens)) and old_tokens[head] == new_tokens[head]:
        head += 1
    tail = 0
    while tail < min(len(old_tokens), len(new_tokens)) - head and old_tokens[-1 - tail] == new_tokens[-1 - tail]:
        tail += 1
    cut_head = len("".join(old_tokens[:head]))
    cut_tail = len("".join(old_tokens[len(old_tokens) - tail :]))
    after = "".join(new_tokens[head : len(new_tokens) - tail])
    start, end = edit.start + cut_head, edit.end - cut_tail
    return None if start == end and not after else Edit(start, end, after)


def apply_edits(before: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits, sorted by position, to ``before``."""
    pieces, position = [], 0
    for edit in edits:
        pieces += [before[position : edit.start], edit.after]
        position = edit.end
    return "".join(pieces) + before[position:]


def sample_spans(text: str, rng: random.Random) -> set[tuple[int, int]]:
    """Pick passages of 1 to 12 whole words starting at a random word."""
    words = [match.span() for match in re.finditer(r"\S+", text)]
    spans: set[tuple[int, int]] = set()
    for _ in range(PASSAGES_PER_DOC if words else 0):
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.randint(1, MAX_WORDS) - 1)
        spans.add((words[first][0], words[last][1]))
    return spans


def rewrites(edits: list[Edit]) -> list[tuple[int, int]]:
    """Group edits into rewrites: an unchanged stretch no longer than the changes on both sides joins them.

    This is the rule of diff-match-patch's semantic clean-up; it makes the true place of a passage in a
    rewritten sentence the whole rewrite, however the annotators happened to split it into edits.
    Returns the old-text range of every rewrite.
    """
    groups: list[tuple[int, int, int]] = []
    for edit in edits:
        size = max(edit.end - edit.start, len(edit.after))
        if groups and edit.start - groups[-1][1] <= min(groups[-1][2], size):
            start, _, _ = groups[-1]
            groups[-1] = (start, edit.end, max(edit.end - start, groups[-1][2] + size))
        else:
            groups.append((edit.start, edit.end, size))
    return [(start, end) for start, end, _ in groups]


def true_case(start: int, end: int, edits: list[Edit], groups: list[tuple[int, int]]) -> Case:
    """Derive where the passage is in the new text from the edit list and its rewrites."""
    touching = [e for e in edits if (e.start < end and e.end > start) if e.start < e.end or start < e.start < end]
    if not touching:
        new_start = shifted(start, edits, insert_before=True)
        return Case(start, end, "untouched", new_start, new_start + end - start)
    hit = [(low, high) for low, high in groups if low <= touching[-1].end and high >= touching[0].start]
    low, high = min(start, hit[0][0]), max(end, hit[-1][1])
    true_start = shifted(low, edits, insert_before=low != hit[0][0])
    true_end = shifted(high, edits, insert_before=high == hit[-1][1])
    return Case(start, end, "changed" if true_start < true_end else "deleted", true_start, true_end)


def shifted(position: int, edits: list[Edit], *, insert_before: bool) -> int:
    """Move an old position that no edit straddles to the new text; inserts at it count when asked."""
    delta = 0
    for edit in edits:
        if edit.end < position or (edit.end == position and (edit.start < edit.end or insert_before)):
            delta += len(edit.after) - (edit.end - edit.start)
    return position + delta


def judge(case: Case, anchor: Anchor | None) -> str:
    """Classify an answer as right, wrong or orphaned.

    An untouched passage must be found exactly at its place; a deleted one must be orphaned; a changed
    one must overlap its rewrite and stay within it, give or take ``TOLERANCE``. An edited passage whose
    exact text reappears in text that an edit inserted (it was moved, or a rewrite kept it) is also
    right when found there intact: ``right_intact``.
    """
    if anchor is None:
        return "right" if case.kind == "deleted" else "orphaned"
    if case.kind == "untouched":
        return "right" if (anchor.start, anchor.end) == (case.true_start, case.true_end) else "wrong"
    if not anchor.changed and anchor.start in case.moved_to:
        return "right_intact"
    if case.kind == "deleted":
        return "wrong"
    overlaps = anchor.start < case.true_end and anchor.end > case.true_start
    within = anchor.start >= case.true_start - TOLERANCE and anchor.end <= case.true_end + TOLERANCE
    return "right" if overlaps and within else "wrong"


# --- Baseline: Hypothesis's client anchoring, reimplemented from its description --------------------


def approximate_ends(pattern: str, text: str, *, anchored: bool = False) -> list[int]:
    """Return, for every end in ``text``, the fewest edits turning ``pattern`` into a substring ending there.

    With ``anchored`` the substring must start at the start of ``text``. Myers' bit-vector algorithm
    (1999): one pass over the text with Python integers as bit vectors.
    """
    size = len(pattern)
    mask, high = (1 << size) - 1, 1 << (size - 1)
    peq: dict[str, int] = {}
    for index, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << index)
    pv, mv, score, scores, carry = mask, 0, size, [], 1 if anchored else 0
    for char in text:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        score += 1 if ph & high else -1 if mh & high else 0
        ph, mh = ((ph << 1) | carry) & mask, (mh << 1) & mask
        pv, mv = (mh | ~(xv | ph)) & mask, ph & xv
        scores.append(score)
    return scores


def best_start(pattern: str, text: str, end: int, errors: int) -> int:
    """Find where a match of ``pattern`` ending at ``end`` with ``errors`` edits starts (the shortest one)."""
    window_start = max(0, end - len(pattern) - errors)
    backwards = approximate_ends(pattern[::-1], text[window_start:end][::-1], anchored=True)
    for offset, score in enumerate(backwards):
        if score <= errors:
            return end - offset - 1
    return window_start


def context_score(context: str, text: str) -> float:
    """Score how well ``context`` occurs, approximately, in ``text`` (1 = exactly)."""
    if not context or not text:
        return 0.0
    return max(0.0, 1 - min(approximate_ends(context, text)) / len(context))


def baseline_locate(text: str, exact: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
    """Exact match nearest the hint, else the best approximate match scored 50/20/20/2."""
    starts = [m.start() for m in re.finditer(re.escape(exact), text)]
    if starts:
        start = min(starts, key=lambda s: abs(s - hint))
        return Anchor(start, start + len(exact), changed=False, confidence=1.0)
    errors = len(exact) // 2
    scores = approximate_ends(exact, text)
    best: tuple[float, int, int] | None = None
    for end, errs in enumerate(scores):
        if errs > errors or (end > 0 and scores[end - 1] <= errs) or (end + 1 < len(scores) and scores[end + 1] < errs):
            continue
        start = best_start(exact, text, end + 1, errs)
        value = (
            50 * (1 - errs / len(exact))
            + 20 * (context_score(prefix, text[max(0, start - len(prefix)) : start]) if prefix else 1)
            + 20 * (context_score(suffix, text[end + 1 : end + 1 + len(suffix)]) if suffix else 1)
            + 2 * (1 - abs(start - hint) / max(1, len(text)))
        ) / 92
        if best is None or value > best[0]:
            best = (value, start, end + 1)
    if best is None:
        return None
    return Anchor(best[1], best[2], changed=text[best[1] : best[2]] != exact, confidence=best[0])


# --- Running and summarising ---------------------------------------------------------------------

Locator = Callable[[Doc, Case], Anchor | None]


def quote_of(doc: Doc, case: Case) -> tuple[str, str, str]:
    """Return the exact text, prefix and suffix that a reader's selection of the passage would carry."""
    return (
        doc.old[case.start : case.end],
        doc.old[max(0, case.start - CONTEXT) : case.start],
        doc.old[case.end : case.end + CONTEXT],
    )


def without_old_text(doc: Doc, case: Case) -> Anchor | None:
    """corrigo's search: quote, context and position only."""
    exact, prefix, suffix = quote_of(doc, case)
    return locate(doc.new, exact=exact, prefix=prefix, suffix=suffix, start=case.start, end=case.end)


def baseline(doc: Doc, case: Case) -> Anchor | None:
    """The Hypothesis-style baseline: quote, context and position only."""
    exact, prefix, suffix = quote_of(doc, case)
    return baseline_locate(doc.new, exact, prefix, suffix, case.start)


def run_search(docs: list[Doc], locator: Locator) -> dict[str, Any]:
    """Time and judge a locator that needs no preparation per document."""
    outcomes: list[tuple[Case, Anchor | None, str]] = []
    times: list[float] = []
    for doc in docs:
        for case in doc.cases:
            began = time.perf_counter()
            anchor = locator(doc, case)
            times.append(time.perf_counter() - began)
            outcomes.append((case, anchor, judge(case, anchor)))
    return summarise(outcomes, times)


def run_with_old_text(docs: list[Doc]) -> dict[str, Any]:
    """Diff each document once, then time and judge every passage mapped through it.

    Passages go through ``locate(..., old_text=...)``, which finds the pair's ``TextMap`` in its cache;
    the diff itself is made (and timed) beforehand, once per document.
    """
    outcomes: list[tuple[Case, Anchor | None, str]] = []
    times: list[float] = []
    diff_times: list[float] = []
    for doc in docs:
        began = time.perf_counter()
        text_map(doc.old, doc.new)
        diff_times.append(time.perf_counter() - began)
        for case in doc.cases:
            exact = doc.old[case.start : case.end]
            began = time.perf_counter()
            anchor = locate(doc.new, exact=exact, start=case.start, end=case.end, old_text=doc.old)
            times.append(time.perf_counter() - began)
            outcomes.append((case, anchor, judge(case, anchor)))
    figures = summarise(outcomes, times)
    figures["diff_ms_per_document_median"] = round(statistics.median(diff_times) * 1000, 3) if docs else 0.0
    return figures


def summarise(outcomes: list[tuple[Case, Anchor | None, str]], times: list[float]) -> dict[str, Any]:
    """Turn judged answers and timings into the shares and times reported."""
    total = len(outcomes)
    verdicts = ["right" if verdict == "right_intact" else verdict for _, _, verdict in outcomes]
    untouched = [verdict for case, _, verdict in outcomes if case.kind == "untouched"]
    touched = [(case, anchor, verdict) for case, anchor, verdict in outcomes if case.kind != "untouched"]
    recognised = sum(
        1
        for case, anchor, verdict in touched
        if verdict == "right_intact" or (verdict == "right" and (anchor is None or anchor.changed))
    )
    times_ms = sorted(t * 1000 for t in times)
    return {
        "passages": total,
        "placed_right": share(verdicts.count("right"), total),
        "placed_wrong": share(verdicts.count("wrong"), total),
        "orphaned": share(verdicts.count("orphaned"), total),
        "untouched_placed_right": share(untouched.count("right"), len(untouched)),
        "changed_recognised": share(recognised, len(touched)),
        "ms_per_passage_median": round(statistics.median(times_ms), 4),
        "ms_per_passage_p99": round(times_ms[int(0.99 * (len(times_ms) - 1))], 4),
    }


def share(count: int, total: int) -> float:
    """Return a percentage with two decimals."""
    return round(100 * count / total, 2) if total else 0.0


def long_articles(docs: list[Doc]) -> list[Doc]:
    """Concatenate documents, as paragraphs, into articles of about 20,000 characters.

    Only one revision of each upstream document is used: two revisions of the same abstract in one
    article would let a diff legitimately match a paragraph with its sibling instead of itself.
    """
    articles: list[Doc] = []
    batch: list[Doc] = []
    seen: set[str] = set()
    for doc in docs:
        base = doc.id.rsplit("/r", 1)[0]
        if base in seen:
            continue
        seen.add(base)
        batch.append(doc)
        if sum(len(d.old) + 1 for d in batch) >= ARTICLE_CHARS:
            articles.append(join_docs(batch))
            batch = []
    return articles


def join_docs(batch: list[Doc]) -> Doc:
    """Join documents with newlines and shift their passages into the joined texts."""
    cases: list[Case] = []
    old_base = new_base = 0
    for doc in batch:
        cases += [
            Case(
                c.start + old_base,
                c.end + old_base,
                c.kind,
                c.true_start + new_base,
                c.true_end + new_base,
                tuple(start + new_base for start in c.moved_to),
            )
            for c in doc.cases
        ]
        old_base, new_base = old_base + len(doc.old) + 1, new_base + len(doc.new) + 1
    return Doc("+".join(d.id for d in batch), "\n".join(d.old for d in batch), "\n".join(d.new for d in batch), cases)


def counts(docs: list[Doc]) -> dict[str, Any]:
    """Count documents and passages by their true kind."""
    kinds = [case.kind for doc in docs for case in doc.cases]
    return {
        "documents": len(docs),
        "passages": len(kinds),
        "untouched": kinds.count("untouched"),
        "changed": kinds.count("changed"),
        "deleted": kinds.count("deleted"),
    }


def targets(figures: dict[str, Any]) -> dict[str, bool]:
    """Check the figures against the goals set for re-anchoring."""
    with_old, articles = figures["with_old_text"], figures["with_old_text_20k_articles"]
    return {
        "untouched_placed_right_100": with_old["untouched_placed_right"] == 100.0,
        "wrong_at_most_0.5": with_old["placed_wrong"] <= 0.5,
        "changed_recognised_at_least_98": with_old["changed_recognised"] >= 98.0,
        "median_at_most_0.05_ms_in_20k_articles": articles.get("ms_per_passage_median", 1.0) <= 0.05,
        "without_old_text_wrong_at_most_tenth_of_baseline": figures["without_old_text"]["placed_wrong"]
        <= figures["baseline_hypothesis"]["placed_wrong"] / 10,
    }


def main() -> None:
    """Parse the arguments, run every method on the same passages and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="revision file (.jsonl); repeatable")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="read at most this many documents")
    args = parser.parse_args()
    paths = args.data or DEFAULT_DATA
    docs = load_docs(paths, args.limit, args.seed)
    articles = long_articles(docs)
    figures: dict[str, Any] = {
        "data": [str(path) for path in paths],
        "seed": args.seed,
        "counts": counts(docs),
        "with_old_text": run_with_old_text(docs),
        "without_old_text": run_search(docs, without_old_text),
        "baseline_hypothesis": run_search(docs, baseline),
        "with_old_text_20k_articles": {
            "articles": len(articles),
            "chars_per_article_median": statistics.median(len(a.old) for a in articles) if articles else 0,
            **(run_with_old_text(articles) if articles else {}),
        },
    }
    figures["targets_met"] = targets(figures)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
