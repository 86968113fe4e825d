"""The decision: keep a word or take its best reading, and how sure that is.

Every option is scored as a noisy channel, term by term (:class:`ScoredOption`):

    log P(c) − alpha · cost(word, c) + context(prev, c, next) [+ log P(real-word error) + class preference]

Keeping the word has a score too: its own prior (for an unknown word, the
prior of a correct word the lexicon lacks:
:meth:`azfix.correct.options.OptionScorer.keep_prior`) and its
context. The confidence of a change is the best option's share of the
posterior over every option, keeping included; a change is made only at or
above the threshold. The terms travel with the choice (:class:`~azfix.edits.Why`).

>>> options = [ScoredOption(-10.5, "siyasət", "diacritic", -9.0, -1.5, 0.0, 0.0)]
>>> choice = decide(options, keep=-17.0, threshold=0.75)
>>> choice.text, choice.confidence
('siyasət', 0.9985)
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ..edits import EditKind, Why

__all__ = ["Choice", "ScoredOption", "decide"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
DIACRITIC = EditKind.DIACRITIC


class ScoredOption(NamedTuple):
    """One reading of a word with every term of its score (nats). Ordered by score, then text and kind."""

    score: float  # the sum of the terms below, added in their order
    text: str
    kind: str
    prior: float  # log prior
    cost: float  # − alpha · error cost
    context: float  # what the neighbours add (bigrams, and the classes' fit)
    realword: float  # log odds of a real-word error and the classes' preference (known words only)


class Choice(NamedTuple):
    """The reading a decision takes, with its confidence and the terms behind it."""

    text: str
    kind: str
    confidence: float
    why: Why | None = None


def decide(scored: list[ScoredOption], keep: float, threshold: float,
           majority: float | None = None, keep_share_below: float = 0.0, temperature: float = 1.0) -> Choice | None:
    """The best option if its share reaches ``threshold``, else None (keep the word).

    The shares are those of the scores divided by ``temperature`` (fitted
    so that confidences are calibrated: the scores' terms are not
    independent, and summed they overstate the evidence).
    With ``majority``, an option holding that share also wins while keeping
    holds less than ``keep_share_below`` (a word its readings leave almost no
    chance is wrong as it stands: the likelier reading is the better text).
    """
    ordered = sorted(scored, reverse=True)  # by score, then text (unique): best first
    best = ordered[0]
    top = max(best.score, keep)
    exp, scale = math.exp, 1.0 / temperature
    total = exp((keep - top) * scale) + sum(exp((option.score - top) * scale) for option in ordered)
    confidence = exp((best.score - top) * scale) / total
    if confidence < threshold and not (
        majority is not None and best.kind == DIACRITIC and confidence >= majority
        and exp((keep - top) * scale) / total < keep_share_below
    ):
        return None
    why = Why(best.prior, best.cost, best.context, best.realword, best.score, keep)
    return Choice(best.text, best.kind, round(confidence, 4), why)
