"""The Cleaner: runs the stages in order and reports every change against the input.

    text → mojibake → script → normalize (characters) → layout (lines) → correct (tokens, then words) → Result

(The script stage runs only with ``script="auto"`` or ``"cyrillic"``: Azerbaijani Cyrillic becomes Latin.)

Each stage reads the text the stages before it made and returns
:class:`~azfix.edits.Edit` records in its coordinates
(:mod:`azfix.stages.base`); the edits are composed so that every reported
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
from .stages.base import Stage, run_stages
from .stages.layout import Layout
from .stages.mojibake import Mojibake
from .stages.normalize import Normalize
from .stages.script import Transliterate
from .text.chunks import CHUNK_CHARS, chunks_of, lines_of, with_lookahead
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
        if len(text) <= CHUNK_CHARS:
            return self._correct_whole(text)
        # A long text is cleaned piece by piece, cut at blank lines exactly as
        # the command line cuts a file: the same text gives the same output
        # either way, and the work per piece is bounded.
        cleaned: list[str] = []
        edits: list[Edit] = []
        offset = 0
        for chunk, last in with_lookahead(chunks_of(lines_of(text))):
            result = self.correct_chunk(chunk, last)
            cleaned.append(result.text)
            edits.extend(replace(e, start=e.start + offset, end=e.end + offset) for e in result.edits)
            offset += len(chunk)
        return Result("".join(cleaned), tuple(edits))

    def correct_chunk(self, chunk: str, last: bool = True) -> Result:
        """Clean one piece of a longer text, cut by :func:`azfix.text.chunks.chunks_of`.

        The blank lines that end a piece which is not the ``last`` are a
        paragraph break, not the end of the document, and pass through.
        """
        if last:
            return self._correct_whole(chunk)
        body = chunk.rstrip("\r\n \t")
        body_end = len(body)
        while body_end < len(chunk) and chunk[body_end] not in "\r\n":
            body_end += 1  # keep trailing spaces of the last line in the body
        result = self._correct_whole(chunk[:body_end])
        return Result(result.text + chunk[body_end:], result.edits)

    def _correct_whole(self, text: str) -> Result:
        cleaned, edits = run_stages(text, self.stages())
        return Result(cleaned, tuple(edits))

    def stages(self) -> list[Stage]:
        """The stages this cleaner runs, in order: encoding, script, characters, layout, words."""
        config, policy = self.config, self.config.policy
        stages: list[Stage] = []
        if config.mojibake:
            stages.append(Mojibake(policy))
        if config.script != "latin":
            stages.append(Transliterate(policy, self._lazily_known, self._lazily_frequency, config.script))
        if config.normalize:
            stages.append(Normalize(policy, self._lazily_known))
        if config.layout:
            stages.append(Layout(self._is_known(), policy))
        if config.correct:
            stages.append(WordStage(self.corrector(), policy.settle_passes))
        return stages

    def clean(self, text: str) -> str:
        return self.correct(text).text

    def clean_many(self, texts: Iterable[str]) -> Iterable[str]:
        for text in texts:
            yield self.clean(text)

    # -- lazily built parts ------------------------------------------------------
    def _lexicon(self):
        """The lexicon of this cleaner's words (the shipped one, or with the user's words and dictionaries)."""
        from .data.lexicon import default_lexicon

        if self.config.user_words or self.config.hunspell:
            return self.corrector().lexicon
        return default_lexicon()

    def _is_known(self):
        """The word test of the layout stage (which reads the text the character stages repaired)."""
        return self._lexicon().is_known

    def _lazily_known(self, word: str) -> bool:
        """The word test of the normalize and script stages: the lexicon is loaded only if one is looked at."""
        return self._lexicon().is_known(word)

    def _lazily_frequency(self, word: str) -> float:
        """The word frequency the script stage weighs readings by (loaded only if asked)."""
        return self._lexicon().frequency(word)

    def corrector(self):
        if self._corrector is None:
            with self._lock:
                if self._corrector is None:
                    self._corrector = _build_corrector(self.config)
        return self._corrector



class WordStage:
    """Word correction as the last :class:`~azfix.stages.base.Stage`: tokens of the text so far, decided by the corrector.

    A fix can call for another that the first reading could not see (a
    corrected neighbour, a number's ending, a page no longer typed without
    Azerbaijani letters): the words are read again while that changes
    something, at most ``Policy.settle_passes`` times, so that cleaning the
    output again changes nothing. A word decided before is not worked out
    again (the corrector's memo): a pass that changes nothing is cheap.
    """

    name = "correct"

    def __init__(self, corrector, passes: int):
        self.corrector = corrector
        self.passes = passes

    def edits(self, text: str) -> list[Edit]:
        edits = self.corrector.edits(tokenize(text))
        for _ in range(self.passes):
            if not edits:
                break
            more = self.corrector.edits(tokenize(apply_edits(text, edits)))
            if not more:
                break
            edits = compose(text, edits, more)
        return [edit for edit in edits if edit.original != edit.replacement]  # (a fix the next pass undid)


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
                     _shared_letter_model, _shared_word_classes)


@lru_cache(maxsize=1)
def _shared_letter_model():
    """The letter model of the shipped forms (user words and Hunspell
    dictionaries do not change the forms): read from the file the build
    saved, or counted if that file belongs to other forms."""
    from .correct.channel.charmodel import CharModel
    from .data.lexicon import default_lexicon, dictionaries_path

    forms = default_lexicon().forms
    return CharModel.load(dictionaries_path() / "letters.tsv.gz", forms) or CharModel(forms)


@lru_cache(maxsize=4)
def _shared_word_classes(policy: Policy) -> dict[str, str]:
    """The classes of the shipped statistics' words the build worked out (a class depends on the
    shipped stems and tags, never on the statistics; none if ``policy`` weighs readings otherwise)."""
    from .correct.channel.classcontext import load_word_classes
    from .data.lexicon import dictionaries_path

    return load_word_classes(dictionaries_path() / "classes.tsv", policy)


@lru_cache(maxsize=1)
def _shared_index():
    from .correct.candidates.index import CandidateIndex
    from .data.lexicon import default_lexicon, dictionaries_path

    from .data.packed import unpacked

    packed = dictionaries_path() / "candidates.bin.gz"
    return CandidateIndex(default_lexicon(), prebuilt=unpacked(packed) if packed.exists() else None)


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
