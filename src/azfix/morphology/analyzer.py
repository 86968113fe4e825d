"""Azerbaijani morphology: a suffix grammar with vowel harmony over a stem table.

Azerbaijani words are a stem followed by a chain of suffixes:
``kitab+lar+ımız+dan``, ``gəl+mə+y+əcək+lər``. Each suffix is written here as
a *template* whose letters change with the word it attaches to:

=========  =====================================================
``A``      two-way vowel: ``a`` after a back vowel, ``ə`` after a front one
``I``      four-way vowel: ``ı i u ü`` after ``a/ı``, ``e/ə/i``, ``o/u``, ``ö/ü``
``Q``      ``q`` after a back vowel, ``k`` after a front one; before a
           vowel-initial suffix it softens to ``ğ``/``y`` (``-acaq``→``-acağı``)
``(y)``    buffer consonant written only after a vowel (also ``(n)``, ``(s)``)
``(I)``    vowel written only after a consonant: ``-(I)m`` → ``kitabım``, ``otağım``
``!C``     the suffix attaches only after a consonant (``!V``: after a vowel)
=========  =====================================================

Which suffix may follow which is a finite-state grammar (:data:`GRAMMAR`):
states such as ``N`` (a nominal), ``N.pl`` (after the plural), ``V`` (a verb
stem), ``T1`` (after a tense that takes personal endings of the first type).
Analysis tries every prefix of the word as a stem (with the stem-final
alternations of :mod:`azfix.build.dictionaries`: softening ``çörəyi``, voicing ``gedir``,
vowel drop ``ağzı``) and walks the grammar over the rest of the word. A word
is well formed when some walk consumes it exactly and ends in an accepting
state.

The module knows only grammar: the stem table is handed in by
:mod:`azfix.data.lexicon`. It never changes a word.

>>> analyzer = Analyzer({"kitab": StemEntry(("noun",), 1, "")})
>>> analyzer.analyze("kitablarımızdan")[0].segments
('kitab', 'lar', 'ımız', 'dan')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping

from ..text.alphabet import FOUR_WAY_VOWEL, HARMONY_CLASS, TWO_WAY_VOWEL, VOWELS, harmony_class

__all__ = ["Analysis", "Analyzer", "StemEntry", "GRAMMAR", "host_phonology"]


@dataclass(frozen=True, slots=True)
class StemEntry:
    """What the lexicon knows of a stem: parts of speech, harmony class, flags."""

    pos: tuple[str, ...]
    harmony: int  # 1–4, or 0 to take it from the last vowel
    flags: str  # "s" softening, "o" optional softening, "d" t→d voicing, "v" vowel drop


@dataclass(frozen=True, slots=True)
class Analysis:
    """One way to read a word: its stem, part of speech and suffix chain."""

    word: str
    stem: str
    pos: str
    suffixes: tuple[tuple[str, str], ...]  # (tag, surface) pairs, in order

    @property
    def segments(self) -> tuple[str, ...]:
        """The word cut into its stem surface and suffix surfaces."""
        stem_surface = self.word[: len(self.word) - sum(len(s) for _, s in self.suffixes)]
        return (stem_surface, *(surface for _, surface in self.suffixes))

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(tag for tag, _ in self.suffixes)


# --- the grammar -----------------------------------------------------------
# Each state maps to (tag, template, next state) transitions.

_CASES = [
    ("GEN", "(n)In", "N.gen"), ("ACC", "(y)I", "N.case"), ("DAT", "(y)A", "N.dat"),
    ("LOC", "dA", "N.loc"), ("ABL", "dAn", "N.case"), ("INS", "(y)lA", "N.case"),
    ("EQU", "cA", "N.case"),
]
# After a third-person possessive (and after -ki) the case suffixes take n.
_CASES_AFTER_POSS3 = [
    ("GEN", "nIn", "N.gen"), ("ACC", "nI", "N.case"), ("DAT", "nA", "N.dat"),
    ("LOC", "ndA", "N.loc"), ("ABL", "ndAn", "N.case"), ("INS", "(y)lA", "N.case"),
    ("EQU", "ncA", "N.case"),
]
_POSSESSIVES = [
    ("P1SG", "(I)m", "N.poss"), ("P2SG", "(I)n", "N.poss"), ("P1PL", "(I)mIz", "N.poss"),
    ("P2PL", "(I)nIz", "N.poss"), ("P3", "(s)I", "N.poss3"),
]
# Nominal predicate: personal endings of the first type, copulas.
_PREDICATE = [
    ("COP", "dIr", "Pred.dir"), ("1SG", "(y)Am", "End"), ("2SG", "sAn", "End"),
    ("1PL", "(y)IQ", "End"), ("2PL", "sInIz", "End"),
    ("PST.COP", "(y)dI", "T2"), ("EVID.COP", "(y)mIş", "T1"), ("COND.COP", "(y)sA", "T2"),
    ("CVB.KEN", "(y)kən", "Cvb"),
]
_DERIVATION = [
    ("LIQ", "lIQ", "N"), ("CI", "çI", "N"), ("LI", "lI", "N"), ("SIZ", "sIz", "N"),
    ("CIQ", "cIQ", "N"), ("DAS", "dAş", "N"), ("CIL", "cIl", "N"), ("ADV.CA", "cA", "N"),
    ("VBZ.LA", "lA", "V"), ("VBZ.LAS", "lAş", "V"),
]
_PERSON_1 = [
    ("1SG", "(y)Am", "End"), ("2SG", "sAn", "End"), ("1PL", "(y)IQ", "End"),
    ("2PL", "sInIz", "End"), ("3PL", "lAr", "T.3pl"), ("COP", "dIr", "Pred.dir"),
    ("PST.COP", "dI", "T2"), ("EVID.COP", "mIş", "T1.cop"), ("COND.COP", "sA", "T2"),
    ("CVB.KEN", "kən", "Cvb"), ("Q", "mI", "Q"),
]
_PERSON_2 = [
    ("1SG", "m", "End"), ("2SG", "n", "End"), ("1PL", "Q", "End"), ("2PL", "nIz", "End"),
    ("3PL", "lAr", "T.3pl"), ("Q", "mI", "Q"),
]
_VOICE = [
    ("PASS", "!CIl", "V"), ("REFL", "(I)n", "V"), ("RECP", "(I)ş", "V"),
    ("CAUS", "dIr", "V"), ("CAUS", "!Vt", "V"),
]
# Tenses, moods and non-finite forms that follow a stem with or without -mA.
_VERB_FORMS = [
    ("PST", "dI", "T2"), ("EVID", "mIş", "T1.part"), ("PRF", "(y)Ib", "T1"),
    ("FUT", "(y)AcAQ", "T1.part"), ("NEC", "mAlI", "T1.part"), ("COND", "sA", "T2"),
    ("OPT", "(y)A", "Opt"), ("IMP.3SG", "sIn", "Imp"), ("IMP.2PL", "(y)In", "End"),
    ("IMP.2PL", "(y)InIz", "End"), ("IMP.1SG", "(y)Im", "End"), ("IMP.1PL", "(y)AQ", "End"),
    ("PTCP.AN", "(y)An", "N"), ("PTCP.DIQ", "dIQ", "N"), ("INF", "mAQ", "N"),
    ("VN.MA", "mA", "N"), ("VN.IS", "(y)Iş", "N"), ("AGT", "(y)IcI", "N"),
    ("CVB.ARAQ", "(y)ArAQ", "Cvb"), ("CVB.ANDA", "(y)AndA", "Cvb"), ("CVB.MADAN", "mAdAn", "Cvb"),
    ("CVB.DIQCA", "dIQcA", "Cvb"), ("CVB.INCA", "(y)IncA", "Cvb"), ("CVB.ALI", "(y)AlI", "Cvb"),
]

GRAMMAR: dict[str, list[tuple[str, str, str]]] = {
    "N": _DERIVATION + [("PL", "lAr", "N.pl")] + _POSSESSIVES + _CASES + _PREDICATE
    + [("KI", "kI", "N.ki")],
    "Num": [("ORD", "(I)ncI", "N")],
    # A number written in digits takes the ordinal as -cI: 2023-cü, 20-ci.
    "Digits": [("ORD", "cI", "N")],
    "N.pl": _POSSESSIVES + _CASES + _PREDICATE,
    "N.poss": _CASES + _PREDICATE + [("KI", "kI", "N.ki")],
    "N.poss3": _CASES_AFTER_POSS3 + _PREDICATE + [("KI", "kI", "N.ki")],
    "N.gen": [("KI", "kI", "N.ki")] + _PREDICATE,
    "N.loc": [("KI", "kI", "N.ki")] + _PREDICATE,
    "N.dat": [("TERM", "dək", "N.case"), ("TERM", "cən", "N.case")] + _PREDICATE,
    "N.case": _PREDICATE,
    "N.ki": [("PL", "lAr", "N.pl")] + _CASES_AFTER_POSS3 + _PREDICATE,
    "Pred.dir": [("3PL", "lAr", "End"), ("COND.COP", "sA", "T2.end"), ("Q", "mI", "Q")],
    "V": _VOICE + [("NEG", "mA", "V.neg"), ("PRS", "(y)Ir", "T1"), ("AOR", "(y)Ar", "T1"),
                   ("NEG.PRS", "mIr", "T1"), ("NEG.AOR", "mAz", "T.negaor3"), ("NEG.AOR", "mAr", "T.negaor")]
    + _VERB_FORMS,
    "V.neg": _VERB_FORMS,
    "T1": _PERSON_1,
    "T1.part": _PERSON_1 + [("PL", "lAr", "N.pl")] + _POSSESSIVES + _CASES,
    "T1.cop": [("1SG", "(y)Am", "End"), ("2SG", "sAn", "End"), ("1PL", "(y)IQ", "End"),
               ("2PL", "sInIz", "End"), ("3PL", "lAr", "End")],
    "T.negaor3": _PERSON_1 + [("CVB.MAZDAN", "dAn", "Cvb")],
    "T.negaor": [("1SG", "(y)Am", "End"), ("1PL", "(y)IQ", "End")],
    "T2": _PERSON_2 + [("COND.COP", "sA", "T2.end"), ("PST.COP", "(y)dI", "T2.end")],
    "T2.end": _PERSON_2,
    "T.3pl": [("COP", "dIr", "End"), ("PST.COP", "dI", "End"), ("EVID.COP", "mIş", "End"),
              ("COND.COP", "sA", "End")],
    "Opt": [("1SG", "m", "End"), ("2SG", "sAn", "End"), ("1PL", "Q", "End"),
            ("2PL", "sInIz", "End"), ("3PL", "lAr", "End")],
    "Imp": [("3PL", "lAr", "End")],
    "Cvb": [("COP", "dIr", "End")],
    "X": [("COP", "dIr", "End")],
    "End": [("Q", "mI", "Q")],
    "Q": [],
}
ACCEPTING = frozenset(GRAMMAR) - {"Num", "Digits"}
START_STATE = {"verb": "V", "num": "Num", "conj": "X"}  # everything else: "N"

_SOFTEN = {"k": "y", "q": "ğ"}
UNSOFTEN = {"y": "k", "ğ": "q"}  # a softened final consonant and the one it softens
_HIGH_VOWELS = "ıiuü"
MAX_ANALYSES = 32
MAX_FIT_MEMO = 5_000  # (host, suffix) answers of Analyzer.fits_after kept


@lru_cache(maxsize=None)
def realize(template: str, harmony: int, after_vowel: bool) -> str | None:
    """The written form of a suffix template in one phonological context.

    ``harmony`` is the class of the preceding vowel (0 when there is none:
    front unrounded is assumed). Returns None when the template cannot
    attach here (``!C`` after a vowel, ``!V`` after a consonant).
    """
    if template.startswith("!C"):
        if after_vowel:
            return None
        template = template[2:]
    elif template.startswith("!V"):
        if not after_vowel:
            return None
        template = template[2:]
    h = harmony or 2
    out = []
    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "(":
            inner = template[i + 1]
            i += 3
            if inner == "I":
                if not after_vowel:
                    out.append(FOUR_WAY_VOWEL[h])
            elif after_vowel:
                out.append(inner)
            continue
        if ch == "A":
            out.append(TWO_WAY_VOWEL[h])
        elif ch == "I":
            out.append(FOUR_WAY_VOWEL[h])
        elif ch == "Q":
            out.append("q" if h in (1, 3) else "k")
        else:
            out.append(ch)
        if out[-1] in VOWELS:
            h = HARMONY_CLASS[out[-1]]
        after_vowel = out[-1] in VOWELS
        i += 1
    return "".join(out)


def _next_context(surface: str, harmony: int) -> tuple[int, bool]:
    return harmony_class(surface) or harmony, surface[-1] in VOWELS


@lru_cache(maxsize=None)
def transitions(state: str, harmony: int, after_vowel: bool) -> tuple[tuple[str, str, str, int, bool, str], ...]:
    """The written suffixes that may follow in this state and context, precomputed.

    Each is (tag, written form, next state, next harmony, ends in a vowel,
    constraint on the next letter): the grammar walk then only compares strings.
    """
    out = []
    for tag, template, next_state in GRAMMAR[state]:
        surface = realize(template, harmony, after_vowel)
        if surface is None:
            continue
        forms = [(surface, "")]
        if template.endswith("Q"):
            forms.append((surface[:-1] + _SOFTEN[surface[-1]], "vowel"))
        for form, must in forms:
            next_harmony, next_after_vowel = _next_context(form, harmony)
            out.append((tag, form, next_state, next_harmony, next_after_vowel, must))
    return tuple(out)


@lru_cache(maxsize=50_000)
def completes(rest: str, state: str, harmony: int, after_vowel: bool, next_must: str = "") -> bool:
    """True if the grammar, from ``state``, consumes exactly ``rest`` (cached: endings repeat)."""
    if not rest:
        return state in ACCEPTING and next_must != "vowel"
    if next_must and (rest[0] in VOWELS) != (next_must == "vowel"):
        return False
    steps = transitions_by_letter(state, harmony, after_vowel)
    return any(
        rest.startswith(form) and completes(rest[len(form):], next_state, next_harmony, next_after_vowel, must)
        for _tag, form, next_state, next_harmony, next_after_vowel, must in steps.get(rest[0], ()) + steps.get("", ())
    )


@lru_cache(maxsize=None)
def transitions_by_letter(state: str, harmony: int, after_vowel: bool) -> dict[str, tuple]:
    """:func:`transitions` grouped by the first letter of the written suffix ("" for empty ones)."""
    grouped: dict[str, list] = {}
    for step in transitions(state, harmony, after_vowel):
        grouped.setdefault(step[1][:1], []).append(step)
    return {letter: tuple(steps) for letter, steps in grouped.items()}


class Analyzer:
    """Finds the analyses of lowercase words over a stem table.

    ``stems`` maps a stem to its :class:`StemEntry`; it must not change
    after the analyzer first reads it. The analyzer holds no other state than
    what it derives from it, so one instance is safe to share between threads.
    """

    def __init__(self, stems: Mapping[str, StemEntry], min_stem_length: int = 2):
        self.stems = stems
        self.min_stem_length = min_stem_length
        self._alternated: frozenset[str] | None = None
        # Hyphenated tails and names' endings ask the same (host, suffix) again and again.
        self._fits_after = lru_cache(maxsize=MAX_FIT_MEMO)(self._fits_after_uncached)

    # -- stems -----------------------------------------------------------
    @property
    def alternated_surfaces(self) -> frozenset[str]:
        """How stems with an alternation are written before a vowel (``çörəy``,
        ``ged``, ``ağz``): with the stems themselves, every prefix that
        :meth:`stem_readings` can read. Lets the word walks skip a prefix
        with one lookup instead of trying every alternation."""
        if self._alternated is None:
            surfaces = set()
            for stem, entry in self.stems.items():
                if not entry.flags:
                    continue
                last = stem[-1]
                if ("s" in entry.flags or "o" in entry.flags) and last in _SOFTEN:
                    surfaces.add(stem[:-1] + _SOFTEN[last])
                if "d" in entry.flags and last == "t":
                    surfaces.add(stem[:-1] + "d")
                if ("v" in entry.flags and len(stem) >= 3 and stem[-2] in _HIGH_VOWELS
                        and last not in VOWELS and stem[-3] not in VOWELS):
                    surfaces.add(stem[:-2] + last)
            self._alternated = frozenset(surfaces)
        return self._alternated

    def stem_readings(self, prefix: str) -> Iterator[tuple[str, StemEntry, str, str]]:
        """(dictionary stem, entry, part of speech, what the next letter must be) for a word prefix.

        The last element is ``"vowel"`` for an alternated stem (``çörəy-``
        must go on with a vowel), ``"consonant"`` for a stem whose
        alternation is obligatory (``çörək-`` cannot take ``-i``), else ``""``.
        Alternations belong to parts of speech: voicing to verbs (``get`` →
        ``gedir``), softening and vowel drop to the others (``çörəyi``,
        ``ağzı``), so a stem tagged both ways (``millət``) keeps ``milləti``.
        """
        entry = self.stems.get(prefix)
        if entry is not None:
            for pos in entry.pos:
                yield prefix, entry, pos, "consonant" if _alternates(prefix, entry.flags, pos) else ""
        last = prefix[-1]
        if last in UNSOFTEN:
            stem = prefix[:-1] + UNSOFTEN[last]
            entry = self.stems.get(stem)
            if entry is not None and ("s" in entry.flags or "o" in entry.flags):
                yield from ((stem, entry, pos, "vowel") for pos in entry.pos if pos != "verb")
        if last == "d":
            stem = prefix[:-1] + "t"
            entry = self.stems.get(stem)
            if entry is not None and "d" in entry.flags and "verb" in entry.pos:
                yield stem, entry, "verb", "vowel"
        if len(prefix) >= 2 and prefix[-1] not in VOWELS and prefix[-2] not in VOWELS:
            for vowel in _HIGH_VOWELS:
                stem = prefix[:-1] + vowel + prefix[-1]
                entry = self.stems.get(stem)
                if entry is not None and "v" in entry.flags:
                    yield from ((stem, entry, pos, "vowel") for pos in entry.pos if pos != "verb")

    # -- suffix chains ---------------------------------------------------
    def suffix_chains(
        self, rest: str, state: str, harmony: int, after_vowel: bool, next_must: str = ""
    ) -> Iterator[tuple[tuple[str, str], ...]]:
        """Every way the grammar, from ``state``, consumes exactly ``rest``.

        ``next_must`` ("vowel", "consonant" or "") constrains the first letter
        of ``rest``; it comes from a stem or suffix alternation before it.
        """
        if not rest:
            if state in ACCEPTING and next_must != "vowel":
                yield ()
            return
        if next_must and (rest[0] in VOWELS) != (next_must == "vowel"):
            return
        for tag, form, next_state, next_harmony, next_after_vowel, must in transitions(state, harmony, after_vowel):
            if rest.startswith(form):
                for chain in self.suffix_chains(
                    rest[len(form):], next_state, next_harmony, next_after_vowel, must
                ):
                    yield ((tag, form), *chain)

    # -- words -------------------------------------------------------------
    def iter_analyses(self, word: str) -> Iterator[Analysis]:
        """Analyses of a lowercase word, longest stem first."""
        stems, alternated = self.stems, self.alternated_surfaces
        for cut in range(len(word), self.min_stem_length - 1, -1):
            prefix, rest = word[:cut], word[cut:]
            if prefix not in stems and prefix not in alternated:
                continue  # no stem is written so
            after_vowel = prefix[-1] in VOWELS
            for stem, entry, pos, next_must in self.stem_readings(prefix):
                if not rest:
                    if next_must != "vowel":
                        yield Analysis(word, stem, pos, ())
                    continue
                harmony = entry.harmony or harmony_class(stem) or 0
                state = START_STATE.get(pos, "N")
                for chain in self.suffix_chains(rest, state, harmony, after_vowel, next_must):
                    yield Analysis(word, stem, pos, chain)
                if state == "Num":
                    for chain in self.suffix_chains(rest, "N", harmony, after_vowel, next_must):
                        yield Analysis(word, stem, pos, chain)

    def analyze(self, word: str, limit: int = MAX_ANALYSES) -> list[Analysis]:
        found: list[Analysis] = []
        seen = set()
        for analysis in self.iter_analyses(word):
            key = (analysis.stem, analysis.pos, analysis.suffixes)
            if key not in seen:
                seen.add(key)
                found.append(analysis)
                if len(found) >= limit:
                    break
        return found

    def is_well_formed(self, word: str) -> bool:
        """True if the word has an analysis (the walk of :meth:`iter_analyses`, answering yes/no)."""
        stems, alternated = self.stems, self.alternated_surfaces
        for cut in range(len(word), self.min_stem_length - 1, -1):
            prefix = word[:cut]
            if prefix not in stems and prefix not in alternated:
                continue  # no stem is written so
            rest = word[cut:]
            after_vowel = prefix[-1] in VOWELS
            for stem, entry, pos, next_must in self.stem_readings(prefix):
                if not rest:
                    if next_must != "vowel":
                        return True
                    continue
                harmony = entry.harmony or harmony_class(stem) or 0
                state = START_STATE.get(pos, "N")
                if completes(rest, state, harmony, after_vowel, next_must) or (
                    state == "Num" and completes(rest, "N", harmony, after_vowel, next_must)
                ):
                    return True
        return False

    def fits_suffix(self, suffix: str, harmony: int, after_vowel: bool, start: str = "N") -> bool:
        """True if ``suffix`` is a complete nominal suffix chain in this context."""
        return next(self.suffix_chains(suffix, start, harmony, after_vowel), None) is not None

    def fits_after(self, host: str, suffix: str) -> bool:
        """True if ``suffix`` is a suffix chain ``host`` can take, read as
        :func:`host_phonology` reads it (a number also takes the ordinal: ``2023-cü``)."""
        return self._fits_after(host, suffix)

    def _fits_after_uncached(self, host: str, suffix: str) -> bool:
        starts = ("Digits", "N") if host.isdigit() else ("N",)
        return any(self.fits_suffix(suffix, harmony, after_vowel, start)
                   for harmony, after_vowel in host_phonology(host) for start in starts)


def _alternates(stem: str, flags: str, pos: str) -> bool:
    """True if the stem, as this part of speech, must change before a vowel."""
    if not flags:
        return False
    last = stem[-1]
    if pos == "verb":
        return "d" in flags and last == "t"
    return ("s" in flags and last in _SOFTEN) or (
        "v" in flags and len(stem) >= 3 and stem[-2] in _HIGH_VOWELS
        and last not in VOWELS and stem[-3] not in VOWELS)


# --- hosts that are not words: numbers and acronyms ------------------------
_DIGIT_NAMES = ["", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"]
_TEN_NAMES = ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"]
_LETTER_NAMES = {
    "a": "a", "b": "be", "c": "ce", "ç": "çe", "d": "de", "e": "e", "ə": "ə", "f": "ef",
    "g": "ge", "ğ": "ğe", "h": "he", "x": "xe", "ı": "ı", "i": "i", "j": "je", "k": "ka",
    "q": "qe", "l": "el", "m": "em", "n": "en", "o": "o", "ö": "ö", "p": "pe", "r": "er",
    "s": "es", "ş": "şe", "t": "te", "u": "u", "ü": "ü", "v": "ve", "y": "ye", "z": "ze",
    "w": "dubl-ve",
}


def number_name(digits: str) -> str:
    """The last spoken word of a number, which decides its suffixes' harmony."""
    value = int(digits) if digits.isdecimal() else 0  # not "²": a digit int() cannot read
    if value == 0:
        return "sıfır"
    if value % 10:
        return _DIGIT_NAMES[value % 10]
    if value % 100:
        return _TEN_NAMES[(value // 10) % 10]
    if value % 1000:
        return "yüz"
    if value % 1_000_000:
        return "min"
    if value % 1_000_000_000:
        return "milyon"
    return "milyard"


def host_phonology(host: str) -> list[tuple[int, bool]]:
    """Possible (harmony, ends in vowel) contexts for a suffix after ``host``.

    A number is read aloud (``2023`` → ``üç``); an acronym either as a word
    (``NATO``, ``AZƏRTAC``) or letter by letter (``BMT`` → ``be-em-te``).
    A lowercase word gives its own last vowel.
    """
    from ..text.alphabet import az_lower

    if host and host[-1].isdigit():
        digits = "".join(ch for ch in host.replace(",", ".").split(".")[-1] if ch.isdigit())
        name = number_name(digits)
        return [(harmony_class(name) or 2, name[-1] in VOWELS)]
    lower = az_lower(host)
    readings = []
    if harmony_class(lower):
        readings.append((harmony_class(lower), lower[-1] in VOWELS))
    if host.isupper() and lower and lower[-1] in _LETTER_NAMES:
        name = _LETTER_NAMES[lower[-1]]
        readings.append((harmony_class(name) or 2, name[-1] in VOWELS))
    return readings
