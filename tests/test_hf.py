"""Cleaning Hugging Face datasets: columns, two processes, the cache, splits, streams, and a fingerprint stable across runs."""

import json
import os
import pickle
import subprocess
import sys

import pytest

datasets = pytest.importorskip("datasets")

from datasets.fingerprint import Hasher  # noqa: E402

from azfix import Cleaner, EditKind  # noqa: E402
from azfix.integrations.hf import COUNTS_COLUMN, EDITS_COLUMN, CleanColumn, clean_dataset  # noqa: E402

DAMAGED = "Bu siyaset sayesində Vətən mühabibəsi bitdi."
FIXED = "Bu siyasət sayəsində Vətən müharibəsi bitdi."
CORRECT = "Bakı, 5 dekabr. Prezident İlham Əliyev https://president.az saytında məlumat yerləşdirib.\n"


def test_column_cleaned_with_counts_and_edits():
    # a batch of one row each: the first has no edits, so the columns' types cannot come from it
    dataset = datasets.Dataset.from_dict({"id": [1, 2, 3], "text": [CORRECT, DAMAGED, None]})
    out = clean_dataset(dataset, edit_counts=True, edits=True, batch_size=1, keep_in_memory=True)
    assert out["id"] == [1, 2, 3]
    assert out["text"][0].encode("utf-8") == CORRECT.encode("utf-8")
    assert out["text"][1] == FIXED
    assert out["text"][2] is None
    counts = out[COUNTS_COLUMN]
    assert set(counts[1]) == {kind.value for kind in EditKind}
    assert {kind: n for kind, n in counts[1].items() if n} == {"diacritic": 2, "typo": 1}
    assert not any(counts[0].values()) and not any(counts[2].values())
    edits = out[EDITS_COLUMN][1]
    assert [(e["start"], e["end"], e["original"], e["replacement"], e["kind"]) for e in edits] == [
        (3, 10, "siyaset", "siyasət", "diacritic"), (11, 20, "sayesində", "sayəsində", "diacritic"),
        (27, 37, "mühabibəsi", "müharibəsi", "typo")]
    assert all(0 < e["confidence"] <= 1 for e in edits)
    assert out[EDITS_COLUMN][0] == [] and out[EDITS_COLUMN][2] == []


def test_output_column_keeps_the_input():
    dataset = datasets.Dataset.from_dict({"body": [DAMAGED]})
    out = clean_dataset(dataset, "body", Cleaner(protect={"mühabibəsi"}), output="clean", keep_in_memory=True)
    assert out.column_names == ["body", "clean"]
    assert out["body"] == [DAMAGED]
    assert out["clean"] == ["Bu siyasət sayəsində Vətən mühabibəsi bitdi."]


def test_two_processes_keep_the_order():
    texts = [f"{n}. Bu siyaset" if n % 2 else f"{n}. Vətən mühabibəsi" for n in range(40)]
    out = clean_dataset(datasets.Dataset.from_dict({"text": texts}), num_proc=2, batch_size=8)
    assert out["text"] == [f"{n}. Bu siyasət" if n % 2 else f"{n}. Vətən müharibəsi" for n in range(40)]


def test_second_call_loads_the_cache(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"text": text}, ensure_ascii=False) + "\n" for text in [DAMAGED, CORRECT]),
                      encoding="utf-8")
    dataset = datasets.Dataset.from_json(str(source), cache_dir=str(tmp_path / "cache"))
    cleaner = Cleaner(protect={"Qarabağ", "Şuşa", "Gəncə", "Lənkəran"})
    first = clean_dataset(dataset, cleaner=cleaner, edit_counts=True)
    (cache_file,) = [entry["filename"] for entry in first.cache_files]
    written = os.stat(cache_file).st_mtime_ns
    second = clean_dataset(dataset, cleaner=Cleaner(protect={"Lənkəran", "Gəncə", "Şuşa", "Qarabağ"}), edit_counts=True)
    assert second._fingerprint == first._fingerprint
    assert [entry["filename"] for entry in second.cache_files] == [cache_file]
    assert os.stat(cache_file).st_mtime_ns == written  # read back, not written again
    assert second["text"] == [FIXED, CORRECT]
    other = clean_dataset(dataset, cleaner=Cleaner(correct=False), edit_counts=True)
    assert other._fingerprint != first._fingerprint
    assert other["text"] == [DAMAGED, CORRECT]


def test_dataset_dict_cleans_every_split():
    splits = datasets.DatasetDict({"train": datasets.Dataset.from_dict({"text": [DAMAGED, CORRECT]}),
                                   "test": datasets.Dataset.from_dict({"text": ["Vətən mühabibəsi"]})})
    out = clean_dataset(splits, edit_counts=True, keep_in_memory=True)
    assert isinstance(out, datasets.DatasetDict) and set(out) == {"train", "test"}
    assert out["train"]["text"] == [FIXED, CORRECT]
    assert out["test"]["text"] == ["Vətən müharibəsi"]
    assert out["test"][COUNTS_COLUMN][0]["typo"] == 1


def test_stream_is_cleaned_lazily():
    stream = datasets.Dataset.from_dict({"text": [DAMAGED, CORRECT]}).to_iterable_dataset()
    out = clean_dataset(stream, edits=True)
    rows = list(out)
    assert [row["text"] for row in rows] == [FIXED, CORRECT]
    assert [len(row[EDITS_COLUMN]) for row in rows] == [3, 0]


def test_bad_columns_are_refused():
    dataset = datasets.Dataset.from_dict({"body": [DAMAGED], COUNTS_COLUMN: [1]})
    with pytest.raises(ValueError, match="no column 'text'"):
        clean_dataset(dataset)
    with pytest.raises(ValueError, match="already has a column 'azfix_edits'"):
        clean_dataset(dataset, "body", edit_counts=True)


def test_fingerprint_follows_the_options():
    assert Hasher.hash(CleanColumn(Cleaner())) == Hasher.hash(CleanColumn(Cleaner()))
    assert Hasher.hash(CleanColumn(Cleaner())) != Hasher.hash(CleanColumn(Cleaner(min_confidence=0.9)))
    assert Hasher.hash(CleanColumn(Cleaner())) != Hasher.hash(CleanColumn(Cleaner(), edit_counts=True))
    assert Hasher.hash(CleanColumn(Cleaner())) != Hasher.hash(CleanColumn(Cleaner(), "body"))
    copy = pickle.loads(pickle.dumps(CleanColumn(Cleaner(protect={"Şuşa"}), output="clean", edits=True)))
    assert copy.cleaner.config == Cleaner(protect={"Şuşa"}).config
    assert (copy.column, copy.output, copy.edit_counts, copy.edits) == ("text", "clean", False, True)


def test_fingerprint_follows_the_users_statistics_file(tmp_path):
    stats = tmp_path / "my.stats.tsv"
    stats.write_text("a\n", encoding="utf-8")
    before = Hasher.hash(CleanColumn(Cleaner(stats=stats)))
    stats.write_text("a longer file\n", encoding="utf-8")
    assert Hasher.hash(CleanColumn(Cleaner(stats=stats))) != before


def test_fingerprint_is_the_same_in_every_process():
    # Sets pickle in the order of the process's string hashing (PYTHONHASHSEED):
    # a pickled Cleaner with protected words differs from run to run.
    script = ("from datasets.fingerprint import Hasher; from azfix import Cleaner; "
              "from azfix.integrations.hf import CleanColumn; "
              "print(Hasher.hash(CleanColumn(Cleaner(protect={'Qarabağ', 'Şuşa', 'Gəncə', 'Lənkəran', 'Xankəndi'}))))")
    hashes = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2", "3")}
    assert len(hashes) == 1 and "" not in hashes
