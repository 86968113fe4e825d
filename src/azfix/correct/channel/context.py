"""Context: how much a word's neighbours raise its odds, from bigram statistics.

    log P(c | prev) / P(c) + log P(next | c) / P(next)

Each term is smoothed (:func:`azfix.data.stats.smoothed`), clipped at 0 (in
statistics this small a pair never seen is no evidence against a word) and
capped by a bound that grows with the pair count (one sighting is weak
evidence). In text typed without Azerbaijani letters the neighbours lost
them too and are compared by their skeletons. This module never decides.
"""

from __future__ import annotations

import math

from ...config import Policy
from ...data.stats import SENTENCE, ContextStats, smoothed
from ..candidates.base import skeleton
from .prior import Priors

__all__ = ["ContextScorer"]


class ContextScorer:
    """Log odds the neighbours add to a reading of a word. Read-only; safe to share."""

    def __init__(self, stats: ContextStats, priors: Priors, policy: Policy):
        self.stats = stats
        self.priors = priors
        self.end_rate = stats.sentence_end_rate
        self._pairs = stats.bigrams
        # read on every scored pair: kept as plain attributes
        self._backoff, self._discount = policy.context_backoff, policy.context_discount
        self._max_association = policy.max_association
        self.stats_words = sum(stats.unigrams.values()) or 1

    def score(self, prev: str, word: str, next_: str, folded: bool = False) -> float:
        """Log odds the neighbours add to ``word``; a split's two words are scored as a pair.

        With ``folded`` the neighbours are read without their diacritics (text
        typed without Azerbaijani letters, where they lost them too)."""
        words = word.split(" ")
        if folded:
            score = self._folded_association(prev, words[0], next_, words[-1])
        else:
            # (most pairs were never seen: their look-up is all the work)
            pairs, first, last = self._pairs, words[0], words[-1]
            count = pairs.get((prev, first), 0)
            score = self._pair_odds(prev, first, count) if count else 0.0
            count = pairs.get((last, next_), 0)
            score += self._pair_odds(last, next_, count) if count else 0.0
        for first, second in zip(words, words[1:]):
            score += self._association(first, second)
        return score

    def _association(self, first: str, second: str) -> float:
        """log P(second | first) / P(second), smoothed, clipped at 0 and at a count-based cap.

        Only attested neighbours count: in statistics this small, a pair never
        seen is no evidence against a word.
        """
        count = self._pairs.get((first, second), 0)
        if not count:
            return 0.0  # never seen together: no evidence either way
        return self._pair_odds(first, second, count)

    def _pair_odds(self, first: str, second: str, count: int) -> float:
        """:meth:`_association` of a pair seen ``count`` times (``count`` > 0)."""
        given = self.stats.unigram(first) if first != SENTENCE else 0
        return self._log_odds(count, given, self._unigram_probability(second))

    def _folded_association(self, prev: str, first: str, next_: str, last: str) -> float:
        """:meth:`_association` of ``prev first`` and ``last next_`` with the
        neighbours ``prev`` and ``next_`` compared by their skeletons."""
        pairs = self.stats.folded(skeleton)
        score = 0.0
        prev_key = skeleton(prev)
        count = pairs.before.get((prev_key, first), 0)
        if count:
            given = pairs.unigrams.get(prev_key, 0) if prev != SENTENCE else 0
            score += self._log_odds(count, given, self._unigram_probability(first))
        next_key = skeleton(next_)
        count = pairs.after.get((last, next_key), 0)
        if count:
            prior = self.end_rate if next_ == SENTENCE else pairs.unigrams.get(next_key, 0) / self.stats_words
            score += self._log_odds(count, self.stats.unigram(last), prior)
        return score

    def _unigram_probability(self, word: str) -> float:
        if word == SENTENCE:
            return self.end_rate
        return max(self.priors.prior(word), self.stats.unigram(word) / self.stats_words)

    def _log_odds(self, count: int, given_count: int, prior: float) -> float:
        """log P(w | neighbour) / P(w) from a pair count, the neighbour's count
        and P(w), clipped at 0 and at a cap that grows with the count (one
        sighting in a small corpus is weak evidence)."""
        conditional = smoothed(count, given_count, prior, self._backoff, self._discount)
        cap = self._max_association * math.log2(1 + count)
        return min(max(math.log(conditional / prior), 0.0), cap)
