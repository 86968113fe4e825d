"""Spotting words of other languages inside Azerbaijani text, so that they are left alone.

Azerbaijani text quotes other languages all the time: titles of books and
web pages in references (``Portal of Islam in the Czech Republic``), words
in quotes after a language name (``almanca "gott"``), lines of a song in
Albanian. Their words are unknown to the lexicon or, worse, known (the web
frequency list has ``the``, ``edition``, ``maire``), and a corrector that
reads them as Azerbaijani "fixes" them (``Islam`` → ``İslam``,
``mairie`` → ``maire``). A word is taken as foreign when

- it has a letter with a mark Azerbaijani never uses (``é``, ``ß``);
- it stands among foreign words: a function word of a major European
  language (``the``, ``des``, ``und``) or a lowercase word with a letter
  Azerbaijani lacks (``publié``, ``news``) on one side, and on the other
  side another such word, a word the lexicon does not know, or the end of
  the sentence; or two such words among the two words on either side;
- it is quoted right after a language adverb (``ingiliscə "god"``,
  ``latınca “aqua”``).

A word quoted or bracketed on its own (``"svat"``, ``(keel)``) is a
mention, meant as written: :func:`is_mention`.

The function words below are those that are not also Azerbaijani words or
Azerbaijani words typed without their letters (``on``, ``can``, ``it``,
``de``, ``et``, ``son``, ``il``, ``en``, ``el``, ``un``, ``das`` for
``daş``, ``ses`` for ``səs``, ``der`` for ``dər``, ``is`` for ``iş``
are missing on purpose).
"""

from __future__ import annotations

import regex

__all__ = ["FUNCTION_WORDS", "has_accented_letter", "is_foreign_word", "is_language_adverb", "is_mention"]

# Letters with marks that French, Spanish, German and their neighbours
# write and Azerbaijani never does, not even by a slip (ñ, ä are left out:
# they stand for n and ə in garbled or 1990s text).
_ACCENTED = regex.compile(r"[éèêëàáâåæíìîóòôõøœúùûßÉÈÊÀÁÂÍÎÓÔÚÛ]")
# Latin letters that are not letters of the Azerbaijani alphabet; w counts
# only in lowercase words, for names keep their English spelling (Twitter-də).
_FOREIGN_LETTER = regex.compile(r"[\p{Latin}--[a-vxyzA-VXYZəƏıİöÖüÜşŞçÇğĞ]]", flags=regex.V1)

FUNCTION_WORDS = frozenset(
    # English
    "the of and to was for with by from are were this that which their they these those "
    "been have has had would will into about between after before during under over than also "
    "only such what when where who how our your you we she its "
    # French
    "le la les des du une dans pour par avec est au aux qui que pas plus mais ou leur "
    "cette ces sont elle nous vous ils "
    # German
    "die und von mit für des ein eine einer ist nicht auf im zu sich auch nach bei "
    "aus wie oder über wird werden "
    # Spanish, Italian, Portuguese
    "los las del por para una uno lo gli della dei che per non um os".split()
)

# Quotes that open a quoted word, and the marks around a word quoted or
# bracketed on its own.
OPENING_QUOTES = frozenset("\"“„«'‘")
_OPENERS = OPENING_QUOTES | {"("}
_CLOSERS = frozenset("\"”»'’)")
_LANGUAGE_ADVERB = regex.compile(r"(?:ca|cə|ça|çə)$")


def has_accented_letter(word: str) -> bool:
    """True if ``word`` has a letter with a mark Azerbaijani never uses (``é``, ``ß``)."""
    return _ACCENTED.search(word) is not None


def is_foreign_word(word: str) -> bool:
    """True for a word that is surely not Azerbaijani: a foreign function word
    (``the``; not ``Los`` of ``Los Angeles``), or a lowercase word with a letter Azerbaijani lacks
    (``publié``, ``news``; a name such as ``Twitter`` proves nothing)."""
    if word in FUNCTION_WORDS:
        return True
    return word.islower() and _FOREIGN_LETTER.search(word) is not None


def is_language_adverb(lower: str) -> bool:
    """``ingiliscə``, ``latınca``: a word that may announce a quoted foreign word."""
    return len(lower) >= 5 and _LANGUAGE_ADVERB.search(lower) is not None


def is_mention(tokens, i: int) -> bool:
    """True for token ``i`` standing alone in quotes or brackets (``"svat"``,
    ``(keel)``): a term or a foreign word mentioned, meant as written."""
    return (0 < i < len(tokens) - 1 and tokens[i - 1].text[-1:] in _OPENERS
            and tokens[i + 1].text[:1] in _CLOSERS)


def is_suffix_after_quote(tokens, i: int) -> bool:
    """True for token ``i`` glued to a closing quote that is glued to a word
    (``“Dandi”yə``, ``"Məclis Üzvləri"nə``): the case ending of a quoted name, not a word."""
    if i < 2:
        return False
    quote, word = tokens[i - 1], tokens[i - 2]
    return (quote.text[-1:] in _CLOSERS and quote.text[-1:] != ")" and quote.end == tokens[i].start
            and word.end == quote.start and word.text[-1:].isalnum())
