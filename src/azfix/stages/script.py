"""The script stage: Azerbaijani written in Cyrillic becomes Latin; Russian passages stay Cyrillic.

A word is Cyrillic when it has more Cyrillic letters than Latin ones (Latin
look-alikes inside it are read as the Cyrillic letters they stand for:
``шәhәр``). Which Cyrillic words are Azerbaijani is decided by passage
(:mod:`azfix.text.passages`), never word by word:

- a passage with a letter only Azerbaijani writes (``ә ғ ҹ һ ј ө ү ҝ``) is
  Azerbaijani;
- a passage without one is Russian when it has at least
  ``Policy.russian_min_letters`` letters, the language identifier gives it to
  Russian among the Cyrillic languages it knows at least
  ``Policy.russian_confidence`` (:func:`azfix.text.language.russian_share`),
  and one of its words writes a letter only Russian spelling has (``ё ц щ ъ
  ь э ю я й``) or fewer than ``Policy.russian_known_share`` of its words of
  three letters or more read as known Azerbaijani words (the lexicon knows
  many Russian words: ``direktor``, ``teatra``); a paragraph with no Azerbaijani
  letter is first judged as a whole (a Russian paragraph keeps its short
  sentences);
- every other passage is Azerbaijani, if the text writes Azerbaijani
  Cyrillic at all: with ``script="auto"`` a text none of whose Cyrillic words
  has an Azerbaijani letter and a letter no Latin one looks like is left alone (a Russian or Bulgarian name in
  Latin text is not Azerbaijani), and a passage whose Cyrillic words are all
  Latin look-alikes (``сор``, which may be ``cop``) is left to the normalize
  stage, and so is such a word between Latin words. ``script="cyrillic"`` says the text is Azerbaijani Cyrillic: only
  passages judged Russian stay.

A word with one reading (:func:`azfix.text.cyrillic.weighed_readings`) is
spelt so. Among several, the lexicon decides: of the readings it knows, the
one that reads fewest letters against the text's spelling (``ени`` is
``eni`` in 1958 spelling, which writes ``yeni`` as ``јени``), the most
frequent of those (``компютер``: ``kompüter`` over ``kompyuter``); if it
knows none, the first reading. ``е`` is read the Russian
way first (``ye`` at a word start) when the text writes ``й`` rather than ``ј``
in its Azerbaijani words (the 1939 alphabet, Russian keyboards).

Each Azerbaijani Cyrillic word that changes is one ``transliterate`` edit
over the whole word; punctuation, digits, Latin words and Russian passages
are never touched, and a text without Cyrillic letters costs one search.

>>> [(e.original, e.replacement) for e in transliterate_edits("Азәрбајҹан Республикасы")]
[('Азәрбајҹан', 'Azərbaycan'), ('Республикасы', 'Respublikası')]
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from ..config import Policy
from ..edits import Edit, EditKind
from ..text.cyrillic import (cyrillic_letters, has_azerbaijani_letter, is_cyrillic_word, is_russian_spelt, is_strong,
                             readings, weighed_readings)
from ..text.language import russian_share
from ..text.passages import paragraphs, passages

__all__ = ["SCRIPTS", "CyrillicWord", "Transliterate", "cyrillic_words", "transliterate_edits"]

SCRIPTS = ("latin", "auto", "cyrillic")  # the values of CleanerConfig.script

_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*")
_SHORT_I, _JOT = frozenset("йЙ"), frozenset("јЈjJ")


@dataclass(frozen=True, slots=True)
class CyrillicWord:
    start: int
    end: int
    text: str
    strong: bool  # has a letter no Latin letter looks like
    azerbaijani: bool  # has a letter only Azerbaijani Cyrillic writes


WORD_MEMO = 1 << 16  # word types whose script is remembered


def cyrillic_words(text: str) -> list[CyrillicWord]:
    """The Cyrillic words of ``text``, in order."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        looks = _looks(word)
        if looks is not None:
            found.append(CyrillicWord(match.start(), match.end(), word, *looks))
    return found


@lru_cache(maxsize=WORD_MEMO)
def _looks(word: str) -> tuple[bool, bool] | None:
    """(strong, azerbaijani) for a Cyrillic word, None for another."""
    if not is_cyrillic_word(word):
        return None
    return is_strong(word), has_azerbaijani_letter(word)


class Transliterate:
    """The script stage as a :class:`~azfix.stages.base.Stage`."""

    name = "transliterate"

    def __init__(self, policy: Policy = Policy(), is_known: Callable[[str], bool] | None = None,
                 frequency: Callable[[str], float] | None = None, script: str = "auto"):
        self.policy, self.is_known, self.frequency, self.script = policy, is_known, frequency, script

    def edits(self, text: str) -> list[Edit]:
        return transliterate_edits(text, self.policy, self.is_known, self.frequency, self.script)


def transliterate_edits(text: str, policy: Policy = Policy(), is_known: Callable[[str], bool] | None = None,
                        frequency: Callable[[str], float] | None = None, script: str = "auto") -> list[Edit]:
    """``transliterate`` edits of ``text`` (spans index ``text``); ``is_known`` and ``frequency`` default to the
    shipped lexicon's."""
    if script not in SCRIPTS:
        raise ValueError(f"script must be one of {', '.join(SCRIPTS)}, not {script!r}")
    if script == "latin" or not _CYRILLIC.search(text):
        return []
    words = cyrillic_words(text)
    if not words or (script == "auto" and not any(w.azerbaijani and w.strong for w in words)):
        return []
    if is_known is None or frequency is None:
        from ..data.lexicon import default_lexicon

        is_known, frequency = default_lexicon().is_known, default_lexicon().frequency
    speller = _Speller(policy, is_known, frequency, _writes_russian_e(words))
    edits = []
    for word in azerbaijani_words(text, words, speller, policy, forced=script == "cyrillic"):
        spelling, confidence = speller.spell(word.text)
        if spelling != word.text:
            edits.append(Edit(word.start, word.end, word.text, spelling, EditKind.TRANSLITERATE, confidence))
    return edits


def _writes_russian_e(words: list[CyrillicWord]) -> bool:
    """True when the Azerbaijani words write ``й`` more often than ``ј`` (the 1939 alphabet, a Russian
    keyboard): there ``е`` at a word start is ``ye`` and ``э`` is ``e``."""
    short_i = sum(ch in _SHORT_I for w in words if w.azerbaijani for ch in w.text)
    jot = sum(ch in _JOT for w in words for ch in w.text)
    return short_i > jot


class _Speller:
    """Chooses the Latin spelling of a word among its readings, once per word of a text."""

    def __init__(self, policy: Policy, is_known, frequency, russian_e: bool):
        self.policy, self.is_known, self.frequency, self.russian_e = policy, is_known, frequency, russian_e
        self.memo: dict[str, tuple[str, float]] = {}

    def preferred(self, word: str) -> str:
        return readings(word, self.russian_e, 1)[0]

    def spell(self, word: str) -> tuple[str, float]:
        """(spelling, confidence): the one reading; else, of the readings the lexicon knows, the one with
        the fewest letters read against the text's spelling, the most frequent among those; else the first."""
        found = self.memo.get(word)
        if found is None:
            found = self.memo[word] = self._spell(word)
        return found

    def _spell(self, word: str) -> tuple[str, float]:
        policy = self.policy
        options = weighed_readings(word, self.russian_e, policy.transliteration_max_readings)
        if len(options) == 1:
            return options[0][0], policy.transliteration_confidence
        known = [(strays, -self.frequency(spelling), k, spelling)
                 for k, (spelling, strays) in enumerate(options) if self.is_known(spelling)]
        if known:
            return min(known)[3], policy.transliteration_lexicon_confidence
        return options[0][0], policy.transliteration_guess_confidence


def azerbaijani_words(text: str, words: list[CyrillicWord], speller: _Speller, policy: Policy,
                      forced: bool) -> list[CyrillicWord]:
    """The Cyrillic words of ``text`` that are Azerbaijani (see the module's note); ``forced``: the text is
    Azerbaijani Cyrillic."""
    starts = [w.start for w in words]
    alone = set() if forced else _lookalikes_among_latin(text, words)
    chosen: list[CyrillicWord] = []
    for start, end in paragraphs(text):
        inside = _words_in(words, starts, start, end)
        if not inside or (not any(w.azerbaijani for w in inside) and _is_russian(inside, speller, policy)):
            continue
        for passage in passages(text, start, end):
            mine = [w for a, b in passage for w in _words_in(words, starts, a, b)]
            if not mine or (not forced and not any(w.strong for w in mine)):
                continue
            if any(w.azerbaijani for w in mine) or not _is_russian(mine, speller, policy):
                chosen.extend(w for w in mine if w.start not in alone)
    return sorted(chosen, key=lambda w: w.start)


def _lookalikes_among_latin(text: str, words: list[CyrillicWord]) -> set[int]:
    """The starts of the words of Latin look-alikes (``сор``) with no Cyrillic word on either side."""
    alone = set()
    for k, word in enumerate(words):
        if word.strong:
            continue
        before = k > 0 and not _LETTER.search(text, words[k - 1].end, word.start)
        after = k + 1 < len(words) and not _LETTER.search(text, word.end, words[k + 1].start)
        if not (before or after):
            alone.add(word.start)
    return alone


def _words_in(words: list[CyrillicWord], starts: list[int], start: int, end: int) -> list[CyrillicWord]:
    """The words that start inside ``start:end``."""
    return words[bisect_left(starts, start):bisect_left(starts, end)]


def _is_russian(words: list[CyrillicWord], speller: _Speller, policy: Policy) -> bool:
    """True for Cyrillic words, none with an Azerbaijani letter, that are a Russian passage: long enough,
    Russian to the identifier, and either few of its words read as known Azerbaijani or one writes a
    letter only Russian spelling has (``й`` too, unless the text writes it for ``ј``)."""
    if sum(cyrillic_letters(w.text) for w in words) < policy.russian_min_letters:
        return False
    if russian_share(" ".join(w.text for w in words)) < policy.russian_confidence:
        return False
    if not speller.russian_e and any(is_russian_spelt(w.text) or _SHORT_I & set(w.text) for w in words):
        return True
    long_words = [w.text for w in words if len(w.text) >= 3]
    known = sum(speller.is_known(speller.preferred(w)) for w in long_words)
    return known < policy.russian_known_share * len(long_words)
