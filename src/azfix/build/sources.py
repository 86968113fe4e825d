"""Reading the source lexicons: stems with their parts of speech and sources, and the frequency list, cleaned of glosses and junk.

Every stem keeps one letter per source (:data:`SOURCE_LETTERS`), so that each
row's licence can be traced (``dictionaries/SOURCES.md``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..config import Policy
from ..text.alphabet import az_lower, vowel_count
from .forms import drop_ascii_twins


# A word of the cleaned lexicons: lowercase Azerbaijani letters, optionally
# joined by hyphens.
_WORD = regex.compile(r"[a-zçəğıöşü]+(?:-[a-zçəğıöşü]+)*")
_LEADING_WORD = regex.compile(r"^([a-zçəğıöşü]+(?:-[a-zçəğıöşü]+)*)(?=$|[\s,(;:.])")
# "nəticələndirilm ək": a headword broken by a stray space.
_BROKEN_ENTRY = regex.compile(r"^[a-zçəğıöşü]+ [a-zçəğıöşü]{1,3}\s*$")

_HUNSPELL_POS = {
    "N": "noun", "O": "noun", "A": "adj", "J": "adj", "V": "verb", "E": "verb",
    "D": "adv", "B": "adv", "P": "pron", "R": "pron", "U": "num", "M": "num",
    "F": "conj", "G": "conj",
}
_AZNLP_POS = {"N": "noun", "A": "adj", "D": "adv", "V": "verb", "X": "other"}

SOURCE_LETTERS = {
    "m": "mozillaz-hunspell",
    "a": "az-lang-nlp",
    "h": "aznlp-headwords",
    "g": "aygun-lemmas",
    "e": "azelexicon",
    "f": "localdoc-freq",
}

# An ASCII-fied form is dropped when its diacritic twin is this much more
# frequent.


def clean_word(raw: str) -> str:
    """Normalise one lexicon entry: Cyrillic schwa, case, surrounding space."""
    word = raw.strip().replace("\u04d9", "ə").replace("\u04d8", "Ə").replace("\u01dd", "ə")
    return az_lower(word)


@dataclass
class StemTable:
    """Stems collected from all sources: (stem, pos) -> harmony, sources."""

    rows: dict[tuple[str, str], dict] = field(default_factory=dict)

    def add(self, stem: str, pos: str, source: str, harmony: int = 0) -> None:
        if not _WORD.fullmatch(stem) or vowel_count(stem) == 0 and len(stem) > 1 and pos != "other":
            return
        row = self.rows.setdefault((stem, pos), {"harmony": 0, "sources": set()})
        row["sources"].add(source)
        if harmony and not row["harmony"]:
            row["harmony"] = harmony


    def merged(self) -> dict[str, "MergedStem"]:
        """One record per stem; "nominal" (POS unknown) is dropped where a source gave a POS."""
        by_stem: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for (stem, pos), row in self.rows.items():
            by_stem[stem].append((pos, row))
        merged = {}
        for stem, rows in by_stem.items():
            pos_set = {pos for pos, _ in rows}
            if len(pos_set) > 1:
                pos_set.discard("nominal")
            harmony = next((row["harmony"] for _, row in rows if row["harmony"]), 0)
            sources = "".join(sorted(set().union(*(row["sources"] for _, row in rows))))
            merged[stem] = MergedStem(tuple(sorted(pos_set)), harmony, sources)
        return merged


@dataclass(frozen=True)
class MergedStem:
    pos: tuple[str, ...]
    harmony: int
    sources: str


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def add_mozillaz(table: StemTable, root: Path) -> None:
    lines = read_lines(root / "mozillaz-hunspell" / "az.dic")
    for line in lines[1:]:
        stem, _, flags = line.partition("/")
        word = clean_word(stem)
        # Flags come as letter+digit pairs (N1, G2O2); a bare letter has no class.
        for letter, digit in regex.findall(r"([A-Z])(\d?)", flags):
            pos = _HUNSPELL_POS.get(letter, "other")
            table.add(word, pos, "m", int(digit) if digit else 0)


def add_aznlp(table: StemTable, root: Path) -> None:
    for line in read_lines(root / "az-lang-nlp" / "dict.txt"):
        if len(line) < 2:
            continue
        table.add(clean_word(line[1:]), _AZNLP_POS.get(line[0], "other"), "a")


def add_verb_infinitives(table: StemTable, words: list[str], source: str) -> None:
    for word in words:
        if word.endswith(("maq", "mək")) and vowel_count(word[:-3]) > 0:
            table.add(word[:-3], "verb", source)


def add_glossed_list(table: StemTable, path: Path, source: str, infinitives: bool) -> None:
    """Headword lists with glosses: keep the leading word of each entry."""
    found = []
    for raw in read_lines(path):
        line = clean_word(raw)
        if not line or _BROKEN_ENTRY.match(line):
            continue
        match = _LEADING_WORD.match(line)
        if match:
            found.append(match.group(1))
    for word in found:
        table.add(word, "nominal", source)
    if infinitives:
        add_verb_infinitives(table, found, source)


def read_frequencies(root: Path) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    path = root / "localdoc-freq" / "frequency_dictionary_az_80k.txt"
    for line in read_lines(path):
        parts = line.split()
        if len(parts) != 2 or not parts[1].isdigit():
            continue
        word = clean_word(parts[0])
        if _WORD.fullmatch(word):
            counts[word] += int(parts[1])
    return dict(counts)


def collect(root: Path, policy: Policy = Policy()) -> tuple[StemTable, dict[str, int]]:
    table = StemTable()
    add_mozillaz(table, root)
    add_aznlp(table, root)
    verbs = [clean_word(w) for w in read_lines(root / "aygun-lemmas" / "verb_lemmas.txt")]
    add_verb_infinitives(table, verbs, "g")
    add_glossed_list(table, root / "aygun-lemmas" / "general_lemmas.txt", "g", infinitives=False)
    add_glossed_list(table, root / "aznlp-headwords" / "words.txt", "h", infinitives=True)
    add_glossed_list(table, root / "azelexicon" / "words.txt", "e", infinitives=True)
    stems = {stem for stem, _ in table.rows}
    forms = drop_ascii_twins(read_frequencies(root), stems, policy)
    return table, forms
