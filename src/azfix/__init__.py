"""azfix: Azerbaijani text normalization and OCR cleanup.

>>> import azfix
>>> azfix.is_known("kitablarımızdan")
True
>>> azfix.analyze("kitablarımızdan")[0].segments
('kitab', 'lar', 'ımız', 'dan')
"""

from __future__ import annotations

from .morphology import Analysis

__version__ = "0.1.0"

__all__ = ["__version__", "Analysis", "analyze", "is_known"]


def is_known(word: str) -> bool:
    """True if ``word`` is a correct Azerbaijani word form (any case)."""
    from .lexicon import default_lexicon

    return default_lexicon().is_known(word)


def analyze(word: str) -> list[Analysis]:
    """Morphological analyses of ``word``: stem, part of speech, suffix chain."""
    from .lexicon import default_lexicon

    return default_lexicon().analyze(word)
