"""Batch throughput: `azfix clean` on a multi-megabyte file with 1 and 2 jobs, and its peak memory.

    python -m benchmarks.batch [--size-mb 8] [--big-mb 0]

Runs the real command line (a fresh process each time) on a re-sampled
corpus (:mod:`benchmarks.make_corpus`), median of ``--runs`` runs (1-job and
2-job runs alternate), and
reports MB/s, words/s, the 2-job speed-up, the CPU seconds of all processes
(how much work the second worker duplicates, independent of a shared
machine's speed drift) and the peak RSS of any one process (the CLI or a
worker), sampled from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .make_corpus import main as make_corpus


def _tree(root: int) -> list[int]:
    """The process ``root`` and all its descendants (read from /proc)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def _peak_rss_mb(pid: int) -> float:
    """The kernel's high-water mark of the resident set of ``pid`` so far (VmHWM), in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of one process so far (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_clean(corpus: Path, jobs: int, sample_every: float = 0.5) -> tuple[float, float, float]:
    """Wall seconds of ``azfix clean`` over ``corpus``, the peak RSS of any one
    of its processes (the CLI or a worker: the kernel's high-water mark, so
    no peak between samples is missed) and the CPU seconds of all of them,
    read from /proc every ``sample_every`` s (the last sample of each process
    counts, so the CPU total may miss up to ``sample_every`` s per process)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "azfix.cli", "clean", "-q", "--jobs", str(jobs), str(corpus)],
                               stdout=subprocess.DEVNULL)
    peak = 0.0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        for pid in _tree(process.pid):
            peak = max(peak, _peak_rss_mb(pid))
            seconds = _cpu_seconds(pid)
            if seconds is not None:
                cpu[pid] = seconds
        time.sleep(sample_every)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"azfix clean exited with {process.returncode}")
    return seconds, peak, sum(cpu.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--size-mb", type=float, default=8.0)
    parser.add_argument("--big-mb", type=float, default=0.0, help="also time one run over a corpus this big")
    parser.add_argument("--big-file", type=Path, help="also time one run over this existing file (instead of --big-mb)")
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
    # 1-job and 2-job runs alternate, so that drift in the machine's speed
    # (a shared VM) touches both alike
    timings: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
    for _ in range(args.runs):
        for jobs in timings:
            timings[jobs].append(timed_clean(corpus, jobs))
    for jobs, runs in timings.items() if args.runs else ():
        median = statistics.median(run[0] for run in runs)
        report["jobs"][jobs] = {"seconds": median, "mb_per_s": size_mb / median, "words_per_s": words / median,
                                "cpu_seconds_all_processes": statistics.median(run[2] for run in runs),
                                "peak_rss_mb_one_process": max(run[1] for run in runs)}
    if args.runs:
        report["speedup_2_jobs"] = report["jobs"][1]["seconds"] / report["jobs"][2]["seconds"]
        report["speedup_each_pair"] = [one[0] / two[0] for one, two in zip(timings[1], timings[2])]
    if args.big_mb or args.big_file:
        big = args.big_file or work / f"corpus_{args.big_mb:g}mb.txt"
        if not big.exists():
            make_corpus(["--shared", str(args.shared), "--size-mb", str(args.big_mb), "-o", str(big)])
        seconds, peak, _ = timed_clean(big, 2, sample_every=2.0)
        big_mb = big.stat().st_size / 1024 / 1024
        report["big"] = {"file": big.name, "mb": big_mb, "seconds": seconds, "mb_per_s": big_mb / seconds,
                         "peak_rss_mb_one_process": peak}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"re-sampled corpus: {size_mb:.1f} MB, {words:,} words")
    print("| jobs | seconds (median) | MB/s | words/s | CPU seconds, all processes |")
    print("|---|---|---|---|---|")
    for jobs, r in report["jobs"].items():
        print(f"| {jobs} | {r['seconds']:.1f} | {r['mb_per_s']:.2f} | {r['words_per_s']:,.0f} "
              f"| {r['cpu_seconds_all_processes']:.1f} |")
    if args.runs:
        pairs = ", ".join(f"{x:.2f}" for x in report["speedup_each_pair"])
        print(f"2 jobs / 1 job speed-up: {report['speedup_2_jobs']:.2f}× (each pair of runs: {pairs})")
    if "big" in report:
        b = report["big"]
        print(f"big run: {b['mb']:.0f} MB in {b['seconds']:.0f} s ({b['mb_per_s']:.2f} MB/s, 2 jobs), "
              f"peak RSS of one process {b['peak_rss_mb_one_process']:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
