"""Scoring: how likely is each reading of a word, alone and between its neighbours?

For a word and each candidate of :mod:`azfix.correct.candidates.index` the scorer gives the
three terms of the noisy channel::

    log P(c)                               frequency prior (lexicon, or the
                                           morphology's estimate for an unseen inflection)
    - ALPHA * cost(word, c)                error model
    + log P(c | prev) + log P(next | c)    context (bigram statistics)

Keeping an unknown word as it is has a prior too (:meth:`Scorer.oov_prior`):
it may be a correct word the lexicon lacks, likelier when its letters look
like Azerbaijani (:mod:`azfix.correct.channel.charmodel`).

Candidate lists are cached per word type, so a long text pays for each
spelling once. The scorer never decides; :mod:`azfix.correct.corrector` does.
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache
from typing import Callable

from rapidfuzz.distance import Levenshtein

from ...text.alphabet import az_lower, transfer_case
from ..candidates.index import Candidate, CandidateIndex, CandidateKind, skeleton
from .charmodel import CharModel
from ...data.stats import SENTENCE, ContextStats, smoothed
from .errormodel import ErrorModel
from ...data.lexicon import Lexicon

__all__ = ["Scorer", "TypeCache"]

ALPHA = 6.0  # log-odds per unit of error cost (fitted on development noise)
OOV_PRIOR = 2e-8  # prior probability of an unknown word being a correct rare word
# The letter model (azfix.correct.channel.charmodel) moves that prior: a word that looks like
# Azerbaijani keeps more of it, an odd-looking one less (fitted on development noise).
LOOKS_WEIGHT = 0.5  # nats of prior per nat of letter-model oddness
LOOKS_NEUTRAL = -4.0  # the oddness at which the letter model says nothing
LOOKS_BONUS = 2.0  # the most a natural look raises the prior (nats)
LOOKS_PENALTY = 3.0  # the most an odd look lowers it (nats)
ODD_LETTER = -6.0  # a letter this unlikely (log) denies a word the bonus
KNOWN_FLOOR = 5e-8  # prior of a well-formed word no count covers (the list stops at 410 in 725M tokens)
SPLIT_PRIOR = 20.0  # odds of a glued pair over its unigram product (fitted on development noise)
SPLIT_COST = 0.35  # error cost of a missing space
CHEAP_SUBSTITUTION = 0.55  # substitutions tried when generating unseen inflections
REALWORD_MIN_COUNT = 500  # real-word candidates are frequent words
MAX_PRICED = 25  # candidates priced by the error model, best skeleton match first
PRUNE_MARGIN = 12.0  # nats behind the best: an option this far back is dropped from the cache
MAX_ASSOCIATION = 1.5  # the most log-odds one neighbour can add
ASCII_DIACRITIC_COST = 0.05  # a missing diacritic in ASCII-typed text


class TypeCache:
    """A bounded memo of a pure function of a word type (oldest entries go first).

    With ``recording`` on, it also keeps what it computed since the last
    :meth:`share`, so that worker processes can hand their results to each
    other (:mod:`azfix.parallel.batch`) instead of each computing them again.
    """

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


class Scorer:
    """Priors, context scores and priced candidate lists over one lexicon. Read-only; safe to share."""

    def __init__(self, lexicon: Lexicon, index: CandidateIndex, stats: ContextStats, model: ErrorModel,
                 max_cost: float = 2.1, splits: bool = True, letter_model: Callable[[], CharModel] | None = None):
        self.lexicon = lexicon
        self.index = index
        self.stats = stats
        self.model = model
        self.max_cost = max_cost
        self.splits = splits
        self.total = lexicon.total_count
        self.alpha = ALPHA
        self.end_rate = stats.sentence_end_rate
        self.stats_words = sum(stats.unigrams.values()) or 1
        # The costliest list.
        self.nonword_cache = TypeCache(self._nonword_candidates, maxsize=20_000)
        self._nonword = self.nonword_cache
        self._realword = lru_cache(maxsize=10_000)(self._realword_candidates)
        self._swaps = TypeCache(self._letter_swaps, maxsize=100_000)
        self._ascii_twins = lru_cache(maxsize=30_000)(self._ascii_twins_of)
        self.prior = lru_cache(maxsize=50_000)(self._prior)
        self.oov_prior = lru_cache(maxsize=20_000)(self._oov_prior)
        self._charmodel: CharModel | None = None
        self._letter_model = letter_model  # gives the letter model of lexicon.forms (shared, saved by the build)
        self.cheap_substitutions: dict[str, str] = {}
        for (intended, observed), cost in model.substitutions.items():
            if cost <= CHEAP_SUBSTITUTION:
                self.cheap_substitutions[observed] = self.cheap_substitutions.get(observed, "") + intended

    def type_caches(self) -> dict[str, TypeCache]:
        """The costlier memos of pure functions of a word type, by name: what
        batch workers hand each other (:mod:`azfix.parallel.batch`)."""
        return {"nonword": self.nonword_cache, "swaps": self._swaps}

    # -- probabilities -------------------------------------------------------
    def _prior(self, word: str) -> float:
        """Unigram probability: attested count, or an estimate for an unseen inflection."""
        count = self.lexicon.forms.get(word)
        if count:
            return count / self.total
        if " " in word:
            first, second = word.split(" ", 1)
            return SPLIT_PRIOR * self.prior(first) * self.prior(second)
        return max(self.lexicon.unseen_form_prior(word), KNOWN_FLOOR if self.lexicon.is_known_lower(word) else OOV_PRIOR)

    def _oov_prior(self, word: str, natural_bonus: bool = True) -> float:
        """Prior of an unknown word being a correct word the lexicon lacks:
        higher for a word that looks like Azerbaijani, lower for one with
        letter sequences the language does not write (``səhralrda``).
        Without ``natural_bonus`` the look can only lower it."""
        if self._charmodel is None:  # on the first unknown word
            self._charmodel = self._letter_model() if self._letter_model else CharModel(self.lexicon.forms)
        plausibility, oddest_letter = self._charmodel.looks(word)
        shift = LOOKS_WEIGHT * (plausibility - LOOKS_NEUTRAL)
        if natural_bonus and oddest_letter >= ODD_LETTER:
            shift = min(LOOKS_BONUS, shift)  # natural throughout
        else:
            shift = min(0.0, shift)
        return OOV_PRIOR * math.exp(max(-LOOKS_PENALTY, shift))

    def context_score(self, prev: str, word: str, next_: str, folded: bool = False) -> float:
        """Log odds the neighbours add to ``word``; a split's two words are scored as a pair.

        With ``folded`` the neighbours are read without their diacritics (text
        typed without Azerbaijani letters, where they lost them too)."""
        words = word.split(" ")
        if folded:
            score = self._folded_association(prev, words[0], next_, words[-1])
        else:
            score = self._association(prev, words[0]) + self._association(words[-1], next_)
        for first, second in zip(words, words[1:]):
            score += self._association(first, second)
        return score

    def _association(self, first: str, second: str) -> float:
        """log P(second | first) / P(second), smoothed, clipped at 0 and at a count-based cap.

        Only attested neighbours count: in statistics this small, a pair never
        seen is no evidence against a word.
        """
        count = self.stats.bigrams.get((first, second), 0)
        if not count:
            return 0.0  # never seen together: no evidence either way
        given = self.stats.unigram(first) if first != SENTENCE else 0
        return self._log_odds(count, given, self._unigram_probability(second))

    def _folded_association(self, prev: str, first: str, next_: str, last: str) -> float:
        """:meth:`_association` of ``prev first`` and ``last next_`` with the
        neighbours ``prev`` and ``next_`` compared by their skeletons."""
        pairs = self.stats.folded(skeleton)
        score = 0.0
        prev_key = skeleton(prev)
        count = pairs.before.get((prev_key, first), 0)
        if count:
            given = pairs.unigrams.get(prev_key, 0) if prev != SENTENCE else 0
            score += self._log_odds(count, given, self._unigram_probability(first))
        next_key = skeleton(next_)
        count = pairs.after.get((last, next_key), 0)
        if count:
            prior = self.end_rate if next_ == SENTENCE else pairs.unigrams.get(next_key, 0) / self.stats_words
            score += self._log_odds(count, self.stats.unigram(last), prior)
        return score

    def _unigram_probability(self, word: str) -> float:
        if word == SENTENCE:
            return self.end_rate
        return max(self.prior(word), self.stats.unigram(word) / self.stats_words)

    @staticmethod
    def _log_odds(count: int, given_count: int, prior: float) -> float:
        """log P(w | neighbour) / P(w) from a pair count, the neighbour's count
        and P(w), clipped at 0 and at a cap that grows with the count (one
        sighting in a small corpus is weak evidence)."""
        conditional = smoothed(count, given_count, prior)
        cap = MAX_ASSOCIATION * math.log2(1 + count)
        return min(max(math.log(conditional / prior), 0.0), cap)

    # -- candidate lists (cached per word type) --------------------------------
    def _nonword_candidates(self, word: str, diacritic_only: bool) -> tuple[tuple[str, str, float], ...]:
        """Scored candidates for an unknown word: whole forms first, then stems and splits."""
        index = self.index
        out = self._priced(word, index.forms_near(word), diacritic_only)
        if not any(cost <= 0.5 for _, _, cost in out):
            # No cheap fix among attested forms: try unseen inflections and splits.
            extra = index.stem_candidates(word, diacritic_only)
            if not diacritic_only and not any(cost <= 1.0 for _, _, cost in out):
                extra += index.edit_candidates(word, self.cheap_substitutions)
            if self.splits and not diacritic_only:
                extra += index.split_candidates(word)
            seen = {text for text, _, _ in out}
            unique = {c.text: c for c in extra if c.text not in seen}
            out += self._priced(word, list(unique.values()), diacritic_only)
        return self._pruned(out)

    def _pruned(self, options: list) -> tuple:
        """The options without those hopelessly behind the best (cached lists stay small).

        An option ``PRUNE_MARGIN`` nats behind the best on prior and cost
        alone cannot win, nor take a measurable share of the confidence;
        diacritic twins and cheap splits stay, for they decide how likely
        keeping the word is (:meth:`azfix.correct.corrector.Corrector.choose`).
        """
        if len(options) <= 1:
            return tuple(options)
        scores = [math.log(self.prior(text)) - self.alpha * cost for text, _, cost in options]
        floor = max(scores) - PRUNE_MARGIN
        return tuple(option for option, score in zip(options, scores)
                     if score >= floor or option[1] == "diacritic" or (option[1] == "split" and option[2] <= SPLIT_COST))

    def _priced(self, word: str, candidates: list[Candidate], diacritic_only: bool) -> list:
        """Error-model costs of the most promising candidates (at most MAX_PRICED)."""
        word_skeleton = skeleton(word)
        shortlist = []
        for cand in candidates:
            text = cand.text
            if text == word:
                continue
            flat = text.replace(" ", "")
            if diacritic_only and skeleton(text) != word_skeleton:
                continue
            # Cheap pre-filter in C: more than two skeleton edits is never affordable.
            distance = Levenshtein.distance(word_skeleton, skeleton(flat), score_cutoff=3)
            if distance <= 2:
                shortlist.append((distance, -self.lexicon.forms.get(text, 0), text, flat, cand))
        shortlist.sort()
        out = []
        limit = self.max_cost
        for _distance, _count, text, flat, cand in shortlist[:MAX_PRICED]:
            cost = self.model.cost(word, flat, cutoff=limit)
            if cand.kind is CandidateKind.SPLIT:
                cost += SPLIT_COST
            if cost <= limit and (" " in text or self.lexicon.is_known(text)):
                out.append((text, _edit_kind(word, cand), cost))
        return out

    def _ascii_twins_of(self, word: str) -> tuple[tuple[str, str, float], ...]:
        # In text typed without Azerbaijani letters a lost diacritic is the
        # rule, not an error: each costs ASCII_DIACRITIC_COST.
        word_skeleton = skeleton(word)
        return tuple(
            (text, "diacritic", ASCII_DIACRITIC_COST * sum(a != b for a, b in zip(word, text)))
            for text in self.index.forms_with_skeleton(word_skeleton)
            if text != word and len(text) == len(word)
        )

    def _letter_swaps(self, word: str) -> tuple[tuple[str, str, float], ...]:
        """Frequent words one cheap letter substitution away, or differing
        only in diacritics (öldü/oldu, səy/şey): real-word confusion sets."""
        forms = self.lexicon.forms
        twins = [text for text in self.index.forms_with_skeleton(skeleton(word)) or ()
                 if text != word and forms.get(text, 0) >= REALWORD_MIN_COUNT]
        out = {}
        for text in self.index.letter_swaps(word, REALWORD_MIN_COUNT) + twins:
            cost = self.model.cost(word, text, cutoff=1.0)
            if cost <= 1.0:
                out.setdefault(text, cost)
        return tuple((text, "realword", cost) for text, cost in out.items())

    def _realword_candidates(self, word: str) -> tuple[tuple[str, str, float], ...]:
        out = []
        for cand in self.index.forms_near(word):
            # Real-word confusions are letter swaps (dəyə/deyə, alı/ali); a
            # letter more or less changes the inflection, which bigrams
            # cannot judge (4 ili / 4 il).
            if len(cand.text) != len(word) or self.lexicon.forms.get(cand.text, 0) < REALWORD_MIN_COUNT:
                continue
            cost = self.model.cost(word, cand.text, cutoff=1.0)
            if cost <= 1.0:
                out.append((cand.text, "realword", cost))
        return tuple(out)

    def suggest(self, word: str, n: int = 5) -> list[tuple[str, float]]:
        """Ranked corrections of one word out of context, with posterior shares."""
        lower = az_lower(word)
        options = self._nonword(lower, False) or self._realword(lower)
        if not options:
            return []
        scored = [(math.log(self.prior(text)) - self.alpha * cost, text) for text, _, cost in options]
        top = max(score for score, _ in scored)
        total = sum(math.exp(score - top) for score, _ in scored)
        ranked = sorted(((math.exp(score - top) / total, text) for score, text in scored), reverse=True)
        return [(transfer_case(word, text) if " " not in text else text, round(share, 4))
                for share, text in ranked[:n]]


def _edit_kind(word: str, cand: Candidate) -> str:
    if cand.kind is CandidateKind.SPLIT:
        return "split"
    if skeleton(word) == skeleton(cand.text):
        return "diacritic"
    return "typo"
