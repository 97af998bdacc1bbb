"""Capital letters: a capital at a sentence start, small letters where a held Shift or politeness put capitals.

These fixes need no dictionary beyond knowing the word: "сонце світить." starts a sentence, "ПОтім" and
"нІколи" are Shift slips, and Ukrainian and Russian articles write я and the polite ви/ваш small inside a
sentence (capitals there belong to letters and addresses).
"""

from __future__ import annotations

import re

from corrigo.spelling.scoring import Option
from corrigo.spelling.tokens import starts_sentence

CASE_GAIN = 1.5
"""Gain of the right capitalisation over a wrong one, in powers of ten."""

SMALL_INSIDE = re.compile(r"(?:я|ви|вы|вас|вам|вами|ваш\w{0,3})")
"""Pronouns written small inside a Ukrainian or Russian sentence."""

_CYRILLIC_CAPITALS = "АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"


def shift_slip(word: str) -> str | None:
    """Return a Cyrillic word with the capitals of a held Shift key undone (ПОтім → Потім), or None.

    Acronyms (ЗМІ) and names with inner capitals (СтокФіш) are left alone; Latin words too (iPhone).
    """
    first = word[:1].lower()
    if not ("а" <= first <= "я" or first in "іїєґё") or word.isupper() or word.islower():
        return None
    if word[0].islower():
        return word.lower()
    caps = len(word) - len(word.lstrip(_CYRILLIC_CAPITALS))
    return word[0] + word[1:].lower() if caps >= 2 and word[caps:].islower() else None


def fix_case(options: list[Option], before: str, key: str, language: str) -> list[Option]:
    """Capitalise every option at a sentence start; offer a small letter for я and polite ви inside one.

    ``options[0]`` is the word as written; ``before`` is the text before it, ``key`` its normalised form.
    """
    written = options[0].text
    if starts_sentence(before):
        if written[:1].islower():
            return [Option(o.text[:1].upper() + o.text[1:], o.delta + CASE_GAIN) for o in options]
        return options
    capitalised = written[:1].isupper() and (len(written) == 1 or written[1:].islower())
    if language in ("uk", "ru") and capitalised and SMALL_INSIDE.fullmatch(key) and before.strip():
        return [*options, Option(written.lower(), CASE_GAIN)]
    return options
