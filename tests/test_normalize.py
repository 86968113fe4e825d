import json
import unicodedata
from pathlib import Path

import pytest

from azfix.edits import apply_edits
from azfix.stages.normalize import normalize_edits

CASES = json.loads((Path(__file__).parent / "cases" / "normalize.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, expected", CASES["repaired"])
def test_lookalikes_and_legacy_letters_are_repaired(text, expected):
    assert apply_edits(text, normalize_edits(text)) == expected


@pytest.mark.parametrize("text", CASES["unchanged"])
def test_cyrillic_and_clean_text_pass_through(text):
    assert normalize_edits(text) == []


def test_every_edit_replaces_one_character():
    edits = normalize_edits("Azәrbaycan\u200b хalqı qızıĢıb")
    assert [e.kind for e in edits] == ["homoglyph", "invisible", "homoglyph", "legacy-font"]
    assert all(e.end - e.start == 1 for e in edits)


def test_a_legacy_letter_continuing_a_word_broken_at_a_line_end_is_lowercase():
    # inki- / Ģafı: no start of a word, so no capital; a line start otherwise is one
    assert apply_edits("inki-\nĢafı", normalize_edits("inki-\nĢafı")) == "inki-\nşafı"
    assert apply_edits("Bu gün.\nĢuşa", normalize_edits("Bu gün.\nĢuşa")) == "Bu gün.\nŞuşa"



def test_joiners_of_emoji_and_of_other_scripts_stay():
    family = "👨\u200d👩\u200d👧 ailə"
    persian = "می\u200cخواهم"
    assert normalize_edits(family) == [] and normalize_edits(persian) == []
    assert [(e.original, e.replacement) for e in normalize_edits("Azər\u200dbaycan")] == [("\u200d", "")]


def _known(word):
    from azfix.data.lexicon import default_lexicon

    return default_lexicon().is_known(word)


@pytest.mark.parametrize("text, expected", [
    ("О, еlә dedi.", "O, elə dedi."),  # Cyrillic О, е and ә among Latin words
    ("Bu хаlq", "Bu xalq"),
    ("Qədìm və mənəvì dəyərlər.", "Qədim və mənəvi dəyərlər."),
    ("bu dìl gözəldir", "bu dil gözəldir"),  # lowercase: its neighbours are Azerbaijani
    # stay: Russian text, a Russian word that has no Latin letter or ә,
    # foreign words with their accents, a Greek letter used as a symbol
    ("Он сказал, что это так.", "Он сказал, что это так."),
    ("А он сказал: о чём?", "А он сказал: о чём?"),
    ("Mən сор dedim", "Mən сор dedim"),
    ("José café Bakıya gəldi.", "José café Bakıya gəldi."),
    ("François Martin. édition de l'égalité", "François Martin. édition de l'égalité"),  # ç is French too
    ("Bucaq α olan", "Bucaq α olan"),
])
def test_words_of_look_alikes_and_stray_accents_with_a_word_test(text, expected):
    assert apply_edits(text, normalize_edits(text, is_known=_known)) == expected


def test_without_a_word_test_words_of_look_alikes_and_accents_stay():
    assert normalize_edits("Qədìm") == [] and normalize_edits("О, dedi") == []
    kinds = {e.kind for e in normalize_edits("Qədìm, О dedi", is_known=_known)}
    assert kinds == {"diacritic", "homoglyph"}


def test_decomposed_letters_are_composed_and_then_corrected():
    import azfix

    text = unicodedata.normalize("NFD", "Bu gözel şəhərdə İlham yasayır.")
    assert text != unicodedata.normalize("NFC", text)
    result = azfix.Cleaner().correct(text)
    assert result.text == "Bu gözəl şəhərdə İlham yaşayır."
    assert apply_edits(text, result.edits) == result.text
    composed = [e for e in result.edits if e.kind == "composed"]
    assert {e.replacement for e in composed} >= {"ş", "İ"} and all(len(e.original) == 2 for e in composed)
    # (the word corrected takes its composed letter into its own edit, on the input's span)
    assert any(e.original == unicodedata.normalize("NFD", "gözel") and e.replacement == "gözəl" for e in result.edits)


def test_the_dot_of_a_lowercased_capital_i_is_dropped():
    edits = normalize_edits("i\u0307stanbul")
    assert [(e.start, e.end, e.replacement) for e in edits] == [(0, 2, "i")]


def test_word_lookups_read_decomposed_letters():
    import azfix

    for word in ("şəhər", "gözəlliyi", "üçün"):
        nfd = unicodedata.normalize("NFD", word)
        assert azfix.is_known(nfd)
        assert azfix.suggest(nfd) == azfix.suggest(word)
        assert azfix.analyze(nfd) == azfix.analyze(word)
