import pytest

from azfix import Cleaner
from azfix.correct.channel.classcontext import ClassContext, morphological_class
from azfix.data.stats import SENTENCE, ContextStats
from azfix.data.lexicon import default_lexicon


def test_a_words_class_is_its_last_suffix_else_its_part_of_speech():
    word_class = morphological_class(default_lexicon().analyze)
    assert word_class("kitablarda") == "LOC"
    assert word_class("yazırlar") == "3PL"
    assert word_class("tez") in {"adj", "adv"}
    assert word_class(SENTENCE) == "#"
    assert word_class("<num>") == "NUM"
    assert word_class("qwzxv") == "UNK"


def test_a_words_class_comes_from_its_likeliest_analysis():
    lexicon = default_lexicon()
    # olmasın (a lexicalised imperative) + ı + n reads first, ol + ma + sı + nın is likelier
    assert morphological_class(lexicon.analyze)("olmasının") != "GEN"
    assert morphological_class(lexicon.analyze, lexicon.analysis_prior)("olmasının") == "GEN"


def test_preference_is_antisymmetric_and_zero_without_counts():
    stats = ContextStats.from_texts(["o işə getdi", "biz işə gəldik", "o isə bilir", "biz isə qalırıq"])
    kinds = {"getdi": "PST", "gəldik": "PST", "yazdı": "PST", "bilir": "AOR", "qalırıq": "AOR"}
    context = ClassContext(stats, lambda word: kinds.get(word, "UNK"))
    forward = context.preference("sən", "işə", "isə", "yazdı")
    assert forward > 0
    assert context.preference("sən", "isə", "işə", "yazdı") == pytest.approx(-forward)
    assert context.preference("sən", "işə", "heç", "yazdı") == 0.0  # heç never seen


def _class_stats(tmp_path):
    train = []
    for adverb, verb in [("sonra", "gəlirlər"), ("yenə", "oxuyurlar"), ("hələ", "işləyirlər"),
                         ("bu gün", "gedirlər"), ("axşam", "danışırlar"), ("səhər", "qaçırlar")]:
        train += [f"Onlar {adverb} də {verb}."] * 3
    train += ["Ona de ki, gəlsin.", "Mənə de ki, nə olub."] * 2
    train += ["Bu gün hava çox yaxşı idi və biz evə gec qayıtdıq."] * 40
    path = tmp_path / "stats.tsv.gz"
    ContextStats.from_texts(train).save(path)
    return str(path)


def test_the_classes_of_the_neighbours_fix_a_real_word_error_no_pair_attests(tmp_path):
    # neither "indi də" nor "də yazırlar" was seen; "də" stands after
    # adverbs and before verbs in the third person plural, "de" (say!) does not
    cleaner = Cleaner(stats=_class_stats(tmp_path), shipped_stats=False)
    assert cleaner.clean("Onlar indi de yazırlar.") == "Onlar indi də yazırlar."
    assert cleaner.clean("Ona de ki, gəlsin.") == "Ona de ki, gəlsin."


def test_the_shipped_classes_are_the_classes_the_corrector_works_out():
    # dictionaries/classes.tsv is what the build worked out; the grammar or the
    # stems changing without a rebuild would make it stale
    from dataclasses import replace

    from azfix.config import Policy
    from azfix.correct.channel.classcontext import load_word_classes
    from azfix.data.format import dictionaries_path

    lexicon = default_lexicon()
    shipped = load_word_classes(dictionaries_path() / "classes.tsv", Policy())
    assert len(shipped) > 10_000
    word_class = morphological_class(lexicon.analyze, lexicon.analysis_prior, Policy())
    sample = sorted(shipped)[::7]
    assert {word: shipped[word] for word in sample} == {word: word_class(word) for word in sample}
    # classes weighed over other readings are not these
    assert load_word_classes(dictionaries_path() / "classes.tsv", replace(Policy(), class_readings=3)) == {}


def test_save_and_load_word_classes(tmp_path):
    from azfix.config import Policy
    from azfix.correct.channel.classcontext import load_word_classes, save_word_classes

    kinds = {"kitabda": "LOC", "gəldi": "PST"}
    assert save_word_classes(tmp_path / "c.tsv", ["gəldi", "kitabda", "gəldi"], kinds.get, Policy()) == 2
    assert load_word_classes(tmp_path / "c.tsv", Policy()) == kinds
    assert load_word_classes(tmp_path / "none.tsv", Policy()) == {}
