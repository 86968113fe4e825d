"""Lossless tokenizer: text in, tokens with kinds and character offsets out.

Every character of the input belongs to exactly one token, so
``"".join(t.text for t in tokenize(text)) == text`` for any string, and each
token's ``start``/``end`` index the input. Later stages decide what to do with
a token; the tokenizer only says what shape it has. It never changes text.

Kinds (:class:`TokenKind`): ``word`` (letters, with inner hyphens or
apostrophes: ``sosial-iqtisadi``, ``Bakı'nın``), ``acronym`` (two or more
capitals: ``BMT``, ``AZƏRTAC``; an all-capitals headline word is an acronym
here too, the corrector decides), ``suffixed`` (a number or acronym with a
hyphenated suffix or number: ``2023-cü``, ``BMT-dən``, ``COVID-19``),
``number``, ``url``, ``email``, ``abbreviation`` (a short lowercase
abbreviation with its dot: ``km.``, ``prof.``), ``punct``, ``space``,
``newline``, ``other`` (anything else: emoji, symbols, stray marks).

>>> [(t.kind.value, t.text) for t in tokenize("BMT-dən 2 km. yol")]
[('suffixed', 'BMT-dən'), ('space', ' '), ('number', '2'), ('space', ' '), ('abbreviation', 'km.'), ('space', ' '), ('word', 'yol')]
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterator

import regex

from .alphabet import az_lower

__all__ = ["Token", "TokenKind", "tokenize", "words"]


class TokenKind(str, enum.Enum):
    WORD = "word"
    ACRONYM = "acronym"
    SUFFIXED = "suffixed"
    NUMBER = "number"
    URL = "url"
    EMAIL = "email"
    ABBREVIATION = "abbreviation"
    PUNCT = "punct"
    SPACE = "space"
    NEWLINE = "newline"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.kind in (TokenKind.WORD, TokenKind.ACRONYM)


# Short abbreviations written with a dot in Azerbaijani news text. They are
# tokenised with their dot so that the dot is not mistaken for a sentence end.
ABBREVIATIONS = frozenset(
    "km sm mm kq qr ml dəq prof dos akad dr red müəl məs səh mln mlrd kv".split()
)

_APOSTROPHES = "'’ʼ`"
_HYPHENS = "-‐‑"
_LETTER = r"[\p{L}\p{M}]"
_UPPER = r"[\p{Lu}]"

_PATTERN = regex.compile(
    rf"""
    (?P<url>(?:https?://|ftp://|www\.)[^\s<>"'«»]+[^\s<>"'«».,;:!?)\]}}]
        |\b[\w-]+(?:\.[\w-]+)*\.(?:az|com|org|net|ru|tr|gov|edu|info|io)(?:/[^\s<>"'«»]*[^\s<>"'«».,;:!?)\]}}])?(?![\w.]*\w))
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\p{{L}}{{2,}})
  | (?P<suffixed>(?:\d+(?:[.,]\d+)*|{_UPPER}{{2,}}[\p{{Lu}}\d]*)(?:[{_HYPHENS}{_APOSTROPHES}](?:{_LETTER}+|\d+)(?![\w]))+)
  | (?P<number>\d+(?:[.,:/]\d+)*)
  | (?P<acronym>{_UPPER}{{2,}}(?!{_LETTER})(?:\d+)?)
  | (?P<word>{_LETTER}+(?:[{_HYPHENS}{_APOSTROPHES}]{_LETTER}+)*)
  | (?P<newline>\r\n|[\n\r\v\f\x85\u2028\u2029])
  | (?P<space>[^\S\n\r\v\f\x85\u2028\u2029]+)
  | (?P<punct>[\p{{P}}])
  | (?P<other>.)
    """,
    regex.VERBOSE | regex.DOTALL | regex.V1,
)

_KIND_OF_GROUP = {kind.value: kind for kind in TokenKind}


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that cover it exactly, in order."""
    return list(iter_tokens(text))


def iter_tokens(text: str) -> Iterator[Token]:
    pending: Token | None = None
    for match in _PATTERN.finditer(text):
        kind = _KIND_OF_GROUP[match.lastgroup]
        token = Token(kind, match.group(), match.start(), match.end())
        # "km." : a known abbreviation followed by its dot is one token.
        if (
            pending is not None
            and token.kind is TokenKind.PUNCT
            and token.text == "."
            and pending.kind is TokenKind.WORD
            and az_lower(pending.text) in ABBREVIATIONS
        ):
            yield Token(TokenKind.ABBREVIATION, pending.text + ".", pending.start, token.end)
            pending = None
            continue
        if pending is not None:
            yield pending
        pending = token
    if pending is not None:
        yield pending


def words(text: str) -> list[str]:
    """The word-like tokens of ``text`` (words and acronyms), in order."""
    return [t.text for t in iter_tokens(text) if t.is_word]
