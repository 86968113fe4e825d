"""Detection: how likely an unknown word is written as meant, before its readings share the rest.

The noisy channel alone weighs an unknown word's keep prior against its
readings' priors and error costs; those terms are not independent, and
summed they misjudge how often such a word is a typo. The detector
recalibrates that judgement with what else tells a typo from a rare word:

    logit P(as meant) = b + w · (channel log odds of keeping; the best reading's log prior,
                                 error cost and context, whether it splits the word, and
                                 whether it differs from the word in diacritics only;
                                 look, oddest letter, length; capitalised inside a sentence,
                                 capitalised at its start)

fitted by logistic regression on the tuning half of the development text
(``python -m benchmarks.fit_detector``), its weights kept in
:attr:`azfix.config.Policy.detector`. The decision then keeps the word with
exactly that probability, and its readings share the rest by their scores
(:func:`azfix.correct.decide.decide`). With the weights (0, 1, 0, …) and a
temperature of 1 it is the channel unchanged. This module only measures; it never decides.
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

from ..candidates.base import skeleton

__all__ = ["FEATURES", "Detector"]

FEATURES = ("channel_odds", "best_prior", "best_cost", "best_context", "best_is_split", "best_is_twin", "look",
            "oddest_letter", "length", "capitalised", "title_at_start")
# Each feature is clipped to a range the fit saw, so that no word far outside it
# (a 60-letter token) gets an extrapolated verdict.
CLIPS = ((-30.0, 30.0), (-25.0, 0.0), (-25.0, 0.0), (0.0, 15.0), (0.0, 1.0), (0.0, 1.0), (-20.0, 5.0),
         (-12.0, 0.0), (1.0, 20.0), (0.0, 1.0), (0.0, 1.0))

# Where the fitting script collects (word, features) of every word the detector judges; None: off.
RECORDER: list | None = None


class Detector:
    """Keep scores of unknown words from fitted weights. Read-only; safe to share."""

    def __init__(self, weights: Sequence[float], looks: Callable[[str], tuple[float, float]]):
        if len(weights) != len(FEATURES) + 1:
            raise ValueError(f"the detector takes {len(FEATURES) + 1} weights (an intercept, then {FEATURES})")
        self.intercept, *self.weights = weights
        self._looks = looks  # the letter model's (plausibility, oddest letter) of a word

    def features(self, word: str, channel_odds: float, best, capitalised: bool, title: bool) -> tuple[float, ...]:
        plausibility, oddest = self._looks(word)
        raw = (channel_odds, best.prior, best.cost, best.context, float(" " in best.text),
               float(skeleton(best.text) == skeleton(word)), plausibility, oddest, float(len(word)), float(capitalised),
               float(title and not capitalised))
        return tuple(min(max(x, low), high) for x, (low, high) in zip(raw, CLIPS))

    def keep_score(self, word: str, keep: float, scored: Sequence, temperature: float, capitalised: bool,
                   title: bool) -> float:
        """The keep score that gives keeping the word its detected probability among the ``scored`` readings."""
        scores = [option.score for option in scored]
        top = max(scores)
        spread = math.log(sum(math.exp(s - top) for s in scores)) + top  # log-sum-exp of the readings
        x = self.features(word, keep - spread, max(scored), capitalised, title)
        if RECORDER is not None:
            RECORDER.append((word, x))
        logit = self.intercept + sum(w * v for w, v in zip(self.weights, x))
        scaled = math.log(sum(math.exp((s - top) / temperature) for s in scores)) + top / temperature
        return temperature * (scaled + logit)
