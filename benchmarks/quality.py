"""Correction quality on development text: precision, recall, F0.5, false changes, calibration.

    python -m benchmarks.quality [--half reporting] [--generators ours,typing,ocr,random]
                                 [--quick 60000] [--shared ../shared] [--rate 0.05] [--seed 1]

The text: one half of the development texts (:mod:`benchmarks.halves`):
``--half tuning`` to choose thresholds on, ``--half reporting`` (the
default) for the numbers quoted, ``--half all`` for the whole texts (the
earlier measure: ``--half all --generators ours`` gives the numbers of the
single-generator benchmark). ``--quick N`` keeps the first N characters of
the half (cut at a line end).

Evaluation sets, built from the text:
- noisy: the clean text damaged at ``rate`` of words by each noise generator
  (:mod:`benchmarks.noise` "ours", and :mod:`benchmarks.generators`
  "typing", "ocr", "random"); scored per generator and as their mean;
- stripped: every Azerbaijani letter replaced by its ASCII look-alike;
- broken: a space put inside 2% of the words (:func:`benchmarks.noise.break_words`);
- clean: the text itself (every change is a false change).

The development texts have misspellings of their own, and fixing one counts
as a false change. ``source_errors.tsv`` lists the ones reviewed by hand;
precision and the false-change rate are also reported with those fixes set
aside (neither right nor wrong).

The context statistics used are built from the other texts of ``data/text``
(held out), never from the development texts, whichever half is evaluated.

Scoring is by site: a damaged place counts as corrected when an edit covers it
and turns it into the clean string; every edit that touches no damaged place
is a false change. Precision = corrected / edits, recall = corrected / sites.

Reliability: every edit made on the noisy texts, pooled over the
generators, binned by its confidence, with the share of those that are
right (span and replacement of a site exactly); the expected calibration
error is the edit-weighted mean gap between a bin's mean confidence and its
share right. Reported for all edits and for word corrections only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from pathlib import Path

from azfix.text.alphabet import ascii_fold
from azfix.edits import apply_edits
from azfix.cleaner import Cleaner
from azfix.text.tokenize import TokenKind, tokenize

from .generators import generators
from .halves import halves
from .noise import Site, add_noise, break_words
from .reliability import WORD_KINDS, edit_verdicts, reliability


def load_texts(shared: Path, names: tuple[str, ...]) -> str:
    return "\n".join((shared / "data" / "text" / n).read_text(encoding="utf-8") for n in names)


def first_chars(text: str, n: int) -> str:
    """The first ``n`` characters of ``text``, cut back to a line end when one is in the second half."""
    if len(text) <= n:
        return text
    cut = text.rfind("\n", 0, n)
    return text[:cut] if cut > n // 2 else text[:n]


def evaluation_text(shared: Path, names: tuple[str, ...], half: str, quick: int = 0) -> str:
    """The text evaluated: a half of the texts ``names`` (``all``: the texts whole), its first ``quick`` characters."""
    text = load_texts(shared, names) if half == "all" else halves(shared, names)[half]
    return first_chars(text, quick) if quick else text


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


class EditIndex:
    """Edits sorted by start, to find the ones overlapping a span without scanning them all."""

    def __init__(self, edits):
        self.edits = list(edits)
        self.order = sorted(range(len(self.edits)), key=lambda k: self.edits[k].start)
        self.starts = [self.edits[k].start for k in self.order]
        self.longest = max((e.end - e.start for e in self.edits), default=0)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices (into the edits as given) of the edits with ``e.start < end`` and ``e.end > start``, by start."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [k for k in self.order[lo:hi] if self.edits[k].end > start]


def score_sites(edits, sites: list[Site]) -> dict:
    """Match edits to damaged sites; count corrected, wrong and false changes per kind."""
    index = EditIndex(edits)
    by_kind = Counter(s.kind for s in sites)
    fixed_by_kind: Counter = Counter()
    used = set()
    fixed = 0
    for site in sites:
        for k in index.overlapping(site.start, site.end):
            edit = index.edits[k]
            used.add(k)
            if edit.start == site.start and edit.end == site.end and edit.replacement == site.gold:
                fixed += 1
                fixed_by_kind[site.kind] += 1
    changes = len(index.edits)
    false_changes = changes - len(used)
    precision = fixed / changes if changes else 1.0
    recall = fixed / len(sites) if sites else 1.0
    beta2 = 0.25
    f05 = (1 + beta2) * precision * recall / (beta2 * precision + recall) if precision + recall else 0.0
    return {
        "sites": len(sites), "edits": changes, "corrected": fixed, "false_changes": false_changes,
        "precision": precision, "recall": recall, "f0.5": f05,
        "recall_by_kind": {k: fixed_by_kind[k] / n for k, n in sorted(by_kind.items())},
        "sites_by_kind": dict(sorted(by_kind.items())),
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


def noisy_run(cleaner: Cleaner, text: str, rate: float, seed: int, reviewed: frozenset = frozenset(),
              generator=add_noise) -> tuple[dict, list, list[Site], set[int]]:
    """Damage ``text`` with ``generator``, correct it, score it.

    Returns the report, the edits, the sites and the indices of the edits set
    aside as reviewed fixes of the text's own misspellings.
    """
    noisy, sites = generator(text, rate, seed)
    start = time.perf_counter()
    result = cleaner.correct(noisy)
    elapsed = time.perf_counter() - start
    assert apply_edits(noisy, result.edits) == result.text
    edits = list(result.edits)
    report = score_sites(edits, sites)
    words = sum(1 for t in tokenize(noisy) if t.kind is TokenKind.WORD)
    report["words_per_s"] = words / elapsed
    # The same with the fixes of the text's own misspellings set aside
    # (an edit on a damaged site is never set aside).
    aside = set(source_fixes_aside(noisy, edits, sites, reviewed))
    reviewed_scores = score_sites([e for k, e in enumerate(edits) if k not in aside], sites)
    report["source_fixes_aside"] = len(aside)
    report["precision_reviewed"] = reviewed_scores["precision"]
    report["f0.5_reviewed"] = reviewed_scores["f0.5"]
    report["wrong_sample"] = _wrong_sample(edits, sites)
    return report, edits, sites, aside


def source_fixes_aside(noisy: str, edits: list, sites: list[Site], reviewed: frozenset) -> list[int]:
    """Indices of the edits that fix a reviewed misspelling of the text and touch no damaged site."""
    if not reviewed:
        return []
    touched = set()
    index = EditIndex(edits)
    for site in sites:
        touched.update(index.overlapping(site.start, site.end))
    return [k for k, e in enumerate(edits) if k not in touched and fixes_source_error(noisy, e, reviewed)]


def clean_run(cleaner: Cleaner, text: str, reviewed: frozenset = frozenset()) -> dict:
    """False changes on the clean text (every change is one), raw and with reviewed fixes aside."""
    clean_result = cleaner.correct(text)
    clean_tokens = sum(1 for t in tokenize(text) if t.kind is not TokenKind.SPACE)
    source_fixes = sum(fixes_source_error(text, e, reviewed) for e in clean_result.edits)
    return {
        "clean_false_change_rate": len(clean_result.edits) / clean_tokens,
        "clean_source_fixes": source_fixes,
        "clean_false_change_rate_reviewed": (len(clean_result.edits) - source_fixes) / clean_tokens,
        "clean_false_changes_sample": [(e.original, e.replacement, e.kind) for e in clean_result.edits[:40]],
    }


def evaluate(cleaner: Cleaner, text: str, rate: float, seed: int,
             reviewed: frozenset = frozenset(), generator=add_noise) -> dict:
    """One generator's noisy run and the clean-text false changes, in one report."""
    report = noisy_run(cleaner, text, rate, seed, reviewed, generator)[0]
    report.update(clean_run(cleaner, text, reviewed))
    return report


def broken_words(cleaner: Cleaner, text: str, seed: int) -> dict:
    """Words broken by a space: how many are joined, and how many joins are right."""
    noisy, sites = break_words(text, 0.02, seed)
    edits = [e for e in cleaner.correct(noisy).edits if e.kind == "merge"]
    report = score_sites(edits, sites)
    report["wrong_sample"] = _wrong_sample(edits, sites)
    return report


def _wrong_sample(edits, sites, n: int = 40):
    index = EditIndex(edits)
    out = []
    for site in sites:
        hits = [index.edits[k] for k in index.overlapping(site.start, site.end)]
        if not hits or hits[0].replacement != site.gold:
            out.append((site.kind, site.noisy, site.gold, [h.replacement for h in hits]))
            if len(out) == n:
                break
    return out


# -- the cleaner, held out ---------------------------------------------------------------

@lru_cache(maxsize=None)
def _held_out_stats(shared: Path, exclude: tuple[str, ...], folder: Path) -> Path:
    from azfix.data.stats import ContextStats

    others = [p for p in sorted((shared / "data" / "text").glob("*.txt")) if p.name not in exclude]
    stats = ContextStats.from_texts(p.read_text(encoding="utf-8") for p in others)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("heldout-" + "-".join(n.split(".")[0] for n in exclude) + ".tsv.gz")
    stats.save(path)
    return path


def held_out_cleaner(shared: Path, exclude: tuple[str, ...], folder: Path, **options) -> Cleaner:
    """A Cleaner whose context statistics come only from texts other than ``exclude``.

    The shipped statistics include the development text; evaluating on text
    the statistics have seen would flatter every context decision. The
    statistics are built once per process.
    """
    return Cleaner(stats=str(_held_out_stats(Path(shared), tuple(exclude), Path(folder))), shipped_stats=False,
                   **options)


@lru_cache(maxsize=None)
def cached_cleaner(shared: Path, exclude: tuple[str, ...], folder: Path, options: tuple = ()) -> Cleaner:
    """One held-out Cleaner per set of options for the whole process (its tables load once)."""
    return held_out_cleaner(shared, exclude, folder, **dict(options))


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


# -- the run ---------------------------------------------------------------------------------

MEAN_FIELDS = ("sites", "edits", "corrected", "false_changes", "precision", "recall", "f0.5",
               "source_fixes_aside", "precision_reviewed", "f0.5_reviewed")
NO_SPLITS = (("splits", False), ("hyphen_suffix", False), ("merges", False))


def measure(args, names: tuple[str, ...], text: str) -> dict:
    """Every set on ``text``: each generator, their mean, clean, stripped, broken, reliability."""
    tmp = args.json.parent / "tmp"
    cleaner = cached_cleaner(args.shared, names, tmp)
    reviewed = source_errors(names)
    chosen = generators(args.shared)
    report: dict = {"half": args.half, "quick": args.quick, "characters": len(text), "rate": args.rate,
                    "seed": args.seed, "generators": {}}
    verdicts = []
    for name in args.generators:
        began = time.perf_counter()
        result, edits, sites, aside = noisy_run(cleaner, text, args.rate, args.seed, reviewed, chosen[name])
        report["generators"][name] = result
        verdicts += edit_verdicts(edits, sites, aside)
        print(f"{name}: {time.perf_counter() - began:.1f} s", file=sys.stderr)
    runs = report["generators"].values()
    report["mean"] = {f: statistics.fmean(r[f] for r in runs) for f in MEAN_FIELDS}
    report["clean"] = clean_run(cleaner, text, reviewed)
    report["stripped"] = stripped_restoration(cached_cleaner(args.shared, names, tmp, NO_SPLITS), text)
    report["broken"] = broken_words(cleaner, text, args.seed)
    report["reliability"] = {"all": reliability(verdicts),
                             "word": reliability([v for v in verdicts if v[2] in WORD_KINDS])}
    report["words"] = sum(1 for t in tokenize(text) if t.kind is TokenKind.WORD)
    if args.peers:
        report["peers_characters"] = args.peers
        report["peers"] = compare_peers(args.shared, cleaner, text[: args.peers], args.rate, args.seed)
    return report


def print_report(report: dict) -> None:
    quick = f", first {report['quick']} characters" if report["quick"] else ""
    print(f"Half: {report['half']}{quick} ({report['words']} words), rate {report['rate']}, seed {report['seed']}\n")
    print("| generator | sites | edits | precision | recall | F0.5 | false changes "
          "| precision / F0.5, reviewed fixes aside |")
    print("|---|---|---|---|---|---|---|---|")
    rows = list(report["generators"].items()) + [("**mean**", report["mean"])]
    for name, r in rows:
        print(f"| {name} | {r['sites']:.0f} | {r['edits']:.0f} | {r['precision']:.3f} | {r['recall']:.3f} "
              f"| {r['f0.5']:.3f} | {r['false_changes']:.0f} | {r['precision_reviewed']:.3f} / {r['f0.5_reviewed']:.3f} |")
    for name, r in report["generators"].items():
        print(f"\nRecall by kind, {name}:\n")
        print("| kind | sites | recall |")
        print("|---|---|---|")
        for kind, value in r["recall_by_kind"].items():
            print(f"| {kind} | {r['sites_by_kind'][kind]} | {value:.3f} |")
    c, s, b = report["clean"], report["stripped"], report["broken"]
    print("\n| measure | azfix | target |")
    print("|---|---|---|")
    print(f"| false-change rate on clean text | {c['clean_false_change_rate']:.4%} | ≤ 0.1% |")
    print(f"| … with the {c['clean_source_fixes']} reviewed fixes of the text's own misspellings aside "
          f"| {c['clean_false_change_rate_reviewed']:.4%} | |")
    print(f"| diacritic-stripped words restored ({s['damaged_words']}) | {s['restored']:.3f} | ≥ 0.97 |")
    print(f"| words broken by a space ({b['sites']}): joined | {b['recall']:.3f} | |")
    print(f"| … joins right ({b['edits']}) | {b['precision']:.3f} | |")
    for which, title in (("all", "all edits"), ("word", "word corrections only")):
        rel = report["reliability"][which]
        print(f"\nReliability, {title}, edits on the noisy texts of every generator ({rel['edits']}): "
              f"ECE {rel['ece']:.3f}, with the reviewed fixes aside {rel['ece_aside']:.3f}\n")
        print("| confidence | edits | mean confidence | share right | share right, reviewed fixes aside |")
        print("|---|---|---|---|---|")
        for row in rel["bins"]:
            span = f"< {row['high']}" if row["low"] == 0.0 else f"{row['low']}–{row['high']}"
            if not row["edits"]:
                print(f"| {span} | 0 | – | – | – |")
                continue
            aside = f"{row['right_aside']:.3f}" if row["right_aside"] is not None else "–"
            print(f"| {span} | {row['edits']} | {row['mean_confidence']:.3f} | {row['right']:.3f} "
                  f"| {aside} ({row['aside']} aside) |")
    if "peers" in report:
        print(f"\nSame run, first {report['peers_characters']} characters, all systems (noise: ours):\n")
        print("| system | precision | recall | F0.5 | false-change rate on clean text |")
        print("|---|---|---|---|---|")
        for name, r in report["peers"].items():
            print(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f0.5']:.3f} | "
                  f"{r['clean_false_change_rate']:.2%} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--half", choices=("tuning", "reporting", "all"), default="reporting")
    parser.add_argument("--generators", default="ours,typing,ocr,random")
    parser.add_argument("--quick", type=int, default=0, metavar="N", help="only the first N characters of the half")
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--texts", default="ntrex_news_dev.txt,wiki_sentences.txt")
    parser.add_argument("--json", type=Path, default=None,
                        help="default benchmarks/results/quality_{half}.json (quality_{half}_quick.json with --quick)")
    parser.add_argument("--peers", type=int, default=0, metavar="CHARS",
                        help="also compare with the peers on the first CHARS characters")
    args = parser.parse_args(argv)
    args.generators = tuple(args.generators.split(","))
    unknown = set(args.generators) - set(generators())
    if unknown:
        parser.error(f"unknown generator(s): {', '.join(sorted(unknown))}; known: {', '.join(generators())}")
    if args.json is None:
        args.json = Path("benchmarks/results") / f"quality_{args.half}{'_quick' if args.quick else ''}.json"
    names = tuple(args.texts.split(","))
    report = measure(args, names, evaluation_text(args.shared, names, args.half, args.quick))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
