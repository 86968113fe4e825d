"""Synthesise a large news-like corpus for throughput runs.

    python -m benchmarks.make_corpus --size-mb 100 -o benchmarks/results/tmp/corpus.txt

The corpus is **re-sampled**, not real: paragraphs are drawn at random (with
replacement) from the sentences of ``data/text``, and every copy gets fresh
noise from :mod:`benchmarks.noise` (5% of words). Its vocabulary is therefore
that of the 77k-word development text, which flatters a cleaner that caches
per word type; real corpora have longer vocabulary tails.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import regex

from .noise import add_noise


def sentences(shared: Path) -> list[str]:
    found = []
    for path in sorted((shared / "data" / "text").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            found += [s for s in regex.split(r"(?<=[.!?])\s+", line) if len(s.split()) >= 4]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--size-mb", type=float, default=100.0)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("-o", "--output", type=Path, default=Path("benchmarks/results/tmp/corpus.txt"))
    args = parser.parse_args(argv)
    pool = sentences(args.shared)
    rng = random.Random(args.seed)
    target = int(args.size_mb * 1024 * 1024)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    batch = 0
    with args.output.open("w", encoding="utf-8") as out:
        while written < target:
            block = "\n\n".join(" ".join(rng.choices(pool, k=rng.randint(2, 8))) for _ in range(200))
            noisy, _ = add_noise(block, 0.05, args.seed * 1_000_003 + batch)
            out.write(noisy + "\n\n")
            written += len((noisy + "\n\n").encode("utf-8"))
            batch += 1
    print(f"{args.output}: {written / 1024 / 1024:.1f} MB, re-sampled from {len(pool)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
