"""Speed: words per second and peak memory, azfix beside its peers, on the same noisy text.

    python -m benchmarks.speed [--shared ../shared] [--runs 5]

Each system runs in a fresh process (so load time and peak RSS are its own)
over the development news text damaged by :mod:`benchmarks.noise` (5% of
words). Reported: load time, words/s (median of ``--runs`` passes after one
warm-up pass; azfix's caches are per word type, so the warm passes show the
steady state of a long-running cleaner) and the cold first pass.

Peers: Hunspell (chunspell wheel, mozillaz dictionary; each rejected word →
first suggestion), symspellpy with the LocalDoc frequencies (per-token lookup).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

WORKER = r"""
import json, resource, statistics, sys, time
system, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(path, encoding="utf-8").read()
t0 = time.perf_counter()
if system == "azfix":
    import azfix
    cleaner = azfix.Cleaner()
    cleaner.correct("Salam")
    run = lambda: cleaner.correct(text)
elif system == "hunspell":
    import hunspell, regex
    dic = sys.argv[4]
    h = hunspell.Hunspell(dic.rsplit("/", 1)[1], hunspell_data_dir=dic.rsplit("/", 1)[0])
    # Hunspell's suggest() takes a large fraction of a second per word, so it
    # is timed on the first 1,000 words only (words/s is what is compared).
    words = regex.findall(r"\p{L}+", text)[:1000]
    def run():
        return [w if h.spell(w) else (h.suggest(w) or (w,))[0] for w in words]
elif system == "symspell":
    from symspellpy import SymSpell, Verbosity
    import regex
    sym = SymSpell(max_dictionary_edit_distance=2)
    sym.load_dictionary(sys.argv[4], 0, 1, separator=" ")
    words = regex.findall(r"\p{L}+", text)
    def run():
        return [(sym.lookup(w.lower(), Verbosity.TOP, 2) or [w])[0] for w in words]
load = time.perf_counter() - t0
t = time.perf_counter(); run(); cold = time.perf_counter() - t
warm = []
for _ in range(runs):
    t = time.perf_counter(); run(); warm.append(time.perf_counter() - t)
print(json.dumps({"words": len(words) if system != "azfix" else None, "load_s": load, "cold_s": cold, "warm_s": statistics.median(warm),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--systems", default="azfix,hunspell,symspell")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/speed.json"))
    parser.add_argument("--growth", action="store_true", help="also time azfix on 1×, 10×, 100× the text")
    args = parser.parse_args(argv)
    from azfix.text.tokenize import TokenKind, tokenize

    from .noise import add_noise

    text = (args.shared / "data" / "text" / "ntrex_news_dev.txt").read_text(encoding="utf-8")
    noisy, _ = add_noise(text, 0.05, 11)
    work = args.json.parent / "tmp"
    work.mkdir(parents=True, exist_ok=True)
    noisy_path = work / "speed_noisy.txt"
    noisy_path.write_text(noisy, encoding="utf-8")
    words = sum(1 for t in tokenize(noisy) if t.kind is TokenKind.WORD)
    extra = {
        "hunspell": [str(args.shared / "data" / "lexicon" / "mozillaz-hunspell" / "az")],
        "symspell": [str(_symspell_dictionary(args.shared, work))],
    }
    report = {"words": words, "systems": {}}
    for system in args.systems.split(","):
        out = subprocess.run([sys.executable, "-c", WORKER, system, str(noisy_path), str(args.runs),
                              *extra.get(system, [])], capture_output=True, text=True)
        if out.returncode != 0:
            report["systems"][system] = {"error": out.stderr.strip().splitlines()[-1]}
            continue
        result = json.loads(out.stdout)
        timed_words = result.pop("words") or words
        result["warm_words_per_s"] = timed_words / result["warm_s"]
        result["cold_words_per_s"] = timed_words / result["cold_s"]
        report["systems"][system] = result
    if args.growth:
        report["growth"] = growth(noisy_path, words)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"{words} words of noisy news text")
    print("| system | load | words/s (first pass) | words/s (warm, median) | peak RSS |")
    print("|---|---|---|---|---|")
    for system, r in report["systems"].items():
        if "error" in r:
            print(f"| {system} | error: {r['error']} | | | |")
            continue
        print(f"| {system} | {r['load_s']:.2f} s | {r['cold_words_per_s']:,.0f} | "
              f"{r['warm_words_per_s']:,.0f} | {r['peak_rss_mb']:.0f} MB |")
    if args.growth:
        print("\n| input | words | seconds (one cold process) | words/s |")
        print("|---|---|---|---|")
        for factor, r in report["growth"].items():
            print(f"| {factor}× | {r['words']:,} | {r['seconds']:.1f} | {r['words_per_s']:,.0f} |")
    return 0


GROWTH_WORKER = r"""
import sys, time
import azfix
text = open(sys.argv[1], encoding="utf-8").read() * int(sys.argv[2])
cleaner = azfix.Cleaner()
start = time.perf_counter()
cleaner.correct(text)
print(time.perf_counter() - start)
"""


def growth(noisy_path: Path, words: int) -> dict:
    """azfix on the text repeated 1, 10 and 100 times, each in a fresh (cold) process."""
    out = {}
    for factor in (1, 10, 100):
        result = subprocess.run([sys.executable, "-c", GROWTH_WORKER, str(noisy_path), str(factor)],
                                capture_output=True, text=True, check=True)
        seconds = float(result.stdout)
        out[factor] = {"words": words * factor, "seconds": seconds, "words_per_s": words * factor / seconds}
    return out


def _symspell_dictionary(shared: Path, work: Path) -> Path:
    """The LocalDoc frequency list in symspellpy's 'term count' format."""
    source = shared / "data" / "lexicon" / "localdoc-freq" / "frequency_dictionary_az_80k.txt"
    target = work / "symspell_dictionary.txt"
    if not target.exists():
        target.write_text(source.read_text(encoding="utf-8").replace("\u04d9", "ə"), encoding="utf-8")
    return target


if __name__ == "__main__":
    raise SystemExit(main())
