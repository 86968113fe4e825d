"""The noise generators of the quality benchmark, the tuning/reporting halves, and the reliability table.

Everything here runs on a short text of our own; only the test of the OCR
model learned from the real pages needs the shared data, and is skipped
without it.
"""

import hashlib
import random
from collections import Counter
from pathlib import Path

import pytest

from azfix.text.alphabet import az_lower, is_title_word
from azfix.text.tokenize import TokenKind, tokenize
from benchmarks import generators as gen
from benchmarks.halves import AUDIT_TEXT, half_of, halves, split_lines
from benchmarks.ocr_confusions import OcrModel, learn_ocr_model, learned_model, letter_confusions
from benchmarks.quality import score_sites
from benchmarks.reliability import reliability

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

PARAGRAPH = (
    "Səhər tezdən Gəncə yolunda yağış başladı, amma sürücülər yavaş getmədilər. "
    "Nənəm bağçada pomidor, xiyar və badımcan əkir; qonşular ona kömək edirlər. "
    "İlham müəllim şagirdlərə təzə dərslik payladı və hər birinə uğur dilədi. "
    "Kitabxanada oxucular üçün iyirmi stol, qırx kreslo və geniş pəncərələr var. "
    "Qışda dağ kəndlərinə gedən yollar qarla örtülür, uşaqlar isə xizək sürür. "
    "Keçən yay Şəkidə keçirilən festivala çoxlu qonaq gəlmişdi."
)
LONG_TEXT = "\n".join(PARAGRAPH for _ in range(40))

# The OCR generator with a small model written by hand (the learned one needs the shared pages).
HAND_MODEL = OcrModel(
    confusions={"ı": (("i",), (5,), 0.2), "ə": (("a",), (3,), 0.1), "m": (("rn",), (1,), 0.05),
                "ş": (("s", ""), (3, 1), 0.1)},
    insertions=(("l",), (1,), 0.01),
    two_share=0.2,
    typical_word=0.3,
)


def hand_ocr_noise(text, rate=0.05, seed=0):
    return gen.add_model_noise(text, rate, seed, HAND_MODEL)


GENERATORS = {"ours": gen.add_noise, "typing": gen.add_typing_noise, "random": gen.add_random_noise,
              "ocr (hand model)": hand_ocr_noise}
KINDS = {
    "typing": set(gen.TYPING_KINDS),
    "random": set(gen.RANDOM_KINDS),
    "ocr (hand model)": {"ocr-sub", "ocr-multi", "ocr-ins", "ocr-del", "ocr-two"},
}


def word_count(text):
    return sum(1 for t in tokenize(text) if t.kind is TokenKind.WORD)


def undo(noisy, sites):
    """The text with every site put back to its gold."""
    out = noisy
    for site in sorted(sites, key=lambda s: s.start, reverse=True):
        out = out[:site.start] + site.gold + out[site.end:]
    return out


@pytest.mark.parametrize("name", GENERATORS)
def test_sites_span_the_damage_exactly_and_putting_gold_back_gives_the_text(name):
    noisy, sites = GENERATORS[name](LONG_TEXT, 0.1, 7)
    assert sites
    assert all(noisy[s.start:s.end] == s.noisy for s in sites)
    assert all(a.end <= b.start for a, b in zip(sites, sites[1:]))
    assert undo(noisy, sites) == LONG_TEXT


@pytest.mark.parametrize("name", GENERATORS)
def test_a_damaged_form_never_equals_its_gold(name):
    for seed in range(3):
        _, sites = GENERATORS[name](LONG_TEXT, 0.2, seed)
        assert all(s.noisy != s.gold for s in sites)


@pytest.mark.parametrize("name", GENERATORS)
def test_the_same_seed_gives_the_same_noise_and_another_seed_other_noise(name):
    run = GENERATORS[name]
    assert run(LONG_TEXT, 0.05, 3) == run(LONG_TEXT, 0.05, 3)
    assert run(LONG_TEXT, 0.05, 3)[0] != run(LONG_TEXT, 0.05, 4)[0]


@pytest.mark.parametrize("name", GENERATORS)
@pytest.mark.parametrize("rate", [0.03, 0.2])
def test_about_rate_of_the_words_are_damaged(name, rate):
    _, sites = GENERATORS[name](LONG_TEXT, rate, 1)
    expected = rate * word_count(LONG_TEXT)
    assert expected / 1.5 < len(sites) < expected * 1.5


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_appears_over_a_longer_text(name):
    _, sites = GENERATORS[name](LONG_TEXT, 0.3, 2)
    assert {s.kind for s in sites} == KINDS[name]


def test_the_keyboard_is_the_azerbaijani_qwerty_layout():
    assert set(gen.KEY_NEIGHBOURS["a"]) == set("qüsz")  # ü sits where w is on an English keyboard
    assert set(gen.KEY_NEIGHBOURS["ş"]) == set("lıç")  # ş is on the period key, beside ç
    assert set(gen.KEY_NEIGHBOURS["ə"]) == set("öğı")
    assert "w" not in gen.KEY_NEIGHBOURS
    assert all(a in gen.KEY_NEIGHBOURS[b] for a, near in gen.KEY_NEIGHBOURS.items() for b in near)


def test_typing_damage_looks_like_each_kind():
    _, sites = gen.add_typing_noise(LONG_TEXT, 0.3, 5)
    by_kind = {}
    for s in sites:
        by_kind.setdefault(s.kind, []).append(s)
    assert all(s.noisy == s.gold.replace(" ", "") and s.gold.count(" ") == 1 for s in by_kind["space-lost"])
    assert all(s.noisy.replace(" ", "") == s.gold and s.noisy.count(" ") == 1 for s in by_kind["space-added"])
    assert all(s.noisy == s.gold.translate(gen.ASCII_TYPED) for s in by_kind["ascii-word"])
    assert all(sum(a != b for a, b in zip(s.noisy, s.gold)) == 1 and len(s.noisy) == len(s.gold)
               for s in by_kind["diacritic"] + by_kind["neighbour"])
    assert all(len(s.noisy) == len(s.gold) - 1 for s in by_kind["drop"])
    assert all(len(s.noisy) == len(s.gold) + 1 for s in by_kind["double"])
    # the first and the last letters are dropped too
    assert any(az_lower(s.noisy) == az_lower(s.gold[1:]) for s in by_kind["drop"])
    assert any(s.noisy == s.gold[:-1] for s in by_kind["drop"])


def test_typing_and_random_damage_keep_a_capitalised_word_capitalised():
    for run in (gen.add_typing_noise, gen.add_random_noise):
        _, sites = run(LONG_TEXT, 0.3, 6)
        hit = [s for s in sites if is_title_word(s.gold) and " " not in s.gold + s.noisy and s.kind != "diacritic"]
        assert len(hit) >= 10
        assert all(is_title_word(s.noisy) for s in hit)


def test_a_capital_is_made_with_turkic_casing():
    assert gen._recase("Ağac", "iağac") == "İağac"
    assert gen._recase("Ağac", "ıağac") == "Iağac"
    assert gen._recase("ağac", "ağaç") == "ağaç"


def test_random_edits_are_one_edit_away_and_skip_short_words():
    _, sites = gen.add_random_noise(LONG_TEXT, 0.3, 8)
    single = [s for s in sites if s.kind != "glued-garbled"]
    assert all(len(s.gold) >= 3 for s in single)
    lengths = {"insert": 1, "delete": -1, "substitute": 0, "transpose": 0}
    assert all(len(s.noisy) - len(s.gold) == lengths[s.kind] for s in single)
    # positions are uniform: the first and the last letters are edited as often as any
    firsts = sum(s.noisy[0] != s.gold[0] for s in single)
    assert firsts > len(single) / 20
    glued = [s for s in sites if s.kind == "glued-garbled"]
    assert glued and all(len(s.noisy) == len(s.gold) - 1 for s in glued)
    assert all(sum(a != b for a, b in zip(s.noisy, s.gold.replace(" ", ""))) == 1 for s in glued)
    assert 0.05 < len(glued) / len(sites) < 0.2


def test_ocr_confusions_are_learned_from_aligned_words():
    assert letter_confusions("kamal", "karnal") == [("m", "rn")]
    assert letter_confusions("ışıq", "isiq") == [("ı", "i"), ("ş", "s"), ("ı", "i")]
    assert letter_confusions("okean", "Okean") == []  # a change of case is no letter confusion
    assert letter_confusions("əhali", "əha1i") == []  # a digit is no letter
    assert letter_confusions("kitab", "kitab.") == []
    model = learn_ocr_model([
        ("Bu gün qış idi, ağac yaşıl.", "Bu gün qis idi, ağac yasıl."),
        ("Alim kamal oxudu.", "Alim karnal oxudu."),
    ])
    assert model.confusions["ş"][:2] == (("s",), (2,))
    assert model.confusions["ş"][2] == pytest.approx(2 / 2)
    assert model.confusions["m"] == (("rn",), (1,), pytest.approx(1 / 2))
    assert model.insertions[2] == 0.0


def test_ocr_damage_draws_only_the_confusions_of_its_model():
    _, sites = hand_ocr_noise(LONG_TEXT, 0.3, 4)
    for s in sites:
        if s.kind == "ocr-sub":
            pairs = {(a, b) for a, b in zip(s.gold, s.noisy) if a != b}
            assert pairs <= {("ı", "i"), ("ə", "a"), ("ş", "s")}
        elif s.kind == "ocr-multi":
            assert any(s.gold[:i] + "rn" + s.gold[i + 1:] == s.noisy for i, c in enumerate(s.gold) if c == "m")
        elif s.kind == "ocr-del":
            assert any(s.gold[:i] + s.gold[i + 1:] == s.noisy for i, c in enumerate(s.gold) if c == "ş")
        elif s.kind == "ocr-ins":
            assert any(s.noisy[:i] + s.noisy[i + 1:] == s.gold for i, c in enumerate(s.noisy) if c == "l")


@pytest.mark.skipif(not (SHARED / "data" / "ocr").is_dir(), reason="needs the shared OCR pages")
def test_the_model_learned_from_the_pages_has_tesseracts_known_confusions():
    model = learned_model(str(SHARED))
    assert model.confusions["j"][2] > 0.5  # Tesseract's Azerbaijani model has no j
    assert "vv" in model.confusions["w"][0]
    assert "i" in model.confusions["ı"][0]
    noisy, sites = gen.add_ocr_noise(LONG_TEXT, 0.1, 1, shared=SHARED)
    assert all(noisy[s.start:s.end] == s.noisy != s.gold for s in sites)
    assert undo(noisy, sites) == LONG_TEXT
    assert Counter(s.kind for s in sites)["ocr-sub"] > len(sites) / 2


def write_texts(folder: Path, news: list[str], wiki: list[str]) -> Path:
    text = folder / "data" / "text"
    text.mkdir(parents=True, exist_ok=True)
    (text / "ntrex_news_dev.txt").write_text("\n\n".join(news) + "\n", encoding="utf-8")
    (text / "wiki_sentences.txt").write_text("\n".join(wiki) + "\n", encoding="utf-8")
    return folder


def test_the_halves_are_disjoint_and_cover_every_line(tmp_path):
    news = PARAGRAPH.split(". ")
    wiki = [f"{n}. cümlə: {w}" for n, w in enumerate(PARAGRAPH.split())]
    split = halves(write_texts(tmp_path, news, wiki))
    tuning, reporting = split["tuning"].split("\n"), split["reporting"].split("\n")
    assert tuning != [""] and reporting != [""]  # both halves hold lines
    assert not set(tuning) & set(reporting)
    assert sorted(tuning + reporting) == sorted(news + wiki)
    line = wiki[0]
    assert (line in reporting) == bool(hashlib.sha1(line.encode("utf-8")).digest()[0] & 1)


def test_adding_lines_moves_no_line_to_the_other_half(tmp_path):
    wiki = [f"{n}. cümlə: {w}" for n, w in enumerate(PARAGRAPH.split())]
    before = halves(write_texts(tmp_path / "a", ["Xəbər bir."], wiki))
    after = halves(write_texts(tmp_path / "b", ["Xəbər bir.", "Xəbər iki."], ["Təzə cümlə."] + wiki))
    for half in ("tuning", "reporting"):
        assert set(before[half].split("\n")) <= set(after[half].split("\n"))
    assert split_lines("bir\n\n\niki") == {h: [x for x in ("bir", "iki") if half_of(x) == h]
                                         for h in ("tuning", "reporting")}


def test_the_audit_text_is_in_neither_half(tmp_path):
    with pytest.raises(ValueError, match="audit"):
        halves(tmp_path, (AUDIT_TEXT,))


def test_reliability_bins_by_confidence_and_measures_the_gap():
    verdicts = [(0.995, True, "typo", False)] * 9 + [(0.995, False, "typo", False)]
    verdicts += [(0.75, True, "diacritic", False), (0.75, False, "diacritic", True)]
    table = reliability(verdicts)
    rows = {(r["low"], r["high"]): r for r in table["bins"]}
    assert rows[(0.99, 1.0)]["edits"] == 10 and rows[(0.99, 1.0)]["right"] == pytest.approx(0.9)
    assert rows[(0.7, 0.8)]["right"] == 0.5 and rows[(0.7, 0.8)]["right_aside"] == 1.0
    assert rows[(0.5, 0.6)]["edits"] == 0
    assert table["ece"] == pytest.approx((10 * 0.095 + 2 * 0.25) / 12)
    assert table["ece_aside"] == pytest.approx((10 * 0.095 + 1 * 0.25) / 11)


def test_score_sites_counts_exact_fixes_and_edits_touching_no_site():
    from azfix.edits import Edit
    from benchmarks.noise import Site

    sites = [Site(0, 4, "kitb", "kitab", "drop"), Site(10, 14, "qlem", "qələm", "diacritic")]
    edits = [Edit(0, 4, "kitb", "kitab", "typo", 0.99), Edit(6, 8, "və", "ve", "typo", 0.9),
             Edit(10, 14, "qlem", "qalem", "typo", 0.8)]
    scores = score_sites(edits, sites)
    assert (scores["corrected"], scores["false_changes"], scores["edits"]) == (1, 1, 3)
    assert scores["recall_by_kind"] == {"diacritic": 0.0, "drop": 1.0}
    assert scores["sites_by_kind"] == {"diacritic": 1, "drop": 1}
