"""azfix on the generated OCR pages: CER and paragraph F1 before and after, per half, level and psm, and what is left.

    python -m benchmarks.ocr_eval [--quick] [--regenerate] [--shipped-stats] [--jobs 2]

Reads the pages stored in ``benchmarks/ocr_pages/`` (made by
:mod:`benchmarks.ocr_pages`; ``--regenerate`` makes them again first, which
needs Tesseract), cleans every OCR text with a default ``Cleaner`` and
compares it with the gold using the OCR benchmark's measures
(:func:`benchmarks.ocr.cer`, :func:`benchmarks.ocr.paragraph_f1`). For each
half × level × psm it reports the pooled CER before and after (sum of edit
distances over sum of gold characters), the reduction, the mean paragraph
F1 before and after, the pages made worse, the CER after with the
reviewed misspellings of the source texts (``benchmarks/source_errors.tsv``)
counted as right when azfix fixes them, and the error breakdown of
:mod:`benchmarks.ocr_breakdown` before and after, as shares of the errors
the OCR made. The context statistics are held out as in
:mod:`benchmarks.ocr` (built from texts other than the news and Wikipedia
texts the pages were set from) when ``--shared`` is there; otherwise, or
with ``--shipped-stats``, the shipped ones are used (they have seen the
pages' text, so context decisions look better than they are).
``--quick`` takes every fourth image. Writes ``benchmarks/results/ocr_pages.json``
(``ocr_pages_quick.json`` with ``--quick``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path

from .ocr import cer, collapse, paragraph_f1
from .ocr_breakdown import CLASSES, error_breakdown, error_examples, never_output
from .ocr_pages import PAGES, stored_pages
from .quality import held_out_cleaner, source_errors

HELD_OUT = ("ntrex_news_dev.txt", "wiki_sentences.txt")
QUICK_EVERY = 4  # --quick keeps the images whose number is a multiple of this
EXAMPLES_PER_CLASS = 12
_cleaner = None
_REVIEWED = source_errors(HELD_OUT)


def _start_worker(cleaner) -> None:
    global _cleaner
    _cleaner = cleaner


def reviewed_gold(gold: str, reviewed: frozenset = _REVIEWED) -> str:
    """The gold with the development texts' own misspellings corrected as reviewed in ``source_errors.tsv``."""
    for before, original, replacement in reviewed:
        gold = gold.replace(before + original, before + replacement)
    return gold


def score_page(task: tuple[dict, frozenset]) -> dict:
    """One page cleaned and measured (runs in a worker holding the cleaner)."""
    page, never = task
    start = time.perf_counter()
    cleaned = _cleaner.clean(page["ocr"])
    seconds = time.perf_counter() - start
    gold, ocr = page["gold"], page["ocr"]
    row = {key: page[key] for key in ("name", "half", "level", "psm", "font", "layout", "hyphenate", "source")}
    row.update(
        gold_chars=len(collapse(gold)), cer_before=cer(ocr, gold), cer_after=cer(cleaned, gold),
        cer_after_reviewed=cer(cleaned, reviewed_gold(gold)) * len(collapse(reviewed_gold(gold))) / len(collapse(gold)),
        paragraph_f1_before=paragraph_f1(ocr, gold), paragraph_f1_after=paragraph_f1(cleaned, gold),
        errors_before=dict(error_breakdown(ocr, gold, never)), errors_after=dict(error_breakdown(cleaned, gold, never)),
        seconds=seconds,
        left=[list(e) for e in error_examples(ocr, cleaned, gold, never)],
    )
    return row


def summarise(rows: list[dict]) -> dict:
    """Pooled CER, reduction, mean paragraph F1, pages made worse and the breakdown of a group of pages."""
    chars = sum(r["gold_chars"] for r in rows)
    before = sum(r["cer_before"] * r["gold_chars"] for r in rows) / chars
    after = sum(r["cer_after"] * r["gold_chars"] for r in rows) / chars
    after_reviewed = sum(r["cer_after_reviewed"] * r["gold_chars"] for r in rows) / chars
    errors_before, errors_after = Counter(), Counter()
    for r in rows:
        errors_before.update(r["errors_before"])
        errors_after.update(r["errors_after"])
    total = sum(errors_before.values()) or 1
    return {
        "pages": len(rows), "gold_chars": chars, "cer_before": before, "cer_after": after,
        "cer_reduction": 1 - after / before if before else 0.0, "cer_after_reviewed": after_reviewed,
        "paragraph_f1_before": sum(r["paragraph_f1_before"] for r in rows) / len(rows),
        "paragraph_f1_after": sum(r["paragraph_f1_after"] for r in rows) / len(rows),
        "pages_worse": sum(r["cer_after"] > r["cer_before"] for r in rows),
        "breakdown": {kind: {"before": errors_before[kind] / total, "after": errors_after[kind] / total}
                      for kind in CLASSES if errors_before[kind] or errors_after[kind]},
    }


def cells(rows: list[dict]) -> dict[str, dict]:
    """Summaries by half × level × psm, by half × level, and by half."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        for key in (f"{r['half']} {r['level']} psm{r['psm']}", f"{r['half']} {r['level']}", r["half"]):
            groups[key].append(r)
    return {key: summarise(group) for key, group in sorted(groups.items())}


def left_examples(rows: list[dict], seed: int = 0) -> dict[str, list[list[str]]]:
    """A few errors of each class left by azfix on the tuning pages: [OCR, azfix, gold] around them."""
    by_class: dict[str, list[list[str]]] = defaultdict(list)
    for r in rows:
        if r["half"] == "tuning":
            for kind, ocr, output, gold in r["left"]:
                by_class[kind].append([ocr, output, gold])
    rng = random.Random(seed)
    return {kind: rng.sample(found, min(EXAMPLES_PER_CLASS, len(found))) for kind, found in sorted(by_class.items())}


def make_cleaner(shared: Path, shipped: bool, folder: Path):
    import azfix

    if shipped or not (shared / "data" / "text").is_dir():
        return azfix.Cleaner(), "shipped"
    return held_out_cleaner(shared, HELD_OUT, folder), "held out"


def run(pages: list[dict], cleaner, jobs: int) -> tuple[list[dict], frozenset]:
    never = never_output([(p["ocr"], p["gold"]) for p in pages]) - set("jJwW")
    tasks = [(page, never) for page in pages]
    if jobs > 1:
        with Pool(jobs, initializer=_start_worker, initargs=(cleaner,)) as pool:
            rows = pool.map(score_page, tasks, chunksize=4)
    else:
        _start_worker(cleaner)
        rows = [score_page(task) for task in tasks]
    return rows, never


def print_table(summary: dict[str, dict]) -> None:
    print("| pages | n | CER before | CER after | reduction | after, source fixes aside | paragraph F1 | worse |")
    print("|---|---|---|---|---|---|---|---|")
    for key, s in summary.items():
        print(f"| {key} | {s['pages']} | {s['cer_before']:.2%} | {s['cer_after']:.2%} | {s['cer_reduction']:.0%} | "
              f"{s['cer_after_reviewed']:.2%} | {s['paragraph_f1_before']:.2f} → {s['paragraph_f1_after']:.2f} | "
              f"{s['pages_worse']} |")
    for half in ("tuning", "reporting"):
        if half in summary:
            print(f"\n{half}: share of the OCR's character errors, before → after")
            for kind, share in summary[half]["breakdown"].items():
                print(f"  {kind:<22} {share['before']:6.1%} → {share['after']:6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--json", type=Path, default=None,
                        help="default benchmarks/results/ocr_pages.json (ocr_pages_quick.json with --quick)")
    parser.add_argument("--quick", action="store_true", help=f"every {QUICK_EVERY}th image only")
    parser.add_argument("--regenerate", action="store_true", help="make the pages again first (needs Tesseract)")
    parser.add_argument("--shipped-stats", action="store_true", help="the shipped context statistics")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)
    if args.json is None:
        args.json = Path("benchmarks/results") / ("ocr_pages_quick.json" if args.quick else "ocr_pages.json")
    if args.regenerate:
        from .ocr_pages import main as generate

        generate(["--shared", str(args.shared), "--out", str(args.pages)])
    pages = stored_pages(args.pages)
    if args.quick:
        pages = [p for p in pages if int(p["name"].split("_")[1]) % QUICK_EVERY == 0]
    cleaner, stats = make_cleaner(args.shared, args.shipped_stats, args.json.parent / "tmp")
    start = time.perf_counter()
    rows, never = run(pages, cleaner, args.jobs)
    summary = cells(rows)
    report = {"stats": stats, "quick": args.quick, "never_output": "".join(sorted(never)),
              "seconds": time.perf_counter() - start, "summary": summary, "left_examples": left_examples(rows),
              "pages": [{k: v for k, v in r.items() if k != "left"} for r in rows]}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(summary)
    print(f"\n{len(rows)} pages, context statistics {stats}, {report['seconds']:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
