"""The error model: weighted Damerau–Levenshtein costs."""

from hypothesis import given, settings, strategies as st

from azfix.config import Policy
from azfix.correct.channel.errormodel import ErrorModel

DEFAULT_COST = Policy().default_cost

MODEL = ErrorModel()


def reference_cost(model: ErrorModel, observed: str, intended: str) -> float:
    """The textbook dynamic programme over the whole words (no shortcuts)."""
    n, m = len(observed), len(intended)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + model._indel(observed, i - 1, model.insert_cost)
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + model._indel(intended, j - 1, model.delete_cost)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            o, t = observed[i - 1], intended[j - 1]
            best = min(
                d[i - 1][j - 1] + (0.0 if o == t else model.substitutions.get((t, o), DEFAULT_COST)),
                d[i - 1][j] + model._indel(observed, i - 1, model.insert_cost),
                d[i][j - 1] + model._indel(intended, j - 1, model.delete_cost),
            )
            if i > 1 and j > 1 and o != t and o == intended[j - 2] and observed[i - 2] == t:
                best = min(best, d[i - 2][j - 2] + model.transpose_cost)
            d[i][j] = best
    return d[n][m]


def test_costs_rank_the_kinds_of_error():
    assert MODEL.cost("siyaset", "siyasət") < MODEL.cost("siyasat", "siyasət") <= MODEL.cost("siyasxt", "siyasət")
    assert MODEL.cost("ziddiyətə", "ziddiyyətə") < MODEL.cost("zidiyyətə", "ziddiyyətə") + 1e-9
    assert MODEL.cost("kitab", "kitab") == 0.0


_LETTERS = st.text(alphabet="abeəilmnrsşuüy", min_size=0, max_size=9)


@settings(max_examples=400, deadline=None)
@given(_LETTERS, _LETTERS)
def test_shared_ends_shortcut_gives_the_full_programmes_cost(observed, intended):
    assert abs(MODEL.cost(observed, intended) - reference_cost(MODEL, observed, intended)) < 1e-9


@settings(max_examples=200, deadline=None)
@given(_LETTERS, _LETTERS)
def test_cutoff_never_hides_an_affordable_cost(observed, intended):
    full = reference_cost(MODEL, observed, intended)
    capped = MODEL.cost(observed, intended, cutoff=1.0)
    assert capped == full if full <= 1.0 else capped > 1.0


def test_a_consonant_mark_is_lost_more_easily_than_added():
    from azfix.correct.channel.errormodel import ErrorModel

    model = ErrorModel()
    assert model.cost("basar", "başar") < model.cost("başar", "basar")  # observed, intended
    assert model.cost("etməye", "etməyə") == model.cost("etməyə", "etməye")  # vowels: both ways


def test_a_dropped_letter_costs_less_than_a_wrong_or_extra_one():
    from azfix.correct.channel.errormodel import ErrorModel

    model = ErrorModel()
    dropped = model.cost("dstəkləyən", "dəstəkləyən")  # observed, intended
    extra = model.cost("dəastəkləyən", "dəstəkləyən")
    wrong = model.cost("dzstəkləyən", "dəstəkləyən")
    assert dropped < extra and dropped < wrong
