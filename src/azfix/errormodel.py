"""The error model: how cheaply can a correct word turn into the text we see?

A weighted Damerau–Levenshtein distance. Each edit has a cost in "typo
units" (1.0 = an arbitrary letter inserted, dropped or replaced):

- a lost or swapped diacritic (``ə``→``e``, ``ı``→``i``, ``ş``→``s`` …) is
  cheapest: keyboards without Azerbaijani letters produce these wholesale;
- a doubled letter written once or a single letter doubled (``ziddiyət``);
- OCR confusions of Tesseract's Azerbaijani model (``ə``↔``a``, ``r``→``f``,
  ``d``→``l``, ``n``→``m``, ``y``→``v``, ``rn``/``m`` …);
- neighbouring keys on the Azerbaijani QWERTY keyboard;
- transpositions of two adjacent letters.

The distance is symmetric in the sense that matters here: ``cost(observed,
intended)`` prices turning the intended word into the observed one. It only
measures; it never proposes words (that is :mod:`azfix.candidates`).

>>> model = ErrorModel()
>>> model.cost("siyaset", "siyasət") < model.cost("siyasat", "siyasət") < model.cost("siyaxət", "siyasət")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

DIACRITIC_PAIRS = ["eə", "iı", "iü", "uü", "oö", "sş", "cç", "gğ", "ıu", "nñ", "aä"]
OCR_PAIRS = ["əa", "rf", "dl", "nm", "yv", "şy", "li", "bh", "rn", "ce", "üu", "öo", "ğg", "ıl", "tf", "ij"]
KEYBOARD_ROWS = ["qüertyuiopöğ", "asdfghjklıə", "zxcvbnmçş"]

DIACRITIC_COST = 0.25
DOUBLING_COST = 0.4
OCR_COST = 0.55
KEYBOARD_COST = 0.75
TRANSPOSE_COST = 0.7
DEFAULT_COST = 1.0


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


def _substitution_table() -> dict[tuple[str, str], float]:
    table: dict[tuple[str, str], float] = {}
    for a, b in _keyboard_neighbours():
        table[(a, b)] = KEYBOARD_COST
    for a, b in OCR_PAIRS:
        table[(a, b)] = table[(b, a)] = OCR_COST
    for a, b in DIACRITIC_PAIRS:
        table[(a, b)] = table[(b, a)] = DIACRITIC_COST
    return table


@dataclass(frozen=True)
class ErrorModel:
    """Edit costs; every weight can be overridden (``ErrorModel(substitutions=...)``)."""

    substitutions: dict[tuple[str, str], float] = field(default_factory=_substitution_table)
    insert_cost: float = DEFAULT_COST
    delete_cost: float = DEFAULT_COST
    doubling_cost: float = DOUBLING_COST
    transpose_cost: float = TRANSPOSE_COST

    def substitution(self, observed: str, intended: str) -> float:
        if observed == intended:
            return 0.0
        return self.substitutions.get((intended, observed), DEFAULT_COST)

    def _indel(self, word: str, i: int) -> float:
        """Cost of the letter word[i] being extra (or missing): cheap beside its twin."""
        ch = word[i]
        if (i > 0 and word[i - 1] == ch) or (i + 1 < len(word) and word[i + 1] == ch):
            return self.doubling_cost
        return self.insert_cost

    def cost(self, observed: str, intended: str, cutoff: float = 99.0) -> float:
        """Weighted Damerau–Levenshtein cost of ``intended`` being written as ``observed``.

        Returns a value above ``cutoff`` as soon as every path exceeds it.
        """
        n, m = len(observed), len(intended)
        observed_indel = [self._indel(observed, i) for i in range(n)]
        intended_indel = [self._indel(intended, j) for j in range(m)]
        substitutions = self.substitutions
        transpose = self.transpose_cost
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
                best = previous[j - 1] + (0.0 if o == t else substitutions.get((t, o), DEFAULT_COST))
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
