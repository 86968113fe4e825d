"""One text being corrected: its tokens, its words, each word's neighbours within its sentence, and how its fixes will be written.

Sentence breaks are the marks ``. ! ? ; :`` and every line break; a word's
neighbours never cross one (a sentence edge is :data:`~azfix.data.stats.SENTENCE`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter

from ..data.stats import SENTENCE
from ..text.alphabet import AZERBAIJANI_ONLY_BOTH_CASES, az_lower, is_upper_word
from ..text.tokenize import Token, TokenKind

__all__ = ["Page", "WORDLIKE", "case_sources", "is_ascii_typed", "neighbours", "same_sentence"]


def is_ascii_typed(tokens: list[Token], words: list[int], min_letters: int, max_share: float) -> bool:
    """True for a text typed without Azerbaijani letters (``words``: the indices of its word-like tokens).

    In ordinary Azerbaijani about one letter in eight is one of ``əıöüşçğ``;
    a long text with almost none was typed on a keyboard without them.
    """
    word = TokenKind.WORD
    joined = "".join([token.text for token in map(tokens.__getitem__, words) if token.kind is word])
    letters = len(joined)
    specific = sum(map(joined.count, AZERBAIJANI_ONLY_BOTH_CASES))
    return letters >= min_letters and specific <= max_share * letters


WORDLIKE = (TokenKind.WORD, TokenKind.ACRONYM, TokenKind.SUFFIXED, TokenKind.NUMBER)
_BREAKS = frozenset(".!?;:\n")
# the texts of the tokens that break a sentence: the marks above and every
# newline token (the tokenizer gives each line break a token of its own)
_BREAK_TEXTS = _BREAKS | frozenset(("\r\n", "\r", "\v", "\f", "\x85", "\u2028", "\u2029"))


@dataclass(slots=True)
class Page:
    """One text being corrected: its tokens, its words and what is known of them."""

    tokens: list[Token]
    words: list[int]                 # indices of the word-like tokens
    lowered: dict[int, str]          # token index → lowercased text
    before: list[str]                # the previous word of each word in its sentence
    after: list[str]                 # the next one
    ascii_typed: bool
    repeating: frozenset[str]        # unknown words the text repeats (its own terms)
    renamed: dict[str, str]          # names with a misharmonised ending → mended (rules.names),
                                     # and common words with a hyphenated ending → joined (rules.hyphens)
    merged: set[int]                 # edges of the merges' spans
    written: dict[int, list[str]] = field(default_factory=dict)  # word → its fix's words
    merges: list = field(default_factory=list)  # the merges' edits (made before any word is decided)
    has_schwa: bool | None = None  # does the text write ə anywhere? (asked on the first fix: see rules.foreign_context)
    span_bounds: list[int] | None = None  # tokens that end a sentence or a quotation (likewise)
    foreign: dict[int, bool] = field(default_factory=dict)  # span (its first bound) → written in another language?

    def is_merged(self, i: int) -> bool:
        return self.tokens[i].start in self.merged or self.tokens[i].end in self.merged

    def written_word(self, n: int, part: int) -> str:
        """Word ``n`` as it will be written (``part`` of a split: 0 first, -1 last)."""
        return self.written[n][part] if n in self.written else self.tokens[self.words[n]].text

    def near_words(self, n: int, before: str | None, after: str | None) -> list[str]:
        """The words up to two places either side of word ``n``, within its sentence."""
        tokens, words = self.tokens, self.words
        near = []
        if before is not None:
            near.append(before)
            if n >= 2 and same_sentence(tokens, words[n - 2], words[n - 1]):
                near.append(self.written_word(n - 2, -1))
        if after is not None:
            near.append(after)
            if n + 2 < len(words) and same_sentence(tokens, words[n + 1], words[n + 2]):
                near.append(self.written_word(n + 2, 0))
        return near


def neighbours(tokens: list[Token], words: list[int], lowered: dict) -> tuple[list[str], list[str]]:
    """(previous, next) word of every word within its sentence, else the sentence mark."""
    # breaks[i]: how many line breaks and sentence marks tokens[0..i] hold
    breaks = list(accumulate(map(_BREAK_TEXTS.__contains__, map(itemgetter(1), tokens))))
    names = ["<num>" if tokens[i].kind is TokenKind.NUMBER else lowered[i] for i in words]
    before = [SENTENCE] * len(words)
    after = [SENTENCE] * len(words)
    for n in range(1, len(words)):
        if breaks[words[n]] == breaks[words[n - 1]]:
            before[n] = names[n - 1]
            after[n - 1] = names[n]
    return before, after


def same_sentence(tokens: list[Token], i: int, j: int) -> bool:
    """True if no line break or sentence mark lies between tokens i < j."""
    return not any(t.kind is TokenKind.NEWLINE or t.text in _BREAKS for t in tokens[i + 1:j])


def case_sources(original: str, replacement: str) -> list[tuple[str, str]]:
    """Pair each word of a (possibly split) replacement with the case model to copy."""
    parts = replacement.split(" ")
    if len(parts) == 1:
        return [(original, replacement)]
    first = original[: len(parts[0])]
    rest = original[len(parts[0]):] or original
    return [(first, parts[0])] + [(az_lower(rest) if not is_upper_word(original) else rest, p) for p in parts[1:]]
