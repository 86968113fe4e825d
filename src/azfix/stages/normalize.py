"""The Unicode stage: one-character repairs that need no dictionary.

- Cyrillic schwa ``ә``/``Ә`` and the turned e ``ǝ``/``Ǝ`` become ``ə``/``Ə``;
- legacy-font letters: ``Ģ``/``ģ`` (an old 8-bit Azerbaijani font's ş) become
  ``Ş``/``ş``, inside Latin words only;
- Cyrillic and Greek look-alike letters (``а о е с р х к һ``…) inside an
  otherwise Latin word become the Latin letter; a word written wholly in
  Cyrillic is Cyrillic text and stays as it is;
- invisible characters (zero-width space/joiner, soft hyphen, BOM inside the
  text) are removed; ligatures (``ﬁ``) are spelled out.

Every change replaces exactly one character, so spans stay exact. This
stage never touches a character whose word it cannot classify as Latin.

>>> normalize_edits("Azәrbaycan")[0].replacement
'ə'
"""

from __future__ import annotations

import regex

from ..config import Policy
from ..edits import Edit, EditKind

__all__ = ["Normalize", "normalize_edits"]

SCHWAS = {"\u04d9": "ə", "\u04d8": "Ə", "\u01dd": "ə", "\u018e": "Ə"}
LEGACY_FONT = {"Ģ": "Ş", "ģ": "ş"}
# Cyrillic / Greek letters that look like Latin ones.
LOOKALIKES = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k",
    "һ": "h", "і": "i", "ј": "j", "ԛ": "q", "ѕ": "s", "ԁ": "d", "ո": "n",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Һ": "H",
    "ο": "o", "α": "a", "ν": "v", "Α": "A", "Β": "B", "Ε": "E", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X", "Ζ": "Z",
}
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"}
JOINERS = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner: part of other scripts' writing
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}

_WORD = regex.compile(r"[\p{L}\p{M}\u200b-\u200d\u2060\u00ad]+")
_LATIN = regex.compile(r"\p{Script=Latin}")
_NON_LATIN_LETTER = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
# A line that ends in a hyphen, then the start of the next line: what comes is a word's continuation.
_CONTINUED = regex.compile(r"(?r)\p{L}[-\u00ad]\n[ \t]*$")
_SUSPECT = regex.compile(
    "[" + "".join(regex.escape(ch) for table in (SCHWAS, LEGACY_FONT, LOOKALIKES, INVISIBLE, LIGATURES)
                  for ch in table) + "]"
)


def legacy_letter(word: str, i: int, continued: bool = False) -> str:
    """The ş the legacy font drew as Ģ, in the case its neighbours call for.

    Such fonts drew both cases the same way; the word decides: capitals
    around it (or a capital word start) give Ş, else ş. A word ``continued``
    from a hyphen at the end of the line before (``inki-`` / ``Ģafı``) has no
    start of its own.
    """
    others = [c for c in word if c.isalpha() and c not in LEGACY_FONT]
    if others and all(c.isupper() for c in others):
        return "Ş"
    if i == 0 and not continued and (not others or others[0].islower()) and word[i] == "Ģ":
        return "Ş"
    return "ş" if others else LEGACY_FONT[word[i]]



def normalize_edits(text: str, policy: Policy = Policy()) -> list[Edit]:
    """Character edits that normalise ``text`` (spans index ``text``)."""
    edits: list[Edit] = []
    if not _SUSPECT.search(text):
        return edits  # the common case: nothing to normalise
    for match in _WORD.finditer(text):
        word = match.group()
        if not _SUSPECT.search(word):
            continue
        base = match.start()
        latin = len(_LATIN.findall(word))
        foreign = len(_NON_LATIN_LETTER.findall(word))
        is_latin_word = latin > 0 and latin >= foreign
        for i, ch in enumerate(word):
            if ch in INVISIBLE and (is_latin_word or ch not in JOINERS):
                # (a joiner inside emoji or a Persian word is meant: only in Latin words is it noise)
                edits.append(Edit(base + i, base + i + 1, ch, "", EditKind.INVISIBLE, policy.invisible_confidence))
            elif ch in SCHWAS and (is_latin_word or foreign == len([c for c in word if c in SCHWAS])):
                # Cyrillic ә inside Latin text, or alone (a lone schwa word).
                edits.append(Edit(base + i, base + i + 1, ch, SCHWAS[ch], EditKind.HOMOGLYPH, policy.schwa_confidence))
            elif ch in LEGACY_FONT and is_latin_word:
                continued = i == 0 and _CONTINUED.search(text, 0, base) is not None
                edits.append(Edit(base + i, base + i + 1, ch, legacy_letter(word, i, continued), EditKind.LEGACY_FONT,
                                  policy.legacy_font_confidence))
            elif ch in LOOKALIKES and is_latin_word:
                edits.append(Edit(base + i, base + i + 1, ch, LOOKALIKES[ch], EditKind.HOMOGLYPH, policy.lookalike_confidence))
            elif ch in LIGATURES:
                edits.append(Edit(base + i, base + i + 1, ch, LIGATURES[ch], EditKind.LIGATURE, policy.ligature_confidence))
    return edits


class Normalize:
    """The Unicode stage as a :class:`~azfix.stages.base.Stage`."""

    name = "normalize"

    def __init__(self, policy: Policy = Policy()):
        self.policy = policy

    def edits(self, text: str) -> list[Edit]:
        return normalize_edits(text, self.policy)
