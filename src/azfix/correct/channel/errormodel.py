"""The error model: how cheaply can a correct word turn into the text we see?

A weighted Damerau–Levenshtein distance. Each edit has a cost in "typo
units" (1.0 = an arbitrary letter inserted, dropped or replaced):

- a lost or swapped diacritic (``ə``→``e``, ``ı``→``i``, ``ş``→``s`` …) is
  cheapest: keyboards without Azerbaijani letters produce these wholesale;
- a doubled letter written once or a single letter doubled (``ziddiyət``);
- OCR confusions of Tesseract's Azerbaijani model (``ə``↔``a``, ``r``→``f``,
  ``d``→``l``, ``n``→``m``, ``y``→``v`` …), the documented ones plus those
  learnt from real OCR output beside its source (:func:`learn_confusions`,
  shipped as ``dictionaries/confusions.tsv``);
- neighbouring keys on the Azerbaijani QWERTY keyboard;
- transpositions of two adjacent letters.

The distance is symmetric in the sense that matters here: ``cost(observed,
intended)`` prices turning the intended word into the observed one. It only
measures; it never proposes words (that is :mod:`azfix.correct.candidates.index`).

>>> model = ErrorModel()
>>> model.cost("siyaset", "siyasət") < model.cost("siyasat", "siyasət") < model.cost("siyaxət", "siyasət")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Iterable

from ..._native import kernel
from ...config import Policy

_KERNEL = kernel("distance")  # the compiled twin of ErrorModel.reference_cost, or None

DIACRITIC_PAIRS = ["eə", "iı", "iü", "uü", "oö", "sş", "cç", "gğ", "ıu", "nñ", "aä"]
OCR_PAIRS = ["əa", "rf", "dl", "nm", "yv", "şy", "li", "bh", "rn", "ce", "üu", "öo", "ğg", "ıl", "tf", "ij"]
KEYBOARD_ROWS = ["qüertyuiopöğ", "asdfghjklıə", "zxcvbnmçş"]

CEDILLA_PAIRS = ["sş", "cç", "gğ"]


def _keyboard_neighbours() -> set[tuple[str, str]]:
    pairs = set()
    for row in KEYBOARD_ROWS:
        for a, b in zip(row, row[1:]):
            pairs |= {(a, b), (b, a)}
    for upper, lower in zip(KEYBOARD_ROWS, KEYBOARD_ROWS[1:]):
        for i, a in enumerate(lower):
            for b in upper[i:i + 2]:
                pairs |= {(a, b), (b, a)}
    return pairs


def _substitution_table(policy: Policy = Policy(), learnt: dict[tuple[str, str], float] | None = None,
                        ) -> dict[tuple[str, str], float]:
    table: dict[tuple[str, str], float] = {}
    for a, b in _keyboard_neighbours():
        table[(a, b)] = policy.keyboard_cost
    for a, b in OCR_PAIRS:
        table[(a, b)] = table[(b, a)] = policy.ocr_cost
    for key, cost in (learnt_confusions() if learnt is None else learnt).items():
        table[key] = min(table.get(key, policy.default_cost), cost)
    for a, b in DIACRITIC_PAIRS:
        table[(a, b)] = table[(b, a)] = policy.diacritic_cost
    for plain, marked in CEDILLA_PAIRS:
        # Keyboards and OCR lose a consonant's mark far more often than they
        # add one (François is not Francois misspelt); vowels go both ways
        # (vowel harmony slips: yönəlmış, Troykasi).
        table[(plain, marked)] = policy.added_mark_cost
    return table


def learnt_confusions() -> dict[tuple[str, str], float]:
    """The OCR confusion costs shipped in dictionaries/confusions.tsv (empty if absent)."""
    from ...data.lexicon import dictionaries_path, read_data_lines

    path = dictionaries_path() / "confusions.tsv"
    if not path.exists():
        return {}
    costs = {}
    for line in read_data_lines(path):
        intended, observed, _count, cost = line.split("\t")
        costs[(intended, observed)] = float(cost)
    return costs


def learn_confusions(pairs: Iterable[tuple[str, str]], min_count: int = 3) -> dict[tuple[str, str], int]:
    """Count letter substitutions (intended, observed) between OCR words and their true words.

    ``pairs`` are (observed text, true text) of the same page. Words are
    aligned with difflib; in word pairs at most two edits apart the letter
    substitutions are counted. Used by :mod:`azfix.build.dictionaries` on real Tesseract output.
    """
    import difflib

    from rapidfuzz.distance import Levenshtein

    counts: dict[tuple[str, str], int] = {}
    for observed_text, true_text in pairs:
        observed, truth = observed_text.split(), true_text.split()
        matcher = difflib.SequenceMatcher(None, observed, truth, autojunk=False)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op != "replace" or a1 - a0 != b1 - b0:
                continue
            for seen, meant in zip(observed[a0:a1], truth[b0:b1]):
                if Levenshtein.distance(seen, meant) > 2:
                    continue
                for kind, i, j in Levenshtein.editops(meant, seen):
                    if kind == "replace" and meant[i].isalpha() and seen[j].isalpha():
                        key = (meant[i], seen[j])
                        counts[key] = counts.get(key, 0) + 1
    return {key: n for key, n in counts.items() if n >= min_count}


def confusion_costs(counts: dict[tuple[str, str], int], letter_counts: dict[str, int],
                    policy: Policy = Policy()) -> dict[tuple[str, str], float]:
    """Costs for learnt substitutions: the likelier P(observed | intended), the cheaper.

    A confusion seen once in a thousand letters costs ``ocr_cost``; one seen once
    in twenty, ``diacritic_cost``; rarer ones are not given a special cost.
    """
    import math

    costs = {}
    for (intended, observed), n in counts.items():
        p = n / max(letter_counts.get(intended, 0), n)
        if p < 1e-3:
            continue
        scale = (math.log(p) - math.log(1e-3)) / (math.log(0.05) - math.log(1e-3))
        costs[(intended, observed)] = round(policy.ocr_cost - min(scale, 1.0) * (policy.ocr_cost - policy.diacritic_cost), 3)
    return costs


@dataclass(frozen=True)
class ErrorModel:
    """Edit costs; every weight can be overridden (``ErrorModel(substitutions=...)``).

    :meth:`cost` runs the compiled kernel (:mod:`azfix._native`) when it was
    built, else :meth:`reference_cost`, which defines it; the kernel copies the
    costs when the model is made (the table is read-only from then on).
    """

    substitutions: dict[tuple[str, str], float] = field(default_factory=_substitution_table)
    insert_cost: float = Policy.default_cost
    delete_cost: float = Policy.dropped_cost
    doubling_cost: float = Policy.doubling_cost
    transpose_cost: float = Policy.transpose_cost
    default_cost: float = Policy.default_cost  # a substitution the table does not price

    def __post_init__(self) -> None:
        compiled = None
        if _KERNEL is not None:
            compiled = _KERNEL.Distance(self.substitutions, self.insert_cost, self.delete_cost, self.doubling_cost,
                                        self.transpose_cost, self.default_cost).cost
        object.__setattr__(self, "_compiled", compiled)

    def __reduce__(self):
        # (the compiled kernel does not pickle: it is made again from the costs)
        return (type(self), tuple(getattr(self, f.name) for f in fields(self)))

    @classmethod
    def from_policy(cls, policy: Policy) -> "ErrorModel":
        """The error model with the costs of ``policy``."""
        return cls(_substitution_table(policy), policy.default_cost, policy.dropped_cost, policy.doubling_cost,
                   policy.transpose_cost, policy.default_cost)

    @classmethod
    def documented(cls, policy: Policy = Policy()) -> "ErrorModel":
        """The error model without the confusions learnt from OCR output: only the pairs this module writes down."""
        return cls(_substitution_table(policy, learnt={}), policy.default_cost, policy.dropped_cost,
                   policy.doubling_cost, policy.transpose_cost, policy.default_cost)

    def substitution(self, observed: str, intended: str) -> float:
        if observed == intended:
            return 0.0
        return self.substitutions.get((intended, observed), self.default_cost)

    def _indel(self, word: str, i: int, cost: float) -> float:
        """Cost of the letter word[i] being extra (or missing): cheap beside its twin."""
        ch = word[i]
        if (i > 0 and word[i - 1] == ch) or (i + 1 < len(word) and word[i + 1] == ch):
            return self.doubling_cost
        return cost

    def cost(self, observed: str, intended: str, cutoff: float = 99.0) -> float:
        """Weighted Damerau–Levenshtein cost of ``intended`` being written as ``observed``.

        Returns a value above ``cutoff`` as soon as every path exceeds it.
        """
        if self._compiled is not None:
            return self._compiled(observed, intended, cutoff)
        return self.reference_cost(observed, intended, cutoff)

    def reference_cost(self, observed: str, intended: str, cutoff: float = 99.0) -> float:
        """:meth:`cost` in pure Python: the definition the compiled kernel follows to the last bit."""
        n, m = len(observed), len(intended)
        observed_indel = [self._indel(observed, i, self.insert_cost) for i in range(n)]  # extra letters
        intended_indel = [self._indel(intended, j, self.delete_cost) for j in range(m)]  # missing letters
        # Letters both words share at the start and at the end align at no
        # cost: only the differing middle needs the dynamic programme (the
        # indel costs above were taken in the full words, so doubling still counts).
        start = 0
        while start < n and start < m and observed[start] == intended[start]:
            start += 1
        end = 0
        while end < n - start and end < m - start and observed[n - 1 - end] == intended[m - 1 - end]:
            end += 1
        # Keep two shared letters on each side: a cheap substitution next to
        # a doubled letter can beat aligning them (ümummlli/ümummilli).
        start, end = max(start - 2, 0), max(end - 2, 0)
        if start or end:
            observed, intended = observed[start:n - end], intended[start:m - end]
            observed_indel = observed_indel[start:n - end]
            intended_indel = intended_indel[start:m - end]
            n, m = len(observed), len(intended)
        substitutions = self.substitutions
        transpose = self.transpose_cost
        default_cost = self.default_cost
        previous2: list[float] | None = None
        previous = [0.0] * (m + 1)
        for j in range(1, m + 1):
            previous[j] = previous[j - 1] + intended_indel[j - 1]
        for i in range(1, n + 1):
            o = observed[i - 1]
            extra_cost = observed_indel[i - 1]
            current = [previous[0] + extra_cost] + [0.0] * m
            for j in range(1, m + 1):
                t = intended[j - 1]
                best = previous[j - 1] + (0.0 if o == t else substitutions.get((t, o), default_cost))
                extra = previous[j] + extra_cost  # o inserted
                if extra < best:
                    best = extra
                missing = current[j - 1] + intended_indel[j - 1]  # t dropped
                if missing < best:
                    best = missing
                if (
                    previous2 is not None and j > 1 and o != t
                    and o == intended[j - 2] and observed[i - 2] == t
                ):
                    swapped = previous2[j - 2] + transpose
                    if swapped < best:
                        best = swapped
                current[j] = best
            if min(current) > cutoff:
                return cutoff + 1.0
            previous2, previous = previous, current
        return previous[m]
