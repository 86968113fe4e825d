"""The datatrove step in a real pipeline: JSONL files read, cleaned on two worker processes, written back."""

import json

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("orjson")  # datatrove's JSONL reader and writer need it

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from azfix import Cleaner  # noqa: E402
from azfix.integrations.datatrove import AzfixFormatter  # noqa: E402

DAMAGED = "Bu siyaset sayesində Vətən mühabibəsi bitdi."
MOJIBAKE = "AzÉ™rbaycan RespublikasÄ±"
CORRECT = "Bakı, 5 dekabr. Prezident İlham Əliyev https://president.az saytında məlumat yerləşdirib.\n"
INPUT = {
    "part-0.jsonl": [{"id": "a", "text": DAMAGED, "source": "news"}, {"id": "b", "text": CORRECT}],
    "part-1.jsonl": [{"id": "c", "text": MOJIBAKE}],
}


@pytest.fixture(scope="module")
def pipeline_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("datatrove")
    (root / "in").mkdir()
    for name, rows in INPUT.items():
        (root / "in" / name).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                                        encoding="utf-8")
    executor = LocalPipelineExecutor(
        [JsonlReader(str(root / "in")), AzfixFormatter(), JsonlWriter(str(root / "out"), compression=None)],
        tasks=2, workers=2, logging_dir=str(root / "logs"))
    executor.run()
    written = {}
    outputs = sorted((root / "out").glob("*.jsonl"))
    assert [path.name for path in outputs] == ["00000.jsonl", "00001.jsonl"]  # one file per task
    for path in outputs:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            written[row["id"]] = row
    stats = json.loads((root / "logs" / "stats.json").read_text(encoding="utf-8"))
    return written, stats


def test_documents_are_cleaned_and_their_edits_counted(pipeline_run):
    written, _ = pipeline_run
    assert set(written) == {"a", "b", "c"}
    assert written["a"]["text"] == "Bu siyasət sayəsində Vətən müharibəsi bitdi."
    assert written["a"]["metadata"]["azfix_edits"] == {"diacritic": 2, "typo": 1}
    assert written["a"]["metadata"]["source"] == "news"  # other metadata kept
    assert written["c"]["text"] == "Azərbaycan Respublikası"
    assert written["c"]["metadata"]["azfix_edits"] == {"mojibake": 2}


def test_correct_document_comes_out_byte_identical(pipeline_run):
    written, _ = pipeline_run
    assert written["b"]["text"].encode("utf-8") == CORRECT.encode("utf-8")
    assert written["b"]["metadata"]["azfix_edits"] == {}


def test_pipeline_statistics(pipeline_run):
    _, stats = pipeline_run
    step = next(entry for entry in stats if entry["name"].endswith("azfix"))["stats"]
    # datatrove saves a counter of ones as a number, others with their mean and spread
    total = {name: value if isinstance(value, int) else value["total"] for name, value in step.items()}
    assert total == {"total": 3, "changed": 2, "unchanged": 1, "edits": 5, "edits_diacritic": 2, "edits_typo": 1,
                     "edits_mojibake": 2}


def test_options_reach_the_cleaner():
    step = AzfixFormatter(correct=False, metadata_key="fixes")
    document = Document(text=DAMAGED + " " + MOJIBAKE, id="x")
    (cleaned,) = step.run(iter([document]))
    # word correction off: only the character stages act
    assert cleaned.text == DAMAGED + " Azərbaycan Respublikası"
    assert cleaned.metadata == {"fixes": {"mojibake": 2}}
    assert AzfixFormatter(Cleaner(protect={"mühabibəsi"})).cleaner.config.protect == frozenset({"mühabibəsi"})


def test_cleaner_and_options_together_are_refused():
    with pytest.raises(TypeError, match="not both"):
        AzfixFormatter(Cleaner(), min_confidence=0.9)
    with pytest.raises(TypeError, match="unknown Cleaner option"):
        AzfixFormatter(min_confidance=0.9)
