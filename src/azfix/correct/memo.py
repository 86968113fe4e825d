"""TypeCache: a bounded memo of a pure function of a word type, whose entries worker processes can hand each other.

A long text pays for each spelling once: candidate lists, confusion sets and
the like are kept per word type. With ``recording`` on, a cache also keeps
what it computed since the last :meth:`TypeCache.share`, so that batch
workers (:mod:`azfix.parallel.batch`) pass results on instead of each
computing them again.

>>> square = TypeCache(lambda n: n * n, maxsize=2)
>>> square(3), square(3), len(square.data)
(9, 9, 1)
"""

from __future__ import annotations

import threading

__all__ = ["TypeCache"]


class TypeCache:
    """A bounded memo of a pure function of a word type (oldest entries go first)."""

    def __init__(self, function, maxsize: int):
        self.function = function
        self.maxsize = maxsize
        self.data: dict = {}
        self.recording = False
        self._learnt: list = []
        self._lock = threading.Lock()

    def __call__(self, *key):
        try:
            return self.data[key]
        except KeyError:
            pass
        value = self.function(*key)
        self._store(key, value)
        if self.recording:
            self._learnt.append((key, value))
        return value

    def _store(self, key, value) -> None:
        with self._lock:  # eviction iterates the dict: one thread at a time
            if len(self.data) >= self.maxsize:
                del self.data[next(iter(self.data))]
            self.data[key] = value

    def share(self) -> list:
        """What was computed since the last call (and forget it)."""
        learnt, self._learnt = self._learnt, []
        return learnt

    def learn(self, entries) -> None:
        """Take entries another process computed."""
        for key, value in entries:
            if key not in self.data:
                self._store(key, value)
