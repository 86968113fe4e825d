"""The Azerbaijani Latin alphabet: letters, vowel classes, casing and folding.

Azerbaijani casing is Turkic: ``I`` is the capital of ``ı`` and ``İ`` the
capital of ``i``. Python's ``str.lower`` gets both wrong and turns ``İ`` into
two code points, which would break every character offset azfix reports. All
case changes in azfix therefore go through :func:`az_lower` and
:func:`az_upper`, which map one code point to exactly one code point.

This module never looks words up; it only knows letters.

>>> az_lower("İLHAM ISI")
'ilham ısı'
>>> az_upper("ilk ışıq")
'İLK IŞIQ'
>>> ascii_fold("siyasət şəhər")
'siyaset seher'
>>> transfer_case("SIYASET", "siyasət")
'SİYASƏT'
"""

from __future__ import annotations

SCHWA = "\N{LATIN SMALL LETTER SCHWA}"
CAPITAL_SCHWA = "\N{LATIN CAPITAL LETTER SCHWA}"
DOTLESS_I = "\N{LATIN SMALL LETTER DOTLESS I}"
CAPITAL_DOTTED_I = "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}"

LOWERCASE_LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
UPPERCASE_LETTERS = "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
"""The 32 letters of the alphabet, in alphabetical order (``x`` after ``h``)."""

AZERBAIJANI_ONLY_LETTERS = frozenset("əıöüşçğ")  # letters a foreign Latin spelling lacks
# The same in both cases (with İ): what a keyboard without Azerbaijani letters cannot type.
AZERBAIJANI_ONLY_BOTH_CASES = "əıöüşçğƏİÖÜŞÇĞ"
BACK_VOWELS = frozenset("aıou")
FRONT_VOWELS = frozenset("eəiöü")
ROUNDED_VOWELS = frozenset("oöuü")
VOWELS = BACK_VOWELS | FRONT_VOWELS

# Harmony classes, numbered as in the mozillaz Hunspell dictionary:
# 1 back unrounded (a, ı), 2 front unrounded (e, ə, i), 3 back rounded (o, u),
# 4 front rounded (ö, ü).
HARMONY_CLASS = {"a": 1, "ı": 1, "e": 2, "ə": 2, "i": 2, "o": 3, "u": 3, "ö": 4, "ü": 4}
TWO_WAY_VOWEL = {1: "a", 2: "ə", 3: "a", 4: "ə"}
FOUR_WAY_VOWEL = {1: "ı", 2: "i", 3: "u", 4: "ü"}

_LOWER_FIX = str.maketrans({"I": DOTLESS_I, CAPITAL_DOTTED_I: "i"})
_UPPER_FIX = str.maketrans({"i": CAPITAL_DOTTED_I, DOTLESS_I: "I"})

_FOLD = str.maketrans(
    {
        SCHWA: "e", CAPITAL_SCHWA: "E",
        DOTLESS_I: "i", CAPITAL_DOTTED_I: "I",
        "ş": "s", "Ş": "S",
        "ç": "c", "Ç": "C",
        "ğ": "g", "Ğ": "G",
        "ö": "o", "Ö": "O",
        "ü": "u", "Ü": "U",
    }
)


def _same_length_case(text: str, mapped: str, per_char) -> str:
    if len(mapped) == len(text):
        return mapped
    # A few characters (ß, ligatures) change length when case-mapped; keep
    # those as they are so that offsets stay valid.
    return "".join(c2 if len(c2 := per_char(c)) == 1 else c for c in text)


def az_lower(text: str) -> str:
    """Lowercase with Azerbaijani rules; the result has the same length."""
    if text.islower() and "İ" not in text:
        return text  # already lowercase (the common case)
    fixed = text.translate(_LOWER_FIX)
    return _same_length_case(fixed, fixed.lower(), str.lower)


def az_upper(text: str) -> str:
    """Uppercase with Azerbaijani rules; the result has the same length."""
    fixed = text.translate(_UPPER_FIX)
    return _same_length_case(fixed, fixed.upper(), str.upper)


def ascii_fold_table() -> dict[int, str]:
    """The table :func:`ascii_fold` translates with (code point → replacement), for tables built on it."""
    return dict(_FOLD)


def ascii_fold(text: str) -> str:
    """Replace each Azerbaijani letter with its ASCII look-alike (ə→e, ı→i, ş→s …).

    The result is the "diacritic skeleton" shared by a word and its
    keyboard-typed or OCR-damaged versions.
    """
    return text.translate(_FOLD)


def is_upper_word(word: str) -> bool:
    """True for a word whose letters are all capitals (``BMT``, ``SİYASƏT``)."""
    if word.islower():
        return False
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_title_word(word: str) -> bool:
    """True for a capitalised word: first letter upper, the rest lower."""
    if word.islower():
        return False  # (no capital at all: the common case)
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and all(not c.isupper() for c in letters[1:])


def transfer_case(source: str, target: str) -> str:
    """Copy the case pattern of ``source`` onto ``target`` (a correction of it).

    All capitals stay all capitals, a capitalised word stays capitalised,
    and otherwise letters are matched by position.
    """
    if is_upper_word(source) and len([c for c in source if c.isalpha()]) > 1:
        return az_upper(target)
    if is_title_word(source):
        return az_upper(target[:1]) + az_lower(target[1:])
    if not any(c.isupper() for c in source):
        return az_lower(target)
    out = []
    for i, ch in enumerate(target):
        src = source[i] if i < len(source) else source[-1]
        out.append(az_upper(ch) if src.isupper() else az_lower(ch))
    return "".join(out)


def last_vowel(word: str) -> str | None:
    """The last vowel letter of a lowercase word, or None."""
    for ch in reversed(word):
        if ch in VOWELS:
            return ch
    return None


def harmony_class(word: str) -> int | None:
    """Harmony class (1–4) given by the last vowel of a lowercase word."""
    vowel = last_vowel(word)
    return HARMONY_CLASS[vowel] if vowel else None


def vowel_count(word: str) -> int:
    return sum(1 for ch in word if ch in VOWELS)
