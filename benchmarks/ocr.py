"""OCR cleanup on real Tesseract output: character error rate and paragraph boundaries.

    python -m benchmarks.ocr [--shared ../shared]

For every ``data/ocr/*.ocr.txt`` beside its ``.gold.txt``: the character
error rate (Levenshtein distance / gold length) of the raw OCR text and of
azfix's output, both compared with runs of whitespace collapsed to one
space; and the F1 of paragraph boundaries (a boundary is a blank line in the
gold; in the output, a blank line or a line break after sentence-final text).
Context statistics are held out: built from ``data/text`` without the news
articles the OCR pages were rendered from.
"""

from __future__ import annotations

import argparse
import difflib
import json
import statistics
import time
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

from .quality import held_out_cleaner


def collapse(text: str) -> str:
    return regex.sub(r"\s+", " ", text).strip()


def cer(output: str, gold: str) -> float:
    a, b = collapse(output), collapse(gold)
    return Levenshtein.distance(a, b) / max(len(b), 1)


def paragraphs(text: str) -> list[str]:
    return [collapse(p) for p in regex.split(r"\n[ \t]*\n", text.strip()) if p.strip()]


def boundary_words(text: str) -> tuple[list[str], set[int]]:
    """The words of a text and the indices of the words that start a paragraph."""
    words, starts = [], set()
    for para in paragraphs(text):
        starts.add(len(words))
        words += para.split()
    return words, starts


def paragraph_f1(output: str, gold: str) -> float:
    """F1 of paragraph starts, after aligning the output's words to the gold's."""
    out_words, out_starts = boundary_words(output)
    gold_words, gold_starts = boundary_words(gold)
    to_gold: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, out_words, gold_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            to_gold[block.a + k] = block.b + k
    def gold_index(i: int) -> int | None:
        # A paragraph's first word may itself be damaged: use the next aligned word.
        for j in range(i, i + 4):
            if j in to_gold:
                return to_gold[j] - (j - i)
        return None

    located = [gold_index(i) for i in out_starts]
    mapped = {g for g in located if g is not None}
    unmapped = sum(1 for g in located if g is None)
    hits = len(mapped & gold_starts)
    precision = hits / max(len(mapped) + unmapped, 1)
    recall = hits / max(len(gold_starts), 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/ocr.json"))
    args = parser.parse_args(argv)
    cleaner = held_out_cleaner(args.shared, ("ntrex_news_dev.txt", "wiki_sentences.txt"), args.json.parent / "tmp")
    rows = []
    for ocr_path in sorted((args.shared / "data" / "ocr").glob("*.ocr.txt")):
        gold = ocr_path.with_name(ocr_path.name.replace(".ocr.", ".gold.")).read_text(encoding="utf-8")
        raw = ocr_path.read_text(encoding="utf-8")
        start = time.perf_counter()
        cleaned = cleaner.clean(raw)
        seconds = time.perf_counter() - start
        before, after = cer(raw, gold), cer(cleaned, gold)
        rows.append({
            "file": ocr_path.name, "cer_before": before, "cer_after": after,
            "cer_reduction": 1 - after / before if before else 0.0,
            "paragraph_f1_before": paragraph_f1(raw, gold), "paragraph_f1_after": paragraph_f1(cleaned, gold),
            "seconds": seconds,
        })
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print("| file | CER before | CER after | reduction | paragraph F1 before → after |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['file']} | {r['cer_before']:.2%} | {r['cer_after']:.2%} | {r['cer_reduction']:.0%} | "
              f"{r['paragraph_f1_before']:.2f} → {r['paragraph_f1_after']:.2f} |")
    for level in ("mild", "medium", "harsh"):
        chosen = [r for r in rows if f"_{level}_" in r["file"]]
        if chosen:
            print(f"| **{level}** (mean) | {statistics.mean(r['cer_before'] for r in chosen):.2%} | "
                  f"{statistics.mean(r['cer_after'] for r in chosen):.2%} | "
                  f"{statistics.mean(r['cer_reduction'] for r in chosen):.0%} | "
                  f"{statistics.mean(r['paragraph_f1_after'] for r in chosen):.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
