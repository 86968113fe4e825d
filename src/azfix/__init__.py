"""azfix: Azerbaijani text normalization and OCR cleanup.

>>> import azfix
>>> azfix.clean("Bu siyaset sayesində mümkün oldu.")
'Bu siyasət sayəsində mümkün oldu.'
>>> azfix.is_known("kitablarımızdan")
True
>>> azfix.analyze("kitablarımızdan")[0].segments
('kitab', 'lar', 'ımız', 'dan')
"""

from __future__ import annotations

import unicodedata

from .cleaner import Cleaner, default_cleaner
from .config import CleanerConfig, Policy
from .edits import Edit, EditKind, Result, Why, apply_edits
from .morphology.analyzer import Analysis

__version__ = "0.1.0"

__all__ = [
    "__version__", "Analysis", "Cleaner", "CleanerConfig", "Edit", "EditKind", "Policy", "Result", "Why",
    "analyze", "apply_edits", "clean", "is_known", "suggest", "transliterate",
]


def clean(text: str) -> str:
    """Clean ``text`` with the default :class:`Cleaner`."""
    return default_cleaner().clean(text)


def is_known(word: str) -> bool:
    """True if ``word`` is a correct Azerbaijani word form (any case; decomposed letters count as composed)."""
    from .data.lexicon import default_lexicon

    return default_lexicon().is_known(_composed(word))


def analyze(word: str) -> list[Analysis]:
    """Morphological analyses of ``word``: stem, part of speech, suffix chain."""
    from .data.lexicon import default_lexicon

    return default_lexicon().analyze(_composed(word))


def suggest(word: str, n: int = 5) -> list[tuple[str, float]]:
    """Up to ``n`` corrections of one word, best first, with their posterior shares."""
    return default_cleaner().corrector().suggest(_composed(word), n)


def _composed(word: str) -> str:
    """``word`` in NFC, with the dot of a lowercased İ (``i`` + U+0307) dropped."""
    return word if word.isascii() else unicodedata.normalize("NFC", word.replace("i\u0307", "i"))


def transliterate(text: str, script: str = "auto") -> Result:
    """Azerbaijani Cyrillic in ``text`` spelt in the Latin alphabet; Russian passages and Latin text stay.

    Returns a :class:`Result` (``.text``, and one ``transliterate`` edit per
    word changed, spans into ``text``) like :meth:`Cleaner.correct`, for a
    transliteration is a change to audit. The lexicon chooses among a word's
    readings (``цирк`` sirk, ``проект`` proyekt). ``script="cyrillic"`` says the
    text is Azerbaijani Cyrillic (see :class:`CleanerConfig`). Nothing else
    is cleaned: ``Cleaner(script="auto")`` transliterates, then cleans.

    >>> transliterate("Азәрбајҹан Республикасы").text
    'Azərbaycan Respublikası'
    """
    from .stages.script import transliterate_edits

    if not isinstance(text, str):
        raise TypeError(f"transliterate() takes str, not {type(text).__name__}")
    edits = tuple(transliterate_edits(text, script=script))
    return Result(apply_edits(text, edits), edits)
