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
``number``, ``url`` (also a ``data:`` URI), ``email``, ``code`` (sixteen or more
ASCII letters and digits mixed, with ``+ / _ - =``: base64, hashes, keys, UUIDs),
``abbreviation`` (a short lowercase
abbreviation with its dot: ``km.``, ``prof.``), ``punct``, ``space``,
``newline``, ``other`` (anything else: emoji, symbols, stray marks).

>>> [(t.kind.value, t.text) for t in tokenize("BMT-dən 2 km. yol")]
[('suffixed', 'BMT-dən'), ('space', ' '), ('number', '2'), ('space', ' '), ('abbreviation', 'km.'), ('space', ' '), ('word', 'yol')]
"""

from __future__ import annotations

import enum
from typing import Iterator, NamedTuple

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
    CODE = "code"
    ABBREVIATION = "abbreviation"
    PUNCT = "punct"
    SPACE = "space"
    NEWLINE = "newline"
    OTHER = "other"


class Token(NamedTuple):
    """One token: its kind, its exact text and its span ``[start, end)`` of the input."""

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

# Labels, local parts and domain depth are bounded (DNS: 63, 64, a few levels)
# and the number of a suffixed code is atomic: no alternative rescans a long
# run of marks and letters from every position, so tokenizing stays linear.
_GENERAL_SOURCE = rf"""
    (?P<url>(?:https?://|ftp://|www\.)[^\s<>"'«»]+[^\s<>"'«».,;:!?)\]}}]
        |\b[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{0,8}}\.(?:az|com|org|net|ru|tr|gov|edu|info|io)(?:/[^\s<>"'«»]*[^\s<>"'«».,;:!?)\]}}])?(?![\w.]*\w)
        |data:[\w/+.-]{{1,100}};base64,[A-Za-z0-9+/]+=*)
  | (?P<email>[\w.+-]{{1,64}}@[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{0,8}}\.\p{{L}}{{2,}})
  | (?P<suffixed>(?>\d+(?:[.,:/]\d+)*|{_UPPER}{{2,}}[\p{{Lu}}\d]*)(?:[{_HYPHENS}{_APOSTROPHES}](?:{_LETTER}+|\d+)(?![\w]))+)
  | (?P<number>\d+(?:[.,:/]\d+)*)
  | (?P<acronym>{_UPPER}{{2,}}(?!{_LETTER})(?:\d+)?)
  | (?P<word>{_LETTER}+(?:[{_HYPHENS}{_APOSTROPHES}]{_LETTER}+)*)
  | (?P<newline>\r\n|[\n\r\v\f\x85\u2028\u2029])
  | (?P<space>[^\S\n\r\v\f\x85\u2028\u2029]+)
  | (?P<punct>[\p{{P}}])
  | (?P<other>.)
    """

# A word starting with a lowercase letter and not followed by anything that
# would make it part of a URL, an e-mail address or a suffixed code is a plain
# word: matching it first (atomically) skips the costlier alternatives. The
# result is the same as with the general pattern alone (a property test says so).
_PLAIN_WORD = (
    rf"(?P<word>(?>\p{{Ll}}[\p{{L}}\p{{M}}]*+(?:[{_HYPHENS}{_APOSTROPHES}][\p{{L}}\p{{M}}]++)*+)"
    rf"(?![\w@+.:/]|[{_HYPHENS}{_APOSTROPHES}]))"
)
# Spaces, and punctuation no other kind of token can start with, are matched
# first too: half the tokens of running text, each otherwise tried against
# every alternative before it.
_PLAIN_SPACE_OR_MARK = r"(?P<space>[^\S\n\r\v\f\x85\u2028\u2029]++) | (?P<punct>[,;:!?()«»\"“”„\[\]])"
_FLAGS = regex.VERBOSE | regex.DOTALL | regex.V1
_GENERAL = regex.compile(_GENERAL_SOURCE, _FLAGS)
_PATTERN = regex.compile(_PLAIN_SPACE_OR_MARK + " | " + _PLAIN_WORD + " | " + _GENERAL_SOURCE, _FLAGS)

_KIND_OF_GROUP = {kind.value: kind for kind in TokenKind}
# The kind of each alternative by its group number: the match's lastindex (the group
# that closed last is always one of the named alternatives) indexes it without a name lookup.
_KIND_OF_INDEX = [None] * (_PATTERN.groups + 1)
for _name, _index in _PATTERN.groupindex.items():
    if _name in _KIND_OF_GROUP:
        _KIND_OF_INDEX[_index] = _KIND_OF_GROUP[_name]
# Code: a run of ASCII letters, digits and + / _ - = between non-word
# characters, with a digit and a letter in it. Found by one linear scan, then
# its tokens are merged (a pattern alternative would rescan runs from every position).
_CODE_RUN = regex.compile(r"(?<![\w+/=-])[A-Za-z0-9+/_-]{16,}=*(?![\w+/=-])")
_DIGIT, _ASCII_LETTER = regex.compile(r"\d"), regex.compile(r"[A-Za-z]")
# Where an abbreviation's dot may be (checked token by token in tokenize()).
_ABBREVIATION_DOT = regex.compile(
    r"(?i)(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\.", regex.V1
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens that cover it exactly, in order."""
    kinds = _KIND_OF_INDEX
    # tuple.__new__ builds the named tuple without the Python-level __new__
    # (a sixth of the tokenizer's time on long texts).
    make = tuple.__new__
    tokens = [make(Token, (kinds[m.lastindex], m[0], *m.span())) for m in _PATTERN.finditer(text)]
    codes = [m for m in _CODE_RUN.finditer(text) if _DIGIT.search(m.group()) and _ASCII_LETTER.search(m.group())]
    if codes:
        # (a run that starts or ends inside a token, 12:34aGVsbG8…, is left as the tokens read it)
        starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
        codes = [m for m in codes if m.start() in starts and m.end() in ends]
    if codes:
        tokens = _merged_codes(tokens, codes)
    # "km." : a known abbreviation followed by its dot is one token.
    dots = {m.end() - 1 for m in _ABBREVIATION_DOT.finditer(text)}
    if dots:
        at = [n for n, token in enumerate(tokens) if token.start in dots]
        for n in reversed(at):
            word, dot = tokens[n - 1], tokens[n]
            if n > 0 and dot.text == "." and word.kind is TokenKind.WORD and az_lower(word.text) in ABBREVIATIONS:
                tokens[n - 1:n + 1] = [Token(TokenKind.ABBREVIATION, word.text + ".", word.start, dot.end)]
    return tokens


def _merged_codes(tokens: list[Token], codes: list) -> list[Token]:
    """``tokens`` with the tokens inside each code run merged into one ``code`` token."""
    merged: list[Token] = []
    runs = iter(codes)
    run = next(runs)
    for token in tokens:
        while run is not None and token.start >= run.end():
            run = next(runs, None)
        if run is None or token.end <= run.start() or token.start < run.start():
            merged.append(token)
        elif token.start == run.start():
            merged.append(Token(TokenKind.CODE, run.group(), run.start(), run.end()))
    return merged


def iter_tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` one by one (see :func:`tokenize`)."""
    return iter(tokenize(text))


def words(text: str) -> list[str]:
    """The word-like tokens of ``text`` (words and acronyms), in order."""
    return [t.text for t in iter_tokens(text) if t.is_word]
