"""The per-word flow, in one direction: gate → options → scores → decision → settle → an edit.

- **gate**: protected and user words, acronyms, known capitalised words and
  words of mixed case are left before anything is computed; a known word
  that no letter swap could turn into a real-word error is kept for good
  (:class:`~azfix.correct.memory.WordMemory`);
- **options** and **scores**: :class:`~azfix.correct.options.OptionScorer`;
- **decision**: :func:`~azfix.correct.decide.decide`, at ``min_confidence``
  (``realword_min_confidence`` for a known word);
- **checks** after the decision: a capitalised unknown word inside a sentence
  is a name unless the fix is certain (:mod:`.rules.names`); a typo never
  turns a name into a lowercase word;
- **settle**: the fix is carried through the change its own words would get
  where it stands, so that cleaning the output changes nothing more.
"""

from __future__ import annotations

from functools import lru_cache

from ..data.lexicon import MAX_WORD_LENGTH
from ..data.stats import SENTENCE
from ..edits import Edit, EditKind
from ..text.alphabet import az_lower, is_title_word, is_upper_word, transfer_case
from ..text.tokenize import ABBREVIATIONS, Token, TokenKind
from .decide import Choice, decide
from .memory import WordMemory
from .options import OptionScorer, Question
from .page import case_sources
from .parts import Parts
from .rules.merges import merged_word
from .rules.names import is_a_name, name_fix_is_certain
from .rules.suffixes import suffix_edit

__all__ = ["WordCorrector"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
DIACRITIC = EditKind.DIACRITIC
HYPHEN_SUFFIX = EditKind.HYPHEN_SUFFIX
REALWORD = EditKind.REALWORD
TYPO = EditKind.TYPO

_new = tuple.__new__
CHOICE_MEMO = 50_000  # questions whose answer is remembered

Fix = tuple  # (replacement, kind, confidence, why)


class WordCorrector:
    """Decides one word token at a time. Read-only but for its memory; safe to share."""

    def __init__(self, parts: Parts, memory: WordMemory, hyphen_join, frequent_twin):
        self.parts = parts
        self.config = parts.config
        self.lexicon = parts.lexicon
        self.memory = memory
        self.options = OptionScorer(parts)
        self._hyphen_join = hyphen_join  # memo of rules.hyphens.join_hyphenated_suffix
        self._frequent_twin = frequent_twin  # is a piece a frequent word but for its diacritics?
        # asked of nearly every word: bound once
        self._bigram = parts.stats.bigram
        self._always_kept, self._swappable = memory.always_kept, memory.swappable
        # A question (the word, its neighbours, what is known of it) always gets the same answer:
        # the same word between the same neighbours is decided once.
        self.choose = lru_cache(maxsize=CHOICE_MEMO)(self._choose)

    def _choose(self, q: Question) -> Choice | None:
        """Keep the word (None) or the reading the posterior prefers (memoised per question: :attr:`choose`)."""
        options, error_prior = self.options.options(q)
        if not options:
            return None
        keep, scored = self.options.scored(q, options, error_prior)
        config, policy = self.config, self.parts.policy
        temperature = policy.temperature
        if q.known and not q.ascii_typed:
            return decide(scored, keep, config.realword_min_confidence, temperature=temperature)
        # In ASCII-typed text a known word's diacritic twin is a restoration,
        # not a real-word change: the ordinary threshold applies; and a word
        # its twins leave almost no chance (nece: necə or neçə) is wrong as it
        # stands: the likelier twin is the better text, if it holds the majority.
        if q.ascii_typed:
            return decide(scored, keep, config.min_confidence, policy.ascii_majority, policy.ascii_keep_share,
                          temperature)
        return decide(scored, keep, config.min_confidence, temperature=temperature)

    # -- tokens ----------------------------------------------------------------
    def token_edit(self, token: Token, lower: str, prev: str, next_: str, ascii_typed: bool = False,
                   repeated: bool = False) -> Edit | None:
        text = token.text
        if len(text) > MAX_WORD_LENGTH:
            return None  # longer than any word: no candidate, split or analysis (their cost grows with the length)
        if token.kind is TokenKind.SUFFIXED:
            return suffix_edit(token, self.lexicon, self.parts.policy)
        if token.kind is not TokenKind.WORD and token.kind is not TokenKind.ACRONYM:
            return None
        if text in self.config.protect or lower in self.config.protect or len(text) < 2:
            return None
        if "-" in text:
            return self._hyphenated_edit(token, lower, prev, next_, ascii_typed)
        if not text.isalpha():
            return None
        fix = self.word_edit(text, lower, prev, next_, ascii_typed)
        if fix is None:
            return None
        if repeated and not ascii_typed and fix[1] != REALWORD and (fix[1] != DIACRITIC or not text.islower()):
            return None
        return Edit(token.start, token.end, text, *fix)

    def _hyphenated_edit(self, token: Token, lower: str, prev: str, next_: str, ascii_typed: bool) -> Edit | None:
        text = token.text
        if self.config.hyphen_suffix:
            joined = self._hyphen_join(text)
            if joined is not None:
                return Edit(token.start, token.end, text, joined, HYPHEN_SUFFIX,
                            self.parts.policy.hyphen_join_confidence)
        edit = self.compound_edit(token, prev, next_, ascii_typed)
        if edit is None and text.count("-") == 1 and lower.split("-")[0] in ABBREVIATIONS:
            edit = suffix_edit(token, self.lexicon, self.parts.policy)  # km-e: an abbreviation's ending
        return edit

    def compound_edit(self, token: Token, prev: str, next_: str, ascii_typed: bool) -> Edit | None:
        """Correct each part of a hyphenated compound (cenub-qerb → cənub-qərb)."""
        parts = token.text.split("-")
        if self.lexicon.is_known(token.text) and not ascii_typed or not all(p.isalpha() for p in parts):
            return None
        lowered = [az_lower(p) for p in parts]
        fixed, kinds, confidences = [], [], []
        for k, part in enumerate(parts):
            left = prev if k == 0 else lowered[k - 1]
            right = next_ if k == len(parts) - 1 else lowered[k + 1]
            # (an ending after the hyphen, Ye-yə, is a suffix, not a word: hyphens.py judges those)
            ending = k > 0 and self.lexicon.analyzer.fits_any_harmony(lowered[k])
            fix = self.word_edit(part, lowered[k], left, right, ascii_typed) if len(part) > 1 and not ending else None
            fixed.append(fix[0] if fix else part)
            if fix:
                kinds.append(fix[1])
                confidences.append(fix[2])
        if not kinds:
            return None
        return Edit(token.start, token.end, token.text, "-".join(fixed), kinds[0], min(confidences))

    # -- one word ----------------------------------------------------------------
    def word_edit(self, text: str, lower: str, prev: str, next_: str, ascii_typed: bool) -> Fix | None:
        """(replacement, kind, confidence, why) for one alphabetic word, settled where it stands, or None."""
        fix = self.word_fix(text, lower, prev, next_, ascii_typed)
        if fix is None or fix[1] == REALWORD:
            return fix
        settled = self._settle(fix[0], fix[2], prev, next_, ascii_typed)
        if settled is None or settled[0] == text:
            return None
        return settled[0], fix[1], settled[1], fix[3]

    def word_fix(self, text: str, lower: str, prev: str, next_: str, ascii_typed: bool) -> Fix | None:
        """The fix of one alphabetic word where it stands, not yet settled, or None to keep it."""
        # -- gate: words left before anything is computed (inline: asked of every word)
        config, lexicon, memory = self.config, self.lexicon, self.memory
        if text in config.protect or lower in config.protect or lower in lexicon.user_words:
            return None  # the user's own words are correct as written
        known = lexicon.is_known(text)
        suspect = known and lower in lexicon.suspects and self._is_suspect(text, lower, prev)
        if suspect:
            known = False  # a probable misspelling the list attests: it competes with its fix (haqında)
        upper = is_upper_word(text)
        if upper and (known or len(text) <= self.parts.policy.acronym_max_length):
            memory.keep_always(text)
            return None  # acronyms
        if known and (upper or not (text.islower() or ascii_typed and is_title_word(text))):
            if not ascii_typed and lower not in lexicon.suspects:
                memory.keep_always(text)  # (a suspect form may be judged where it opens a sentence)
            return None  # a known capitalised word: real-word checks need lowercase
        title = not known and is_title_word(text)
        if not known and not text.islower() and not (upper or title):
            return None  # mixed case (iPhone, McDonald): leave
        # An all-capital word is read for its diacritics only (an acronym's
        # letters are not a typo's), and so is a capitalised one in text typed
        # without Azerbaijani letters (a name that lost them); elsewhere a
        # capitalised one is read as its lowercase form: at a sentence start
        # it is an ordinary word, and inside a sentence the name checks below decide.
        diacritic_only = upper or title and ascii_typed
        attested = lower in lexicon.forms or lower in lexicon.user_words
        wellformed = known and not attested and not ascii_typed and text.islower()
        if known and attested and not ascii_typed:
            if not (config.realword and self.parts.lists.swaps(lower)):
                memory.keep_always(text)
                return None  # no letter swap could make it a real-word error
            if text == lower:
                memory.add_swappable(text)
        # -- options, scores, decision
        # (tuple.__new__ builds the named tuple without its Python-level __new__: one per decision)
        choice = self.choose(_new(Question, (lower, prev, next_, known and not wellformed, diacritic_only,
                                             ascii_typed, wellformed, title and prev != SENTENCE and not ascii_typed,
                                             title and not ascii_typed, suspect)))
        # -- checks after the decision, and the fix written in the word's case
        if choice is None or not self._passes_name_checks(text, lower, prev, choice, known, ascii_typed):
            return None
        if lexicon.suspects.get(choice.text, 0.0) >= self.parts.policy.suspect_ratio:
            return None  # never write a probable misspelling (it would be corrected on the next pass)
        replacement = " ".join(transfer_case(part_src, part) for part_src, part in case_sources(text, choice.text))
        if replacement == text:
            return None
        return replacement, choice.kind, choice.confidence, choice.why

    def _is_suspect(self, text: str, lower: str, prev: str) -> bool:
        """A suspect form of the list (haqında) written in lowercase, or capitalised at a sentence start."""
        if not (text.islower() or prev == SENTENCE and is_title_word(text)):
            return False
        return self.lexicon.suspects[lower] >= self.parts.policy.suspect_ratio

    def _passes_name_checks(self, text: str, lower: str, prev: str, choice: Choice, known: bool,
                            ascii_typed: bool) -> bool:
        parts = self.parts
        if choice.confidence < self.config.min_confidence and not text.islower():
            return False  # the ASCII majority rule is for words: a capitalised one (Sere) may be a foreign name
        if not known and not ascii_typed and is_title_word(text) and not name_fix_is_certain(
                lower, choice.text, self.lexicon, parts.stats, parts.policy):
            # Inside a sentence an unknown capitalised word is most likely a
            # name (Yanina, Kup, Nilsen): its keep prior says so (the
            # question's ``capitalised``), and only a fix to a word the
            # lexicon has seen written may pass, not merely one it can parse;
            # the same holds at a sentence start.
            if choice.text not in self.lexicon.forms:
                return False
            if choice.kind == TYPO and len(text) < parts.policy.capitalised_typo_min_length:
                return False  # Air, Yo, Ru: a short capitalised word is as often a name, a code or a foreign word
            if prev != SENTENCE and choice.kind != TYPO and choice.kind != DIACRITIC:
                return False  # inside a sentence a name is not split nor swapped for another word
        if text.islower() and choice.kind == TYPO and is_a_name(choice.text, parts.stats, parts.policy):
            return False  # a typo does not turn a name (Fransa) into a lowercase word (branşa)
        return True

    def _settle(self, replacement: str, confidence: float, prev: str, next_: str,
                ascii_typed: bool) -> tuple[str, float] | None:
        """The fix after the change its own words would get where it stands.

        A fix can land on a word that its place would change again
        (dəkəndv → də kənd, then də → və at a sentence start): the fix goes
        on to that word, so that cleaning the output changes nothing more,
        and its confidence is the product of both. None drops the fix: an
        unsure chain, or a split the merges would join again.
        """
        parts = replacement.split(" ")
        if (len(parts) == 2 and self.config.merges
                and merged_word(*parts, self.lexicon, self.parts.stats, self._frequent_twin, self.parts.policy)):
            return None  # clkln: ilk in, which reads as ilkin
        lowered = [az_lower(part) for part in parts]
        for k, part in enumerate(parts):
            left = prev if k == 0 else lowered[k - 1]
            right = next_ if k == len(parts) - 1 else lowered[k + 1]
            if not ascii_typed and self.stays(part, left, right) or not part.isalpha():
                continue
            again = self.word_fix(part, lowered[k], left, right, ascii_typed)
            if again is not None:
                parts[k], lowered[k] = again[0], az_lower(again[0])
                confidence *= again[2]
        settled = " ".join(parts)
        if settled != replacement and confidence < self.config.min_confidence:
            return None
        return settled, confidence

    def stays(self, text: str, prev: str, next_: str) -> bool:
        """True for a word no context changes, or a known word its neighbours attest."""
        bigram = self._bigram
        return text in self._always_kept or text in self._swappable and (bigram(prev, text) or bigram(text, next_))
