"""A noise model with the error kinds of damaged Azerbaijani news text.

``add_noise(text, rate, seed)`` damages about ``rate`` of the words of a clean
text and returns the noisy text with one :class:`Site` per damaged place
(its span in the noisy text and the clean string it should become). Kinds:

- ``diacritic``: a lost or swapped Azerbaijani letter (ə→e, ı→i, ş→s, i→ü …)
- ``typo``: a letter dropped, inserted, doubled, replaced by a keyboard or
  OCR neighbour, or two letters swapped
- ``split``: two words glued together (``bütünüzv``)
- ``realword``: a word replaced by a correct word one letter-swap away
  (``ən``→``on``), drawn from frequent forms only
- ``hyphen-suffix``: the suffixes of a capitalised word cut off with a hyphen
  (``Bakının``→``Bakı-nın``), sometimes doubled (``Bakı-yaya``)

The model is ours, not fitted to the seed article; it is used to measure
and to choose thresholds on development text only.

``break_words(text, rate, seed)`` makes a separate set of the opposite
damage, kind ``merge``: a space put inside a word, at the boundary of its
ending (``ayının``→``ayı nın``) or anywhere (``ədəbiyyat``→``ədəbiy yat``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from azfix.text.alphabet import az_lower, is_title_word
from azfix.correct.channel.errormodel import KEYBOARD_ROWS, OCR_PAIRS
from azfix.data.lexicon import default_lexicon
from azfix.text.tokenize import TokenKind, tokenize

DIACRITIC_DAMAGE = {"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "i": "ı",
                    "e": "ə", "u": "ü", "o": "ö"}
KINDS = ("diacritic", "typo", "split", "realword", "hyphen-suffix")
KIND_WEIGHTS = (0.4, 0.3, 0.1, 0.1, 0.1)


@dataclass(frozen=True)
class Site:
    start: int
    end: int
    noisy: str
    gold: str
    kind: str


def _neighbours() -> dict[str, list[str]]:
    near: dict[str, list[str]] = {}
    for row in KEYBOARD_ROWS:
        for a, b in zip(row, row[1:]):
            near.setdefault(a, []).append(b)
            near.setdefault(b, []).append(a)
    for a, b in OCR_PAIRS:
        near.setdefault(a, []).append(b)
        near.setdefault(b, []).append(a)
    return near


NEIGHBOURS = _neighbours()


def damage_diacritic(word: str, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(word) if c in DIACRITIC_DAMAGE]
    if not spots:
        return None
    i = rng.choice(spots)
    return word[:i] + DIACRITIC_DAMAGE[word[i]] + word[i + 1:]


def damage_typo(word: str, rng: random.Random) -> str | None:
    if len(word) < 4:
        return None
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("drop", "insert", "double", "replace", "swap"))
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    if op == "insert":
        return word[:i] + rng.choice(NEIGHBOURS.get(word[i], ["a"])) + word[i:]
    if op == "replace" and word[i] in NEIGHBOURS:
        return word[:i] + rng.choice(NEIGHBOURS[word[i]]) + word[i + 1:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


@lru_cache(maxsize=1)
def realword_twins() -> dict[str, list[str]]:
    """Frequent forms grouped by length, for real-word substitutions."""
    lex = default_lexicon()
    frequent = [w for w, c in lex.forms.items() if c >= 5000]
    from azfix.correct.candidates.index import skeleton

    groups: dict[str, list[str]] = {}
    for w in frequent:
        groups.setdefault(skeleton(w), []).append(w)
    twins = {}
    for words in groups.values():
        for w in words:
            others = [o for o in words if o != w and len(o) == len(w)]
            if others:
                twins[w] = others
    return twins


def damage_hyphen(word: str, rng: random.Random) -> str | None:
    if not is_title_word(word):
        return None
    analyses = default_lexicon().analyze(word)
    for analysis in analyses:
        if analysis.suffixes and len(analysis.segments[0]) >= 3:
            stem_surface = word[: len(analysis.segments[0])]
            suffix = word[len(stem_surface):]
            if rng.random() < 0.3 and len(analysis.suffixes) == 1:
                suffix = suffix * 2
            return f"{stem_surface}-{suffix}"
    return None


MAX_OWED = 20  # kinds waiting for a word they can damage


def _damage(kind: str, tokens: list, i: int, twins: dict, rng: random.Random) -> tuple[str, str, int] | None:
    """(damaged text, the clean text it replaces, tokens consumed) or None if ``kind`` cannot damage token i."""
    word = tokens[i].text
    lower = az_lower(word)
    damaged = None
    if kind == "diacritic" and word.islower():
        damaged = damage_diacritic(word, rng)
    elif kind == "typo" and word.islower():
        damaged = damage_typo(word, rng)
    elif kind == "realword" and lower in twins and word.islower():
        damaged = rng.choice(twins[lower])
    elif kind == "hyphen-suffix":
        damaged = damage_hyphen(word, rng)
    elif kind == "split" and word.islower() and i + 2 < len(tokens):
        space, following = tokens[i + 1], tokens[i + 2]
        if space.text == " " and following.kind is TokenKind.WORD and following.text.islower():
            return word + following.text, f"{word} {following.text}", 3
    if damaged is None or damaged == word:
        return None
    return damaged, word, 1


def add_noise(text: str, rate: float = 0.05, seed: int = 0) -> tuple[str, list[Site]]:
    """Damage about ``rate`` of the words of ``text``; return the noisy text and the sites.

    Each damaged word gets a kind drawn by ``KIND_WEIGHTS``; a kind that
    cannot damage the word drawn (a real-word swap needs a word with a
    frequent twin, a hyphenated suffix a capitalised inflected word) is
    owed, and damages the next word it can: the kinds keep their shares.
    """
    rng = random.Random(seed)
    twins = realword_twins()
    tokens = tokenize(text)
    out: list[str] = []
    sites: list[Site] = []
    owed: list[str] = []
    position = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        done = None
        if token.kind is TokenKind.WORD and token.text.isalpha():
            for k, kind in enumerate(owed):
                done = _damage(kind, tokens, i, twins, rng)
                if done:
                    del owed[k]
                    break
            if done is None and rng.random() < rate:
                kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
                done = _damage(kind, tokens, i, twins, rng)
                if done is None and len(owed) < MAX_OWED:
                    owed.append(kind)
        if done:
            damaged, gold, consumed = done
            sites.append(Site(position, position + len(damaged), damaged, gold, kind))
            out.append(damaged)
            position += len(damaged)
            i += consumed
        else:
            out.append(token.text)
            position += len(token.text)
            i += 1
    return "".join(out), sites


def break_words(text: str, rate: float = 0.02, seed: int = 0) -> tuple[str, list[Site]]:
    """Put a space inside about ``rate`` of the words (of five letters or more)
    of ``text``: half at the start of the word's endings, half anywhere."""
    rng = random.Random(seed)
    lexicon = default_lexicon()
    out: list[str] = []
    sites: list[Site] = []
    position = 0
    for token in tokenize(text):
        word = token.text
        cut = None
        if token.kind is TokenKind.WORD and word.isalpha() and len(word) >= 5 and rng.random() < rate:
            analyses = [a for a in lexicon.analyze(word) if a.suffixes and 2 <= len(a.segments[0]) < len(word) - 1]
            if analyses and rng.random() < 0.5:
                cut = len(analyses[0].segments[0])
            else:
                cut = rng.randrange(2, len(word) - 1)
        if cut is None:
            out.append(word)
            position += len(word)
            continue
        broken = word[:cut] + " " + word[cut:]
        sites.append(Site(position, position + len(broken), broken, word, "merge"))
        out.append(broken)
        position += len(broken)
    return "".join(out), sites
