"""Endings written apart from their host: a number's ending after a dash (``1990 - cı``) and endings after an apostrophe (``2020'də``, ``İstanbul'da``).

A number and its ending are one unit, written with a hyphen (``1990-cı``,
``2020-də``). Typists also write the hyphen with spaces around it or on one
side (``1990 - cı``, ``2015 -ci``), as an en dash (``1990–cı``) or, the
Turkish way, as an apostrophe (``1990'cı``). Each spelling becomes
``1990-cı``, the ending given the harmony of the number read aloud
(``doxsan``: ``cı``, not ``ci``), when the piece after the dash is a suffix
chain the grammar accepts after a number (the ordinal ``-cı``, the cases,
the plural). The piece is never judged as a word of its own (``cı`` is no
typo of ``ci``). A number after the dash makes a range (``1990 - 1995``)
and stays.

After an apostrophe, an ending of a number or an abbreviation takes a
hyphen (``NATO'nun`` → ``NATO-nun``, ``km'dən`` → ``km-dən``); an ending of
a word or a name is joined to it (``İstanbul'da`` → ``İstanbulda``) when it
is one the grammar accepts after that host and the lexicon has seen the
joined word, as a hyphenated ending is (:func:`.hyphens.join_hyphenated_suffix`).
An apostrophe before anything else (``O'Neil``, ``don't``) or closing a
quote opened just before the word (``'Bakı'da``) stays.

These are rules, decided before any word: their edits are handed to the
page with the merges, so that the word stage never looks at their pieces.

>>> from azfix.data.lexicon import default_lexicon
>>> from azfix.text.tokenize import tokenize
>>> [e.replacement for e in ending_edits(tokenize("1990 - ci ildə, NATO'nun"), default_lexicon())]
['1990-cı', 'NATO-nun']
"""

from __future__ import annotations

from ...config import Policy
from ...data.lexicon import Lexicon
from ...edits import Edit, EditKind
from ...text.alphabet import VOWELS, az_lower, is_upper_word
from ...text.tokenize import ABBREVIATIONS, Token, TokenKind
from .hyphens import harmonize_suffix, join_hyphenated_suffix

__all__ = ["ending_edits", "number_ending", "apostrophe_ending"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
HYPHEN_SUFFIX = EditKind.HYPHEN_SUFFIX
NUMBER = TokenKind.NUMBER
SPACE = TokenKind.SPACE
PUNCT = TokenKind.PUNCT
WORD = TokenKind.WORD
SUFFIXED = TokenKind.SUFFIXED
ACRONYM = TokenKind.ACRONYM

DASHES = frozenset("-‐‑–")  # hyphens and the en dash a number's ending is written after
APOSTROPHES = "'’ʼ"
_OPENING_QUOTES = frozenset("'‘’\"“«")
_CLOSING_QUOTES = frozenset("\"”»")


def ending_edits(tokens: list[Token], lexicon: Lexicon, policy: Policy = Policy()) -> list[Edit]:
    """The ``hyphen-suffix`` edits of the endings written apart in ``tokens``, sorted, never overlapping."""
    edits: list[Edit] = []
    for i, token in enumerate(tokens):
        kind, text = token.kind, token.text
        if kind is WORD or kind is SUFFIXED:  # most tokens: a word, rarely with an apostrophe
            if "'" not in text and "’" not in text and "ʼ" not in text:  # (the marks of APOSTROPHES)
                continue
            edit = apostrophe_ending(tokens, i, lexicon, policy)
        elif kind is SPACE:
            continue
        elif kind is NUMBER or kind is ACRONYM or text == "%" and i > 0 and tokens[i - 1].kind is NUMBER:
            edit = number_ending(tokens, i, lexicon, policy)
        elif kind is PUNCT and text in _CLOSING_QUOTES:
            edit = quoted_ending(tokens, i, lexicon, policy)
        else:
            continue
        if edit is not None and edit.original != edit.replacement and (not edits or edits[-1].end <= edit.start):
            edits.append(edit)
    return edits


def number_ending(tokens: list[Token], i: int, lexicon: Lexicon, policy: Policy = Policy()) -> Edit | None:
    """``1990 - cı`` (tokens from ``i``: number or abbreviation, dash, ending, spaces around the dash
    or not) → ``1990-cı``; ``ABŞ - ın`` → ``ABŞ-ın``."""
    at = i + 1
    if at < len(tokens) and tokens[at].kind is SPACE and tokens[at].text == " ":
        at += 1
    if at >= len(tokens) or tokens[at].kind is not PUNCT or tokens[at].text not in DASHES:
        return None
    at += 1
    if at < len(tokens) and tokens[at].kind is SPACE and tokens[at].text == " ":
        at += 1
    if at >= len(tokens) or tokens[at].kind is not WORD:
        return None
    piece, number = tokens[at], tokens[i]
    if at + 1 < len(tokens) and tokens[at + 1].text[:1] in DASHES:
        return None  # 1990 - ci-yə, a compound of words
    # ABŞ - ın, 40% - i: the ending of an abbreviation or a sign, kept as written
    # (read letter by letter or as a word; a sign as its word)
    code = number.kind is not NUMBER
    ending = _ending_after(number.text, piece.text, lexicon, policy, code=code, as_written=code)
    if ending is None:
        return None
    return Edit(number.start, piece.end, "".join(t.text for t in tokens[i:at + 1]), f"{number.text}-{ending}",
                HYPHEN_SUFFIX, policy.hyphen_join_confidence)


def apostrophe_ending(tokens: list[Token], i: int, lexicon: Lexicon, policy: Policy = Policy()) -> Edit | None:
    """``2020'də`` → ``2020-də``, ``NATO'nun`` → ``NATO-nun``, ``İstanbul'da`` → ``İstanbulda``."""
    token = tokens[i]
    text = token.text
    marks = [k for k, ch in enumerate(text) if ch in APOSTROPHES]
    if len(marks) != 1 or "-" in text:
        return None
    host, tail = text[:marks[0]], text[marks[0] + 1:]
    if not host or not tail.isalpha() or not tail.islower():
        return None
    if i > 0 and tokens[i - 1].end == token.start and tokens[i - 1].text[-1:] in _OPENING_QUOTES:
        return None  # 'Bakı'da: the apostrophe closes a quote
    if host[-1].isdigit() or is_upper_word(host) and len(host) > 1 or az_lower(host) in ABBREVIATIONS:
        ending = _ending_after(host, tail, lexicon, policy, code=not host[-1].isdigit())
        replacement = None if ending is None else f"{host}-{ending}"
    elif host.isalpha() and lexicon.analyzer.fits_after(host, az_lower(tail)):
        replacement = join_hyphenated_suffix(f"{host}-{tail}", lexicon, policy)
    else:
        return None
    if replacement is None:
        return None
    return Edit(token.start, token.end, text, replacement, HYPHEN_SUFFIX, policy.hyphen_join_confidence)


def quoted_ending(tokens: list[Token], i: int, lexicon: Lexicon, policy: Policy = Policy()) -> Edit | None:
    """``"Sportinq" in`` (tokens from ``i``: a closing quote, one space, an ending) → ``"Sportinq"in``:
    an ending of the quoted name written apart, when it is no word of its own (``"Zərdüşt" də`` stays:
    də is a word) and fits the name's harmony (or is mended to it)."""
    if i == 0 or tokens[i - 1].kind is not WORD or i + 2 >= len(tokens):
        return None
    space, piece = tokens[i + 1], tokens[i + 2]
    if space.text != " " or piece.kind is not WORD or not piece.text.islower():
        return None
    if i + 3 < len(tokens) and tokens[i + 3].text[:1] in DASHES or piece.text in lexicon.stems:
        return None
    if not lexicon.analyzer.fits_any_harmony(piece.text):
        return None
    host = tokens[i - 1].text
    ending = piece.text if lexicon.analyzer.fits_after(host, piece.text) else harmonize_suffix(host, piece.text,
                                                                                                lexicon)
    if ending is None:
        return None
    return Edit(tokens[i].start, piece.end, tokens[i].text + space.text + piece.text, tokens[i].text + ending,
                HYPHEN_SUFFIX, policy.hyphen_join_confidence)


def _ending_after(host: str, piece: str, lexicon: Lexicon, policy: Policy, code: bool = False,
                  as_written: bool = False) -> str | None:
    """``piece`` as the ending of the number or code ``host``, in the host's harmony, or None if it is no ending.

    A number is read one way; a code (``NATO``, ``km``) may be read as a
    word or letter by letter: an ending that fits some harmony is kept as
    written when no single reading mends it."""
    if len(piece) < (1 if code else policy.detached_ending_min_length) or not piece.isalpha() or not piece.islower():
        return None  # (a letter alone after a number is a list mark; after a code, an ending: ABŞ-a)
    analyzer = lexicon.analyzer
    if as_written:
        if az_lower(host[-1]) in VOWELS and piece[0] in VOWELS:
            return None  # FİFA - a: two vowels meet, the ending lost its y; the reading is not sure enough to mend it
        return piece if analyzer.fits_any_harmony(piece) else None
    if analyzer.fits_after(host, piece):
        return piece
    fixed = harmonize_suffix(host, piece, lexicon)
    if fixed is not None:
        return fixed
    return piece if code and analyzer.fits_any_harmony(piece) else None
