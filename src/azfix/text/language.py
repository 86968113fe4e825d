"""Language of a span: is a sentence or a quotation in another language than Azerbaijani?

A character-n-gram language identifier (lingua, low-accuracy mode, over
Azerbaijani, Turkish, English and Russian) reads the span. A span is
foreign when the identifier gives English or Russian at least
``Policy.foreign_span_confidence`` and the span writes no ``ə`` (which none
of them writes: a sentence with it is Azerbaijani whatever the n-grams
say). Turkish is read but never taken as foreign: an Azerbaijani sentence
typed without its letters (``Bu siyaset sayesinde``) reads as Turkish, and
short Azerbaijani sentences are often misread as Turkish. Text typed without Azerbaijani letters is never judged (it lacks
``ə`` everywhere). Spans of fewer than ``foreign_span_min_letters`` letters
say too little and are never foreign.

The identifier loads its models on first use (about 30 MB). Without the
``lingua`` package no span is foreign. This module only tells; the
corrector leaves the words of a foreign span alone.

A Cyrillic passage is weighed by :func:`russian_share`: the identifier's
share for Russian among the Cyrillic-script languages it knows (Russian,
Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian, Kazakh, Mongolian),
so that a passage that is not Russian has somewhere else to go (Azerbaijani
Cyrillic without its own letters reads as Kazakh or Mongolian). The script
stage (:mod:`azfix.stages.script`) keeps a Russian passage in Cyrillic.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["foreign_span", "russian_share", "writes_schwa"]

SPAN_MEMO = 4096  # spans whose language is remembered


def writes_schwa(text: str) -> bool:
    """True if ``text`` writes ə, the letter only Azerbaijani of these languages writes."""
    return "ə" in text or "Ə" in text


@lru_cache(maxsize=1)
def _detector():
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # the optional identifier is not installed
        return None
    languages = (Language.AZERBAIJANI, Language.TURKISH, Language.ENGLISH, Language.RUSSIAN)
    detector = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
    return detector, frozenset((Language.ENGLISH, Language.RUSSIAN))


@lru_cache(maxsize=SPAN_MEMO)
def foreign_span(span: str, min_letters: int, confidence: float) -> bool:
    """True if ``span`` is written in another language (see the module's note)."""
    if writes_schwa(span) or sum(ch.isalpha() for ch in span) < min_letters:
        return False
    found = _detector()
    if found is None:
        return False
    detector, foreign = found
    values = detector.compute_language_confidence_values(span)
    return bool(values) and values[0].language in foreign and values[0].value >= confidence


@lru_cache(maxsize=1)
def _cyrillic_detector():
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # the optional identifier is not installed
        return None
    languages = (Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.BULGARIAN,
                 Language.MACEDONIAN, Language.SERBIAN, Language.KAZAKH, Language.MONGOLIAN)
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@lru_cache(maxsize=SPAN_MEMO)
def russian_share(span: str) -> float:
    """The identifier's confidence (0-1) that a Cyrillic ``span`` is Russian (0.0 without lingua)."""
    detector = _cyrillic_detector()
    if detector is None:
        return 0.0
    from lingua import Language

    return detector.compute_language_confidence(span, Language.RUSSIAN)
