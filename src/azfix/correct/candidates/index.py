"""Candidate generation: which correct words could a damaged word have been?

Three indexes over the lexicon, read on first use from the file
``dictionaries/candidates.bin`` that :mod:`azfix.build.dictionaries` writes (or built,
for another lexicon), kept compactly in :class:`~azfix.data.keytable.KeyTable` tables:

- the **skeleton index** maps the diacritic skeleton (:func:`skeleton`, e.g.
  ``siyaset``) of every attested form to the forms that share it, so that a
  word typed without Azerbaijani letters finds its forms at once;
- a **symmetric-delete index** (the SymSpell idea) maps each skeleton with one
  letter deleted to the forms it came from. Deleting one letter from the query
  and from the dictionary reaches every form within one insertion, deletion or
  substitution of the skeleton, and therefore any number of diacritic edits
  plus one ordinary edit;
- the same two indexes over the **attested stems**, so that an inflection
  nobody has written before is still reachable: the stem part is corrected
  through the stem index and the suffixes are re-realised by the grammar with
  the right vowel harmony (``müharibasi`` → ``müharibə`` + ``si``,
  ``təşəbbüslerinə`` → ``təşəbbüs`` + ``lərinə``).

Splits of one token into two words (``bizidəstəkləyən``) are proposed too.
Every :class:`Candidate` records how it was made (:class:`CandidateKind`).
This module proposes; it never decides (that is :mod:`azfix.correct.corrector`).
"""

from __future__ import annotations

import enum
import io
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ...text.alphabet import VOWELS, ascii_fold, harmony_class
from ...data.keytable import KeyTable, word_list_fingerprint
from ...data.lexicon import Lexicon
from ...morphology.analyzer import _SOFTEN, ACCEPTING, GRAMMAR, START_STATE, _next_context, realize

__all__ = ["Candidate", "CandidateKind", "CandidateIndex", "skeleton"]

_EXTRA_FOLD = str.maketrans({"ñ": "n", "Ñ": "N", "ä": "a", "ı": "i"})
MIN_INDEXED_LENGTH = 3
_LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
_LETTER_SET = frozenset(_LETTERS)
SPLIT_READINGS = 4  # near forms tried for the garbled side of a split
SPLIT_MIN_COUNT = 1000  # both words of a split are this frequent
FUNCTION_WORD_COUNT = 200_000  # ... or one of them this frequent and the other well formed
EXACT_SPLIT_MIN_COUNT = 100  # ... or, written exactly, one of them at least this frequent


def skeleton(word: str) -> str:
    """The diacritic skeleton of a lowercase word: ``yönəlmış`` → ``yonelmis``."""
    return ascii_fold(word).translate(_EXTRA_FOLD)


class CandidateKind(str, enum.Enum):
    DIACRITIC = "diacritic"  # same skeleton
    EDIT = "typo"  # within the delete index
    STEM = "stem"  # corrected stem + re-realised suffixes
    SPLIT = "split"  # two words


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    kind: CandidateKind


_MAGIC = b"azfix candidate index v1\n"
# No Azerbaijani word begins with a dotless ı: the forms and stems that do are
# foreign words whose capital I the sources lowercased the Turkic way
# (ınternational, ıntroduction). Known, so left alone; never proposed
# (introduction must not become ıntroduction).
FOREIGN_INITIAL = "ı"


def _fingerprint(*lists: Sequence) -> bytes:
    """A line naming the word lists a saved index was built from."""
    return (" ".join(map(word_list_fingerprint, lists)) + "\n").encode("ascii")


def deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def _index(words: Sequence[str], min_length: int = MIN_INDEXED_LENGTH) -> tuple[KeyTable, KeyTable]:
    """(skeleton table, delete table) of ``words``."""
    keys = [skeleton(word) for word in words]
    by_skeleton = KeyTable.build(((key, i) for i, key in enumerate(keys)), words)
    by_delete = KeyTable.build(((d, i) for i, key in enumerate(keys) if len(key) >= min_length
                                for d in sorted(deletes(key))), words)
    return by_skeleton, by_delete


class CandidateIndex:
    """Candidate generator over one lexicon. Build once, share freely (read-only).

    ``prebuilt`` names a file written by :meth:`save` (the shipped one is
    ``dictionaries/candidates.bin``): if it was made from the same lexicon,
    the indexes are read from it instead of being built.
    """

    def __init__(self, lexicon: Lexicon, min_form_count: int = 0, prebuilt: Path | None = None):
        self.lexicon = lexicon
        self.min_form_count = min_form_count
        self.prebuilt = prebuilt
        self._forms: tuple[KeyTable, KeyTable] | None = None
        self._stems: tuple[KeyTable, KeyTable] | None = None
        # Cached per index: the same word ends turn up in many glued words.
        self._readings = lru_cache(maxsize=20_000)(self._frequent_near)

    # Built (a second or so) or read only on the first unknown word.
    @property
    def form_skeletons(self) -> KeyTable:
        return self._form_indexes()[0]

    @property
    def form_deletes(self) -> KeyTable:
        return self._form_indexes()[1]

    @property
    def stem_skeletons(self) -> KeyTable:
        return self._stem_indexes()[0]

    @property
    def stem_deletes(self) -> KeyTable:
        return self._stem_indexes()[1]

    def _word_lists(self) -> tuple[list[str], list[str], list[int]]:
        """(indexed forms, stems, ids of the stems that get a delete index)."""
        lexicon = self.lexicon
        forms = [w for w, c in lexicon.forms.items()
                 if c >= self.min_form_count and "-" not in w and not w.startswith(FOREIGN_INITIAL)]
        stems = [s for s in lexicon.stems if not s.startswith(FOREIGN_INITIAL)]
        counts, roots = lexicon.stem_counts, lexicon.roots
        # Every stem is reachable by its skeleton (diacritic restoration of
        # rare words and names); only attested stems by one further edit
        # (not the roots the frequency list alone gives: they are forms,
        # reachable in the form index, and would cost memory here).
        attested = [i for i, s in enumerate(stems)
                    if counts.get(s, 0) > 0 and len(s) >= MIN_INDEXED_LENGTH and s not in roots]
        return forms, stems, attested

    def _load(self) -> None:
        forms, stems, attested = self._word_lists()
        fingerprint = _fingerprint(forms, stems, attested)
        if self.prebuilt is not None and self.prebuilt.is_file():
            data = memoryview(zlib.decompress(self.prebuilt.read_bytes()))
            head = _MAGIC + fingerprint
            if data[:len(head)] == head:
                offset = len(head)
                tables = []
                for words in (forms, forms, stems, stems):
                    table, offset = KeyTable.read(data, offset, words)
                    tables.append(table)
                self._forms, self._stems = (tables[0], tables[1]), (tables[2], tables[3])
                return
        self._forms = _index(forms, min_length=2)
        stem_keys = [skeleton(stem) for stem in stems]
        self._stems = (
            KeyTable.build(((key, i) for i, key in enumerate(stem_keys)), stems),
            KeyTable.build(((d, i) for i in attested for d in sorted(deletes(stem_keys[i]))), stems),
        )

    def save(self, path: Path) -> None:
        """Write the indexes to ``path`` (zlib-compressed), marked with what they were built from."""
        forms, stems, attested = self._word_lists()
        out = io.BytesIO()
        out.write(_MAGIC + _fingerprint(forms, stems, attested))
        for table in (*self._form_indexes(), *self._stem_indexes()):
            table.write(out)
        Path(path).write_bytes(zlib.compress(out.getvalue(), 6))

    def _form_indexes(self) -> tuple[KeyTable, KeyTable]:
        if self._forms is None:
            self._load()
        return self._forms

    def _stem_indexes(self) -> tuple[KeyTable, KeyTable]:
        if self._stems is None:
            self._load()
        return self._stems

    # -- lookups ---------------------------------------------------------
    @staticmethod
    def _near(key: str, by_skeleton: KeyTable, by_delete: KeyTable) -> tuple[set[str], set[str]]:
        """(same-skeleton words, words one skeleton edit away) for a skeleton key."""
        same = set(by_skeleton.get(key))
        near: set[str] = set(by_delete.get(key))
        one_less = deletes(key)
        by_skeleton.collect(one_less, near)
        by_delete.collect(one_less, near)
        return same, near - same

    def letter_swaps(self, word: str, min_count: int) -> list[str]:
        """Attested forms seen at least ``min_count`` times that differ from
        ``word`` in exactly one letter (``on``/``ən``): real-word confusion sets.

        Once the delete index exists, a form one substitution away shares a
        delete with ``word`` at the substituted place: one lookup per letter.
        Before that (clean text needs no index), every substitution is looked
        up. Both give the same list, in the same order.
        """
        key = skeleton(word)
        if self._forms is None or len(key) != len(word) or not word.isalpha():
            return self._letter_swaps_by_lookup(word, min_count)
        forms, by_delete = self.lexicon.forms, self._forms[1]
        found = []
        for i in range(len(word)):
            head, tail = word[:i], word[i + 1:]
            for form in by_delete.get(key[:i] + key[i + 1:]):
                if (len(form) == len(word) and form[i] != word[i] and form[i] in _LETTER_SET
                        and form.startswith(head) and form.endswith(tail) and forms.get(form, 0) >= min_count):
                    found.append((i, _LETTERS.index(form[i]), form))
        return [form for _, _, form in sorted(found)]

    def _letter_swaps_by_lookup(self, word: str, min_count: int) -> list[str]:
        forms = self.lexicon.forms
        out = []
        for i, old in enumerate(word):
            head, tail = word[:i], word[i + 1:]
            for letter in _LETTERS:
                swapped = head + letter + tail
                if letter != old and forms.get(swapped, 0) >= min_count and not swapped.startswith(FOREIGN_INITIAL):
                    out.append(swapped)
        return out

    def forms_with_skeleton(self, key: str) -> tuple[str, ...]:
        """Attested forms whose diacritic skeleton is ``key``."""
        return self.form_skeletons.get(key)

    def forms_near(self, word: str) -> list[Candidate]:
        same, near = self._near(skeleton(word), self.form_skeletons, self.form_deletes)
        out = [Candidate(w, CandidateKind.DIACRITIC) for w in same if w != word]
        out += [Candidate(w, CandidateKind.EDIT) for w in near if w != word]
        return out

    def stems_near(self, prefix: str, diacritic_only: bool = False) -> set[str]:
        key = skeleton(prefix)
        if diacritic_only:
            return set(self.stem_skeletons.get(key))
        same, near = self._near(key, self.stem_skeletons, self.stem_deletes)
        return same | near

    # -- generation ------------------------------------------------------
    def stem_candidates(self, word: str, diacritic_only: bool = False) -> list[Candidate]:
        """A corrected stem followed by the suffixes re-realised with its harmony."""
        out = []
        stems = self.lexicon.stems
        for cut in range(len(word) - 1, MIN_INDEXED_LENGTH - 1, -1):
            rest_key = skeleton(word[cut:])
            for stem in self.stems_near(word[:cut], diacritic_only):
                entry = stems.get(stem)
                if entry is None:
                    continue
                harmony = entry.harmony or harmony_class(stem) or 0
                after_vowel = stem[-1] in VOWELS
                for pos in entry.pos:
                    for suffix in suffix_spellings(rest_key, START_STATE.get(pos, "N"), harmony, after_vowel):
                        out.append(Candidate(stem_surface(stem, entry, suffix) + suffix, CandidateKind.STEM))
        return out

    def edit_candidates(self, word: str, cheap_substitutions: dict[str, str]) -> list[Candidate]:
        """Known words one deletion, swap, cheap substitution or doubling away.

        Unlike the indexes this reaches inflections that no corpus attests
        (``yazırırlar`` → ``yazırlar``), at the price of a morphological check
        per variant.
        """
        variants = set()
        for i in range(len(word)):
            variants.add(word[:i] + word[i + 1:])
            variants.add(word[:i] + word[i] + word[i:])
            if i + 1 < len(word):
                variants.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
            for other in cheap_substitutions.get(word[i], ""):
                variants.add(word[:i] + other + word[i + 1:])
        variants.discard(word)
        is_known = self.lexicon.is_known_lower
        return [Candidate(v, CandidateKind.EDIT) for v in variants
                if len(v) > 1 and not v.startswith(FOREIGN_INITIAL) and is_known(v)]

    def split_candidates(self, word: str) -> list[Candidate]:
        """Two frequent words written together: ``bizidəstəkləyən``; a
        function word and a well-formed inflection (``qohumluğunagörə``); or
        together and garbled (``bütünüzy`` → ``bütün üzv``)."""
        forms = self.lexicon.forms
        out = []
        for cut in range(1, len(word) - 1):  # a one-letter left word only as written (ozaman: o zaman)
            left, right = word[:cut], word[cut:]
            left_count, right_count = forms.get(left, 0), forms.get(right, 0)
            if min(left_count, right_count) >= EXACT_SPLIT_MIN_COUNT and max(left_count, right_count) >= SPLIT_MIN_COUNT:
                # two attested words, one of them frequent: the prior and the
                # context weigh the rarer one
                out.append(Candidate(f"{left} {right}", CandidateKind.SPLIT))
                continue
            if (max(left_count, right_count) >= FUNCTION_WORD_COUNT and min(len(left), len(right)) >= 3
                    and self.lexicon.is_known_lower(right if left_count >= FUNCTION_WORD_COUNT else left)):
                # a function word glued to an inflection nobody has written
                # yet (qohumluğunagörə, çoxağırlığa): the prior weighs it
                out.append(Candidate(f"{left} {right}", CandidateKind.SPLIT))
                continue
            left_ok, right_ok = left_count >= SPLIT_MIN_COUNT, right_count >= SPLIT_MIN_COUNT
            # Glued and garbled: each side may be one cheap edit from a word
            # (bütünüzy → bütün üzv); the error model prices the whole.
            if len(left) < 2 or len(right) < 2:
                continue
            for first in ([left] if left_ok else []) + list(self._readings(left)):
                for second in ([right] if right_ok else []) + list(self._readings(right)):
                    out.append(Candidate(f"{first} {second}", CandidateKind.SPLIT))
        return out

    def _frequent_near(self, part: str) -> tuple[str, ...]:
        """The most frequent forms one skeleton edit from ``part``: how one
        side of a glued pair may have been meant."""
        forms = self.lexicon.forms
        same, near = self._near(skeleton(part), self.form_skeletons, self.form_deletes)
        frequent = [w for w in same | near if w != part and forms.get(w, 0) >= SPLIT_MIN_COUNT]
        frequent.sort(key=lambda w: (-forms[w], w))
        return tuple(frequent[:SPLIT_READINGS])


_SOFT = {"k": "y", "q": "ğ", "t": "d"}


@lru_cache(maxsize=None)
def realized_variants(template: str, harmony: int, after_vowel: bool) -> tuple[tuple[str, str], ...]:
    """(written form, skeleton) of a suffix template here, with its softened variant."""
    surface = realize(template, harmony, after_vowel)
    if not surface:
        return ()
    forms = [surface]
    if template.endswith("Q"):
        forms.append(surface[:-1] + _SOFTEN[surface[-1]])
    return tuple((form, skeleton(form)) for form in forms)


def stem_surface(stem: str, entry, suffix: str) -> str:
    """The stem as written before ``suffix``: softened or voiced before a vowel."""
    if suffix[:1] in "aıoueəiöü" and stem[-1] in _SOFT and (
        ("s" in entry.flags and stem[-1] in "kq") or ("d" in entry.flags and stem[-1] == "t")
    ):
        return stem[:-1] + _SOFT[stem[-1]]
    return stem


@lru_cache(maxsize=None)
def _steps(state: str, harmony: int, after_vowel: bool) -> dict[str, tuple[tuple[str, str, str, int, bool], ...]]:
    """The suffixes written in this state and context, grouped by the first letter of their skeleton."""
    grouped: dict[str, list] = {}
    for _tag, template, next_state in GRAMMAR[state]:
        for form, key in realized_variants(template, harmony, after_vowel):
            grouped.setdefault(key[0], []).append((form, key, next_state, *_next_context(form, harmony)))
    return {first: tuple(steps) for first, steps in grouped.items()}


@lru_cache(maxsize=50_000)
def suffix_spellings(rest_key: str, state: str, harmony: int, after_vowel: bool) -> tuple[str, ...]:
    """Correctly written suffix chains whose skeleton is ``rest_key`` (at most nine).

    Cached: the same damaged ending (``lerinde``) follows many stems.
    """
    results: list[str] = []

    def walk(rest: str, state: str, h: int, after_vowel: bool, written: str, depth: int) -> None:
        if not rest:
            if state in ACCEPTING:
                results.append(written)
            return
        if depth > 6 or len(results) > 8:
            return
        for form, key, next_state, nh, nav in _steps(state, h, after_vowel).get(rest[0], ()):
            if rest.startswith(key):
                walk(rest[len(key):], next_state, nh, nav, written + form, depth + 1)

    walk(rest_key, state, harmony, after_vowel, "", 0)
    return tuple(results)
