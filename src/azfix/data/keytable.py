"""A compact, read-only map from string keys to words, kept in flat arrays.

The candidate indexes (:mod:`azfix.correct.candidates.index`) map some 900,000 short keys
(diacritic skeletons and their one-letter deletes) to the words they came
from. As a ``dict`` of ``str`` that costs about 90 MB in every process, and
every batch worker has its own copy. A :class:`KeyTable` keeps the same map
in five arrays (the keys as UTF-8 bytes, grouped into hash buckets, and the
ids of their words into a shared word list): about 27 MB, saved by
:mod:`azfix.build.dictionaries` as they lie in memory, so that a process maps
the file and uses the arrays where they are (no reading, no copy: the pages
are shared by every process on the machine).

A lookup hashes the key (CRC-32, stable across processes and machines) to
its bucket and compares the few keys there.

>>> words = ["kitab", "kitabı", "bazar"]
>>> table = KeyTable.build([("ktb", 0), ("ktb", 1), ("bzr", 2)], words)
>>> table.get("ktb"), table.get("bzr"), table.get("xyz")
(('kitab', 'kitabı'), ('bazar',), ())
"""

from __future__ import annotations

import sys
from array import array
from typing import BinaryIO, Iterable, Sequence
from zlib import crc32

from .._native import kernel

__all__ = ["KeyTable", "word_list_fingerprint"]

_TYPECODE = "I"  # unsigned 32-bit on every platform CPython supports
_ITEM = array(_TYPECODE).itemsize
_KERNEL = kernel("keytable")  # the compiled twin of KeyTable's lookups, or None
_PARTS = ("buckets", "key_ends", "id_ends", "ids")


class KeyTable:
    """Keys → tuples of words from ``words``. Read-only once built; safe to share.

    :meth:`get` and :meth:`collect` run the compiled kernel (:mod:`azfix._native`)
    over the same arrays when it was built; the pure-Python code below defines them.
    """

    __slots__ = ("keys", "buckets", "key_ends", "id_ends", "ids", "words", "_mask", "compiled")

    def __init__(self, keys: bytes | memoryview, buckets: Sequence[int], key_ends: Sequence[int],
                 id_ends: Sequence[int], ids: Sequence[int], words: Sequence[str]):
        self.keys = keys  # every key's UTF-8 bytes, back to back, bucket by bucket
        self.buckets = buckets  # slot where each bucket starts (one more entry: the end)
        self.key_ends = key_ends  # byte offset where each slot's key ends
        self.id_ends = id_ends  # offset in ``ids`` where each slot's word ids end
        self.ids = ids  # word ids, slot by slot, in the order they were given
        self.words = words
        self._mask = len(buckets) - 2
        # the compiled twin over the same arrays (None: pure Python)
        self.compiled = _KERNEL.Table(keys, buckets, key_ends, id_ends, ids, words) if _KERNEL is not None else None

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, int]], words: Sequence[str]) -> "KeyTable":
        """A table from (key, word id) pairs; a key's words keep the order of the pairs."""
        grouped: dict[bytes, list[int]] = {}
        for key, word_id in pairs:
            grouped.setdefault(key.encode("utf-8"), []).append(word_id)
        size = 1
        while size < len(grouped):  # at most one key to a bucket on average: most misses find an empty one
            size *= 2
        mask = size - 1
        slots = sorted((crc32(key) & mask, key) for key in grouped)
        buckets = array(_TYPECODE, [0] * (size + 1))
        for bucket, _ in slots:
            buckets[bucket + 1] += 1
        for b in range(size):
            buckets[b + 1] += buckets[b]
        keys = [key for _, key in slots]
        key_ends, id_ends, ids = [], [], []
        key_end = 0
        for key in keys:
            key_end += len(key)
            key_ends.append(key_end)
            ids += grouped[key]
            id_ends.append(len(ids))
        return cls(b"".join(keys), buckets, array(_TYPECODE, key_ends), array(_TYPECODE, id_ends),
                   array(_TYPECODE, ids), words)

    def get(self, key: str) -> tuple[str, ...]:
        """The words stored under ``key`` (empty when none)."""
        if self.compiled is not None:
            return self.compiled.get(key)
        target = key.encode("utf-8")
        buckets, key_ends, keys = self.buckets, self.key_ends, self.keys
        bucket = crc32(target) & self._mask
        for slot in range(buckets[bucket], buckets[bucket + 1]):
            start = key_ends[slot - 1] if slot else 0
            if keys[start:key_ends[slot]] == target:
                words, ids = self.words, self.ids
                first = self.id_ends[slot - 1] if slot else 0
                return tuple(words[i] for i in ids[first:self.id_ends[slot]])
        return ()

    def collect(self, keys: Iterable[str], into: set[str]) -> None:
        """Add the words stored under each of ``keys`` to ``into`` (one call for many lookups)."""
        if self.compiled is not None:
            self.compiled.collect(keys, into)
            return
        buckets, key_ends, keys_bytes, mask = self.buckets, self.key_ends, self.keys, self._mask
        id_ends, ids, words = self.id_ends, self.ids, self.words
        for key in keys:
            target = key.encode("utf-8")
            bucket = crc32(target) & mask
            for slot in range(buckets[bucket], buckets[bucket + 1]):
                if keys_bytes[key_ends[slot - 1] if slot else 0:key_ends[slot]] == target:
                    into.update(words[i] for i in ids[id_ends[slot - 1] if slot else 0:id_ends[slot]])
                    break

    def __len__(self) -> int:
        return len(self.key_ends)

    # -- files -------------------------------------------------------------
    def write(self, out: BinaryIO) -> None:
        """Write the arrays (little-endian) and the keys, padded to whole 4-byte
        words so that a table written after it stays aligned; the words are not written."""
        parts = [getattr(self, name) for name in _PARTS]
        header = array(_TYPECODE, [len(part) for part in parts] + [len(self.keys)])
        for part in (header, *parts):
            out.write(_little_endian(part))
        out.write(bytes(self.keys))
        out.write(bytes(-len(self.keys) % _ITEM))

    @classmethod
    def read(cls, data: memoryview, offset: int, words: Sequence[str]) -> tuple["KeyTable", int]:
        """A table written by :meth:`write`, from ``data`` at ``offset`` (a multiple of 4), and the
        offset after it. On a little-endian machine the table's arrays are views of ``data``, not copies."""
        lengths = _array(data[offset:offset + _ITEM * (len(_PARTS) + 1)])
        offset += _ITEM * (len(_PARTS) + 1)
        parts = []
        for length in lengths[:-1]:
            parts.append(_array(data[offset:offset + _ITEM * length]))
            offset += _ITEM * length
        keys = data[offset:offset + lengths[-1]]
        offset += lengths[-1] + (-lengths[-1] % _ITEM)
        return cls(keys, *parts, words), offset


def word_list_fingerprint(items: Iterable) -> str:
    """How many items, and the CRC-32 of them in order: names the word list a
    saved table or model was made from, so that one made from other words is not used."""
    items = list(items)
    try:
        text = chr(10).join(items)  # words: no call per item
    except TypeError:
        text = chr(10).join(map(str, items))
    return f"{len(items)}:{crc32(text.encode('utf-8')):08x}"


def _array(raw: memoryview) -> Sequence[int]:
    """Little-endian unsigned 32-bit integers: a view of ``raw`` where the machine reads them so, else a copy."""
    if sys.byteorder == "little":
        return raw.cast(_TYPECODE)
    values = array(_TYPECODE)
    values.frombytes(raw)
    values.byteswap()
    return values


def _little_endian(values: array) -> bytes:
    if sys.byteorder == "little":
        return values.tobytes()
    copy = array(_TYPECODE, values)
    copy.byteswap()
    return copy.tobytes()
