"""Benchmark corrigo.spelling against symspellpy and pyspellchecker on public typo data; print one JSON object.

    .venv/bin/python bench/spelling.py [--data FILE ...] [--limit N]

Data (default: both files in ../shared/data/typos/, never copied into the project):

* ``.tsv``: ``misspelling<TAB>correction`` (Norvig's test set 1, English words without context);
* ``.jsonl``: real errors in context (UA-GEC train "Spelling" edits, Ukrainian): the span is ``error``,
  the context ``sentence`` with the span's position ``start``; a row is right when a suggestion equals
  ``fix`` exactly. Rows whose ``error`` is empty (a missing word or letter: nothing for a reader to select)
  are counted apart as ``insertions`` and left out of the accuracy; ``top1_all_rows`` counts them as misses.

Every system gets the same spans and the same whole-span rules (words replaced in place, case pattern of
the typo kept). Times are per suggestion, after each system has loaded its dictionaries (load time is
reported apart).
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from spellchecker import SpellChecker  # noqa: E402
from symspellpy import SymSpell, Verbosity  # noqa: E402

from corrigo.spelling import suggest  # noqa: E402
from corrigo.spelling.lexicon import get_lexicon, normalize, wordfreq_frequencies  # noqa: E402
from corrigo.spelling.tokens import recase, split  # noqa: E402

DATA = PROJECT.parent / "shared" / "data" / "typos"
DEFAULT_FILES = (DATA / "norvig-1.tsv", DATA / "uagec-train-spelling.jsonl")
TOP = 5

Corrector = Callable[["Row"], list[str]]
"""A system under test: a row in, whole-span suggestions out, best first."""


@dataclass(frozen=True)
class Row:
    """One test item: the span a reader would select, its sentence, and the expected fix."""

    span: str
    fix: str
    context: str = ""
    start: int | None = None


def read_rows(path: Path, limit: int | None) -> tuple[str, list[Row]]:
    """Return the language of ``path`` and its rows (``.tsv`` English pairs, ``.jsonl`` UA-GEC records)."""
    rows: list[Row] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if path.suffix == ".tsv":
                wrong, right = line.rstrip("\n").split("\t")
                rows.append(Row(wrong, right))
            else:
                record = json.loads(line)
                rows.append(Row(record["error"], record["fix"], record["sentence"], record["start"]))
            if limit is not None and len(rows) >= limit:
                break
    return ("en" if path.suffix == ".tsv" else "uk"), rows


def corrigo_system(language: str) -> Corrector:
    """Return corrigo.spelling.suggest as a system (span, sentence and position given)."""
    get_lexicon(language)
    return lambda row: [s.text for s in suggest(row.span, context=row.context, language=language, start=row.start)]


def per_word(span: str, candidates: Callable[[str], list[str]]) -> list[str]:
    """Build whole-span suggestions from a word-by-word corrector, as corrigo builds its own.

    The first word that gets a different correction varies over its candidates; every other word takes its
    best candidate; the case pattern and the text between words are kept.
    """
    pieces = split(span)
    options = [candidates(normalize(p.text))[:TOP] if p.is_word else [] for p in pieces]
    best = [p.text if not o else recase(p.text, o[0]) for p, o in zip(pieces, options, strict=True)]
    varying = next((k for k, o in enumerate(options) if o and o[0] != normalize(pieces[k].text)), None)
    if varying is None:
        return []
    texts = []
    for option in options[varying]:
        texts.append("".join([*best[:varying], recase(pieces[varying].text, option), *best[varying + 1 :]]))
    return texts


def symspell_system(language: str) -> Corrector:
    """Return symspellpy (English: its bundled dictionary; others: the same wordfreq list corrigo uses)."""
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    if language == "en":
        bundled = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
        sym.load_dictionary(str(bundled), term_index=0, count_index=1)
    else:
        for word, count in _counts(language).items():
            sym.create_dictionary_entry(word, count)

    def candidates(word: str) -> list[str]:
        if word in sym.words:  # a known word is right, as pyspellchecker and corrigo take it
            return [word]
        return [item.term for item in sym.lookup(word, Verbosity.ALL, max_edit_distance=2)]

    return lambda row: per_word(row.span, candidates)


def pyspellchecker_system(language: str) -> Corrector:
    """Return pyspellchecker (English built in; it ships no Ukrainian, so the same wordfreq list is loaded).

    On the wordfreq lists it searches one edit away only: its distance-2 search spells out every string
    two edits from the typo (hundreds of thousands with a Cyrillic alphabet), about a second for each
    word with no candidate one edit away, which would make this run take about an hour.
    """
    if language == "en":
        checker = SpellChecker(language="en")
    else:
        checker = SpellChecker(language=None, distance=1)
        checker.word_frequency.load_json(_counts(language))

    def candidates(word: str) -> list[str]:
        found = checker.candidates(word) or set()
        return sorted(found, key=lambda w: (-checker.word_usage_frequency(w), w))

    return lambda row: per_word(row.span, candidates)


def _counts(language: str) -> dict[str, int]:
    """Return wordfreq's list for ``language`` as integer counts (10 ** Zipf), for the peers."""
    return {word: max(1, round(10**zipf)) for word, zipf in wordfreq_frequencies(language).items()}


def measure(system: Corrector, rows: Iterable[Row]) -> dict[str, float | int]:
    """Run ``system`` over ``rows`` and return accuracy and timing figures."""
    top1 = top5 = scored = insertions = 0
    times: list[float] = []
    for row in rows:
        if not row.span:
            insertions += 1
            continue
        began = time.perf_counter()
        texts = system(row)
        times.append((time.perf_counter() - began) * 1000.0)
        scored += 1
        top1 += bool(texts) and texts[0] == row.fix
        top5 += row.fix in texts[:TOP]
    times.sort()
    return {
        "rows_scored": scored,
        "insertions": insertions,
        "top1": round(top1 / max(scored, 1), 4),
        "top5": round(top5 / max(scored, 1), 4),
        "top1_all_rows": round(top1 / max(scored + insertions, 1), 4),
        "median_ms": round(statistics.median(times), 3) if times else 0.0,
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 3) if times else 0.0,
    }


SYSTEMS: dict[str, Callable[[str], Corrector]] = {
    "corrigo": corrigo_system,
    "symspellpy": symspell_system,
    "pyspellchecker": pyspellchecker_system,
}


def run(paths: list[Path], limit: int | None) -> dict[str, object]:
    """Benchmark every system on every data file."""
    report: dict[str, object] = {}
    for path in paths:
        language, rows = read_rows(path, limit)
        entry: dict[str, object] = {"language": language, "rows": len(rows)}
        for name, build in SYSTEMS.items():
            began = time.perf_counter()
            system = build(language)
            loaded = time.perf_counter() - began
            figures = measure(system, rows)
            entry[name] = {"load_s": round(loaded, 2), **figures, "total_s": round(time.perf_counter() - began, 1)}
        report[path.name] = entry
    return report


def main(argv: list[str] | None = None) -> None:
    """Parse the command line, run the benchmark, print the JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", type=Path, help="a .tsv or .jsonl file (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="read at most N rows of each file")
    args = parser.parse_args(argv)
    paths = args.data or list(DEFAULT_FILES)
    print(json.dumps(run(paths, args.limit), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
