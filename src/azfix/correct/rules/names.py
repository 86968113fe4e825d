"""Names: when a capitalised word is a name, when a fix of one is certain, and names whose ending lost the name's harmony.

A capitalised unknown word inside a sentence is most likely a name
(``Yanina``, ``Nilsen``): it is fixed only when the fix is certain — a word
the statistics mostly see capitalised (``Azerbaycan`` → ``Azərbaycan``), or
a repair of the suffixes' harmony after an unchanged stem
(``Hollandiyasi`` → ``Hollandiyası``). A name the text also writes alone
gives its ending the name's harmony (``Baqrat`` … ``Baqratin`` → ``Baqratın``).
"""

from __future__ import annotations

from typing import Iterable

from ...config import Policy
from ...data.lexicon import Lexicon
from ...data.stats import ContextStats
from ...text.alphabet import AZERBAIJANI_ONLY_BOTH_CASES, az_lower, is_title_word
from .hyphens import harmonize_suffix

__all__ = ["is_a_name", "name_endings", "name_fix_is_certain"]



def is_a_name(word: str, stats: ContextStats, policy: Policy) -> bool:
    """Written capitalised inside sentences nearly always (and seen there often enough to tell)."""
    return (stats.middles.get(word, 0) >= policy.name_sightings
            and stats.capitalised_share(word) >= policy.name_capitalised_share)


def name_fix_is_certain(word: str, fix: str, lexicon: Lexicon, stats: ContextStats, policy: Policy) -> bool:
    """A diacritic fix of a capitalised word is certain when it either

    - gives a word the statistics mostly see capitalised inside sentences
      (a known name: Azerbaycan → Azərbaycan; never Aldi → aldı), or
    - repairs only the vowel harmony of the suffixes after an unchanged,
      long or attested stem (Hollandiyasi → Hollandiyası: hollandiya + sı), which a name
      that merely resembles a word (Yanina: yan + ına) does not pass.
    """
    if stats.middles.get(fix, 0) >= policy.name_fix_sightings:
        # The statistics know how the fix is written inside sentences.
        return stats.capitalised_share(fix) >= policy.name_fix_capitalised_share
    for analysis in lexicon.analyze(fix, policy.name_fix_readings):
        stem_length = len(analysis.segments[0])
        if (
            analysis.suffixes
            and word[:stem_length] == fix[:stem_length]
            and stem_length > policy.harmony_repair_stem_share * len(fix)
            and (lexicon.stem_counts.get(analysis.stem, 0) > 0 or stem_length >= policy.name_stem_min_length)
            and lexicon.analyzer.fits_any_harmony(word[stem_length:])
        ):
            return True
    return False


def name_endings(spelled: Iterable[str], ascii_typed: bool, lexicon: Lexicon, policy: Policy) -> dict[str, str]:
    """The capitalised words of a text that are a name the text also
    writes alone plus an ending against the name's vowel harmony, each
    with its ending mended (Baqrat … Baqratin: Baqratın).

    The lexicon seldom knows the name, so no candidate is built on it:
    the text itself shows where the name stops. A word the lexicon has
    seen written is left as it is. A name with no Azerbaijani letter may
    be foreign and said its own way, so outside text typed without those
    letters it needs one, or a q that transliterates (Menqa)."""
    forms, renamed = lexicon.forms, {}
    min_name, max_ending = policy.min_name, policy.max_name_ending
    for text in [text for text in spelled if text[0].isupper() and len(text) > min_name]:
        for cut in range(len(text) - 1, max(min_name, len(text) - max_ending) - 1, -1):
            name = text[:cut]
            if name not in spelled:
                continue
            if not is_title_word(text) or az_lower(text) in forms:
                break
            native = ascii_typed or "q" in name or any(ch in AZERBAIJANI_ONLY_BOTH_CASES for ch in name)
            ending = harmonize_suffix(name, text[cut:], lexicon, said_as_written=native)
            if ending is not None:
                renamed[text] = name + ending
                break
    return renamed
