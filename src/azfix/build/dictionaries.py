"""Build ``dictionaries/`` from the source lexicons.

Run ``python -m azfix.build --source ../shared/data`` from the project root.
The sources are read, cleaned and merged into compact tab-separated files; the
sources themselves are never copied. The output is deterministic: the same
sources give byte-identical files, and ``manifest.json`` records the SHA-256
of every input and output.

Built files (format version :data:`FORMAT_VERSION`):

``stems.tsv``
    ``stem  pos  harmony  flags  count  sources`` — one row per stem, with
    its parts of speech (comma-separated; ``nominal`` when no source gave
    one). ``harmony`` is the vowel-harmony class 1–4 (0: take it from the
    last vowel); ``flags`` holds ``s`` (final k/q softens to y/ğ before a
    vowel: ``çörək``→``çörəyi``), ``o`` (it may: no form shows either way),
    ``d`` (final t voices to d: ``get``→
    ``gedir``), ``v`` (the last vowel drops before a vowel: ``ağız``→
    ``ağzı``). ``count`` is the summed corpus count of the attested forms
    built on the stem. ``sources`` lists one letter per source so that each row's
    licence can be traced (see ``SOURCES.md``).
``forms.tsv``
    ``form  count`` — word forms with corpus counts, ASCII-fied junk removed.
``tags.tsv``
    ``tag  share`` — how often a word of running text carries each suffix
    tag (the prior of an inflection nobody has written yet).
``suspects.tsv``
    ``form  fix  ratio`` — attested forms (and stems one dictionary lists
    without a part of speech) one edit from a form at least
    ``build_suspect_ratio`` times commoner that no curated stem explains:
    probably misspellings. They stay known, but compete with their fix
    (``Policy.suspect_ratio`` picks which); no root is made from one.
``confusions.tsv``
    ``intended  observed  count  cost`` — letter confusions learnt from real
    Tesseract output beside its source (news pages only; the Wikipedia pages
    stay unseen for evaluation).
``context.tsv.gz``
    word unigram and bigram counts of the clean running text in
    ``data/text`` (see :mod:`azfix.data.stats`).
``classes.tsv``
    ``word  class`` — the morphological class of every word of those
    counts (:func:`azfix.correct.channel.classcontext.morphological_class`),
    so that classing a word's neighbours is a lookup.

Cleaning: Cyrillic ``ә`` becomes ``ə``; glosses, labels and parenthesised
notes are stripped; entries with spaces or digits are dropped; a form whose
diacritic-restored twin is far more frequent (``siyaset`` beside
``siyasət``) is dropped as an ASCII-fied misspelling.

It must never write outside the output folder, and never ship a source file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from ..data.packed import pack
from ..config import Policy
from ..data.format import FORMAT_VERSION, ROOT_SOURCE
from ..data.stats import ContextStats
from ..correct.channel.errormodel import confusion_costs, learn_confusions
from ..morphology import Analyzer, StemEntry
from .forms import attested_roots, drop_misspelt_twins, one_letter_words, suspect_forms, web_forms
from .sources import MergedStem, collect
from .stems import Softening, is_trusted, stem_evidence, stem_flags


# Sources that give parts of speech: a stem they list is vouched for (see SOURCES.md).
CURATED_SOURCES = frozenset("ma")
# OCR pages whose confusions are learnt; the Wikipedia pages stay unseen for evaluation.
CONFUSION_PAGES = "ntrex_dev_*.ocr.txt"


def build_confusions(source: Path, out: Path, policy: Policy) -> list[str]:
    """Letter confusions of real Tesseract output, learnt from OCR/gold page pairs."""
    pairs, letters = [], defaultdict(int)
    for ocr in sorted((source / "ocr").glob(CONFUSION_PAGES)):
        gold = ocr.with_name(ocr.name.replace(".ocr.", ".gold.")).read_text(encoding="utf-8")
        pairs.append((ocr.read_text(encoding="utf-8"), gold))
        for ch in gold:
            letters[ch] += 1
    counts = learn_confusions(pairs)
    costs = confusion_costs(counts, letters, policy)
    rows = [f"{a}\t{b}\t{counts[(a, b)]}\t{cost}" for (a, b), cost in sorted(costs.items())]
    write_tsv(out / "confusions.tsv", f"azfix OCR confusions v{FORMAT_VERSION}: intended observed count cost", rows)
    return rows


def write_tsv(path: Path, header: str, rows: list[str]) -> None:
    path.write_text(f"# {header}\n" + "\n".join(rows) + "\n", encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(source: Path, out: Path, policy: Policy = Policy()) -> dict:
    """Build every dictionary file from ``source`` (the shared data folder) into ``out``, with the
    build thresholds of ``policy`` (its ``build_*`` fields and the error model's costs)."""
    root = source / "lexicon"
    if not root.is_dir():
        raise FileNotFoundError(f"no lexicon folder at {root}")
    out.mkdir(parents=True, exist_ok=True)
    rows, entries, forms = build_stems(root, out, policy)
    texts = sorted((source / "text").glob("*.txt"))
    stats = ContextStats.from_texts(p.read_text(encoding="utf-8") for p in texts)
    forms.update(one_letter_words(entries, forms, stats, policy))
    form_rows = [f"{w}\t{c}" for w, c in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]
    write_tsv(out / "forms.tsv", f"azfix forms v{FORMAT_VERSION}: form count", form_rows)
    rows["forms.tsv"] = len(form_rows)
    rows["confusions.tsv"] = len(build_confusions(source, out, policy))
    rows.update(build_indexes(root, out))
    stats.save(out / "context.tsv.gz")
    rows["context.tsv.gz"] = len(stats.unigrams) + len(stats.bigrams)
    rows["classes.tsv"] = build_word_classes(out, stats, policy)
    inputs = sorted(p for p in list(root.rglob("*")) + texts if p.is_file())
    order = ("stems.tsv", "forms.tsv", "tags.tsv", "suspects.tsv", "confusions.tsv", "context.tsv.gz",
             "candidates.bin.gz", "letters.tsv.gz", "web.tsv", "classes.tsv")
    manifest = {
        "format_version": FORMAT_VERSION,
        "files": {name: {"sha256": sha256(out / name), "rows": rows[name]} for name in order},
        "inputs": {str(p.relative_to(source)): sha256(p) for p in inputs},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def build_stems(root: Path, out: Path, policy: Policy) -> tuple[dict[str, int], dict[str, StemEntry], dict[str, int]]:
    """Write ``stems.tsv`` and ``tags.tsv``; return (rows written per file, the stem entries, the cleaned forms)."""
    table, forms = collect(root, policy)
    merged = table.merged()
    softening = Softening(forms, merged, policy)
    entries = {stem: StemEntry(m.pos, m.harmony, stem_flags(stem, m.pos, m.harmony, forms, softening))
               for stem, m in merged.items()}
    forms = drop_misspelt_twins(forms, Analyzer(entries), policy)
    suspects = find_suspects(forms, merged, entries, policy)
    write_tsv(out / "suspects.tsv", f"azfix suspect forms v{FORMAT_VERSION}: form fix ratio",
              [f"{word}\t{fix}\t{ratio}" for word, (fix, ratio) in sorted(suspects.items())])
    for new_root in attested_roots({w: c for w, c in forms.items() if w not in suspects}, Analyzer(entries), policy):
        merged[new_root] = MergedStem(("nominal",), 0, ROOT_SOURCE)
        entries[new_root] = StemEntry(("nominal",), 0, stem_flags(new_root, ("nominal",), 0, forms, softening))
    evidence, tag_shares = stem_evidence(entries, forms)
    stem_rows = [
        f"{stem}\t{','.join(entry.pos)}\t{entry.harmony}\t{entry.flags}\t{evidence.get(stem, 0)}\t{merged[stem].sources}"
        for stem, entry in sorted(entries.items())
        if is_trusted(stem, merged[stem].sources, evidence.get(stem, 0), policy)
    ]
    write_tsv(out / "stems.tsv", f"azfix stems v{FORMAT_VERSION}: stem pos harmony flags count sources", stem_rows)
    tag_rows = [f"{tag}\t{share:.6g}" for tag, share in sorted(tag_shares.items())]
    write_tsv(out / "tags.tsv", f"azfix suffix tags v{FORMAT_VERSION}: tag share", tag_rows)
    return {"stems.tsv": len(stem_rows), "tags.tsv": len(tag_rows), "suspects.tsv": len(suspects)}, entries, forms


def find_suspects(forms: dict[str, int], merged: dict, entries: dict[str, StemEntry],
                  policy: Policy) -> dict[str, tuple[str, float]]:
    """The suspect forms (:func:`~.forms.suspect_forms`): attested forms, and
    the stems only one dictionary lists without a part of speech that
    attested forms are built on (counted by those forms). A stem is
    curated when a dictionary with parts of speech (m, a) or two sources list it."""
    curated = {stem: entry for stem, entry in entries.items()
               if set(merged[stem].sources) & CURATED_SOURCES or len(merged[stem].sources) > 1}
    evidence, _shares = stem_evidence(entries, forms)
    candidates = dict(forms)
    for stem in entries.keys() - curated.keys():
        if evidence.get(stem, 0) > 0:  # a stem no form is built on misleads no reading
            candidates.setdefault(stem, evidence[stem])
    return suspect_forms(forms, candidates, Analyzer(curated), policy)


def build_indexes(root: Path, out: Path) -> dict[str, int]:
    """Write the files read from the shipped tables (web forms, candidate index, letter model): rows per file.

    The candidate indexes are saved so that no process has to build them (see azfix.data.keytable).
    """
    from ..correct.candidates.index import CandidateIndex
    from ..correct.channel.charmodel import CharModel
    from ..data.lexicon import Lexicon

    shipped = Lexicon.read_tables(out)
    web_rows = web_forms(root / "tesseract-aze" / "aze_wordlist.txt", shipped)
    write_tsv(out / "web.tsv", f"azfix web forms v{FORMAT_VERSION}: form", web_rows)
    index = CandidateIndex(shipped)
    index.save(out / "candidates.bin")
    pack(out / "candidates.bin", out / "candidates.bin.gz")  # shipped compact; unpacked once at run time
    (out / "candidates.bin").unlink()
    letters = CharModel(shipped.forms)
    letters.save(out / "letters.tsv.gz", shipped.forms)
    index_rows = sum(map(len, (index.form_skeletons, index.form_deletes, index.stem_skeletons, index.stem_deletes)))
    return {"web.tsv": len(web_rows), "candidates.bin.gz": index_rows,
            "letters.tsv.gz": len(letters.counts) + len(letters.histories)}


def build_word_classes(out: Path, stats: ContextStats, policy: Policy) -> int:
    """Write ``classes.tsv``: the class of every word of the statistics' pairs, worked out over the
    shipped tables as the corrector works it out; return the rows written."""
    from ..correct.channel.classcontext import morphological_class, save_word_classes
    from ..data.lexicon import Lexicon, read_tag_shares

    shipped = Lexicon.read_tables(out)
    shipped.tag_shares = read_tag_shares(out / "tags.tsv")
    word_class = morphological_class(shipped.analyze, shipped.analysis_prior, policy)
    words = {word for pair in stats.bigrams for word in pair}
    return save_word_classes(out / "classes.tsv", words, word_class, policy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m azfix.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("../shared/data"), help="shared data folder")
    parser.add_argument("--out", type=Path, default=Path("dictionaries"), help="output folder")
    args = parser.parse_args(argv)
    try:
        manifest = build(args.source, args.out)
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        print(f"azfix build: {exc}", file=sys.stderr)
        return 2
    for name, info in manifest["files"].items():
        print(f"{name}: {info['rows']} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
