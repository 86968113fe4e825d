"""Writes azfix's lexicon as a Hunspell dictionary: ``az_AZ.aff`` and ``az_AZ.dic``.

The dictionary accepts what azfix's lexicon accepts, within Hunspell's means:
every stem of ``dictionaries/stems.tsv`` with every suffix chain of up to
``inner + outer`` suffixes the grammar allows it (compiled into two levels
of suffix classes by :mod:`azfix.export.suffixes`), every attested form of
``forms.tsv`` those chains do not already make, and the letters alone. Left
out: the stems only the CC BY-SA source attests, so that the whole
dictionary can be offered under MPL-2.0 (``dictionaries/SOURCES.md``).

The affix file::

    SET UTF-8, LANG az_AZ      Hunspell's Turkic casing: i↔İ, ı↔I
    FLAG num                   a hundred-odd suffix classes and their flag
                               sets outgrow one-letter flags
    TRY, KEY, REP, MAP         suggestion hints (azfix.export.spelling_hints)
    NEEDAFFIX 1                flag 1: no word without a (further) suffix
    AF                         every flag set, numbered: dictionary lines and
                               affix rules name a set by its number
    SFX <inner class> ...      chains that follow a stem, each continued by
                               outer classes (and needing one, after -acağ)
    SFX <outer class> ...      chains that end a word

Azerbaijani has suffixes only, so no prefix rules: ``COMPLEXPREFIXES``
(twofold *prefix* stripping, for languages that stack prefixes) would
add nothing. A stem alternation is a stem of its own: ``çörəy`` (of
``çörək``) takes only vowel-initial chains and carries ``NEEDAFFIX``, so it
is no word alone. Identical suffix classes share one flag.

It reads only the shipped ``dictionaries/`` folder, never the source data.

>>> entry = StemEntry(("noun",), 2, "s")
>>> [(surface, context[3], alone) for surface, context, alone in stem_surfaces("çörək", entry) if context]
[('çörək', 'consonant', True), ('çörəy', 'vowel', False)]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..data.format import dictionaries_path, read_data_lines
from ..data.lexicon import Lexicon
from ..morphology.analyzer import StemEntry
from ..text.alphabet import LOWERCASE_LETTERS
from .spelling_hints import hint_lines
from .suffixes import Context, SuffixTables, compile_suffixes, stem_surfaces

__all__ = ["ExportSummary", "export_hunspell", "exported_lexicon"]

NEEDAFFIX = 1  # the flag of a stem or chain that is no word without a further suffix
COPYLEFT_ONLY = "a"  # the sources column of a stem only the CC BY-SA source attests (SOURCES.md)


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What was written: counts and file sizes."""

    aff: Path
    dic: Path
    stems: int
    forms: int
    entries: int
    inner_classes: int
    outer_classes: int
    rules: int

    def describe(self) -> str:
        size = self.aff.stat().st_size + self.dic.stat().st_size
        return (f"{self.dic.name}: {self.entries:,} entries ({self.stems:,} stems, {self.forms:,} attested forms); "
                f"{self.aff.name}: {self.inner_classes} inner and {self.outer_classes} outer suffix classes, "
                f"{self.rules:,} rules; {size:,} bytes in all")


def export_hunspell(out: Path, lexicon: Lexicon | None = None, inner: int = 2, outer: int = 2,
                    name: str = "az_AZ") -> ExportSummary:
    """Write ``out/<name>.aff`` and ``out/<name>.dic`` into the existing folder ``out``.

    ``lexicon`` defaults to :func:`exported_lexicon`; its stems and attested
    forms are what is written. A word may carry up to ``inner + outer``
    suffixes.
    """
    lexicon = lexicon if lexicon is not None else exported_lexicon()
    surfaces = stem_readings(lexicon.stems)
    tables = compile_suffixes({c for contexts, _alone in surfaces.values() for c in contexts}, inner, outer)
    forms = uncovered_forms(lexicon, inner + outer, surfaces)
    for word in forms + list(LOWERCASE_LETTERS):  # a letter alone is a word to azfix (an initial, a unit)
        surfaces[word] = (surfaces.get(word, (set(), True))[0], True)
    flags = FlagTable(tables)
    entries = (flags.entry(surface, contexts, alone) for surface, (contexts, alone) in sorted(surfaces.items()))
    dic_lines = [line for line in entries if line is not None]
    aff_lines = header_lines(inner + outer) + hint_lines(lexicon.forms) + flags.lines()
    aff, dic = out / f"{name}.aff", out / f"{name}.dic"
    _write(aff, aff_lines)
    _write(dic, [str(len(dic_lines)), *dic_lines])
    return ExportSummary(aff, dic, len(lexicon.stems), len(forms), len(dic_lines), len(set(flags.inner.values())),
                         len(set(flags.outer.values())), sum(len(rows) for _flag, rows in flags.classes))


def exported_lexicon(folder: Path | None = None) -> Lexicon:
    """The shipped lexicon less the stems only the CC BY-SA source attests (``a`` in ``stems.tsv``)."""
    folder = Path(folder) if folder is not None else dictionaries_path()
    full = Lexicon.load(folder)
    dropped = {line.split("\t", 1)[0] for line in read_data_lines(folder / "stems.tsv")
               if line.rsplit("\t", 1)[1] == COPYLEFT_ONLY}
    return Lexicon({stem: entry for stem, entry in full.stems.items() if stem not in dropped}, full.forms,
                   stem_counts=full.stem_counts)


def stem_readings(stems: dict[str, StemEntry]) -> dict[str, tuple[set[Context], bool]]:
    """Each written stem surface: the contexts its suffix chains start in, and whether it is a word alone."""
    readings: dict[str, tuple[set[Context], bool]] = {}
    for stem, entry in stems.items():
        for surface, context, alone in stem_surfaces(stem, entry):
            contexts, was_alone = readings.get(surface, (set(), False))
            if context is not None:
                contexts.add(context)
            readings[surface] = (contexts, was_alone or alone)
    return readings


def uncovered_forms(lexicon: Lexicon, max_suffixes: int, surfaces: dict[str, tuple[set[Context], bool]]) -> list[str]:
    """Attested forms that the stems and chains of at most ``max_suffixes`` suffixes do not make."""
    analyzer = lexicon.analyzer
    return [form for form in lexicon.forms
            if not surfaces.get(form, (None, False))[1]
            and not any(len(a.suffixes) <= max_suffixes for a in analyzer.iter_analyses(form))]


class FlagTable:
    """Numbers the suffix classes (identical classes share a flag) and the flag sets (``AF`` aliases)."""

    def __init__(self, tables: SuffixTables):
        self._aliases: dict[tuple[int, ...], int] = {}
        self.classes: list[tuple[int, list[tuple[str, int]]]] = []  # (flag, [(chain, alias or 0)])
        self.outer = self._number({c: [(chain, 0) for chain in sorted(chains)] for c, chains in tables.outer.items()})
        self.inner = self._number({
            context: [(chain, self.alias([self.outer[c] for c in rule.continuations]
                                         + ([] if rule.complete else [NEEDAFFIX])))
                      for chain, rule in rules.items()]
            for context, rules in tables.inner.items()})

    def _number(self, classes: dict[Context, list[tuple[str, int]]]) -> dict[Context, int]:
        flags: dict[Context, int] = {}
        by_content: dict[tuple, int] = {}
        for context, rows in classes.items():
            key = tuple(rows)
            if key not in by_content:
                by_content[key] = NEEDAFFIX + 1 + len(self.classes)
                self.classes.append((by_content[key], rows))
            flags[context] = by_content[key]
        return flags

    def alias(self, flags: list[int]) -> int:
        """The number of the flag set (0 for none)."""
        if not flags:
            return 0
        key = tuple(sorted(set(flags)))
        return self._aliases.setdefault(key, len(self._aliases) + 1)

    def entry(self, surface: str, contexts: set[Context], alone: bool) -> str | None:
        """The dictionary line of a stem surface (None for a surface that makes no word)."""
        classes = [self.inner[c] for c in contexts if c in self.inner]
        if not classes and not alone:
            return None
        number = self.alias(classes + ([] if alone else [NEEDAFFIX]))
        return f"{surface}/{number}" if number else surface

    def lines(self) -> list[str]:
        """The NEEDAFFIX, AF and SFX lines (after every :meth:`entry`: the aliases are complete)."""
        out = [f"NEEDAFFIX {NEEDAFFIX}", f"AF {len(self._aliases)}"]
        out += [f"AF {','.join(map(str, key))}" for key in self._aliases]  # numbered from 1, in order
        for flag, rows in self.classes:
            out.append(f"SFX {flag} Y {len(rows)}")
            out += [f"SFX {flag} 0 {chain}/{alias} ." if alias else f"SFX {flag} 0 {chain} ." for chain, alias in rows]
        return out


def header_lines(max_suffixes: int) -> list[str]:
    return [
        f"# az_AZ: Azerbaijani (Latin script) Hunspell dictionary made by azfix {__version__} "
        "(azfix export-hunspell)",
        f"# from azfix's stems and suffix grammar: a stem and up to {max_suffixes} suffixes, plus attested forms.",
        "# Licence: MPL-2.0 (https://mozilla.org/MPL/2.0/). Built from: the mozillaz Hunspell dictionary",
        "# (Mozilla Azerbaijan, word list of azerdict.com; MPL-2.0), the aznlp orthographic-dictionary",
        "# headwords, the aygun lemmas (ANAS), the AzeLexicon word list and the LocalDoc frequency dictionary",
        "# (all MIT), and azfix's grammar (MIT). Details and reasoning: dictionaries/SOURCES.md of azfix.",
        "SET UTF-8",
        "LANG az_AZ",
        "FLAG num",
    ]


def _write(path: Path, lines: list[str]) -> None:
    """Write through a temporary file beside ``path``, renamed over it when complete."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
