"""Suffixes written apart from their host: when to join ``Bakı-nın`` into
``Bakının``, and which vowels a suffix after a quoted name takes.

Azerbaijani writes suffixes onto names without a hyphen; codes keep one
(``BMT-dən``, ``2023-cü``, ``COVID-19``), and so, by a common convention, do
foreign names in their own spelling (``Pyongyang-ın``). A hyphenated tail is
joined only when it is a suffix chain that fits the host's vowel harmony (or
that chain written twice: ``Bakı-yaya``) and the lexicon attests the joined
word (``Meksika-ya`` → ``Meksikaya``); a foreign name in its own spelling
(``Pyongyang-ın``) is rarely attested joined and keeps its hyphen. When the
tail reads both ways (``Azərbaycan-ının``: ``ının``, or ``ın`` twice), the
more frequent word wins. A hyphen that cannot stand before a suffix broke
a word (``Qar-ışıq``, ``Cüm-əə``, ``Nazirliy-inin``): the word is joined
when the lexicon has seen it (or, after a softened stem, knows it). The
convention is for names: a common word the text also writes in lowercase
(``hüceyrə`` … ``Hüceyrə-ni``) takes its ending without a hyphen
(:func:`join_common_word_suffix`).

After a quoted name (``“Nəhənglər”in``) or a number (``2016-ci``) the
suffix cannot be joined, but it must still follow the vowel harmony of the
name or of the number read aloud (``altı``: ``2016-cı``): a suffix that does not, and
fits it with its vowels changed in one way only, is given those vowels (if
the name is written with a letter only Azerbaijani has: ``“Sunday”ə``
follows English sounds, not letters).

>>> from azfix.data.lexicon import default_lexicon
>>> join_hyphenated_suffix("Bakı-nın", default_lexicon()), join_hyphenated_suffix("BMT-dən", default_lexicon())
('Bakının', None)
"""

from __future__ import annotations

import math

from bisect import bisect_left
from collections import Counter
from typing import Callable

from ...text.alphabet import AZERBAIJANI_ONLY_LETTERS, VOWELS, az_lower, is_title_word, is_upper_word
from ...text.foreign import is_foreign_word
from ...data.lexicon import Lexicon
from ...morphology.phonology import UNSOFTEN, host_phonology
from ...config import Policy

__all__ = ["common_word_joins", "harmonize_suffix", "join_common_word_suffix", "join_hyphenated_suffix"]

# The vowels a suffix vowel may stand for: harmony picks one of each set (e never appears in a suffix).
_SUFFIX_VOWELS = {"a": "aə", "ə": "aə", "e": "aə", "ı": "ıiuü", "i": "ıiuü", "u": "ıiuü", "ü": "ıiuü"}
# The readings of an ending's vowels tried at most (four vowels of four kinds; each reading is checked).
MAX_HARMONY_SPELLINGS = 1024


def join_hyphenated_suffix(text: str, lexicon: Lexicon, policy: Policy = Policy()) -> str | None:
    """``Bakı-nın`` → ``Bakının``; ``Bakı-yaya`` (doubled) → ``Bakıya``."""
    host, sep, tail = text.partition("-")
    if not sep or "-" in tail or not host or not tail or not host.isalpha() or not tail.isalpha():
        return None
    if is_upper_word(host):
        return None  # acronyms keep their hyphen (BMT-dən)
    if len(host) < policy.min_hyphen_host and host[0].isupper():
        return None  # a name of two letters (Ye-yə) reads as an abbreviation: it keeps its hyphen
    lower_tail = az_lower(tail)
    halves = len(lower_tail) % 2 == 0 and lower_tail[: len(lower_tail) // 2] * 2 == lower_tail
    analyzer = lexicon.analyzer

    def fits(suffix: str) -> bool:
        return analyzer.fits_after(host, suffix)

    # Foreign names keep a hyphen before their suffixes (Pyongyang-ın); a
    # join is made only when the lexicon attests the joined word. The host
    # must be a word or name of its own: Ayr-ı is not Ayrı. A tail that is
    # also a word (Meksika-ya, Küçə-də) is a suffix all the same: the
    # particles da, ya are never hyphenated.
    forms = lexicon.forms
    lower_host = az_lower(host)
    half = len(tail) // 2
    if tail.islower():
        broken = _broken_word(host, tail, lexicon, fits(lower_tail))
        if broken:
            return broken
    whole = fits(lower_tail) and forms.get(az_lower(host + tail), 0) and _is_word(lower_host, lexicon)
    halved = halves and fits(lower_tail[:half]) and lower_host in forms and lexicon.is_known(host + tail[:half])
    if whole and halved:
        # Both readings are words (Kubok-unun: kubokunun or kubokun twice;
        # Azərbaycan-ının: azərbaycanının or azərbaycanın): the likelier word.
        return host + tail if forms[az_lower(host + tail)] >= forms.get(az_lower(host + tail[:half]), 0) else host + tail[:half]
    if whole:
        return host + tail
    if halved:
        return host + tail[:half]
    return None


def join_common_word_suffix(text: str, lexicon: Lexicon, policy: Policy = Policy()) -> tuple[str, str] | None:
    """``Hüceyrə-ni`` → (``hüceyrə``, ``Hüceyrəni``): the host in lowercase
    and the joined word, when the lexicon knows both. The join is right only
    if the text writes the host as a common word (``hüceyrə``,
    ``hüceyrələr``), which the caller checks; a name (``Atkinson-un``)
    keeps its hyphen."""
    host, sep, tail = text.partition("-")
    if (not sep or len(host) < policy.min_hyphen_host or not host.isalpha() or not tail.isalpha() or not tail.islower()
            or not is_title_word(host)):
        return None
    lower_host = az_lower(host)
    if (is_foreign_word(lower_host) or not _is_word(lower_host, lexicon)
            or not lexicon.analyzer.fits_after(host, tail) or not lexicon.is_known(host + tail)):
        return None  # the host is a word of its own: Ayr-ı is not Ayrı
    return lower_host, host + tail


def _broken_word(host: str, tail: str, lexicon: Lexicon, tail_is_suffix: bool) -> str | None:
    """The word a stray hyphen broke, when the hyphen cannot stand before a suffix.

    A tail written twice where only the single one makes a word the lexicon
    has seen (``Cüm-əə``, ``Görün-ürür``: ``Cümə``, ``Görünür``), or a tail
    that is no suffix chain and no word either where the joined word has
    been seen (``Qar-ışıq``). ``Ayr-ı`` (a name and its ending), ``ayrı-seçkilik``
    (two words) and ``sm-ə`` (a unit) are none of these, and stay.
    """
    forms = lexicon.forms
    half = len(tail) // 2
    whole, halved = az_lower(host + tail), az_lower(host + tail[:half])
    if len(tail) % 2 == 0 and tail[:half] * 2 == tail and forms.get(halved, 0) and not forms.get(whole, 0):
        return host + tail[:half]
    if (not tail_is_suffix and forms.get(whole, 0) and not lexicon.is_known(tail)
            and any(letter in VOWELS for letter in az_lower(host))):
        return host + tail
    if tail_is_suffix and _softened_stem(az_lower(host), lexicon) and tail[0] in VOWELS and lexicon.is_known(whole):
        return host + tail  # Nazirliy-inin: a stem softens only before its own ending
    return None


def _softened_stem(host: str, lexicon: Lexicon) -> bool:
    """True for a host that is no word but a stem's softened final k or q
    (``nazirliy`` of ``nazirlik``, ``hökmdarlığ`` of ``hökmdarlıq``)."""
    hard = UNSOFTEN.get(host[-1:])
    return hard is not None and not _is_word(host, lexicon) and _is_word(host[:-1] + hard, lexicon)


def _is_word(lower: str, lexicon: Lexicon) -> bool:
    """True for a word or name of its own: one the list has seen or a stem."""
    return lower in lexicon.forms or lower in lexicon.stems


def harmonize_suffix(host: str, suffix: str, lexicon: Lexicon, said_as_written: bool = False) -> str | None:
    """The suffix ``suffix`` with the vowels ``host`` calls for (``Nəhənglər``
    + ``ın`` → ``in``, ``2016`` + ``ci`` → ``cı``), or None if it fits already
    or no single reading does. A host with no Azerbaijani letter may be a
    foreign name said its own way; ``said_as_written`` says it is not."""
    lower = az_lower(suffix)
    if not lower.isalpha() or not host or not host[-1].isalnum():
        return None
    if not host_phonology(host):
        return None

    def fits(chain: str) -> bool:
        return lexicon.analyzer.fits_after(host, chain)

    if fits(lower):
        return None
    if not (said_as_written or host.isdigit() or any(letter in AZERBAIJANI_ONLY_LETTERS for letter in az_lower(host))):
        return None  # a foreign name is said as its language spells it: “Sunday”ə
    if math.prod(len(_SUFFIX_VOWELS.get(letter, letter)) for letter in lower) > MAX_HARMONY_SPELLINGS:
        return None  # longer than any chain of endings: no harmony to mend
    spellings = [""]
    for letter in lower:
        spellings = [done + choice for done in spellings for choice in _SUFFIX_VOWELS.get(letter, letter)]
    fitting = {spelling for spelling in spellings if fits(spelling)}
    if len(fitting) != 1:
        return None
    return "".join(ch.upper() if src.isupper() else ch for src, ch in zip(suffix, fitting.pop()))


def common_word_joins(written: Counter, join: Callable[[str], tuple[str, str] | None],
                      fits_after: Callable[[str, str], bool]) -> dict[str, str]:
    """The capitalised words of a text with a hyphen before the ending of
    a word the text writes in lowercase (alone or with an ending) more
    often than capitalised (Hüceyrə-ni … hüceyrələr: Hüceyrəni), each
    joined (``join``: a memo of :func:`join_common_word_suffix`). A name
    keeps the hyphen its convention gives it (Atkinson-un, Associated
    Press-ə beside one English "press"); a word mostly written in
    lowercase is no name."""
    hyphenated = [text for text in written if "-" in text and text[0].isupper()]
    if not hyphenated:
        return {}
    lowercase: list[str] = []  # the text's lowercase words, sorted when first asked

    def lowercase_count(host: str) -> int:
        if not lowercase:
            lowercase.extend(sorted(text for text in written if text.islower() and "-" not in text))
        at, count = bisect_left(lowercase, host), 0
        while at < len(lowercase) and lowercase[at].startswith(host):
            if lowercase[at] == host or fits_after(host, lowercase[at][len(host):]):
                count += written[lowercase[at]]
            at += 1
        return count

    joins = {}
    for text in hyphenated:
        joined = join(text)
        if joined is not None and lowercase_count(joined[0]) > written[text.partition("-")[0]]:
            joins[text] = joined[1]
    return joins
