"""The OCR page benchmark: typesetting, the page plan's split, the stored pages, the error classes and the learned confusions.

Nothing here runs Tesseract or draws a page; the stored pages are read as
text, and the plan is made from a short text of our own.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from benchmarks.ocr_breakdown import error_breakdown, error_examples, never_output
from benchmarks.ocr_eval import reviewed_gold
from benchmarks.ocr_multiletter import learn_confusions, paired_tokens, word_confusions
from benchmarks.ocr_pages import FONTS_BY_HALF, PAGES, plan_pages, sentence_streams, stored_pages
from benchmarks.ocr_typeset import JOIN_HYPHEN, JOIN_NONE, break_options, break_paragraph, hard_wrap, syllable_breaks, unbreak

PARAGRAPH = ("Azərbaycan Respublikasının paytaxtı Bakı şəhəridir. Makemo atollundan 20 km cənub-qərbdə, "
             "Tepotodan isə şimalda yerləşir. Qışda dağ kəndlərinə gedən yollar qarla örtülür. "
             "«Kitabxanada» oxucular üçün iyirmi stol, qırx kreslo və geniş pəncərələr var.")


# -- typesetting --------------------------------------------------------------------------------

@pytest.mark.parametrize("word, pieces", [
    ("Respublikasının", "Res-pub-li-ka-sı-nın"), ("ekspedisiyası", "eks-pe-di-si-ya-sı"),
    ("ölkə", "öl-kə"), ("Group", "Gro-up"), ("yerləşir.", "yer-lə-şir."), ("(Fransa", "(Fran-sa"),
    ("ağ", "ağ"), ("2015ci", "2015ci"), ("İstanbul'da", "İstanbul'da"),
])
def test_words_break_at_azerbaijani_syllables_never_leaving_one_letter(word, pieces):
    cuts = syllable_breaks(word)
    assert "-".join(word[a:b] for a, b in zip([0] + cuts, cuts + [len(word)])) == pieces


@pytest.mark.parametrize("width", [9, 14, 22, 40, 200])
@pytest.mark.parametrize("hyphenate", [True, False])
def test_broken_lines_read_back_as_the_paragraph_and_fit_the_column(width, hyphenate):
    lines = break_paragraph(PARAGRAPH, width, len, hyphenate, indent=2)
    assert unbreak(lines) == PARAGRAPH
    assert [line.last_of_paragraph for line in lines] == [False] * (len(lines) - 1) + [True]
    for k, line in enumerate(lines):
        room = width - (2 if k == 0 else 0)
        assert len(line.text) <= room or " " not in line.text  # only a lone word too wide overflows
    hyphenated = [line for line in lines if line.join == JOIN_HYPHEN]
    assert all(line.text.endswith("-") for line in hyphenated)
    assert bool(hyphenated) == (hyphenate and width < 200)


def test_a_compound_may_break_after_its_own_hyphen_which_the_gold_keeps():
    assert break_options("cənub-qərbdə,", hyphenate=False) == [(6, JOIN_NONE)]
    assert break_options("cənub-qərbdə,", hyphenate=True) == [(2, JOIN_HYPHEN), (6, JOIN_NONE), (10, JOIN_HYPHEN)]
    lines = break_paragraph("Makemo atollundan cənub-qərbdə, Tepotodan", 25, len)
    assert [line.text for line in lines] == ["Makemo atollundan cənub-", "qərbdə, Tepotodan"]
    assert lines[0].join == JOIN_NONE and unbreak(lines) == "Makemo atollundan cənub-qərbdə, Tepotodan"


def test_hard_wrap_breaks_at_spaces_by_characters():
    lines = hard_wrap(PARAGRAPH, 30)
    assert unbreak(lines) == PARAGRAPH
    assert all(len(line.text) <= 30 for line in lines) and len(lines) > 5
    assert not any(line.text.endswith("-") and line.join == JOIN_HYPHEN for line in lines)


# -- the plan and its split ---------------------------------------------------------------------

def write_texts(folder: Path) -> Path:
    sentences = [f"Cümlə {n}: {word.strip('.,')} haqqında xəbər." for n, word in enumerate(PARAGRAPH.split() * 40)]
    text = folder / "data" / "text"
    text.mkdir(parents=True)
    news = [" ".join(sentences[k:k + 5]) for k in range(0, 800, 5)]
    (text / "ntrex_news_dev.txt").write_text("\n\n".join(news) + "\n", encoding="utf-8")
    (text / "wiki_sentences.txt").write_text("\n".join(sentences[800:] + ["Кириллица здесь."]) + "\n",
                                             encoding="utf-8")
    return folder


def test_no_font_and_no_sentence_is_in_both_halves_of_the_plan(tmp_path):
    streams = sentence_streams(write_texts(tmp_path))
    assert not any("Кириллица" in s for half in streams.values() for stream in half.values() for s in stream)
    plans = plan_pages(streams, seed=3, images_per_half=6)
    by_half = {half: [p for p in plans if p.half == half] for half in FONTS_BY_HALF}
    assert all(len(found) == 6 for found in by_half.values())
    fonts = {half: {p.font for p in found} for half, found in by_half.items()}
    assert not fonts["tuning"] & fonts["reporting"]
    assert all(fonts[half] <= set(FONTS_BY_HALF[half]) for half in fonts)
    used = {half: Counter(s for p in found for para in p.paragraphs for s in para.split(". Cümlə"))
            for half, found in by_half.items()}
    assert not set(used["tuning"]) & set(used["reporting"])
    for half, found in by_half.items():
        own = " ".join(s for stream in streams[half].values() for s in stream)
        assert all(s in own for s in used[half])
        assert max(used[half].values()) == 1  # no sentence on two pages
    assert {p.level for p in plans} == {"mild", "medium", "harsh"}
    assert plan_pages(streams, seed=3, images_per_half=6) == plans
    assert plan_pages(streams, seed=4, images_per_half=6) != plans


@pytest.mark.skipif(not (PAGES / "manifest.json").is_file(), reason="no stored OCR pages")
def test_the_stored_pages_keep_fonts_and_text_apart_and_cover_every_cell():
    manifest = json.loads((PAGES / "manifest.json").read_text(encoding="utf-8"))
    pages = stored_pages()
    assert len(pages) >= 100 and len({p["name"] for p in pages}) == len(pages)
    fonts = {half: {p["font"] for p in pages if p["half"] == half} for half in ("tuning", "reporting")}
    assert not fonts["tuning"] & fonts["reporting"]
    assert fonts == {half: set(names) for half, names in manifest["fonts"].items()}
    paragraphs = {half: {para for p in pages if p["half"] == half for para in p["gold"].split("\n\n")}
                  for half in fonts}
    assert not paragraphs["tuning"] & paragraphs["reporting"]
    cells = Counter((p["half"], p["level"], p["psm"]) for p in pages)
    assert len(cells) == 2 * 3 * 2 and min(cells.values()) >= 8
    assert all(p["gold"].endswith("\n") and "\n\n\n" not in p["gold"] and p["ocr"].strip() for p in pages)


# -- the error classes --------------------------------------------------------------------------

@pytest.mark.parametrize("ocr, gold, expected", [
    ("Bu gün.: kitab", "Bu gün. kitab", {"stray mark glued": 1}),
    ("Bu gün , kitab", "Bu gün kitab", {"stray mark token": 2}),
    ("kitab.qələm", "kitab qələm", {"space read as mark": 1}),
    ("Respub- likası", "Respublikası", {"hyphen or space": 2}),
    ("Nevv York", "New York", {"w read as vv": 2}),
    ("enerii", "enerji", {"j never output": 1}),
    ("5 96 artdı", "5 % artdı", {"never output": 2}),
    ("bitdi: Sonra", "bitdi. Sonra", {"stop read as : or ,": 1}),
    ("bitdi: sonra", "bitdi. sonra", {"mark misread": 1}),
    ("77 bildirib", "bildirib", {"digit speck": 3}),
    ("qis gün", "qış gün", {"letter error": 2}),
    ("Bu. Son.", "Bu gün yağış yağdı və yollar bağlandı. Son.", {"lost line": 35}),
])
def test_each_error_goes_to_its_class(ocr, gold, expected):
    assert dict(error_breakdown(ocr, gold, frozenset("%"))) == expected


def test_the_classes_share_out_the_whole_edit_distance():
    ocr = "İslahatlar ilə bağlı qanun layihə-\nsinə: məclisin .iş “prinispi 96 ilə\nbağlı dəyişiklik"
    gold = "İslahatlar ilə bağlı qanun layihəsinə məclisin iş prinispi % ilə bağlı dəyişikliklər"
    counts = error_breakdown(ocr, gold, never_output([(ocr, gold)] * 3))
    assert sum(counts.values()) == Levenshtein.distance(" ".join(ocr.split()), gold)
    assert counts["never output"] == 2 and counts["stray mark glued"] == 3


def test_examples_show_the_ocr_the_output_and_the_gold_around_each_error_left():
    ocr, gold = "Bu gün , heç vvaxt keçdi”", "Bu gün heç waxt keçdi"
    output = ocr.replace(" ,", "")
    found = error_examples(ocr, ocr, gold, frozenset(), width=4)
    assert [kind for kind, *_ in found] == ["stray mark token", "w read as vv", "stray mark glued"]
    assert "heç vvaxt" in found[1][1] and "heç vvaxt" in found[1][2] and found[1][3] == "heç waxt "
    assert found[2][1:] == ("eçdi”", "eçdi”", "eçdi")
    after = error_examples(ocr, output, gold, frozenset())
    assert [kind for kind, *_ in after] == ["w read as vv", "stray mark glued"]  # the token was removed
    assert " , " in after[0][1] and " , " not in after[0][2]


def test_the_reviewed_gold_spells_the_source_misspellings_right():
    gold = "Qanun layihəsinə məclisin iş prinispi ilə bağlı. Başqa prinispi də."
    assert reviewed_gold(gold) == "Qanun layihəsinə məclisin iş prinsipi ilə bağlı. Başqa prinispi də."


# -- the learned confusions ---------------------------------------------------------------------

def test_confusions_merge_adjacent_changes_into_multi_letter_ones():
    assert word_confusions("kamal", "karnal") == [("m", "rn")]
    assert word_confusions("İstanbul'da", "İstanbulda") == [("'", "")]
    assert word_confusions("enerji", "ener)i") == [("j", ")")]
    assert word_confusions("cənub-qərbdə", "cənubqərbdə") == []  # a line end undone, not a confusion
    assert word_confusions("qış", "qış:") == []  # an insertion is a stray mark, not a confusion
    assert word_confusions("bərabərlik", "bərabəriiyyik") == []  # longer than three on a side


def test_confusions_are_counted_against_how_often_the_gold_string_was_read():
    gold = "Bu waxt New York şəhərində 5% artım var, kamal və kamal."
    ocr = "Bu vvaxt Nevv York\nşəhərində 596 artım var, karnal və karnal."
    assert ("şəhərində", "şəhərində") in list(paired_tokens(gold, ocr))
    rows = {(g, o): (n, times, p) for g, o, n, times, p in learn_confusions([(gold, ocr)] * 2)}
    assert rows[("w", "vv")] == (4, 4, 1.0)
    assert rows[("m", "rn")] == (4, 6, pytest.approx(4 / 6))  # the 'm' of 'artım' was read right
    assert rows[("%", "96")] == (2, 2, 1.0)
    assert ("ş", "ş") not in rows
