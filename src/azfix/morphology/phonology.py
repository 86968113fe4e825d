"""Phonology of stems and hosts: softening, voicing and vowel drop before a suffix, and how numbers and acronyms are read aloud.

The one table of stem-final alternations (``çörək`` → ``çörəyi``, ``gedir``,
``ağzı``), and the harmony a suffix takes after a host that is not a word:
a number read aloud (``2023`` → ``üç``: ``2023-cü``) or an acronym read as a
word or letter by letter (``BMT`` → ``be-em-te``: ``BMT-dən``).

>>> SOFTEN["k"], number_name("2023")
('y', 'üç')
"""

from __future__ import annotations

from ..text.alphabet import VOWELS, harmony_class

__all__ = ["SOFTEN", "UNSOFTEN", "VOICE", "alternates", "host_phonology", "number_name"]

SOFTEN = {"k": "y", "q": "ğ"}  # a final consonant softened before a vowel (çörək: çörəyi)
UNSOFTEN = {"y": "k", "ğ": "q"}  # a softened final consonant and the one it softens
VOICE = {"t": "d"}  # a verb's final t voiced before a vowel (get: gedir)
HIGH_VOWELS = "ıiuü"



def alternates(stem: str, flags: str, pos: str) -> bool:
    """True if the stem, as this part of speech, must change before a vowel."""
    if not flags:
        return False
    last = stem[-1]
    if pos == "verb":
        return "d" in flags and last == "t"
    return ("s" in flags and last in SOFTEN) or (
        "v" in flags and len(stem) >= 3 and stem[-2] in HIGH_VOWELS
        and last not in VOWELS and stem[-3] not in VOWELS)


# --- hosts that are not words: numbers and acronyms ------------------------
_DIGIT_NAMES = ["", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"]
_TEN_NAMES = ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"]
_LETTER_NAMES = {
    "a": "a", "b": "be", "c": "ce", "ç": "çe", "d": "de", "e": "e", "ə": "ə", "f": "ef",
    "g": "ge", "ğ": "ğe", "h": "he", "x": "xe", "ı": "ı", "i": "i", "j": "je", "k": "ka",
    "q": "qe", "l": "el", "m": "em", "n": "en", "o": "o", "ö": "ö", "p": "pe", "r": "er",
    "s": "es", "ş": "şe", "t": "te", "u": "u", "ü": "ü", "v": "ve", "y": "ye", "z": "ze",
    "w": "dubl-ve",
}


def number_name(digits: str) -> str:
    """The last spoken word of a number, which decides its suffixes' harmony."""
    value = int(digits) if digits.isdecimal() else 0  # not "²": a digit int() cannot read
    if value == 0:
        return "sıfır"
    if value % 10:
        return _DIGIT_NAMES[value % 10]
    if value % 100:
        return _TEN_NAMES[(value // 10) % 10]
    if value % 1000:
        return "yüz"
    if value % 1_000_000:
        return "min"
    if value % 1_000_000_000:
        return "milyon"
    return "milyard"


def host_phonology(host: str) -> list[tuple[int, bool]]:
    """Possible (harmony, ends in vowel) contexts for a suffix after ``host``.

    A number is read aloud (``2023`` → ``üç``); an acronym either as a word
    (``NATO``, ``AZƏRTAC``) or letter by letter (``BMT`` → ``be-em-te``).
    A lowercase word gives its own last vowel.
    """
    from ..text.alphabet import az_lower  # (alphabet is imported lazily by its users too)

    if host and host[-1].isdigit():
        digits = "".join(ch for ch in host.replace(",", ".").split(".")[-1] if ch.isdigit())
        name = number_name(digits)
        return [(harmony_class(name) or 2, name[-1] in VOWELS)]
    lower = az_lower(host)
    readings = []
    if harmony_class(lower):
        readings.append((harmony_class(lower), lower[-1] in VOWELS))
    if host.isupper() and lower and lower[-1] in _LETTER_NAMES:
        name = _LETTER_NAMES[lower[-1]]
        readings.append((harmony_class(name) or 2, name[-1] in VOWELS))
    return readings
