"""Tesseract's confusions, multi-letter ones included, learned from the tuning OCR pages.

    python -m benchmarks.ocr_multiletter [--pages benchmarks/ocr_pages] [--tsv ...]

How, for each tuning page (never a reporting one):

1. the OCR text's line ends are undone (:func:`benchmarks.ocr_confusions.undo_line_ends`)
   and both texts cut at whitespace into tokens, marks kept (``5%``,
   ``İstanbul'da``, ``enerji,``);
2. the token sequences are aligned (difflib); tokens of equal blocks, and of
   replaced blocks as long on both sides, are paired one to one when they are
   close (at most ``max(3, len/3)`` edits apart);
3. inside a pair the characters are aligned (Levenshtein opcodes) and each
   run of adjacent changes is one confusion gold → OCR (``w→vv``, ``m→rn``,
   ``n→ri``, ``%→96``, ``j→)``, ``'→``); runs longer than
   ``MAX_SIDE`` characters on either side are dropped, and a run of as many
   characters on both sides is that many single substitutions (``ış→is``);
   pure insertions (nothing of the gold) and a lost hyphen are left out (the
   first are stray marks, the second a line end undone).

Every confusion is counted with how often its gold string occurs in the
paired gold tokens, so ``probability`` estimates P(OCR string | gold string).
Writes a TSV (``gold, ocr, count, gold_count, probability``, by count).

>>> word_confusions("waxt", "vvaxt")
[('w', 'vv')]
>>> word_confusions("5%", "596")
[('%', '96')]
>>> word_confusions("ışıq", "isiq")
[('ı', 'i'), ('ş', 's'), ('ı', 'i')]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from .ocr_breakdown import change_runs
from .ocr_confusions import undo_line_ends
from .ocr_pages import PAGES, stored_pages

MAX_SIDE = 3  # characters on either side of one confusion
MIN_COUNT = 2  # confusions seen fewer times are left out of the table
TOP = 40


def word_confusions(gold: str, ocr: str) -> list[tuple[str, str]]:
    """The confusions turning the token ``gold`` into ``ocr``, as (gold string, OCR string)."""
    out = []
    for run in change_runs(ocr, gold):
        g, o = gold[run.g1:run.g2], ocr[run.t1:run.t2]
        if not g or len(g) > MAX_SIDE or len(o) > MAX_SIDE or (g == "-" and not o):
            continue
        out += list(zip(g, o)) if len(g) == len(o) > 1 else [(g, o)]
    return out


def paired_tokens(gold: str, ocr: str) -> Iterable[tuple[str, str]]:
    """(gold token, OCR token) pairs of one page: identical tokens and the close readings of replaced ones."""
    gold_tokens, ocr_tokens = gold.split(), undo_line_ends(ocr).split()
    matcher = difflib.SequenceMatcher(None, gold_tokens, ocr_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and a2 - a1 == b2 - b1):
            for g, o in zip(gold_tokens[a1:a2], ocr_tokens[b1:b2]):
                limit = max(3, len(g) // 3)
                if g == o or Levenshtein.distance(g, o, score_cutoff=limit) <= limit:
                    yield g, o


def learn_confusions(pages: Iterable[tuple[str, str]]) -> list[tuple[str, str, int, int, float]]:
    """``(gold, ocr, count, gold_count, probability)`` from (gold text, OCR text) pages, most frequent first."""
    found: Counter = Counter()
    gold_tokens: list[str] = []
    for gold, ocr in pages:
        for g, o in paired_tokens(gold, ocr):
            gold_tokens.append(g)
            if g != o:
                found.update(word_confusions(g, o))
    seen = "\0".join(gold_tokens)
    rows = []
    for (g, o), n in found.items():
        if n >= MIN_COUNT:
            times = max(seen.count(g), n)
            rows.append((g, o, n, times, n / times))
    return sorted(rows, key=lambda r: (-r[2], -r[4], r[0], r[1]))


def write_tsv(rows: list[tuple[str, str, int, int, float]], path: Path) -> None:
    lines = ["gold\tocr\tcount\tgold_count\tprobability"]
    lines += [f"{g}\t{o}\t{n}\t{times}\t{p:.4f}" for g, o, n, times, p in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--tsv", type=Path, default=Path("benchmarks/results/ocr_confusions_multiletter.tsv"))
    args = parser.parse_args(argv)
    pages = stored_pages(args.pages, half="tuning")
    rows = learn_confusions((p["gold"], p["ocr"]) for p in pages)
    write_tsv(rows, args.tsv)
    print("| gold | OCR | count | gold count | P(OCR given gold) |")
    print("|---|---|---|---|---|")
    for g, o, n, times, p in rows[:TOP]:
        print(f"| `{g}` | `{o}` | {n} | {times} | {p:.3f} |")
    print(f"{len(rows)} confusions seen {MIN_COUNT}+ times on {len(pages)} tuning pages → {args.tsv}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
