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

The stem candidates, one-edit inflections and splits built on these indexes
are in :mod:`.stems`, :mod:`.edits` and :mod:`.splits`. Every
:class:`~.base.Candidate` records how it was made (:class:`~.base.CandidateKind`).
This module proposes; it never decides (that is :mod:`azfix.correct.decide`).
"""

from __future__ import annotations

import io
import mmap
from array import array
import os
from pathlib import Path
from typing import Sequence

from ..._native import kernel
from ...text.alphabet import LOWERCASE_LETTERS
from ...data.keytable import KeyTable, word_list_fingerprint
from ...data.lexicon import Lexicon
from .base import Candidate, CandidateKind, make_candidate, skeleton

__all__ = ["Candidate", "CandidateKind", "CandidateIndex", "skeleton"]

MIN_INDEXED_LENGTH = 3
_LETTERS = LOWERCASE_LETTERS
_LETTER_SET = frozenset(_LETTERS)


_KERNEL = kernel("keytable")  # the compiled twin of near_keys (and of the tables' lookups), or None
_MAGIC = b"azfix candidate index v3\n"
_ALIGN = 4  # the tables start on a whole 4-byte word: their arrays are read in place
# No Azerbaijani word begins with a dotless ı: the forms and stems that do are
# foreign words whose capital I the sources lowercased the Turkic way
# (ınternational, ıntroduction). Known, so left alone; never proposed
# (introduction must not become ıntroduction).
FOREIGN_INITIAL = "ı"


def _mapped(path: Path) -> memoryview:
    """The bytes of ``path``, mapped into memory read-only (the pages are read as they are touched)."""
    with open(path, "rb") as file:
        if os.fstat(file.fileno()).st_size == 0:
            return memoryview(b"")
        return memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))


def _fingerprint(*lists: Sequence) -> bytes:
    """A line naming the word lists a saved index was built from."""
    return (" ".join(map(word_list_fingerprint, lists)) + "\n").encode("ascii")


def deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def _index(words: Sequence[str], indexed: Sequence[int],
           min_length: int = MIN_INDEXED_LENGTH) -> tuple[KeyTable, KeyTable]:
    """(skeleton table, delete table) of the words at the positions ``indexed``."""
    keys = {i: skeleton(words[i]) for i in indexed}
    by_skeleton = KeyTable.build(((keys[i], i) for i in indexed), words)
    by_delete = KeyTable.build(((d, i) for i in indexed if len(keys[i]) >= min_length
                                for d in sorted(deletes(keys[i]))), words)
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
        self._form_counts: array | None = None

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

    @property
    def form_counts(self) -> array:
        """The count of each word the form tables point to, in their order (64-bit integers)."""
        if self._form_counts is None:
            self._form_indexes()
            self._form_counts = array("q", self.lexicon.forms.values())  # (the tables' words: list(forms))
        return self._form_counts

    def _word_lists(self) -> tuple[list[str], list[str]]:
        """(forms, stems): the lexicon's, in its order; the tables point into them by position."""
        return list(self.lexicon.forms), list(self.lexicon.stems)

    def _indexed(self, forms: list[str], stems: list[str]) -> tuple[list[int], list[int], list[int]]:
        """Positions of (the forms indexed, the stems indexed, the stems that also get a delete index)."""
        lexicon, min_count = self.lexicon, self.min_form_count
        counts, roots = lexicon.stem_counts, lexicon.roots
        indexed_forms = [i for i, (w, c) in enumerate(lexicon.forms.items())
                         if c >= min_count and "-" not in w and not w.startswith(FOREIGN_INITIAL)]
        indexed_stems = [i for i, s in enumerate(stems) if not s.startswith(FOREIGN_INITIAL)]
        # Every stem is reachable by its skeleton (diacritic restoration of
        # rare words and names); only attested stems by one further edit
        # (not the roots the frequency list alone gives: they are forms,
        # reachable in the form index, and would cost memory here).
        attested = [i for i in indexed_stems
                    if counts.get(stems[i], 0) > 0 and len(stems[i]) >= MIN_INDEXED_LENGTH and stems[i] not in roots]
        return indexed_forms, indexed_stems, attested

    def _source_line(self) -> bytes:
        """The line naming the stems and forms files the tables were read from (by checksum)."""
        return f"source {self.lexicon.tables_checksum} {self.min_form_count}\n".encode("ascii")

    def _lists_line(self, forms: list[str], stems: list[str]) -> bytes:
        """The line naming the word lists and what of them is indexed."""
        return _fingerprint(forms, stems, *self._indexed(forms, stems))

    def _load(self) -> None:
        forms, stems = self._word_lists()
        if self.prebuilt is not None and self.prebuilt.is_file():
            tables = self._read(_mapped(self.prebuilt), forms, stems)
            if tables is not None:
                self._forms, self._stems = tables[:2], tables[2:]
                return
        indexed_forms, indexed_stems, attested = self._indexed(forms, stems)
        self._forms = _index(forms, indexed_forms, min_length=2)
        stem_keys = {i: skeleton(stems[i]) for i in indexed_stems}
        self._stems = (
            KeyTable.build(((stem_keys[i], i) for i in indexed_stems), stems),
            KeyTable.build(((d, i) for i in attested for d in sorted(deletes(stem_keys[i]))), stems),
        )

    def _read(self, data: memoryview, forms: list[str], stems: list[str]) -> tuple[KeyTable, ...] | None:
        """The four tables of a file :meth:`save` wrote, if it was made from this lexicon's words, else None.

        Tables saved from the same stems and forms files (their checksums
        match) are taken at once; otherwise the word lists are compared."""
        head = bytes(data[:4096])
        source_end = head.find(b"\n", len(_MAGIC)) + 1
        lists_end = head.find(b"\n", source_end) + 1 if source_end else 0
        if not head.startswith(_MAGIC) or not lists_end:
            return None
        same_files = self.lexicon.tables_checksum is not None and head[len(_MAGIC):source_end] == self._source_line()
        if not same_files and head[source_end:lists_end] != self._lists_line(forms, stems):
            return None
        offset = lists_end + (-lists_end % _ALIGN)
        tables = []
        for words in (forms, forms, stems, stems):
            table, offset = KeyTable.read(data, offset, words)
            tables.append(table)
        return tuple(tables)

    def save(self, path: Path) -> None:
        """Write the indexes to ``path``, marked with what they were built from: uncompressed and
        aligned, so that :meth:`_load` maps the file and reads the tables where they lie."""
        forms, stems = self._word_lists()
        head = _MAGIC + self._source_line() + self._lists_line(forms, stems)
        out = io.BytesIO()
        out.write(head + bytes(-len(head) % _ALIGN))
        for table in (*self._form_indexes(), *self._stem_indexes()):
            table.write(out)
        Path(path).write_bytes(out.getvalue())

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
    def near_keys(key: str, by_skeleton: KeyTable, by_delete: KeyTable) -> tuple[set[str], set[str]]:
        """(same-skeleton words, words one skeleton edit away) for a skeleton key."""
        if by_skeleton.compiled is not None and by_delete.compiled is not None:
            return _KERNEL.near_keys(key, by_skeleton.compiled, by_delete.compiled)
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
        if by_delete.compiled is not None and type(forms) is dict:
            return _KERNEL.letter_swaps(word, key, by_delete.compiled, forms, min_count, _LETTERS)
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
        same, near = self.near_keys(skeleton(word), self.form_skeletons, self.form_deletes)
        out = [make_candidate((w, CandidateKind.DIACRITIC)) for w in same if w != word]
        out += [make_candidate((w, CandidateKind.EDIT)) for w in near if w != word]
        return out

    def stems_near(self, prefix: str, diacritic_only: bool = False) -> set[str]:
        key = skeleton(prefix)
        if diacritic_only:
            return set(self.stem_skeletons.get(key))
        same, near = self.near_keys(key, self.stem_skeletons, self.stem_deletes)
        return same | near
