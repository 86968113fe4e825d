"""What the pipeline integrations cost: datatrove and Hugging Face datasets beside a plain loop over the same documents.

    python -m benchmarks.integrations [--shared ../shared] [--runs 3]

The documents: the development news text (one document a line) and the
first 1,500 Wikipedia sentences (five a document), each damaged by :mod:`benchmarks.noise`
(5% of words), written as two JSONL files. Every run is a fresh process
(the libraries imported before the clock starts; azfix's load, reading and
writing inside it), so each pays the cold first pass as a real job does.
On a shared machine the wall time follows the other jobs, so the CPU
seconds of the run and all its worker processes are reported too (the
two-worker datatrove run forks its workers so that they are counted):

- ``plain``: ``Cleaner.correct`` over the rows, JSONL read and written by hand;
- ``datatrove-1``/``-2``: ``JsonlReader → AzfixFormatter → JsonlWriter`` on
  ``LocalPipelineExecutor`` with one task, or two tasks on two workers;
- ``hf-1``/``-2``: ``clean_dataset`` (counts column on) on a dataset read
  from the JSONL files, in-process or ``num_proc=2``, on an empty cache;
- ``hf-cached``: the same call in a new process on the cache ``hf-1`` left:
  the fingerprint must match across processes (string hashing differs).

Median of ``--runs`` runs; results in ``benchmarks/results/integrations.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROTECT = {"Qarabağ", "Şuşa", "Xankəndi"}  # a set option, so the fingerprint's ordering is exercised


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (and the children they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def make_documents(shared: Path, folder: Path) -> tuple[int, int]:
    """Write the damaged documents as two JSONL files in ``folder``; return their number and word count."""
    from .noise import add_noise

    news = [line for line in (shared / "text/ntrex_news_dev.txt").read_text(encoding="utf-8").splitlines() if line]
    wiki = (shared / "text/wiki_sentences.txt").read_text(encoding="utf-8").splitlines()[:1500]
    texts = news + [" ".join(wiki[i:i + 5]) for i in range(0, len(wiki), 5)]
    damaged = [add_noise(text, 0.05, seed)[0] for seed, text in enumerate(texts)]
    folder.mkdir(parents=True, exist_ok=True)
    for part in range(2):
        rows = [{"id": str(i), "text": text} for i, text in enumerate(damaged) if i % 2 == part]
        (folder / f"part-{part}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                                   encoding="utf-8")
    return len(damaged), sum(len(text.split()) for text in damaged)


def run_mode(mode: str, source: Path, work: Path) -> float:
    """Clean the documents of ``source`` one way; return the seconds it took."""
    from azfix import Cleaner

    if mode == "plain":
        start = time.perf_counter()
        cleaner = Cleaner(protect=PROTECT)
        with open(work / "out.jsonl", "w", encoding="utf-8") as out:
            for path in sorted(source.glob("*.jsonl")):
                for line in path.open(encoding="utf-8"):
                    row = json.loads(line)
                    row["text"] = cleaner.correct(row["text"]).text
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return time.perf_counter() - start
    if mode.startswith("datatrove"):
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.readers import JsonlReader
        from datatrove.pipeline.writers import JsonlWriter
        from azfix.integrations.datatrove import AzfixFormatter

        tasks = int(mode[-1])
        start = time.perf_counter()
        LocalPipelineExecutor([JsonlReader(str(source)), AzfixFormatter(protect=PROTECT),
                               JsonlWriter(str(work / "out"), compression=None)],
                              tasks=tasks, workers=tasks, logging_dir=str(work / "logs"),
                              start_method="fork").run()
        return time.perf_counter() - start
    import datasets
    from azfix.integrations.hf import clean_dataset

    dataset = datasets.Dataset.from_json(sorted(str(p) for p in source.glob("*.jsonl")), cache_dir=str(work / "cache"))
    start = time.perf_counter()
    clean_dataset(dataset, cleaner=Cleaner(protect=PROTECT), edit_counts=True, num_proc=2 if mode == "hf-2" else None)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:  # one run, in a process of its own
        if args.mode.startswith("datatrove"):
            import datatrove.executor  # noqa: F401  (imported before the clock starts)
        elif args.mode.startswith("hf"):
            import datasets  # noqa: F401
        print(json.dumps({"seconds": run_mode(args.mode, args.source, args.work)}))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in"
        documents, words = make_documents(args.shared, source)
        modes = ["plain", "datatrove-1", "datatrove-2", "hf-1", "hf-cached", "hf-2"]
        seconds: dict[str, list[float]] = {mode: [] for mode in modes}
        cpu: dict[str, list[float]] = {mode: [] for mode in modes}
        for run in range(args.runs):
            for mode in modes:
                # hf-cached reads the cache the hf-1 run just before it wrote
                work = Path(tmp) / f"{'hf-1' if mode == 'hf-cached' else mode}-{run}"
                work.mkdir(exist_ok=True)
                before = _children_cpu()
                out = subprocess.run([sys.executable, "-m", "benchmarks.integrations", "--mode", mode,
                                      "--source", str(source), "--work", str(work)],
                                     capture_output=True, text=True, check=True)
                cpu[mode].append(_children_cpu() - before)
                seconds[mode].append(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])
    report = {"words": words, "documents": documents, "runs": args.runs,
              "modes": {mode: {"seconds": statistics.median(seconds[mode]), "cpu_seconds": statistics.median(cpu[mode]),
                               "words_per_cpu_s": words / statistics.median(cpu[mode])} for mode in modes}}
    print(f"{documents} documents, {words:,} words, median of {args.runs} fresh processes")
    print(f"{'':12} {'wall s':>8} {'CPU s':>8} {'words/CPU s':>12}")
    for mode, row in report["modes"].items():
        print(f"{mode:12} {row['seconds']:8.2f} {row['cpu_seconds']:8.2f} {row['words_per_cpu_s']:12,.0f}")
    Path("benchmarks/results/integrations.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
