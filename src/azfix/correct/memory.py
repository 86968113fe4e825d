"""What a corrector learns of word types as it reads: the words it always keeps, and what worker processes hand each other.

Most known words are kept whatever their neighbours; once a type is found so,
later sightings skip the decision. A known lowercase word with real-word
twins is *swappable*: kept when a neighbour attests it. What is worked out
per word type is a pure function of the type, so batch workers
(:mod:`azfix.parallel.batch`) pass it on instead of each working it out again;
corrections do not depend on who computed what.
"""

from __future__ import annotations

from ..data.lexicon import Lexicon
from .memo import TypeCache

__all__ = ["WordMemory"]

MAX_REMEMBERED = 200_000  # bound on each set of remembered word types


class WordMemory:
    """The always-kept and swappable word types of one corrector, and their sharing."""

    def __init__(self, lexicon: Lexicon, caches: dict[str, TypeCache]):
        self.lexicon = lexicon
        self.caches = caches  # the per-type memos shared between workers, by name
        self.always_kept: set[str] = set()
        self.swappable: set[str] = set()
        self.sharing = False
        self._new_words: list[tuple[str, str, None]] = []  # set additions since the last share()

    def keep_always(self, text: str, share: bool = True) -> None:
        if len(self.always_kept) < MAX_REMEMBERED and text not in self.always_kept:
            self.always_kept.add(text)
            if share and self.sharing:
                self._new_words.append(("kept", text, None))

    def add_swappable(self, text: str) -> None:
        if len(self.swappable) < MAX_REMEMBERED and text not in self.swappable:
            self.swappable.add(text)
            if self.sharing:
                self._new_words.append(("swappable", text, None))

    def start_sharing(self) -> None:
        """From now on, record what is worked out per word type, for :meth:`share`."""
        for cache in self.caches.values():
            cache.recording = True
        self.lexicon.start_recording()
        self.sharing = True

    def share(self) -> list[tuple[str, object, object]]:
        """(table, key, value) entries worked out since the last call."""
        entries = [(name, key, value) for name, cache in self.caches.items() for key, value in cache.share()]
        entries += [("known", word, known) for word, known in self.lexicon.recorded()]
        entries += self._new_words
        self._new_words = []
        return entries

    def learn(self, entries: list[tuple[str, object, object]]) -> None:
        """Take entries another worker shared."""
        caches = self.caches
        for name, key, value in entries:
            if name in caches:
                caches[name].learn(((key, value),))
            elif name == "known":
                self.lexicon.remember(key, value)
            elif name == "kept":
                self.keep_always(key, share=False)
            elif name == "swappable" and len(self.swappable) < MAX_REMEMBERED:
                self.swappable.add(key)
