import pytest

import azfix
from azfix.data.lexicon import default_lexicon
from azfix.correct.rules.merges import Merger, merged_word

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
    merger = Merger(lexicon)
    assert all(map(merger.is_ending, ["nın", "lar", "ların"]))
    assert not any(map(merger.is_ending, ["da", "də", "ki", "nə", "ya", "kitab"]))


def test_a_piece_that_is_a_frequent_word_but_for_its_diacritics_is_not_merged():
    # ve is və without its letter: "Li ve Kollier" is "Li və Kollier", not "Live Kollier"
    assert azfix.clean("Sarasota, Li ve Kollier dairələrində") == "Sarasota, Li və Kollier dairələrində"



def test_the_running_text_joins_two_words_it_writes_as_one():
    # qa and nun are both forms the list has seen; a text that writes qanun
    # and never "qa nun" says the pair is one word broken
    from azfix.data.stats import ContextStats

    stats = ContextStats.from_texts(["Yeni qanun qəbul edildi."] * 5)
    assert merged_word("qa", "nun", lexicon) is None
    assert merged_word("qa", "nun", lexicon, stats) == "qanun"
    assert merged_word("bu", "gün", lexicon, ContextStats.from_texts(["bu gün bugün"] * 5)) is None  # seen apart


@pytest.mark.parametrize("first, second, joined", [
    ("şey", "lər", "şeylər"),  # lər, dan, ün: endings some dictionary also lists as words
    ("atmaq", "dan", "atmaqdan"),
    ("mövsüm", "ün", "mövsümün"),
    ("açıqlama", "larına", "açıqlamalarına"),  # a long chain of endings
])
def test_an_ending_a_dictionary_lists_as_a_word_joins_when_the_joined_word_is_far_commoner(first, second, joined):
    assert merged_word(first, second, lexicon) == joined


@pytest.mark.parametrize("first, second", [("şəkil", "də"), ("sıra", "da"), ("hələ", "də"), ("ya", "da"), ("həm", "də")])
def test_a_particle_after_a_word_stays_apart(first, second):
    # şəkildə is far commoner than "şəkil də" by chance, but the particle
    # də follows any word: "Bu şəkil də gözəldir."
    assert merged_word(first, second, lexicon) is None


def test_a_pair_the_running_text_writes_apart_stays_apart():
    from azfix.data.stats import ContextStats

    assert merged_word("şey", "lər", lexicon) == "şeylər"
    stats = ContextStats.from_texts(["Bu şey lər adlanır."] * 3)
    assert merged_word("şey", "lər", lexicon, stats) is None
