"""Hashes of azfix's output on every benchmark text: proof that a change of structure changed no output.

    python -m benchmarks.output_hashes [--shared ../shared] [--write] [--quick]

Each text is cleaned and its result (cleaned text and every edit: span,
original, replacement, kind, confidence) is hashed with SHA-256. ``--write``
stores the hashes in ``benchmarks/results/output_hashes.json``; without it the
hashes are compared with the stored ones and every difference is listed (exit
1). ``--quick`` covers the seed article, the OCR pages and the first 20,000
characters of each other set (what ``tests/test_output_hashes.py`` checks).

Texts: the seed article; every OCR page; the development texts clean, with
5% noise (:mod:`benchmarks.noise`, seeds 1 and 7), with every diacritic
stripped (splits, merges and hyphen joins off, as in :mod:`benchmarks.quality`)
and with 2% of words broken by a space. The shipped statistics are used (the
hashes check code, not data).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from azfix.text.alphabet import ascii_fold
from azfix.cleaner import Cleaner

from .noise import add_noise, break_words

HASHES = Path(__file__).parent / "results" / "output_hashes.json"
QUICK_CHARS = 20_000
TEXTS = ("ntrex_news_dev.txt", "wiki_sentences.txt")


def result_hash(cleaner: Cleaner, text: str) -> str:
    result = cleaner.correct(text)
    digest = hashlib.sha256(result.text.encode("utf-8"))
    for e in result.edits:
        digest.update(f"\x00{e.start}\x01{e.end}\x01{e.original}\x01{e.replacement}\x01{e.kind}\x01"
                      f"{e.confidence!r}".encode("utf-8"))
    return digest.hexdigest()


def benchmark_texts(shared: Path, quick: bool = False) -> dict[str, tuple[str, dict]]:
    """name -> (text, Cleaner options) of every text the hashes cover."""
    texts: dict[str, tuple[str, dict]] = {}
    seed = shared / "seed" / "seed.txt"
    texts["seed"] = (seed.read_text(encoding="utf-8"), {})
    for page in sorted((shared / "data" / "ocr").glob("*.ocr.txt")):
        texts["ocr/" + page.name] = (page.read_text(encoding="utf-8"), {})
    limit = QUICK_CHARS if quick else None
    no_joins = {"splits": False, "hyphen_suffix": False, "merges": False}
    for name in TEXTS:
        text = (shared / "data" / "text" / name).read_text(encoding="utf-8")[:limit]
        texts[f"clean/{name}"] = (text, {})
        texts[f"stripped/{name}"] = (ascii_fold(text), no_joins)
        texts[f"broken/{name}"] = (break_words(text, 0.02, 1)[0], {})
        for noise_seed in (1, 7):
            texts[f"noisy{noise_seed}/{name}"] = (add_noise(text, 0.05, noise_seed)[0], {})
    return texts


def compute(shared: Path, quick: bool = False) -> dict[str, str]:
    cleaners: dict[tuple, Cleaner] = {}
    hashes = {}
    for name, (text, options) in benchmark_texts(shared, quick).items():
        key = tuple(sorted(options.items()))
        cleaner = cleaners.setdefault(key, Cleaner(**options))
        hashes[name] = result_hash(cleaner, text)
    return hashes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--write", action="store_true", help="store the hashes instead of comparing")
    parser.add_argument("--quick", action="store_true", help="the seed, the OCR pages and a slice of each text")
    args = parser.parse_args(argv)
    section = "quick" if args.quick else "full"
    hashes = compute(args.shared, args.quick)
    stored = json.loads(HASHES.read_text(encoding="utf-8")) if HASHES.exists() else {}
    if args.write:
        stored[section] = hashes
        HASHES.parent.mkdir(parents=True, exist_ok=True)
        HASHES.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(hashes)} hashes written to {HASHES}")
        return 0
    differ = [name for name, h in hashes.items() if stored.get(section, {}).get(name) != h]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(hashes) - len(differ)} of {len(hashes)} outputs identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
