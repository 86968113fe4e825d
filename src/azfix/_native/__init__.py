"""Compiled kernels: C versions of the hottest loops, used when they were built, never required.

Four kernels, each the twin of a pure-Python reference that stays the
definition of what it computes (a test checks both give the same answers):

- ``distance``: the weighted Damerau–Levenshtein cost of
  :meth:`azfix.correct.channel.errormodel.ErrorModel.reference_cost`;
- ``shortlist``: the candidates worth pricing with it
  (:func:`azfix.correct.candidates.lists.shortlist`);
- ``keytable``: the lookups of :class:`azfix.data.keytable.KeyTable`, the
  one-edit key search of :meth:`azfix.correct.candidates.index.CandidateIndex.near_keys`,
  the real-word letter swaps and the frequent readings of a glued word's sides;
- ``morphology``: the grammar walks of :class:`azfix.morphology.analyzer.Analyzer`
  (is a word well formed, its analyses, does an ending complete).

``pip install`` compiles them when a C compiler is there; if none is (or
the build fails) they are simply missing and the pure-Python code runs,
slower. Setting the environment variable ``AZFIX_PURE_PYTHON=1`` makes
:func:`kernel` return None, so the pure path runs even where they were built.
The module that holds a reference implementation asks :func:`kernel` once,
at import, and uses the compiled twin if there is one.

>>> kernel("no such kernel") is None
True
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

__all__ = ["kernel", "pure_python"]

KERNELS = ("distance", "shortlist", "keytable", "morphology")


def pure_python() -> bool:
    """True when ``AZFIX_PURE_PYTHON`` asks for the pure-Python code (any value but empty or 0)."""
    return os.environ.get("AZFIX_PURE_PYTHON", "") not in ("", "0")


def kernel(name: str) -> ModuleType | None:
    """The compiled kernel ``name``, or None when it was not built (or pure Python is asked for)."""
    if name not in KERNELS or pure_python():
        return None
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ImportError:
        return None
