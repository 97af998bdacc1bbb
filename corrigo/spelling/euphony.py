"""Ukrainian euphony (милозвучність): у/в, і/й, з/із/зі, б/би, ж/же chosen by the neighbouring sounds.

The most frequent "spelling" error in Ukrainian writing is a correct word in the wrong place for these
alternations: "він в школі" should be "він у школі", "вона і Оля" should be "вона й Оля". The choice
depends on how the previous word ends and how the next begins, as set out in the Ukrainian orthography
(Український правопис 2019, §§ 23-24): avoid two vowels meeting (use в, й, з) and hard clusters of
consonants (use у, і, із, зі). The rules are written here as they are taught; where the code of spelling
leaves a free choice, no fix is proposed.
"""

from __future__ import annotations

from collections.abc import Callable

from corrigo.spelling.language import vowels_for

_VOWELS = vowels_for("uk")
_IOTATED = frozenset("йєюяї")
_SIBILANTS = frozenset("зсцчшщ")
_HARD_AFTER_U = ("льв",)
"""Clusters before which у is used whatever comes before, besides a first в or ф and consonant + в."""

ALTERNATING_MIN_ZIPF = 1.5
"""A word's у/в or і/й twin (вже/уже) must be at least this common to count as a variant of it."""

ALTERNATING_MAX_GAP = 2.2
"""...and no more than this many powers of ten rarer than the written form (вплив/уплив differ in meaning)."""

START, PAUSE, VOWEL, CONSONANT = "start", "pause", "vowel", "consonant"


def left_class(previous: str, pause: bool) -> str:
    """Classify what precedes a word: sentence start, a pause (punctuation), a vowel or a consonant."""
    if not previous:
        return START
    if pause:
        return PAUSE
    return VOWEL if previous[-1].lower() in _VOWELS else CONSONANT


def right_class(following: str) -> str | None:
    """Classify how the next word begins: vowel, consonant, "vf" (в, ф, a cluster with в), or "iotated".

    Iotated letters (я, ю, є, ї) are written vowels that start with the consonant [й]: у/в treats them as
    consonants, з/із/зі as vowels. None when there is no next word.
    """
    if not following:
        return None
    if following[0].isdigit():
        return _number_class(following)
    head = following.lower()
    if head[0] in "вф" or head.startswith(_HARD_AFTER_U) or (head[1:2] in ("в", "ф") and head[0] not in _VOWELS):
        return "vf"
    if head[0] in _IOTATED:
        return "iotated"
    return VOWEL if head[0] in _VOWELS else CONSONANT


def _number_class(number: str) -> str:
    """Classify a number by how its Ukrainian name begins (1 один, 11-19 одинадцять…, 8 вісім, others)."""
    digits = number[: len(number) - len(number.lstrip("0123456789"))] or number
    if digits.startswith("8"):
        return "vf"
    if digits == "1" or (len(digits) == 2 and digits[0] == "1" and digits != "10"):
        return VOWEL
    return CONSONANT


def u_or_v(left: str, right: str | None) -> str | None:
    """Return "у" or "в" for the preposition (or prefix) between ``left`` and ``right`` classes."""
    if right is None:
        return None
    right = CONSONANT if right == "iotated" else right
    if right == "vf":
        return "у"
    if left in (START, PAUSE):
        return "в" if right == VOWEL else "у"
    if left == VOWEL:
        return "в"
    return "у" if right == CONSONANT else None


def i_or_y(left: str, right: str | None, following: str) -> str | None:
    """Return "і" or "й" for the conjunction between ``left`` and ``right`` classes."""
    if left == START or following[:1].lower() in _IOTATED:
        return "і"
    if right is None:
        return None
    right = VOWEL if right == "iotated" else right
    if left == VOWEL:
        return "й"
    if left == PAUSE:
        return "й" if right == VOWEL else "і"
    return "і" if right != VOWEL else None


def z_form(left: str, right: str | None, following: str) -> str | None:
    """Return "з", "із" or "зі" for the preposition before ``following``."""
    if right is None:
        return None
    head = following.lower()
    if right in (VOWEL, "iotated"):
        return "з"
    if head.startswith("мн") or (head[0] in "зсшщ" and head[1:2] and head[1] not in _VOWELS):
        return "зі"
    if left == CONSONANT or (left == VOWEL and head[0] in _SIBILANTS):
        return "із"
    return "з"


def _short_or_long(short: str, long: str) -> Callable[[str, str | None, str], str | None]:
    """Return a rule choosing a particle's short form after a vowel and its long form after a consonant."""

    def rule(left: str, right: str | None, following: str) -> str | None:
        return short if left == VOWEL else long if left == CONSONANT else None

    return rule


_WORD_RULES: dict[str, Callable[[str, str | None, str], str | None]] = {
    "у": lambda left, right, following: u_or_v(left, right),
    "в": lambda left, right, following: u_or_v(left, right),
    "і": i_or_y,
    "й": i_or_y,
    # "и" is no Ukrainian word: it is the Russian "and", typed for і/й.
    "и": lambda left, right, following: i_or_y(left, right, following) or "і",
    "з": z_form,
    "із": z_form,
    "зі": z_form,
    "б": _short_or_long("б", "би"),
    "би": _short_or_long("б", "би"),
    "ж": _short_or_long("ж", "же"),
    "же": _short_or_long("ж", "же"),
}


def euphonic_form(key: str, previous: str, pause: bool, following: str, zipf: Callable[[str], float]) -> str | None:
    """Return the form euphony wants for the lower-case word ``key`` here (``key`` itself when it fits).

    None means no rule covers the word in this place. ``previous`` and ``following`` are the neighbouring
    words ("" when none), ``pause`` tells whether punctuation separates the previous word, and ``zipf``
    gives word frequencies to recognise words that alternate at their start (вже/уже, йти/іти).
    """
    left = left_class(previous, pause)
    rule = _WORD_RULES.get(key)
    if rule is not None:
        wanted = rule(left, right_class(following), following)
    else:
        wanted = _initial_form(key, left, zipf)
    return wanted


def _initial_form(key: str, left: str, zipf: Callable[[str], float]) -> str | None:
    """Return the euphonic variant of a word that starts with у/в or і/й (вже/уже, всі/усі, йти/іти)."""
    if len(key) < 2 or key[0] not in "увій" or key[1] in _VOWELS:
        return None
    twin = {"у": "в", "в": "у", "і": "й", "й": "і"}[key[0]] + key[1:]
    own, other = zipf(key), zipf(twin)
    if other < ALTERNATING_MIN_ZIPF or (own > 0 and own - other > ALTERNATING_MAX_GAP):
        return None
    if key[0] in "ув":
        letter = u_or_v(left, right_class(key[1:]))
    else:
        letter = "й" if left == VOWEL else "і"
    return None if letter is None else letter + key[1:]
