"""The compiled kernels (azfix._native) give exactly what their pure-Python references give.

Each kernel is checked against its reference in this process (property tests
over random words and keys), and the whole cleaner once more in a process
where ``AZFIX_PURE_PYTHON=1`` turns the kernels off. Where the kernels were
not built (no C compiler) the comparisons are skipped; where a compiler is
found they must have been built.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import azfix
from azfix._native import KERNELS, kernel, pure_python
from azfix.cleaner import _shared_index
from azfix.config import Policy
from azfix.correct.candidates.base import Candidate, CandidateKind, skeleton
from azfix.correct.candidates.index import CandidateIndex
from azfix.correct.candidates.lists import shortlist
from azfix.correct.candidates.splits import SplitSource
from azfix.correct.channel.errormodel import ErrorModel
from azfix.data.keytable import KeyTable
from azfix.data.lexicon import default_lexicon

LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
compiled = pytest.mark.skipif(any(kernel(name) is None for name in KERNELS),
                              reason="the compiled kernels were not built (or AZFIX_PURE_PYTHON is set)")
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _a_c_compiler() -> bool:
    compiler = (sysconfig.get_config_var("CC") or "").split()
    return bool(compiler) and shutil.which(compiler[0]) is not None


def test_the_kernels_are_built_where_a_compiler_is():
    if pure_python() or not _a_c_compiler():
        pytest.skip("pure Python asked for, or no C compiler here")
    missing = [name for name in KERNELS if kernel(name) is None]
    assert missing == [], f"kernels not built though a C compiler is here: {missing} (pip install -e . again)"


def test_the_switch_turns_the_kernels_off():
    code = "from azfix._native import KERNELS, kernel; print(sum(kernel(k) is not None for k in KERNELS))"
    out = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, AZFIX_PURE_PYTHON="1"),
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


# -- the weighted Damerau-Levenshtein ---------------------------------------------
MODEL = ErrorModel()
_WORDS = st.text(alphabet=LETTERS + "ñäwé", max_size=14)


@compiled
@EXAMPLES
@given(_WORDS, _WORDS, st.sampled_from([99.0, 2.1, 1.0, 0.5, 0.0, 3]))
def test_distance_kernel_gives_the_reference_cost(observed, intended, cutoff):
    assert MODEL.cost(observed, intended, cutoff) == MODEL.reference_cost(observed, intended, cutoff)


@compiled
@EXAMPLES
@given(st.text(alphabet="abəeik", min_size=1, max_size=90), st.text(alphabet="abəeik", min_size=1, max_size=90))
def test_distance_kernel_on_long_and_close_words(stem, tail):
    # long words take the heap; shared ends are trimmed before the programme
    observed, intended = stem + tail, stem + tail[::-1]
    assert MODEL.cost(observed, intended) == MODEL.reference_cost(observed, intended)


@compiled
def test_distance_kernel_follows_the_model_it_was_made_from():
    model = replace(MODEL, substitutions={("a", "b"): 0.3, ("ab", "c"): 0.1}, transpose_cost=0.7)
    for observed, intended in [("b", "a"), ("ba", "ab"), ("kitab", "kitbb"), ("", "abc"), ("c", "ab")]:
        assert model.cost(observed, intended) == model.reference_cost(observed, intended)


# -- the key tables ------------------------------------------------------------------
def _pure(table: KeyTable) -> KeyTable:
    twin = KeyTable(table.keys, table.buckets, table.key_ends, table.id_ends, table.ids, table.words)
    twin.compiled = None
    return twin


@pytest.fixture(scope="module")
def indexes():
    """(the shipped candidate index, the same index on the pure-Python lookups)."""
    index = _shared_index()
    index.form_skeletons  # read it
    pure = CandidateIndex(index.lexicon)
    pure._forms = tuple(_pure(table) for table in index._forms)
    pure._stems = tuple(_pure(table) for table in index._stems)
    return index, pure


def _damaged(rng: random.Random, word: str) -> str:
    at = rng.randrange(len(word))
    return rng.choice([word[:at] + word[at + 1:], word[:at] + rng.choice(LETTERS) + word[at:],
                       word[:at] + rng.choice(LETTERS) + word[at + 1:], word])


_SEEDS = st.integers(min_value=0, max_value=2**32)


@compiled
@EXAMPLES
@given(_SEEDS)
def test_key_table_kernel_gives_the_reference_lookups(indexes, seed):
    index, pure = indexes
    rng = random.Random(seed)
    word = _damaged(rng, rng.choice(index._forms[0].words))
    key = skeleton(word)
    for table, twin in zip(index._forms + index._stems, pure._forms + pure._stems):
        assert table.get(key) == twin.get(key)
        found, expected = set(), set()
        keys = [key, key[1:], key[:-1], ""]
        table.collect(keys, found)
        twin.collect(keys, expected)
        assert found == expected
    assert (CandidateIndex.near_keys(key, *index._forms) == CandidateIndex.near_keys(key, *pure._forms))
    assert index.stems_near(word) == pure.stems_near(word)
    for min_count in (0, 500):
        assert index.letter_swaps(word, min_count) == pure.letter_swaps(word, min_count)
    for policy in (Policy(), replace(Policy(), split_readings=1, split_min_count=10)):
        assert SplitSource(index, policy)._frequent_near(word) == SplitSource(pure, policy)._frequent_near(word)


@compiled
def test_key_table_kernel_on_odd_keys(indexes):
    index, pure = indexes
    for key in ["", "a", "ə", "x" * 300, "kitab\u0301", "𝔞b"]:
        assert CandidateIndex.near_keys(key, *index._forms) == CandidateIndex.near_keys(key, *pure._forms)
        assert index._forms[1].get(key) == pure._forms[1].get(key)


# -- the shortlist of candidates to price --------------------------------------------
@compiled
@EXAMPLES
@given(_SEEDS, st.booleans(), st.sampled_from([(2, 25), (1, 3), (0, 5), (2, -2)]))
def test_shortlist_kernel_gives_the_reference_shortlist(indexes, seed, diacritic_only, bounds):
    index, _ = indexes
    rng = random.Random(seed)
    forms = index._forms[0].words
    word = _damaged(rng, rng.choice(forms))
    texts = {rng.choice(forms) for _ in range(rng.randrange(40))} | {word, f"{word[:2]} {word[2:]}"}
    same, near = CandidateIndex.near_keys(skeleton(word), *index._forms)
    texts |= set(rng.sample(sorted(same | near), min(12, len(same | near))))
    candidates = [Candidate(text, rng.choice(list(CandidateKind))) for text in texts]
    lists = azfix.Cleaner().corrector().parts.lists
    reach, limit = bounds
    picked = lists._compiled_shortlist.pick(word, skeleton(word), [c.text for c in candidates],
                                            index.lexicon.forms, reach, limit, diacritic_only)
    expected = shortlist(word, skeleton(word), candidates, index.lexicon.forms, reach, limit, diacritic_only)
    assert [(candidates[n], flat, key) for n, flat, key in picked] == expected


# -- the morphology walk --------------------------------------------------------------
@compiled
@EXAMPLES
@given(_SEEDS, st.sampled_from([1, 8, 32]))
def test_morphology_kernel_gives_the_reference_walk(seed, limit):
    lexicon = default_lexicon()
    analyzer = lexicon.analyzer
    rng = random.Random(seed)
    word = _damaged(rng, rng.choice(list(lexicon.forms)))
    assert analyzer.is_well_formed(word) == analyzer.reference_is_well_formed(word)
    assert analyzer.analyze(word, limit) == analyzer.reference_analyze(word, limit)


@compiled
@EXAMPLES
@given(st.text(alphabet="aıeəiouüdlrnmsğyqkcçtz", max_size=12), st.integers(0, 4), st.booleans(),
       st.sampled_from(["N", "Digits", "V", "Num", "T1"]))
def test_morphology_kernel_completes_as_the_grammar(suffix, harmony, after_vowel, start):
    from azfix.morphology.grammar import completes

    analyzer = default_lexicon().analyzer
    analyzer.is_well_formed("kitablar")  # (a word makes the compiled walk, which endings then use)
    assert analyzer.fits_suffix(suffix, harmony, after_vowel, start) == completes(suffix, start, harmony, after_vowel)


@compiled
def test_morphology_kernel_on_odd_words():
    analyzer = default_lexicon().analyzer
    for word in ["", "a", "ab", "çörəyi", "ağzı", "gedir", "milləti", "2023", "kitab" + "lı" * 29,
                 "gəl" + "dir" * 20, "ev" + "cə" * 30, "x" * 200, "kitab" + "lar" * 40]:
        assert analyzer.is_well_formed(word) == analyzer.reference_is_well_formed(word)
        assert analyzer.analyze(word) == analyzer.reference_analyze(word)
        assert analyzer.analyze(word, 0) == analyzer.reference_analyze(word, 0)


# -- the whole cleaner, with and without the kernels -----------------------------------
CASES = Path(__file__).parent / "cases" / "correct.json"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PURE_CLEAN = r"""
import json, sys
import azfix
texts = json.loads(sys.stdin.read())
out = []
for text in texts:
    result = azfix.Cleaner().correct(text)
    out.append([result.text, [[e.start, e.end, e.original, e.replacement, str(e.kind), repr(e.confidence)]
                              for e in result.edits]])
print(json.dumps(out))
"""


def _texts() -> list[str]:
    """Golden cases, and the same sentences damaged (a lost letter, a swapped one, glued words)."""
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    texts = [case[0] for group in cases.values() for case in group]
    rng = random.Random(5)
    damaged = []
    for text in texts:
        words = text.split(" ")
        for n, word in enumerate(words):
            if len(word) > 3 and rng.random() < 0.3:
                words[n] = _damaged(rng, word)
        damaged.append(" ".join(words))
    return texts + damaged + [" ".join(texts), "".join(texts[:20])]


@compiled
def test_the_cleaner_gives_the_same_with_and_without_the_kernels():
    texts = _texts()
    out = subprocess.run([sys.executable, "-c", PURE_CLEAN], input=json.dumps(texts), capture_output=True,
                         text=True, env=dict(os.environ, AZFIX_PURE_PYTHON="1"), check=True)
    cleaner = azfix.Cleaner()
    native = [[r.text, [[e.start, e.end, e.original, e.replacement, str(e.kind), repr(e.confidence)]
                        for e in r.edits]] for r in map(cleaner.correct, texts)]
    assert json.loads(out.stdout) == native
    assert sum(len(edits) for _, edits in native) > 50  # (the texts do get cleaned)


@compiled
@pytest.mark.skipif(not (SHARED / "data" / "text").is_dir(), reason="needs the shared development data")
def test_benchmark_outputs_are_unchanged_without_the_kernels():
    # tests/test_output_hashes.py checks the same texts with the kernels
    out = subprocess.run([sys.executable, "-m", "benchmarks.output_hashes", "--shared", str(SHARED), "--quick"],
                         cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True,
                         env=dict(os.environ, AZFIX_PURE_PYTHON="1"))
    assert out.returncode == 0, out.stdout + out.stderr
