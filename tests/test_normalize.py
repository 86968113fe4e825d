import json
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
