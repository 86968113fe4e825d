"""The Hunspell export: az_AZ.aff/.dic written from the shipped dictionaries and checked by real Hunspell (chunspell)."""

import random
import re
from pathlib import Path

import pytest

import azfix
from azfix.cli import main
from azfix.data.format import dictionaries_path, read_data_lines
from azfix.export.hunspell import COPYLEFT_ONLY, NEEDAFFIX
from azfix.export.spelling_hints import map_groups, try_letters
from azfix.export.suffixes import compile_suffixes
from azfix.text.alphabet import LOWERCASE_LETTERS, UPPERCASE_LETTERS

hunspell = pytest.importorskip("hunspell")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """One export for the module, through the command line."""
    out = tmp_path_factory.mktemp("hunspell") / "az"
    assert main(["export-hunspell", "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def checker(exported):
    return hunspell.Hunspell("az_AZ", hunspell_data_dir=str(exported))


@pytest.fixture(scope="module")
def aff_lines(exported) -> list[str]:
    return (exported / "az_AZ.aff").read_text(encoding="utf-8").splitlines()


# Words of three suffixes or more, alternations among them (softening, voicing, buffer letters).
CHAINS = ["kitablarımızdan", "gəlməyəcəklər", "oxuyurdular", "yazacağımızı", "çörəyimizdəndir",
          "gedəcəksinizmi", "ağzımızdakı", "getdiyimizdən", "oxuduğumuzdur", "müəllimlərimizə"]


@pytest.mark.parametrize("word", CHAINS)
def test_inflected_forms_of_three_suffixes_are_accepted(checker, word):
    analyses = azfix.analyze(word)
    assert analyses and min(len(a.suffixes) for a in analyses) >= 3, analyses  # the premise: no reading is shorter
    assert checker.spell(word)


@pytest.mark.parametrize("word", [
    "kitablərımızdan",   # broken harmony
    "gəlməyəcəklar",     # likewise, in the last suffix
    "çörəki",            # çörək softens before a vowel
    "çörəy",             # ... and its softened stem is no word alone
    "yazacağ",           # a softened suffix with nothing after it
    "getir",             # get voices before a vowel: gedir
    "kitablarıṅ",
    "siyasətlərimizdna",
])
def test_misspellings_are_rejected(checker, word):
    assert not azfix.is_known(word)
    assert not checker.spell(word)


def test_the_dictionary_agrees_with_azfix_on_shipped_words(checker):
    """Every attested form is accepted; one-letter slips that azfix rejects are rejected."""
    forms = [line.split("\t")[0] for line in read_data_lines(dictionaries_path() / "forms.tsv")]
    rng = random.Random(3)
    sample = rng.sample([f for f in forms if f.isalpha()], 400)
    assert [f for f in sample if not checker.spell(f)] == []
    slips = set()
    while len(slips) < 400:
        word = rng.choice(sample)
        i = rng.randrange(len(word))
        slip = word[:i] + rng.choice(LOWERCASE_LETTERS) + word[i + 1:]
        if not azfix.is_known(slip):
            slips.add(slip)
    assert sorted(s for s in slips if checker.spell(s)) == []


def test_a_word_of_five_suffixes_is_beyond_the_default_export(checker):
    assert [len(a.suffixes) for a in azfix.analyze("evlərimizdəkilər")][:1] == [5]
    assert not checker.spell("evlərimizdəkilər")


@pytest.mark.parametrize("word, accepted", [
    ("İSTİFADƏ", True), ("İstifadə", True), ("ISTIFADƏ", False), ("İLK", True), ("ILK", False),
    ("Ilk", False), ("QIZLAR", True), ("QİZLAR", False), ("İŞIQLANDIRILMASININ", True), ("KİTABLARIMIZDAN", True),
])
def test_turkic_casing(checker, word, accepted):
    assert checker.spell(word) is accepted


def test_header_names_the_language_encoding_and_licence(aff_lines):
    assert "SET UTF-8" in aff_lines and "LANG az_AZ" in aff_lines and "FLAG num" in aff_lines
    assert any("MPL-2.0" in line for line in aff_lines if line.startswith("#"))


def test_try_line_holds_the_alphabet_once_in_each_case(aff_lines):
    (line,) = [line for line in aff_lines if line.startswith("TRY ")]
    letters = line.split()[1]
    lower, upper = letters[:32], letters[32:64]
    assert sorted(lower) == sorted(LOWERCASE_LETTERS) and sorted(upper) == sorted(UPPERCASE_LETTERS)
    assert upper == "".join(UPPERCASE_LETTERS[LOWERCASE_LETTERS.index(c)] for c in lower)


def test_rep_table_is_well_formed_and_holds_the_diacritic_pairs(aff_lines):
    (count,) = [int(line.split()[1]) for line in aff_lines if re.fullmatch(r"REP \d+", line)]
    pairs = [tuple(line.split()[1:]) for line in aff_lines if line.startswith("REP ") and len(line.split()) == 3]
    assert len(pairs) == count > 10 and len(set(pairs)) == count
    assert all(len(a) == 1 and len(b) == 1 and b in LOWERCASE_LETTERS for a, b in pairs)
    assert {("e", "ə"), ("ə", "e"), ("i", "ı"), ("s", "ş"), ("c", "ç"), ("g", "ğ")} <= set(pairs)
    assert not {("l", "j"), ("h", "n")} & set(pairs)  # learnt from OCR of CC BY-SA text: left out (SOURCES.md)


def test_suggestions_use_the_hints(checker):
    assert checker.suggest("siyaset")[0] == "siyasət"


def test_stems_only_the_copyleft_source_attests_are_left_out(exported, aff_lines):
    aliases = [line.split()[1].split(",") for line in aff_lines if line.startswith("AF ")][1:]
    entries = {}
    for line in (exported / "az_AZ.dic").read_text(encoding="utf-8").splitlines()[1:]:
        word, _, alias = line.partition("/")
        entries[word] = aliases[int(alias) - 1] if alias else []
    forms = {line.split("\t")[0] for line in read_data_lines(dictionaries_path() / "forms.tsv")}
    rows = [line.split("\t") for line in read_data_lines(dictionaries_path() / "stems.tsv")]
    copyleft = {row[0] for row in rows if row[-1] == COPYLEFT_ONLY} - forms - set(LOWERCASE_LETTERS)
    assert len(copyleft) > 1000
    # present only as another stem's alternation (balağ of balaq), which is no word alone
    assert all(str(NEEDAFFIX) in entries[stem] for stem in copyleft & set(entries))
    assert {row[0] for row in rows if row[-1] != COPYLEFT_ONLY} <= set(entries)


def test_try_letters_orders_by_count_in_the_forms():
    order = try_letters({"əə": 10, "ab": 3, "b": 1})
    assert order.startswith("əba") and order.endswith("-") and len(order) == 65


def test_map_groups_join_letters_sharing_a_diacritic_pair():
    assert "ıiuü" in map_groups() and "eə" in map_groups()


def test_chains_stop_at_the_bounds_and_softened_suffixes_need_a_continuation():
    tables = compile_suffixes([("V", 1, False, "")], inner=1, outer=1)
    inner = tables.inner[("V", 1, False, "")]
    assert inner["acaq"].complete and not inner["acağ"].complete and inner["acağ"].continuations
    assert all(len(inner[chain].continuations) or inner[chain].complete for chain in inner)
    after = tables.outer[inner["acağ"].continuations[0]]
    assert "ıq" in after and all(chain[0] in "aıoueəiöü" for chain in after)


@pytest.mark.parametrize("argv", [
    ["export-hunspell", "-o", "{file}"],
    ["export-hunspell", "-o", "{missing}/inside"],
    ["export-hunspell", "-o", "{folder}", "--inner", "0"],
    ["export-hunspell", "-o", "{folder}", "--outer", "4"],
])
def test_cli_refuses_bad_arguments(tmp_path, capsys, argv):
    (tmp_path / "file").write_text("x")
    places = {"file": tmp_path / "file", "missing": tmp_path / "missing", "folder": tmp_path}
    assert main([arg.format(**places) for arg in argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("azfix: error: ") and err.count("\n") == 1
    assert (tmp_path / "file").read_text() == "x" and not (tmp_path / "az_AZ.dic").exists()


def test_cli_without_output_is_a_usage_error():
    with pytest.raises(SystemExit) as exit_info:
        main(["export-hunspell"])
    assert exit_info.value.code == 2


def test_benchmark_misspellings_are_one_edit_non_words_and_seeded():
    from benchmarks.hunspell_export import EDIT_KINDS, misspellings, one_edit

    rng = random.Random(1)
    word = "şəhərlərdə"
    made = {kind: one_edit(word, kind, rng) for kind in EDIT_KINDS}
    assert len(made["deletion"]) == len(word) - 1 and len(made["insertion"]) == len(word) + 1
    assert sorted(made["transposition"]) == sorted(word) and made["transposition"] != word
    assert sum(a != b for a, b in zip(made["substitution"], word)) == 1
    assert sum(a != b for a, b in zip(made["diacritic"], word)) == 1 and set(made["diacritic"]) - set(word) <= set("esgc")
    words = ["kitablar", "şəhərdə", "gəlirəm"]
    first = misspellings(words, azfix.is_known, per_kind=5, seed=2)
    assert first == misspellings(words, azfix.is_known, per_kind=5, seed=2)
    assert all(len(v) == 5 and not any(map(azfix.is_known, v)) for v in first.values())
