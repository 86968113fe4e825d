"""The Corrector: turns the word tokens of a text into edits, one word at a time, then beside each fix again.

For every word token the corrector chooses between keeping the word and each
of its readings (:mod:`azfix.correct.word`: gate → options → scores →
decision → settle). Around that per-word flow, the page:
- joins words broken by a space first (:mod:`.rules.merges`), and, before
  that, the endings written apart from a number or after an apostrophe
  (:mod:`.rules.endings`: ``1990 - cı``, ``İstanbul'da``) and splits the
  particles glued to their word (:mod:`.rules.particles`: ``Beləki``);
- counts an unknown word the text repeats as the text's own term;
- mends the endings of names the text also writes alone (:mod:`.rules.names`)
  and joins hyphenated endings of common words (:mod:`.rules.hyphens`);
- leaves words of other languages and markup alone (:mod:`.rules.foreign_context`),
  and gives a word quoted on its own only diacritic fixes;
- decides again every word beside a fix, with the fixed word as its
  neighbour, so that cleaning the output changes nothing more.

The confidence of a change is the posterior share of the best reading among
all options, keeping included (:mod:`azfix.correct.decide`).
"""

from __future__ import annotations

from collections import Counter

from ..config import CleanerConfig
from ..data.lexicon import Lexicon
from ..data.stats import SENTENCE, ContextStats
from ..edits import Edit, EditKind
from ..text.alphabet import az_lower, transfer_case
from ..text.foreign import is_mention, is_suffix_after_quote
from ..text.tokenize import Token, TokenKind
from .candidates.base import skeleton
from .candidates.index import CandidateIndex
from .candidates.lists import CandidateLists
from .channel.classcontext import ClassContext, morphological_class
from .channel.context import ContextScorer
from .channel.errormodel import ErrorModel
from .channel.prior import Priors
from .memo import TypeCache
from .memory import WordMemory
from .page import WORDLIKE, Page, is_ascii_typed, neighbours
from .parts import Parts
from .rules.endings import ending_edits
from .rules.foreign_context import in_foreign_span, looks_foreign, span_writes_schwa
from .rules.hyphens import common_word_joins, join_common_word_suffix, join_hyphenated_suffix
from .rules.merges import Merger
from .rules.names import name_endings
from .rules.particles import PARTICLE_ENDINGS, glued_particle, particle_edit
from .rules.suffixes import harmony_edit
from .rules.turkish import turkish_spellings
from .word import WordCorrector

__all__ = ["Corrector"]

# Kinds read once: an enum member read from its class costs a descriptor call on a hot path.
DIACRITIC = EditKind.DIACRITIC
HYPHEN_SUFFIX = EditKind.HYPHEN_SUFFIX
REALWORD = EditKind.REALWORD
TYPO = EditKind.TYPO
WORD_TOKEN = TokenKind.WORD

HYPHEN_MEMO = 5_000  # word types whose hyphen joins are remembered (rarer types: a batch worker's memory is thin)
PARTICLE_MEMO = 5_000  # ... and whose glued particles are


class Corrector:
    """Turns word tokens into edits. Holds read-only data (and memos); safe to share."""

    def __init__(self, lexicon: Lexicon, index: CandidateIndex, stats: ContextStats,
                 model: ErrorModel, config: CleanerConfig, letter_model=None, word_classes=None):
        policy = config.policy
        priors = Priors(lexicon, policy, letter_model)
        lists = CandidateLists(lexicon, index, model, priors, policy, config.max_cost, config.splits)
        # word_classes(policy): the classes the build worked out for the shipped statistics' words
        known = (lambda: word_classes(policy)) if word_classes is not None else None
        classes = ClassContext(stats, morphological_class(lexicon.analyze, lexicon.analysis_prior, policy, known),
                               policy)
        self.parts = Parts(lexicon, index, stats, priors, ContextScorer(stats, priors, policy), lists, classes,
                           config, policy)
        self.config, self.policy, self.lexicon, self.stats = config, policy, lexicon, stats
        self.memory = WordMemory(lexicon, lists.type_caches())
        self.merger = Merger(lexicon, stats, self._frequent_twin, policy)
        hyphen_join = TypeCache(lambda text: join_hyphenated_suffix(text, lexicon, policy), maxsize=HYPHEN_MEMO)
        self._common_join = TypeCache(lambda text: join_common_word_suffix(text, lexicon, policy), maxsize=HYPHEN_MEMO)
        self._glued_particle = TypeCache(lambda text: glued_particle(text, lexicon, policy), maxsize=PARTICLE_MEMO)
        self.words = WordCorrector(self.parts, self.memory, hyphen_join, self._frequent_twin)
        # asked of every word the page loop decides: bound once
        self._stays, self._token_edit = self.words.stays, self.words.token_edit
        self._turkish = turkish_spellings()

    # -- what batch workers hand each other (see azfix.correct.memory) ----------
    def start_sharing(self) -> None:
        self.memory.start_sharing()

    def share(self) -> list[tuple[str, object, object]]:
        return self.memory.share()

    def learn(self, entries: list[tuple[str, object, object]]) -> None:
        self.memory.learn(entries)

    def oov_prior(self, word: str, natural_bonus: bool = True) -> float:
        """The prior of an unknown word being a correct word the lexicon lacks (:class:`~.channel.prior.Priors`)."""
        return self.parts.priors.oov_prior(word, natural_bonus)

    def suggest(self, word: str, n: int = 5) -> list[tuple[str, float]]:
        """Ranked corrections of one word out of context, with posterior shares."""
        from .suggest import suggest

        return suggest(self.parts, word, n)

    def _frequent_twin(self, piece: str) -> bool:
        """True if ``piece`` is a frequent word but for its diacritics (ve: və)."""
        forms = self.lexicon.forms
        twins = self.parts.index.forms_with_skeleton(skeleton(piece)) or ()
        return any(forms.get(twin, 0) >= self.policy.frequent_twin for twin in twins)

    # -- tokens → edits ----------------------------------------------------------
    def edits(self, tokens: list[Token]) -> list[Edit]:
        page, texts = self._page(tokens)
        out = [e for e in page.merges]
        found: dict[int, Edit] = {}
        kept = frozenset() if page.ascii_typed else self.memory.always_kept  # words no context changes
        swappable = frozenset() if page.ascii_typed else self.memory.swappable
        pair_count = self.stats.bigrams.get
        words, before, after = page.words, page.before, page.after
        for n in [n for n, text in enumerate(texts) if text not in kept or text in page.renamed]:
            text = texts[n]
            if page.merged and page.is_merged(words[n]):
                continue
            if text in swappable and (pair_count((before[n], text), 0) or pair_count((text, after[n]), 0)):
                continue  # the common case of WordCorrector.stays, without the calls
            edit = self._edit_at(page, n, before[n], after[n])
            if edit is not None:
                found[n] = edit
        self._redecide_beside_fixes(page, found)
        if self.config.merges and found:
            self._merge_beside_fixes(page, found)
        out.extend(found[n] for n in sorted(found))
        return out

    def _page(self, tokens: list[Token]) -> tuple[Page, list[str]]:
        """The page of ``tokens`` with its merges, repetitions and renamed words; and its words' texts."""
        words = [i for i, t in enumerate(tokens) if t.kind in WORDLIKE]
        texts = [tokens[i].text for i in words]
        # The same unknown word again and again is a term or a name of this
        # text (left in a wiki table, Muhitdin), rarely the same typo. It is
        # counted as written: the fixes of a word's lowercase copies (bü) must
        # not leave its capitalised ones (Bü) to a second cleaning.
        written = Counter(texts)
        lower_of = {text: az_lower(text) for text in written}  # once a type
        lowered = dict(zip(words, map(lower_of.__getitem__, texts)))
        merges, left = self._rule_edits(tokens, words, lowered, set(lower_of.values()))
        policy = self.policy
        page = Page(tokens, words, lowered, *neighbours(tokens, words, lowered),
                    is_ascii_typed(tokens, words, policy.ascii_min_letters, policy.ascii_max_share),
                    frozenset(), {}, {edge for edit in merges + left for edge in (edit.start, edit.end)})
        page.merges = merges
        if merges:
            # A copy joined into a merge is no longer written: the output,
            # cleaned again, must count the same repetitions (qə bul: qəbul).
            written.subtract(tokens[i].text for i in words if page.is_merged(i))
        page.repeating = frozenset(w for w, n in written.items() if n >= policy.repeated)
        page.renamed = name_endings(written.keys(), page.ascii_typed, self.lexicon, policy)
        if self.config.hyphen_suffix:
            page.renamed.update(common_word_joins(written, self._common_join, self.lexicon.analyzer.fits_after))
        return page, texts

    def _rule_edits(self, tokens: list[Token], words: list[int], lowered: dict[int, str],
                    types: set[str]) -> tuple[list[Edit], list[Edit]]:
        """The edits decided before any word: endings written apart from a
        number or after an apostrophe (:mod:`.rules.endings`), particles glued
        to their word (:mod:`.rules.particles`) and words broken by a space
        (:mod:`.rules.merges`), sorted and never overlapping (the first two
        win); and the endings left apart when hyphen joins are off. The word
        stage leaves the tokens they cover alone: a detached ending (``cı``
        of ``1990 - cı``) is never a word to correct."""
        config = self.config
        rules = ending_edits(tokens, self.lexicon, self.policy)
        left: list[Edit] = []
        if not config.hyphen_suffix:
            rules, left = [], rules
        if config.splits:
            glued, protected = self._glued_particle, self._protected
            # (a word that cannot end in a particle is not asked: the memo keeps the few that can)
            rules += [edit for i in words if tokens[i].kind is WORD_TOKEN and lowered[i].endswith(PARTICLE_ENDINGS)
                      and (edit := particle_edit(tokens[i], glued(tokens[i].text), self.policy)) is not None
                      and not protected(tokens[i].text, lowered[i])]
        merges = self.merger.edits(tokens, words, lowered, types) if config.merges else []
        taken = [(edit.start, edit.end) for edit in rules + left]
        if not taken:
            return merges, left
        rules += [m for m in merges if not any(start < m.end and m.start < end for start, end in taken)]
        return sorted(rules, key=lambda edit: edit.start), left

    def _protected(self, text: str, lower: str) -> bool:
        """The user's own words (``protect``, ``user_words``) are correct as written."""
        protect = self.config.protect
        return text in protect or lower in protect or lower in self.lexicon.user_words

    def _edit_at(self, page: Page, n: int, prev: str, next_: str) -> Edit | None:
        """The edit of word ``n`` between the neighbours ``prev`` and ``next_``, or None."""
        tokens, i, ascii_typed = page.tokens, page.words[n], page.ascii_typed
        token = tokens[i]
        text = token.text
        azerbaijani = self._turkish.get(page.lowered[i]) if token.kind is WORD_TOKEN else None
        if azerbaijani is not None and not ascii_typed and not self._protected(text, page.lowered[i]) \
                and span_writes_schwa(page, n):
            # ancak → ancaq: a shared word spelt the Turkish way inside Azerbaijani text
            return Edit(token.start, token.end, text, transfer_case(text, azerbaijani), TYPO,
                        self.policy.turkish_spelling_confidence)
        if not ascii_typed and text not in page.renamed and self._stays(text, prev, next_):
            return None
        if not ascii_typed and is_suffix_after_quote(tokens, i):
            # “Dandi”yə: the ending of a quoted name, not a word; it
            # follows the name's harmony (“Nəhənglər”ın → in). (Text typed
            # without Azerbaijani letters restores it as a word: "Kepez"de.)
            return harmony_edit(tokens[i - 2].text, token.text, token.start, self.lexicon, self.policy)
        lower = page.lowered[i]
        edit = self._token_edit(token, lower, prev, next_, ascii_typed, text in page.repeating)
        if edit is None and text in page.renamed and (ascii_typed or text not in page.repeating):
            kind = HYPHEN_SUFFIX if "-" in text else DIACRITIC
            edit = Edit(token.start, token.end, text, page.renamed[text], kind, self.policy.suffix_harmony_confidence)
        if edit is None or looks_foreign(page, n, prev, next_, self.lexicon, self.policy.foreign_neighbours):
            return None
        if in_foreign_span(page, n, self.policy):
            return None  # a quotation or sentence in another language
        if edit.kind != DIACRITIC and is_mention(tokens, i):
            return None  # "svat", (keel): a word quoted on its own is meant as written
        return edit

    def _merge_beside_fixes(self, page: Page, found: dict[int, Edit]) -> None:
        """Carry a fix into the merge it makes (sey dir: şey dir, then şeydir).

        The merges look at the words as written, before any fix; without
        this, cleaning the output again would join the fixed word to its
        neighbour."""
        tokens, words = page.tokens, page.words
        taken: set[int] = set()
        for n in sorted(found):
            edit = found[n]
            i = words[n]
            if (edit.kind == REALWORD or " " in edit.replacement or n in taken
                    or (edit.start, edit.end) != (tokens[i].start, tokens[i].end)):
                continue
            for m in (n + 1, n - 1):
                if not 0 <= m < len(words) or m in found or m in taken or page.is_merged(words[m]):
                    continue
                head = min(i, words[m])
                fixed = (edit.replacement, None) if head == i else (None, edit.replacement)
                confidence = round(edit.confidence * self.policy.merge_confidence, 4)
                merge = self.merger.pair_edit(tokens, head, *fixed, confidence=confidence)
                if merge is not None and words[max(n, m)] == head + 2:
                    found[n] = merge
                    taken.add(m)
                    break

    def _redecide_beside_fixes(self, page: Page, found: dict[int, Edit]) -> None:
        """Decide again, with the fixed words as neighbours, every word beside a fix.

        A word's context is its neighbours as they will be written (fi oi:
        oi becomes ki, and fi is then judged beside ki), so cleaning the
        output again changes nothing more. A word decided again may change
        its own fix, and so its neighbours' context: a few rounds settle it.
        """
        tokens, words = page.tokens, page.words
        written = page.written = {}
        for n, edit in found.items():
            if edit.kind != REALWORD and edit.start == tokens[words[n]].start:
                written[n] = edit.replacement.split(" ")
        judged_in: dict[int, tuple[str, str]] = {}  # word → the context of its last decision
        changed = list(written)
        for _ in range(self.policy.redecide_rounds):
            beside = sorted({m for n in changed for m in (n - 1, n + 1) if 0 <= m < len(words)})
            changed = []
            for n in beside:
                i = words[n]
                if tokens[i].text in self.memory.always_kept and not page.ascii_typed or page.merged and page.is_merged(i):
                    continue
                prev = (az_lower(written[n - 1][-1]) if n - 1 in written and page.before[n] != SENTENCE
                        else page.before[n])
                next_ = (az_lower(written[n + 1][0]) if n + 1 in written and page.after[n] != SENTENCE
                         else page.after[n])
                if judged_in.get(n, (page.before[n], page.after[n])) == (prev, next_):
                    continue
                judged_in[n] = (prev, next_)
                edit = self._edit_at(page, n, prev, next_)
                if edit == found.get(n):
                    continue
                changed.append(n)
                written.pop(n, None)
                if edit is None:
                    del found[n]
                    continue
                found[n] = edit
                if edit.kind != REALWORD and edit.start == tokens[i].start:
                    written[n] = edit.replacement.split(" ")
            if not changed:
                return
