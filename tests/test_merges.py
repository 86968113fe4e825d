import pytest

import azfix
from azfix.lexicon import default_lexicon
from azfix.merges import Merger, merged_word

lexicon = default_lexicon()


@pytest.mark.parametrize("first, second, joined", [
    ("ayı", "nın", "ayının"),  # an ending written apart
    ("Azərbaycan", "ın", "Azərbaycanın"),
    ("insan", "lar", "insanlar"),
    ("Ədəbiy", "yat", "Ədəbiyyat"),  # a word cut in two pieces, the first no word
    ("Ümumdüny", "a", "Ümumdünya"),
])
def test_a_word_broken_by_a_space_is_joined(first, second, joined):
    assert merged_word(first, second, lexicon) == joined


@pytest.mark.parametrize("first, second", [
    ("Bakı", "da"),  # the particle da is written apart
    ("xəstəliyi", "nə"),  # nə is a word
    ("o", "lana"),  # olana reads olan|a, not o|lana
    ("bu", "gün"),  # two words
    ("kitab", "Lar"),  # a capital does not continue a word
    ("ayı", "x"),  # a lone letter
])
def test_two_words_stay_apart(first, second):
    assert merged_word(first, second, lexicon) is None


def test_merges_in_the_pipeline_and_the_switch():
    text = "Sentyabr ayı nın sonunda Ədəbiy yat dərsi. Bakı da gözəldir."
    result = azfix.Cleaner().correct(text)
    assert result.text == "Sentyabr ayının sonunda Ədəbiyyat dərsi. Bakı da gözəldir."
    assert [(e.original, e.replacement, e.kind) for e in result.edits] == [
        ("ayı nın", "ayının", "merge"), ("Ədəbiy yat", "Ədəbiyyat", "merge")]
    assert azfix.Cleaner(merges=False).clean(text) == text


def test_endings_are_suffix_chains_and_not_words():
    endings = Merger(lexicon).endings
    assert {"nın", "lar", "ların"} <= endings
    assert not {"da", "də", "ki", "nə", "ya"} & endings
