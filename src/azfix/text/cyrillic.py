"""The Azerbaijani Cyrillic alphabet and the Latin spellings of one Cyrillic word.

Azerbaijani was written in Cyrillic from 1939 to 1991. The 1958 alphabet has
one Latin letter for each of its letters (``ә`` ə, ``г`` q, ``ғ`` ğ, ``ҝ`` g,
``ҹ`` c, ``ч`` ç, ``ж`` j, ``ј`` y, ``ы`` ı, ``и`` i, ``х`` x, ``һ`` h …) and an
apostrophe in Arabic loans (``мә'лумат``) that modern spelling drops. The
1939 alphabet wrote ``й`` where 1958 writes ``ј``, ``ҷ`` for ``ҹ``, and the
Russian letters ``ё ц щ ъ ь э ю я``; Russian loans kept them after 1958 too.
Typists without the Azerbaijani letters used near shapes (``џ`` for ``ҹ``,
``ќ`` or ``ґ`` for ``ҝ``, ``ѳ`` for ``ө``, the Latin ``ə`` for ``ә``) and Latin
look-alikes inside Cyrillic words (a Latin ``h`` for ``һ``, ``j`` for ``ј``,
``p`` for ``р``); inside a Cyrillic word each is read as the Cyrillic letter
it stands for.

Where the two orthographies differ a word has several readings:

- ``е`` is ``e``, or ``ye`` at a word start, after a vowel or after ``ъ ь``
  (Russian spelling, and the 1939 alphabet, which wrote ``э`` for ``e``:
  ``Ереван`` Yerevan, ``поезд`` poyezd); the 1958 alphabet writes ``ye`` as
  ``је``, so there ``е`` is ``e`` first (``ел`` el);
- ``ё`` ``yo`` (``o`` after ``ж ч ш щ``), ``ю`` ``yu`` (``ü``, ``u`` after a
  consonant: ``бюро`` büro), ``я`` ``ya``, ``ц`` ``s`` or ``ts`` (``цирк``
  sirk, ``Моцарт`` Motsart), ``щ`` ``şç`` (``ş``, ``şş``);
- ``ъ ь`` are dropped, or ``y`` before a vowel (``батальон`` batalyon); a
  final ``й`` after ``и ы`` may drop (``Достоевский`` Dostoyevski);
- an apostrophe between letters is dropped (or kept), except after a
  capital, where it sets off an ending (``Бакы'да``) as in Latin spelling.

This module only knows letters: :func:`weighed_readings` lists a word's
spellings with the number of letters each reads against the text's spelling
convention; choosing among them is the lexicon's job
(:mod:`azfix.stages.script`). Case is kept: ``И`` İ, ``Ы`` I, an all-caps
word stays all caps (``ЮНЕСКО`` YUNESKO), a capital letter spelt with two
(``Ю``) gives ``Yu`` in a capitalised word.

>>> readings("Азәрбајҹан")
['Azərbaycan']
>>> readings("ИНСАН"), readings("Ышыг")
(['İNSAN'], ['Işıq'])
>>> readings("ел")
['el', 'yel']
>>> readings("цирк")
['sirk', 'tsirk']
>>> cyrillic_spelling("Gəncə")
'Ҝәнҹә'

"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import islice, product

import regex

from .alphabet import LOWERCASE_LETTERS, UPPERCASE_LETTERS, az_upper

__all__ = ["AZERBAIJANI_CYRILLIC", "cyrillic_letters", "cyrillic_spelling", "has_azerbaijani_letter", "is_cyrillic_word",
           "is_russian_spelt", "is_strong", "readings", "weighed_readings"]

# The letters with one Latin spelling (lowercase; capitals follow their small letter).
LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "q", "ғ": "ğ", "д": "d", "ә": "ə", "ж": "j", "з": "z", "и": "i",
    "ы": "ı", "ј": "y", "й": "y", "к": "k", "ҝ": "g", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "ö",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "ü", "ф": "f", "х": "x", "һ": "h", "ч": "ç",
    "ҹ": "c", "ш": "ş", "э": "e",
}
# Near shapes typed for the Azerbaijani letters (the 1939 ҷ; fonts and keyboards of other languages).
VARIANTS = {
    "ҷ": "ҹ", "џ": "ҹ", "ќ": "ҝ", "ґ": "ҝ", "қ": "ҝ", "ѓ": "ғ", "ѳ": "ө", "ɵ": "ө", "ǝ": "ә",
    "\N{LATIN SMALL LETTER SCHWA}": "ә", "і": "и",
}
# Latin letters that look like Cyrillic ones: inside a Cyrillic word they are those letters.
LATIN_TWINS = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к", "h": "һ", "j": "ј",
    "i": "и", "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С",
    "T": "Т", "X": "Х", "Y": "У", "J": "Ј", "I": "И",
}
# Letters only Azerbaijani Cyrillic writes (with their near shapes): strong evidence of the language.
AZERBAIJANI_CYRILLIC = frozenset("әғҹһјөүҝҷџќґқѓѳ" "ӘҒҸҺЈӨҮҜҶЏЌҐҚЃѲ")
# Letters only Russian spelling writes (the 1958 alphabet has none of them).
RUSSIAN_ONLY = frozenset("ёцщъьэюя")
VOWELS = frozenset("аеёиоуыэюяәөү")
SIGNS = frozenset("ъь")
HUSHING = frozenset("жчшщ")  # after them Russian ё and ю sound o and u
APOSTROPHES = frozenset("'’ʼ")

_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_LATIN = regex.compile(r"\p{Script=Latin}")
# A Cyrillic letter no Latin letter looks like: a word with one is surely Cyrillic.
_LOOKALIKES = "аеорсухкһјәіАВЕКМНОРСТХҺЈӘІ"
_STRONG = regex.compile(r"[\p{Script=Cyrillic}--[" + _LOOKALIKES + "]]", flags=regex.V1)


# The 1958 spelling of each Latin letter (the inverse of LETTERS, ј for y): for round trips.
_TO_CYRILLIC = dict(zip(LOWERCASE_LETTERS, "абҹчдеәфҝғһхыижкглмноөпрсштуүвјз"))
_TO_CYRILLIC.update(zip(UPPERCASE_LETTERS, "АБҸЧДЕӘФҜҒҺХЫИЖКГЛМНОӨПРСШТУҮВЈЗ"))


def cyrillic_spelling(word: str) -> str | None:
    """The 1958 Cyrillic spelling of a Latin Azerbaijani word (``Azərbaycan`` → ``Азәрбајҹан``), or None
    if it has a letter outside the alphabet. Loans come out letter for letter (``sirk`` → ``сирк``)."""
    if not word or any(ch not in _TO_CYRILLIC for ch in word):
        return None
    return "".join(_TO_CYRILLIC[ch] for ch in word)


def cyrillic_letters(word: str) -> int:
    return len(_CYRILLIC.findall(word))


def is_cyrillic_word(word: str) -> bool:
    """True for a word written in Cyrillic: more Cyrillic letters than Latin ones (``шәhәр``, not ``Azәrbaycan``)."""
    cyrillic = cyrillic_letters(word)
    return cyrillic > 0 and cyrillic > len(_LATIN.findall(word))


def is_strong(word: str) -> bool:
    """True for a word with a Cyrillic letter no Latin letter looks like (``ев``; not ``сор``, which may be ``cop``)."""
    return _STRONG.search(word) is not None


def has_azerbaijani_letter(word: str) -> bool:
    """True for a Cyrillic word with a letter only Azerbaijani writes (``ә ғ ҹ һ ј ө ү ҝ`` or a near shape),
    a Latin twin of ``һ ј`` or a Latin ``ə`` included."""
    return any(_standard(ch) in AZERBAIJANI_CYRILLIC for ch in word)


def is_russian_spelt(word: str) -> bool:
    """True for a word with a letter only Russian spelling writes (``ё ц щ ъ ь э ю я``)."""
    return any(ch in RUSSIAN_ONLY for ch in word.lower())


def _standard(ch: str) -> str:
    """The standard Cyrillic letter ``ch`` stands for in a Cyrillic word, in its case (itself if none)."""
    ch = LATIN_TWINS.get(ch, ch)
    low = ch.lower()
    if len(low) != 1:
        return ch
    standard = VARIANTS.get(low, low)
    return standard.upper() if ch != low and len(standard.upper()) == 1 else standard


READINGS_MEMO = 1 << 16  # word types whose readings are remembered


def readings(word: str, russian_e: bool = False, limit: int = 16) -> list[str]:
    """Latin spellings of a Cyrillic word, the preferred first, at most ``limit`` (see :func:`weighed_readings`)."""
    return [spelling for spelling, _ in weighed_readings(word, russian_e, limit)]


@lru_cache(maxsize=READINGS_MEMO)
def weighed_readings(word: str, russian_e: bool = False, limit: int = 16) -> tuple[tuple[str, int], ...]:
    """(spelling, strays) for each Latin spelling of a Cyrillic word, fewest strays first.

    ``strays`` counts the letters read against the text's spelling: an ``е``
    read ``ye`` where the 1958 alphabet would write ``је``, or ``e`` where
    Russian spelling reads ``ye``; an apostrophe kept. The readings of a
    Russian letter (``ц`` s or ts, ``ю`` yu or ü) are all as good: the
    lexicon's frequency decides. ``russian_e``: read ``е`` the Russian way
    (``ye`` at a word start, after a vowel or a sign), as 1939-alphabet text
    does; a word with a letter only Russian spelling has is read so anyway.
    """
    word = unicodedata.normalize("NFC", word)
    letters = [_standard(ch) for ch in word]
    lower = [ch.lower() if len(ch.lower()) == 1 else ch for ch in letters]
    russian_e = russian_e or any(ch in RUSSIAN_ONLY for ch in lower)
    alphabetic = [ch for ch in letters if ch.isalpha()]
    all_caps = len(alphabetic) > 1 and all(ch.isupper() for ch in alphabetic)
    name = bool(letters) and letters[0].isupper()
    choices = []
    for i, ch in enumerate(lower):
        options = _options(lower, i, russian_e, name)
        if letters[i] != ch:  # a capital
            options = tuple((_capital(o, all_caps), cost) for o, cost in options)
        choices.append(options)
    found = [("".join(o for o, _ in parts), sum(cost for _, cost in parts))
             for parts in islice(product(*choices), limit)]
    return tuple(sorted(found, key=lambda reading: reading[1]))


def _capital(spelling: str, all_caps: bool) -> str:
    return az_upper(spelling) if all_caps else az_upper(spelling[:1]) + spelling[1:]


def _options(lower: list[str], i: int, russian_e: bool, name: bool) -> tuple[tuple[str, int], ...]:
    """The (spelling, stray) options of letter ``i`` of a lowercased, standardised word, the preferred first
    (``name``: the word is capitalised)."""
    ch = lower[i]
    latin = LETTERS.get(ch)
    previous = lower[i - 1] if i > 0 else ""
    following = lower[i + 1] if i + 1 < len(lower) else ""
    if latin is not None:
        if ch == "й" and i > 0 and previous in "иы" and not following.isalpha():
            return ("y", 0), ("", 0)  # Достоевский: Dostoyevski
        return ((latin, 0),)
    if ch == "е":
        if i == 0 or previous in VOWELS or previous in SIGNS or not previous.isalpha():
            return (("ye", 0), ("e", 1)) if russian_e else (("e", 0), ("ye", 1))
        return (("e", 0),)
    if ch in APOSTROPHES and 0 < i < len(lower) - 1:
        # (after a name or an acronym it sets off an ending, as in Latin spelling: Бакы'да)
        return ((ch, 0), ("", 1)) if name else (("", 0), (ch, 1))
    return tuple((spelling, 0) for spelling in _russian_letter(ch, previous, following))


def _russian_letter(ch: str, previous: str, following: str) -> tuple[str, ...]:
    """The spellings of a letter of Russian spelling (or of anything else: itself), the usual first."""
    if ch == "ё":
        return ("o", "yo") if previous in HUSHING else ("yo", "o")
    if ch == "ю":
        consonant = previous.isalpha() and previous not in VOWELS and previous not in SIGNS
        return ("yu", "ü", "u") if consonant else ("yu",)
    if ch == "я":
        return ("ya",)
    if ch == "ц":
        return ("s", "ts")
    if ch == "щ":
        return ("şç", "ş", "şş")
    if ch in SIGNS:
        return ("y", "") if following in VOWELS and following not in "еёюя" else ("",)
    return (ch,)  # a Latin letter with no Cyrillic twin, a mark: as written
