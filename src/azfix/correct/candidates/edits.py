"""Candidate source: known words one deletion, swap, cheap substitution or doubling away, checked by the morphology.

Unlike the key indexes this reaches inflections that no corpus attests
(``yazırırlar`` → ``yazırlar``), at the price of a morphological check per
variant.
"""

from __future__ import annotations

from ...data.lexicon import Lexicon
from .base import Candidate, CandidateKind, make_candidate
from .index import FOREIGN_INITIAL

__all__ = ["edit_candidates"]

EDIT = CandidateKind.EDIT  # (read once: a hot loop)


def edit_candidates(lexicon: Lexicon, word: str, cheap_substitutions: dict[str, str]) -> list[Candidate]:
    """Known words one deletion, swap, cheap substitution or doubling away.

    Unlike the indexes this reaches inflections that no corpus attests
    (``yazırırlar`` → ``yazırlar``), at the price of a morphological check
    per variant.
    """
    variants = set()
    for i in range(len(word)):
        variants.add(word[:i] + word[i + 1:])
        variants.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            variants.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
        for other in cheap_substitutions.get(word[i], ""):
            variants.add(word[:i] + other + word[i + 1:])
    variants.discard(word)
    return [make_candidate((v, EDIT)) for v in lexicon.known_lowers(
        v for v in variants if len(v) > 1 and not v.startswith(FOREIGN_INITIAL))]
