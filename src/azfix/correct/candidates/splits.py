"""Candidate source: a token that is two words written together, exactly or with a garbled side.

Two frequent words (``bizidəstəkləyən``), a function word and a well-formed
inflection (``qohumluğunagörə``), or two words glued with a letter garbled
on either side (``bütünüzy`` → ``bütün üzv``: each side's readings are the
frequent forms one skeleton edit away).
"""

from __future__ import annotations

from functools import lru_cache

from ..._native import kernel
from ...config import Policy
from .base import Candidate, CandidateKind, make_candidate, skeleton
from .index import CandidateIndex

_KERNEL = kernel("keytable")  # the compiled twin of SplitSource._frequent_near (with the index lookups), or None

__all__ = ["SplitSource"]

READINGS_MEMO = 20_000  # word ends whose frequent readings are remembered
SPLIT = CandidateKind.SPLIT  # (read once: a hot loop)


class SplitSource:
    """Proposes splits of one word over a candidate index. Read-only; safe to share."""

    def __init__(self, index: CandidateIndex, policy: Policy):
        self.index = index
        self.lexicon = index.lexicon
        self.policy = policy
        # Cached: the same word ends turn up in many glued words.
        self._readings = lru_cache(maxsize=READINGS_MEMO)(self._frequent_near)

    def candidates(self, word: str) -> list[Candidate]:
        """Two frequent words written together: ``bizidəstəkləyən``; a
        function word and a well-formed inflection (``qohumluğunagörə``); or
        together and garbled (``bütünüzy`` → ``bütün üzv``)."""
        forms = self.lexicon.forms
        policy = self.policy
        exact_min, min_count, function_count = (policy.exact_split_min_count, policy.split_min_count,
                                                policy.function_word_count)
        function_part, readings = policy.function_split_min_length, self._readings
        out = []
        for cut in range(1, len(word) - 1):  # a one-letter left word only as written (ozaman: o zaman)
            left, right = word[:cut], word[cut:]
            left_count, right_count = forms.get(left, 0), forms.get(right, 0)
            if min(left_count, right_count) >= exact_min and max(left_count, right_count) >= min_count:
                # two attested words, one of them frequent: the prior and the
                # context weigh the rarer one
                out.append(make_candidate((f"{left} {right}", SPLIT)))
                continue
            if (max(left_count, right_count) >= function_count and min(len(left), len(right)) >= function_part
                    and self.lexicon.is_known_lower(right if left_count >= function_count else left)):
                # a function word glued to an inflection nobody has written
                # yet (qohumluğunagörə, çoxağırlığa): the prior weighs it
                out.append(make_candidate((f"{left} {right}", SPLIT)))
                continue
            # Glued and garbled: each side may be one cheap edit from a word
            # (bütünüzy → bütün üzv); the error model prices the whole.
            if len(left) < 2 or len(right) < 2:
                continue
            firsts = ((left,) if left_count >= min_count else ()) + readings(left)
            seconds = ((right,) if right_count >= min_count else ()) + readings(right)
            out += [make_candidate((f"{first} {second}", SPLIT)) for first in firsts for second in seconds]
        return out

    def _frequent_near(self, part: str) -> tuple[str, ...]:
        """The most frequent forms one skeleton edit from ``part``: how one
        side of a glued pair may have been meant."""
        forms, index = self.lexicon.forms, self.index
        min_count = self.policy.split_min_count
        by_skeleton, by_delete = index.form_skeletons, index.form_deletes
        if by_skeleton.compiled is not None and by_delete.compiled is not None:
            return _KERNEL.frequent_near(skeleton(part), part, by_skeleton.compiled, by_delete.compiled,
                                         index.form_counts, min_count, self.policy.split_readings)
        same, near = index.near_keys(skeleton(part), by_skeleton, by_delete)
        frequent = [w for w in same | near if w != part and forms.get(w, 0) >= min_count]
        frequent.sort(key=lambda w: (-forms[w], w))
        return tuple(frequent[:self.policy.split_readings])
