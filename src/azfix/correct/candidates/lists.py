"""Priced candidate lists: every source's proposals for one word, priced by the error model, pruned, memoised per word type.

- :meth:`CandidateLists.nonword`: an unknown word's readings — attested forms
  near it first; if none is cheap, corrected stems, one-edit inflections and
  splits;
- :meth:`CandidateLists.ascii_twins`: in text typed without Azerbaijani
  letters, the forms with the word's skeleton (a lost diacritic is the rule);
- :meth:`CandidateLists.swaps`: a known word's real-word confusion set
  (frequent words one cheap letter swap away, or differing only in diacritics).

Each list holds :class:`~.base.Option` records (text, kind, cost). This
module proposes and prices; it never decides.
"""

from __future__ import annotations

import math
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..._native import kernel
from ...config import Policy
from ...data.lexicon import Lexicon
from ...edits import EditKind
from ..channel.errormodel import ErrorModel
from ..channel.prior import Priors
from ..memo import TypeCache
from .base import SKELETON_TABLE, Candidate, CandidateKind, Option, make_option, skeleton
from .edits import edit_candidates
from .index import CandidateIndex
from .splits import SplitSource
from .stems import stem_candidates

__all__ = ["CandidateLists"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
DIACRITIC = EditKind.DIACRITIC
REALWORD = EditKind.REALWORD
SPLIT = EditKind.SPLIT
TYPO = EditKind.TYPO

_KERNEL = kernel("shortlist")  # the compiled twin of shortlist(), or None
NONWORD_MEMO = 20_000  # word types whose priced readings are remembered (the costliest list)
SWAPS_MEMO = 100_000  # ... whose real-word confusion sets are
TWINS_MEMO = 30_000  # ... whose ASCII twins are
REALWORD_MEMO = 10_000  # ... whose out-of-context real-word readings are (azfix.suggest)


class CandidateLists:
    """The priced candidate lists of word types over one lexicon. Read-only; safe to share."""

    def __init__(self, lexicon: Lexicon, index: CandidateIndex, model: ErrorModel, priors: Priors,
                 policy: Policy, max_cost: float, splits: bool):
        self.lexicon = lexicon
        self.index = index
        self.model = model
        self.priors = priors
        self.policy = policy
        self.max_cost = max_cost
        self.splits = SplitSource(index, policy) if splits else None
        self.nonword = TypeCache(self._nonword, maxsize=NONWORD_MEMO)
        self.swaps = TypeCache(self._letter_swaps, maxsize=SWAPS_MEMO)
        self.ascii_twins = lru_cache(maxsize=TWINS_MEMO)(self._ascii_twins)
        self.realword = lru_cache(maxsize=REALWORD_MEMO)(self._realword)
        # the compiled twin of _shortlist (over the skeleton's table), or None
        self._compiled_shortlist = _KERNEL.Shortlist(SKELETON_TABLE) if _KERNEL is not None else None
        self.cheap_substitutions: dict[str, str] = {}
        for (intended, observed), cost in model.substitutions.items():
            if cost <= policy.cheap_substitution:
                self.cheap_substitutions[observed] = self.cheap_substitutions.get(observed, "") + intended

    def type_caches(self) -> dict[str, TypeCache]:
        """The costlier memos, by name: what batch workers hand each other (:mod:`azfix.parallel.batch`)."""
        return {"nonword": self.nonword, "swaps": self.swaps}

    def _nonword(self, word: str, diacritic_only: bool) -> tuple[Option, ...]:
        """Priced readings of an unknown word: whole forms first, then stems, edits and splits."""
        index, policy = self.index, self.policy
        out = self._priced(word, index.forms_near(word), diacritic_only)
        cheap, enough = policy.cheap_form_cost, policy.forms_enough_cost
        if not any(cost <= cheap for _, _, cost in out):
            # No cheap fix among attested forms: try unseen inflections and splits.
            extra = stem_candidates(index, word, diacritic_only)
            if not diacritic_only and not any(cost <= enough for _, _, cost in out):
                extra += edit_candidates(self.lexicon, word, self.cheap_substitutions)
            if self.splits is not None and not diacritic_only:
                extra += self.splits.candidates(word)
            seen = {text for text, _, _ in out}
            unique = {c.text: c for c in extra if c.text not in seen}
            out += self._priced(word, list(unique.values()), diacritic_only)
        return self._pruned(out)

    def _pruned(self, options: list[Option]) -> tuple[Option, ...]:
        """The options without those hopelessly behind the best (cached lists stay small).

        An option ``prune_margin`` nats behind the best on prior and cost
        alone cannot win, nor take a measurable share of the confidence;
        diacritic twins and cheap splits stay, for they decide how likely
        keeping the word is (:meth:`azfix.correct.options.OptionScorer.keep_prior`).
        """
        if len(options) <= 1:
            return tuple(options)
        prior, alpha, split_cost = self.priors.prior, self.policy.alpha, self.policy.split_cost
        scores = [math.log(prior(text)) - alpha * cost for text, _, cost in options]
        floor = max(scores) - self.policy.prune_margin
        return tuple(option for option, score in zip(options, scores)
                     if score >= floor or option[1] == DIACRITIC or (option[1] == SPLIT and option[2] <= split_cost))

    def _priced(self, word: str, candidates: list[Candidate], diacritic_only: bool) -> list[Option]:
        """Error-model costs of the most promising candidates (at most ``max_priced``)."""
        word_skeleton = skeleton(word)
        out = []
        limit, split_cost = self.max_cost, self.policy.split_cost
        for cand, flat, flat_skeleton in self._shortlist(word, word_skeleton, candidates, diacritic_only):
            text = cand.text
            cost = self.model.cost(word, flat, cutoff=limit)
            if cand.kind is CandidateKind.SPLIT:
                cost += split_cost
            if cost <= limit and (" " in text or self.lexicon.is_known(text)):
                kind = SPLIT if cand.kind is CandidateKind.SPLIT else DIACRITIC if flat_skeleton == word_skeleton else TYPO
                out.append(make_option((text, kind, cost)))
        return out

    def _shortlist(self, word: str, word_skeleton: str, candidates: list[Candidate],
                   diacritic_only: bool) -> list[tuple[Candidate, str, str]]:
        """:func:`shortlist` of the candidates, by the compiled kernel (:mod:`azfix._native`) if there is one."""
        forms, reach, limit = self.lexicon.forms, self.policy.max_skeleton_edits, self.policy.max_priced
        if self._compiled_shortlist is not None and reach >= 0 and type(forms) is dict:
            picked = self._compiled_shortlist.pick(word, word_skeleton, [cand.text for cand in candidates], forms,
                                                   reach, limit, diacritic_only)
            return [(candidates[n], flat, flat_skeleton) for n, flat, flat_skeleton in picked]
        return shortlist(word, word_skeleton, candidates, forms, reach, limit, diacritic_only)

    def _ascii_twins(self, word: str) -> tuple[Option, ...]:
        # In text typed without Azerbaijani letters a lost diacritic is the
        # rule, not an error: each costs ascii_diacritic_cost.
        word_skeleton = skeleton(word)
        cost = self.policy.ascii_diacritic_cost
        return tuple(
            make_option((text, DIACRITIC, cost * sum(a != b for a, b in zip(word, text))))
            for text in self.index.forms_with_skeleton(word_skeleton)
            if text != word and len(text) == len(word)
        )

    def _letter_swaps(self, word: str) -> tuple[Option, ...]:
        """Frequent words one cheap letter substitution away, or differing
        only in diacritics (öldü/oldu, səy/şey): real-word confusion sets."""
        forms, min_count = self.lexicon.forms, self.policy.realword_min_count
        twins = [text for text in self.index.forms_with_skeleton(skeleton(word)) or ()
                 if text != word and forms.get(text, 0) >= min_count]
        out, most = {}, self.policy.realword_max_cost
        for text in self.index.letter_swaps(word, min_count) + twins:
            cost = self.model.cost(word, text, cutoff=most)
            if cost <= most:
                out.setdefault(text, cost)
        return tuple(make_option((text, REALWORD, cost)) for text, cost in out.items())

    def _realword(self, word: str) -> tuple[Option, ...]:
        """Frequent words of the same length one cheap edit away (readings of a known word out of context)."""
        out = []
        for cand in self.index.forms_near(word):
            # Real-word confusions are letter swaps (dəyə/deyə, alı/ali); a
            # letter more or less changes the inflection, which bigrams
            # cannot judge (4 ili / 4 il).
            if len(cand.text) != len(word) or self.lexicon.forms.get(cand.text, 0) < self.policy.realword_min_count:
                continue
            cost = self.model.cost(word, cand.text, cutoff=self.policy.realword_max_cost)
            if cost <= self.policy.realword_max_cost:
                out.append(make_option((cand.text, REALWORD, cost)))
        return tuple(out)


def shortlist(word: str, word_skeleton: str, candidates: list[Candidate], forms: dict[str, int], reach: int,
              limit: int, diacritic_only: bool) -> list[tuple[Candidate, str, str]]:
    """The candidates worth pricing, best first, at most ``limit``: (candidate, its text without
    spaces, that text's skeleton) of every candidate but the word itself within ``reach`` plain
    edits of the word's skeleton (more is never affordable), by (edits, -count, text); with
    ``diacritic_only``, only those whose skeleton is the word's."""
    listed = []
    for cand in candidates:
        text = cand.text
        if text == word:
            continue
        flat = text.replace(" ", "")
        if diacritic_only and skeleton(text) != word_skeleton:
            continue
        # Cheap pre-filter in C (rapidfuzz): more than ``reach`` skeleton edits is never affordable.
        flat_skeleton = skeleton(flat)
        distance = Levenshtein.distance(word_skeleton, flat_skeleton, score_cutoff=reach + 1)
        if distance <= reach:
            # (texts are unique: the sort never compares what follows them)
            listed.append((distance, -forms.get(text, 0), text, flat, flat_skeleton, cand))
    listed.sort()
    return [(cand, flat, flat_skeleton) for *_, flat, flat_skeleton, cand in listed[:limit]]
