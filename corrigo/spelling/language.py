"""Letters, keyboards and script-based language detection for the spelling helper.

Everything here is plain data about writing systems: which letters are vowels, which keys sit next to each
other, which letter pairs writers confuse. The error model in ``channel`` reads it; nothing here knows about
word lists.
"""

from __future__ import annotations

import unicodedata

SUPPORTED_LANGUAGES = ("en", "uk", "ru")
"""Languages with tuned alphabets and keyboards; other wordfreq languages work with generic weights."""

APOSTROPHES = "'’ʼ`‘"
"""Characters writers use for the apostrophe inside words (Ukrainian п'ять, English don't)."""

HYPHENS = "-‐‑"

ALPHABETS: dict[str, str] = {
    "en": "abcdefghijklmnopqrstuvwxyz'",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}
"""Letters that distance-1 variants of a word are spelt with."""

VOWELS: dict[str, frozenset[str]] = {
    "en": frozenset("aeiou"),
    "uk": frozenset("аеєиіїоуюя"),
    "ru": frozenset("аеёиоуыэюя"),
}
LATIN_VOWELS = frozenset("aeiou")

_KEYBOARD_ROWS: dict[str, tuple[str, ...]] = {
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    "uk": ("йцукенгшщзхї", "фівапролджє", "ячсмитьбю"),
    "ru": ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"),
}

# Letter pairs that sound alike or that a writer of the language mixes up (Russian letters typed in
# Ukrainian text, soft and hard signs, voiced and voiceless consonants). Symmetric.
_CONFUSABLE: dict[str, tuple[str, ...]] = {
    "en": ("cs", "ck", "sz", "iy", "gj", "fv", "mn", "td", "qk", "xz", "wv"),
    "uk": ("еи", "иі", "ії", "еє", "гґ", "зс", "дт", "шщ", "жш", "бп", "иы", "еэ", "іы", "ьъ", "гх", "чц", "юу", "яа"),
    "ru": ("еи", "ао", "её", "шщ", "ьъ", "зс", "дт", "жш", "бп", "иы", "еэ", "гк", "чщ", "юу", "яа"),
}


def _adjacent_pairs(rows: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Return the pairs of keys that touch on a staggered keyboard (same row or the rows next to it)."""
    pairs: set[tuple[str, str]] = set()
    for r, row in enumerate(rows):
        for i, key in enumerate(row):
            neighbours = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            for other_row in (r - 1, r + 1):
                if 0 <= other_row < len(rows):
                    # Lower rows are shifted right by about half a key.
                    shift = -1 if other_row > r else 0
                    line = rows[other_row]
                    neighbours += [line[j] for j in (i + shift, i + shift + 1) if 0 <= j < len(line)]
            pairs.update((key, n) for n in neighbours)
    return frozenset(pairs | {(b, a) for a, b in pairs})


# The same letter in a neighbouring orthography or keyboard layout: a Russian layout has no і ї є ґ, so
# writers type и/і, і for ї, е for є, г for ґ; Russian writers skip the dots of ё.
_TWINS: dict[str, tuple[str, ...]] = {
    "uk": ("ії", "гґ", "еє", "иі", "иы", "еэ", "ьъ"),
    "ru": ("её", "ьъ"),
}

# Letters written as two (a Latin-keyboard habit: "йа" for я) and the letter meant.
DIGRAPHS: dict[str, tuple[tuple[str, str], ...]] = {
    "uk": (("йа", "я"), ("йу", "ю"), ("йе", "є"), ("йі", "ї"), ("ьо", "йо")),
    "ru": (("йа", "я"), ("йу", "ю"), ("йо", "ё")),
}

ADJACENT_KEYS: dict[str, frozenset[tuple[str, str]]] = {
    lang: _adjacent_pairs(rows) for lang, rows in _KEYBOARD_ROWS.items()
}
CONFUSABLE: dict[str, frozenset[tuple[str, str]]] = {
    lang: frozenset((p[0], p[1]) for p in pairs) | frozenset((p[1], p[0]) for p in pairs)
    for lang, pairs in _CONFUSABLE.items()
}

TWINS: dict[str, frozenset[tuple[str, str]]] = {
    lang: frozenset((p[0], p[1]) for p in pairs) | frozenset((p[1], p[0]) for p in pairs)
    for lang, pairs in _TWINS.items()
}

_UKRAINIAN_ONLY = frozenset("іїєґ")
_RUSSIAN_ONLY = frozenset("ыэъё")
_LONG_CYRILLIC = 12


def vowels_for(language: str) -> frozenset[str]:
    """Return the vowel letters of ``language`` (Latin vowels for languages without their own entry)."""
    return VOWELS.get(language, LATIN_VOWELS) | LATIN_VOWELS


def detect_language(text: str, default: str = "en") -> str:
    """Guess en, uk or ru from the letters of ``text``; ``default`` when it has no telling letters.

    Script is enough for a reader's selection: Ukrainian has і ї є ґ, Russian has ы э ъ ё, and Latin
    letters mean English. Cyrillic without telling letters is Russian when it is long (і is the most
    frequent Ukrainian letter, so a dozen Ukrainian letters rarely lack all four), Ukrainian otherwise.
    """
    uk = ru = cyrillic = latin = 0
    for ch in text.lower():
        if ch in _UKRAINIAN_ONLY:
            uk += 1
        elif ch in _RUSSIAN_ONLY:
            ru += 1
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            cyrillic += name.startswith("CYRILLIC")
            latin += name.startswith("LATIN")
    if uk or ru:
        return "uk" if uk >= ru else "ru"
    if cyrillic > latin:
        return "ru" if cyrillic >= _LONG_CYRILLIC else "uk"
    if latin:
        return "en"
    return default
