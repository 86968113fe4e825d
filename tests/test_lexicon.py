import pytest
from hypothesis import example, given, settings, strategies as st

import azfix
from azfix.data.lexicon import Lexicon, default_lexicon

KNOWN = [
    "kitablarımızdan", "nazirlərinin", "yönəlmiş", "etməyə", "ziddiyyətə", "siyasət",
    "təşəbbüslərinə", "çevrilib", "iclası", "beyin", "müharibəsi", "sürülən", "gələcəyəm",
    "edilmişdir", "qorxudaraq", "qaçmazdan", "ağlayarkən", "Azərbaycanın", "İclası",
    "BMT-dən", "BMT-nin", "2023-cü", "1990-cı", "25-də", "COVID-19", "AZƏRTAC-a",
    "sosial-iqtisadi", "bir-birinə", "Bakı'nın", "x",
]
UNKNOWN = [
    "siyaset", "etməye", "yönəlmış", "yönəlmüş", "ziddiyətə", "naüzirlərinin", "mühabibəsi",
    "sürülnən", "icası", "əvrilib", "təşəbbüslerinə", "Uqanda-nın", "BMT-dan", "2023-ci",
    "kitablər", "", "ə" * 100, "123", "abc@def",
]


@pytest.mark.parametrize("word", KNOWN)
def test_known_words(word):
    assert azfix.is_known(word)


@pytest.mark.parametrize("word", UNKNOWN)
def test_unknown_words(word):
    assert not azfix.is_known(word)


def test_frequency_orders_common_words_first():
    lex = default_lexicon()
    assert lex.frequency("və") > lex.frequency("siyasət") > lex.frequency("ziddiyyət") > 0
    assert lex.frequency("siyaset") == 0


def test_ascii_twins_are_not_shipped():
    lex = default_lexicon()
    assert "azərbaycan" in lex.forms and "azerbaycan" not in lex.forms


def test_user_words_extend_a_copy():
    lex = default_lexicon()
    extended = lex.with_words(["Qvanqmu"])
    assert extended.is_known("Qvanqmu") and not lex.is_known("Qvanqmu")


def test_analyze_gives_stem_and_pos():
    analyses = azfix.analyze("kitablarımızdan")
    assert analyses[0].stem == "kitab" and analyses[0].tags == ("PL", "P1PL", "ABL")


def test_load_rejects_other_format(tmp_path):
    (tmp_path / "manifest.json").write_text('{"format_version": 999}')
    with pytest.raises(RuntimeError, match="format"):
        Lexicon.load(tmp_path)


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("²`0")  # a digit int() cannot read (found by hypothesis)
def test_never_raises(text):
    assert azfix.is_known(text) in (True, False)
    assert isinstance(azfix.analyze(text), list)


def test_megabyte_word():
    word = "kitab" * 200_000
    assert azfix.is_known(word) is False and azfix.analyze(word) == []


def test_an_inflected_adverb_or_conjunction_is_no_likelier_than_the_rarest_listed_form():
    lexicon = default_lexicon()
    # ki (8.8M) + si and ilə + lər: readings the bare count would make common
    for word in ("kisi", "ilələr"):
        assert 0 < lexicon.unseen_form_prior(word) <= lexicon.unseen_ceiling
    # a noun's inflection keeps its estimate from the stem
    assert lexicon.unseen_form_prior("ziddiyyətə") > lexicon.unseen_ceiling
