"""Stages compose in order: each reads the previous stage's output, and every span indexes the input."""

import azfix
from azfix.edits import Edit, apply_edits
from azfix.stages.base import run_stages
from azfix.stages.mojibake import Mojibake
from azfix.stages.normalize import Normalize


class Upper:
    """A stage of our own: capitalises the first letter of the text it is given."""

    name = "upper"

    def edits(self, text):
        return [Edit(0, 1, text[0], text[0].upper(), "test", 1.0)] if text[:1].islower() else []


def test_three_kinds_of_stage_in_one_text():
    text = "AzÉ™rbaycan respub-\nlikasının siyasәti"
    result = azfix.Cleaner().correct(text)
    assert result.text == "Azərbaycan respublikasının siyasəti"
    assert [(e.original, e.replacement, e.kind) for e in result.edits] == [
        ("É™", "ə", "mojibake"), ("-\n", "", "dehyphenate"), ("ә", "ə", "homoglyph")]
    assert apply_edits(text, result.edits) == result.text


def test_a_later_stage_reads_the_earlier_output_and_spans_stay_on_the_input():
    text = "әliyev"  # the schwa repair comes first; the next stage sees "əliyev"
    cleaned, edits = run_stages(text, [Normalize(), Upper()])
    assert cleaned == "Əliyev"
    assert [(e.start, e.end, e.original, e.replacement) for e in edits] == [(0, 1, "ә", "Ə")]


def test_a_stage_that_finds_nothing_leaves_the_text_as_it_is():
    text = "Bu mətn düzgündür."
    assert run_stages(text, [Mojibake(), Normalize()]) == (text, [])


def test_every_stage_can_be_switched_off():
    assert [s.name for s in azfix.Cleaner().stages()] == ["mojibake", "normalize", "layout", "correct"]
    assert [s.name for s in azfix.Cleaner(layout=False, mojibake=False).stages()] == ["normalize", "correct"]
