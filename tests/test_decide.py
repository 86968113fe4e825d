"""The decision given scored options (azfix.correct.decide), and Edit.why from end to end."""

import math

import azfix
from azfix.correct.decide import ScoredOption, decide


def option(text, score, kind="typo"):
    return ScoredOption(score, text, kind, score, 0.0, 0.0, 0.0)


def test_the_best_option_wins_with_its_posterior_share():
    choice = decide([option("a", -10.0), option("b", -12.0)], keep=-14.0, threshold=0.75)
    share = 1 / (1 + math.exp(-2.0) + math.exp(-4.0))
    assert (choice.text, choice.confidence) == ("a", round(share, 4))


def test_keeping_wins_below_the_threshold():
    assert decide([option("a", -10.0)], keep=-10.5, threshold=0.75) is None  # 0.62 < 0.75


def test_shared_mass_keeps_the_word_unless_a_majority_rule_applies():
    scored = [option("a", -10.0, "diacritic"), option("b", -10.3, "diacritic")]
    assert decide(scored, keep=-20.0, threshold=0.75) is None  # 0.57: no option reaches 0.75
    majority = decide(scored, keep=-20.0, threshold=0.75, majority=0.5, keep_share_below=0.05)
    assert majority.text == "a"


def test_the_threshold_is_met_at_the_posterior_share_exactly():
    total = math.exp(-1.0) + math.exp(-2.0) + math.exp(-3.0)
    share = math.exp(-1.0) / total  # 0.665
    scored = [option("a", -1.0), option("b", -2.0)]
    assert decide(scored, keep=-3.0, threshold=share - 1e-9).confidence == round(share, 4)
    assert decide(scored, keep=-3.0, threshold=share + 1e-9) is None


def test_why_carries_the_score_terms_of_a_word_correction():
    edit = azfix.Cleaner().correct("Bu siyaset sayesində mümkün oldu.").edits[0]
    assert (edit.replacement, edit.kind) == ("siyasət", "diacritic")
    why = edit.why
    assert why.score > why.keep
    assert math.isclose(why.score, why.prior + why.cost + why.context + why.realword)
    assert why.realword == 0.0  # an unknown word: no real-word odds
    assert why.cost < 0  # an edit costs nats


def test_stage_edits_have_no_why():
    edits = azfix.Cleaner().correct("respub-\nlikası").edits
    assert [e.kind for e in edits] == ["dehyphenate"] and edits[0].why is None
