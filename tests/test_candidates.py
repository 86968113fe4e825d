"""Candidate generation over the shipped lexicon: what each generator proposes."""

import random

from azfix.config import Policy
from azfix.correct.candidates.base import CandidateKind
from azfix.correct.candidates.edits import edit_candidates
from azfix.correct.candidates.index import CandidateIndex
from azfix.correct.candidates.splits import SplitSource
from azfix.correct.candidates.stems import stem_candidates
from azfix.data.lexicon import Lexicon

LEXICON = Lexicon.load()


def test_letter_swaps_are_the_same_with_and_without_the_index():
    words = random.Random(7).sample(sorted(w for w in LEXICON.forms if w.isalpha()), 3000) + ["on", "ən", "bəyin"]
    index = CandidateIndex(LEXICON)
    by_lookup = [index.letter_swaps(word, 500) for word in words]
    assert index._forms is None  # the lookups did not build the index
    index.form_skeletons  # build it
    assert [index.letter_swaps(word, 500) for word in words] == by_lookup
    assert "ən" in index.letter_swaps("on", 500)


def test_glued_words_split_even_when_garbled():
    index = CandidateIndex(LEXICON)
    assert "bizi dəstəkləyən" in {c.text for c in SplitSource(index, Policy()).candidates("bizidəstəkləyən")}
    garbled = SplitSource(index, Policy()).candidates("bütünüzy")
    assert "bütün üzv" in {c.text for c in garbled}  # one side as written, the other one edit away
    assert all(c.kind is CandidateKind.SPLIT for c in garbled)
    # both sides one skeleton edit away from a frequent word
    assert "bütün üzv" in {c.text for c in SplitSource(index, Policy()).candidates("bütüñüz")}
    assert not SplitSource(index, Policy()).candidates("xq")


def test_unseen_inflections_come_from_a_corrected_stem():
    index = CandidateIndex(LEXICON)
    texts = {c.text for c in stem_candidates(index, "müharibasi")}
    assert "müharibəsi" in texts


def test_no_candidate_begins_with_a_dotless_i():
    # The frequency list holds English words lowercased the Turkic way
    # (ıntroduction): they stay known, but no generator proposes them.
    assert LEXICON.is_known("ıntroduction")
    index = CandidateIndex(LEXICON)
    proposed = ({c.text for c in index.forms_near("introduction")}
                | {c.text for c in edit_candidates(LEXICON, "introduction", {"i": "ı"})}
                | set(index.letter_swaps("in", 500)))
    assert not {text for text in proposed if text.startswith("ı")}
    assert "ın" in LEXICON.forms and LEXICON.forms["ın"] >= 500  # a swap the rule blocks
    assert "işıq" in {c.text for c in index.forms_near("isiq")}  # an inner ı is Azerbaijani
