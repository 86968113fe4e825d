import io

import pytest

from azfix import Cleaner
from azfix.parallel.batch import Summary, chunks_of, clean_chunks, clean_jsonl, find_files


def test_chunks_cut_at_blank_lines_and_cover_the_text():
    text = "".join(f"Abzas {n} burada.\nİkinci sətir.\n\n" for n in range(200))
    chunks = list(chunks_of(io.StringIO(text), size=500))
    assert "".join(chunks) == text and len(chunks) > 5
    assert all(chunk.endswith("\n\n") for chunk in chunks[:-1])


def test_chunks_without_blank_lines_are_still_bounded():
    text = "söz\n" * 10_000
    chunks = list(chunks_of(io.StringIO(text), size=100))
    assert "".join(chunks) == text and max(len(c) for c in chunks) <= 16 * 100 + 4


def test_clean_chunks_keeps_order_and_paragraph_breaks():
    chunks = [f"{n} siyaset\n\n" for n in range(50)]
    texts = [r.text for r in clean_chunks(chunks, Cleaner(), jobs=2)]
    assert texts == [f"{n} siyasət\n\n" for n in range(49)] + ["49 siyasət\n"]


def test_jsonl_records_are_whole_documents():
    lines = ['{"t": "Bu siyaset\\n\\n", "k": 1}\n']
    summary = Summary()
    (out,) = clean_jsonl(lines, "t", Cleaner(), jobs=1, summary=summary)
    assert out == '{"t": "Bu siyasət\\n", "k": 1}\n'
    assert summary.documents == 1 and summary.edits["diacritic"] == 1


def test_find_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / "y.md").write_text("y")
    assert find_files([str(tmp_path)]) == [tmp_path / "a" / "x.txt"]
    assert find_files([str(tmp_path)], "*.md") == [tmp_path / "a" / "y.md"]


def test_type_cache_shares_what_it_computed_once():
    from azfix.correct.memo import TypeCache

    calls = []

    def work(word):
        calls.append(word)
        return word.upper()

    mine, theirs = TypeCache(work, maxsize=2), TypeCache(work, maxsize=2)
    mine.recording = True
    assert mine("a") == "A" and mine("a") == "A" and calls == ["a"]
    theirs.learn(mine.share())
    assert theirs("a") == "A" and calls == ["a"]  # learnt, not recomputed
    assert mine.share() == []  # shared once
    mine("b"), mine("c")
    assert list(mine.data) == [("b",), ("c",)]  # bounded: the oldest went


def test_a_corrector_takes_what_another_worked_out():
    text = "Bu siyaset sayesində mümkün oldu, təşəbbüslerinə baxmayaraq, Vətən mühabibəsi bitdi."
    first, second = Cleaner(), Cleaner()
    mine, theirs = first.corrector(), second.corrector()
    mine.start_sharing()
    theirs.start_sharing()
    expected = first.correct(text)
    shared = mine.share()
    assert {"nonword", "swaps", "known", "kept"} <= {name for name, _, _ in shared}
    assert mine.share() == []  # shared once
    theirs.learn(shared)
    assert second.correct(text) == expected
    # nothing had to be worked out again
    assert theirs.share() == []


def test_two_workers_clean_exactly_like_one():
    text = "".join(f"Bu siyaset {n} sayesində mümkün oldu, təşəbbüslerinə baxmayaraq.\n\n" for n in range(40))
    chunks = list(chunks_of(io.StringIO(text), size=200))
    one = "".join(r.text for r in clean_chunks(chunks, Cleaner(), jobs=1))
    two = "".join(r.text for r in clean_chunks(chunks, Cleaner(), jobs=2))
    assert one == two and "siyasət" in two and "təşəbbüslərinə" in two


def test_a_failing_chunk_fails_the_batch_instead_of_hanging():
    texts = ["Bu siyaset.\n"] * 5 + [None] + ["Bu siyaset.\n"] * 5
    with pytest.raises(TypeError):
        list(clean_chunks(texts, Cleaner(), jobs=2, documents=True))


def _grandchildren() -> list[int]:
    """Processes whose parent is a child of this one (the pool's workers, under the fork server)."""
    import os
    from pathlib import Path

    def parent_of(pid: str) -> int | None:
        try:
            return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            return None

    pids = [p.name for p in Path("/proc").iterdir() if p.name.isdigit()]
    children = {int(p) for p in pids if parent_of(p) == os.getpid()}
    return [int(p) for p in pids if parent_of(p) in children]


def test_a_worker_whose_set_up_fails_ends_the_run_at_once(tmp_path):
    import time

    import pytest

    from azfix import Cleaner
    from azfix.parallel.batch import WorkerError, clean_chunks

    cleaner = Cleaner(stats=str(tmp_path / "missing.tsv.gz"))  # read only in the workers
    started = time.monotonic()
    with pytest.raises(WorkerError):
        list(clean_chunks(["Bu siyaset\n\n"] * 20, cleaner, jobs=2))
    assert time.monotonic() - started < 60


def test_a_killed_worker_ends_the_run_at_once():
    import os
    import signal
    import sys
    import time

    import pytest

    from azfix import Cleaner
    from azfix.parallel.batch import WorkerError, clean_chunks

    if not sys.platform.startswith("linux"):
        pytest.skip("finds the workers through /proc")
    results = clean_chunks(("Bu siyaset sayesində mümkün oldu.\n\n" * 200 for _ in range(400)), Cleaner(), jobs=2)
    next(results)
    started = time.monotonic()
    workers = _grandchildren()
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    with pytest.raises(WorkerError):
        for _ in results:
            pass
    assert time.monotonic() - started < 60


def test_jsonl_keeps_everything_but_the_cleaned_value():
    lines = ['{"t": "Bu siyaset\u2028yeni", "n": 1.50, "x": 1e400, "k": {"t": 2}}\n', "\n",
             '{"t": "düzgün mətn", "t2": "\\u0259"}\n']
    summary = Summary()
    out = list(clean_jsonl(lines, "t", Cleaner(), jobs=1, summary=summary))
    assert out == ['{"t": "Bu siyasət\u2028yeni", "n": 1.50, "x": 1e400, "k": {"t": 2}}\n', "\n",
                   '{"t": "düzgün mətn", "t2": "\\u0259"}\n']
    assert summary.documents == 2


def test_a_line_without_end_is_cut_into_bounded_chunks():
    line = ("söz " * 100_000).rstrip() + "\n"
    chunks = list(chunks_of([line], size=1000))
    assert "".join(chunks) == line
    assert max(map(len, chunks)) <= 16_000
    assert all(chunk.endswith(" ") for chunk in chunks[:-1])  # cut at spaces
