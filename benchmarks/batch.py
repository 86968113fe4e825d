"""Batch throughput: `azfix clean` on a multi-megabyte file with 1 and 2 jobs, and its peak memory.

    python -m benchmarks.batch [--size-mb 8] [--big-mb 0]

Runs the real command line (a fresh process each time) on a re-sampled
corpus (:mod:`benchmarks.make_corpus`), median of ``--runs`` runs, and
reports MB/s, words/s, the 2-job speed-up and the peak RSS of the whole
process tree (the CLI and its workers).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .make_corpus import main as make_corpus


def timed_clean(corpus: Path, jobs: int) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "azfix.cli", "clean", "-q", "--jobs", str(jobs), str(corpus)],
                   stdout=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--size-mb", type=float, default=8.0)
    parser.add_argument("--big-mb", type=float, default=0.0, help="also time one run over a corpus this big")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/batch.json"))
    args = parser.parse_args(argv)
    work = args.json.parent / "tmp"
    corpus = work / f"corpus_{args.size_mb:g}mb.txt"
    if not corpus.exists():
        make_corpus(["--shared", str(args.shared), "--size-mb", str(args.size_mb), "-o", str(corpus)])
    size_mb = corpus.stat().st_size / 1024 / 1024
    words = len(corpus.read_text(encoding="utf-8").split())
    report = {"corpus_mb": size_mb, "words": words, "jobs": {}}
    for jobs in (1, 2):
        times = [timed_clean(corpus, jobs)[0] for _ in range(args.runs)]
        median = statistics.median(times)
        report["jobs"][jobs] = {"seconds": median, "mb_per_s": size_mb / median, "words_per_s": words / median}
    report["speedup_2_jobs"] = report["jobs"][1]["seconds"] / report["jobs"][2]["seconds"]
    if args.big_mb:
        big = work / f"corpus_{args.big_mb:g}mb.txt"
        if not big.exists():
            make_corpus(["--shared", str(args.shared), "--size-mb", str(args.big_mb), "-o", str(big)])
        seconds, peak = timed_clean(big, 2)
        big_mb = big.stat().st_size / 1024 / 1024
        report["big"] = {"mb": big_mb, "seconds": seconds, "mb_per_s": big_mb / seconds, "peak_rss_mb": peak}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"re-sampled corpus: {size_mb:.1f} MB, {words:,} words")
    print("| jobs | seconds (median) | MB/s | words/s |")
    print("|---|---|---|---|")
    for jobs, r in report["jobs"].items():
        print(f"| {jobs} | {r['seconds']:.1f} | {r['mb_per_s']:.2f} | {r['words_per_s']:,.0f} |")
    print(f"2 jobs / 1 job speed-up: {report['speedup_2_jobs']:.2f}×")
    if "big" in report:
        b = report["big"]
        print(f"big run: {b['mb']:.0f} MB in {b['seconds']:.0f} s ({b['mb_per_s']:.2f} MB/s, 2 jobs), "
              f"peak RSS of one process {b['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
