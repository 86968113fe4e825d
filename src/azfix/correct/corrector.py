"""The decision: which words to change, to what, and how sure we are.

For every word token the corrector chooses between keeping the word and each
candidate, scored by :class:`azfix.correct.channel.scoring.Scorer` (prior, error cost, context).

The confidence of a change is the posterior share of the best candidate among
all options, "keep" included. A change is made only when the confidence
reaches ``min_confidence`` and the error cost stays under ``max_cost``.

Policies that keep correct text safe:
- a known word is changed only as a *real-word error*: the neighbours must
  speak for a frequent word one letter away (bigram evidence the original
  lacks: two pairs, or one for a word twenty times commoner; or the classes
  of the neighbours: :mod:`azfix.correct.channel.classcontext`), and
  the change must still win against the prior odds of a real-word error
  (``REALWORD_PRIOR``) at ``realword_min_confidence``;
- in text typed without Azerbaijani letters a word is restored to the
  diacritic twin its prior and its neighbours favour;
- capitalised unknown words (names) get only diacritic fixes to a known
  form; all-capital words, numbers, URLs, e-mail addresses and protected
  words are never touched;
- hyphenated suffixes are joined only when the hyphenated part is a suffix
  chain that fits the host's vowel harmony (``Bakı-nın``), and codes keep
  their hyphen (``BMT-dən``, ``2023-cü``, ``COVID-19``);
- words of other languages and markup are left alone (:mod:`azfix.text.foreign`),
  and a word quoted on its own (``"svat"``) gets only diacritic fixes;
- an ending glued after a quoted name (``“Dandi”yə``) is not a word: it is
  only given the name's vowel harmony (``“Nəhənglər”ın`` → ``in``).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from typing import Iterable

from ..text.alphabet import az_lower, is_title_word, is_upper_word, transfer_case
from .candidates.index import CandidateIndex, skeleton
from .channel.classcontext import ClassContext, morphological_class
from ..data.stats import SENTENCE, ContextStats
from ..edits import Edit
from .channel.errormodel import ErrorModel
from ..text.foreign import (OPENING_QUOTES, has_accented_letter, is_foreign_word, is_language_adverb, is_mention,
                      is_suffix_after_quote)
from .rules.hyphens import harmonize_suffix, join_common_word_suffix, join_hyphenated_suffix
from ..data.lexicon import Lexicon
from .rules.merges import MERGE_CONFIDENCE, Merger, merged_word
from .channel.scoring import ASCII_DIACRITIC_COST, SPLIT_COST, Scorer, TypeCache
from ..text.tokenize import ABBREVIATIONS, Token, TokenKind

__all__ = ["Corrector", "CorrectorConfig"]

# Prior odds that a known word is a real-word error, among the words that
# reach the question: a frequent word one letter away has bigram evidence
# with a neighbour and the word itself has none (measured: 0.1 fixes 4x the
# real-word errors of 2e-3 with no extra change of the clean texts).
REALWORD_PRIOR = 0.1
SUFFIX_HARMONY_CONFIDENCE = 0.9  # a suffix after a quoted name or a number given its harmony
LOPSIDED = 20.0  # a swap this much more frequent than the word needs one bigram, not two
CLASS_EVIDENCE = 0.7  # ... or the classes of the neighbours prefer the swap this much (log odds)
CLASS_MIN_PRIOR_RATIO = 0.1  # ... and the swap is at least this frequent relative to the word
MIN_NAME = 5  # a name written alone whose ending is mended is at least this long
MAX_NAME_ENDING = 6  # and the ending at most this long
HARMONY_REPAIR_STEM_SHARE = 0.6  # the unchanged stem must be this much of the word
REPEATED = 3  # an unknown word this frequent in one text is taken as intended
TWIN_FACTOR = 0.1  # an unknown diacritic twin of a known word is rarely a real word
TWIN_SPLIT_PART = 3  # a glued pair counts as a twin when both words have this many letters
GLUED_CASE_FACTOR = 0.1  # and is likelier still when its first word ends in a case suffix
# A case ending closes a noun phrase: a solid compound does not carry one
# inside it (dilindəyayımlanır is dilində yayımlanır; çayfincanı may be one word).
CASE_SUFFIXES = frozenset({"DAT", "LOC", "ABL", "GEN", "INS", "ACC"})
FREQUENT_TWIN = 100_000  # a piece of a broken word that is such a word but for its diacritics is that word
NEAR_COPY_COST = 0.45  # an unknown word this close to a known one earns nothing for its look
ASCII_TWIN_PRIOR = 0.6  # in ASCII-typed text, odds that a word lost its diacritics
ASCII_KEEP_SHARE = 0.05  # ... and below this share of the posterior it cannot stay as it is:
ASCII_MAJORITY = 0.5  # the twin with this share is taken below the confidence threshold
ASCII_SLIP_COST = 0.5  # extra cost of any other fix of an ASCII word that has a diacritic twin
NAME_SIGHTINGS = 3  # inside-sentence sightings before a word's capitalisation is trusted
NAME_CAPITALISED_SHARE = 0.9  # a word capitalised this often inside sentences is a name
REDECIDE_ROUNDS = 3  # rounds of deciding again beside fixes (two fixes side by side need two)
MAX_ALWAYS_KEPT = 200_000  # bound on the per-cleaner set of words that are always kept
MAX_WORD_MEMO = 20_000  # bound on the memos of case endings and of restored classes
MAX_HYPHEN_MEMO = 5_000  # ... and of the joins of hyphenated words (rarer types)


@dataclass(frozen=True)
class CorrectorConfig:
    min_confidence: float = 0.75
    max_cost: float = 2.1
    realword: bool = True
    realword_min_confidence: float = 0.6
    hyphen_suffix: bool = True
    splits: bool = True
    merges: bool = True
    protect: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Choice:
    text: str
    kind: str
    confidence: float


class Corrector(Scorer):
    """Turns word tokens into edits: the decisions over the :class:`Scorer`'s
    scores. Holds read-only data; safe to share."""

    def __init__(self, lexicon: Lexicon, index: CandidateIndex, stats: ContextStats,
                 model: ErrorModel, config: CorrectorConfig, letter_model=None):
        super().__init__(lexicon, index, stats, model, config.max_cost, config.splits, letter_model)
        self.config = config
        self.classes = ClassContext(stats, morphological_class(lexicon.analyze, lexicon.analysis_prior))
        self._ends_in_case = TypeCache(self._case_ending_of, maxsize=MAX_WORD_MEMO)
        self.merger = Merger(lexicon, stats, self._frequent_twin)
        self._restored_class = TypeCache(self._restored_class_of, maxsize=MAX_WORD_MEMO)
        self._hyphen_join = TypeCache(lambda text: join_hyphenated_suffix(text, lexicon), maxsize=MAX_HYPHEN_MEMO)
        self._common_join = TypeCache(lambda text: join_common_word_suffix(text, lexicon), maxsize=MAX_HYPHEN_MEMO)
        # Word types whose verdict is "keep" whatever their neighbours (most
        # known words): later sightings skip the decision entirely.
        self._always_kept: set[str] = set()
        # Known lowercase words with real-word twins: kept when a neighbour attests them.
        self._swappable: set[str] = set()
        self._sharing = False
        self._new_words: list[tuple[str, str, None]] = []  # set additions since the last share()

    # -- what batch workers hand each other ----------------------------------
    # What is worked out per word type (candidate lists, real-word sets,
    # which words are known and which always kept) is a pure function of the
    # type: a worker passes it on, so that another need not work it out again
    # (azfix.parallel.batch). Corrections do not depend on who computed what. Priors
    # are not passed on: there are many and each is cheap, so sending them
    # costs about what computing them again does.
    def start_sharing(self) -> None:
        """From now on, record what is worked out per word type, for :meth:`share`."""
        for cache in self.type_caches().values():
            cache.recording = True
        self.lexicon.start_recording()
        self._sharing = True

    def share(self) -> list[tuple[str, object, object]]:
        """(table, key, value) entries worked out since the last call."""
        entries = [(name, key, value) for name, cache in self.type_caches().items() for key, value in cache.share()]
        entries += [("known", word, known) for word, known in self.lexicon.recorded()]
        entries += self._new_words
        self._new_words = []
        return entries

    def learn(self, entries: list[tuple[str, object, object]]) -> None:
        """Take entries another :class:`Corrector` shared."""
        caches = self.type_caches()
        for name, key, value in entries:
            if name in caches:
                caches[name].learn(((key, value),))
            elif name == "known":
                self.lexicon.remember(key, value)
            elif name == "kept":
                self._keep_always(key, share=False)
            elif name == "swappable" and len(self._swappable) < MAX_ALWAYS_KEPT:
                self._swappable.add(key)

    # -- decisions -------------------------------------------------------------
    def _realword_in_context(self, word: str, prev: str, next_: str) -> tuple[tuple[str, str, float], ...]:
        """Real-word candidates that the neighbours have actually been seen with.

        A real-word change needs bigram evidence the original lacks; the
        candidates are the frequent letter swaps of ``word`` (dəyə/deyə,
        alı/ali), cached per word type.
        """
        swaps = self._swaps(word)
        if not swaps or self.stats.bigram(prev, word) or self.stats.bigram(word, next_):
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
        floor = self.prior(word) * CLASS_MIN_PRIOR_RATIO
        return tuple(option for option in swaps if self.prior(option[0]) >= floor
                     and self.classes.preference(prev, option[0], word, next_) >= CLASS_EVIDENCE)

    def choose(self, word: str, prev: str, next_: str, known: bool, diacritic_only: bool,
               ascii_typed: bool = False, wellformed: bool = False) -> Choice | None:
        """Keep ``word`` or replace it; ``known`` means attested (a real-word check),
        ``wellformed`` an unattested word the morphology accepts."""
        error_prior = REALWORD_PRIOR
        if known and ascii_typed:
            # Text typed without Azerbaijani letters: a known word with a more
            # frequent diacritic twin is probably that twin (ucun → üçün).
            options = self._ascii_twins(word)
            error_prior = ASCII_TWIN_PRIOR
        elif known:
            options = self._realword_in_context(word, prev, next_) if self.config.realword else ()
        else:
            options = self._nonword(word, diacritic_only)
            if wellformed:
                # A valid inflection is not judged by its spelling alone: only
                # a lost diacritic may turn it into its attested twin.
                options = tuple(o for o in options if o[1] == "diacritic")
            if ascii_typed:
                # A lost diacritic is the rule here; another slip is as rare
                # as anywhere, and rarer still when a twin explains the word
                # (ekilib: əkilib, not edilib).
                twin = any(kind == "diacritic" and len(text) == len(word) for text, kind, _ in options)
                options = tuple(
                    (text, kind, ASCII_DIACRITIC_COST * sum(a != b for a, b in zip(word, text)))
                    if kind == "diacritic" and len(text) == len(word)
                    else (text, kind, cost + (ASCII_SLIP_COST if twin else 0.0))
                    for text, kind, cost in options
                )
        if not options:
            return None
        if known:
            keep_prior = self.prior(word)
        elif wellformed:
            # Well formed but never attested: a rare inflection, or a damaged
            # word that happens to parse (lakın = lak + ın beside lakin). The
            # morphology's estimate tells them apart: a common ending on a
            # frequent stem (yarış + ımız) is far likelier than lak + ın.
            keep_prior = self.prior(word)
        elif any(skeleton(text) == word_skeleton
                 or (kind == "split" and cost <= SPLIT_COST and min(map(len, text.split(" "))) >= TWIN_SPLIT_PART)
                 for word_skeleton in (skeleton(word),) for text, kind, cost in options):
            # An unknown word that is a known word but for its diacritics, or
            # exactly two known words run together, is far more often a
            # damaged word than a new one. (It looks as natural as the word
            # it damages, so its look earns it nothing.)
            keep_prior = self.oov_prior(word, False) * TWIN_FACTOR
            if any(kind == "split" and cost <= SPLIT_COST and self._ends_in_case(text.split(" ")[0])
                   for text, kind, cost in options):
                keep_prior *= GLUED_CASE_FACTOR
        elif any(cost <= NEAR_COPY_COST for _, _, cost in options):
            # One cheap slip (a doubled letter, a common OCR confusion) from
            # a known word: it looks natural because it copies that word.
            keep_prior = self.oov_prior(word, False)
        else:
            keep_prior = self.oov_prior(word)
        keep_prior *= 1.0 if not known else (1 - error_prior)
        keep = math.log(keep_prior) + self.context_score(prev, word, next_, ascii_typed)
        if ascii_typed:
            # The twins of an ASCII word (nece: necə, neçə) stand where their
            # kinds of neighbours stand; the neighbours lost their letters
            # too and are read as their likeliest restoration.
            fits = self.classes.fits(self._restored_class(prev), (word, *(o[0] for o in options)),
                                     self._restored_class(next_))
        else:
            fits = [0.0] * (len(options) + 1)
        keep += fits[0]
        scored = []
        for (text, kind, cost), fit in zip(options, fits[1:]):
            score = math.log(self.prior(text)) - self.alpha * cost + self.context_score(prev, text, next_, ascii_typed)
            score += fit
            if known:
                score += math.log(error_prior)
                if not ascii_typed:
                    score += self.classes.preference(prev, text, word, next_)
            scored.append((score, text, kind))
        scored.sort(reverse=True)
        best_score, best_text, best_kind = scored[0]
        top = max(best_score, keep)
        total = math.exp(keep - top) + sum(math.exp(s - top) for s, _, _ in scored)
        confidence = math.exp(best_score - top) / total
        # In ASCII-typed text a known word's diacritic twin is a restoration,
        # not a real-word change: the ordinary threshold applies.
        threshold = (self.config.realword_min_confidence if known and not ascii_typed
                     else self.config.min_confidence)
        if confidence < threshold and not (
            # In ASCII-typed text a word its twins leave almost no chance
            # (nece: necə or neçə) is wrong as it stands: the likelier twin
            # is the better text, if it holds the majority.
            ascii_typed and best_kind == "diacritic" and confidence >= ASCII_MAJORITY
            and math.exp(keep - top) / total < ASCII_KEEP_SHARE
        ):
            return None
        return Choice(best_text, best_kind, round(confidence, 4))

    def _restored_class_of(self, word: str) -> str:
        """The class of the likeliest word with the skeleton of ``word`` (in ASCII-typed text)."""
        if word == SENTENCE:
            return self.classes.word_class(word)
        forms = self.lexicon.forms
        twins = self.index.forms_with_skeleton(skeleton(word))
        best = max(twins, key=lambda twin: forms.get(twin, 0), default=word)
        return self.classes.word_class(best if forms.get(best, 0) > forms.get(word, 0) else word)

    def _frequent_twin(self, piece: str) -> bool:
        """True if ``piece`` is a frequent word but for its diacritics (ve: və)."""
        forms = self.lexicon.forms
        twins = self.index.forms_with_skeleton(skeleton(piece)) or ()
        return any(forms.get(twin, 0) >= FREQUENT_TWIN for twin in twins)

    def _case_ending_of(self, word: str) -> bool:
        """True if some analysis of ``word`` ends in a case suffix (dilində, məhkəməyə)."""
        return any(a.suffixes and a.suffixes[-1][0] in CASE_SUFFIXES for a in self.lexicon.analyze(word))

    def _has_context_evidence(self, prev: str, cand: str, next_: str, word: str) -> bool:
        """A real-word change needs bigrams with a neighbouring word for the
        candidate that the original lacks (a sentence edge alone is no
        evidence: a word alone on its line, bp, is not bu)."""
        pairs = self.stats.bigrams
        cand_hits = ((pairs.get((prev, cand), 0) if prev != SENTENCE else 0)
                     + (pairs.get((cand, next_), 0) if next_ != SENTENCE else 0))
        if not cand_hits or pairs.get((prev, word), 0) or pairs.get((word, next_), 0):
            return False
        return cand_hits >= 2 or self.prior(cand) >= LOPSIDED * self.prior(word)

    # -- tokens → edits ----------------------------------------------------------
    def edits(self, tokens: list[Token]) -> list[Edit]:
        words = [i for i, t in enumerate(tokens) if t.kind in _WORDLIKE]
        texts = [tokens[i].text for i in words]
        # The same unknown word again and again is a term or a name of this
        # text (left in a wiki table, Muhitdin), rarely the same typo. It is
        # counted as written: the fixes of a word's lowercase copies (bü) must
        # not leave its capitalised ones (Bü) to a second cleaning.
        written = Counter(texts)
        lower_of = {text: az_lower(text) for text in written}  # once a type
        lowered = dict(zip(words, map(lower_of.__getitem__, texts)))
        out: list[Edit] = (self.merger.edits(tokens, words, lowered, set(lower_of.values()))
                           if self.config.merges else [])
        page = _Page(tokens, words, lowered, *_neighbours(tokens, words, lowered), is_ascii_typed(tokens),
                     frozenset(), {}, {edit.start for edit in out} | {edit.end for edit in out})
        if out:
            # A copy joined into a merge is no longer written: the output,
            # cleaned again, must count the same repetitions (qə bul: qəbul).
            written.subtract(tokens[i].text for i in words if page.is_merged(i))
        page.repeating = frozenset(w for w, n in written.items() if n >= REPEATED)
        page.renamed = self._name_endings(written.keys(), page.ascii_typed)
        if self.config.hyphen_suffix:
            page.renamed.update(self._common_word_joins(written))
        found: dict[int, Edit] = {}
        kept = frozenset() if page.ascii_typed else self._always_kept  # words no context changes
        swappable = frozenset() if page.ascii_typed else self._swappable
        pair_count = self.stats.bigrams.get
        before, after = page.before, page.after
        for n in [n for n, text in enumerate(texts) if text not in kept or text in page.renamed]:
            text = texts[n]
            if page.merged and page.is_merged(words[n]):
                continue
            if text in swappable and (pair_count((before[n], text), 0) or pair_count((text, after[n]), 0)):
                continue  # the common case of _stays, without the calls
            edit = self._edit_at(page, n, before[n], after[n])
            if edit is not None:
                found[n] = edit
        self._redecide_beside_fixes(page, found)
        if self.config.merges and found:
            self._merge_beside_fixes(page, found)
        out.extend(found[n] for n in sorted(found))
        return out

    def _merge_beside_fixes(self, page: _Page, found: dict[int, Edit]) -> None:
        """Carry a fix into the merge it makes (sey dir: şey dir, then şeydir).

        The merges look at the words as written, before any fix; without
        this, cleaning the output again would join the fixed word to its
        neighbour."""
        tokens, words = page.tokens, page.words
        taken: set[int] = set()
        for n in sorted(found):
            edit = found[n]
            i = words[n]
            if (edit.kind == "realword" or " " in edit.replacement or n in taken
                    or (edit.start, edit.end) != (tokens[i].start, tokens[i].end)):
                continue
            for m in (n + 1, n - 1):
                if not 0 <= m < len(words) or m in found or m in taken or page.is_merged(words[m]):
                    continue
                head = min(i, words[m])
                fixed = (edit.replacement, None) if head == i else (None, edit.replacement)
                confidence = round(edit.confidence * MERGE_CONFIDENCE, 4)
                merge = self.merger.pair_edit(tokens, head, *fixed, confidence=confidence)
                if merge is not None and words[max(n, m)] == head + 2:
                    found[n] = merge
                    taken.add(m)
                    break

    def _redecide_beside_fixes(self, page: _Page, found: dict[int, Edit]) -> None:
        """Decide again, with the fixed words as neighbours, every word beside a fix.

        A word's context is its neighbours as they will be written (fi oi:
        oi becomes ki, and fi is then judged beside ki), so cleaning the
        output again changes nothing more. A word decided again may change
        its own fix, and so its neighbours' context: a few rounds settle it.
        """
        tokens, words = page.tokens, page.words
        written = page.written = {}
        for n, edit in found.items():
            if edit.kind != "realword" and edit.start == tokens[words[n]].start:
                written[n] = edit.replacement.split(" ")
        judged_in: dict[int, tuple[str, str]] = {}  # word → the context of its last decision
        changed = list(written)
        for _ in range(REDECIDE_ROUNDS):
            beside = sorted({m for n in changed for m in (n - 1, n + 1) if 0 <= m < len(words)})
            changed = []
            for n in beside:
                i = words[n]
                if tokens[i].text in self._always_kept and not page.ascii_typed or page.merged and page.is_merged(i):
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
                if edit.kind != "realword" and edit.start == tokens[i].start:
                    written[n] = edit.replacement.split(" ")
            if not changed:
                return

    def _edit_at(self, page: _Page, n: int, prev: str, next_: str) -> Edit | None:
        """The edit of word ``n`` between the neighbours ``prev`` and ``next_``, or None."""
        tokens, i, ascii_typed = page.tokens, page.words[n], page.ascii_typed
        token = tokens[i]
        text = token.text
        if not ascii_typed and text not in page.renamed and self._stays(text, prev, next_):
            return None
        if not ascii_typed and is_suffix_after_quote(tokens, i):
            # “Dandi”yə: the ending of a quoted name, not a word; it
            # follows the name's harmony (“Nəhənglər”ın → in). (Text typed
            # without Azerbaijani letters restores it as a word: "Kepez"de.)
            return self._harmony_edit(tokens[i - 2].text, token.text, token.start)
        lower = page.lowered[i]
        edit = self.token_edit(token, lower, prev, next_, ascii_typed, text in page.repeating)
        if edit is None and text in page.renamed and (ascii_typed or text not in page.repeating):
            kind = "hyphen-suffix" if "-" in text else "diacritic"
            edit = Edit(token.start, token.end, text, page.renamed[text], kind, SUFFIX_HARMONY_CONFIDENCE)
        if edit is None or self._looks_foreign(page, n, prev, next_):
            return None
        if edit.kind != "diacritic" and is_mention(tokens, i):
            return None  # "svat", (keel): a word quoted on its own is meant as written
        return edit

    def _name_endings(self, spelled: Iterable[str], ascii_typed: bool) -> dict[str, str]:
        """The capitalised words of a text that are a name the text also
        writes alone plus an ending against the name's vowel harmony, each
        with its ending mended (Baqrat … Baqratin: Baqratın).

        The lexicon seldom knows the name, so no candidate is built on it:
        the text itself shows where the name stops. A word the lexicon has
        seen written is left as it is. A name with no Azerbaijani letter may
        be foreign and said its own way, so outside text typed without those
        letters it needs one, or a q that transliterates (Menqa)."""
        forms, renamed = self.lexicon.forms, {}
        for text in [text for text in spelled if text[0].isupper() and len(text) > MIN_NAME]:
            for cut in range(len(text) - 1, max(MIN_NAME, len(text) - MAX_NAME_ENDING) - 1, -1):
                name = text[:cut]
                if name not in spelled:
                    continue
                if not is_title_word(text) or az_lower(text) in forms:
                    break
                native = ascii_typed or "q" in name or any(ch in _AZ_SPECIFIC for ch in name)
                ending = harmonize_suffix(name, text[cut:], self.lexicon, said_as_written=native)
                if ending is not None:
                    renamed[text] = name + ending
                    break
        return renamed

    def _common_word_joins(self, written: Counter) -> dict[str, str]:
        """The capitalised words of a text with a hyphen before the ending of
        a word the text writes in lowercase (alone or with an ending) more
        often than capitalised (Hüceyrə-ni … hüceyrələr: Hüceyrəni), each
        joined. A name keeps the hyphen its convention gives it (Atkinson-un,
        Associated Press-ə beside one English "press"); a word mostly
        written in lowercase is no name."""
        hyphenated = [text for text in written if "-" in text and text[0].isupper()]
        if not hyphenated:
            return {}
        lowercase: list[str] = []  # the text's lowercase words, sorted when first asked
        fits_after = self.lexicon.analyzer.fits_after

        def lowercase_count(host: str) -> int:
            if not lowercase:
                lowercase.extend(sorted(text for text in written if text.islower() and "-" not in text))
            at, count = bisect_left(lowercase, host), 0
            while at < len(lowercase) and lowercase[at].startswith(host):
                if lowercase[at] == host or fits_after(host, lowercase[at][len(host):]):
                    count += written[lowercase[at]]
                at += 1
            return count

        joins = {}
        for text in hyphenated:
            join = self._common_join(text)
            if join is not None and lowercase_count(join[0]) > written[text.partition("-")[0]]:
                joins[text] = join[1]
        return joins

    def _suffix_edit(self, token: Token) -> Edit | None:
        """The hyphenated suffix of a number, code or abbreviation, mended.

        A number's suffix takes the harmony of the number read aloud
        (2016-ci → 2016-cı); codes, times and fractions (BMT-dən, 12:55-də)
        are read more than one way, and only an ``e`` is mended there: no
        Azerbaijani ending has one, it is an ``ə`` that lost its letter
        (BMT-den → BMT-dən, km-e → km-ə).
        """
        host, _, suffix = token.text.rpartition("-")
        if host.isdigit():
            return self._harmony_edit(host, suffix, token.end - len(suffix))
        if not host or "e" not in suffix or not suffix.islower() or not suffix.isalpha():
            return None
        fixed = suffix.replace("e", "ə")
        analyzer = self.lexicon.analyzer
        if not any(analyzer.fits_suffix(fixed, harmony, after_vowel)
                   for harmony in (1, 2, 3, 4) for after_vowel in (False, True)):
            return None  # not an ending (CD-ROM, IT-engineer)
        start = token.end - len(suffix)
        return Edit(start, token.end, suffix, fixed, "diacritic", SUFFIX_HARMONY_CONFIDENCE)

    def _harmony_edit(self, host: str, suffix: str, start: int) -> Edit | None:
        fixed = harmonize_suffix(host, suffix, self.lexicon)
        if fixed is None:
            return None
        kind = "diacritic" if skeleton(az_lower(fixed)) == skeleton(az_lower(suffix)) else "typo"
        return Edit(start, start + len(suffix), suffix, fixed, kind, SUFFIX_HARMONY_CONFIDENCE)

    def _looks_foreign(self, page: _Page, n: int, prev: str, next_: str) -> bool:
        """True if word ``n`` is in another language or in markup (see :mod:`azfix.text.foreign`)."""
        tokens, words, i = page.tokens, page.words, page.words[n]
        if has_accented_letter(tokens[i].text):
            return True
        if i + 1 < len(tokens) and tokens[i + 1].text.startswith("=") or i > 0 and tokens[i - 1].text.endswith("="):
            return True  # an attribute of left-over markup (border="0")
        if i > 0 and tokens[i - 1].text in OPENING_QUOTES and is_language_adverb(prev):
            return True  # ingiliscə "god"
        before = page.written_word(n - 1, -1) if prev != SENTENCE and n > 0 else None
        after = page.written_word(n + 1, 0) if next_ != SENTENCE and n + 1 < len(words) else None
        known = self.lexicon.is_known

        def odd(word: str | None) -> bool:
            # the end of a sentence, a foreign word, or (unless the whole
            # text lost its letters) a word the lexicon does not know
            return word is None or is_foreign_word(word) or (
                not page.ascii_typed and word.isalpha() and not known(word))

        if before is not None and is_foreign_word(before) and odd(after):
            return True
        if after is not None and is_foreign_word(after) and odd(before):
            return True
        # Portal of Islam in the Czech Republic
        return sum(map(is_foreign_word, page.near_words(n, before, after))) >= 2

    def token_edit(self, token: Token, lower: str, prev: str, next_: str, ascii_typed: bool = False,
                   repeated: bool = False) -> Edit | None:
        text = token.text
        if token.kind is TokenKind.SUFFIXED:
            return self._suffix_edit(token)
        if token.kind is not TokenKind.WORD and token.kind is not TokenKind.ACRONYM:
            return None
        if text in self.config.protect or lower in self.config.protect or len(text) < 2:
            return None
        if "-" in text:
            if self.config.hyphen_suffix:
                joined = self._hyphen_join(text)
                if joined is not None:
                    return Edit(token.start, token.end, text, joined, "hyphen-suffix", 0.95)
            edit = self.compound_edit(token, prev, next_, ascii_typed)
            if edit is None and text.count("-") == 1 and lower.split("-")[0] in ABBREVIATIONS:
                edit = self._suffix_edit(token)  # km-e: an abbreviation's ending
            return edit
        if not text.isalpha():
            return None
        fix = self.word_edit(text, lower, prev, next_, ascii_typed)
        if fix is None:
            return None
        if repeated and not ascii_typed and fix[1] != "realword" and (fix[1] != "diacritic" or not text.islower()):
            return None
        return Edit(token.start, token.end, text, *fix)

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
            fix = self.word_edit(part, lowered[k], left, right, ascii_typed) if len(part) > 1 else None
            fixed.append(fix[0] if fix else part)
            if fix:
                kinds.append(fix[1])
                confidences.append(fix[2])
        if not kinds:
            return None
        return Edit(token.start, token.end, token.text, "-".join(fixed), kinds[0], min(confidences))

    def word_edit(self, text: str, lower: str, prev: str, next_: str,
                  ascii_typed: bool, settle: bool = True) -> tuple[str, str, float] | None:
        """(replacement, kind, confidence) for one alphabetic word, or None to keep it.

        With ``settle`` a fix is carried through the change its own words
        would get in its place (see :meth:`_settle`).
        """
        if text in self.config.protect or lower in self.config.protect or lower in self.lexicon.user_words:
            return None  # the user's own words are correct as written
        known = self.lexicon.is_known(text)
        upper = is_upper_word(text)
        if upper and (known or len(text) < 5):
            self._keep_always(text)
            return None  # acronyms
        if known and (upper or not (text.islower() or ascii_typed and is_title_word(text))):
            if not ascii_typed:
                self._keep_always(text)
            return None  # a known capitalised word: real-word checks need lowercase
        diacritic_only = upper or (not known and is_title_word(text))
        if not known and not text.islower() and not diacritic_only:
            return None  # mixed case (iPhone, McDonald): leave
        attested = lower in self.lexicon.forms or lower in self.lexicon.user_words
        wellformed = known and not attested and not ascii_typed and text.islower()
        if known and attested and not ascii_typed:
            if not (self.config.realword and self._swaps(lower)):
                self._keep_always(text)
                return None  # no letter swap could make it a real-word error
            if text == lower and len(self._swappable) < MAX_ALWAYS_KEPT and text not in self._swappable:
                self._swappable.add(text)
                if self._sharing:
                    self._new_words.append(("swappable", text, None))
        choice = self.choose(lower, prev, next_, known and not wellformed, diacritic_only,
                             ascii_typed, wellformed)
        if choice is None or choice.confidence < self.config.min_confidence and not text.islower():
            return None  # the ASCII majority rule is for words: a capitalised one (Sere) may be a foreign name
        if not known and not ascii_typed and is_title_word(text) and not self._name_fix_is_certain(lower, choice.text):
            # Inside a sentence an unknown capitalised word is most likely a
            # name (Yanina, Kup, Nilsen): leave it unless the fix is certain.
            # At a sentence start it may be either: the fix must at least be
            # a word the lexicon has seen written (not merely one it can parse).
            if prev != SENTENCE or choice.text not in self.lexicon.forms:
                return None
        if text.islower() and choice.kind == "typo" and self._is_a_name(choice.text):
            return None  # a typo does not turn a name (Fransa) into a lowercase word (branşa)
        replacement = " ".join(transfer_case(part_src, part) for part_src, part in
                               _case_sources(text, choice.text))
        confidence = choice.confidence
        if settle and choice.kind != "realword":
            settled = self._settle(replacement, confidence, prev, next_, ascii_typed)
            if settled is None:
                return None
            replacement, confidence = settled
        if replacement == text:
            return None
        return replacement, choice.kind, confidence

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
                and merged_word(*parts, self.lexicon, self.stats, self._frequent_twin)):
            return None  # clkln: ilk in, which reads as ilkin
        lowered = [az_lower(part) for part in parts]
        for k, part in enumerate(parts):
            left = prev if k == 0 else lowered[k - 1]
            right = next_ if k == len(parts) - 1 else lowered[k + 1]
            if not ascii_typed and self._stays(part, left, right) or not part.isalpha():
                continue
            again = self.word_edit(part, lowered[k], left, right, ascii_typed, settle=False)
            if again is not None:
                parts[k], lowered[k] = again[0], az_lower(again[0])
                confidence *= again[2]
        settled = " ".join(parts)
        if settled != replacement and confidence < self.config.min_confidence:
            return None
        return settled, confidence

    def _stays(self, text: str, prev: str, next_: str) -> bool:
        """True for a word no context changes, or a known word its neighbours attest."""
        bigram = self.stats.bigram
        return text in self._always_kept or text in self._swappable and (bigram(prev, text) or bigram(text, next_))

    def _is_a_name(self, word: str) -> bool:
        """Written capitalised inside sentences nearly always (seen there at least NAME_SIGHTINGS times)."""
        return (self.stats.middles.get(word, 0) >= NAME_SIGHTINGS
                and self.stats.capitalised_share(word) >= NAME_CAPITALISED_SHARE)

    def _keep_always(self, text: str, share: bool = True) -> None:
        if len(self._always_kept) < MAX_ALWAYS_KEPT and text not in self._always_kept:
            self._always_kept.add(text)
            if share and self._sharing:
                self._new_words.append(("kept", text, None))

    def _name_fix_is_certain(self, word: str, fix: str) -> bool:
        """A diacritic fix of a capitalised word is certain when it either

        - gives a word the statistics mostly see capitalised inside sentences
          (a known name: Azerbaycan → Azərbaycan; never Aldi → aldı), or
        - repairs only the vowel harmony of the suffixes after an unchanged,
          long or attested stem (Hollandiyasi → Hollandiyası: hollandiya + sı), which a name
          that merely resembles a word (Yanina: yan + ına) does not pass.
        """
        if self.stats.middles.get(fix, 0) >= 2:
            # The statistics know how the fix is written inside sentences.
            return self.stats.capitalised_share(fix) >= 0.5
        for analysis in self.lexicon.analyze(fix)[:8]:
            stem_length = len(analysis.segments[0])
            if (
                analysis.suffixes
                and word[:stem_length] == fix[:stem_length]
                and stem_length > HARMONY_REPAIR_STEM_SHARE * len(fix)
                and (self.lexicon.stem_counts.get(analysis.stem, 0) > 0 or stem_length >= 5)
                and self._is_misharmonised_suffix(word[stem_length:])
            ):
                return True
        return False

    def _is_misharmonised_suffix(self, ending: str) -> bool:
        """True if ``ending`` is a suffix chain under some vowel harmony (``si``
        for ``sı``): a wrong-harmony suffix, not a letter no suffix has (Steele)."""
        fits = self.lexicon.analyzer.fits_suffix
        return any(fits(ending, harmony, after_vowel) for harmony in (1, 2, 3, 4) for after_vowel in (False, True))


_AZ_SPECIFIC = "əıöüşçğƏİÖÜŞÇĞ"


def is_ascii_typed(tokens: list[Token], min_letters: int = 200, max_share: float = 0.005) -> bool:
    """True for a text typed without Azerbaijani letters.

    In ordinary Azerbaijani about one letter in eight is one of ``əıöüşçğ``;
    a long text with almost none was typed on a keyboard without them.
    """
    joined = "".join([token.text for token in tokens if token.kind is TokenKind.WORD])
    letters = len(joined)
    specific = sum(map(joined.count, _AZ_SPECIFIC))
    return letters >= min_letters and specific <= max_share * letters


_WORDLIKE = (TokenKind.WORD, TokenKind.ACRONYM, TokenKind.SUFFIXED, TokenKind.NUMBER)
_BREAKS = frozenset(".!?;:\n")
# the texts of the tokens that break a sentence: the marks above and every
# newline token (the tokenizer gives each line break a token of its own)
_BREAK_TEXTS = _BREAKS | frozenset(("\r\n", "\r", "\v", "\f", "\x85", "\u2028", "\u2029"))


@dataclass(slots=True)
class _Page:
    """One text being corrected: its tokens, its words and what is known of them."""

    tokens: list[Token]
    words: list[int]                 # indices of the word-like tokens
    lowered: dict[int, str]          # token index → lowercased text
    before: list[str]                # the previous word of each word in its sentence
    after: list[str]                 # the next one
    ascii_typed: bool
    repeating: frozenset[str]        # unknown words the text repeats (its own terms)
    renamed: dict[str, str]          # names with a misharmonised ending → mended (see _name_endings),
                                     # and common words with a hyphenated ending → joined (_common_word_joins)
    merged: set[int]                 # edges of the merges' spans
    written: dict[int, list[str]] = field(default_factory=dict)  # word → its fix's words

    def is_merged(self, i: int) -> bool:
        return self.tokens[i].start in self.merged or self.tokens[i].end in self.merged

    def written_word(self, n: int, part: int) -> str:
        """Word ``n`` as it will be written (``part`` of a split: 0 first, -1 last)."""
        return self.written[n][part] if n in self.written else self.tokens[self.words[n]].text

    def near_words(self, n: int, before: str | None, after: str | None) -> list[str]:
        """The words up to two places either side of word ``n``, within its sentence."""
        tokens, words = self.tokens, self.words
        near = []
        if before is not None:
            near.append(before)
            if n >= 2 and _same_sentence(tokens, words[n - 2], words[n - 1]):
                near.append(self.written_word(n - 2, -1))
        if after is not None:
            near.append(after)
            if n + 2 < len(words) and _same_sentence(tokens, words[n + 1], words[n + 2]):
                near.append(self.written_word(n + 2, 0))
        return near


def _neighbours(tokens: list[Token], words: list[int], lowered: dict) -> tuple[list[str], list[str]]:
    """(previous, next) word of every word within its sentence, else the sentence mark."""
    # breaks[i]: how many line breaks and sentence marks tokens[0..i] hold
    breaks = list(accumulate(map(_BREAK_TEXTS.__contains__, map(itemgetter(1), tokens))))
    names = ["<num>" if tokens[i].kind is TokenKind.NUMBER else lowered[i] for i in words]
    before = [SENTENCE] * len(words)
    after = [SENTENCE] * len(words)
    for n in range(1, len(words)):
        if breaks[words[n]] == breaks[words[n - 1]]:
            before[n] = names[n - 1]
            after[n - 1] = names[n]
    return before, after


def _same_sentence(tokens: list[Token], i: int, j: int) -> bool:
    """True if no line break or sentence mark lies between tokens i < j."""
    return not any(t.kind is TokenKind.NEWLINE or t.text in _BREAKS for t in tokens[i + 1:j])


def _case_sources(original: str, replacement: str) -> list[tuple[str, str]]:
    """Pair each word of a (possibly split) replacement with the case model to copy."""
    parts = replacement.split(" ")
    if len(parts) == 1:
        return [(original, replacement)]
    first = original[: len(parts[0])]
    rest = original[len(parts[0]):] or original
    return [(first, parts[0])] + [(az_lower(rest) if not is_upper_word(original) else rest, p) for p in parts[1:]]
