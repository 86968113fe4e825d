"""Lexicon benchmark: does azfix know correct words and reject misspelt ones?

    python -m benchmarks.lexicon [--shared ../shared] [--json benchmarks/results/lexicon.json]

Measures, on the shared development data:
- coverage: share of lowercase word tokens of ``data/text/*`` that ``is_known``
  accepts (capitalised tokens reported separately);
- UniMorph: share of the inflected forms in ``unimorph-aze/aze.tsv`` accepted;
- golden: az-lang-nlp golden morphology cases whose stem azfix finds;
- rejection: one-letter corruptions (insert, delete, substitute, diacritic
  swap) of random words of the text that are not themselves attested words,
  and the share of them ``is_known`` rejects;
- speed: ``is_known`` tokens/s after warm-up, import + first lookup time,
  peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from azfix.text.alphabet import LOWERCASE_LETTERS
from azfix.build.sources import clean_word
from azfix.data.lexicon import default_lexicon
from azfix.text.tokenize import TokenKind, iter_tokens

DIACRITIC_SWAPS = {"e": "ə", "ə": "e", "i": "ı", "ı": "i", "u": "ü", "ü": "u", "o": "ö", "ö": "o",
                   "s": "ş", "ş": "s", "c": "ç", "ç": "c", "g": "ğ", "ğ": "g"}


def text_words(shared: Path) -> list[str]:
    words = []
    for path in sorted((shared / "data" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words += [t.text for t in iter_tokens(text) if t.kind is TokenKind.WORD]
    return words


def coverage(words: list[str], lex) -> dict:
    lower = [w for w in words if not any(c.isupper() for c in w)]
    capital = [w for w in words if any(c.isupper() for c in w)]
    unknown_lower = Counter(w for w in lower if not lex.is_known(w))
    unknown_capital = sum(1 for w in capital if not lex.is_known(w))
    alphabet = set(LOWERCASE_LETTERS + "-'’")
    in_alphabet = [w for w in lower if set(w) <= alphabet]
    return {
        "lowercase_tokens": len(lower),
        "lowercase_known": 1 - sum(unknown_lower.values()) / len(lower),
        "azerbaijani_alphabet_tokens": len(in_alphabet),
        "azerbaijani_alphabet_known": sum(map(lex.is_known, in_alphabet)) / len(in_alphabet),
        "capitalised_tokens": len(capital),
        "capitalised_known": 1 - unknown_capital / len(capital),
        "top_unknown_lowercase": unknown_lower.most_common(40),
    }


def unimorph(shared: Path, lex) -> dict:
    path = shared / "data" / "lexicon" / "unimorph-aze" / "aze.tsv"
    forms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1]:
            forms.append(parts[1])
    unknown = [f for f in forms if not all(lex.is_known(w) for w in f.split())]
    return {"forms": len(forms), "known": 1 - len(unknown) / len(forms), "unknown_sample": unknown[:30]}


def golden(shared: Path, lex) -> dict:
    path = shared / "data" / "lexicon" / "az-lang-nlp" / "golden" / "morph.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    passed, convention, failed = 0, [], []
    for case in cases:
        stems = {a.stem for a in lex.analyze(case["word"])}
        if case["stem"] in stems or (case["stem"] == case["word"] and not stems):
            passed += 1  # (a stem equal to the word with no analysis: "unanalysable")
        elif any(case["stem"] == stem + "y" for stem in stems):
            # az-lang-nlp keeps the buffer consonant in the stem (oxuy+ur);
            # azfix gives the dictionary stem (oxu+yur): not applicable.
            convention.append(case["word"])
        else:
            failed.append((case["word"], case["stem"], sorted(stems)[:4]))
    applicable = len(cases) - len(convention)
    return {"cases": len(cases), "applicable": applicable, "passed": passed,
            "not_applicable_buffer_convention": convention, "failed": failed}


def corrupt(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    op = rng.choice(["insert", "delete", "substitute", "diacritic"])
    if op == "insert":
        return word[:i] + rng.choice(LOWERCASE_LETTERS) + word[i:]
    if op == "delete" and len(word) > 2:
        return word[:i] + word[i + 1:]
    if op == "diacritic":
        spots = [j for j, c in enumerate(word) if c in DIACRITIC_SWAPS]
        if spots:
            j = rng.choice(spots)
            return word[:j] + DIACRITIC_SWAPS[word[j]] + word[j + 1:]
    return word[:i] + rng.choice(LOWERCASE_LETTERS.replace(word[i], "")) + word[i + 1:]


def dictionary_words(shared: Path) -> set[str]:
    """Every word any source lexicon lists: a corruption that lands on one is a real word."""
    root = shared / "data" / "lexicon"
    found: set[str] = set()
    lists = [
        root / "aznlp-headwords" / "words.txt", root / "azelexicon" / "words.txt",
        root / "aygun-lemmas" / "general_lemmas.txt", root / "aygun-lemmas" / "verb_lemmas.txt",
        root / "aspell-az" / "words.txt", root / "mozillaz-hunspell" / "az.dic",
    ]
    for path in lists:
        for line in path.read_text(encoding="utf-8").splitlines():
            head = line.split("/")[0].split("(")[0].strip()
            if head and " " not in head:
                found.add(clean_word(head))
    for line in (root / "az-lang-nlp" / "dict.txt").read_text(encoding="utf-8").splitlines():
        found.add(clean_word(line[1:]))
    for line in (root / "unimorph-aze" / "aze.tsv").read_text(encoding="utf-8").splitlines():
        found.update(clean_word(w) for w in line.split("\t")[:2])
    return found


def rejection(words: list[str], lex, dictionary: set[str], samples: int = 20000, seed: int = 7) -> dict:
    """Corrupt random words once; of the results no source lists, how many are rejected?"""
    rng = random.Random(seed)
    candidates = [w for w in words if w.isalpha() and w.islower() and len(w) >= 3]
    attested = set(words) | set(lex.forms) | dictionary
    tried = accepted = 0
    accepted_examples = []
    while tried < samples:
        word = rng.choice(candidates)
        bad = corrupt(word, rng)
        if bad == word or bad in attested:
            continue
        tried += 1
        if lex.is_known(bad):
            accepted += 1
            if len(accepted_examples) < 40:
                accepted_examples.append((word, bad, [a.segments for a in lex.analyze(bad)[:1]]))
    return {"corruptions": tried, "rejected": 1 - accepted / tried, "accepted_sample": accepted_examples}


def speed(words: list[str], runs: int = 5) -> dict:
    lex = default_lexicon()
    for w in words:
        lex.is_known(w)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        for w in words:
            lex.is_known(w)
        timings.append(time.perf_counter() - start)
    cold = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c",
             "import time; t=time.perf_counter(); import azfix; azfix.is_known('kitablar'); "
             "print(time.perf_counter()-t)"],
            capture_output=True, text=True, check=True,
        )
        cold.append(float(out.stdout))
    return {
        "tokens": len(words),
        "is_known_tokens_per_s": len(words) / statistics.median(timings),
        "import_and_first_lookup_s": statistics.median(cold),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/lexicon.json"))
    args = parser.parse_args(argv)
    lex = default_lexicon()
    words = text_words(args.shared)
    report = {
        "coverage": coverage(words, lex),
        "unimorph": unimorph(args.shared, lex),
        "golden_morphology": golden(args.shared, lex),
        "rejection": rejection(words, lex, dictionary_words(args.shared)),
        "speed": speed(words),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    c, u, g, r, s = (report[k] for k in ("coverage", "unimorph", "golden_morphology", "rejection", "speed"))
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| lowercase word tokens known ({c['lowercase_tokens']}) | {c['lowercase_known']:.2%} | ≥ 99.5% |")
    print(f"| … of them in the Azerbaijani alphabet ({c['azerbaijani_alphabet_tokens']}) | {c['azerbaijani_alphabet_known']:.2%} | |")
    print(f"| capitalised word tokens known ({c['capitalised_tokens']}) | {c['capitalised_known']:.2%} | (reported) |")
    print(f"| UniMorph forms known ({u['forms']}) | {u['known']:.2%} | ≥ 98% |")
    print(f"| golden morphology stems (applicable) | {g['passed']}/{g['applicable']} | all |")
    print(f"| one-letter corruptions rejected ({r['corruptions']}) | {r['rejected']:.2%} | ≥ 95% |")
    print(f"| is_known tokens/s (warm) | {s['is_known_tokens_per_s']:,.0f} | ≥ 300k |")
    print(f"| import + first lookup | {s['import_and_first_lookup_s']:.3f} s | ≤ 0.5 s |")
    print(f"| peak RSS | {s['peak_rss_mb']:.0f} MB | ≤ 150 MB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
