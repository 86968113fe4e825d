"""The unknown-word detector, the language of spans, suspect forms and the capitalised-word checks."""

import math

import azfix
from azfix.build.forms import suspect_forms
from azfix.cleaner import Cleaner
from azfix.correct.channel.detect import FEATURES, Detector
from azfix.correct.decide import ScoredOption, decide
from azfix.morphology import Analyzer, StemEntry
from azfix.text.language import foreign_span

NEUTRAL_LOOK = lambda word: (0.0, -2.0)  # noqa: E731 - a letter model that finds every word typical


def options(*scores):
    return [ScoredOption(score, f"w{k}", "typo", score, 0.0, 0.0, 0.0) for k, score in enumerate(scores)]


def test_the_channel_weights_leave_the_keep_score_as_it_was():
    detector = Detector((0.0, 1.0) + (0.0,) * (len(FEATURES) - 1), NEUTRAL_LOOK)
    scored = options(-10.0, -12.5)
    assert math.isclose(detector.keep_score("sözz", -11.0, scored, 1.0, False, False), -11.0)


def test_keeping_the_word_gets_exactly_the_detected_probability():
    # intercept 2, nothing else: logit P(meant) = 2 whatever the scores and the temperature
    detector = Detector((2.0,) + (0.0,) * len(FEATURES), NEUTRAL_LOOK)
    scored = options(-10.0, -12.5, -14.0)
    for temperature in (1.0, 1.3):
        keep = detector.keep_score("sözz", -30.0, scored, temperature, False, False)
        shares = [math.exp(s / temperature) for s in [keep] + [o.score for o in scored]]
        assert math.isclose(shares[0] / sum(shares), 1 / (1 + math.exp(-2.0)), rel_tol=1e-9)
        assert decide(scored, keep, 0.5, temperature=temperature) is None  # 0.88 meant as written: kept


def test_an_english_or_russian_span_is_foreign_and_azerbaijani_is_not():
    assert foreign_span("these United States of America", 12, 0.9)
    assert foreign_span("Он сказал, что это так и будет", 12, 0.9)
    assert not foreign_span("Bu gün prezident fərman imzaladı", 12, 0.9)  # an ə: Azerbaijani
    assert not foreign_span("Bu gun prezident ferman imzaladi ve gonderdi", 12, 0.9)  # typed without its letters
    assert not foreign_span("the end", 12, 0.9)  # too short to tell


def test_the_words_of_an_english_quotation_are_left_alone():
    text = 'Məsələn, "these United States" ifadəsi. Bu gün prezdentin fərmanı oxundu.'
    assert azfix.clean(text) == 'Məsələn, "these United States" ifadəsi. Bu gün prezidentin fərmanı oxundu.'


def test_a_suspect_form_is_one_edit_from_a_far_commoner_form_no_curated_stem_explains():
    counts = {"haqqında": 900_000, "haqında": 900, "ağır": 300_000, "fağır": 800, "kitab": 50_000}
    curated = Analyzer({"fağır": StemEntry(("adj",), 1, ""), "kitab": StemEntry(("noun",), 1, "")})
    suspects = suspect_forms(counts, counts, curated)
    assert suspects == {"haqında": ("haqqında", 1000.0)}  # fağır has a curated reading


def test_a_short_capitalised_unknown_word_gets_no_typo_fix():
    assert azfix.clean("Air Niugini uçdu. Gazeta.Ru yazdı.") == "Air Niugini uçdu. Gazeta.Ru yazdı."


def test_a_capitalised_typo_is_fixed_when_the_evidence_outweighs_a_name():
    # a sentence-initial word that is one slip from a common word, and a name that opens a sentence
    assert azfix.clean("Nazirlr kabineti toplandı.") == "Nazirlər kabineti toplandı."
    assert azfix.clean("Patton gəldi. Mr. Bean gəldi.") == "Patton gəldi. Mr. Bean gəldi."


def test_an_arabic_adverb_in_en_is_not_split_into_a_word_and_the_superlative():
    assert Cleaner().clean("Bu iş ehtimalən belə olar.") == "Bu iş ehtimalən belə olar."


def test_a_suspect_form_is_judged_the_same_whatever_was_cleaned_before():
    cleaner = Cleaner()
    first = cleaner.clean("Haqında danışdı.")
    cleaner.clean("Bu Haqında dedi.")  # inside a sentence: a capitalised word is left, but not for good
    assert cleaner.clean("Haqında danışdı.") == first == "Haqqında danışdı."


def test_the_rules_before_the_words_leave_the_users_words_alone():
    assert azfix.clean("Ancak bu gün gəldi. Beləki gəldi.") == "Ancaq bu gün gəldi. Belə ki gəldi."
    assert Cleaner(protect={"ancak"}).clean("Ancak bu gün gəldi.") == "Ancak bu gün gəldi."
    assert Cleaner(user_words=["beləki"]).clean("Beləki gəldi.") == "Beləki gəldi."


def test_a_turkish_spelling_of_a_shared_word_is_mended_only_in_azerbaijani_text():
    assert azfix.clean("Ancak Bazı adamlar gəldi, Ama getdi.") == "Ancaq Bəzi adamlar gəldi, Amma getdi."
    # an Azerbaijani word that looks Turkish stays (hala: aunt); a span without ə is not judged
    assert azfix.clean("Hala evdədir.") == "Hala evdədir."
    assert azfix.clean("Yapı Kredi için") == "Yapı Kredi için"
