"""The letter model: natural words score higher than damaged ones; never raises."""

import statistics

from hypothesis import given
from hypothesis import strategies as st

from azfix.correct.channel.charmodel import CharModel
from azfix.data.lexicon import default_lexicon
from azfix.cleaner import default_cleaner

MODEL = CharModel(default_lexicon().forms)


def test_a_typical_word_is_neutral():
    sample = sorted(default_lexicon().forms)[::500]
    assert abs(statistics.median(MODEL.plausibility(w) for w in sample if w.isalpha())) < 1.5


def test_damage_looks_odd():
    for good, bad in [("səhralarda", "səhralrda"), ("qapının", "qapırnın"), ("sözdür", "spözdür"),
                      ("nazirlərinin", "naüzirlərinin")]:
        assert MODEL.plausibility(bad) < MODEL.plausibility(good)
        assert MODEL.oddest_letter(bad) < MODEL.oddest_letter(good)


def test_the_unknown_word_prior_follows_the_look():
    corrector = default_cleaner().corrector()
    natural = corrector.oov_prior("kitabxanaçılarımız")
    odd = corrector.oov_prior("səhralrda")
    assert odd < natural
    # a diacritic twin's natural look earns it nothing
    assert corrector.oov_prior("kitabxanaçılarımız", False) < natural


def test_an_odd_looking_typo_is_fixed():
    assert default_cleaner().clean("Bu, boş spözdür.") == "Bu, boş sözdür."


@given(st.text(max_size=60))
def test_never_raises(text):
    for word in (text, text.lower()):
        assert isinstance(MODEL.plausibility(word), float)
        assert MODEL.oddest_letter(word) <= 0.0


def test_saved_model_is_read_back_only_for_its_own_words(tmp_path):
    words = ["kitab", "kitabı", "kitablar", "bazar", "bazarlar"]
    model = CharModel(words)
    path = tmp_path / "letters.tsv.gz"
    model.save(path, words)
    read = CharModel.load(path, words)
    assert read is not None
    assert read.score("kitablar") == model.score("kitablar") and read.looks("ktiablar") == model.looks("ktiablar")
    assert CharModel.load(path, words + ["əlavə"]) is None  # counted from other words
    assert CharModel.load(tmp_path / "none.tsv.gz", words) is None


def test_shipped_model_belongs_to_the_shipped_forms():
    from azfix.data.lexicon import default_lexicon, dictionaries_path

    forms = default_lexicon().forms
    assert CharModel.load(dictionaries_path() / "letters.tsv.gz", forms) is not None
