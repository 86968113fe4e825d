"""More noise generators, each built from its own idea of how text gets damaged.

One generator measures the corrector against one set of assumptions; a
corrector tuned on that generator flatters itself. These generators share
nothing with the corrector (no keyboard table, no OCR pairs, no lexicon of
azfix): each writes down its own model of the damage.

- ``typing``: a person typing on the Azerbaijani QWERTY keyboard
  (:data:`KEYBOARD_ROWS`): a neighbouring key, two letters swapped, a letter
  doubled or dropped (first and last letters included), a diacritic lost, a
  whole word typed on an English keyboard, a space lost or added.
- ``ocr``: letter confusions learned at run time from real Tesseract pages
  (:func:`learn_ocr_model`), only inside words.
- ``random``: uniformly random edits, the model that assumes nothing, plus
  two words glued with the letter at the join garbled.

Every generator has the interface of :func:`benchmarks.noise.add_noise`:
``generator(text, rate, seed) -> (noisy, sites)``, one :class:`Site` per
damaged place with its exact span in the noisy text and the clean string it
should become. A damaged form always differs from its gold, and the same
seed gives the same noise.

>>> noisy, sites = add_random_noise("Bakıda yağış yağdı və küçələr islandı.", 0.5, 3)
>>> all(noisy[s.start:s.end] == s.noisy != s.gold for s in sites)
True
"""

from __future__ import annotations

import random
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable

from azfix.text.alphabet import az_lower, az_upper, is_title_word
from azfix.text.tokenize import TokenKind, tokenize

from . import ocr_confusions
from .noise import Site, add_noise

Damage = tuple[str, str, int, str]  # damaged text, the clean text it replaces, tokens consumed, kind
DamageFn = Callable[[str, list, int, random.Random], Damage | None]  # (kind, tokens, index, rng)

SCHWA, CAPITAL_SCHWA = "\N{LATIN SMALL LETTER SCHWA}", "\N{LATIN CAPITAL LETTER SCHWA}"
DOTLESS_I, CAPITAL_DOTTED_I = "\N{LATIN SMALL LETTER DOTLESS I}", "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}"
ALPHABET = f"abcçde{SCHWA}fgğhx{DOTLESS_I}ijkqlmnoöprsştuüvyz"  # the 32 lowercase letters
MAX_OWED = 20  # kinds waiting for a word they can damage


# -- the walk shared by the generators -----------------------------------------------

def damage_words(text: str, rate: float, seed: int, kinds: tuple[str, ...], weights: tuple[float, ...],
                 damage: DamageFn) -> tuple[str, list[Site]]:
    """Damage about ``rate`` of the alphabetic words of ``text`` with ``damage``.

    Each word is drawn with probability ``rate`` and given a kind drawn by
    ``weights``. A kind that cannot damage the word drawn is owed and damages
    the next word it can, so the kinds keep their shares.
    """
    rng = random.Random(seed)
    tokens = tokenize(text)
    out: list[str] = []
    sites: list[Site] = []
    owed: list[str] = []
    position = i = 0
    while i < len(tokens):
        done = None
        if tokens[i].kind is TokenKind.WORD and tokens[i].text.isalpha():
            tried = set()
            for k, kind in enumerate(owed):
                if kind in tried:
                    continue  # the same kind twice on one word would only re-roll its dice
                tried.add(kind)
                if done := damage(kind, tokens, i, rng):
                    del owed[k]
                    break
            if done is None and rng.random() < rate:
                kind = rng.choices(kinds, weights)[0]
                done = damage(kind, tokens, i, rng)
                if done is None and len(owed) < MAX_OWED:
                    owed.append(kind)
        if done:
            damaged, gold, consumed, kind = done
            if damaged == gold:
                raise AssertionError(f"{kind} left {gold!r} as it was")
            sites.append(Site(position, position + len(damaged), damaged, gold, kind))
            out.append(damaged)
            position += len(damaged)
            i += consumed
        else:
            out.append(tokens[i].text)
            position += len(tokens[i].text)
            i += 1
    return "".join(out), sites


def _plain_shape(word: str) -> bool:
    """A lowercase or capitalised word: the shapes whose case a damaged form can keep."""
    return word.islower() or is_title_word(word)


def _recase(word: str, damaged_lower: str) -> str:
    """Give ``damaged_lower`` the case pattern of ``word`` (lowercase or capitalised)."""
    return az_upper(damaged_lower[:1]) + damaged_lower[1:] if is_title_word(word) else damaged_lower


def _next_word(tokens: list, i: int):
    """The word after token ``i`` when one plain space separates them, else None."""
    if i + 2 < len(tokens) and tokens[i + 1].text == " ":
        following = tokens[i + 2]
        if following.kind is TokenKind.WORD and following.text.isalpha() and _plain_shape(following.text):
            return following.text
    return None


# -- typing on the Azerbaijani keyboard ----------------------------------------------

# The Azerbaijani Latin layout (AZS 495-2010; xkeyboard-config ``az`` "latin",
# Windows "Azerbaijani Latin"): US QWERTY with ü on W, ö and ğ on [ ], ı and ə
# on ; ', ç and ş on , . and the capital of i being İ. Rows from the top
# letter row; offsets are the stagger of a standard keyboard, in keys.
KEYBOARD_ROWS = ("qüertyuiopöğ", f"asdfghjkl{DOTLESS_I}{SCHWA}", "zxcvbnmçş")
ROW_OFFSETS = (0.0, 0.25, 0.75)

# What an English keyboard types instead of each Azerbaijani letter.
ASCII_TYPED = str.maketrans({
    SCHWA: "e", DOTLESS_I: "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u",
    CAPITAL_SCHWA: "E", CAPITAL_DOTTED_I: "I", "Ş": "S", "Ç": "C", "Ğ": "G", "Ö": "O", "Ü": "U",
})
TYPING_KINDS = ("neighbour", "transpose", "double", "drop", "diacritic", "ascii-word", "space-lost", "space-added")
TYPING_WEIGHTS = (0.20, 0.12, 0.10, 0.14, 0.20, 0.06, 0.10, 0.08)


def keyboard_neighbours(rows=KEYBOARD_ROWS, offsets=ROW_OFFSETS) -> dict[str, str]:
    """Each key's neighbours: left and right in its row, and the keys touching it in the rows above and below."""
    where = {key: (r, offsets[r] + c) for r, row in enumerate(rows) for c, key in enumerate(row)}
    return {a: "".join(b for b, (rb, xb) in where.items()
                       if b != a and ((rb == ra and abs(xb - xa) == 1) or (abs(rb - ra) == 1 and abs(xb - xa) < 1)))
            for a, (ra, xa) in where.items()}


KEY_NEIGHBOURS = keyboard_neighbours()


def _typed_word(kind: str, word: str, rng: random.Random) -> str | None:
    """``word`` as a typist damages it by ``kind`` (one-word kinds), or None if the kind cannot apply."""
    if kind == "diacritic":
        spots = [i for i, c in enumerate(word) if c.translate(ASCII_TYPED) != c]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i].translate(ASCII_TYPED) + word[i + 1:]
    if kind == "ascii-word":
        folded = word.translate(ASCII_TYPED)
        # one letter lost is the diacritic kind; a whole word has two or more
        return folded if sum(a != b for a, b in zip(word, folded)) >= 2 else None
    lower = az_lower(word)
    if kind == "neighbour":
        spots = [i for i, c in enumerate(lower) if c in KEY_NEIGHBOURS]
        if not spots:
            return None
        i = rng.choice(spots)
        damaged = lower[:i] + rng.choice(KEY_NEIGHBOURS[lower[i]]) + lower[i + 1:]
    elif kind == "transpose":
        spots = [i for i in range(len(lower) - 1) if lower[i] != lower[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        damaged = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]
    elif kind == "double":
        i = rng.randrange(len(lower))
        damaged = lower[:i] + lower[i] + lower[i:]
    elif kind == "drop" and len(lower) >= 3:
        i = rng.randrange(len(lower))
        damaged = lower[:i] + lower[i + 1:]
    elif kind == "space-added" and len(lower) >= 4:
        i = rng.randrange(1, len(lower))
        damaged = lower[:i] + " " + lower[i:]
    else:
        return None
    return _recase(word, damaged)


def _typing_damage(kind: str, tokens: list, i: int, rng: random.Random) -> Damage | None:
    word = tokens[i].text
    if not _plain_shape(word):
        return None
    if kind == "space-lost":
        following = _next_word(tokens, i)
        return (word + following, f"{word} {following}", 3, kind) if following else None
    damaged = _typed_word(kind, word, rng)
    return (damaged, word, 1, kind) if damaged and damaged != word else None


def add_typing_noise(text: str, rate: float = 0.05, seed: int = 0) -> tuple[str, list[Site]]:
    """Damage about ``rate`` of the words as a typist on the Azerbaijani keyboard would."""
    return damage_words(text, rate, seed, TYPING_KINDS, TYPING_WEIGHTS, _typing_damage)


# -- uniformly random edits -------------------------------------------------------

RANDOM_KINDS = ("insert", "delete", "substitute", "transpose", "glued-garbled")
RANDOM_WEIGHTS = (0.225, 0.225, 0.225, 0.225, 0.10)


def _other_letter(letter: str, rng: random.Random) -> str:
    return rng.choice(ALPHABET.replace(letter, ""))


def _random_edit(kind: str, lower: str, rng: random.Random) -> str | None:
    """One uniformly placed edit of a lowercase word (first and last letters included)."""
    n = len(lower)
    if kind == "insert":
        i = rng.randrange(n + 1)
        return lower[:i] + rng.choice(ALPHABET) + lower[i:]
    if kind == "delete":
        i = rng.randrange(n)
        return lower[:i] + lower[i + 1:]
    if kind == "substitute":
        i = rng.randrange(n)
        return lower[:i] + _other_letter(lower[i], rng) + lower[i + 1:]
    spots = [i for i in range(n - 1) if lower[i] != lower[i + 1]]  # transpose
    if not spots:
        return None
    i = rng.choice(spots)
    return lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]


def _random_damage(kind: str, tokens: list, i: int, rng: random.Random) -> Damage | None:
    word = tokens[i].text
    if not _plain_shape(word):
        return None
    if kind == "glued-garbled":
        following = _next_word(tokens, i)
        if not following:
            return None
        first, second = az_lower(word), az_lower(following)
        if rng.random() < 0.5:
            first = first[:-1] + _other_letter(first[-1], rng)
        else:
            second = _other_letter(second[0], rng) + second[1:]
        return _recase(word, first) + _recase(following, second), f"{word} {following}", 3, kind
    if len(word) <= 2:
        return None
    damaged = _random_edit(kind, az_lower(word), rng)
    if damaged is None:
        return None
    damaged = _recase(word, damaged)
    return (damaged, word, 1, kind) if damaged != word else None


def add_random_noise(text: str, rate: float = 0.05, seed: int = 0) -> tuple[str, list[Site]]:
    """Damage about ``rate`` of the words by uniformly random edits."""
    return damage_words(text, rate, seed, RANDOM_KINDS, RANDOM_WEIGHTS, _random_damage)


# -- OCR confusions learned from real pages ----------------------------------------

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"


def _ocr_damage(model: ocr_confusions.OcrModel) -> DamageFn:
    def damage(kind: str, tokens: list, i: int, rng: random.Random) -> Damage | None:
        word = tokens[i].text
        done = model.damage(word, rng)
        return (done[0], word, 1, done[1]) if done else None
    return damage


def add_ocr_noise(text: str, rate: float = 0.05, seed: int = 0, shared: Path | None = None) -> tuple[str, list[Site]]:
    """Damage about ``rate`` of the words by letter confusions learned from OCR pages of ``shared``."""
    model = ocr_confusions.learned_model(str(shared or DEFAULT_SHARED))
    return damage_words(text, rate, seed, ("ocr",), (1.0,), _ocr_damage(model))


def add_model_noise(text: str, rate: float, seed: int, model: ocr_confusions.OcrModel) -> tuple[str, list[Site]]:
    """Damage about ``rate`` of the words by the confusions of ``model`` (any OcrModel)."""
    return damage_words(text, rate, seed, ("ocr",), (1.0,), _ocr_damage(model))


GENERATORS = {"ours": add_noise, "typing": add_typing_noise, "ocr": add_ocr_noise, "random": add_random_noise}


@lru_cache(maxsize=4)
def generators(shared: Path | None = None) -> dict[str, Callable[..., tuple[str, list[Site]]]]:
    """:data:`GENERATORS` with the OCR model learned from ``shared`` (the default folder if None)."""
    if shared is None:
        return dict(GENERATORS)
    return {**GENERATORS, "ocr": partial(add_ocr_noise, shared=Path(shared))}
