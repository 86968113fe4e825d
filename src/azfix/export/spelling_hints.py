"""The suggestion lines of a Hunspell affix file (TRY, KEY, REP, MAP), from azfix's letter counts and error model.

Hunspell suggests corrections for a rejected word by trying edits of it:
the letters of ``TRY`` (commonest first), the neighbouring keys of ``KEY``,
the replacements of ``REP`` and the related letters of ``MAP``. They are
taken from what azfix already knows:

- ``TRY``: the 32 letters ordered by how often they occur in the shipped
  word forms (each form's letters times its count), then the capitals in the
  same order, then the hyphen;
- ``KEY``: the rows of the Azerbaijani QWERTY keyboard of the error model;
- ``REP``: every letter confusion the error model prices below a keyboard
  slip (lost or swapped diacritics, the documented OCR confusions), cheapest
  first, written ``REP seen meant``. The confusions learnt from Tesseract
  output are left out: they derive from CC BY-SA text, and the dictionary
  is offered under MPL-2.0;
- ``MAP``: the letters told apart only by a diacritic, grouped.

It never changes what the dictionary accepts, only what it suggests.

>>> model = ErrorModel(substitutions={("ə", "e"): 0.25, ("s", "ş"): 0.5, ("k", "l"): 0.75})
>>> rep_pairs(model, below=0.75)
[('e', 'ə'), ('ş', 's')]
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping

from ..config import Policy
from ..correct.channel.errormodel import DIACRITIC_PAIRS, KEYBOARD_ROWS, ErrorModel
from ..text.alphabet import LOWERCASE_LETTERS, UPPERCASE_LETTERS

__all__ = ["hint_lines", "map_groups", "rep_pairs", "try_letters"]


def try_letters(forms: Mapping[str, int]) -> str:
    """The alphabet, commonest letter first (by count in ``forms``), then capitals likewise, then the hyphen."""
    counts: Counter[str] = Counter()
    for form, count in forms.items():
        for letter in form:
            counts[letter] += count
    order = sorted(range(len(LOWERCASE_LETTERS)), key=lambda i: (-counts[LOWERCASE_LETTERS[i]], i))
    return "".join(LOWERCASE_LETTERS[i] for i in order) + "".join(UPPERCASE_LETTERS[i] for i in order) + "-"


def rep_pairs(model: ErrorModel, below: float) -> list[tuple[str, str]]:
    """(seen, meant) letter pairs the model prices below ``below``, cheapest first; lowercase Azerbaijani only."""
    alphabet = set(LOWERCASE_LETTERS)
    priced = [(cost, observed, intended) for (intended, observed), cost in model.substitutions.items()
              if cost < below and intended in alphabet and observed.islower() and observed != intended]
    return [(observed, intended) for _cost, observed, intended in sorted(priced)]


def map_groups() -> list[str]:
    """The Azerbaijani letters that differ only by a diacritic, joined into groups (``iıuü``)."""
    alphabet = set(LOWERCASE_LETTERS)
    groups: list[set[str]] = []
    for pair in DIACRITIC_PAIRS:
        if not set(pair) <= alphabet:
            continue
        touching = [g for g in groups if g & set(pair)]
        merged = set(pair).union(*touching)
        groups = [g for g in groups if g not in touching] + [merged]
    return ["".join(sorted(g, key=LOWERCASE_LETTERS.index)) for g in groups]


def hint_lines(forms: Mapping[str, int], model: ErrorModel | None = None, policy: Policy = Policy()) -> list[str]:
    """The TRY, KEY, REP and MAP lines of the affix file."""
    model = model or ErrorModel.documented(policy)
    pairs = rep_pairs(model, below=policy.keyboard_cost)  # keyboard slips are KEY's
    groups = map_groups()
    return [f"TRY {try_letters(forms)}", f"KEY {'|'.join(KEYBOARD_ROWS)}", f"REP {len(pairs)}",
            *(f"REP {seen} {meant}" for seen, meant in pairs), f"MAP {len(groups)}",
            *(f"MAP {group}" for group in groups)]
