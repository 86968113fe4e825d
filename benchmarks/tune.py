"""Fit decision parameters (:class:`azfix.config.Policy`, :class:`~azfix.config.CleanerConfig`) on the tuning half.

    python -m benchmarks.tune [--quick 0] [--params alpha,oov_prior,min_confidence] [--rounds 2]

The objective is the mean F0.5 over the noise generators on the *tuning*
half (:mod:`benchmarks.halves`), with a penalty for false changes on the
clean text above the target (0.10% of tokens, the text's reviewed own
misspellings set aside) and for diacritic-stripped text restored below 98%. Each parameter in turn is multiplied by the steps
of ``--steps`` and the best value kept (coordinate search); the rounds
repeat until nothing improves. The log of every evaluation goes to
``benchmarks/results/tuning.json``; the reporting half is never read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from azfix.config import CleanerConfig, Policy

from .generators import generators
from .quality import NO_SPLITS, _held_out_stats, clean_run, evaluation_text, noisy_run, source_errors, stripped_restoration

NAMES = ("ntrex_news_dev.txt", "wiki_sentences.txt")
FALSE_CHANGE_TARGET = 0.001  # the bound on false changes, per token
PENALTY = 50.0  # F0.5 points lost per point of false-change rate above the target
STRIPPED_TARGET = 0.98  # the share of diacritic-stripped words to restore
STRIPPED_PENALTY = 2.0  # F0.5 points lost per point of restoration below the target


@lru_cache(maxsize=1)
def _setup(shared: str, quick: int, rate: float, seed: int, chosen: tuple[str, ...]):
    """(text, noisy runs per generator, reviewed misspellings, stats path): built once per process."""
    shared_path = Path(shared)
    text = evaluation_text(shared_path, NAMES, "tuning", quick)
    makers = generators(shared_path)
    noisy = {name: makers[name](text, rate, seed) for name in chosen}
    stats = _held_out_stats(shared_path, NAMES, Path("benchmarks/results/tmp"))
    return text, noisy, source_errors(NAMES), stats


def evaluate(overrides: dict, shared: str, quick: int, rate: float, seed: int, chosen: tuple[str, ...]) -> dict:
    """Scores of the Policy with ``overrides`` on the tuning half."""
    from azfix.cleaner import Cleaner

    text, noisy, reviewed, stats = _setup(shared, quick, rate, seed, chosen)
    policy_fields = {f.name for f in fields(Policy)}
    policy = Policy(**{k: v for k, v in overrides.items() if k in policy_fields})
    cleaner = Cleaner(stats=str(stats), shipped_stats=False, policy=policy,
                      **{k: v for k, v in overrides.items() if k not in policy_fields})
    per = {}
    for name, (noisy_text, sites) in noisy.items():
        report = noisy_run(cleaner, text, rate, seed, reviewed, lambda *_a, _n=noisy_text, _s=sites: (_n, _s))[0]
        per[name] = {k: report[k] for k in ("precision", "recall", "f0.5", "precision_reviewed", "f0.5_reviewed")}
    clean = clean_run(cleaner, text, reviewed)
    stripped = stripped_restoration(Cleaner(stats=str(stats), shipped_stats=False, policy=policy, **dict(NO_SPLITS),
                                            **{k: v for k, v in overrides.items() if k not in policy_fields}),
                                    text)["restored"]
    mean = statistics.fmean(r["f0.5_reviewed"] for r in per.values())
    excess = max(0.0, clean["clean_false_change_rate_reviewed"] - FALSE_CHANGE_TARGET)
    shortfall = max(0.0, STRIPPED_TARGET - stripped)
    return {"overrides": overrides, "per_generator": per, "mean_f0.5_reviewed": mean,
            "clean_false_change_rate_reviewed": clean["clean_false_change_rate_reviewed"],
            "stripped_restored": stripped,
            "objective": mean - PENALTY * excess - STRIPPED_PENALTY * shortfall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--quick", type=int, default=0, help="only the first N characters of the half (0: all)")
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--generators", default="ours,typing,ocr,random")
    parser.add_argument("--params", default="alpha,oov_prior,min_confidence")
    parser.add_argument("--steps", default="0.8,1.25")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--start", default="{}", help="JSON overrides to start from")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/tuning.json"))
    args = parser.parse_args(argv)
    chosen = tuple(args.generators.split(","))
    params = args.params.split(",")
    defaults = {f.name: f.default for f in fields(CleanerConfig) if f.name != "policy"}
    defaults.update({f.name: f.default for f in fields(Policy)})
    unknown = [p for p in params if p not in defaults]
    if unknown:
        parser.error(f"not Policy fields: {unknown}")
    steps = [float(s) for s in args.steps.split(",")]
    common = (args.shared, args.quick, args.rate, args.seed, chosen)
    best_overrides = json.loads(args.start)
    log = []
    with ProcessPoolExecutor(args.jobs) as pool:
        best = pool.submit(evaluate, best_overrides, *common).result()
        log.append(best)
        print(f"start {best['objective']:.4f} {best_overrides}", flush=True)
        for round_ in range(args.rounds):
            improved = False
            for param in params:
                value = best_overrides.get(param, defaults[param])
                trials = []
                if isinstance(value, bool):
                    continue  # a switch, not a number to tune
                for step in steps:
                    if isinstance(value, int):  # a count: one up or one down (rounding would keep small ones still)
                        new = max(1, value + (1 if step > 1 else -1))
                    else:
                        new = type(value)(value * step)
                    trials.append({**best_overrides, param: new})
                began = time.perf_counter()
                results = list(pool.map(evaluate, trials, *zip(*[common] * len(trials))))
                log += results
                top = max(results, key=lambda r: r["objective"])
                print(f"round {round_} {param}: " + ", ".join(
                    f"{r['overrides'][param]:.4g} → {r['objective']:.4f} (fc {r['clean_false_change_rate_reviewed']:.4%}, "
                    f"stripped {r['stripped_restored']:.3f})"
                    for r in results) + f"  [{time.perf_counter() - began:.0f} s]", flush=True)
                if top["objective"] > best["objective"] + 1e-4:
                    best, best_overrides, improved = top, top["overrides"], True
                    print(f"  keep {param} = {best_overrides[param]:.4g}: {best['objective']:.4f}", flush=True)
            if not improved:
                break
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"best": best, "log": log}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(best, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
