"""The compact key → words tables behind the candidate index."""

import io

from azfix.correct.candidates.index import _MAGIC, CandidateIndex
from azfix.data.keytable import KeyTable
from azfix.data.lexicon import default_lexicon, dictionaries_path


def test_lookup_keeps_the_order_words_were_given():
    words = ["siyasət", "siyaset", "kitab", "kitabı"]
    table = KeyTable.build([("siyaset", 0), ("ktb", 2), ("siyaset", 1), ("ktb", 3), ("ktb", 2)], words)
    assert table.get("siyaset") == ("siyasət", "siyaset")
    assert table.get("ktb") == ("kitab", "kitabı", "kitab")
    assert table.get("siyase") == () and table.get("") == ()
    assert len(table) == 2


def test_collect_gathers_the_words_of_many_keys():
    words = ["kitab", "kitabı", "bazar"]
    table = KeyTable.build([("ktb", 0), ("ktb", 1), ("bzr", 2)], words)
    found = {"əvvəl"}
    table.collect(["ktb", "xyz", "bzr", ""], found)
    assert found == {"əvvəl", "kitab", "kitabı", "bazar"}


def test_many_keys_and_non_ascii_keys():
    words = [f"w{i}" for i in range(5000)]
    pairs = [(f"k{i}ə", i) for i in range(5000)]
    table = KeyTable.build(pairs, words)
    assert all(table.get(f"k{i}ə") == (f"w{i}",) for i in range(0, 5000, 7))
    assert table.get("k5000ə") == () and table.get("k1e") == ()


def test_empty_table():
    table = KeyTable.build([], [])
    assert table.get("x") == () and len(table) == 0


def test_write_read_round_trip():
    words = ["bir", "iki", "üç"]
    first = KeyTable.build([("bir", 0), ("iki", 1), ("uc", 2)], words)
    second = KeyTable.build([("b", 0)], words)
    out = io.BytesIO()
    first.write(out)
    second.write(out)
    data = memoryview(out.getvalue())
    read_first, offset = KeyTable.read(data, 0, words)
    read_second, end = KeyTable.read(data, offset, words)
    assert end == len(data)
    assert read_first.get("uc") == ("üç",) and read_first.get("iki") == ("iki",)
    assert read_second.get("b") == ("bir",) and read_second.get("bir") == ()


def test_shipped_index_file_belongs_to_the_shipped_lexicon():
    from azfix.data.packed import unpacked

    shipped = unpacked(dictionaries_path() / "candidates.bin.gz")
    index = CandidateIndex(default_lexicon(), prebuilt=shipped)
    data = shipped.read_bytes()
    forms, stems = index._word_lists()
    assert data.startswith(_MAGIC + index._source_line() + index._lists_line(forms, stems))
    assert "siyasət" in index.forms_with_skeleton("siyaset")


def test_a_saved_index_is_read_back_and_a_foreign_one_is_ignored(tmp_path, monkeypatch):
    import azfix.correct.candidates.index
    from azfix.data.lexicon import Lexicon
    from azfix.morphology.analyzer import StemEntry

    stems = {"kitab": StemEntry(("noun",), 1, ""), "siyasət": StemEntry(("noun",), 2, "")}
    lexicon = Lexicon(stems, {"kitab": 40, "kitabı": 20, "siyasət": 90}, (), {"kitab": 60, "siyasət": 90})
    built = CandidateIndex(lexicon)
    path = tmp_path / "candidates.bin"
    built.save(path)

    def no_building(*args, **kwargs):
        raise AssertionError("built instead of read")

    with monkeypatch.context() as patch:
        patch.setattr(azfix.correct.candidates.index, "_index", no_building)
        read = CandidateIndex(lexicon, prebuilt=path)
        assert read.forms_with_skeleton("kitabi") == built.forms_with_skeleton("kitabi") == ("kitabı",)
        assert read.stems_near("siyaset") == built.stems_near("siyaset") == {"siyasət"}
    # a file made from other words is not used: the index is built instead
    other = Lexicon(stems, {"kitab": 40}, (), {"kitab": 60})
    assert CandidateIndex(other, prebuilt=path).forms_with_skeleton("kitabi") == ()
