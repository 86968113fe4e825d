"""Azerbaijani morphology: a suffix grammar with vowel harmony over a stem table.

Azerbaijani words are a stem followed by a chain of suffixes:
``kitab+lar+ımız+dan``, ``gəl+mə+y+əcək+lər``. Each suffix is written here as
a *template* whose letters change with the word it attaches to:

=========  =====================================================
``A``      two-way vowel: ``a`` after a back vowel, ``ə`` after a front one
``I``      four-way vowel: ``ı i u ü`` after ``a/ı``, ``e/ə/i``, ``o/u``, ``ö/ü``
``Q``      ``q`` after a back vowel, ``k`` after a front one; before a
           vowel-initial suffix it softens to ``ğ``/``y`` (``-acaq``→``-acağı``)
``(y)``    buffer consonant written only after a vowel (also ``(n)``, ``(s)``)
``(I)``    vowel written only after a consonant: ``-(I)m`` → ``kitabım``, ``otağım``
``!C``     the suffix attaches only after a consonant (``!V``: after a vowel)
=========  =====================================================

Which suffix may follow which is a finite-state grammar
(:data:`azfix.morphology.grammar.GRAMMAR`):
states such as ``N`` (a nominal), ``N.pl`` (after the plural), ``V`` (a verb
stem), ``T1`` (after a tense that takes personal endings of the first type).
Analysis tries every prefix of the word as a stem (with the stem-final
alternations of :mod:`azfix.morphology.phonology`: softening ``çörəyi``, voicing ``gedir``,
vowel drop ``ağzı``) and walks the grammar over the rest of the word. A word
is well formed when some walk consumes it exactly and ends in an accepting
state.

The module knows only grammar: the stem table is handed in by
:mod:`azfix.data.lexicon`. It never changes a word.

>>> analyzer = Analyzer({"kitab": StemEntry(("noun",), 1, "")})
>>> analyzer.analyze("kitablarımızdan")[0].segments
('kitab', 'lar', 'ımız', 'dan')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping

from .._native import kernel
from ..text.alphabet import VOWELS, harmony_class
from .grammar import ACCEPTING, START_STATE, automaton, completes, suffix_chains
from .phonology import HIGH_VOWELS, SOFTEN, UNSOFTEN, alternates, host_phonology

__all__ = ["Analysis", "Analyzer", "StemEntry"]


@dataclass(frozen=True, slots=True)
class StemEntry:
    """What the lexicon knows of a stem: parts of speech, harmony class, flags."""

    pos: tuple[str, ...]
    harmony: int  # 1–4, or 0 to take it from the last vowel
    flags: str  # "s" softening, "o" optional softening, "d" t→d voicing, "v" vowel drop


@dataclass(frozen=True, slots=True)
class Analysis:
    """One way to read a word: its stem, part of speech and suffix chain."""

    word: str
    stem: str
    pos: str
    suffixes: tuple[tuple[str, str], ...]  # (tag, surface) pairs, in order

    @property
    def segments(self) -> tuple[str, ...]:
        """The word cut into its stem surface and suffix surfaces."""
        stem_surface = self.word[: len(self.word) - sum(len(s) for _, s in self.suffixes)]
        return (stem_surface, *(surface for _, surface in self.suffixes))

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(tag for tag, _ in self.suffixes)


_KERNEL = kernel("morphology")  # the compiled twin of the walks below, or None
MAX_ANALYSES = 32  # analyses of one word kept (a bound: the likeliest come first)
MAX_FIT_MEMO = 5_000  # (host, suffix) answers of Analyzer.fits_after kept


class Analyzer:
    """Finds the analyses of lowercase words over a stem table.

    ``stems`` maps a stem to its :class:`StemEntry`; it must not change
    after the analyzer first reads it. The analyzer holds no other state than
    what it derives from it, so one instance is safe to share between threads.
    :meth:`is_well_formed` and :meth:`analyze` run the compiled walk
    (:mod:`azfix._native`) when it was built; :meth:`reference_is_well_formed`
    and :meth:`reference_analyze` (over :meth:`iter_analyses`) define what it computes.
    """

    def __init__(self, stems: Mapping[str, StemEntry], min_stem_length: int = 2):
        self.stems = stems
        self.min_stem_length = min_stem_length
        self._alternated: frozenset[str] | None = None
        self._walker = None  # the compiled walk, made on first use (False: there is none)
        self._state_numbers: dict[str, int] = {}  # the grammar's states as the compiled walk numbers them
        # Hyphenated tails and names' endings ask the same (host, suffix) again and again.
        self._fits_after = lru_cache(maxsize=MAX_FIT_MEMO)(self._fits_after_uncached)

    # -- stems -----------------------------------------------------------
    @property
    def alternated_surfaces(self) -> frozenset[str]:
        """How stems with an alternation are written before a vowel (``çörəy``,
        ``ged``, ``ağz``): with the stems themselves, every prefix that
        :meth:`stem_readings` can read. Lets the word walks skip a prefix
        with one lookup instead of trying every alternation."""
        if self._alternated is None:
            surfaces = set()
            for stem, entry in self.stems.items():
                if not entry.flags:
                    continue
                last = stem[-1]
                if ("s" in entry.flags or "o" in entry.flags) and last in SOFTEN:
                    surfaces.add(stem[:-1] + SOFTEN[last])
                if "d" in entry.flags and last == "t":
                    surfaces.add(stem[:-1] + "d")
                if ("v" in entry.flags and len(stem) >= 3 and stem[-2] in HIGH_VOWELS
                        and last not in VOWELS and stem[-3] not in VOWELS):
                    surfaces.add(stem[:-2] + last)
            self._alternated = frozenset(surfaces)
        return self._alternated

    def stem_readings(self, prefix: str) -> Iterator[tuple[str, StemEntry, str, str]]:
        """(dictionary stem, entry, part of speech, what the next letter must be) for a word prefix.

        The last element is ``"vowel"`` for an alternated stem (``çörəy-``
        must go on with a vowel), ``"consonant"`` for a stem whose
        alternation is obligatory (``çörək-`` cannot take ``-i``), else ``""``.
        Alternations belong to parts of speech: voicing to verbs (``get`` →
        ``gedir``), softening and vowel drop to the others (``çörəyi``,
        ``ağzı``), so a stem tagged both ways (``millət``) keeps ``milləti``.
        """
        entry = self.stems.get(prefix)
        if entry is not None:
            for pos in entry.pos:
                yield prefix, entry, pos, "consonant" if alternates(prefix, entry.flags, pos) else ""
        last = prefix[-1]
        if last in UNSOFTEN:
            stem = prefix[:-1] + UNSOFTEN[last]
            entry = self.stems.get(stem)
            if entry is not None and ("s" in entry.flags or "o" in entry.flags):
                yield from ((stem, entry, pos, "vowel") for pos in entry.pos if pos != "verb")
        if last == "d":
            stem = prefix[:-1] + "t"
            entry = self.stems.get(stem)
            if entry is not None and "d" in entry.flags and "verb" in entry.pos:
                yield stem, entry, "verb", "vowel"
        if len(prefix) >= 2 and prefix[-1] not in VOWELS and prefix[-2] not in VOWELS:
            for vowel in HIGH_VOWELS:
                stem = prefix[:-1] + vowel + prefix[-1]
                entry = self.stems.get(stem)
                if entry is not None and "v" in entry.flags:
                    yield from ((stem, entry, pos, "vowel") for pos in entry.pos if pos != "verb")

    # -- words -------------------------------------------------------------
    def iter_analyses(self, word: str) -> Iterator[Analysis]:
        """Analyses of a lowercase word, longest stem first."""
        stems, alternated = self.stems, self.alternated_surfaces
        for cut in range(len(word), self.min_stem_length - 1, -1):
            prefix, rest = word[:cut], word[cut:]
            if prefix not in stems and prefix not in alternated:
                continue  # no stem is written so
            after_vowel = prefix[-1] in VOWELS
            for stem, entry, pos, next_must in self.stem_readings(prefix):
                if not rest:
                    if next_must != "vowel":
                        yield Analysis(word, stem, pos, ())
                    continue
                harmony = entry.harmony or harmony_class(stem) or 0
                state = START_STATE.get(pos, "N")
                for chain in suffix_chains(rest, state, harmony, after_vowel, next_must):
                    yield Analysis(word, stem, pos, chain)
                if state == "Num":
                    for chain in suffix_chains(rest, "N", harmony, after_vowel, next_must):
                        yield Analysis(word, stem, pos, chain)

    def analyze(self, word: str, limit: int = MAX_ANALYSES) -> list[Analysis]:
        """The first ``limit`` distinct analyses of :meth:`iter_analyses`."""
        walker = self._walker if self._walker is not None else self._compiled_walk()
        # (a limit below one keeps one analysis, as the loop below does)
        readings = walker.analyses(word, max(limit, 1)) if walker else None
        if readings is not None and len(set(readings)) == len(readings):
            return [Analysis(word, stem, pos, chain) for stem, pos, chain in readings]
        # (no compiled walk, or a reading it gave twice: the Python walk drops it and goes on)
        return self.reference_analyze(word, limit)

    def reference_analyze(self, word: str, limit: int = MAX_ANALYSES) -> list[Analysis]:
        """:meth:`analyze` in pure Python: the first ``limit`` distinct analyses of :meth:`iter_analyses`."""
        found: list[Analysis] = []
        seen = set()
        for analysis in self.iter_analyses(word):
            key = (analysis.stem, analysis.pos, analysis.suffixes)
            if key not in seen:
                seen.add(key)
                found.append(analysis)
                if len(found) >= limit:
                    break
        return found

    def is_well_formed(self, word: str) -> bool:
        """True if the word has an analysis."""
        walker = self._walker if self._walker is not None else self._compiled_walk()
        if walker:
            verdict = walker.well_formed(word)
            if verdict >= 0:
                return verdict == 1
        return self.reference_is_well_formed(word)

    def reference_is_well_formed(self, word: str) -> bool:
        """:meth:`is_well_formed` in pure Python: the walk of :meth:`iter_analyses`, answering yes/no."""
        stems, alternated = self.stems, self.alternated_surfaces
        for cut in range(len(word), self.min_stem_length - 1, -1):
            prefix = word[:cut]
            if prefix not in stems and prefix not in alternated:
                continue  # no stem is written so
            rest = word[cut:]
            after_vowel = prefix[-1] in VOWELS
            for stem, entry, pos, next_must in self.stem_readings(prefix):
                if not rest:
                    if next_must != "vowel":
                        return True
                    continue
                harmony = entry.harmony or harmony_class(stem) or 0
                state = START_STATE.get(pos, "N")
                if completes(rest, state, harmony, after_vowel, next_must) or (
                    state == "Num" and completes(rest, "N", harmony, after_vowel, next_must)
                ):
                    return True
        return False

    def _compiled_walk(self):
        """The compiled walk over this stem table (a ``Walker`` of :mod:`azfix._native`), or False."""
        if self._walker is None:
            walker = False
            if _KERNEL is not None and type(self.stems) is dict:
                states, contexts = automaton()
                number = self._state_numbers = {state: n for n, state in enumerate(states)}
                walker = _KERNEL.Walker(self.stems, self.alternated_surfaces, list(contexts),
                                        [state in ACCEPTING for state in states],
                                        {pos: number[state] for pos, state in START_STATE.items()},
                                        number["N"], number["Num"], self.min_stem_length)
            self._walker = walker
        return self._walker

    def fits_suffix(self, suffix: str, harmony: int, after_vowel: bool, start: str = "N") -> bool:
        """True if ``suffix`` is a complete nominal suffix chain in this context
        (:func:`~azfix.morphology.grammar.completes`, by the compiled walk once a word has made it:
        endings alone, as the rules ask before any word is looked up, need no stem table)."""
        walker = self._walker
        if walker and 0 <= harmony <= 4:
            verdict = walker.completes(suffix, self._state_numbers[start] * 10 + harmony * 2 + after_vowel)
            if verdict >= 0:
                return verdict == 1
        return completes(suffix, start, harmony, after_vowel)

    def fits_any_harmony(self, suffix: str) -> bool:
        """True if ``suffix`` is a nominal suffix chain under some vowel harmony, after a vowel or a consonant."""
        return any(self.fits_suffix(suffix, harmony, after_vowel)
                   for harmony in (1, 2, 3, 4) for after_vowel in (False, True))

    def fits_after(self, host: str, suffix: str) -> bool:
        """True if ``suffix`` is a suffix chain ``host`` can take, read as
        :func:`host_phonology` reads it (a number also takes the ordinal: ``2023-cü``)."""
        return self._fits_after(host, suffix)

    def _fits_after_uncached(self, host: str, suffix: str) -> bool:
        starts = ("Digits", "N") if host.isdigit() else ("N",)
        return any(self.fits_suffix(suffix, harmony, after_vowel, start)
                   for harmony, after_vowel in host_phonology(host) for start in starts)
