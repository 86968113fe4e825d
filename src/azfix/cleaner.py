"""The Cleaner: runs the stages in order and reports every change against the input.

    text → normalize (characters) + mojibake + layout (lines) → tokenize → correct (words) → Result

Each stage returns :class:`~azfix.edits.Edit` records in the coordinates of
the text it was given; the pipeline composes them so that every reported
span indexes the caller's input, and ``apply_edits(text, result.edits) ==
result.text``. A :class:`Cleaner` is immutable after construction, safe to
share between threads, and picklable (its data is rebuilt lazily, once per
process, after unpickling), so it ships to worker processes.

>>> Cleaner().clean("Bu siyaset sayesində")
'Bu siyasət sayəsində'
"""

from __future__ import annotations

import gc
import threading
from dataclasses import fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .config import CleanerConfig, Policy
from .edits import Edit, Result, apply_edits, compose
from .stages.layout import layout_edits
from .stages.mojibake import mojibake_edits
from .stages.normalize import normalize_edits, normalized_word
from .text.tokenize import tokenize

__all__ = ["Cleaner", "CleanerConfig", "default_cleaner"]


class Cleaner:
    """Cleans Azerbaijani text. ``Cleaner(config=None, **overrides)``; see :class:`~azfix.config.CleanerConfig`.

    ``overrides`` replace fields of ``config`` (or of the defaults):
    ``Cleaner(min_confidence=0.9, protect={"Qarabağ"})``; ``policy=`` takes a
    :class:`~azfix.config.Policy`.
    """

    def __init__(self, config: CleanerConfig | None = None, **overrides):
        names = {f.name for f in fields(CleanerConfig)}
        unknown = set(overrides) - names
        if unknown:
            raise TypeError(f"unknown Cleaner option(s): {', '.join(sorted(unknown))}")
        if config is not None and not isinstance(config, CleanerConfig):
            raise TypeError(f"Cleaner config must be a CleanerConfig, not {type(config).__name__}")
        for key in ("protect", "user_words"):
            if key in overrides:
                overrides[key] = frozenset(overrides[key])
        if "hunspell" in overrides:
            overrides["hunspell"] = tuple(str(p) for p in overrides["hunspell"])
        if overrides.get("stats") is not None:
            overrides["stats"] = str(overrides["stats"])
        if "policy" in overrides and not isinstance(overrides["policy"], Policy):
            raise TypeError(f"policy must be a Policy, not {type(overrides['policy']).__name__}")
        self.config = replace(config or CleanerConfig(), **overrides)
        self._lock = threading.Lock()
        self._corrector = None

    def __reduce__(self):
        return (_rebuild, (self.config,))

    def __repr__(self) -> str:
        return f"Cleaner({self.config})"

    # -- the public calls ---------------------------------------------------
    def correct(self, text: str) -> Result:
        """Clean ``text``; return the cleaned text with every edit made."""
        if not isinstance(text, str):
            raise TypeError(f"Cleaner.correct() takes str, not {type(text).__name__}")
        # Cleaning allocates a token per word and builds no reference cycles:
        # the cyclic collector would only re-scan the loaded tables (a tenth
        # of the time of a pass). It is paused and left as the caller had it.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._correct(text)
        finally:
            if collecting:
                gc.enable()

    def _correct(self, text: str) -> Result:
        first = normalize_edits(text) if self.config.normalize else []
        if self.config.mojibake:
            first = merge_first_stage(first, mojibake_edits(text))
        if self.config.layout:
            first = merge_first_stage(first, layout_edits(text, self._is_known(), self.config.policy))
        mid = apply_edits(text, first) if first else text
        second = self.corrector().edits(tokenize(mid)) if self.config.correct else []
        edits = compose(text, first, second)
        return Result(apply_edits(text, edits) if edits else text, tuple(edits))

    def clean(self, text: str) -> str:
        return self.correct(text).text

    def clean_many(self, texts: Iterable[str]) -> Iterable[str]:
        for text in texts:
            yield self.clean(text)

    # -- lazily built parts ------------------------------------------------------
    def _is_known(self):
        from .data.lexicon import default_lexicon

        lexicon = default_lexicon()
        if self.config.user_words or self.config.hunspell:
            lexicon = self.corrector().lexicon
        if not self.config.normalize:
            return lexicon.is_known
        is_known = lexicon.is_known

        def is_known_normalized(word: str) -> bool:
            # the layout reads the text before the character repairs: a
            # word broken at a line end (inki-\nĢafı) is looked up repaired
            return is_known(word) or is_known(normalized_word(word))

        return is_known_normalized

    def corrector(self):
        if self._corrector is None:
            with self._lock:
                if self._corrector is None:
                    self._corrector = _build_corrector(self.config)
        return self._corrector


def merge_first_stage(characters: list[Edit], layout: list[Edit]) -> list[Edit]:
    """Two first-stage edit lists together; an edit of the second wins where both touch a character."""
    spans = [(e.start, e.end) for e in layout]
    kept = [e for e in characters if all(e.end <= a or e.start >= b for a, b in spans)]
    return sorted(kept + layout, key=lambda e: (e.start, e.end))


def _rebuild(config: CleanerConfig) -> Cleaner:
    return Cleaner(config)


@lru_cache(maxsize=8)
def _build_corrector(config: CleanerConfig):
    from .correct.corrector import Corrector
    from .correct.channel.errormodel import ErrorModel
    from .data.lexicon import default_lexicon

    lexicon = default_lexicon()
    if config.user_words:
        lexicon = lexicon.with_words(config.user_words)
    if config.hunspell:
        lexicon = lexicon.with_hunspell(config.hunspell)
    stats = _shared_stats(config.stats, config.shipped_stats)
    return Corrector(lexicon, _shared_index(), stats, ErrorModel.from_policy(config.policy), config,
                     _shared_letter_model)


@lru_cache(maxsize=1)
def _shared_letter_model():
    """The letter model of the shipped forms (user words and Hunspell
    dictionaries do not change the forms): read from the file the build
    saved, or counted if that file belongs to other forms."""
    from .correct.channel.charmodel import CharModel
    from .data.lexicon import default_lexicon, dictionaries_path

    forms = default_lexicon().forms
    return CharModel.load(dictionaries_path() / "letters.tsv.gz", forms) or CharModel(forms)


@lru_cache(maxsize=1)
def _shared_index():
    from .correct.candidates.index import CandidateIndex
    from .data.lexicon import default_lexicon, dictionaries_path

    return CandidateIndex(default_lexicon(), prebuilt=dictionaries_path() / "candidates.bin")


@lru_cache(maxsize=4)
def _shared_stats(path: str | None, use_shipped: bool = True):
    from .data.stats import ContextStats
    from .data.lexicon import dictionaries_path

    user = ContextStats.load(Path(path)) if path is not None else ContextStats()
    if not use_shipped:
        return user
    shipped = ContextStats.load(dictionaries_path() / "context.tsv.gz")
    return shipped.merge(user) if path is not None else shipped


@lru_cache(maxsize=1)
def default_cleaner() -> Cleaner:
    return Cleaner()
