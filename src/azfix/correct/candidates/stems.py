"""Candidate source: a corrected stem followed by the word's suffixes re-realised with that stem's harmony.

``müharibasi``: the stem ``müharib`` is one skeleton edit from ``müharibə``,
whose harmony writes the ending ``si`` as ``si`` (``müharibəsi``). The
suffix chains whose skeleton is the damaged ending are found by a walk of
the grammar (:func:`suffix_spellings`), memoised per ending.
"""

from __future__ import annotations

from functools import lru_cache

from ...morphology.grammar import ACCEPTING, START_STATE, transitions
from ...morphology.phonology import SOFTEN, VOICE
from ...text.alphabet import VOWELS, harmony_class
from .base import Candidate, CandidateKind, make_candidate, skeleton
from .index import MIN_INDEXED_LENGTH, CandidateIndex

__all__ = ["may_spell_a_chain", "stem_candidates", "suffix_spellings"]

# Bounds of the re-realising walk (work, not judgement): suffixes in a chain, chains found.
MAX_SUFFIXES = 6
MAX_SPELLINGS = 8  # (the walk stops once it has found more than this)
_ALTERNATING = {**SOFTEN, **VOICE}  # a stem's last letter before a vowel, softened or voiced
STEM = CandidateKind.STEM  # (read once: a hot loop)


def stem_candidates(index: CandidateIndex, word: str, diacritic_only: bool = False) -> list[Candidate]:
    """A corrected stem followed by the suffixes re-realised with its harmony."""
    out = []
    stems = index.lexicon.stems
    for cut in range(len(word) - 1, MIN_INDEXED_LENGTH - 1, -1):
        rest_key = skeleton(word[cut:])
        if not may_spell_a_chain(rest_key):
            continue  # no stem could take this ending (most cuts: their stems need not be looked up)
        for stem in index.stems_near(word[:cut], diacritic_only):
            entry = stems.get(stem)
            if entry is None:
                continue
            harmony = entry.harmony or harmony_class(stem) or 0
            after_vowel = stem[-1] in VOWELS
            for pos in entry.pos:
                for suffix in suffix_spellings(rest_key, START_STATE.get(pos, "N"), harmony, after_vowel):
                    out.append(make_candidate((stem_surface(stem, entry, suffix) + suffix, STEM)))
    return out


def stem_surface(stem: str, entry, suffix: str) -> str:
    """The stem as written before ``suffix``: softened or voiced before a vowel."""
    last = stem[-1]
    if last in _ALTERNATING and suffix[:1] in "aıoueəiöü" and (
        "s" in entry.flags and last in SOFTEN or "d" in entry.flags and last in VOICE
    ):
        return stem[:-1] + _ALTERNATING[last]
    return stem


@lru_cache(maxsize=None)
def _steps(state: str, harmony: int, after_vowel: bool) -> dict[str, tuple[tuple[str, str, str, int, bool], ...]]:
    """The grammar's written suffixes in this state and context (:func:`~azfix.morphology.grammar.transitions`),
    grouped by the first letter of their skeleton."""
    grouped: dict[str, list] = {}
    for _tag, form, next_state, next_harmony, next_after_vowel, _must in transitions(state, harmony, after_vowel):
        if form:
            key = skeleton(form)
            grouped.setdefault(key[0], []).append((form, key, next_state, next_harmony, next_after_vowel))
    return {first: tuple(steps) for first, steps in grouped.items()}


@lru_cache(maxsize=50_000)
def suffix_spellings(rest_key: str, state: str, harmony: int, after_vowel: bool) -> tuple[str, ...]:
    """Correctly written suffix chains whose skeleton is ``rest_key`` (at most nine).

    Cached: the same damaged ending (``lerinde``) follows many stems.
    """
    results: list[str] = []

    def walk(rest: str, state: str, h: int, after_vowel: bool, written: str, depth: int) -> None:
        if not rest:
            if state in ACCEPTING:
                results.append(written)
            return
        if depth > MAX_SUFFIXES or len(results) > MAX_SPELLINGS:
            return
        for form, key, next_state, nh, nav in _steps(state, h, after_vowel).get(rest[0], ()):
            if rest.startswith(key):
                walk(rest[len(key):], next_state, nh, nav, written + form, depth + 1)

    walk(rest_key, state, harmony, after_vowel, "", 0)
    return tuple(results)


@lru_cache(maxsize=1)
def _first_steps() -> dict[str, tuple[tuple[str, tuple[tuple[str, int, bool], ...]], ...]]:
    """The first written suffixes of every context a stem starts a chain in (each start state,
    harmony and final letter), by the first letter of their skeleton: each skeleton once, with
    the contexts (state, harmony, ends in a vowel) it leads to."""
    starts = sorted(set(START_STATE.values()) | {"N"})
    grouped: dict[str, dict[str, dict]] = {}
    for state in starts:
        for harmony in range(5):
            for after_vowel in (False, True):
                for first, steps in _steps(state, harmony, after_vowel).items():
                    for _form, key, next_state, next_harmony, next_after_vowel in steps:
                        grouped.setdefault(first, {}).setdefault(key, {})[(next_state, next_harmony,
                                                                          next_after_vowel)] = None
    return {first: tuple((key, tuple(contexts)) for key, contexts in keys.items()) for first, keys in grouped.items()}


@lru_cache(maxsize=50_000)
def _skeleton_completes(rest_key: str, state: str, harmony: int, after_vowel: bool) -> bool:
    """True if some chain of the grammar, from this context, is written with the skeleton ``rest_key``
    (of any length: :func:`suffix_spellings` stops at ``MAX_SUFFIXES``)."""
    if not rest_key:
        return state in ACCEPTING
    return any(rest_key.startswith(key) and _skeleton_completes(rest_key[len(key):], next_state, nh, nav)
               for _form, key, next_state, nh, nav in _steps(state, harmony, after_vowel).get(rest_key[0], ()))


@lru_cache(maxsize=50_000)
def may_spell_a_chain(rest_key: str) -> bool:
    """False when :func:`suffix_spellings` finds nothing for ``rest_key`` in any context a stem
    starts a chain in: a cheap test, one walk for all contexts, before the stems are looked up."""
    return any(rest_key.startswith(key) and any(_skeleton_completes(rest_key[len(key):], *context)
                                                for context in contexts)
               for key, contexts in _first_steps().get(rest_key[:1], ()))
