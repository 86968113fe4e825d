"""Suggestions for one word out of context: its readings ranked by prior and error cost, with posterior shares.

>>> from azfix import suggest
>>> suggest("nazirlr", n=1)[0][0]
'nazirlər'
"""

from __future__ import annotations

import math

from ..text.alphabet import az_lower, transfer_case
from .parts import Parts

__all__ = ["suggest"]


def suggest(parts: Parts, word: str, n: int = 5) -> list[tuple[str, float]]:
    """Up to ``n`` corrections of ``word``, best first, with their shares of the posterior among them."""
    lower = az_lower(word)
    options = parts.lists.nonword(lower, False) or parts.lists.realword(lower)
    if not options:
        return []
    prior, alpha = parts.priors.prior, parts.policy.alpha
    scored = [(math.log(prior(text)) - alpha * cost, text) for text, _, cost in options]
    top = max(score for score, _ in scored)
    total = sum(math.exp(score - top) for score, _ in scored)
    ranked = sorted(((math.exp(score - top) / total, text) for score, text in scored), reverse=True)
    return [(transfer_case(word, text) if " " not in text else text, round(share, 4))
            for share, text in ranked[:n]]
