"""Class context: what the kind of a word's neighbours says about the word.

Bigram statistics from a few hundred thousand words rarely hold the exact
pair a real-word error breaks (``hələ de yaşayır``: no ``hələ də``, no ``də
yaşayır``). The kind of the neighbours generalises: ``isə`` follows a
noun in the nominative and opens a clause, ``işə`` (dative of ``iş``) is
followed by a verb; ``yeni`` comes before a noun, ``yəni`` before anything.
A word's class here is what the morphology says of it: the last suffix of
its likeliest analysis (stem count times suffix shares: ``olmasının`` is
``ol+ma+sı+nın``, a genitive, not the lexicalised ``olmasın``) (a case such as ``LOC``, a tense such as ``PST``, a
person ending such as ``3PL``, ``CVB.ARAQ``), else its part of speech
(``noun``, ``adv``); a number is ``NUM``, a sentence edge ``#``, an unknown
word ``UNK``. (Grouping the suffixes by role, finite verb or noun phrase,
was measured and fixed fewer errors.)

For each word the classes of the words seen after it and before it are
counted from the bigram statistics (once per word, on demand; the classes
of the shipped statistics' words are worked out by the build and read from
``dictionaries/classes.tsv``, so classing a neighbour is a lookup), and
:meth:`ClassContext.preference` compares two words standing between the
same neighbours: the log odds the neighbours' classes give one over the
other. Both distributions are smoothed towards their pooled distribution,
so a word seen a few times says little.

>>> from azfix.data.stats import ContextStats
>>> stats = ContextStats.from_texts(["o işə getdi", "biz işə gəldik", "o isə bilir", "biz isə qalırıq"])
>>> kinds = {"getdi": "PST", "gəldik": "PST", "yazdı": "PST", "bilir": "AOR", "qalırıq": "AOR"}
>>> context = ClassContext(stats, lambda word: kinds.get(word, "UNK"))
>>> context.preference("sən", "işə", "isə", "yazdı") > 0  # yazdı is a past tense, like getdi
True
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ...data.stats import SENTENCE, ContextStats
from ...config import Policy
from ..memo import TypeCache

__all__ = ["ClassContext", "load_word_classes", "morphological_class", "save_word_classes"]

MAX_REMEMBERED = 20_000  # entries each memo keeps (oldest go first)


def morphological_class(analyze: Callable[[str, int], list], weigh: Callable[[object], float] | None = None,
                        policy: Policy = Policy(),
                        known: Callable[[], Mapping[str, str]] | None = None) -> Callable[[str], str]:
    """A word's class from its likeliest analysis (by ``weigh``, among the
    first ``policy.class_readings``; else the first): its last suffix, else
    its part of speech. ``analyze(word, limit)`` gives the first ``limit``
    analyses; ``known``, called on the first question, the classes already
    worked out (:func:`load_word_classes`)."""
    table: Mapping[str, str] | None = None

    def word_class(word: str) -> str:
        nonlocal table
        if table is None:
            table = known() if known is not None else {}
        found = table.get(word)
        if found is not None:
            return found
        if word == SENTENCE:
            return "#"
        if word == "<num>" or word[:1].isdigit():
            return "NUM"
        analyses = analyze(word, policy.class_readings if weigh else 1)
        if not analyses:
            return "UNK"
        best = max(analyses, key=weigh) if weigh else analyses[0]
        return best.suffixes[-1][0] if best.suffixes else best.pos

    return word_class


def _classes_header(policy: Policy) -> str:
    """The first line of a classes file: its format and the one Policy field the classes depend on."""
    return f"# azfix word classes v1: word class (class_readings {policy.class_readings})"


def save_word_classes(path: Path, words: Iterable[str], word_class: Callable[[str], str], policy: Policy) -> int:
    """Write the class of each of ``words`` to ``path`` (what the build ships); return the rows written."""
    rows = [f"{word}\t{word_class(word)}" for word in sorted(set(words))]
    Path(path).write_text(_classes_header(policy) + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return len(rows)


def load_word_classes(path: Path, policy: Policy) -> dict[str, str]:
    """The classes saved at ``path`` if they were worked out as ``policy`` works them out, else none."""
    path = Path(path)
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0] != _classes_header(policy):
        return {}
    return dict(line.split("\t") for line in lines[1:] if line)


class ClassContext:
    """Counts of the classes of the words next to each word (see the module)."""

    def __init__(self, stats: ContextStats, word_class: Callable[[str], str], policy: Policy = Policy()):
        self._stats = stats
        self._max_preference = policy.class_max_preference
        self._smoothing = policy.class_smoothing
        self._max_fit = policy.class_max_fit
        self.word_class = lru_cache(maxsize=50_000)(word_class)  # the statistics hold ~21k words
        self._lock = threading.Lock()
        self._after: dict[str, tuple[tuple[str, int], ...]] | None = None
        self._before: dict[str, tuple[tuple[str, int], ...]] | None = None
        self.right = TypeCache(self._right_of, maxsize=MAX_REMEMBERED)
        self.left = TypeCache(self._left_of, maxsize=MAX_REMEMBERED)
        self._preference = TypeCache(self._preference_of, maxsize=MAX_REMEMBERED)

    def _neighbours(self) -> tuple[dict, dict]:
        if self._after is None:
            with self._lock:
                if self._after is None:
                    after, before = defaultdict(list), defaultdict(list)
                    for (first, second), count in self._stats.bigrams.items():
                        after[first].append((second, count))
                        before[second].append((first, count))
                    # Tuples, not lists: the collector stops tracking a tuple of
                    # strings and numbers, so these do not slow every collection.
                    self._before = {word: tuple(pairs) for word, pairs in before.items()}
                    self._after = {word: tuple(pairs) for word, pairs in after.items()}
        return self._after, self._before

    def _right_of(self, word: str) -> tuple[Counter, int]:
        """Classes of the words seen after ``word`` with their counts, and their total."""
        return self._classes(self._neighbours()[0].get(word, ()))

    def _left_of(self, word: str) -> tuple[Counter, int]:
        """Classes of the words seen before ``word`` with their counts, and their total."""
        return self._classes(self._neighbours()[1].get(word, ()))

    def _classes(self, neighbours) -> tuple[Counter, int]:
        counts: Counter = Counter()
        word_class = self.word_class
        for neighbour, count in neighbours:
            counts[word_class(neighbour)] += count
        return counts, sum(counts.values())

    def preference(self, prev: str, candidate: str, word: str, next_: str) -> float:
        """Log odds the classes of ``prev`` and ``next_`` give ``candidate`` over ``word``."""
        return self._preference(candidate, word, self.word_class(prev), self.word_class(next_))

    def _preference_of(self, candidate: str, word: str, prev_class: str, next_class: str) -> float:
        score = 0.0
        for table, kind in ((self.left, prev_class), (self.right, next_class)):
            ours, theirs = self._fit(table, kind, (candidate, word))
            score += max(-self._max_preference, min(self._max_preference, ours - theirs))
        return score

    def fits(self, prev_class: str, words: tuple[str, ...], next_class: str) -> list[float]:
        """For each of ``words`` standing between neighbours of these classes,
        the log odds the classes give it against the words' pooled
        distribution (0 for a word the statistics never saw)."""
        scores = [0.0] * len(words)
        for table, kind in ((self.left, prev_class), (self.right, next_class)):
            for n, fit in enumerate(self._fit(table, kind, words)):
                scores[n] += max(-self._max_fit, min(self._max_fit, fit))
        return scores

    def _fit(self, table, kind: str, words: tuple[str, ...]) -> list[float]:
        """log P(kind | word) / P(kind | any of the words) on one side, smoothed
        towards the pooled distribution; 0 unless two of the words were seen."""
        counts, totals = zip(*(table(word) for word in words))
        seen = [c for c, total in zip(counts, totals) if total]
        if len(seen) < 2:
            return [0.0] * len(words)
        classes = set().union(*seen)
        pooled = (sum(c[kind] for c in seen) + 1) / (sum(totals) + len(classes))
        smoothing = self._smoothing
        return [math.log((c[kind] + smoothing * pooled) / (total + smoothing) / pooled) if total else 0.0
                for c, total in zip(counts, totals)]
