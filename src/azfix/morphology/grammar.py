"""The suffix grammar: which suffix may follow which, how a template is written in context, and the walks over it.

Templates (``lAr``, ``(I)m``, ``dIr``) are realised by vowel harmony and the
letter before them (:func:`realize`); the finite-state :data:`GRAMMAR` says
which may follow which. :func:`transitions` lists the written suffixes of a
state in one context; the walks over them are :func:`completes` (does the
grammar consume exactly this ending?), :func:`suffix_chains` (the tagged
chains of an ending) and
:func:`azfix.correct.candidates.stems.suffix_spellings` (which correctly
written chains share a damaged ending's skeleton). All are memoised:
endings repeat.

>>> realize("lAr", 1, False), completes("larımızdan", "N", 1, False)
('lar', True)
"""

from __future__ import annotations

from functools import lru_cache

from ..text.alphabet import FOUR_WAY_VOWEL, HARMONY_CLASS, TWO_WAY_VOWEL, VOWELS, harmony_class
from .phonology import SOFTEN

__all__ = ["ACCEPTING", "GRAMMAR", "START_STATE", "automaton", "completes", "next_context", "realize",
           "suffix_chains", "transitions", "transitions_by_letter"]

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
    # -vari (ulduzvari "star-like") keeps its vowels whatever the stem's
    # harmony; much printed text writes it -varı (soğanaqvarı)
    ("SIM.VARI", "vari", "N.case"), ("SIM.VARI", "varı", "N.case"),
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
_MUST_CODES = {"": 0, "vowel": 1, "consonant": 2}


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


def next_context(surface: str, harmony: int) -> tuple[int, bool]:
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
            forms.append((surface[:-1] + SOFTEN[surface[-1]], "vowel"))
        for form, must in forms:
            next_harmony, next_after_vowel = next_context(form, harmony)
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


Chain = tuple[tuple[str, str], ...]  # (tag, written suffix) pairs, in order


@lru_cache(maxsize=50_000)
def suffix_chains(rest: str, state: str, harmony: int, after_vowel: bool, next_must: str = "") -> tuple[Chain, ...]:
    """Every way the grammar, from ``state``, consumes exactly ``rest``: the
    tagged chains in the grammar's order (cached per ending: endings repeat,
    and so do their tails within one walk).

    ``next_must`` ("vowel", "consonant" or "") constrains the first letter
    of ``rest``; it comes from a stem or suffix alternation before it.
    """
    if not rest:
        return ((),) if state in ACCEPTING and next_must != "vowel" else ()
    if next_must and (rest[0] in VOWELS) != (next_must == "vowel"):
        return ()
    out: list[Chain] = []
    # (no written suffix is empty: the steps of one first letter keep the grammar's order)
    for tag, form, next_state, next_harmony, next_after_vowel, must in transitions_by_letter(
            state, harmony, after_vowel).get(rest[0], ()):
        if rest.startswith(form):
            step = ((tag, form),)
            out += [step + chain for chain in suffix_chains(rest[len(form):], next_state, next_harmony,
                                                            next_after_vowel, must)]
    return tuple(out)


@lru_cache(maxsize=None)
def transitions_by_letter(state: str, harmony: int, after_vowel: bool) -> dict[str, tuple]:
    """:func:`transitions` grouped by the first letter of the written suffix ("" for empty ones)."""
    grouped: dict[str, list] = {}
    for step in transitions(state, harmony, after_vowel):
        grouped.setdefault(step[1][:1], []).append(step)
    return {letter: tuple(steps) for letter, steps in grouped.items()}


@lru_cache(maxsize=1)
def automaton() -> tuple[tuple[str, ...], tuple[tuple[tuple[str, str, int, int], ...], ...]]:
    """The grammar as a numbered table, for the compiled walk (:mod:`azfix._native`).

    Returns the states, in order, and the transitions of every context
    (state, harmony 0–4, after a vowel or not), numbered ``state × 10 +
    harmony × 2 + after_vowel``: (tag, written form, next context,
    constraint on the next letter: 0 none, 1 a vowel, 2 a consonant), in
    the order of :func:`transitions`.
    """
    states = tuple(GRAMMAR)
    number = {state: n for n, state in enumerate(states)}
    contexts = tuple(
        tuple((tag, form, number[next_state] * 10 + next_harmony * 2 + next_after_vowel, _MUST_CODES[must])
              for tag, form, next_state, next_harmony, next_after_vowel, must in transitions(state, harmony, after_vowel))
        for state in states for harmony in range(5) for after_vowel in (False, True))
    return states, contexts
