"""Context statistics: how likely is a word between its neighbours?

Word unigram and bigram counts over running text, with a backoff to the
unigram frequencies of the lexicon. The shipped statistics are built from
clean Azerbaijani news and Wikipedia text by :mod:`azfix.build`; users add
their own corpus with ``azfix train CORPUS -o STATS`` and load it with
``Cleaner(stats=STATS)``.

The score of a word ``w`` between ``prev`` and ``next`` is the smoothed
log-probability ``log P(w | prev) + log P(next | w)``, each term
interpolated with the unigram probability (Witten–Bell style, constant
``BACKOFF``). This module only measures; :mod:`azfix.correct` decides.

>>> stats = ContextStats.from_texts(["ən güclü ölkə", "ən güclü dövlət"])
>>> stats.bigram("ən", "güclü")
2
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .alphabet import az_lower
from .tokenize import TokenKind, iter_tokens

__all__ = ["ContextStats", "FORMAT_HEADER"]

FORMAT_HEADER = "# azfix context stats v1: kind word [word] count"
BACKOFF = 2.0
SENTENCE = "<s>"


def sentence_words(text: str) -> Iterable[list[str]]:
    """Lowercase word sequences of a text, cut at sentence punctuation and line breaks."""
    current: list[str] = []
    for token in iter_tokens(text):
        if token.kind in (TokenKind.WORD, TokenKind.ACRONYM, TokenKind.SUFFIXED):
            current.append(az_lower(token.text))
        elif token.kind is TokenKind.NUMBER:
            current.append("<num>")
        elif token.kind is TokenKind.NEWLINE or token.text in ".!?;:":
            if current:
                yield current
            current = []
    if current:
        yield current


@dataclass
class ContextStats:
    unigrams: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "ContextStats":
        stats = cls()
        for text in texts:
            stats.add_text(text)
        return stats

    def add_text(self, text: str) -> None:
        for words in sentence_words(text):
            padded = [SENTENCE, *words, SENTENCE]
            self.unigrams.update(words)
            self.bigrams.update(zip(padded, padded[1:]))

    def merge(self, other: "ContextStats") -> "ContextStats":
        return ContextStats(self.unigrams + other.unigrams, self.bigrams + other.bigrams)

    # -- queries -----------------------------------------------------------
    def unigram(self, word: str) -> int:
        return self.unigrams.get(word, 0)

    def bigram(self, first: str, second: str) -> int:
        return self.bigrams.get((first, second), 0)

    def conditional(self, word: str, given: str, prior: float) -> float:
        """Smoothed P(word | given), backing off to ``prior`` (a unigram probability)."""
        given_count = self.unigrams.get(given, 0) if given != SENTENCE else 0
        return (self.bigram(given, word) + BACKOFF * prior) / (given_count + BACKOFF)

    def log_score(self, prev: str, word: str, next_: str, prior_word: float, prior_next: float) -> float:
        return math.log(self.conditional(word, prev, prior_word)) + math.log(
            self.conditional(next_, word, prior_next)
        )

    # -- files -------------------------------------------------------------
    def save(self, path: Path, min_count: int = 1) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
            out.write(FORMAT_HEADER + "\n")
            for word, count in sorted(self.unigrams.items()):
                if count >= min_count:
                    out.write(f"1\t{word}\t{count}\n")
            for (a, b), count in sorted(self.bigrams.items()):
                if count >= min_count:
                    out.write(f"2\t{a}\t{b}\t{count}\n")

    @classmethod
    def load(cls, path: Path) -> "ContextStats":
        stats = cls()
        with gzip.open(path, "rt", encoding="utf-8") as src:
            header = src.readline().rstrip("\n")
            if header != FORMAT_HEADER:
                raise ValueError(f"{path} is not an azfix context statistics file (header {header!r})")
            for line in src:
                parts = line.rstrip("\n").split("\t")
                if parts[0] == "1":
                    stats.unigrams[parts[1]] = int(parts[2])
                else:
                    stats.bigrams[(parts[1], parts[2])] = int(parts[3])
        return stats
