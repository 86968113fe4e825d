"""Words broken by a space: when two tokens are one word.

OCR and careless typing put spaces inside words: a word cut in two pieces
neither of which is a word (``daşıy ir``, ``Ədəbiy yat``), or an ending
written apart from its word (``ayı nın``, ``insan lar``). Two word tokens
with one space between them are joined when the frequency list has seen
the joined word and either

- one of the pieces is no word at all (``daşıy ir``, ``göstər ərək``), or
- the second piece is a suffix chain that fits the first word's vowel
  harmony, and the joined word reads as the first piece and its endings
  (``ayı|nın``; not ``o lana``, which spells ``olan|a``); a piece a
  dictionary also gives as a word (``lər``, ``dan``) must make a joined
  word a thousand times commoner than the two words side by side by chance
  (``şey lər``, ``atmaq dan``), and the particles (``da``, ``ki``, ``ya``,
  ``nə``) are written apart (``şəkil də``), or
- the running text (the context statistics) writes the joined word and
  never the pair, and the joined word is commoner than either piece.

A piece that is a frequent word but for its diacritics (``Li ve``: ``və``)
is that word, not half of another.

>>> from azfix.data.lexicon import default_lexicon
>>> merged_word("ayı", "nın", default_lexicon()), merged_word("Bakı", "da", default_lexicon())
('ayının', None)
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache
from typing import Callable, Iterable

from ...text.alphabet import az_lower
from ...config import Policy
from ...data.stats import ContextStats
from ...edits import Edit, EditKind
from ...data.lexicon import Lexicon
from ...text.tokenize import Token, TokenKind

__all__ = ["Merger", "merged_word"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
MERGE = EditKind.MERGE

# A piece the dictionary also gives as a word (lər, dan, ər) is an ending
# written apart only when the joined word is Policy.merge_joined_evidence
# (log10) commoner than the two words side by side by chance; a piece listed
# as an adverb or conjunction (the particles da, də, ki, ya, nə) follows any
# word and stays apart.
_PARTICLE_TAGS = frozenset({"adv", "conj"})


class Merger:
    """Finds the words broken by a space in a token list. Its only state is
    a memo of which short forms are endings; safe to share."""

    def __init__(self, lexicon: Lexicon, stats: ContextStats | None = None,
                 twins: Callable[[str], bool] | None = None, policy: Policy = Policy()):
        self.lexicon = lexicon
        self.policy = policy
        self.stats = stats
        self.twins = twins
        self.spells_ending = lru_cache(maxsize=20_000)(self._spells_ending)

    def is_ending(self, piece: str) -> bool:
        """True for a short attested form that is a suffix chain and no
        dictionary word (``nın``, ``lar``): what an ending written apart looks like."""
        stems = self.lexicon.stems
        return self.spells_ending(piece) and (piece not in stems or stems[piece].pos == ("nominal",))

    def _spells_ending(self, piece: str) -> bool:
        """True for a short attested form that is a suffix chain, a word or not (``nın``, ``lər``, ``dan``)."""
        analyzer = self.lexicon.analyzer
        return (self.policy.merge_min_suffix <= len(piece) <= self.policy.merge_max_ending and piece in self.lexicon.forms and piece.isalpha()
                and analyzer.fits_any_harmony(piece))

    def edits(self, tokens: list[Token], words: list[int], lowered: dict[int, str],
              types: Iterable[str] | None = None) -> list[Edit]:
        """``merge`` edits for the word tokens (indices ``words``, lowercase text
        ``lowered``; ``types``: the distinct lowered texts, if known) that are
        one word broken by a space. Only a pair with a
        piece the list has not seen, or whose second piece looks like an
        ending, is looked at: two set lookups a word."""
        forms = self.lexicon.forms
        texts = list(map(lowered.__getitem__, words))
        # Word types first, then positions, in C loops: this runs on every text.
        types = set(texts) if types is None else types
        unseen = {text for text in types if text not in forms and text.isalpha()}
        spells_ending = self.spells_ending
        longest = self.policy.merge_max_ending
        looked_at = unseen.union(text for text in types if len(text) <= longest and spells_ending(text))
        spots = list(itertools.compress(range(len(texts)), map(looked_at.__contains__, texts)))
        pairs = sorted({n - 1 for n in spots} | {n for n in spots if texts[n] in unseen} - {-1, len(words) - 1})
        edits: list[Edit] = []
        for n in pairs:
            i = words[n]
            if words[n + 1] != i + 2 or lowered[i] + lowered[i + 2] not in forms:
                continue
            if edits and edits[-1].end > tokens[i].start:
                continue
            edit = self.pair_edit(tokens, i)
            if edit is not None:
                edits.append(edit)
        return edits

    def pair_edit(self, tokens: list[Token], i: int, first: str | None = None, second: str | None = None,
                  confidence: float | None = None) -> Edit | None:
        """The ``merge`` edit of word tokens ``i`` and ``i + 2`` if they are one
        word broken by a space, else None. ``first`` and ``second`` read the
        pieces as they will be written (a fix of one of them: sey dir, şeydir)."""
        if i + 2 >= len(tokens):
            return None
        head, space, tail = tokens[i], tokens[i + 1], tokens[i + 2]
        if space.text != " " or head.kind is not TokenKind.WORD or tail.kind is not TokenKind.WORD:
            return None
        joined = merged_word(head.text if first is None else first, tail.text if second is None else second,
                             self.lexicon, self.stats, self.twins, self.policy)
        if joined is None:
            return None
        confidence = self.policy.merge_confidence if confidence is None else confidence
        return Edit(head.start, tail.end, head.text + " " + tail.text, joined, MERGE, confidence)


def merged_word(first: str, second: str, lexicon: Lexicon, stats: ContextStats | None = None,
                twins: Callable[[str], bool] | None = None, policy: Policy = Policy()) -> str | None:
    """``first + second`` if the two pieces are one word broken by a space, else None.

    ``stats`` (context statistics) also lets two words join that the running
    text writes as one and never as a pair (``qa nun``); ``twins`` tells
    whether a piece is a known word but for its diacritics.
    """
    if not (first.isalpha() and second.isalpha() and second.islower()):
        return None
    joined = first + second
    if not lexicon.forms.get(az_lower(joined), 0):
        return None
    unknown = [piece for piece in (first, second) if not lexicon.is_known(piece)]
    if unknown:
        # daşıy ir, göstər ərək: a piece that is no word, unless it is a
        # known word but for its diacritics (Li ve: və, not Live)
        return None if twins is not None and any(twins(az_lower(piece)) for piece in unknown) else joined
    if stats is not None and _written_as_one(first, second, joined, lexicon, stats, policy):
        return joined
    if stats is not None and stats.bigram(az_lower(first), second):
        return None  # the running text writes the pair apart (hələ də)
    return joined if _is_ending_of(first, second, joined, lexicon, policy) else None


def _written_as_one(first: str, second: str, joined: str, lexicon: Lexicon, stats: ContextStats,
                    policy: Policy) -> bool:
    """True if the running text writes ``joined`` and never the pair, and it
    is commoner than either piece (qa nun: qanun)."""
    forms = lexicon.forms
    lower_first, lower_joined = az_lower(first), az_lower(joined)
    return (not stats.bigram(lower_first, second) and stats.unigram(lower_joined) >= policy.merge_common_in_text
            and forms.get(lower_joined, 0) >= max(forms.get(lower_first, 0), forms.get(second, 0)))


def _is_ending_of(first: str, second: str, joined: str, lexicon: Lexicon, policy: Policy) -> bool:
    """True if ``second`` is an ending of ``first`` written apart (ayı nın):
    a suffix chain no dictionary gives as a word (not da, ki, nə), fitting
    the harmony of ``first``, and ``joined`` reads as ``first`` and its endings
    (not o lana, which spells olan|a)."""
    entry = lexicon.stems.get(second)
    if len(second) < policy.merge_min_suffix or not lexicon.analyzer.fits_after(first, second):
        return False
    if entry is not None and entry.pos != ("nominal",) and (
            _PARTICLE_TAGS.intersection(entry.pos)
            or _odds_of_joining(first, second, joined, lexicon) < policy.merge_joined_evidence):
        # a word of its own: a particle after any word (şəkil də, sıra da),
        # or another word (lər, dan) the pair does not make far too common
        # to be chance (şeylər, atmaqdan)
        return False
    cut = len(first)
    return any(cut in itertools.accumulate(map(len, analysis.segments)) for analysis in lexicon.analyze(joined))


def _odds_of_joining(first: str, second: str, joined: str, lexicon: Lexicon) -> float:
    """log10 of how much commoner ``joined`` is than ``first`` and ``second``
    side by side by chance (the product of their frequencies)."""
    forms = lexicon.forms
    counts = (forms.get(az_lower(joined), 0), forms.get(az_lower(first), 0), forms.get(second, 0))
    if not all(counts):
        return -math.inf
    return math.log10(counts[0] * lexicon.total_count / (counts[1] * counts[2]))
