"""The Azerbaijani lexicon: built dictionaries, loaded lazily, behind a small API.

A :class:`Lexicon` answers three questions about a word: is it a correct
Azerbaijani word (:meth:`Lexicon.is_known`), how frequent is it
(:meth:`Lexicon.frequency`), and how is it built (:meth:`Lexicon.analyze`).
A word is known when it is an attested word form, a user word, or a stem of
the stem table followed by a well-formed suffix chain (:mod:`azfix.morphology.analyzer`).
Hyphenated compounds are known when every part is; a number or acronym may
carry a hyphenated suffix that fits its pronunciation (``BMT-dən``,
``2023-cü``).

The data in ``dictionaries/`` is read on first use, never at import time, and
checked against the format version it was built with. The default lexicon is
built once per process and shared; a Lexicon never changes after it is made,
except for its memo of answers, so it is safe to share between threads.

>>> lex = default_lexicon()
>>> lex.is_known("kitablarımızdan"), lex.is_known("kitablarımızdna")
(True, False)
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..text.alphabet import az_lower, is_upper_word
from .format import (FORMAT_VERSION, ROOT_SOURCE, DataFormatError, dictionaries_path, read_data_lines,
                     read_data_lines_and_checksum)
from ..morphology.analyzer import MAX_ANALYSES, Analysis, Analyzer, StemEntry

__all__ = ["Lexicon", "default_lexicon", "DataFormatError"]

_APOSTROPHES = "'’ʼ`"
_HYPHENS = "-‐‑"
_MEMO_LIMIT = 100_000
# No Azerbaijani word comes near this; longer strings are not looked up, which
# keeps analysis linear on pathological input (a megabyte without spaces).
MAX_WORD_LENGTH = 64
# Analyses of an unseen form weighed for its prior (a bound: the likeliest come first).
PRIOR_READINGS = 8
# parts of speech whose bare count says little of their inflections
_SELDOM_INFLECTED = frozenset({"adv", "conj", "other"})




class Lexicon:
    """Stems, word-form frequencies and a morphological analyzer."""

    def __init__(
        self,
        stems: dict[str, StemEntry],
        forms: dict[str, int],
        user_words: Iterable[str] = (),
        stem_counts: dict[str, int] | None = None,
    ):
        self.stems = stems
        self.forms = forms
        self.stem_counts = stem_counts or {}
        self.roots: frozenset[str] = frozenset()  # stems only the frequency list attests
        self.tag_shares: dict[str, float] = {}
        self.web_forms: frozenset[str] = frozenset()  # well-formed forms the web writes (see unseen_form_prior)
        self.suspects: dict[str, float] = {}  # probable misspellings the list attests: how much commoner their fix is
        self.hunspell: tuple = ()  # extra Hunspell checkers (with_hunspell)
        # CRC-32 of the stems and forms files these tables were read from (None: not read from files)
        self.tables_checksum: str | None = None
        self.user_words = frozenset(az_lower(w) for w in user_words)
        self.analyzer = Analyzer(stems)
        self.total_count = sum(forms.values()) or 1
        # The list keeps every form seen at least its smallest count: a form
        # it lacks is rarer than that.
        self.unseen_ceiling = min(forms.values(), default=self.total_count) / self.total_count
        self._memo: dict[str, bool] = {}
        self._recorded: list[tuple[str, bool]] | None = None

    @classmethod
    def load(cls, folder: Path | None = None, user_words: Iterable[str] = ()) -> "Lexicon":
        """Read the built dictionaries from ``folder`` (default: the shipped ones)."""
        folder = Path(folder) if folder is not None else dictionaries_path()
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format_version") != FORMAT_VERSION:
            raise DataFormatError(
                f"{folder} holds format {manifest.get('format_version')}, azfix reads format "
                f"{FORMAT_VERSION}: rebuild with 'python -m azfix.build'"
            )
        lexicon = cls.read_tables(folder, user_words)
        lexicon.tag_shares = read_tag_shares(folder / "tags.tsv")
        web = folder / "web.tsv"  # absent from folders built before it existed
        lexicon.web_forms = frozenset(read_data_lines(web)) if web.exists() else frozenset()
        suspects = folder / "suspects.tsv"  # likewise
        if suspects.exists():
            lexicon.suspects = {form: float(ratio) for form, _fix, ratio in
                                (line.split("\t") for line in read_data_lines(suspects))}
        return lexicon

    @classmethod
    def read_tables(cls, folder: Path, user_words: Iterable[str] = ()) -> "Lexicon":
        """The stems and forms of a dictionaries folder (what the candidate index is built from)."""
        stem_lines, stems_checksum = read_data_lines_and_checksum(folder / "stems.tsv")
        form_lines, forms_checksum = read_data_lines_and_checksum(folder / "forms.tsv")
        stems, stem_counts, roots = parse_stems(stem_lines)
        lexicon = cls(stems, parse_forms(form_lines), user_words, stem_counts)
        lexicon.roots = roots
        lexicon.tables_checksum = f"{stems_checksum:08x}:{forms_checksum:08x}"
        return lexicon

    def with_hunspell(self, dictionaries: Iterable[str]) -> "Lexicon":
        """A new lexicon that also accepts what these Hunspell dictionaries accept.

        Each entry is a path without extension: ``/path/to/az_AZ`` for
        ``az_AZ.dic`` + ``az_AZ.aff`` (read by the ``hunspell`` binding of
        the chunspell wheel).
        """
        import hunspell  # from the chunspell wheel

        checkers = []
        for base in dictionaries:
            path = Path(base)
            if not path.with_suffix(".dic").exists() or not path.with_suffix(".aff").exists():
                raise FileNotFoundError(f"no Hunspell pair {path}.dic / {path}.aff")
            checkers.append(hunspell.Hunspell(path.name, hunspell_data_dir=str(path.parent)))
        lexicon = Lexicon(self.stems, self.forms, self.user_words, self.stem_counts)
        lexicon.tag_shares, lexicon.roots, lexicon.web_forms = self.tag_shares, self.roots, self.web_forms
        lexicon.tables_checksum = self.tables_checksum  # (the same stems and forms)
        lexicon.hunspell = tuple(self.hunspell) + tuple(checkers)
        return lexicon

    def with_words(self, words: Iterable[str]) -> "Lexicon":
        """A new lexicon that also knows ``words`` (the data is shared, not copied)."""
        lexicon = Lexicon(self.stems, self.forms, self.user_words | {az_lower(w) for w in words}, self.stem_counts)
        lexicon.tag_shares, lexicon.roots, lexicon.web_forms = self.tag_shares, self.roots, self.web_forms
        lexicon.tables_checksum = self.tables_checksum  # (the same stems and forms)
        lexicon.hunspell = self.hunspell
        return lexicon

    def unseen_form_prior(self, word: str) -> float:
        """Probability estimate for a well-formed word no corpus count covers.

        The best analysis's stem count times the share of each of its suffix
        tags: a common stem with common suffixes is a likely word. An
        adverb or conjunction seldom takes endings, and the count of its bare
        form says nothing of its inflections (ki + si, from the 8.8M of ki):
        such a reading is no likelier than the rarest form the list holds,
        as the list would hold it otherwise. A form the web is known to
        write (``web_forms``) is as likely as that rarest form, at least.
        """
        best = self.unseen_ceiling if word in self.web_forms else 0.0
        for analysis in self.analyze(word, PRIOR_READINGS):
            prior = self.analysis_prior(analysis)
            if analysis.suffixes and analysis.pos in _SELDOM_INFLECTED:
                prior = min(prior, self.unseen_ceiling)
            best = max(best, prior)
        return best

    def analysis_prior(self, analysis: Analysis) -> float:
        """How likely a reading is: its stem's count times the share of each of its suffix tags."""
        p = self.stem_counts.get(analysis.stem, 0) / self.total_count
        for tag in analysis.tags:
            p *= self.tag_shares.get(tag, 1e-4)
        return p

    # -- questions -------------------------------------------------------
    def frequency(self, word: str) -> float:
        """Relative corpus frequency of a word form (0.0 when unattested)."""
        return self.forms.get(az_lower(word), 0) / self.total_count

    def count(self, word: str) -> int:
        return self.forms.get(az_lower(word), 0)

    def analyze(self, word: str, limit: int = MAX_ANALYSES) -> list[Analysis]:
        """Morphological analyses of a word (lowercased first), longest stem
        first: the first ``limit`` (a caller that reads a few asks for a few)."""
        if len(word) > MAX_WORD_LENGTH:
            return []
        return self.analyzer.analyze(az_lower(word), limit)

    def is_known(self, word: str) -> bool:
        """True if ``word`` is a correct Azerbaijani word form."""
        if not word or len(word) > MAX_WORD_LENGTH:
            return False
        known = self._memo.get(word)
        if known is None:
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            known = self._memo[word] = self._decide(word)
            if self._recorded is not None:
                self._recorded.append((word, known))
        return known

    # Batch workers pass each other the verdicts they worked out (azfix.parallel.batch).
    def start_recording(self) -> None:
        """Keep the :meth:`is_known` verdicts worked out from now on, for :meth:`recorded`."""
        if self._recorded is None:
            self._recorded = []

    def recorded(self) -> list[tuple[str, bool]]:
        """The verdicts worked out since the last call."""
        if self._recorded is None:
            return []
        out, self._recorded = self._recorded, []
        return out

    def remember(self, word: str, known: bool) -> None:
        """Take a verdict worked out elsewhere."""
        if len(self._memo) <= _MEMO_LIMIT:
            self._memo.setdefault(word, known)

    def is_known_lower(self, lower: str) -> bool:
        """:meth:`is_known` for a word that is already lowercase and simple."""
        return bool(self.known_lowers((lower,)))

    def known_lowers(self, lowers: Iterable[str]) -> list[str]:
        """The words of ``lowers`` (lowercase and simple) :meth:`is_known_lower` accepts, in order: one call for many."""
        forms, users, well_formed, hunspell = self.forms, self.user_words, self.analyzer.is_well_formed, self.hunspell
        return [lower for lower in lowers if lower in forms or lower in users or well_formed(lower)
                or any(h.spell(lower) for h in hunspell)]

    # -- the decision ----------------------------------------------------
    def _decide(self, word: str) -> bool:
        if self.hunspell and any(h.spell(word) for h in self.hunspell):
            return True
        lower = az_lower(word)
        if len(lower) == 1 and lower.isalpha():
            return True  # a letter alone: an initial, a unit (m, s), a list mark
        if lower in self.forms or lower in self.user_words or lower in self.stems:
            return True
        for mark in _APOSTROPHES:
            if mark in word:
                host, _, suffix = word.partition(mark)
                return self._host_takes_suffix(host, az_lower(suffix), host_may_be_name=True)
        if any(h in word for h in _HYPHENS):
            return self._compound_is_known(word)
        return lower.isalpha() and self.analyzer.is_well_formed(lower)

    def _compound_is_known(self, word: str) -> bool:
        parts = word.replace("‐", "-").replace("‑", "-").split("-")
        if not all(parts):
            return False
        host = parts[0]
        if host.isdigit() or (is_upper_word(host) and len(host) > 1):
            # 2023-cü, BMT-dən, COVID-19: a code with a suffix or number.
            tail = parts[1:]
            return all(p.isdigit() for p in tail) or (
                len(tail) == 1 and self._host_takes_suffix(host, az_lower(tail[0]))
            )
        if not all(self.is_known(part) for part in parts):
            return False
        # "Bakı-nın": a part that is only a suffix of the part before it is
        # a wrongly hyphenated suffix, not a compound.
        return not any(
            az_lower(part) not in self.stems and self._host_takes_suffix(prev, az_lower(part))
            for prev, part in zip(parts, parts[1:])
        )

    def _host_takes_suffix(self, host: str, suffix: str, host_may_be_name: bool = False) -> bool:
        if not host or not suffix:
            return False
        host_ok = (
            host.isdigit()
            or is_upper_word(host)
            or (host_may_be_name and host[0].isupper())
            or self.is_known(host)
        )
        if not host_ok:
            return False
        return self.analyzer.fits_after(host, suffix)


def read_stems(path: Path) -> tuple[dict[str, StemEntry], dict[str, int], frozenset[str]]:
    """Stem entries, the corpus counts of the stems that have one, and the
    roots (stems only the frequency list attests: :func:`azfix.build.dictionaries.attested_roots`)."""
    return parse_stems(read_data_lines(path))


def parse_stems(lines: Iterable[str]) -> tuple[dict[str, StemEntry], dict[str, int], frozenset[str]]:
    """:func:`read_stems` of the data lines of ``stems.tsv``."""
    stems = {}
    counts = {}
    roots = set()
    # A few hundred distinct entries serve 120k stems: share them.
    shared: dict[tuple[str, str, str], StemEntry] = {}
    for line in lines:
        stem, pos, harmony, flags, count, sources = line.split("\t")
        key = (pos, harmony, flags)
        entry = shared.get(key)
        if entry is None:
            entry = shared[key] = StemEntry(tuple(pos.split(",")), int(harmony), flags)
        stems[stem] = entry
        if count != "0":
            counts[stem] = int(count)
        if sources == ROOT_SOURCE:
            roots.add(stem)
    return stems, counts, frozenset(roots)


def read_tag_shares(path: Path) -> dict[str, float]:
    """How often a word of running text carries each suffix tag (``tags.tsv``)."""
    return {tag: float(share) for tag, share in (line.split("\t") for line in read_data_lines(path))}


def read_forms(path: Path) -> dict[str, int]:
    return parse_forms(read_data_lines(path))


def parse_forms(lines: Iterable[str]) -> dict[str, int]:
    """Word forms and their counts, from the data lines of ``forms.tsv``."""
    forms = {}
    for line in lines:
        word, count = line.split("\t")
        forms[word] = int(count)
    return forms


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded on first call and shared afterwards."""
    return Lexicon.load()
