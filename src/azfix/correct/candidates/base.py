"""What a candidate is: a reading of a word with the source that proposed it, and the options the decision weighs.

Candidate sources (spylls' cascade): the key indexes (:mod:`.index`: forms
with the same skeleton or one delete away), corrected stems with re-realised
suffixes (:mod:`.stems`), one-edit inflections no corpus attests
(:mod:`.edits`), glued words split (:mod:`.splits`) and real-word swaps
(:mod:`.lists`). Each tags its candidates with a :class:`CandidateKind`;
:mod:`.lists` prices them into :class:`Option` records for the decision.

>>> skeleton("yönəlmış")
'yonelmis'
"""

from __future__ import annotations

import enum
from functools import partial
from typing import NamedTuple

from ...text.alphabet import ascii_fold_table

__all__ = ["SKELETON_TABLE", "Candidate", "CandidateKind", "Option", "make_candidate", "make_option", "skeleton"]

_EXTRA_FOLD = str.maketrans({"ñ": "n", "Ñ": "N", "ä": "a", "ı": "i"})
# ascii_fold, then the few letters it leaves (ñ, ä), in one table: one pass over the word
# (code point → letter; the compiled shortlist of candidates folds with it too)
SKELETON_TABLE = {**_EXTRA_FOLD, **{code: folded.translate(_EXTRA_FOLD) for code, folded in ascii_fold_table().items()}}


def skeleton(word: str) -> str:
    """The diacritic skeleton of a lowercase word (:func:`~azfix.text.alphabet.ascii_fold`,
    and ñ, ä folded too): ``yönəlmış`` → ``yonelmis``."""
    return word.translate(SKELETON_TABLE)


class CandidateKind(str, enum.Enum):
    """Which source made a candidate."""

    DIACRITIC = "diacritic"  # same skeleton
    EDIT = "typo"  # within the delete index, or one edit away and well formed
    STEM = "stem"  # corrected stem + re-realised suffixes
    SPLIT = "split"  # two words


class Candidate(NamedTuple):
    """A reading of a word and the source that proposed it."""

    text: str
    kind: CandidateKind


class Option(NamedTuple):
    """A priced candidate: its text, the kind of edit it makes and its error-model cost."""

    text: str
    kind: str
    cost: float


# Build an Option from a (text, kind, cost) tuple, or a Candidate from a (text, kind) one,
# in C, without the named tuple's Python-level __new__ (both are built by the thousand).
make_option = partial(tuple.__new__, Option)
make_candidate = partial(tuple.__new__, Candidate)

