"""Options of one word and their scores: which readings compete with keeping it, and what each scores.

The readings depend on what the word is (:class:`Question`):
- a known word competes only with its real-word twins that the neighbours
  speak for (an attested pair the word lacks, or the neighbours' classes);
  in text typed without Azerbaijani letters, with its diacritic twins;
- an unknown word competes with its priced candidates; a well-formed but
  unattested one only with its diacritic twins.

Keeping the word has a prior of its own (:meth:`OptionScorer.keep_prior`).
Each option is scored term by term (:class:`~azfix.correct.decide.ScoredOption`).
"""

from __future__ import annotations

import math
from functools import partial
from typing import NamedTuple

from ..data.stats import SENTENCE
from ..edits import EditKind
from .candidates.base import Option, make_option, skeleton
from .channel.detect import Detector
from .decide import ScoredOption
from .memo import TypeCache
from .parts import Parts

__all__ = ["OptionScorer", "Question"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
DIACRITIC = EditKind.DIACRITIC
SPLIT = EditKind.SPLIT

_scored = partial(tuple.__new__, ScoredOption)  # (see candidates.base.make_option)
CASE_MEMO = 20_000  # word types whose case ending is remembered
CLASS_MEMO = 20_000  # ... and whose restored class is
# A case ending closes a noun phrase: a solid compound does not carry one
# inside it (dilindəyayımlanır is dilində yayımlanır; çayfincanı may be one word).
CASE_SUFFIXES = frozenset({"DAT", "LOC", "ABL", "GEN", "INS", "ACC"})


class Question(NamedTuple):
    """One word to decide, between its neighbours, and what is known of it."""

    word: str  # lowercase
    prev: str
    next: str
    known: bool  # attested: only a real-word error can change it
    diacritic_only: bool  # only a diacritic fix is allowed (a capitalised unknown word)
    ascii_typed: bool = False  # the text was typed without Azerbaijani letters
    wellformed: bool = False  # unattested, but the morphology accepts it
    capitalised: bool = False  # an unknown capitalised word inside a sentence: as often a name as a typo
    title: bool = False  # an unknown capitalised word, anywhere (at a sentence start too: names open sentences)
    suspect: bool = False  # attested, but probably a misspelling (Lexicon.suspects): kept by its count alone


class OptionScorer:
    """Gathers and scores the options of one word. Read-only but for its memos; safe to share."""

    def __init__(self, parts: Parts):
        self.parts = parts
        self.policy = parts.policy
        self.ends_in_case = TypeCache(self._case_ending_of, maxsize=CASE_MEMO)
        self.restored_class = TypeCache(self._restored_class_of, maxsize=CLASS_MEMO)
        self.detector = Detector(self.policy.detector, parts.priors.looks)

    # -- which readings compete ---------------------------------------------
    def options(self, q: Question) -> tuple[tuple[Option, ...], float]:
        """(the readings that compete with keeping the word, the prior odds of an error)."""
        parts, policy = self.parts, self.policy
        if q.known and q.ascii_typed:
            # Text typed without Azerbaijani letters: a known word with a more
            # frequent diacritic twin is probably that twin (ucun → üçün).
            return parts.lists.ascii_twins(q.word), policy.ascii_twin_prior
        if q.known:
            # (the gate keeps every known word when real-word checks are off)
            return self.realword_in_context(q.word, q.prev, q.next), policy.realword_prior
        options = parts.lists.nonword(q.word, q.diacritic_only)
        if q.wellformed:
            # A valid inflection is not judged by its spelling alone: only
            # a lost diacritic may turn it into its attested twin.
            options = tuple(o for o in options if o[1] == DIACRITIC)
        if q.ascii_typed:
            options = self._ascii_priced(q.word, options)
        return options, policy.realword_prior

    def _ascii_priced(self, word: str, options: tuple[Option, ...]) -> tuple[Option, ...]:
        """A lost diacritic is the rule in ASCII-typed text; another slip is as
        rare as anywhere, and rarer still when a twin explains the word
        (ekilib: əkilib, not edilib)."""
        policy = self.policy
        twin = any(kind == DIACRITIC and len(text) == len(word) for text, kind, _ in options)
        return tuple(
            make_option((text, kind, policy.ascii_diacritic_cost * sum(a != b for a, b in zip(word, text))))
            if kind == DIACRITIC and len(text) == len(word)
            else make_option((text, kind, cost + (policy.ascii_slip_cost if twin else 0.0)))
            for text, kind, cost in options
        )

    def realword_in_context(self, word: str, prev: str, next_: str) -> tuple[Option, ...]:
        """Real-word candidates that the neighbours have actually been seen with.

        A real-word change needs bigram evidence the original lacks; the
        candidates are the frequent letter swaps of ``word`` (dəyə/deyə,
        alı/ali), cached per word type.
        """
        parts = self.parts
        swaps = parts.lists.swaps(word)
        bigram = parts.stats.bigram
        if not swaps or bigram(prev, word) or bigram(word, next_):
            return ()  # nothing to swap to, or the original has evidence of its own
        attested = tuple(option for option in swaps if self._has_context_evidence(prev, option[0], next_, word))
        if attested or prev == SENTENCE and next_ == SENTENCE:
            return attested
        # No pair attests a swap: the classes of the neighbours may still
        # prefer swaps clearly (hələ de yaşayır: də before a verb). Every
        # such swap competes: the prior and the error cost pick among them
        # (da and də both fit between a locative and a copula; də is the
        # cheaper and the commoner). A swap ten times rarer than the word
        # cannot win on classes alone.
        prior = parts.priors.prior
        floor = prior(word) * self.policy.class_min_prior_ratio
        return tuple(option for option in swaps if prior(option[0]) >= floor
                     and parts.classes.preference(prev, option[0], word, next_) >= self.policy.class_evidence)

    def _has_context_evidence(self, prev: str, cand: str, next_: str, word: str) -> bool:
        """A real-word change needs bigrams with a neighbouring word for the
        candidate that the original lacks (a sentence edge alone is no
        evidence: a word alone on its line, bp, is not bu)."""
        pairs = self.parts.stats.bigrams
        cand_hits = ((pairs.get((prev, cand), 0) if prev != SENTENCE else 0)
                     + (pairs.get((cand, next_), 0) if next_ != SENTENCE else 0))
        if not cand_hits or pairs.get((prev, word), 0) or pairs.get((word, next_), 0):
            return False
        prior = self.parts.priors.prior
        return cand_hits >= self.policy.attesting_pairs or prior(cand) >= self.policy.lopsided * prior(word)

    # -- the prior of keeping the word --------------------------------------
    def keep_prior(self, q: Question, options: tuple[Option, ...]) -> float:
        """The prior of the word as written being right (before the odds of an error)."""
        priors, policy = self.parts.priors, self.policy
        if q.suspect:
            return priors.prior(q.word)
        if q.capitalised:
            return priors.oov_prior(q.word) * policy.name_keep_factor
        if q.known or q.wellformed:
            # Well formed but never attested: a rare inflection, or a damaged
            # word that happens to parse (lakın = lak + ın beside lakin). The
            # morphology's estimate tells them apart: a common ending on a
            # frequent stem (yarış + ımız) is far likelier than lak + ın.
            return priors.prior(q.word)
        word_skeleton, split_cost, part = skeleton(q.word), policy.split_cost, policy.twin_split_part
        if any(skeleton(text) == word_skeleton
               or (kind == SPLIT and cost <= split_cost and min(map(len, text.split(" "))) >= part)
               for text, kind, cost in options):
            # An unknown word that is a known word but for its diacritics, or
            # exactly two known words run together, is far more often a
            # damaged word than a new one. (It looks as natural as the word
            # it damages, so its look earns it nothing.)
            keep = priors.oov_prior(q.word, False) * policy.twin_factor
            if any(kind == SPLIT and cost <= split_cost and self.ends_in_case(text.split(" ")[0])
                   for text, kind, cost in options):
                keep *= policy.glued_case_factor
            return keep
        if any(cost <= policy.near_copy_cost for _, _, cost in options):
            # One cheap slip (a doubled letter, a common OCR confusion) from
            # a known word: it looks natural because it copies that word.
            return priors.oov_prior(q.word, False)
        return priors.oov_prior(q.word)

    # -- scores --------------------------------------------------------------
    def scored(self, q: Question, options: tuple[Option, ...], error_prior: float) -> tuple[float, list[ScoredOption]]:
        """(the score of keeping the word, the scored options)."""
        parts = self.parts
        keep_prior = self.keep_prior(q, options) * (1.0 if not q.known else (1 - error_prior))
        context = parts.context.score
        keep = math.log(keep_prior) + context(q.prev, q.word, q.next, q.ascii_typed)
        if q.ascii_typed:
            # The twins of an ASCII word (nece: necə, neçə) stand where their
            # kinds of neighbours stand; the neighbours lost their letters
            # too and are read as their likeliest restoration.
            fits = parts.classes.fits(self.restored_class(q.prev), (q.word, *(o[0] for o in options)),
                                      self.restored_class(q.next))
        else:
            fits = [0.0] * (len(options) + 1)
        keep += fits[0]
        prior, alpha, log = parts.priors.prior, self.policy.alpha, math.log
        scored = []
        for (text, kind, cost), fit in zip(options, fits[1:]):
            log_prior, neighbours = log(prior(text)), context(q.prev, text, q.next, q.ascii_typed)
            score = log_prior - alpha * cost + neighbours
            score += fit
            realword = 0.0
            if q.known:
                realword = log(error_prior)
                score += realword
                if not q.ascii_typed:
                    preference = parts.classes.preference(q.prev, text, q.word, q.next)
                    score += preference
                    realword += preference
            scored.append(_scored((score, text, kind, log_prior, -(alpha * cost), neighbours + fit, realword)))
        if not (q.known or q.wellformed or q.suspect or q.ascii_typed):
            # An unknown word: how likely it is meant as written is the detector's call.
            # An unknown word: the detector may find it likelier a typo than the
            # channel alone does (never likelier meant, but for a capitalised one:
            # a name, which the channel cannot tell).
            detected = self.detector.keep_score(q.word, keep, scored, self.policy.temperature, q.capitalised, q.title)
            keep = detected if q.title else min(keep, detected)
        return keep, scored

    # -- memoised facts of word types ------------------------------------------
    def _restored_class_of(self, word: str) -> str:
        """The class of the likeliest word with the skeleton of ``word`` (in ASCII-typed text)."""
        classes = self.parts.classes
        if word == SENTENCE:
            return classes.word_class(word)
        forms = self.parts.lexicon.forms
        twins = self.parts.index.forms_with_skeleton(skeleton(word))
        best = max(twins, key=lambda twin: forms.get(twin, 0), default=word)
        return classes.word_class(best if forms.get(best, 0) > forms.get(word, 0) else word)

    def _case_ending_of(self, word: str) -> bool:
        """True if some analysis of ``word`` ends in a case suffix (dilində, məhkəməyə)."""
        return any(a.suffixes and a.suffixes[-1][0] in CASE_SUFFIXES for a in self.parts.lexicon.analyze(word))
