"""The Unicode stage: one-character repairs that need no dictionary.

- Cyrillic schwa ``ә``/``Ә`` and the turned e ``ǝ``/``Ǝ`` become ``ə``/``Ə``;
- legacy-font letters: ``Ģ``/``ģ`` (an old 8-bit Azerbaijani font's ş) become
  ``Ş``/``ş``, inside Latin words only;
- Cyrillic and Greek look-alike letters (``а о е с р х к һ``…) inside an
  otherwise Latin word become the Latin letter; a word written wholly in
  Cyrillic is Cyrillic text and stays as it is;
- invisible characters (zero-width space/joiner, soft hyphen, BOM inside the
  text) are removed; ligatures (``ﬁ``) are spelled out;
- a letter followed by a combining mark (decomposed text, NFD: macOS file
  names, some PDFs) becomes the one character it stands for (``ş`` is
  ``s`` + U+0327), and ``i`` + U+0307 (what lowercasing ``İ`` gives in
  many programs) becomes ``i``.

Given a word test (``is_known``), two repairs look at whole words:
- a word written mostly or wholly in Cyrillic look-alikes (``еlә``), or a
  one-letter one (``О``), among Latin words is Latin when its Latin reading
  is a known word and it has a Latin letter or an ``ә``, which Russian
  never writes (a letter alone needs only its Latin neighbours); among
  Cyrillic words it is Cyrillic text (``Он сказал``) and stays;
- a vowel with an accent Azerbaijani never writes (``ì í ò ó à á è é ù ú``)
  loses it when the word then is a known word and is Azerbaijani: it has a
  letter only Azerbaijani writes (``Qədìm``), or, in lowercase, a neighbour
  has an ``ə``. ``José``, ``café`` and ``édition`` stay.

Every change replaces one character (a letter and its mark: two), so spans stay exact. This
stage never touches a character whose word it cannot classify as Latin.

>>> normalize_edits("Azәrbaycan")[0].replacement
'ə'
"""

from __future__ import annotations

from typing import Callable

import unicodedata

import regex

from ..config import Policy
from ..edits import Edit, EditKind
from ..text.alphabet import AZERBAIJANI_ONLY_BOTH_CASES

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
# Vowels with accents Azerbaijani never writes (a capital I with one is İ).
STRAY_ACCENTS = {
    "ì": "i", "í": "i", "ò": "o", "ó": "o", "à": "a", "á": "a", "è": "e", "é": "e", "ù": "u", "ú": "u",
    "Ì": "İ", "Í": "İ", "Ò": "O", "Ó": "O", "À": "A", "Á": "A", "È": "E", "É": "E", "Ù": "U", "Ú": "U",
}
_READING = str.maketrans({**LOOKALIKES, **SCHWAS, **STRAY_ACCENTS, **{ch: "" for ch in INVISIBLE}})

_WORD = regex.compile(r"[\p{L}\p{M}\u200b-\u200d\u2060\u00ad]+")
_LATIN = regex.compile(r"\p{Script=Latin}")
_NON_LATIN_LETTER = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
# A line that ends in a hyphen, then the start of the next line: what comes is a word's continuation.
_CONTINUED = regex.compile(r"(?r)\p{L}[-\u00ad]\n[ \t]*$")
_COMBINING = "\u0300-\u036f"  # the combining diacritical marks
_MARK = regex.compile("[" + _COMBINING + "]")
_SUSPECT = regex.compile(
    "[" + "".join(regex.escape(ch) for table in (SCHWAS, LEGACY_FONT, LOOKALIKES, INVISIBLE, LIGATURES, STRAY_ACCENTS)
                  for ch in table) + _COMBINING + "]"
)
_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_BROKEN_AT = regex.compile(r"[-\u00ad]\r?\n[ \t]*")  # between the pieces of a word broken at a line end
# A Cyrillic or Greek letter that looks like no Latin one: the word is of that script.
_UNAMBIGUOUS = regex.compile(
    r"[\p{Script=Cyrillic}\p{Script=Greek}--[" + "".join(regex.escape(ch) for ch in (*LOOKALIKES, *SCHWAS)) + "]]",
    flags=regex.V1)
_STRAY = regex.compile("[" + "".join(STRAY_ACCENTS) + "]")


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



def normalize_edits(text: str, policy: Policy = Policy(), is_known: Callable[[str], bool] | None = None) -> list[Edit]:
    """Character edits that normalise ``text`` (spans index ``text``); ``is_known`` enables the word repairs."""
    edits: list[Edit] = []
    if not _SUSPECT.search(text):
        return edits  # the common case: nothing to normalise
    matches = list(_WORD.finditer(text))
    script_of = _scripts(text, matches)
    for k, match in enumerate(matches):
        word = match.group()
        if not _SUSPECT.search(word):
            continue
        base = match.start()
        foreign = len(_NON_LATIN_LETTER.findall(word))
        latin, others = script_of[k]
        # (a letter only Cyrillic or Greek writes keeps the word theirs: a join may add Latin letters to it)
        is_latin_word = latin > 0 and latin >= others and not _UNAMBIGUOUS.search(word)
        if is_known is not None and not is_latin_word and _reads_as_latin(text, matches, k, is_known, policy):
            edits.extend(_latin_reading_edits(word, base, policy))
            continue
        composed_word = unicodedata.normalize("NFC", word) if _MARK.search(word) else word
        accents = (is_known is not None and is_latin_word and _STRAY.search(composed_word) is not None
                   and _accents_are_stray(text, matches, k, is_known, policy, composed_word))
        for i, ch in enumerate(word):
            if i > 0 and unicodedata.combining(ch):
                _compose_mark(word, i, base, edits, policy, accents)
            elif ch in INVISIBLE and (is_latin_word or ch not in JOINERS):
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
            elif accents and ch in STRAY_ACCENTS:
                edits.append(Edit(base + i, base + i + 1, ch, STRAY_ACCENTS[ch], EditKind.DIACRITIC,
                                  policy.stray_accent_confidence))
    return edits


def _scripts(text: str, matches: list) -> list[tuple[int, int]]:
    """(Latin letters, Cyrillic and Greek letters) of each word, counted over
    the whole of a word broken at line ends by hyphens (``siya-`` / ``sət``):
    the layout stage may join the pieces, and the joined word must be judged
    as its pieces were."""
    counts = [(len(_LATIN.findall(m.group())), len(_NON_LATIN_LETTER.findall(m.group()))) for m in matches]
    result = []
    group: list[int] = []
    for k in range(len(matches) + 1):
        if group and (k == len(matches) or not _continues(text, matches[k - 1], matches[k])):
            total = (sum(counts[g][0] for g in group), sum(counts[g][1] for g in group))
            result.extend(total for _ in group)
            group = []
        group.append(k)
    return result


def _compose_mark(word: str, i: int, base: int, edits: list[Edit], policy: Policy, accents: bool) -> None:
    """Compose the combining mark ``word[i]`` with the letter before it, past
    invisible characters being removed (``k`` ZWSP U+0307), and with a
    look-alike letter's repair (Cyrillic ``о`` U+0308: ``ö``); a stray accent
    so made is dropped as the precomposed one would be. The edit takes in the
    edits it builds on, so that the text is the same after one pass as after two."""
    letter = i - 1
    while letter > 0 and word[letter] in INVISIBLE and edits and edits[-1].start == base + letter \
            and edits[-1].kind == EditKind.INVISIBLE:
        letter -= 1
    repaired = edits[-1] if edits and edits[-1].start == base + letter and edits[-1].end == base + letter + 1 else None
    if edits and edits[-1].end > base + letter and edits[-1].kind != EditKind.INVISIBLE and repaired is None:
        return
    composed = _composed(repaired.replacement if repaired else word[letter], word[i])
    if composed is None:
        return
    kind = repaired.kind if repaired else EditKind.COMPOSED
    if accents and composed in STRAY_ACCENTS:
        composed, kind = STRAY_ACCENTS[composed], EditKind.DIACRITIC
    while edits and edits[-1].start >= base + letter:
        edits.pop()  # the invisible characters between, and the letter's repair, go with the mark
    edits.append(Edit(base + letter, base + i + 1, word[letter:i + 1], composed, kind, policy.composed_confidence))


def _continues(text: str, before, after) -> bool:
    """True if word match ``after`` goes on word ``before`` across a line-end hyphen
    (not a capitalised word, nor one with a letter of another script only)."""
    return (_BROKEN_AT.fullmatch(text, before.end(), after.start()) is not None and not after.group()[:1].isupper()
            and not _UNAMBIGUOUS.search(before.group()) and not _UNAMBIGUOUS.search(after.group()))


def _composed(letter: str, mark: str) -> str | None:
    """The one character a letter and its combining mark stand for, or None."""
    if letter == "i" and mark == "\u0307":
        return "i"  # the dot of a lowercased İ: i already has one
    composed = unicodedata.normalize("NFC", letter + mark)
    return composed if len(composed) == 1 else None


def _neighbours(text: str, matches: list, k: int, span: int) -> list[str]:
    """The words up to ``span`` places either side of word ``k`` in its paragraph."""
    near = []
    for step in (-1, 1):
        at, edge = k + step, matches[k]
        while 0 <= at < len(matches) and abs(at - k) <= span:
            other = matches[at]
            between = text[other.end():edge.start()] if step < 0 else text[edge.end():other.start()]
            if between.count("\n") > 1:
                break  # (a paragraph's end; a line break inside one may be unwrapped, and the words judged together)
            near.append(other.group())
            at, edge = at + step, other
    return near


def _reads_as_latin(text: str, matches: list, k: int, is_known: Callable[[str], bool], policy: Policy) -> bool:
    """True for a word of Cyrillic look-alikes (``еlә``, ``О``) that is a Latin word among Latin words."""
    word = matches[k].group()
    if not _CYRILLIC.search(word) or _UNAMBIGUOUS.search(word) or not all(
            _LATIN.match(ch) or ch in LOOKALIKES or ch in SCHWAS or ch in INVISIBLE for ch in word):
        return False
    if len(word) > 1 and (not (_LATIN.search(word) or any(ch in SCHWAS for ch in word))
                          or not is_known(word.translate(_READING))):
        return False  # (a word of Cyrillic look-alikes alone, сор, is Russian: Russian writes no ә)
    near = _neighbours(text, matches, k, policy.script_context_words)
    return (any(_LATIN.search(other) for other in near)
            and not any(_UNAMBIGUOUS.search(other) for other in near))


def _latin_reading_edits(word: str, base: int, policy: Policy) -> list[Edit]:
    """One ``homoglyph`` edit per look-alike letter of a word read as Latin."""
    edits = []
    for i, ch in enumerate(word):
        latin = LOOKALIKES.get(ch) or SCHWAS.get(ch)
        if latin is not None:
            edits.append(Edit(base + i, base + i + 1, ch, latin, EditKind.HOMOGLYPH, policy.lookalike_word_confidence))
        elif ch in INVISIBLE:
            edits.append(Edit(base + i, base + i + 1, ch, "", EditKind.INVISIBLE, policy.invisible_confidence))
    return edits


def _accents_are_stray(text: str, matches: list, k: int, is_known: Callable[[str], bool], policy: Policy,
                       word: str) -> bool:
    """True for a word whose accents Azerbaijani never writes: known without
    them, and Azerbaijani (a letter only Azerbaijani writes in it, or, for a
    lowercase word, in a neighbour)."""
    if len(word) < policy.stray_accent_min_length or is_known(word) or not is_known(word.translate(_READING)):
        return False
    if any(ch in AZERBAIJANI_ONLY_BOTH_CASES for ch in word):
        return True
    # (a neighbour's ç or ü may be French or German: only ə is Azerbaijani's own)
    return word.islower() and any("ə" in other or "Ə" in other
                                  for other in _neighbours(text, matches, k, policy.script_context_words))


class Normalize:
    """The Unicode stage as a :class:`~azfix.stages.base.Stage`."""

    name = "normalize"

    def __init__(self, policy: Policy = Policy(), is_known: Callable[[str], bool] | None = None):
        self.policy = policy
        self.is_known = is_known

    def edits(self, text: str) -> list[Edit]:
        return normalize_edits(text, self.policy, self.is_known)
