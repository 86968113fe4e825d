"""Correction quality on development text: precision, recall, F0.5, false changes.

    python -m benchmarks.quality [--shared ../shared] [--rate 0.05] [--seed 1]

Evaluation sets, built from ``data/text`` of the shared folder:
- noisy: the clean text damaged by :mod:`benchmarks.noise` at ``rate`` of words;
- stripped: every Azerbaijani letter replaced by its ASCII look-alike;
- broken: a space put inside 2% of the words (:func:`benchmarks.noise.break_words`);
- clean: the text itself (every change is a false change).

The development texts have misspellings of their own, and fixing one counts
as a false change. ``source_errors.tsv`` lists the ones reviewed by hand;
precision and the false-change rate are also reported with those fixes set
aside (neither right nor wrong).

The context statistics used are built from the other texts of ``data/text``
(held out), never from the text being evaluated.

Scoring is by site: a damaged place counts as corrected when an edit covers it
and turns it into the clean string; every edit that touches no damaged place
is a false change. Precision = corrected / edits, recall = corrected / sites.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from azfix.text.alphabet import ascii_fold
from azfix.edits import apply_edits
from azfix.cleaner import Cleaner
from azfix.text.tokenize import TokenKind, tokenize

from .noise import Site, add_noise, break_words


def load_texts(shared: Path, names: tuple[str, ...]) -> str:
    return "\n".join((shared / "data" / "text" / n).read_text(encoding="utf-8") for n in names)


SOURCE_ERRORS = Path(__file__).with_name("source_errors.tsv")
CONTEXT = 12  # characters before a change that identify it in source_errors.tsv


def source_errors(names: tuple[str, ...]) -> frozenset[tuple[str, str, str]]:
    """The reviewed misspellings of the texts ``names``: (before, original, replacement)."""
    rows = (line.rstrip("\n").split("\t") for line in SOURCE_ERRORS.read_text(encoding="utf-8").splitlines(True)
            if not line.startswith("#"))
    return frozenset((before, original, replacement) for name, before, original, replacement, _why in rows
                     if name in names)


def fixes_source_error(text: str, edit, reviewed: frozenset) -> bool:
    """True if ``edit`` of ``text`` is one of the reviewed fixes of the text's own misspellings."""
    line_start = text.rfind("\n", 0, edit.start) + 1
    return (text[max(line_start, edit.start - CONTEXT):edit.start], edit.original, edit.replacement) in reviewed


def score_sites(edits, sites: list[Site]) -> dict:
    """Match edits to damaged sites; count corrected, wrong and false changes per kind."""
    by_kind = Counter(s.kind for s in sites)
    fixed_by_kind: Counter = Counter()
    used = set()
    fixed = 0
    for site in sites:
        for k, edit in enumerate(edits):
            if edit.start < site.end and edit.end > site.start:
                used.add(k)
                if edit.start == site.start and edit.end == site.end and edit.replacement == site.gold:
                    fixed += 1
                    fixed_by_kind[site.kind] += 1
    false_changes = len(edits) - len(used)
    changes = len(edits)
    precision = fixed / changes if changes else 1.0
    recall = fixed / len(sites) if sites else 1.0
    beta2 = 0.25
    f05 = (1 + beta2) * precision * recall / (beta2 * precision + recall) if precision + recall else 0.0
    return {
        "sites": len(sites), "edits": changes, "corrected": fixed, "false_changes": false_changes,
        "precision": precision, "recall": recall, "f0.5": f05,
        "recall_by_kind": {k: fixed_by_kind[k] / n for k, n in sorted(by_kind.items())},
    }


def stripped_restoration(cleaner: Cleaner, text: str) -> dict:
    """Strip every diacritic; share of the damaged words restored exactly.

    Words are compared by position, so the text is cleaned with splits and
    merges off (either would shift every later word).
    """
    stripped = ascii_fold(text)
    result = cleaner.correct(stripped)
    gold_words = [t.text for t in tokenize(text) if t.kind is TokenKind.WORD]
    out_words = [t.text for t in tokenize(result.text) if t.kind is TokenKind.WORD]
    damaged = [i for i, g in enumerate(gold_words) if ascii_fold(g) != g]
    if len(out_words) != len(gold_words):
        raise AssertionError("word count changed while restoring diacritics")
    restored = sum(1 for i in damaged if out_words[i] == gold_words[i])
    all_right = sum(1 for g, o in zip(gold_words, out_words) if g == o)
    misses = Counter((gold_words[i], out_words[i]) for i in damaged if out_words[i] != gold_words[i])
    return {"words": len(gold_words), "damaged_words": len(damaged),
            "restored": restored / len(damaged) if damaged else 1.0,
            "all_words_right": all_right / len(gold_words),
            "misses_sample": misses.most_common(40)}


def evaluate(cleaner: Cleaner, text: str, rate: float, seed: int,
             reviewed: frozenset = frozenset()) -> dict:
    noisy, sites = add_noise(text, rate, seed)
    start = time.perf_counter()
    result = cleaner.correct(noisy)
    elapsed = time.perf_counter() - start
    assert apply_edits(noisy, result.edits) == result.text
    report = score_sites(result.edits, sites)
    words = sum(1 for t in tokenize(noisy) if t.kind is TokenKind.WORD)
    report["words_per_s"] = words / elapsed
    # The same with the fixes of the text's own misspellings set aside
    # (an edit on a damaged site is never set aside).
    aside = [e for e in result.edits if fixes_source_error(noisy, e, reviewed)
             and not any(e.start < s.end and e.end > s.start for s in sites)]
    reviewed_scores = score_sites([e for e in result.edits if e not in aside], sites)
    report["source_fixes_aside"] = len(aside)
    report["precision_reviewed"] = reviewed_scores["precision"]
    report["f0.5_reviewed"] = reviewed_scores["f0.5"]
    clean_result = cleaner.correct(text)
    clean_tokens = sum(1 for t in tokenize(text) if t.kind is not TokenKind.SPACE)
    report["clean_false_change_rate"] = len(clean_result.edits) / clean_tokens
    report["clean_source_fixes"] = sum(fixes_source_error(text, e, reviewed) for e in clean_result.edits)
    report["clean_false_change_rate_reviewed"] = (
        (len(clean_result.edits) - report["clean_source_fixes"]) / clean_tokens)
    report["clean_false_changes_sample"] = [(e.original, e.replacement, e.kind) for e in clean_result.edits[:40]]
    report["wrong_sample"] = _wrong_sample(result.edits, sites)
    return report


def broken_words(cleaner: Cleaner, text: str, seed: int) -> dict:
    """Words broken by a space: how many are joined, and how many joins are right."""
    noisy, sites = break_words(text, 0.02, seed)
    edits = [e for e in cleaner.correct(noisy).edits if e.kind == "merge"]
    report = score_sites(edits, sites)
    report["wrong_sample"] = _wrong_sample(edits, sites)
    return report


def _wrong_sample(edits, sites, n: int = 40):
    out = []
    for site in sites:
        hits = [e for e in edits if e.start < site.end and e.end > site.start]
        if not hits or hits[0].replacement != site.gold:
            out.append((site.kind, site.noisy, site.gold, [h.replacement for h in hits]))
    return out[:n]


def held_out_cleaner(shared: Path, exclude: tuple[str, ...], folder: Path, **options) -> Cleaner:
    """A Cleaner whose context statistics come only from texts other than ``exclude``.

    The shipped statistics include the development text; evaluating on text
    the statistics have seen would flatter every context decision.
    """
    from azfix.data.stats import ContextStats

    others = [p for p in sorted((shared / "data" / "text").glob("*.txt")) if p.name not in exclude]
    stats = ContextStats.from_texts(p.read_text(encoding="utf-8") for p in others)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("heldout-" + "-".join(n.split(".")[0] for n in exclude) + ".tsv.gz")
    stats.save(path)
    return Cleaner(stats=str(path), shipped_stats=False, **options)


def compare_peers(shared: Path, cleaner: Cleaner, text: str, rate: float, seed: int) -> dict:
    """azfix and its peers on the same slice of text (peers are slow: Hunspell suggests ~20 words/s)."""
    from .peers import PEERS

    noisy, sites = add_noise(text, rate, seed)
    clean_tokens = sum(1 for t in tokenize(text) if t.kind is not TokenKind.SPACE)
    rows = {}
    systems = {"azfix": lambda s: list(cleaner.correct(s).edits)}
    for name, make in PEERS.items():
        systems[name] = make(shared)
    for name, run in systems.items():
        scores = score_sites(run(noisy), sites)
        scores["clean_false_change_rate"] = len(run(text)) / clean_tokens
        rows[name] = scores
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--texts", default="ntrex_news_dev.txt,wiki_sentences.txt")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/quality.json"))
    parser.add_argument("--peers", type=int, default=0, metavar="CHARS",
                        help="also compare with the peers on the first CHARS characters")
    args = parser.parse_args(argv)
    names = tuple(args.texts.split(","))
    text = load_texts(args.shared, names)
    tmp = args.json.parent / "tmp"
    cleaner = held_out_cleaner(args.shared, names, tmp)
    report = {"noisy": evaluate(cleaner, text, args.rate, args.seed, source_errors(names)),
              "stripped": stripped_restoration(
                  held_out_cleaner(args.shared, names, tmp, splits=False, hyphen_suffix=False, merges=False), text)}
    report["broken"] = broken_words(cleaner, text, args.seed)
    if args.peers:
        report["peers"] = compare_peers(args.shared, cleaner, text[: args.peers], args.rate, args.seed)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    n, s = report["noisy"], report["stripped"]
    print("| measure | azfix | target |")
    print("|---|---|---|")
    print(f"| precision ({n['edits']} edits, {n['sites']} damaged sites) | {n['precision']:.3f} | ≥ 0.95 |")
    print(f"| recall | {n['recall']:.3f} | ≥ 0.85 |")
    print(f"| F0.5 | {n['f0.5']:.3f} | ≥ 0.92 |")
    for kind, value in n["recall_by_kind"].items():
        print(f"| recall: {kind} | {value:.3f} | |")
    print(f"| false-change rate on clean text | {n['clean_false_change_rate']:.4%} | ≤ 0.1% |")
    print(f"| … with the {n['clean_source_fixes']} reviewed fixes of the text's own misspellings aside "
          f"| {n['clean_false_change_rate_reviewed']:.4%} | |")
    print(f"| precision / F0.5 with {n['source_fixes_aside']} such fixes aside "
          f"| {n['precision_reviewed']:.3f} / {n['f0.5_reviewed']:.3f} | |")
    print(f"| diacritic-stripped words restored ({s['damaged_words']}) | {s['restored']:.3f} | ≥ 0.97 |")
    b = report["broken"]
    print(f"| words broken by a space ({b['sites']}): joined | {b['recall']:.3f} | |")
    print(f"| … joins right ({b['edits']}) | {b['precision']:.3f} | |")
    if args.peers:
        print(f"\nSame run, first {args.peers} characters, all systems:\n")
        print("| system | precision | recall | F0.5 | false-change rate on clean text |")
        print("|---|---|---|---|---|")
        for name, r in report["peers"].items():
            print(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f0.5']:.3f} | "
                  f"{r['clean_false_change_rate']:.2%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
