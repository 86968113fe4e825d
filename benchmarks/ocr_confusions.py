"""Letter confusions of Tesseract, learned from OCR pages and their gold text, for the ``ocr`` noise generator.

How the model is learned (:func:`learn_ocr_model`), for each gold paragraph
and its OCR reading:

1. the OCR paragraph's line ends are undone (a hyphen before a line break
   between letters is dropped, other breaks become spaces);
2. the two word sequences are aligned (difflib); words in equal blocks count
   as read right, and words of replaced blocks of the same length are paired
   one to one when they are at most ``MAX_WORD_DISTANCE`` edits apart;
3. inside a pair, the letters are aligned (Levenshtein opcodes) and each run
   of adjacent changes is one confusion ``source → target``: a substitution
   (``ı→i``), a multi-letter one (``m→rn``, ``w→vv``, ``rn→m``), an insertion
   (``→l``) or a deletion (``t→``); a run of as many letters read as
   written is that many substitutions (``ış→is`` is ``ı→i`` and ``ş→s``). Runs longer than two letters on either
   side, runs with anything but letters, and case-only changes (``o→O``) are
   left out: the generator damages letters inside words, and pages are the
   OCR benchmark's job.

The probability of a confusion of a source segment is its count over the
number of times the segment was read in aligned words; insertions are
counted per gap between letters. The share of damaged words with two
confusions or more is learned too.

Which pages: only the Wikipedia pages set in **Liberation Serif** (mild,
medium and harsh). The model is then learned from one font of the three and
from none of the news pages (DejaVu Serif), so the OCR benchmark can report
on fonts the generator never saw; and those pages pair paragraph for
paragraph with their gold (the news pages of the medium level do not, their
blank lines are broken). The model keeps letter statistics only, no words.

>>> model = learn_ocr_model([("Alim kamal", "Alim karnal")])
>>> model.confusions["m"]
(('rn',), (1,), 0.5)
"""

from __future__ import annotations

import difflib
import random
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import regex
from rapidfuzz.distance import Levenshtein

from azfix.text.alphabet import az_lower
from azfix.text.tokenize import TokenKind, tokenize

OCR_FONT = "LiberationSerif"
MAX_SEGMENT = 2  # letters on either side of one confusion
MAX_WORD_DISTANCE = 3  # edits between a gold word and its OCR reading to pair them
_LINE_END_HYPHEN = regex.compile(r"(?<=\p{L})[-\N{SOFT HYPHEN}]\n(?=\p{L})")


@dataclass(frozen=True, slots=True)
class OcrModel:
    """Confusions by source segment: ``{source: (targets, counts, probability of any confusion)}``.

    ``insertions`` are ``(targets, counts, probability per gap)``;
    ``two_share`` is the share of damaged words that have two confusions;
    ``typical_word`` the mean over the words read of the sum of their
    confusion probabilities (how exposed an average word is).
    """

    confusions: dict[str, tuple[tuple[str, ...], tuple[int, ...], float]]
    insertions: tuple[tuple[str, ...], tuple[int, ...], float]
    two_share: float
    typical_word: float

    def events(self, word: str) -> list[tuple[int, int, float]]:
        """The places ``word`` can be damaged: ``(start, letters replaced, probability)``; 0 letters is an insertion."""
        spots = []
        for i in range(len(word)):
            for n in range(1, MAX_SEGMENT + 1):
                entry = self.confusions.get(word[i:i + n]) if i + n <= len(word) else None
                if entry and not (n == len(word) and "" in entry[0]):  # never delete a whole word
                    spots.append((i, n, entry[2]))
        if self.insertions[2] > 0:
            spots += [(i, 0, self.insertions[2]) for i in range(len(word) + 1)]
        return spots

    def damage(self, word: str, rng: random.Random) -> tuple[str, str] | None:
        """``word`` with one or two confusions drawn from the model, and the kind; None if it resists.

        A word less exposed than the typical one (fewer or safer letters)
        resists in proportion, so the words damaged are the ones whose
        letters the OCR confuses (``rate`` is kept by the walk, which passes
        the damage on to a later word).
        """
        spots = self.events(word)
        exposure = sum(p for _, _, p in spots)
        if not spots or rng.random() * self.typical_word >= exposure:
            return None
        first = rng.choices(spots, [p for _, _, p in spots])[0]
        chosen = [first]
        if rng.random() < self.two_share:
            apart = [s for s in spots if _apart(s, first)]
            if apart:
                chosen.append(rng.choices(apart, [p for _, _, p in apart])[0])
        damaged, kinds = word, []
        for start, n, _ in sorted(chosen, reverse=True):
            targets, counts, _ = self.insertions if n == 0 else self.confusions[word[start:start + n]]
            target = rng.choices(targets, counts)[0]
            damaged = damaged[:start] + target + damaged[start + n:]
            kinds.append(confusion_kind(word[start:start + n], target))
        if damaged == word or not damaged:
            return None
        return damaged, kinds[0] if len(kinds) == 1 else "ocr-two"


def _apart(one: tuple[int, int, float], other: tuple[int, int, float]) -> bool:
    """True if two events touch different letters (two insertions: different gaps)."""
    if one[1] == 0 and other[1] == 0:
        return one[0] != other[0]
    return one[0] >= other[0] + other[1] or one[0] + one[1] <= other[0]


def confusion_kind(source: str, target: str) -> str:
    if not source:
        return "ocr-ins"
    if not target:
        return "ocr-del"
    return "ocr-sub" if len(source) == len(target) == 1 else "ocr-multi"


def undo_line_ends(ocr: str) -> str:
    return _LINE_END_HYPHEN.sub("", ocr).replace("\n", " ")


def aligned_words(gold: str, ocr: str) -> Iterable[tuple[str, str]]:
    """Pairs (gold word, OCR word): identical words and the close readings of replaced ones."""
    gold_words = [t.text for t in tokenize(gold) if t.kind is TokenKind.WORD]
    ocr_words = [t.text for t in tokenize(undo_line_ends(ocr)) if t.kind is TokenKind.WORD]
    matcher = difflib.SequenceMatcher(None, gold_words, ocr_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and a2 - a1 == b2 - b1):
            for g, o in zip(gold_words[a1:a2], ocr_words[b1:b2]):
                if g == o or Levenshtein.distance(g, o, score_cutoff=MAX_WORD_DISTANCE) <= MAX_WORD_DISTANCE:
                    yield g, o


def letter_confusions(gold: str, ocr: str) -> list[tuple[str, str]]:
    """The confusions turning ``gold`` into ``ocr``: runs of adjacent letter changes, as (source, target)."""
    runs: list[list[int]] = []
    for op in Levenshtein.opcodes(gold, ocr):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    out = []
    for s1, s2, d1, d2 in runs:
        if s2 - s1 == d2 - d1 > 1:  # letters read wrong side by side: each is its own substitution
            runs_of_one = [(gold[s1 + k], ocr[d1 + k]) for k in range(s2 - s1)]
        else:
            runs_of_one = [(gold[s1:s2], ocr[d1:d2])]
        out += [(source, target) for source, target in runs_of_one if _kept(source, target)]
    return out


def _kept(source: str, target: str) -> bool:
    """A confusion of letters inside a word, short enough, and more than a change of case."""
    return (len(source) <= MAX_SEGMENT and len(target) <= MAX_SEGMENT and (source + target).isalpha()
            and az_lower(source) != az_lower(target))


def learn_ocr_model(pairs: Iterable[tuple[str, str]]) -> OcrModel:
    """Learn the confusions from (gold paragraph, OCR paragraph) pairs."""
    changes: Counter = Counter()
    read: Counter = Counter()  # source segments as often as they were read
    words_read: Counter = Counter()
    gaps = damaged_words = two_or_more = 0
    for gold, ocr in pairs:
        for g, o in aligned_words(gold, ocr):
            words_read[g] += 1
            gaps += len(g) + 1
            read.update(g)
            read.update(g[i:i + 2] for i in range(len(g) - 1))
            found = letter_confusions(g, o) if g != o else []
            changes.update(found)
            damaged_words += bool(found)
            two_or_more += len(found) >= 2
    by_source: dict[str, Counter] = {}
    for (source, target), n in sorted(changes.items()):
        by_source.setdefault(source, Counter())[target] += n
    confusions = {}
    for source, targets in by_source.items():
        if source:
            ranked = targets.most_common()
            confusions[source] = (tuple(t for t, _ in ranked), tuple(n for _, n in ranked),
                                  sum(targets.values()) / max(read[source], 1))
    inserted = by_source.get("", Counter()).most_common()
    insertions = (tuple(t for t, _ in inserted), tuple(n for _, n in inserted),
                  sum(n for _, n in inserted) / max(gaps, 1))
    two_share = two_or_more / damaged_words if damaged_words else 0.0
    model = OcrModel(confusions, insertions, two_share, 1.0)
    exposure = [sum(p for _, _, p in model.events(w)) for w, n in words_read.items() for _ in range(n)]
    return OcrModel(confusions, insertions, two_share, sum(exposure) / max(len(exposure), 1))


def paragraphs(text: str) -> list[str]:
    return [p for p in regex.split(r"\n[ \t]*\n", text.strip()) if p.strip()]


def page_pairs(folder: Path, font: str = OCR_FONT) -> list[tuple[str, str]]:
    """(gold, OCR) paragraph pairs of the pages of ``folder`` set in ``font``."""
    pairs = []
    for ocr_path in sorted(folder.glob(f"*_{font}.ocr.txt")):
        gold_path = ocr_path.with_name(ocr_path.name.replace(".ocr.", ".gold."))
        gold = paragraphs(gold_path.read_text(encoding="utf-8"))
        ocr = paragraphs(ocr_path.read_text(encoding="utf-8"))
        if len(gold) != len(ocr):
            raise ValueError(f"{ocr_path.name}: {len(ocr)} paragraphs, its gold has {len(gold)}")
        pairs += zip(gold, ocr)
    if not pairs:
        raise FileNotFoundError(f"no OCR pages set in {font} in {folder}")
    return pairs


@lru_cache(maxsize=2)
def learned_model(shared: str) -> OcrModel:
    """The model learned from the Liberation Serif pages of ``shared/data/ocr`` (once per process)."""
    return learn_ocr_model(page_pairs(Path(shared) / "data" / "ocr"))
