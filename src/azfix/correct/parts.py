"""Parts: the read-only data and scorers one corrector consults, built once and handed down.

Everything here is shared, never changed by a decision: the lexicon, the
candidate index and its priced lists, the context statistics, the priors,
the context and class scorers, the options (:class:`~azfix.config.CleanerConfig`)
and the numbers behind every decision (:class:`~azfix.config.Policy`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import CleanerConfig, Policy
from ..data.lexicon import Lexicon
from ..data.stats import ContextStats
from .candidates.index import CandidateIndex
from .candidates.lists import CandidateLists
from .channel.classcontext import ClassContext
from .channel.context import ContextScorer
from .channel.prior import Priors

__all__ = ["Parts"]


@dataclass(frozen=True, slots=True)
class Parts:
    lexicon: Lexicon
    index: CandidateIndex
    stats: ContextStats
    priors: Priors
    context: ContextScorer
    lists: CandidateLists
    classes: ClassContext
    config: CleanerConfig
    policy: Policy
