"""Priors: how likely a word is before its neighbours are read.

A known form's prior is its count in the frequency list; an unseen
inflection's is the morphology's estimate (stem count times suffix shares);
a glued pair's is the product of its words' priors times the odds of a
missing space. Keeping an *unknown* word has a prior too
(:meth:`Priors.oov_prior`): it may be a correct word the lexicon lacks,
likelier when its letters look like Azerbaijani (:mod:`azfix.correct.channel.charmodel`).

Both priors are memoised per word type. This module never decides.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable

from ...config import Policy
from ...data.lexicon import Lexicon
from .charmodel import CharModel

__all__ = ["Priors"]

PRIOR_MEMO = 50_000  # word types whose prior is remembered
OOV_PRIOR_MEMO = 20_000  # ... and whose unknown-word prior is


class Priors:
    """Unigram priors of candidates and of unknown words kept as they are. Read-only; safe to share."""

    def __init__(self, lexicon: Lexicon, policy: Policy, letter_model: Callable[[], CharModel] | None = None):
        self.lexicon = lexicon
        self.policy = policy
        self.total = lexicon.total_count
        self._charmodel: CharModel | None = None
        self._letter_model = letter_model  # gives the letter model of lexicon.forms (shared, saved by the build)
        # read on every new word type: kept as plain attributes
        self._split_prior, self._known_floor, self._oov = policy.split_prior, policy.known_floor, policy.oov_prior
        # The hottest calls of the decision: memoised per word type.
        self.prior = lru_cache(maxsize=PRIOR_MEMO)(self._prior)
        self.oov_prior = lru_cache(maxsize=OOV_PRIOR_MEMO)(self._oov_prior)
        self.looks = lru_cache(maxsize=OOV_PRIOR_MEMO)(self._looks)

    def _prior(self, word: str) -> float:
        """Unigram probability: attested count, or an estimate for an unseen inflection."""
        count = self.lexicon.forms.get(word)
        if count:
            return count / self.total
        if " " in word:
            first, second = word.split(" ", 1)
            return self._split_prior * self.prior(first) * self.prior(second)
        floor = self._known_floor if self.lexicon.is_known_lower(word) else self._oov
        return max(self.lexicon.unseen_form_prior(word), floor)

    def _looks(self, word: str) -> tuple[float, float]:
        """The letter model's (plausibility, oddest letter) of ``word`` (:meth:`CharModel.looks`)."""
        if self._charmodel is None:  # on the first unknown word
            self._charmodel = self._letter_model() if self._letter_model else CharModel(self.lexicon.forms)
        return self._charmodel.looks(word)

    def _oov_prior(self, word: str, natural_bonus: bool = True) -> float:
        """Prior of an unknown word being a correct word the lexicon lacks:
        higher for a word that looks like Azerbaijani, lower for one with
        letter sequences the language does not write (``səhralrda``).
        Without ``natural_bonus`` the look can only lower it."""
        policy = self.policy
        plausibility, oddest_letter = self.looks(word)
        shift = policy.looks_weight * (plausibility - policy.looks_neutral)
        if natural_bonus and oddest_letter >= policy.odd_letter:
            shift = min(policy.looks_bonus, shift)  # natural throughout
        else:
            shift = min(0.0, shift)
        return policy.oov_prior * math.exp(max(-policy.looks_penalty, shift))
