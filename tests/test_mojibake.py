"""The mojibake stage: UTF-8 text decoded with the wrong code page."""

from hypothesis import given, strategies as st

from azfix import Cleaner
from azfix.edits import apply_edits
from azfix.stages.mojibake import mojibake_edits

GOOD = "Azərbaycan Respublikasının paytaxtı Bakı şəhəri çox gözəldir. İlham Əliyev, Şuşa, ağac, ölkə, üzüm."


def as_windows_1252(text: str) -> str:
    """What a browser shows for UTF-8 bytes read as Windows-1252 (undefined bytes as C1 controls)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def test_windows_1252_mojibake_is_repaired():
    bad = as_windows_1252(GOOD)
    assert bad != GOOD and "É™" in bad
    assert apply_edits(bad, mojibake_edits(bad)) == GOOD


def test_latin_1_mojibake_is_repaired():
    bad = GOOD.encode("utf-8").decode("latin-1")
    assert apply_edits(bad, mojibake_edits(bad)) == GOOD


def test_mojibake_beside_correct_letters_is_repaired_alone():
    bad = "AzÉ™rbaycan Respublikası"  # ı was decoded right, ə was not
    edits = mojibake_edits(bad)
    assert [(e.original, e.replacement, e.kind) for e in edits] == [("É™", "ə", "mojibake")]


def test_cleaner_reports_mojibake_with_input_spans():
    bad = "Bu " + as_windows_1252("şəhər") + " böyükdür."
    result = Cleaner().correct(bad)
    assert result.text == "Bu şəhər böyükdür."
    assert "mojibake" in {e.kind for e in result.edits}
    assert apply_edits(bad, result.edits) == result.text
    assert Cleaner(mojibake=False, correct=False).clean(bad) == bad


@given(st.text(alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ .,;:!?-\"'«»“”—\n0123456789"))
def test_correct_azerbaijani_text_is_never_touched(text):
    assert mojibake_edits(text) == []
