"""How Azerbaijani does a letter string look? A character n-gram model of the lexicon.

An unknown word may be a correct word the lexicon lacks (a rare loan, a new
inflection) or a damaged word. Damage leaves marks that correct words do not
have: letter clusters the language never writes (``qapırnın``, ``səhralrda``,
``kpynəkli``), vowels side by side (``işlaəmək``). The model scores a
word by the average log-probability of its letters, each given the three
before it (interpolated with shorter histories), trained on the attested word
forms; :meth:`CharModel.plausibility` compares that with a typical word, and
:meth:`CharModel.oddest_letter` finds the one spot a typo leaves.

>>> model = CharModel(["kitab", "kitabı", "kitablar", "bazar", "bazarlar"])
>>> model.score("kitablar") > model.score("ktiablar")
True
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from pathlib import Path
from typing import Iterable

from ...data.keytable import word_list_fingerprint

__all__ = ["CharModel"]

ORDER = 4  # a letter given the three before it
WEIGHTS = (0.05, 0.15, 0.3, 0.5)  # interpolation weights, history length 0 to 3
FLOOR = 0.01  # probability mass spread evenly over the alphabet
BOUNDARY_START, BOUNDARY_END = "^", "$"
TYPICAL_SAMPLE = 2000  # words scored to find the typical score
_FORMAT = "# azfix letter model v2"


class CharModel:
    """A letter 4-gram model over word types. Read-only once built; safe to share."""

    def __init__(self, words: Iterable[str]):
        words = [word for word in words if word.isalpha()]
        grams: Counter = Counter()
        pad = BOUNDARY_START * (ORDER - 1)
        for word in words:
            padded = pad + word + BOUNDARY_END
            grams.update(padded[i - ORDER + 1:i + 1] for i in range(ORDER - 1, len(padded)))
        # counts of every n-gram (n = 1..ORDER) ending at a letter, and of its history
        self.counts: Counter = Counter()
        self.histories: Counter = Counter()
        for gram, count in grams.items():
            for n in range(1, ORDER + 1):
                self.counts[gram[-n:]] += count
                self.histories[gram[-n:-1]] += count
        self.alphabet_size = len({gram[-1] for gram in grams}) or 1
        # what a typical word scores: the median over an even sample of the words
        step = max(1, len(words) // TYPICAL_SAMPLE)
        scores = sorted(self.score(word) for word in words[::step])
        self.typical = scores[len(scores) // 2] if scores else 0.0

    # -- files -------------------------------------------------------------
    # azfix.build.dictionaries saves the model of the shipped forms, so that no process
    # has to count them again (half a second); the header names the word
    # list it was counted from, and a model of other words is not used.
    def save(self, path: Path, words: Iterable[str]) -> None:
        """Write the counts (gzip, reproducible): a header line, then each table as two lines, its
        n-grams and their counts (tab-separated, sorted), which :meth:`load` reads in one pass each."""
        header = f"{_FORMAT}\t{word_list_fingerprint(words)}\t{self.typical!r}\t{self.alphabet_size}"
        lines = [header]
        for table in (self.counts, self.histories):
            grams = sorted(table)
            lines += ["\t".join(grams), "\t".join(str(table[gram]) for gram in grams)]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        Path(path).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))

    @classmethod
    def load(cls, path: Path, words: Iterable[str]) -> "CharModel | None":
        """The model saved at ``path`` if it was counted from ``words``, else None."""
        path = Path(path)
        if not path.is_file():
            return None
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
        fields = lines[0].split("\t")
        if (fields[0] != _FORMAT or len(fields) != 4 or len(lines) != 6
                or fields[1] != word_list_fingerprint(words)):
            return None
        model = cls.__new__(cls)
        model.counts, model.histories = _read_table(*lines[1:3]), _read_table(*lines[3:5])
        model.typical, model.alphabet_size = float(fields[2]), int(fields[3])
        return model

    def letter_logprobs(self, word: str) -> list[float]:
        """Natural-log probability of each letter given the ones before it (and of the word end)."""
        padded = BOUNDARY_START * (ORDER - 1) + word + BOUNDARY_END
        counts, histories = self.counts, self.histories
        floor = FLOOR / self.alphabet_size
        out = []
        for i in range(ORDER - 1, len(padded)):
            p = floor
            for n, weight in enumerate(WEIGHTS):
                seen = histories.get(padded[i - n:i])
                if seen:
                    p += weight * counts.get(padded[i - n:i + 1], 0) / seen
            out.append(math.log(p))
        return out

    def score(self, word: str) -> float:
        """Average log-probability per letter (the word end counts as one)."""
        return sum(self.letter_logprobs(word)) / (len(word) + 1)

    def looks(self, word: str) -> tuple[float, float]:
        """(:meth:`plausibility`, :meth:`oddest_letter`) from one pass over the letters."""
        logprobs = self.letter_logprobs(word)
        return (sum(logprobs) / len(logprobs) - self.typical) * len(logprobs), min(logprobs)

    def plausibility(self, word: str) -> float:
        """Log-likelihood of ``word`` against a typical word of its length
        (0 for a typical word, negative for an odd-looking one)."""
        return self.looks(word)[0]

    def oddest_letter(self, word: str) -> float:
        """The lowest log-probability of any letter of ``word``: damage is
        local, and one near-impossible spot (the ``lrd`` of ``səhralrda``) is its mark."""
        return self.looks(word)[1]


def _read_table(grams: str, counts: str) -> Counter:
    """A table of counts from its two lines (an empty table's counts line is empty)."""
    return Counter(dict(zip(grams.split("\t"), map(int, counts.split("\t"))))) if counts else Counter()
