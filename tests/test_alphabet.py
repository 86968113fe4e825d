import pytest
from hypothesis import given, strategies as st

from azfix.text.alphabet import (
    ascii_fold, az_lower, az_upper, harmony_class, is_title_word, transfer_case,
)


@pytest.mark.parametrize(
    "text, lower",
    [("İLHAM", "ilham"), ("ISI", "ısı"), ("Azərbaycan", "azərbaycan"), ("ŞƏHƏR", "şəhər"),
     ("ÇÖRƏK", "çörək"), ("ĞÜ", "ğü"), ("ß", "ß")],
)
def test_az_lower(text, lower):
    assert az_lower(text) == lower


@pytest.mark.parametrize(
    "text, upper",
    [("ilk", "İLK"), ("ışıq", "IŞIQ"), ("siyasət", "SİYASƏT"), ("ağac", "AĞAC"), ("straße", "STRAßE")],
)
def test_az_upper(text, upper):
    assert az_upper(text) == upper


def test_ascii_fold_maps_every_azerbaijani_letter():
    assert ascii_fold("əıöüşçğ ƏİÖÜŞÇĞ") == "eiouscg EIOUSCG"


@pytest.mark.parametrize(
    "source, target, expected",
    [("SIYASET", "siyasət", "SİYASƏT"), ("Siyaset", "siyasət", "Siyasət"),
     ("siyaset", "siyasət", "siyasət"), ("Iclas", "iclas", "İclas"), ("iPhone", "iphone", "iPhone")],
)
def test_transfer_case(source, target, expected):
    assert transfer_case(source, target) == expected


@pytest.mark.parametrize("word, cls", [("kitab", 1), ("ev", 2), ("qol", 3), ("gül", 4), ("bmt", None)])
def test_harmony_class(word, cls):
    assert harmony_class(word) == cls


def test_is_title_word():
    assert is_title_word("Bakı") and not is_title_word("BMT") and not is_title_word("bakı")


@given(st.text())
def test_case_mapping_keeps_length(text):
    assert len(az_lower(text)) == len(text)
    assert len(az_upper(text)) == len(text)
    assert len(ascii_fold(text)) == len(text)
