"""Stem flags and evidence: whether a stem softens, voices or drops a vowel before a suffix (read from the forms that show it), how much running text each stem explains, and which stems to trust.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict

from ..config import Policy
from ..morphology import Analyzer, StemEntry, completes
from ..morphology.phonology import HIGH_VOWELS, SOFTEN
from ..text.alphabet import VOWELS, harmony_class, vowel_count


class Softening:
    """Does a stem's final k/q soften to y/ğ before a vowel (çörək → çörəyi)?

    The attested forms decide: every form that goes on with a vowel counts
    (natiqin, ayağımız), and the commoner spelling wins. A stem with no such
    form follows the stems that end in the same three letters (the native
    -lıq softens, the Arabic -tiq does not) when they agree, and else may do
    either (flag ``o``).
    """

    def __init__(self, forms: dict[str, int], stems: dict, policy: Policy = Policy()):
        min_stems, agreement = policy.build_softening_min_stems, policy.build_softening_agreement
        self.forms = forms
        self.keys = sorted(forms)
        votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for stem, entry in stems.items():
            decided = self._attested(stem, entry.harmony) if self._may_soften(stem) else None
            if decided is not None:
                votes[stem[-3:]][decided == "s"] += 1
        self.by_ending = {ending: "s" if soft > plain else "" for ending, (plain, soft) in votes.items()
                          if plain + soft >= min_stems and max(plain, soft) >= agreement * (plain + soft)}

    @staticmethod
    def _may_soften(stem: str) -> bool:
        return stem[-1] in SOFTEN and vowel_count(stem) >= 2

    def _inflected(self, surface: str, harmony: int) -> int:
        """Summed counts of the forms that are ``surface`` and a suffix chain opening with a vowel
        (a word that merely starts so, qalmaqal beside qalmaq, is not one)."""
        total = 0
        low = bisect.bisect_left(self.keys, surface)
        for key in itertools.islice(self.keys, low, None):
            if not key.startswith(surface):
                break
            rest = key[len(surface):]
            if rest[:1] in VOWELS and completes(rest, "N", harmony, False):
                total += self.forms[key]
        return total

    def _attested(self, stem: str, harmony: int) -> str | None:
        """"s" or "" as the forms show, None when they show nothing."""
        harmony = harmony or harmony_class(stem) or 2
        plain = self._inflected(stem, harmony)
        soft = self._inflected(stem[:-1] + SOFTEN[stem[-1]], harmony)
        if not plain and not soft:
            return None
        return "s" if soft >= plain else ""

    def flag(self, stem: str, harmony: int) -> str:
        if not self._may_soften(stem):
            return ""
        decided = self._attested(stem, harmony)
        if decided is None:
            decided = self.by_ending.get(stem[-3:], "o")
        return decided


def stem_flags(stem: str, pos: tuple[str, ...], harmony: int, forms: dict[str, int],
               softening: Softening | None = None) -> str:
    """Morphophonological flags of a stem, read off the attested forms."""
    flags = (softening or Softening(forms, {})).flag(stem, harmony)
    last = stem[-1]
    if "verb" in pos and last == "t":
        # Polysyllabic verbs in -t voice before a vowel (qorxut → qorxudur);
        # of the monosyllabic ones only those attested so (get → gedir).
        voiced = stem[:-1] + "d"
        endings = ("ir", "ər", "ib", "əcək", "in", "ır", "ar", "ıb", "acaq", "ur", "ub", "ür", "üb")
        if vowel_count(stem) >= 2 or any(forms.get(voiced + e, 0) for e in endings):
            flags += "d"
    if (
        len(stem) >= 3
        and stem[-2] in HIGH_VOWELS
        and stem[-1] not in "aəıioöuüe"
        and stem[-3] not in "aəıioöuüe"
        and {"noun", "nominal", "adj"} & set(pos)
    ):
        dropped = stem[:-2] + stem[-1]
        if any(forms.get(dropped + v, 0) > forms.get(stem + v, 0) for v in HIGH_VOWELS):
            flags += "v"
    return flags




def stem_evidence(entries: dict[str, StemEntry], forms: dict[str, int]) -> tuple[dict[str, int], dict[str, float]]:
    """Corpus counts of stems and shares of suffix tags, read off the attested forms.

    A stem's count is the summed count of the forms built on it. A tag's share
    is the corpus mass of the forms whose first analysis carries it, over the
    mass of all analysed forms: how often, in running text, a word has it.
    """
    analyzer = Analyzer(entries)
    evidence: dict[str, int] = defaultdict(int)
    parsed = []
    for form, count in forms.items():
        analyses = analyzer.analyze(form, limit=8)
        for stem in {a.stem for a in analyses}:
            evidence[stem] += count
        if analyses:
            parsed.append((count, [a.tags for a in analyses]))
    analysed_mass = sum(count for count, _ in parsed) or 1
    # Which analysis of an ambiguous form is meant is unknown: start from an
    # even split, then re-weight each analysis by the shares of its tags
    # (two rounds of expectation-maximisation).
    shares: dict[str, float] = {}
    for _round in range(3):
        tag_mass: dict[str, float] = defaultdict(float)
        for count, readings in parsed:
            weights = [_reading_weight(tags, shares) for tags in readings]
            total = sum(weights)
            for tags, weight in zip(readings, weights):
                for tag in set(tags):
                    tag_mass[tag] += count * weight / total
        shares = {tag: mass / analysed_mass for tag, mass in tag_mass.items()}
    return evidence, shares


def _reading_weight(tags: tuple[str, ...], shares: dict[str, float]) -> float:
    weight = 1.0
    if shares:
        for tag in tags:
            weight *= shares.get(tag, 1e-6)
    return weight


# A stem that only one source lists, that no attested form is built on and that
# is this short is more likely a dictionary typo than a word ("məktə", "sey").


def is_trusted(stem: str, sources: str, evidence: int, policy: Policy = Policy()) -> bool:
    if vowel_count(stem) == 0:
        return False
    return len(sources) > 1 or evidence > 0 or len(stem) > policy.build_untrusted_stem_length
