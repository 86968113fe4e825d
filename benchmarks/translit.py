"""Transliteration: word accuracy on the hand-written Cyrillic sample, round trip, Russian passages, speed.

    python -m benchmarks.translit [--shared ../shared] [--runs 5]

- sample: ``tests/cases/translit/news.cyrillic.txt`` (written by hand in
  Soviet-era spelling, a Russian quotation inside) against its Latin gold,
  word for word, by :func:`azfix.transliterate` and by
  ``Cleaner(script="auto")``;
- round trip: each development text, its words spelt in 1958 Cyrillic
  (:func:`azfix.text.cyrillic.cyrillic_spelling`; words with other letters
  stay), transliterated back: the share of those words that come back as
  they were;
- Russian: each sentence of ``benchmarks/translit/russian.txt`` (written by
  hand) quoted inside an Azerbaijani Cyrillic sentence, and alone as a
  paragraph: the share kept byte for byte; and the clauses of the
  development texts (those not already in Cyrillic: the texts quote Russian
  titles) with no Azerbaijani letter once in Cyrillic, quoted the
  same way: the share transliterated (they are Azerbaijani). Both also with
  the lexicon's veto off (``russian_known_share`` above 1: lingua alone);
- OCR (``--ocr``, needs Tesseract's ``text2image`` and the ``aze_cyrl``
  model): the sample rendered in DejaVu Sans, read back by Tesseract, then
  transliterated, and cleaned by ``Cleaner(script="auto")``: the share of
  gold words found in order (difflib);
- speed: words/s of ``transliterate`` on the Cyrillic news text, and of
  ``Cleaner(script="auto")`` against ``Cleaner()`` on the Latin one and of
  ``Cleaner(script="auto")`` on the Cyrillic one (median of ``--runs`` warm passes).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import time
from pathlib import Path

import regex

import azfix
from azfix.config import Policy
from azfix.stages.script import transliterate_edits
from azfix.text.cyrillic import cyrillic_spelling, has_azerbaijani_letter

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ("ntrex_news_dev.txt", "wiki_sentences.txt")
PARAGRAPH = "Бакы шәһәриндә ҝөрүш олду.\n\n"  # an Azerbaijani paragraph before a Russian one
FRAME = "Нүмајәндә һејәтинин рәһбәри демишдир: «{}» Сонра ҝөрүш баша чатды."
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*")
_CLAUSE = regex.compile(r"[^.!?;:,«»\"“”()\n]+")


def in_cyrillic(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with each word the 1958 alphabet spells in Cyrillic, and (start, end, Latin word) of each."""
    pieces, spans, position, length = [], [], 0, 0
    for match in _WORD.finditer(text):
        cyrillic = cyrillic_spelling(match.group())
        if cyrillic is None:
            continue
        pieces.append(text[position:match.start()])
        length += match.start() - position
        spans.append((length, length + len(cyrillic), match.group()))
        pieces.append(cyrillic)
        length += len(cyrillic)
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), spans


def round_trip(text: str) -> dict:
    cyrillic, spans = in_cyrillic(text)
    spelt = {e.start: e.replacement for e in azfix.transliterate(cyrillic).edits}
    wrong = [(word, spelt.get(a, cyrillic[a:b])) for a, b, word in spans if spelt.get(a, cyrillic[a:b]) != word]
    return {"words": len(spans), "back": 1 - len(wrong) / len(spans), "wrong": wrong[:30]}


def sample() -> dict:
    cyrillic = (ROOT / "tests/cases/translit/news.cyrillic.txt").read_text(encoding="utf-8")
    gold = (ROOT / "tests/cases/translit/news.latin.txt").read_text(encoding="utf-8").split()
    out = {"words": len(gold)}
    for name, text in (("transliterate", azfix.transliterate(cyrillic).text),
                       ("cleaner_auto", azfix.Cleaner(script="auto").clean(cyrillic))):
        got = text.split()
        out[name] = sum(a == b for a, b in zip(got, gold)) / len(gold) if len(got) == len(gold) else 0.0
    return out


def russian(shared: Path, policy: Policy) -> dict:
    sentences = (Path(__file__).parent / "translit" / "russian.txt").read_text(encoding="utf-8").splitlines()
    quoted = sum(_kept(FRAME.format(s.rstrip(".!?")), s.rstrip(".!?"), policy) for s in sentences)
    alone = sum(not [e for e in transliterate_edits(PARAGRAPH + s, policy) if e.start >= len(PARAGRAPH)]
                for s in sentences)
    latin = [c.strip() for name in TEXTS for c in _CLAUSE.findall((shared / "data" / "text" / name).read_text(
        encoding="utf-8")) if not regex.search(r"\p{Script=Cyrillic}", c)]  # (the texts quote Russian titles)
    clauses = [c for c in (in_cyrillic(c)[0] for c in latin) if sum(ch.isalpha() for ch in c) >= policy.russian_min_letters
               and regex.search(r"\p{Script=Cyrillic}", c) and not has_azerbaijani_letter(c)]
    spelt = sum(not _kept(FRAME.format(c), c, policy) for c in clauses)
    return {"sentences": len(sentences), "quoted_kept": quoted / len(sentences), "alone_kept": alone / len(sentences),
            "azerbaijani_clauses": len(clauses), "clauses_transliterated": spelt / max(1, len(clauses))}


def _kept(text: str, quotation: str, policy: Policy) -> bool:
    start = text.index(quotation)
    return not [e for e in transliterate_edits(text, policy) if e.end > start and e.start < start + len(quotation)]


def ocr(work: Path) -> dict:
    """The sample rendered, OCR'd with ``aze_cyrl``, transliterated and cleaned: gold words found in order."""
    import difflib
    import subprocess

    cyrillic = ROOT / "tests/cases/translit/news.cyrillic.txt"
    gold = (ROOT / "tests/cases/translit/news.latin.txt").read_text(encoding="utf-8")
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(["text2image", "--text", str(cyrillic), "--outputbase", str(work / "translit_page"),
                    "--font", "DejaVu Sans", "--fonts_dir", "/usr/share/fonts", "--ptsize", "12", "--xsize", "2500",
                    "--ysize", "5000", "--exposure", "0"], check=True, capture_output=True)
    subprocess.run(["tesseract", str(work / "translit_page.tif"), str(work / "translit_page"), "-l", "aze_cyrl"],
                   check=True, capture_output=True)
    read = (work / "translit_page.txt").read_text(encoding="utf-8")

    def found(text: str) -> float:
        got, want = regex.findall(r"[\p{L}\p{N}]+", text), regex.findall(r"[\p{L}\p{N}]+", gold)
        matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
        return sum(block.size for block in matcher.get_matching_blocks()) / len(want)

    return {"transliterate": found(azfix.transliterate(read).text),
            "cleaner_auto": found(azfix.Cleaner(script="auto").clean(read))}


def speed(shared: Path, runs: int) -> dict:
    """Words/s, median of ``runs`` warm passes; the passes of the calls compared are interleaved, so that the
    load of a shared machine falls on all of them alike."""
    latin = (shared / "data" / "text" / "ntrex_news_dev.txt").read_text(encoding="utf-8")
    cyrillic, _ = in_cyrillic(latin)
    words = len(latin.split())
    plain, auto = azfix.Cleaner(), azfix.Cleaner(script="auto")
    calls = {"transliterate_cyrillic": (azfix.transliterate, cyrillic), "cleaner_latin": (plain.correct, latin),
             "cleaner_auto_latin": (auto.correct, latin), "cleaner_auto_cyrillic": (auto.correct, cyrillic)}
    times: dict[str, list[float]] = {name: [] for name in calls}
    for run in range(runs + 1):
        for name, (call, text) in calls.items():
            started = time.perf_counter()
            call(text)
            if run:  # (the first round warms up)
                times[name].append(time.perf_counter() - started)
    return {"words": words, **{name: words / statistics.median(spent) for name, spent in times.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/translit.json"))
    parser.add_argument("--ocr", action="store_true", help="also render the sample and read it with Tesseract")
    args = parser.parse_args(argv)
    results = {"sample": sample(),
               "round_trip": {name: round_trip((args.shared / "data" / "text" / name).read_text(encoding="utf-8"))
                              for name in TEXTS},
               "russian": russian(args.shared, Policy()),
               "russian_lingua_alone": russian(args.shared, dataclasses.replace(Policy(), russian_known_share=1.01)),
               "speed": speed(args.shared, args.runs)}
    if args.ocr:
        results["ocr"] = ocr(args.json.parent / "tmp")
    print(f"sample ({results['sample']['words']} words): transliterate {results['sample']['transliterate']:.2%}, "
          f"Cleaner(script='auto') {results['sample']['cleaner_auto']:.2%} words exact")
    for name, found in results["round_trip"].items():
        print(f"round trip {name}: {found['words']} words, {found['back']:.3%} back")
    for key in ("russian", "russian_lingua_alone"):
        found = results[key]
        print(f"{key}: {found['sentences']} Russian sentences kept quoted {found['quoted_kept']:.0%}, alone "
              f"{found['alone_kept']:.0%}; {found['azerbaijani_clauses']} Azerbaijani clauses without "
              f"Azerbaijani letters transliterated {found['clauses_transliterated']:.1%}")
    if "ocr" in results:
        print(f"OCR'd sample (aze_cyrl): gold words found after transliterate {results['ocr']['transliterate']:.1%}, "
              f"after Cleaner(script='auto') {results['ocr']['cleaner_auto']:.1%}")
    print("speed (words/s): " + ", ".join(f"{k} {v:,.0f}" for k, v in results["speed"].items() if k != "words"))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
