"""Context statistics: how likely is a word between its neighbours?

Word unigram and bigram counts over running text, with a backoff to the
unigram frequencies of the lexicon. The shipped statistics are built from
clean Azerbaijani news and Wikipedia text by :mod:`azfix.build.dictionaries`; users add
their own corpus with ``azfix train CORPUS -o STATS`` and load it with
``Cleaner(stats=STATS)``.

The score of a word ``w`` between ``prev`` and ``next`` is the smoothed
``log P(w | prev) / P(w) + log P(next | w) / P(next)``, each conditional
interpolated with the unigram probability (additive backoff with weight
``Policy.context_backoff``), divided by the unigram probability so that the context only
says how much the neighbours raise or lower the odds. This module only measures; :mod:`azfix.correct.corrector` decides.

>>> stats = ContextStats.from_texts(["ən güclü ölkə", "ən güclü dövlət"])
>>> stats.bigram("ən", "güclü")
2
"""

from __future__ import annotations

import gzip
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..text.alphabet import az_lower
from ..text.tokenize import TokenKind, iter_tokens

__all__ = ["ContextStats", "FoldedPairs", "FORMAT_HEADER", "smoothed"]

FORMAT_HEADER = "# azfix context stats v2: 1 word count | 2 word word count | C word capitalised inside-sentence"
SENTENCE = "<s>"


def sentence_words(text: str, capitals: Counter | None = None, middles: Counter | None = None) -> Iterable[list[str]]:
    """Lowercase word sequences of a text, cut at sentence punctuation and line breaks.

    With ``capitals`` and ``middles``, also counts for each word how often it
    stands inside a sentence, and how often it is capitalised there (names are).
    """
    current: list[str] = []
    for token in iter_tokens(text):
        if token.kind in (TokenKind.WORD, TokenKind.ACRONYM, TokenKind.SUFFIXED):
            lower = az_lower(token.text)
            if middles is not None and current and token.kind is TokenKind.WORD:
                middles[lower] += 1
                if token.text[:1].isupper():
                    capitals[lower] += 1
            current.append(lower)
        elif token.kind is TokenKind.NUMBER:
            current.append("<num>")
        elif token.kind is TokenKind.NEWLINE or token.text in ".!?;:":
            if current:
                yield current
            current = []
    if current:
        yield current


def smoothed(count: int, given_count: int, prior: float, backoff: float, discount: float) -> float:
    """P(w | neighbour) from the pair's count and the neighbour's, discounted
    by ``discount`` and backed off to ``prior`` (P(w)) with ``backoff`` pseudo-counts."""
    return (max(count - discount, 0.0) + backoff * prior) / (given_count + backoff)


@dataclass
class ContextStats:
    unigrams: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)
    capitals: Counter = field(default_factory=Counter)  # capitalised inside a sentence
    middles: Counter = field(default_factory=Counter)  # seen inside a sentence
    _folded: "FoldedPairs | None" = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "ContextStats":
        stats = cls()
        for text in texts:
            stats.add_text(text)
        return stats

    def add_text(self, text: str) -> None:
        for words in sentence_words(text, self.capitals, self.middles):
            padded = [SENTENCE, *words, SENTENCE]
            self.unigrams.update(words)
            self.bigrams.update(zip(padded, padded[1:]))

    def merge(self, other: "ContextStats") -> "ContextStats":
        return ContextStats(self.unigrams + other.unigrams, self.bigrams + other.bigrams,
                            self.capitals + other.capitals, self.middles + other.middles)

    def capitalised_share(self, word: str) -> float | None:
        """How often ``word`` is capitalised inside sentences (None: never seen there)."""
        seen = self.middles.get(word, 0)
        return self.capitals.get(word, 0) / seen if seen else None

    # -- queries -----------------------------------------------------------
    def unigram(self, word: str) -> int:
        return self.unigrams.get(word, 0)

    def bigram(self, first: str, second: str) -> int:
        return self.bigrams.get((first, second), 0)

    @property
    def sentence_end_rate(self) -> float:
        """P(<s> follows a word): sentences per word."""
        words = sum(self.unigrams.values()) or 1
        ends = sum(count for (_, second), count in self.bigrams.items() if second == SENTENCE)
        return max(ends / words, 1e-3)

    def folded(self, fold: Callable[[str], str]) -> "FoldedPairs":
        """The bigram counts with one word of each pair folded by ``fold`` (built once)."""
        if self._folded is None or self._folded.fold is not fold:
            self._folded = FoldedPairs(self, fold)
        return self._folded

    # -- files -------------------------------------------------------------
    def save(self, path: Path, min_count: int = 1) -> None:
        # No name and mtime 0 in the gzip header: the same counts give the same bytes.
        with open(path, "wb") as file, \
                gzip.GzipFile(filename="", mode="wb", fileobj=file, compresslevel=9, mtime=0) as raw, \
                io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as out:
            out.write(FORMAT_HEADER + "\n")
            for word, count in sorted(self.unigrams.items()):
                if count >= min_count:
                    out.write(f"1\t{word}\t{count}\n")
            for (a, b), count in sorted(self.bigrams.items()):
                if count >= min_count:
                    out.write(f"2\t{a}\t{b}\t{count}\n")
            for word, seen in sorted(self.middles.items()):
                out.write(f"C\t{word}\t{self.capitals.get(word, 0)}\t{seen}\n")

    @classmethod
    def load(cls, path: Path) -> "ContextStats":
        stats = cls()
        lines = gzip.decompress(Path(path).read_bytes()).decode("utf-8").split("\n")
        header = lines[0]
        if header != FORMAT_HEADER:
            raise ValueError(f"{path} is not an azfix context statistics file (header {header!r})")
        unigrams, bigrams, capitals, middles = stats.unigrams, stats.bigrams, stats.capitals, stats.middles
        for line in lines[1:]:
            parts = line.split("\t")
            kind = parts[0]
            if kind == "2":
                bigrams[(parts[1], parts[2])] = int(parts[3])
            elif kind == "1":
                unigrams[parts[1]] = int(parts[2])
            elif kind == "C":
                if parts[2] != "0":
                    capitals[parts[1]] = int(parts[2])
                middles[parts[1]] = int(parts[3])
        return stats


class FoldedPairs:
    """Bigram counts for text whose words lost their diacritics.

    In text typed without Azerbaijani letters the neighbours of a word are
    as damaged as the word: ``kendin adi`` has no attested pair, but with the
    neighbour folded to its skeleton (``kendin`` ← ``kəndin``) the clean
    counts say which twin (``adı``, ``adi``) stands there. ``before`` counts a
    folded word followed by an exact one, ``after`` an exact word followed
    by a folded one; ``unigrams`` counts the folded words.

    >>> stats = ContextStats.from_texts(["kəndin adı", "kəndin adı"])
    >>> pairs = FoldedPairs(stats, lambda w: w.replace("ə", "e").replace("ı", "i"))
    >>> pairs.before[("kendin", "adı")], pairs.after[("kəndin", "adi")]
    (2, 2)
    """

    def __init__(self, stats: ContextStats, fold: Callable[[str], str]):
        self.fold = fold
        self.before: Counter = Counter()
        self.after: Counter = Counter()
        self.unigrams: Counter = Counter()
        folded: dict[str, str] = {}

        def folded_word(word: str) -> str:  # each word folded once
            key = folded.get(word)
            if key is None:
                key = folded[word] = fold(word)
            return key

        for word, count in stats.unigrams.items():
            self.unigrams[folded_word(word)] += count
        for (first, second), count in stats.bigrams.items():
            self.before[(folded_word(first), second)] += count
            self.after[(first, folded_word(second))] += count
