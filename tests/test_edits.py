import pytest
from hypothesis import example, given, settings, strategies as st

from azfix import Cleaner
from azfix.edits import Edit, apply_edits, compose


def test_apply_edits_rejects_mismatch():
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(0, 1, "x", "y", "typo", 1.0)])


def test_compose_maps_spans_through_deletions():
    original = "a\u200bсiyaset respub-\nlikası"
    first = [Edit(1, 2, "\u200b", "", "invisible", 1.0), Edit(2, 3, "с", "s", "homoglyph", 1.0),
             Edit(16, 18, "-\n", "", "dehyphenate", 0.9)]
    mid = apply_edits(original, first)
    second = [Edit(1, 8, "siyaset", "siyasət", "diacritic", 0.9)]
    composed = compose(original, first, second)
    assert apply_edits(original, composed) == apply_edits(mid, second)
    assert composed[1] == Edit(2, 9, "сiyaset", "siyasət", "diacritic", 0.9)


TEXT = st.text(alphabet="abcəşıI İ-\n .,\u200bаеӘĢ0123", max_size=80)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_every_result_is_reproduced_by_its_edits(text):
    result = Cleaner().correct(text)
    assert apply_edits(text, result.edits) == result.text
    for edit in result.edits:
        assert text[edit.start:edit.end] == edit.original


LETTERS = st.text(alphabet="abcdeəfgğhxıijkqlmnoöprsştuüvyz ", max_size=60)


def assert_idempotent(text):
    cleaner = Cleaner()
    once = cleaner.clean(text)
    assert cleaner.clean(once) == once


@settings(max_examples=60, deadline=None)
@given(LETTERS)
@example("bbp")  # bbp → bp (a known form); bp alone must not then become bu
@example("fi oi")  # oi → ki; fi is then judged beside ki, not beside oi
@example("dəkəndv")  # → də kənd; də at a sentence start is judged as it will stand
@example("üəve eaa")  # two fixes side by side: each is judged beside the other's fix
@example("ovyı vlv əoğr bədxh zu")  # a fixed neighbour is no longer an unknown (foreign-looking) one
@example("clkln")  # not split into ilk in, which the merges would join again
def test_idempotent(text):
    assert_idempotent(text)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)  # run with HYPOTHESIS_PROFILE=explore for fresh draws
@given(LETTERS)
def test_idempotent_on_fresh_draws(text):
    assert_idempotent(text)
