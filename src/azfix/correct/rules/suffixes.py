"""Suffix harmony: the ending of a number, code, abbreviation or quoted name, mended to the harmony of its host.

A number's ending takes the harmony of the number read aloud (``2016-ci`` →
``2016-cı``); codes, times and fractions (``BMT-dən``, ``12:55-də``) are read
more than one way, and only an ``e`` is mended there: no Azerbaijani ending
has one, it is an ``ə`` that lost its letter (``BMT-den`` → ``BMT-dən``). An
ending glued after a quoted name follows the name (``“Nəhənglər”ın`` → ``in``).
"""

from __future__ import annotations

from ...config import Policy
from ...data.lexicon import Lexicon
from ...edits import Edit, EditKind
from ...text.alphabet import az_lower
from ...text.tokenize import Token
from ..candidates.base import skeleton
from .hyphens import harmonize_suffix

__all__ = ["harmony_edit", "suffix_edit"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
DIACRITIC = EditKind.DIACRITIC
TYPO = EditKind.TYPO


def suffix_edit(token: Token, lexicon: Lexicon, policy: Policy) -> Edit | None:
    """The hyphenated suffix of a number, code or abbreviation, mended (see the module's docstring)."""
    host, _, suffix = token.text.rpartition("-")
    if host.isdigit():
        return harmony_edit(host, suffix, token.end - len(suffix), lexicon, policy)
    if not host or "e" not in suffix or not suffix.islower() or not suffix.isalpha():
        return None
    fixed = suffix.replace("e", "ə")
    if not lexicon.analyzer.fits_any_harmony(fixed):
        return None  # not an ending (CD-ROM, IT-engineer)
    start = token.end - len(suffix)
    return Edit(start, token.end, suffix, fixed, DIACRITIC, policy.suffix_harmony_confidence)


def harmony_edit(host: str, suffix: str, start: int, lexicon: Lexicon, policy: Policy) -> Edit | None:
    """The ending ``suffix`` (at ``start``) given the harmony of ``host``, or None if it has it."""
    fixed = harmonize_suffix(host, suffix, lexicon)
    if fixed is None:
        return None
    kind = DIACRITIC if skeleton(az_lower(fixed)) == skeleton(az_lower(suffix)) else TYPO
    return Edit(start, start + len(suffix), suffix, fixed, kind, policy.suffix_harmony_confidence)
