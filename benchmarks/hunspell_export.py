"""Hunspell export benchmark: the dictionary ``azfix export-hunspell`` writes, beside the mozillaz and aspell-az ones.

    python -m benchmarks.hunspell_export [--shared ../shared] [--json benchmarks/results/hunspell_export.json]

Each dictionary is checked by real Hunspell twice: through the chunspell
binding (``import hunspell``) and through Debian's ``hunspell`` command line
(``hunspell -d BASE -i UTF-8 -L``, one word a line: the lines it prints are
the rejected words). Measured:

- acceptance: the share of the lowercase word tokens of the development
  text (``data/text/*``, azfix's tokenizer) accepted, also on the tuning and
  reporting halves of :mod:`benchmarks.halves`;
- rejection: the share rejected of one-edit misspellings of those tokens
  (substitution, insertion, deletion, transposition, lost diacritic; seeded)
  that are no words: neither known to azfix (``azfix.is_known``) nor in the
  LocalDoc frequency list;
- wider rejection, for the trade-off: the share rejected of one-edit
  variants that are only not in the LocalDoc list (some of them are real
  inflections azfix knows, so no dictionary should reject them all);
- size (``.dic`` + ``.aff`` bytes) and load time (the chunspell constructor
  and a first spell call, median of three fresh processes);
- suggestions (what TRY, KEY, REP and MAP are for): for ``--suggest``
  misspellings of words azfix knows, how often Hunspell's first (or one of
  its first five) suggestions is the word, and the seconds per word.

azfix's own ``is_known`` is measured on the same words for reference.

aspell-az ships as a Hunspell pair already (a word list under a bare
``.aff``), so it is measured as it is. Skips cleanly (exit 0, a message)
without the shared data or the ``hunspell`` command.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from azfix.text.alphabet import LOWERCASE_LETTERS, ascii_fold
from azfix.text.tokenize import TokenKind, iter_tokens
from benchmarks.halves import DEVELOPMENT_TEXTS, HALVES, split_lines
from benchmarks.peers import localdoc_counts

EDIT_KINDS = ("substitution", "insertion", "deletion", "transposition", "diacritic")
PEERS = {"mozillaz": "mozillaz-hunspell/az", "aspell-az": "aspell-az/az_AZ"}


def lowercase_tokens(text: str) -> list[str]:
    """The word tokens of ``text`` without a capital letter."""
    return [t.text for t in iter_tokens(text) if t.kind is TokenKind.WORD and not any(c.isupper() for c in t.text)]


def token_sets(shared: Path) -> dict[str, list[str]]:
    """Lowercase tokens of every text of ``data/text`` ("all"), and of each half of the development texts."""
    folder = shared / "data" / "text"
    sets = {"all": [w for path in sorted(folder.glob("*.txt")) for w in lowercase_tokens(path.read_text("utf-8"))]}
    for half in HALVES:
        sets[half] = [w for name in DEVELOPMENT_TEXTS
                      for line in split_lines((folder / name).read_text("utf-8"))[half]
                      for w in lowercase_tokens(line)]
    return sets


def one_edit(word: str, kind: str, rng: random.Random) -> str | None:
    """``word`` with one edit of ``kind`` at a random place (None if the word has no place for it)."""
    i = rng.randrange(len(word))
    if kind == "substitution":
        return word[:i] + rng.choice(LOWERCASE_LETTERS.replace(word[i], "")) + word[i + 1:]
    if kind == "insertion":
        return word[:i] + rng.choice(LOWERCASE_LETTERS) + word[i:]
    if kind == "deletion":
        return word[:i] + word[i + 1:]
    if kind == "transposition":
        spots = [j for j in range(len(word) - 1) if word[j] != word[j + 1]]
        j = rng.choice(spots) if spots else None
        return None if j is None else word[:j] + word[j + 1] + word[j] + word[j + 2:]
    spots = [j for j, c in enumerate(word) if ascii_fold(c) != c]
    j = rng.choice(spots) if spots else None
    return None if j is None else word[:j] + ascii_fold(word[j]) + word[j + 1:]


def misspellings(words: list[str], is_word, per_kind: int, seed: int = 7) -> dict[str, list[str]]:
    """``per_kind`` distinct non-words of each kind, made from random tokens (letters only, 3 or more)."""
    rng = random.Random(seed)
    pool = [w for w in words if len(w) >= 3 and set(w) <= set(LOWERCASE_LETTERS)]
    out: dict[str, list[str]] = {}
    for kind in EDIT_KINDS:
        found: dict[str, None] = {}
        while len(found) < per_kind:
            bad = one_edit(rng.choice(pool), kind, rng)
            if bad and bad not in found and not is_word(bad):
                found[bad] = None
        out[kind] = list(found)
    return out


def chunspell_accepts(base: Path, words: set[str]) -> set[str]:
    import hunspell

    checker = hunspell.Hunspell(base.name, hunspell_data_dir=str(base.parent))
    return {w for w in words if checker.spell(w)}


def cli_accepts(base: Path, words: set[str]) -> set[str]:
    """The words ``hunspell -L`` does not print (one a line; a line printed holds a rejected word)."""
    ordered = sorted(words)
    run = subprocess.run(["hunspell", "-d", str(base), "-i", "UTF-8", "-L"], input="\n".join(ordered) + "\n",
                         capture_output=True, text=True, encoding="utf-8", check=True)
    rejected = set(run.stdout.splitlines())
    return {w for w in ordered if w not in rejected}


def load_seconds(base: Path, runs: int = 3) -> float:
    """Median over fresh processes of the chunspell constructor and one spell call."""
    code = ("import sys, time, hunspell; t = time.perf_counter(); "
            "h = hunspell.Hunspell(sys.argv[1], hunspell_data_dir=sys.argv[2]); h.spell('kitab'); "
            "print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code, base.name, str(base.parent)],
                                  capture_output=True, text=True, check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def suggestion_cases(words: list[str], is_known, is_word, count: int, seed: int = 5) -> list[tuple[str, str]]:
    """(word, misspelling) pairs: ``count`` one-edit non-words of tokens azfix knows, the kinds in turn."""
    rng = random.Random(seed)
    pool = [w for w in words if len(w) >= 4 and set(w) <= set(LOWERCASE_LETTERS) and is_known(w)]
    cases: list[tuple[str, str]] = []
    while len(cases) < count:
        word = rng.choice(pool)
        bad = one_edit(word, EDIT_KINDS[len(cases) % len(EDIT_KINDS)], rng)
        if bad and not is_word(bad):
            cases.append((word, bad))
    return cases


def suggestions(base: Path, cases: list[tuple[str, str]]) -> dict:
    import hunspell

    checker = hunspell.Hunspell(base.name, hunspell_data_dir=str(base.parent))
    start = time.perf_counter()
    offered = [checker.suggest(bad) for _word, bad in cases]
    seconds = (time.perf_counter() - start) / len(cases)
    return {"cases": len(cases), "seconds_per_word": seconds,
            "top1": sum(bool(s) and s[0] == word for s, (word, _bad) in zip(offered, cases)) / len(cases),
            "top5": sum(word in s[:5] for s, (word, _bad) in zip(offered, cases)) / len(cases)}


def verdicts(accepted: set[str], tokens: dict[str, list[str]], bad: dict[str, list[str]],
             wider: list[str]) -> dict:
    """Acceptance of each token set, rejection of each kind of misspelling (and of all), wider rejection."""
    all_bad = [w for ws in bad.values() for w in ws]
    rejection = {kind: sum(w not in accepted for w in ws) / len(ws) for kind, ws in bad.items()}
    rejection["all"] = sum(w not in accepted for w in all_bad) / len(all_bad)
    return {"acceptance": {part: sum(w in accepted for w in ws) / len(ws) for part, ws in tokens.items()},
            "rejection": rejection, "wider_rejection": sum(w not in accepted for w in wider) / len(wider)}


def measure(base: Path, tokens: dict[str, list[str]], bad: dict[str, list[str]], wider: list[str],
            cases: list[tuple[str, str]]) -> dict:
    words = {w for ws in tokens.values() for w in ws} | {w for ws in bad.values() for w in ws} | set(wider)
    report: dict = {"bytes": sum(base.with_suffix(s).stat().st_size for s in (".dic", ".aff")),
                    "load_s": load_seconds(base), "suggestions": suggestions(base, cases) if cases else None}
    for checker, accepts in (("chunspell", chunspell_accepts), ("cli", cli_accepts)):
        accepted = accepts(base, words)
        report[checker] = verdicts(accepted, tokens, bad, wider)
        if checker == "chunspell":
            report["top_rejected"] = Counter(w for w in tokens["all"] if w not in accepted).most_common(60)
            report["accepted_misspellings"] = [w for ws in bad.values() for w in ws if w in accepted][:40]
    return report


def print_table(results: dict) -> None:
    n, m = results["tokens"]["all"], sum(results["misspellings"].values())
    print(f"| dictionary | tokens accepted ({n:,}) | tuning / reporting half | non-words rejected ({m:,}) | "
          f"variants not in LocalDoc rejected | size | load | suggestion top-1 / top-5 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results["dictionaries"].items():
        c, cli, s = r["chunspell"], r["cli"], r["suggestions"]
        shown = f"{s['top1']:.0%} / {s['top5']:.0%} ({s['seconds_per_word']:.2f} s/word)" if s else "—"
        print(f"| {name} | {c['acceptance']['all']:.2%} (CLI {cli['acceptance']['all']:.2%}) | "
              f"{c['acceptance']['tuning']:.2%} / {c['acceptance']['reporting']:.2%} | "
              f"{c['rejection']['all']:.2%} (CLI {cli['rejection']['all']:.2%}) | {c['wider_rejection']:.2%} | "
              f"{r['bytes'] / 1e6:.2f} MB | {r['load_s']:.2f} s | {shown} |")
    a = results["azfix_is_known"]
    print(f"| azfix `is_known` (reference) | {a['acceptance']['all']:.2%} | "
          f"{a['acceptance']['tuning']:.2%} / {a['acceptance']['reporting']:.2%} | {a['rejection']['all']:.2%} | "
          f"{a['wider_rejection']:.2%} | | | |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/hunspell_export.json"))
    parser.add_argument("--per-kind", type=int, default=2000, help="misspellings of each kind (default 2000)")
    parser.add_argument("--suggest", type=int, default=100, help="misspellings to ask suggestions for (default 100)")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "text").is_dir() or shutil.which("hunspell") is None:
        print("hunspell_export: skipped (needs the shared data folder and the hunspell command)", file=sys.stderr)
        return 0
    import azfix
    from azfix.export.hunspell import export_hunspell

    tokens = token_sets(args.shared)
    localdoc = localdoc_counts(args.shared)
    bad = misspellings(tokens["all"], lambda w: w in localdoc or azfix.is_known(w), args.per_kind)
    wider = [w for ws in misspellings(tokens["all"], localdoc.__contains__, args.per_kind // 5, seed=11).values()
             for w in ws]
    cases = suggestion_cases(tokens["all"], azfix.is_known, lambda w: w in localdoc or azfix.is_known(w), args.suggest)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        summary = export_hunspell(Path(tmp))
        export_s = time.perf_counter() - start
        bases = {"azfix export": Path(tmp) / "az_AZ"}
        bases.update({name: args.shared / "data" / "lexicon" / path for name, path in PEERS.items()})
        results = {"tokens": {part: len(ws) for part, ws in tokens.items()},
                   "misspellings": {kind: len(ws) for kind, ws in bad.items()}, "seed": 7,
                   "wider_variants": len(wider), "wider_seed": 11,
                   "wider_known_to_azfix": sum(map(azfix.is_known, wider)) / len(wider),
                   "export": {"seconds": export_s, "summary": summary.describe()},
                   "suggestion_seed": 5,
                   "dictionaries": {name: measure(base, tokens, bad, wider, cases) for name, base in bases.items()}}
    every = {w for ws in tokens.values() for w in ws} | {w for ws in bad.values() for w in ws} | set(wider)
    results["azfix_is_known"] = verdicts({w for w in every if azfix.is_known(w)}, tokens, bad, wider)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
