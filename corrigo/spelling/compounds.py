"""Joining, splitting and hyphenating words: "на приклад" → "наприклад", "будь що" → "будь-що".

Whether two words are written apart, together or with a hyphen is a spelling question word lists cannot
answer, since they list single words. Two sources decide here: a joined form that is itself a known word,
and the closed classes of Ukrainian particles and word-forming elements that the orthography (Український
правопис 2019, §§ 35-36, 42-44) says are hyphenated or written together.
"""

from __future__ import annotations

import re

from corrigo.spelling.lexicon import normalize
from corrigo.spelling.scoring import Dictionaries, Option
from corrigo.spelling.tokens import Piece, recase, restore_apostrophe

SPACE, HYPHEN, TOGETHER = " ", "-", ""

_HYPHEN_BEFORE = {
    "uk": frozenset({"будь", "казна", "хтозна", "бозна"}),
    "ru": frozenset({"кое", "кой"}),
}
"""Particles joined by a hyphen to the pronoun or adverb after them (будь-що, казна-де, кое-как)..."""

_PRONOUN = {
    "uk": re.compile(
        r"(?:що|чого|чому|чим|чім|хто|кого|кому|ким|кім|як\w*|де|коли|куди|звідки|ч[иі]\w+|скільки|котр\w+)"
    ),
    "ru": re.compile(r"(?:что|чего|чему|чем|кто|кого|кому|кем|как\w*|где|когда|куда|откуда|ч[еь]\w*|сколько)"),
}
"""...when that word is a pronoun or pronominal adverb (будь ласка stays apart)."""

_HYPHEN_ELEMENTS = {
    "uk": frozenset({"бізнес", "онлайн", "офлайн", "прем'єр", "віце", "екс", "топ", "шоу", "лейб", "обер", "унтер"}),
}
"""First parts of compound nouns written with a hyphen (бізнес-план, онлайн-курс, віце-президент)."""

_COMPOUND_PREPOSITIONS = {
    "uk": frozenset(
        {
            "з-під",
            "з-за",
            "з-поміж",
            "з-понад",
            "з-поза",
            "з-посеред",
            "з-над",
            "з-перед",
            "по-між",
            "по-над",
            "по-під",
            "по-за",
        }
    ),
    "ru": frozenset({"из-за", "из-под", "по-над"}),
}
"""Prepositions made of two, written with a hyphen (з-під, з-поміж, из-за)."""

_HYPHEN_AFTER = {
    "uk": frozenset({"небудь"}),
    "ru": frozenset({"нибудь", "либо"}),
}
"""Particles joined by a hyphen to the word before them (що-небудь, кто-нибудь, что-либо)."""

_EMPHATIC = {"uk": frozenset({"таки"}), "ru": frozenset({"таки"})}
_PERSONAL = {
    "uk": frozenset({"я", "ти", "він", "вона", "воно", "ми", "ви", "вони"}),
    "ru": frozenset({"я", "ты", "он", "она", "оно", "мы", "вы", "они"}),
}
"""The particle таки takes a hyphen after verbs, adverbs and particles (все-таки), not after a personal
pronoun (він таки прийшов)."""

_PO_ADVERB = {
    "uk": re.compile(r"(?:.*(?:ому|єму|ськи|цьки|зьки)|перше|друге|третє|четверте)"),
    "ru": re.compile(r"(?:.*(?:ому|ему|ски|цки)|первых|вторых|третьих)"),
}
"""Adverbs written with по- and a hyphen (по-моєму, по-українськи, по-перше; по-моему, во-первых)."""

_PREFIXOIDS = {
    "uk": frozenset(
        {
            "авто",
            "аудіо",
            "відео",
            "гіпер",
            "екстра",
            "кібер",
            "макро",
            "мега",
            "мікро",
            "міні",
            "мото",
            "мульти",
            "нано",
            "псевдо",
            "супер",
            "ультра",
            "фото",
            "медіа",
            "поп",
            "спец",
            "квазі",
            "контр",
            "веб",
            "анти",
            "напів",
        }
    ),
}
"""Word-forming elements written together with the word after them (супермаркет, мінізвіт, напівглухий)."""


def gap_rule(first: str, second: str, language: str) -> str | None:
    """Return how the orthography joins two lower-case words (space, hyphen or together), or None if silent."""
    pronoun = _PRONOUN.get(language)
    if first in _HYPHEN_BEFORE.get(language, ()) and pronoun is not None and pronoun.fullmatch(second):
        return HYPHEN
    if first == second or first in _HYPHEN_ELEMENTS.get(language, ()):
        return HYPHEN
    if f"{first}-{second}" in _COMPOUND_PREPOSITIONS.get(language, ()):
        return HYPHEN
    if second in _HYPHEN_AFTER.get(language, ()):
        return HYPHEN
    if second in _EMPHATIC.get(language, ()) and first not in _PERSONAL.get(language, ()):
        return HYPHEN
    adverb = _PO_ADVERB.get(language)
    if adverb is not None and first == "по" and adverb.fullmatch(second):
        return HYPHEN
    if first in _PREFIXOIDS.get(language, ()) and len(second) > 2:
        return TOGETHER
    return None


def split_gap(first: str, second: str, language: str) -> str:
    """Return what to put between the halves of a word written as one by mistake (а space, or a hyphen)."""
    return HYPHEN if gap_rule(first, second, language) == HYPHEN else SPACE


JOIN_GAIN = 1.0
"""Gain of joining two words a reader selected together when the joined form is a known word or the
orthography asks for it: the selection says something is wrong with the pair, and each word is fine."""

JOIN_MIN_ZIPF = 2.5
"""A joined form must be at least this common to count as a word."""

APART_MIN_ZIPF = 4.5
"""In Ukrainian and Russian, hyphenated words both this common, with no rule for the hyphen, are ordinary
words written apart (будь-ласка → будь ласка). English keeps its many hyphenated compounds (well-known)."""

APART_GAIN = 0.5


def join_options(pieces: list[Piece], gains: list[float], dictionaries: Dictionaries) -> list[Option]:
    """Return the span with two neighbouring words joined, hyphenated or parted, where that makes sense.

    ``gains`` holds the best gain of each piece's own fixes: a join has to beat fixing a word instead.
    """
    language = dictionaries.lexicon.language
    found = []
    for k in range(len(pieces) - 2):
        first, gap, second = pieces[k : k + 3]
        if not (first.is_word and second.is_word and gap.text in (SPACE, HYPHEN)):
            continue
        a, b = normalize(first.text), normalize(second.text)
        rule = gap_rule(a, b, language)
        gain = JOIN_GAIN + max(0.0, gains[k], gains[k + 2])
        apart = (
            language in _HYPHEN_BEFORE
            and gap.text == HYPHEN
            and min(dictionaries.zipf(a), dictionaries.zipf(b)) >= APART_MIN_ZIPF
        )
        if rule == HYPHEN and gap.text != HYPHEN:
            joined, delta = f"{first.text}{HYPHEN}{second.text}", gain
        elif rule is None and apart:
            joined, delta = f"{first.text}{SPACE}{second.text}", APART_GAIN
        elif rule == TOGETHER or (rule is None and dictionaries.zipf(a + b) >= JOIN_MIN_ZIPF):
            joined = restore_apostrophe(first.text + second.text, recase(first.text, dictionaries.display(a + b)))
            delta = gain
        else:
            continue
        text = "".join(p.text for p in pieces[:k]) + joined + "".join(p.text for p in pieces[k + 3 :])
        found.append(Option(text, delta))
    return found
