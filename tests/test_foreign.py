import pytest

from azfix import Cleaner
from azfix.text.foreign import FUNCTION_WORDS, has_accented_letter, is_foreign_word, is_language_adverb
from azfix.data.lexicon import default_lexicon

cleaner = Cleaner()


def test_accented_letters_are_not_azerbaijani_letters():
    assert has_accented_letter("publié") and has_accented_letter("Straße")
    assert not has_accented_letter("bütüñüz")  # a garbled Azerbaijani word, not a Spanish one
    assert not has_accented_letter("şəhərimizdə") and not has_accented_letter("İĞÜŞÖÇƏ")
    assert not has_accented_letter("Twitter")


def test_foreign_words():
    assert is_foreign_word("the") and is_foreign_word("news") and is_foreign_word("publié")
    assert not is_foreign_word("Twitter")  # a name with w proves nothing
    assert not is_foreign_word("Los")  # Los Angeles
    assert not is_foreign_word("şəhər")


def test_no_function_word_is_a_common_azerbaijani_word_or_its_folded_spelling():
    from azfix.text.alphabet import ascii_fold

    forms = default_lexicon().forms
    folded = {}
    for form, count in forms.items():
        if count >= 200_000 and form.isalpha():
            folded.setdefault(ascii_fold(form), form)
    clashes = {w: folded[w] for w in FUNCTION_WORDS if w in folded and folded[w] not in FUNCTION_WORDS}
    assert clashes == {}


def test_language_adverbs():
    assert is_language_adverb("ingiliscə") and is_language_adverb("latınca")
    assert not is_language_adverb("kitab")


@pytest.mark.parametrize(
    "text",
    [
        "Xarici keçidlər Portal of Islam in the Czech Republic.",
        "Guide pratique publié par la mairie.",
        'Tanrı adları: ingiliscə "god", almanca "gott".',
        '{| class="wikitable" border="0" cellpadding="1"',
    ],
)
def test_foreign_passages_are_left_alone(text):
    assert cleaner.clean(text) == text


def test_azerbaijani_beside_foreign_names_is_still_corrected():
    assert cleaner.clean("O, Los Angeles şəhərinin siyaseti barədə danışdı.") == (
        "O, Los Angeles şəhərinin siyasəti barədə danışdı.")
    assert cleaner.clean("Watson yazıb ki, mühabibəsi bitib.") == "Watson yazıb ki, müharibəsi bitib."


def test_a_word_quoted_on_its_own_keeps_its_spelling_but_not_lost_diacritics():
    assert cleaner.clean('rus dilində "svat" kimi məlumdur') == 'rus dilində "svat" kimi məlumdur'
    assert cleaner.clean("ləçəklərdən (keel) uzundur") == "ləçəklərdən (keel) uzundur"
    assert cleaner.clean("Onun (siyaset) sözü") == "Onun (siyasət) sözü"


@pytest.mark.parametrize("text, word, expected", [
    ("“Dandi”yə liderlik", "yə", True),
    ('"Məclis Üzvləri"nə veriləcək', "nə", True),
    ('o dedi: "nə" bu', "nə", False),  # opening quote: a word quoted on its own
    ("“Dandi” yə", "yə", False),  # apart from the quote: a word of its own
    ("(BMT)nin", "nin", False),  # a bracket is not a quote
])
def test_suffix_glued_after_a_closing_quote(text, word, expected):
    from azfix.text.foreign import is_suffix_after_quote
    from azfix.text.tokenize import tokenize

    tokens = tokenize(text)
    i = next(k for k, token in enumerate(tokens) if token.text == word)
    assert is_suffix_after_quote(tokens, i) is expected
