"""Real-text audit: every change azfix makes to real sentences, judged by hand.

    python -m benchmarks.audit [--shared ../shared]

The text is ``data/text/wiki_ner_sentences.txt`` (1,500 real Wikipedia
sentences with real misspellings, Cyrillic look-alike letters and endings
written apart), never used to set a parameter. It is cleaned as one text
with context statistics built from the *other* development texts.

Two reviewed files in ``benchmarks/audit/``:

- ``misspellings.tsv``: the real errors of the text, found by reading every
  sentence (``line  as written  correct  category  note``), independent of
  azfix's output;
- ``verdicts.tsv``: every change azfix has made to the text, judged
  (``line  original  replacement  verdict  note``; verdict ``right``,
  ``wrong`` or ``unsure``).

Reported: precision of word edits (right / judged), false changes (wrong
edits per token), recall on the misspellings (per category). A change not
yet judged is listed in ``benchmarks/results/audit_unjudged.tsv`` and
counted apart: judge it and add it to ``verdicts.tsv`` whenever the
decision changes. A misspelling counts as fixed when its line, cleaned,
holds the correct form and no longer the form as written (a short form may
be found elsewhere in the line: the count is approximate).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from azfix.text.tokenize import TokenKind, tokenize

from .quality import held_out_cleaner
from .reliability import WORD_KINDS

TEXT = "wiki_ner_sentences.txt"
FOLDER = Path(__file__).with_name("audit")


def read_tsv(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            row = line.split("\t")
            rows.append((row + [""] * columns)[:columns])
    return rows


def line_edits(text: str, edits) -> list[tuple[int, object]]:
    """(1-based line number, edit) of every edit."""
    starts = [0]
    for k, ch in enumerate(text):
        if ch == "\n":
            starts.append(k + 1)
    out, line = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        while line + 1 < len(starts) and starts[line + 1] <= edit.start:
            line += 1
        out.append((line + 1, edit))
    return out


def audit(shared: Path, tmp: Path) -> dict:
    text = (shared / "data" / "text" / TEXT).read_text(encoding="utf-8")
    cleaner = held_out_cleaner(shared, (TEXT,), tmp)
    result = cleaner.correct(text)
    verdicts = {(int(n), original, replacement): verdict
                for n, original, replacement, verdict, _note in read_tsv(FOLDER / "verdicts.tsv", 5)}
    counts: Counter = Counter()
    unjudged = []
    for n, edit in line_edits(text, result.edits):
        verdict = verdicts.get((n, edit.original, edit.replacement))
        group = "word" if edit.kind in WORD_KINDS else "character"
        if verdict is None:
            unjudged.append(f"{n}\t{edit.original}\t{edit.replacement}\t{edit.kind}\t{edit.confidence}")
            counts[group, "unjudged"] += 1
        else:
            counts[group, verdict] += 1
    cleaned_lines = result.text.split("\n")
    found: Counter = Counter()
    fixed: Counter = Counter()
    missed = []
    for n, written, correct, category, _note in read_tsv(FOLDER / "misspellings.tsv", 5):
        line = cleaned_lines[int(n) - 1]
        found[category] += 1
        if correct in line and (written in correct or written not in line):
            fixed[category] += 1
        else:
            missed.append((int(n), written, correct, category))
    tokens = sum(1 for t in tokenize(text) if t.kind is not TokenKind.SPACE)
    report = {"lines": text.count("\n") + 1, "tokens": tokens, "edits": len(result.edits)}
    for group in ("word", "character"):
        right, wrong = counts[group, "right"], counts[group, "wrong"]
        report[group] = {"right": right, "wrong": wrong, "unsure": counts[group, "unsure"],
                         "unjudged": counts[group, "unjudged"],
                         "precision": right / (right + wrong) if right + wrong else None}
    report["false_change_rate"] = (counts["word", "wrong"] + counts["character", "wrong"]) / tokens
    report["misspellings"] = {category: {"found": found[category], "fixed": fixed[category]}
                              for category in sorted(found)}
    report["recall"] = sum(fixed.values()) / max(sum(found.values()), 1)
    report["missed_sample"] = missed[:60]
    report["unjudged"] = len(unjudged)
    out = tmp.parent / "audit_unjudged.tsv"
    out.write_text("".join(row + "\n" for row in unjudged), encoding="utf-8")
    return report


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/audit.json"))
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "text" / TEXT).is_file():
        print(f"skipped: no {TEXT} under {args.shared}/data/text")
        return 0
    report = audit(args.shared, args.json.parent / "tmp")
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    w = report["word"]
    print(f"| measure | azfix | target |\n|---|---|---|")
    print(f"| word edits judged right ({w['right']} of {w['right'] + w['wrong']}; {w['unsure']} unsure) "
          f"| {_share(w['precision'])} | ≥ 0.95 |")
    c = report["character"]
    print(f"| character edits judged right ({c['right']} of {c['right'] + c['wrong']}) | {_share(c['precision'])} | |")
    print(f"| false changes per token ({report['tokens']} tokens) | {report['false_change_rate']:.4%} | ≤ 0.05% |")
    total = sum(v["found"] for v in report["misspellings"].values())
    print(f"| real misspellings fixed ({total}) | {report['recall']:.3f} | ≥ 0.70 |")
    for category, v in report["misspellings"].items():
        print(f"| … {category} | {v['fixed']} of {v['found']} | |")
    if report["unjudged"]:
        print(f"\n{report['unjudged']} changes not yet judged: {args.json.parent / 'audit_unjudged.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
