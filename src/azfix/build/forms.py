"""Cleaning the attested forms: ASCII-typed and misspelt twins dropped, suspect forms found, one-letter words counted, roots the list alone attests, and sound forms of the web word list.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import regex

from ..config import Policy
from ..data.stats import ContextStats
from ..morphology import Analyzer
from ..text.alphabet import ascii_fold, az_lower, vowel_count


def diacritic_count(word: str) -> int:
    return sum(1 for a, b in zip(word, ascii_fold(word)) if a != b)


def drop_ascii_twins(counts: dict[str, int], stems: set[str], policy: Policy = Policy()) -> dict[str, int]:
    """Remove forms that are ASCII-fied spellings of a far more frequent twin."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        by_skeleton[ascii_fold(word)].append(word)
    kept = {}
    for word, count in counts.items():
        twins = by_skeleton[ascii_fold(word)]
        best = max(twins, key=lambda w: (counts[w], w))
        is_junk = (
            best != word
            and counts[best] >= policy.build_ascii_twin_ratio * count
            and diacritic_count(word) < diacritic_count(best)
            and word not in stems
        )
        if not is_junk:
            kept[word] = count
    return kept


def drop_misspelt_twins(counts: dict[str, int], analyzer: Analyzer, policy: Policy = Policy()) -> dict[str, int]:
    """Remove forms that no grammar reading explains and whose diacritic twin
    is far more frequent: misspellings the frequency list picked up (a
    dotless ı for i, ş for s) rather than ASCII-fied text."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        by_skeleton[ascii_fold(word)].append(word)
    kept = {}
    for word, count in counts.items():
        best = max(by_skeleton[ascii_fold(word)], key=lambda w: (counts[w], w))
        is_junk = (
            best != word
            and counts[best] >= policy.build_misspelt_twin_ratio * count
            and "-" not in word
            and word not in analyzer.stems
            and not analyzer.is_well_formed(word)
        )
        if not is_junk:
            kept[word] = count
    return kept


def suspect_forms(counts: dict[str, int], candidates: dict[str, int], curated: Analyzer,
                  policy: Policy = Policy()) -> dict[str, tuple[str, float]]:
    """Forms that are probably misspellings the frequency list picked up,
    each with its likeliest fix and how much commoner the fix is.

    A form of ``candidates`` (attested forms and the stems no curated
    dictionary vouches for, with their counts) is suspect when a form one
    edit away (a letter dropped, added, replaced or two swapped) is at least
    ``build_suspect_ratio`` times more frequent and no curated stem with the
    grammar explains it (``haqında`` beside ``haqqında``, ``bür`` beside
    ``bir``). A rare correct word near a frequent one (``fağır``, ``ağır``)
    has a curated reading and is left known; so is a curated twin
    (``şimalı``, ``şimali``): which of two words is meant is for the
    context to say, never for frequency alone.
    """
    from rapidfuzz.distance import DamerauLevenshtein

    by_delete: dict[str, list[str]] = defaultdict(list)
    for form in counts:
        by_delete[form].append(form)
        for i in range(len(form)):
            by_delete[form[:i] + form[i + 1:]].append(form)
    suspects = {}
    for word, count in candidates.items():
        if len(word) < 2 or not word.isalpha():
            continue
        near = set(by_delete.get(word, ()))
        for i in range(len(word)):
            near.update(by_delete.get(word[:i] + word[i + 1:], ()))
        near.discard(word)
        floor = policy.build_suspect_ratio * max(count, 1)
        fixes = [form for form in near if counts[form] >= floor and DamerauLevenshtein.distance(word, form) == 1]
        if not fixes:
            continue
        fix = max(fixes, key=lambda form: (counts[form], form))
        if not curated.is_well_formed(word):
            suspects[word] = (fix, round(counts[fix] / max(count, 1), 1))
    return suspects


def one_letter_words(entries: dict, forms: dict[str, int], stats: ContextStats,
                     policy: Policy = Policy()) -> dict[str, int]:
    """Counts for the one-letter words the frequency list leaves out (``o``),
    estimated from the running text and scaled to the list's counts. Only
    words a dictionary gives a part of speech count: a letter alone is more
    often an initial or a unit."""
    shared = [word for word in stats.unigrams if word in forms and word.isalpha()]
    scale = sum(forms[word] for word in shared) / max(sum(stats.unigrams[word] for word in shared), 1)
    return {stem: round(stats.unigram(stem) * scale) for stem, entry in entries.items()
            if len(stem) == 1 and stem not in forms and stats.unigram(stem) >= policy.build_one_letter_min_count
            and set(entry.pos) - {"nominal", "verb"}}


_PLAIN_WORD = regex.compile(r"^[a-zəıöüşçğ]{4,}$")


def attested_roots(forms: dict[str, int], analyzer: Analyzer, policy: Policy = Policy()) -> list[str]:
    """Frequent forms that no stem explains: loanwords and names the
    dictionaries miss (``sezon``, ``analitik``), which then take suffixes
    like any noun (``sezonda``)."""
    def is_suffix(form: str) -> bool:  # nın, lər: a suffix written apart
        return analyzer.fits_any_harmony(form)

    return sorted(
        form for form, count in forms.items()
        if count >= policy.build_root_min_count and _PLAIN_WORD.match(form) and vowel_count(form) >= 1
        and not analyzer.is_well_formed(form) and not is_suffix(form)
    )


def web_forms(path: Path, lexicon) -> list[str]:
    """The forms of Tesseract's web word list that the frequency list lacks
    and that are sound: well formed by the stems, with no attested form
    sharing their diacritic skeleton (the list also holds ASCII-fied
    spellings such as ``siyaset``, which a twin gives away).

    A form the web has written is likelier than one merely well formed; it
    is never made "known" by the list (see :meth:`azfix.data.lexicon.Lexicon.unseen_form_prior`)."""
    if not path.is_file():
        raise FileNotFoundError(f"no Tesseract word list at {path}")
    skeletons = {ascii_fold(form) for form in lexicon.forms}
    words = {az_lower(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()}
    return sorted(word for word in words
                  if word.isalpha() and word not in lexicon.forms and ascii_fold(word) not in skeletons
                  and lexicon.is_known_lower(word))
