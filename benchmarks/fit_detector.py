"""Fit the unknown-word detector (:mod:`azfix.correct.channel.detect`) on the tuning half.

    python -m benchmarks.fit_detector [--policy '{"alpha": 8.4}'] [--quick 0]

Every unknown word the corrector judges in the tuning half damaged by each
noise generator (:mod:`benchmarks.generators`) is recorded with its
features; it is a typo if it is a damaged place of that text and never a
word of the clean text. A logistic regression (Newton's method, a small
ridge penalty) gives the weights to put in ``Policy.detector``. The damage
rate of the texts (5% of words) sets the intercept: text with fewer errors
would call for a lower one. The reporting half is never read.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import fields
from pathlib import Path

import numpy as np

from azfix.config import Policy
from azfix.correct.channel import detect
from azfix.text.alphabet import az_lower
from azfix.text.tokenize import TokenKind, tokenize

from .generators import generators
from .quality import _held_out_stats, evaluation_text

NAMES = ("ntrex_news_dev.txt", "wiki_sentences.txt")
RIDGE = 1e-3  # penalty on the weights: keeps the fit finite where a feature separates perfectly


def samples(shared: Path, policy: Policy, quick: int, rate: float, seed: int, chosen: list[str]):
    """(features, labels) of every judged unknown word over the generators' noisy texts."""
    from azfix.cleaner import Cleaner, _build_corrector

    text = evaluation_text(shared, NAMES, "tuning", quick)
    clean_words = {az_lower(t.text) for t in tokenize(text) if t.kind is TokenKind.WORD}
    stats = _held_out_stats(shared, NAMES, Path("benchmarks/results/tmp"))
    xs, ys = [], []
    for name in chosen:
        noisy, sites = generators(shared)[name](text, rate, seed)
        damaged = {az_lower(s.noisy) for s in sites} - clean_words
        _build_corrector.cache_clear()  # a fresh corrector per text: no memory of another generator's words
        cleaner = Cleaner(stats=str(stats), shipped_stats=False, policy=policy)
        words = cleaner.corrector().words
        words.choose = words._choose  # every occurrence is a sample, as in the text: no memo of answers
        detect.RECORDER = []
        try:
            cleaner.correct(noisy)
            recorded = detect.RECORDER
        finally:
            detect.RECORDER = None
        for word, x in recorded:
            xs.append(x)
            ys.append(1.0 if word not in damaged else 0.0)  # 1: meant as written
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, ridge: float = RIDGE, rounds: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method: (intercept, weights...)."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    penalty = ridge * np.eye(a.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-a @ w))
        gradient = a.T @ (p - y) + penalty @ w
        hessian = (a * (p * (1 - p))[:, None]).T @ a + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def log_loss(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    p = 1 / (1 + np.exp(-(w[0] + x @ w[1:])))
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--policy", default="{}", help="JSON Policy overrides in force while recording")
    parser.add_argument("--quick", type=int, default=0)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--generators", default="ours,typing,ocr,random")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/detector.json"))
    args = parser.parse_args(argv)
    overrides = json.loads(args.policy)
    known = {f.name for f in fields(Policy)}
    policy = Policy(**{k: v for k, v in overrides.items() if k in known})
    x, y = samples(args.shared, policy, args.quick, args.rate, args.seed, args.generators.split(","))
    w = fit(x, y)
    channel_only = np.zeros_like(w)
    channel_only[1] = 1.0
    report = {
        "samples": len(y), "meant_as_written": int(y.sum()), "features": ("intercept",) + detect.FEATURES,
        "weights": [round(float(v), 4) for v in w],
        "log_loss": log_loss(x, y, w), "log_loss_channel_alone": log_loss(x, y, channel_only),
        "policy": overrides,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
