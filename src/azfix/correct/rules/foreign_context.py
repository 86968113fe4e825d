"""Foreign context: a word in another language or in markup is left alone, judged by the word and its neighbours.

A word with an accent Azerbaijani never writes, an attribute of left-over
markup (``border="0"``), a quoted word after a language adverb
(``ingiliscə "god"``), or a word between foreign words (``Portal of Islam
in the Czech Republic``) is not corrected (:mod:`azfix.text.foreign` tells
a foreign word by its letters).
"""

from __future__ import annotations

from bisect import bisect_left

from ...config import Policy
from ...data.lexicon import Lexicon
from ...data.stats import SENTENCE
from ...text.foreign import OPENING_QUOTES, has_accented_letter, is_foreign_word, is_language_adverb
from ...text.language import foreign_span, writes_schwa
from ...text.tokenize import TokenKind
from ..page import Page

__all__ = ["in_foreign_span", "looks_foreign", "span_writes_schwa"]

NEWLINE = TokenKind.NEWLINE
SPAN_BOUNDS = frozenset(".!?;:\n\"“”«»„")  # what ends a sentence or a quotation
MAX_SPAN_TOKENS = 400  # tokens searched either side of a word for its span's ends


def in_foreign_span(page: Page, n: int, policy: Policy) -> bool:
    """True if word ``n`` stands in a sentence or quotation written in another language
    (``"these United States"``, a Russian sentence): :func:`azfix.text.language.foreign_span`."""
    if not _page_writes_schwa(page):
        return False  # no ə anywhere (typed without Azerbaijani letters): a span's language cannot be told apart
    i = page.words[n]
    k = _span_number(page, i)
    if k not in page.foreign:
        page.foreign[k] = foreign_span(_span_text(page, i, k), policy.foreign_span_min_letters,
                                       policy.foreign_span_confidence)
    return page.foreign[k]


def span_writes_schwa(page: Page, n: int) -> bool:
    """True if the sentence or quotation of word ``n`` writes ə: it is Azerbaijani (no other language writes it)."""
    i = page.words[n]
    return writes_schwa(_span_text(page, i, _span_number(page, i)))


def _page_writes_schwa(page: Page) -> bool:
    if page.has_schwa is None:
        page.has_schwa = not page.ascii_typed and writes_schwa("".join([t.text for t in page.tokens]))
    return page.has_schwa


def _span_number(page: Page, i: int) -> int:
    """The number of the span token ``i`` stands in: spans run between two sentence or quotation ends."""
    if page.span_bounds is None:
        bounds, newline = SPAN_BOUNDS, NEWLINE  # (inline: asked of every token of a page with a fix)
        page.span_bounds = [k for k, token in enumerate(page.tokens) if token.text in bounds or token.kind is newline]
    return bisect_left(page.span_bounds, i)  # bounds[k - 1] < i <= bounds[k]


def _span_text(page: Page, i: int, k: int) -> str:
    """The text of span ``k`` (of token ``i``), at most ``MAX_SPAN_TOKENS`` tokens either side of it."""
    bounds, tokens = page.span_bounds, page.tokens
    start = max(bounds[k - 1] + 1 if k else 0, i - MAX_SPAN_TOKENS)
    end = min(bounds[k] if k < len(bounds) else len(tokens), i + MAX_SPAN_TOKENS)
    return "".join(token.text for token in tokens[start:end])


def looks_foreign(page: Page, n: int, prev: str, next_: str, lexicon: Lexicon, foreign_neighbours: int = 2) -> bool:
    """True if word ``n`` of the page is in another language or in markup."""
    tokens, words, i = page.tokens, page.words, page.words[n]
    if has_accented_letter(tokens[i].text):
        return True
    if i + 1 < len(tokens) and tokens[i + 1].text.startswith("=") or i > 0 and tokens[i - 1].text.endswith("="):
        return True  # an attribute of left-over markup (border="0")
    if i > 0 and tokens[i - 1].text in OPENING_QUOTES and is_language_adverb(prev):
        return True  # ingiliscə "god"
    before = page.written_word(n - 1, -1) if prev != SENTENCE and n > 0 else None
    after = page.written_word(n + 1, 0) if next_ != SENTENCE and n + 1 < len(words) else None
    known = lexicon.is_known

    def odd(word: str | None) -> bool:
        # the end of a sentence, a foreign word, or (unless the whole
        # text lost its letters) a word the lexicon does not know
        return word is None or is_foreign_word(word) or (
            not page.ascii_typed and word.isalpha() and not known(word))

    if before is not None and is_foreign_word(before) and odd(after):
        return True
    if after is not None and is_foreign_word(after) and odd(before):
        return True
    # Portal of Islam in the Czech Republic
    return sum(map(is_foreign_word, page.near_words(n, before, after))) >= foreign_neighbours
