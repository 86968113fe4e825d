import pytest

from azfix.morphology.analyzer import Analyzer, StemEntry
from azfix.morphology.grammar import realize
from azfix.morphology.phonology import host_phonology, number_name

STEMS = {
    "kitab": StemEntry(("noun",), 1, ""),
    "ev": StemEntry(("noun",), 2, ""),
    "çörək": StemEntry(("noun",), 2, "s"),
    "ağız": StemEntry(("noun",), 1, "v"),
    "ölkə": StemEntry(("noun",), 2, ""),
    "gəl": StemEntry(("verb",), 2, ""),
    "get": StemEntry(("verb",), 2, "d"),
    "oxu": StemEntry(("verb",), 3, ""),
    "al": StemEntry(("verb",), 1, ""),
    "bir": StemEntry(("num",), 2, ""),
}
analyzer = Analyzer(STEMS)


@pytest.mark.parametrize(
    "template, harmony, after_vowel, surface",
    [("lAr", 1, False, "lar"), ("lAr", 4, False, "lər"), ("(I)m", 3, False, "um"),
     ("(I)m", 2, True, "m"), ("(y)A", 1, True, "ya"), ("(y)AcAQ", 2, False, "əcək"),
     ("(s)I", 4, True, "sü"), ("mAlI", 1, False, "malı"), ("!CIl", 1, True, None)],
)
def test_realize(template, harmony, after_vowel, surface):
    assert realize(template, harmony, after_vowel) == surface


@pytest.mark.parametrize(
    "word, segments",
    [
        ("kitablarımızdan", ("kitab", "lar", "ımız", "dan")),
        ("evlərdəki", ("ev", "lər", "də", "ki")),
        ("çörəyi", ("çörəy", "i")),
        ("ağzı", ("ağz", "ı")),
        ("ölkəsinin", ("ölkə", "si", "nin")),
        ("gələcəyəm", ("gəl", "əcəy", "əm")),
        ("gedir", ("ged", "ir")),
        ("oxuyurlar", ("oxu", "yur", "lar")),
        ("gəlməyəcəklər", ("gəl", "mə", "yəcək", "lər")),
        ("alınmışdır", ("al", "ın", "mış", "dır")),
        ("birinci", ("bir", "inci")),
        ("gəldikmi", ("gəl", "di", "k", "mi")),
    ],
)
def test_analysis_segments(word, segments):
    assert segments in [a.segments for a in analyzer.analyze(word)]


@pytest.mark.parametrize(
    "word",
    ["kitablər", "evlar", "çörəki", "ağızı", "gəlirıq", "kitabdna", "oxuur", "getir", "gedmək"],
)
def test_ill_formed_words_have_no_analysis(word):
    assert analyzer.analyze(word) == []


def test_analysis_tags():
    (analysis,) = [a for a in analyzer.analyze("kitablarımızdan") if a.stem == "kitab"]
    assert analysis.tags == ("PL", "P1PL", "ABL") and analysis.pos == "noun"


@pytest.mark.parametrize("digits, name", [("2023", "üç"), ("20", "iyirmi"), ("100", "yüz"), ("1990", "doxsan"), ("0", "sıfır")])
def test_number_name(digits, name):
    assert number_name(digits) == name


def test_host_phonology_of_acronym_reads_letters_and_word():
    assert (2, True) in host_phonology("BMT")  # be-em-te → BMT-nin
    assert (1, True) in host_phonology("NATO") or (3, True) in host_phonology("NATO")


_WELL_FORMED_CASES = [
    "kitablarımızdan", "evlərdəki", "çörəyi", "ağzı", "gedir", "gəlməyəcəklər", "birinci",
    "kitablər", "evlar", "çörəki", "ağızı", "gəlirıq", "kitabdna", "oxuur", "getir", "gedmək",
    "kitab", "ev", "çörəy", "ağz", "ölkələrimizin", "alınmışdırmı", "gəlikim",
]


@pytest.mark.parametrize("word", _WELL_FORMED_CASES)
def test_is_well_formed_agrees_with_analyze(word):
    # is_well_formed answers yes/no with a cached walk; it must say what analyze finds.
    assert analyzer.is_well_formed(word) == bool(analyzer.analyze(word))


def test_the_stem_surface_guard_changes_no_verdict():
    """The word walk skips prefixes no stem is written as; the full walk over
    every prefix must agree, on words and on one-letter corruptions of them."""
    import random

    from azfix.data.lexicon import default_lexicon
    from azfix.morphology.grammar import START_STATE, completes
    from azfix.text.alphabet import VOWELS, harmony_class

    analyzer = default_lexicon().analyzer

    def full_walk(word: str) -> bool:
        for cut in range(len(word), analyzer.min_stem_length - 1, -1):
            prefix, rest = word[:cut], word[cut:]
            for stem, entry, pos, next_must in analyzer.stem_readings(prefix):
                if not rest:
                    if next_must != "vowel":
                        return True
                    continue
                harmony = entry.harmony or harmony_class(stem) or 0
                state = START_STATE.get(pos, "N")
                if completes(rest, state, harmony, prefix[-1] in VOWELS, next_must) or (
                    state == "Num" and completes(rest, "N", harmony, prefix[-1] in VOWELS, next_must)
                ):
                    return True
        return False

    rng = random.Random(3)
    words = rng.sample(sorted(w for w in default_lexicon().forms if w.isalpha()), 1500)
    corrupted = [w[:i] + rng.choice("aəıiouüeklmnrsşdtyq") + w[i + 1:]
                 for w in words for i in [rng.randrange(len(w))]]
    for word in words + corrupted + ["çörəyi", "bulağı", "gedir", "ağzı", "oğlu"]:
        assert analyzer.is_well_formed(word) == full_walk(word), word


def test_alternations_belong_to_their_part_of_speech():
    # a stem the dictionaries tag both noun and verb: the verb voices its t
    # before a vowel, the noun does not
    both = Analyzer({"millət": StemEntry(("noun", "verb"), 2, "d"), "get": StemEntry(("verb",), 2, "d")})
    assert both.is_well_formed("milləti") and both.is_well_formed("millətində")
    assert [a.pos for a in both.analyze("millədir")] == ["verb"]
    assert not both.is_well_formed("getir") and both.is_well_formed("gedir")


def test_words_of_suffixes_the_grammar_reads():
    from azfix.data.lexicon import default_lexicon

    lexicon = default_lexicon()
    # -vari keeps its vowels (the Arabic adverbs in -ən are lexical: the grammar does not make them)
    assert lexicon.analyze("buludvari")[0].segments == ("bulud", "vari")
    assert lexicon.is_known("soğanaqvarı")  # as printed text often writes it
    assert not lexicon.is_known("onlarən")
    assert all(lexicon.is_known(word) for word in ("olar", "gələr", "danışar", "ingiliscə", "rusca", "azərbaycanca"))
