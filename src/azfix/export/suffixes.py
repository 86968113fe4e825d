"""Compiles the suffix grammar into Hunspell's two levels of suffix classes.

Hunspell reads a word as a dictionary stem followed by at most two suffixes
(*twofold suffix stripping*): the stem's flags name the *inner* suffixes it
takes, and each inner suffix names, in its continuation class, the *outer*
suffixes that may follow it. An Azerbaijani word often carries three or four
suffixes (``kitab+lar+ımız+dan``), so each Hunspell "suffix" here is a whole
chain of suffixes, precompiled from :data:`azfix.morphology.grammar.GRAMMAR`,
as the Turkish Hunspell dictionaries precompile tens of thousands of suffix
groups:

- a *context* is where the grammar walk stands: its state, the vowel
  harmony, whether the last letter is a vowel, and what the next letter must
  be (a vowel after a softened ``-acağ``, a consonant after ``çörək``);
- the *inner* class of a stem's context holds every chain of 1 to ``inner``
  suffixes from it, each continued by the outer class of the context it
  ends in; a chain that cannot end there (``-acağ``) needs that
  continuation;
- the *outer* class of a context holds every complete chain of 1 to
  ``outer`` suffixes from it.

A word is accepted when it is a stem followed by at most ``inner + outer``
suffixes that the grammar walk of
:meth:`azfix.morphology.analyzer.Analyzer.suffix_chains` consumes: the same
walk, cut short. The contexts fix the harmony and the buffer letters, so no
rule needs a Hunspell condition. Stem alternations are written out as stems
of their own (:func:`stem_surfaces`: ``çörəy`` takes only vowel-initial
chains and is no word alone).

This module only compiles chains; :mod:`azfix.export.hunspell` writes them.

>>> tables = compile_suffixes([("N", 1, False, "")], inner=1, outer=1)
>>> rule = tables.inner[("N", 1, False, "")]["lar"]
>>> rule.complete, "dan" in tables.outer[rule.continuations[0]]
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..morphology.analyzer import StemEntry
from ..morphology.grammar import ACCEPTING, START_STATE, transitions
from ..morphology.phonology import HIGH_VOWELS, SOFTEN, VOICE, alternates
from ..text.alphabet import VOWELS, harmony_class

__all__ = ["Context", "InnerRule", "SuffixTables", "compile_suffixes", "stem_surfaces"]

# (grammar state, harmony class, ends in a vowel, what the next letter must be: "", "vowel", "consonant")
Context = tuple[str, int, bool, str]


@dataclass(frozen=True, slots=True)
class InnerRule:
    """One inner chain: the outer classes that may follow it, and whether the word may end after it."""

    continuations: tuple[Context, ...]
    complete: bool


@dataclass(frozen=True, slots=True)
class SuffixTables:
    """Inner chains by start context, outer chains by the context an inner chain ends in."""

    inner: dict[Context, dict[str, InnerRule]]
    outer: dict[Context, frozenset[str]]


def stem_surfaces(stem: str, entry: StemEntry, min_length: int = 2) -> Iterator[tuple[str, Context | None, bool]]:
    """How a stem is written before suffixes: (surface, context its suffixes start in, a word alone).

    The bare stem is a word alone; an alternated surface (``çörəy``, ``ged``,
    ``ağz``) is not, and takes only vowel-initial chains. A surface shorter
    than ``min_length`` takes no suffixes (as in the analyzer): its context is None.
    Mirrors :meth:`azfix.morphology.analyzer.Analyzer.stem_readings`.
    """
    harmony = entry.harmony or harmony_class(stem) or 0
    yield stem, None, True
    for pos in entry.pos:
        state = START_STATE.get(pos, "N")
        states = (state, "N") if state == "Num" else (state,)
        for surface, must in _written_forms(stem, entry.flags, pos):
            if len(surface) < min_length:
                continue
            for start in states:
                yield surface, (start, harmony, surface[-1] in VOWELS, must), must != "vowel"


def _written_forms(stem: str, flags: str, pos: str) -> Iterator[tuple[str, str]]:
    """The stem as written, with the constraint on the next letter: the bare stem and its alternations."""
    yield stem, "consonant" if alternates(stem, flags, pos) else ""
    last = stem[-1]
    if pos == "verb":
        if "d" in flags and last in VOICE:
            yield stem[:-1] + VOICE[last], "vowel"
        return
    if ("s" in flags or "o" in flags) and last in SOFTEN:
        yield stem[:-1] + SOFTEN[last], "vowel"
    if "v" in flags and len(stem) >= 3 and stem[-2] in HIGH_VOWELS and last not in VOWELS and stem[-3] not in VOWELS:
        yield stem[:-2] + last, "vowel"


def is_complete(context: Context) -> bool:
    """True if a word may end in this context."""
    state, _harmony, _after_vowel, must = context
    return state in ACCEPTING and must != "vowel"


class _Walker:
    """The grammar walk from a context, memoised for one compilation."""

    def __init__(self) -> None:
        self._steps: dict[Context, list[tuple[str, Context]]] = {}
        self._paths: dict[tuple[Context, int], frozenset[tuple[str, Context]]] = {}

    def steps(self, context: Context) -> list[tuple[str, Context]]:
        """The written suffixes that may follow in ``context``, with the context after each."""
        found = self._steps.get(context)
        if found is None:
            state, harmony, after_vowel, must = context
            found = self._steps[context] = [
                (form, (next_state, next_harmony, next_after_vowel, next_must))
                for _tag, form, next_state, next_harmony, next_after_vowel, next_must
                in transitions(state, harmony, after_vowel)
                if not must or (form[0] in VOWELS) == (must == "vowel")
            ]
        return found

    def paths(self, context: Context, depth: int) -> frozenset[tuple[str, Context]]:
        """Every chain of 1 to ``depth`` suffixes from ``context``, with the context it ends in."""
        key = (context, depth)
        found = self._paths.get(key)
        if found is None:
            out: set[tuple[str, Context]] = set()
            if depth > 0:
                for form, after in self.steps(context):
                    out.add((form, after))
                    out.update((form + rest, end) for rest, end in self.paths(after, depth - 1))
            found = self._paths[key] = frozenset(out)
        return found


def compile_suffixes(starts: Iterable[Context], inner: int = 2, outer: int = 2) -> SuffixTables:
    """The inner class of each start context and the outer class of each context an inner chain ends in."""
    walker = _Walker()
    outer_classes: dict[Context, frozenset[str]] = {}

    def outer_of(context: Context) -> frozenset[str]:
        if context not in outer_classes:
            outer_classes[context] = frozenset(
                chain for chain, end in walker.paths(context, outer) if is_complete(end))
        return outer_classes[context]

    inner_classes: dict[Context, dict[str, InnerRule]] = {}
    for start in sorted(set(starts)):
        ends: dict[str, set[Context]] = {}
        for chain, end in walker.paths(start, inner):
            ends.setdefault(chain, set()).add(end)
        rules = {}
        for chain, contexts in sorted(ends.items()):
            rule = InnerRule(tuple(sorted(c for c in contexts if outer_of(c))),
                             any(is_complete(c) for c in contexts))
            if rule.continuations or rule.complete:
                rules[chain] = rule
        if rules:
            inner_classes[start] = rules
    used = {c for rules in inner_classes.values() for rule in rules.values() for c in rule.continuations}
    return SuffixTables(inner_classes, {c: outer_classes[c] for c in sorted(used)})
