"""Peer correctors wrapped to produce azfix-style edits, for side-by-side benchmarks.

Each peer corrects word by word (symspellpy's compound lookup: line by line)
and keeps the case of the original word. Built lazily; each needs only the
shared data folder.
"""

from __future__ import annotations

from pathlib import Path

import regex

from azfix.text.alphabet import az_lower, transfer_case
from azfix.edits import Edit

_WORD = regex.compile(r"\p{L}+")


def word_edits(text: str, correct_word) -> list[Edit]:
    edits = []
    for match in _WORD.finditer(text):
        word = match.group()
        fixed = correct_word(word)
        if fixed and fixed != word:
            edits.append(Edit(match.start(), match.end(), word, fixed, "peer", 1.0))
    return edits


def hunspell_peer(shared: Path, name: str):
    import hunspell

    folder = {"mozillaz": "mozillaz-hunspell/az", "aspell": "aspell-az/az_AZ"}[name]
    base = shared / "data" / "lexicon" / folder
    checker = hunspell.Hunspell(base.name, hunspell_data_dir=str(base.parent))

    def correct(word: str) -> str:
        if checker.spell(word):
            return word
        suggestions = checker.suggest(word)
        return suggestions[0] if suggestions else word

    return lambda text: word_edits(text, correct)


def localdoc_counts(shared: Path) -> dict[str, int]:
    path = shared / "data" / "lexicon" / "localdoc-freq" / "frequency_dictionary_az_80k.txt"
    counts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if count.isdigit():
            word = word.replace("\u04d9", "ə")
            counts[word] = counts.get(word, 0) + int(count)
    return counts


def symspell_peer(shared: Path, compound: bool = False):
    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2)
    for word, count in localdoc_counts(shared).items():
        sym.create_dictionary_entry(word, count)

    def correct(word: str) -> str:
        found = sym.lookup(az_lower(word), Verbosity.TOP, 2)
        return transfer_case(word, found[0].term) if found else word

    if not compound:
        return lambda text: word_edits(text, correct)

    def per_line(text: str) -> list[Edit]:
        edits, position = [], 0
        for line in text.split("\n"):
            if line.strip():
                found = sym.lookup_compound(az_lower(line), 2)
                fixed = found[0].term if found else line
                if fixed != az_lower(line).strip():
                    edits.append(Edit(position, position + len(line), line, fixed, "peer", 1.0))
            position += len(line) + 1
        return edits

    return per_line


def pyspellchecker_peer(shared: Path):
    from spellchecker import SpellChecker

    checker = SpellChecker(language=None, distance=2)
    checker.word_frequency.load_json(localdoc_counts(shared))

    def correct(word: str) -> str:
        lower = az_lower(word)
        if lower in checker:
            return word
        fixed = checker.correction(lower)
        return transfer_case(word, fixed) if fixed else word

    return lambda text: word_edits(text, correct)


PEERS = {
    "do nothing": lambda shared: (lambda text: []),
    "hunspell (mozillaz)": lambda shared: hunspell_peer(shared, "mozillaz"),
    "hunspell (aspell-az)": lambda shared: hunspell_peer(shared, "aspell"),
    "symspellpy (per token)": lambda shared: symspell_peer(shared),
    "symspellpy (lookup_compound per line)": lambda shared: symspell_peer(shared, compound=True),
    "pyspellchecker": pyspellchecker_peer,
}
