import time

import pytest

from azfix.data.stats import ContextStats


def test_counts_and_capitalisation():
    stats = ContextStats.from_texts(["Biz Bakıda yaşayırıq. Bakıda hava yaxşıdır.", "ən güclü ölkə"])
    assert stats.bigram("biz", "bakıda") == 1 and stats.unigram("bakıda") == 2
    assert stats.capitalised_share("bakıda") == 1.0  # inside a sentence it is written with a capital
    assert stats.capitalised_share("hava") == 0.0 and stats.capitalised_share("biz") is None
    assert stats.bigram("ən", "güclü") == 1 and stats.bigram("güclü", "ən") == 0


def test_save_load_round_trip_is_byte_stable(tmp_path):
    stats = ContextStats.from_texts(["bütün üzv dövlətlər", "Azərbaycan Respublikası"])
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    stats.save(first)
    time.sleep(1.1)
    stats.save(second)
    assert first.read_bytes() == second.read_bytes()
    loaded = ContextStats.load(first)
    assert loaded.bigrams == stats.bigrams and loaded.unigrams == stats.unigrams
    assert loaded.capitalised_share("respublikası") == 1.0


def test_load_rejects_other_files(tmp_path):
    import gzip

    path = tmp_path / "x.gz"
    with gzip.open(path, "wt") as out:
        out.write("not stats\n")
    with pytest.raises(ValueError, match="not an azfix context statistics file"):
        ContextStats.load(path)
